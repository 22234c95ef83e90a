import type { CoreContext } from '../context';

/** Filled by the revision work. */
export class RevisionService {
  constructor(protected readonly ctx: CoreContext) {}
}

import type { CoreContext } from '../context';

/** Filled by the import work. */
export class ImportService {
  constructor(protected readonly ctx: CoreContext) {}
}

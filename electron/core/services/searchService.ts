import type { CoreContext } from '../context';

/** Filled by the search work. */
export class SearchService {
  constructor(protected readonly ctx: CoreContext) {}
}

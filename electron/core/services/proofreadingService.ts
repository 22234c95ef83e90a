import type { CoreContext } from '../context';

/** Filled by the proofreading work. */
export class ProofreadingService {
  constructor(protected readonly ctx: CoreContext) {}
}

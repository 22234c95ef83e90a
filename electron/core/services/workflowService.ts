import type { CoreContext } from '../context';

/** Filled by the workflow work. */
export class WorkflowService {
  constructor(protected readonly ctx: CoreContext) {}
}

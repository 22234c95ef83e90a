import type { workflowMethods } from '../../../../shared/api/methods/workflow';
import type { SamplesFor } from './kit';

export const workflowSamples: SamplesFor<typeof workflowMethods> = {};

import type { proofreadingMethods } from '../../../../shared/api/methods/proofreading';
import type { SamplesFor } from './kit';

export const proofreadingSamples: SamplesFor<typeof proofreadingMethods> = {};

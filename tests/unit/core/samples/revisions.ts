import type { revisionMethods } from '../../../../shared/api/methods/revisions';
import type { SamplesFor } from './kit';

export const revisionSamples: SamplesFor<typeof revisionMethods> = {};

import type { importMethods } from '../../../../shared/api/methods/importing';
import type { SamplesFor } from './kit';

export const importSamples: SamplesFor<typeof importMethods> = {};

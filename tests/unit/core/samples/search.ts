import type { searchMethods } from '../../../../shared/api/methods/search';
import type { SamplesFor } from './kit';

export const searchSamples: SamplesFor<typeof searchMethods> = {};

/** Filled by the proofreading work; each entry: 'domain.verb': method<Result>()(zodInput, permission, writes). */
export const proofreadingMethods = {} as const;

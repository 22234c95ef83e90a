/** Filled by the revisions work; each entry: 'domain.verb': method<Result>()(zodInput, permission, writes). */
export const revisionMethods = {} as const;

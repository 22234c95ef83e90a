/** Filled by the search work; each entry: 'domain.verb': method<Result>()(zodInput, permission, writes). */
export const searchMethods = {} as const;

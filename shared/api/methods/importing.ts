/** Filled by the importing work; each entry: 'domain.verb': method<Result>()(zodInput, permission, writes). */
export const importMethods = {} as const;

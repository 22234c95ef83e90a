/** Filled by the workflow work; each entry: 'domain.verb': method<Result>()(zodInput, permission, writes). */
export const workflowMethods = {} as const;

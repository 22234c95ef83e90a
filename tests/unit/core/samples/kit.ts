import type { MethodName } from '../../../../shared/api/contract';

export interface Sample {
  valid: (ids: { articleId: string }) => unknown;
  invalid: unknown;
  /** The field the validation message must name (its Chinese label). */
  invalidLabel: string;
}

/** One sample per method of a methods/ module: a missing row fails to compile. */
export type SamplesFor<Methods> = { [M in keyof Methods & MethodName]: Sample };

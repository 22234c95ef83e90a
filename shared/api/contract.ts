import type { z } from 'zod';
import { sessionMethods } from './methods/session';
import { articleMethods } from './methods/articles';
import { searchMethods } from './methods/search';
import { revisionMethods } from './methods/revisions';
import { importMethods } from './methods/importing';
import { workflowMethods } from './methods/workflow';
import { collaborationMethods } from './methods/collaboration';
import { administrationMethods } from './methods/administration';
import { proofreadingMethods } from './methods/proofreading';
import { photoMethods } from './methods/photos';
import { layoutMethods } from './methods/layout';
import { paperMethods } from './methods/paper';
import { interchangeMethods } from './methods/interchange';

export type { Permission } from './contractKit';
export { articleCreateSchema } from './methods/articles';
export type { ArticleListResult } from './methods/articles';

/**
 * The whole API in one table: each method's input schema, the privilege it
 * needs and (as a type only) its result. The dispatcher, the Electron IPC
 * adapter, the browser host and the renderer's client all read this table.
 * Each domain keeps its methods in its own module under methods/.
 */
export const contract = {
  ...sessionMethods,
  ...articleMethods,
  ...searchMethods,
  ...revisionMethods,
  ...importMethods,
  ...workflowMethods,
  ...collaborationMethods,
  ...administrationMethods,
  ...proofreadingMethods,
  ...photoMethods,
  ...layoutMethods,
  ...paperMethods,
  ...interchangeMethods,
} as const;

type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type ResultOf<M extends MethodName> = NonNullable<Contract[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

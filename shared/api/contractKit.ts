import { z } from 'zod';
import type { Privilege } from '../domain/roles';

export type Permission = Privilege | 'public' | 'authenticated';

export interface MethodDef<I extends z.ZodType, R> {
  input: I;
  permission: Permission;
  /** Writes to the database: refused while the data folder is read-only. */
  writes: boolean;
  /** Phantom: carries the result type for the typed client. */
  result?: R;
}

/** Curried so the result type is named while the input type is inferred from the schema. */
export function method<R>() {
  return <I extends z.ZodType>(input: I, permission: Permission, writes: boolean): MethodDef<I, R> => ({
    input,
    permission,
    writes,
  });
}

export const id = z.uuid({ error: '不是有效的编号' });
export const shortText = (max: number) => z.string().trim().max(max, { error: `不能超过 ${max} 个字符` });
export const requiredText = (max: number, what: string) =>
  z.string().trim().min(1, { error: `请填写${what}` }).max(max, { error: `${what}不能超过 ${max} 个字符` });
export const password = z.string().min(8, { error: '密码至少 8 位' }).max(200, { error: '密码过长' });
export const username = z
  .string()
  .trim()
  .min(2, { error: '用户名至少 2 个字符' })
  .max(40, { error: '用户名不能超过 40 个字符' })
  .regex(/^[A-Za-z0-9_.-]+$/, { error: '用户名只能包含字母、数字、下划线、点和连字符' });
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });
/** The version a write was based on (optimistic concurrency). */
export const version = z.number({ error: '请提供版本号' }).int({ error: '版本号应为整数' }).min(1, { error: '版本号从 1 开始' });
/** A call about one story. */
export const articleRef = z.object({ articleId: id });

import type { MethodName } from './contract';
import type { Privilege } from '../domain/roles';

/** Chinese names of fields, so a validation message says which box to fix. */
export const FIELD_LABELS: Record<string, string> = {
  paperName: '报纸名称',
  username: '用户名',
  password: '密码',
  displayName: '姓名',
  oldPassword: '原密码',
  newPassword: '新密码',
  roles: '角色',
  id: '稿件编号',
  articleId: '稿件编号',
  baseVersion: '版本号',
  slug: '稿件名',
  desk: '栏目',
  genre: '体裁',
  kicker: '引题',
  headline: '主题',
  subheadline: '副题',
  bylines: '署名',
  name: '姓名',
  role: '身份',
  dateline: '电头',
  endCredit: '文末署名',
  abstract: '摘要',
  editorsNote: '编者按',
  keywords: '关键词',
  targetChars: '目标字数',
  editionDate: '见报日期',
  page: '版次',
  priority: '优先级',
  body: '正文',
  status: '状态',
  limit: '每页条数',
  offset: '起始位置',
  sort: '排序',
};

export function fieldLabel(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const key = path[i];
    if (typeof key === 'string' && FIELD_LABELS[key]) return FIELD_LABELS[key]!;
  }
  return path.map(String).join('.') || '输入';
}

export const PRIVILEGE_LABELS: Record<Privilege, string> = {
  'article.read': '查看稿件',
  'article.create': '新建稿件',
  'article.edit_own': '修改自己的稿件',
  'article.edit_any': '修改任何稿件',
  'article.delete': '删除稿件',
  'workflow.submit': '交稿',
  'workflow.review1': '初审',
  'workflow.review2': '复审',
  'workflow.review3': '终审签发',
  'workflow.spike': '撤稿',
  'layout.edit': '组版',
  'page.sign': '签版',
  'proof.mark': '校对',
  'photo.manage': '管理图片',
  'lock.force': '强制解锁',
  'audit.read': '查看审计记录',
  'user.manage': '管理用户',
  'settings.manage': '系统设置',
};

export type MethodLabels = Partial<Record<MethodName, string>>;

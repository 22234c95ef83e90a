/**
 * A role is only a named set of privileges; services check privileges, never
 * role names, so a paper can reshape its roles without code changes.
 */
export const PRIVILEGES = [
  'article.read',
  'article.create',
  'article.edit_own',
  'article.edit_any',
  'article.delete',
  'workflow.submit',
  'workflow.review1',
  'workflow.review2',
  'workflow.review3',
  'workflow.spike',
  'layout.edit',
  'page.sign',
  'proof.mark',
  'photo.manage',
  'lock.force',
  'audit.read',
  'user.manage',
  'settings.manage',
] as const;
export type Privilege = (typeof PRIVILEGES)[number];

/** The names the core's refusals give privileges (permissions.ts, the workflow machine); the interface takes its own from the locale files (privileges). */
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

export const ROLE_CODES = [
  'reporter',
  'editor',
  'section_head',
  'chief_editor',
  'layout_editor',
  'proofreader',
  'admin',
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export interface RoleDefinition {
  code: RoleCode;
  label: string;
  labelEn: string;
  privileges: Privilege[];
}

const base: Privilege[] = ['article.read'];

export const DEFAULT_ROLES: readonly RoleDefinition[] = [
  {
    code: 'reporter',
    label: '记者',
    labelEn: 'Reporter',
    privileges: [...base, 'article.create', 'article.edit_own', 'workflow.submit', 'photo.manage'],
  },
  {
    code: 'editor',
    label: '编辑',
    labelEn: 'Editor',
    privileges: [...base, 'article.create', 'article.edit_own', 'article.edit_any', 'workflow.submit', 'workflow.review1', 'workflow.spike', 'photo.manage'],
  },
  {
    code: 'section_head',
    label: '部门主任',
    labelEn: 'Section head',
    privileges: [...base, 'article.create', 'article.edit_own', 'article.edit_any', 'workflow.submit', 'workflow.review1', 'workflow.review2', 'workflow.spike', 'lock.force', 'photo.manage'],
  },
  {
    code: 'chief_editor',
    label: '值班总编',
    labelEn: 'Chief editor',
    privileges: [...base, 'article.create', 'article.edit_own', 'article.edit_any', 'workflow.review3', 'workflow.spike', 'page.sign', 'lock.force', 'audit.read', 'photo.manage'],
  },
  {
    code: 'layout_editor',
    label: '版面编辑',
    labelEn: 'Layout editor',
    privileges: [...base, 'layout.edit', 'photo.manage'],
  },
  {
    code: 'proofreader',
    label: '校对',
    labelEn: 'Proofreader',
    privileges: [...base, 'proof.mark'],
  },
  {
    code: 'admin',
    label: '管理员',
    labelEn: 'Administrator',
    privileges: [...base, 'article.delete', 'user.manage', 'settings.manage', 'audit.read', 'lock.force'],
  },
];

import { csvCell } from '../text/csvCell';

/** Chinese names of the audit actions; the type below makes the main side record only these. */
const AUDIT_ACTION_LABELS = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.login_refused': '登录被拒（账号停用）',
  'auth.login_locked': '登录暂停（多次失败）',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'permission.denied': '越权操作被拒',
  'setup.create_newsroom': '建立编辑部',
  'setup.open_demo': '打开演示编辑部',
  'user.create': '新建用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.password_reset': '重置密码',
  'user.roles': '调整用户角色',
  'role.update': '修改角色权限',
  'settings.update': '修改流程设置',
  'settings.masthead': '修改报头设置',
  'settings.desks': '修改部门列表',
  'article.delete': '删除稿件',
  'article.restore': '恢复稿件',
  'article.restoreRevision': '恢复历史版本',
  'workflow.transition': '流程操作',
  'workflow.signoff': '签字',
  'workflow.reopen': '签发后修改',
  'lock.acquire': '锁定',
  'lock.release': '解锁',
  'lock.expired': '锁定超时释放',
  'lock.force_release': '强制解锁',
  'lock.takeover': '接手编辑（稿件已交到手上）',
  'lock.request': '请求解锁',
  'lock.displaced_saved': '保存被强制解锁时的修改',
  'audit.export': '导出审计记录',
  'style.ignore': '校对：本稿忽略',
  'proof.mark': '校对：大样上标注',
  'proof.mark_status': '校对：意见已改或核销',
  'proof.round': '校对：完成一轮（通读即签字）',
  'style.override': '校对：说明理由放行',
  'wordlist.save': '修改词表',
  'wordlist.import': '导入词表',
  'wordlist.export': '导出词表',
  'layout.template': '修改版式模板',
  'layout.edition': '新建期次',
  'layout.page.add': '添加版面',
  'layout.page.update': '修改版面',
  'layout.page.move': '调整版序',
  'layout.page.remove': '删除版面',
  'layout.page.sign': '签版',
  'layout.page.unsign': '撤销签版',
  'layout.page.print': '付印（传版）',
  'layout.slot.add': '版面上稿',
  'layout.slot.update': '调整版面区块',
  'layout.slot.remove': '撤下版面区块',
  'layout.proof': '导出大样',
  'photo.import': '导入图片',
  'photo.link': '稿件配图',
  'photo.unlink': '撤下稿件配图',
  'photo.lead': '设为主图',
  'photo.caption': '修改图片说明',
  'photo.crops': '修改图片裁切',
  'photo.export': '导出图片',
  'article.export': '导出稿件',
  'edition.export': '导出期次',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** Rows written before an action got its name, or by a newer version, show their code. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

export interface CsvAuditRow {
  at: string;
  userName: string | null;
  action: string;
  actionLabel: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  details: Record<string, unknown>;
}

const HEADER = ['时间', '用户', '操作', '操作代码', '对象类型', '对象编号', '对象', '详情'];


/** UTF-8 with a BOM and CRLF lines: Excel on a Chinese Windows desktop opens it without garbling. */
export function auditCsv(rows: readonly CsvAuditRow[]): string {
  const lines = [HEADER.map(csvCell).join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.at,
        row.userName ?? '（系统）',
        row.actionLabel,
        row.action,
        row.targetType ?? '',
        row.targetId ?? '',
        row.targetLabel ?? '',
        Object.keys(row.details).length > 0 ? JSON.stringify(row.details) : '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

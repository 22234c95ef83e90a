import type { Actor, CoreContext } from '../context';
import { ApiError } from '../../../shared/api/errors';
import type { AuditEntry } from '../repositories/auditRepository';
import type { AuditFilter } from '../repositories/auditQueryRepository';
import { auditCsv } from '../../../shared/administration/audit';
import type { AuditExport, AuditPage } from '../../../shared/administration/types';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { localDate } from '../clock';
import { requirePrivilege } from './permissions';

/** The most rows one CSV carries: beyond that the user narrows the filter. */
const AUDIT_EXPORT_MAX_ROWS = 100_000;

type AuditQuery = ParsedInputOf<'audit.exportCsv'>;

/** A local calendar day → the ISO instant it starts: the filter speaks the newsroom's days. */
function dayStart(day: string, offsetDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + offsetDays).toISOString();
}

function toFilter(query: AuditQuery): AuditFilter {
  if (query.since && query.until && query.since > query.until) {
    throw new ApiError('VALIDATION', '起始日期不能晚于截止日期。', { field: 'since' });
  }
  return {
    userId: query.userId,
    action: query.action,
    targetId: query.targetId,
    fromAt: query.since ? dayStart(query.since) : undefined,
    toAt: query.until ? dayStart(query.until, 1) : undefined,
  };
}

/** Every audit row is written here, and the log is read here. */
export class AuditService {
  constructor(private readonly ctx: CoreContext) {}

  /** Inside the caller's transaction: the row commits or rolls back with the change it records. */
  record(entry: AuditEntry): Promise<void> {
    return this.ctx.repos.audit.append(entry);
  }

  /**
   * For what a read-only data folder still allows (signing in, exporting): recorded where the log can
   * be written; on a read-only folder it is not, and refusing the sign-in or export there would protect
   * nothing the user cannot already read.
   */
  async recordWhereWritable(entry: AuditEntry): Promise<void> {
    if (!this.ctx.readOnlyReason) await this.record(entry);
  }

  /**
   * A refused privilege or duty is itself evidence. Written outside the refused
   * call's transaction (which rolls back), and skipped when the folder is read-only.
   */
  async refused(actor: Actor, method: string, error: ApiError, details: Record<string, unknown>): Promise<void> {
    if (error.code !== 'FORBIDDEN') return;
    await this.recordWhereWritable({
      userId: actor.user.id,
      action: 'permission.denied',
      ...(typeof details['articleId'] === 'string' ? { targetType: 'article', targetId: details['articleId'] } : {}),
      details: { method, ...details, message: error.message },
    });
  }

  /** Runs `work`, and records a refusal it ends in (see refused). */
  async guarded<T>(actor: Actor, method: string, details: Record<string, unknown>, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ApiError) await this.refused(actor, method, error, details);
      throw error;
    }
  }

  list(actor: Actor, input: ParsedInputOf<'audit.list'>): Promise<AuditPage> {
    requirePrivilege(actor, 'audit.read');
    return this.ctx.repos.auditQuery.list(toFilter(input), { limit: input.limit, offset: input.offset });
  }

  /** The export is audited with its filter and row count, in the same transaction as the read. */
  exportCsv(actor: Actor, input: AuditQuery): Promise<AuditExport> {
    requirePrivilege(actor, 'audit.read');
    const filter = toFilter(input);
    return this.ctx.transaction(async () => {
      const { items, total } = await this.ctx.repos.auditQuery.list(filter, { limit: AUDIT_EXPORT_MAX_ROWS, offset: 0 });
      if (total > AUDIT_EXPORT_MAX_ROWS) {
        throw new ApiError('BAD_REQUEST', `符合条件的记录有 ${total} 条，超过单次导出上限 ${AUDIT_EXPORT_MAX_ROWS} 条。请缩小日期范围后分批导出。`);
      }
      await this.record({ userId: actor.user.id, action: 'audit.export', details: { rows: items.length, filter: { ...input } } });
      return { fileName: `审计记录-${localDate(new Date())}.csv`, csv: auditCsv(items), rows: items.length };
    });
  }
}

import { likeLiteral, type Store } from '../store/store';
import { auditActionLabel } from '../../../shared/administration/audit';
import type { AuditItem } from '../../../shared/administration/types';

export interface AuditFilter {
  userId?: string | undefined;
  /** An exact action, or a prefix ending in `*` (`workflow.*`). */
  action?: string | undefined;
  targetId?: string | undefined;
  /** ISO instants, inclusive lower and exclusive upper bound. */
  fromAt?: string | undefined;
  toAt?: string | undefined;
}

interface AuditRow {
  id: string;
  at: string;
  user_id: string | null;
  user_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  details: string;
}

/** Reads the audit log; writing stays with AuditRepository.append. */
export class AuditQueryRepository {
  constructor(private readonly store: Store) {}

  private where(filter: AuditFilter): { clause: string; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.userId) {
      where.push('l.user_id = ?');
      params.push(filter.userId);
    }
    if (filter.action) {
      if (filter.action.endsWith('*')) {
        where.push("l.action LIKE ? ESCAPE '\\'");
        params.push(`${likeLiteral(filter.action.slice(0, -1))}%`);
      } else {
        where.push('l.action = ?');
        params.push(filter.action);
      }
    }
    if (filter.targetId) {
      where.push('l.target_id = ?');
      params.push(filter.targetId);
    }
    if (filter.fromAt) {
      where.push('l.at >= ?');
      params.push(filter.fromAt);
    }
    if (filter.toAt) {
      where.push('l.at < ?');
      params.push(filter.toAt);
    }
    return { clause: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  async list(filter: AuditFilter, page: { limit: number; offset: number }): Promise<{ items: AuditItem[]; total: number }> {
    const { clause, params } = this.where(filter);
    const rows = await this.store.all<AuditRow>(
      `SELECT l.id, l.at, l.user_id, u.display_name AS user_name, l.action, l.target_type, l.target_id, l.details,
           CASE l.target_type WHEN 'article' THEN ar.headline WHEN 'user' THEN tu.display_name END AS target_label
         FROM audit_log l
         LEFT JOIN users u ON u.id = l.user_id
         LEFT JOIN articles ar ON l.target_type = 'article' AND ar.id = l.target_id
         LEFT JOIN users tu ON l.target_type = 'user' AND tu.id = l.target_id
         ${clause} ORDER BY l.at DESC, l.id DESC LIMIT ? OFFSET ?`,
      [...params, page.limit, page.offset],
    );
    const total = (await this.store.get<{ n: number }>(`SELECT count(*) AS n FROM audit_log l ${clause}`, params))!.n;
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        at: r.at,
        userId: r.user_id,
        userName: r.user_name,
        action: r.action,
        actionLabel: auditActionLabel(r.action),
        targetType: r.target_type,
        targetId: r.target_id,
        targetLabel: r.target_label,
        details: JSON.parse(r.details) as Record<string, unknown>,
      })),
    };
  }
}

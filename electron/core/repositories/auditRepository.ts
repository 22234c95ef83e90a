import type { Store } from '../store/store';
import { newId } from '../../../shared/domain/ids';
import type { AuditAction } from '../../../shared/administration/audit';

export interface AuditEntry {
  userId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** Append-only (enforced by triggers in the schema too). */
export class AuditRepository {
  constructor(private readonly store: Store) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.store.run(
      `INSERT INTO audit_log (id, at, user_id, action, target_type, target_id, details)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [newId(), new Date().toISOString(), entry.userId, entry.action, entry.targetType ?? null, entry.targetId ?? null, JSON.stringify(entry.details ?? {})],
    );
  }
}

import type { Db } from '../db/connection';
import { newId } from '../../../shared/domain/ids';
import type { AuditAction } from '../../../shared/workflow/audit';

export interface AuditEntry {
  userId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** Append-only (enforced by triggers in the schema too). */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  append(entry: AuditEntry): void {
    this.db
      .prepare(
        `INSERT INTO audit_log (id, at, user_id, action, target_type, target_id, details)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        newId(),
        new Date().toISOString(),
        entry.userId,
        entry.action,
        entry.targetType ?? null,
        entry.targetId ?? null,
        JSON.stringify(entry.details ?? {}),
      );
  }
}

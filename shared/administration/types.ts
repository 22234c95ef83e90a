import type { Privilege, RoleCode } from '../domain/roles';

export interface AuditItem {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  actionLabel: string;
  targetType: string | null;
  targetId: string | null;
  /** A headline or a user's name, when the target still exists. */
  targetLabel: string | null;
  details: Record<string, unknown>;
}

export interface AuditPage {
  items: AuditItem[];
  total: number;
}

export interface AuditExport {
  fileName: string;
  csv: string;
  rows: number;
}

export interface RoleInfo {
  code: RoleCode;
  label: string;
  labelEn: string;
  privileges: Privilege[];
  builtin: boolean;
  version: number;
  userCount: number;
}

export interface WorkflowSettings {
  /** Lets one person take more than one review level of a story (small papers). */
  allowSameReviewer: boolean;
  /** A lock with no save for this long is free for others. */
  lockIdleMinutes: number;
}

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = { allowSameReviewer: false, lockIdleMinutes: 15 };

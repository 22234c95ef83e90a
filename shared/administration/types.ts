import type { Privilege, RoleCode } from '../domain/roles';
import { DEFAULT_BLANK_TOLERANCE_PERCENT } from '../layout/signCheck';
import { DEFAULT_PRINT_FILE_PATTERN } from '../layout/printFileName';

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
  /** 签版 needs the page full: at most this share (%) of the type area may be left blank. */
  pageBlankTolerancePercent: number;
  /** How 付印 names each signed page's PDF for the print plant (shared/layout/printFileName.ts). */
  printFileNamePattern: string;
  /** The folder the print plant collects from; '' = the PDF is downloaded by whoever sends the page. */
  printOutputDir: string;
}

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = {
  allowSameReviewer: false,
  lockIdleMinutes: 15,
  pageBlankTolerancePercent: DEFAULT_BLANK_TOLERANCE_PERCENT,
  printFileNamePattern: DEFAULT_PRINT_FILE_PATTERN,
  printOutputDir: '',
};

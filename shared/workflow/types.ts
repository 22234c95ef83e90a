import type { ArticleStatus, ArticleSummary } from '../domain/article';
import type { Privilege, RoleCode } from '../domain/roles';
import type { SignoffKind, WorkflowAction } from './machine';
import type { LockPart } from './parts';

export interface Signoff {
  id: string;
  articleId: string;
  kind: SignoffKind;
  userId: string;
  userName: string;
  at: string;
  /** The revision written at the moment of the sign-off: the exact text approved. */
  revisionId: string;
  articleVersion: number;
  /** Set when a return, a spike or an edit after 签发 voided it; the record itself stays. */
  supersededAt: string | null;
  supersededReason: string | null;
}

export interface HistoryEntry {
  id: string;
  action: WorkflowAction | 'reopen';
  fromStatus: ArticleStatus;
  toStatus: ArticleStatus;
  userId: string;
  userName: string;
  at: string;
  reason: string | null;
  revisionId: string;
  articleVersion: number;
}

/** 审稿单: one line per level with who signed and when, then every step taken. */
export interface ReviewSheet {
  paperName: string;
  article: {
    id: string;
    headline: string;
    kicker: string;
    subheadline: string;
    desk: string;
    genre: string;
    authorName: string;
    bylineNames: string[];
    charCount: number;
    status: ArticleStatus;
    version: number;
    editionDate: string | null;
    page: number | null;
  };
  /** Each level's standing sign-off, with the 稿 it signed (第 N 稿, see RevisionSummary). */
  levels: { kind: SignoffKind | 'submit'; label: string; signoff: (Pick<Signoff, 'userName' | 'at' | 'revisionId' | 'articleVersion'> & { revisionNumber: number }) | null }[];
  history: HistoryEntry[];
  signoffs: Signoff[];
  generatedAt: string;
}

export interface ActionOption {
  action: WorkflowAction;
  label: string;
  needsReason: boolean;
  allowed: boolean;
  /** Why not, when not allowed. */
  refusal: string | null;
}

export interface QueueItem extends ArticleSummary {
  /** mine: the user's own draft; returned: their draft sent back by a reviewer; waiting: waits for the user's role. */
  why: 'mine' | 'returned' | 'waiting';
  returned: { byName: string; at: string; reason: string } | null;
  actions: ActionOption[];
}

export interface QueueResult {
  items: QueueItem[];
  /** The statuses this user's queue draws on (for the screen's heading). */
  statuses: ArticleStatus[];
}

export interface DeskOverview {
  byStatus: Partial<Record<ArticleStatus, number>>;
  byDesk: { desk: string; counts: Partial<Record<ArticleStatus, number>>; total: number }[];
}

export interface Person {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
}

export interface LockInfo {
  articleId: string;
  part: LockPart;
  userId: string;
  userName: string;
  acquiredAt: string;
  renewedAt: string;
  expiresAt: string;
}

export interface CommentAnchor {
  paragraph: number;
  start: number;
  end: number;
  quote: string;
}

export interface ArticleComment {
  id: string;
  articleId: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  text: string;
  anchor: CommentAnchor | null;
  mentions: { userId: string; name: string }[];
  createdAt: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
}

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  articleId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: AppNotification[];
  unread: number;
}

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

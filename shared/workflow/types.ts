import type { ArticleStatus, ArticleSummary } from '../domain/article';
import type { RecordedAction, SignoffKind, WorkflowAction } from './machine';
import type { QueuePage } from '../proofreading/proofDesk';

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
  action: RecordedAction;
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
  /** Allowed once the user has opened the story: an approval is given on the text, not from a list. */
  readFirst: boolean;
}

export interface QueueItem extends ArticleSummary {
  /** mine: the user's own draft; returned: their draft sent back by a reviewer; waiting: waits for the user's role. */
  why: 'mine' | 'returned' | 'filed' | 'waiting';
  returned: { byName: string; at: string; reason: string } | null;
  actions: ActionOption[];
}

export interface QueueResult {
  items: QueueItem[];
  /** Pages waiting for this user: proofreading (校对 on the 大样), 签版, 付印. */
  pages: QueuePage[];
  /** The statuses this user's queue draws on (for the screen's heading). */
  statuses: ArticleStatus[];
}

export interface DeskOverview {
  byStatus: Partial<Record<ArticleStatus, number>>;
  byDesk: { desk: string; counts: Partial<Record<ArticleStatus, number>>; total: number }[];
}

import type { LockPart } from '../workflow/parts';

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
  /** Taken before the story was last handed on: whoever the story now waits for may take the part over. */
  handedOver: boolean;
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

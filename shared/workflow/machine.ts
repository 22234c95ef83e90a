import type { ArticleStatus } from '../domain/article';
import { PRIVILEGE_LABELS, type Privilege } from '../domain/roles';

/**
 * 三审三校 as a table. What each state means — who the story waits for:
 *
 * - draft        草稿    with its author: being written, returned for revision, or withdrawn by
 *                        the author before anyone opened it (see the last history row). In
 *                        nobody else's queue.
 * - submitted    已交稿  filed by the author; waiting for 初审 (责任编辑, workflow.review1).
 * - review1      初审    passed 初审; waiting for 复审 (部门主任, workflow.review2).
 * - review2      复审    passed 复审; waiting for 终审 and 签发 (值班总编, workflow.review3), which the
 *                        chief takes as one act: both sign-offs are recorded. Only the chief edits it
 *                        now; the desk asks for it back (退回).
 * - review3      终审    reopened by a content edit after 签发 (or passed 终审 when that was a step of
 *                        its own); waiting for 签发 again (workflow.review3).
 * - approved     已签发  signed for print: the signed revision and version are on record; waiting
 *                        for the layout desk to place it (layout.edit).
 * - placed       已上版  on a page; waiting for 签版 (page.sign).
 * - page_signed  已签版  the page is signed and locked: nothing on it changes until the chief
 *                        undoes the 签版 (撤销签版); waiting for 付印 (page.sign).
 * - printed      已付印  sent to the printer. Final: no transition and no edit leaves it.
 * - spiked       已撤稿  withdrawn; in no queue. workflow.spike can bring it back as a draft.
 *
 * A content edit while approved or placed reopens the approval (back to review3, the 签发
 * sign-off superseded): see WorkflowService.onContentEdited. 签版, 撤销签版 and 付印 are steps of a
 * page, taken on the layout board with its checks (`byPage`).
 */

export const WORKFLOW_ACTIONS = [
  'submit',
  'withdraw',
  'pass1',
  'pass2',
  'sign',
  'return',
  'place',
  'unplace',
  'signPage',
  'unsignPage',
  'print',
  'spike',
  'unspike',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/**
 * What a history row may name: an action, an edit after 签发 reopening the approval, and
 * 通过终审 from the time it was a step of its own (before 终审 and 签发 became one act).
 */
export type RecordedAction = WorkflowAction | 'reopen' | 'pass3';

/** A review level for separation of duties: 1 初审, 2 复审, 3 终审 and 签发. */
export type ReviewLevel = 1 | 2 | 3;

export const SIGNOFF_KINDS = ['review1', 'review2', 'review3', 'sign', 'page_sign'] as const;
export type SignoffKind = (typeof SIGNOFF_KINDS)[number];

export interface TransitionRule {
  action: WorkflowAction;
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  privilege: Privilege;
  needsReason: boolean;
  /** The review level the step takes; separation of duties applies to steps that take one. */
  level: ReviewLevel | null;
  /** The sign-offs the step records, in order. */
  signoffs: readonly SignoffKind[];
  /** An approval: the reviewer must have opened the story's current text (not passed it from a list unread). */
  needsReading: boolean;
  /** A step of a page (签版, 撤销签版, 付印): taken on the layout board, which checks the page first. */
  byPage: boolean;
}

const rule = (r: Omit<TransitionRule, 'signoffs' | 'needsReading' | 'byPage'> & Partial<TransitionRule>): TransitionRule => ({
  signoffs: [],
  needsReading: false,
  byPage: false,
  ...r,
});

/** The same action may appear more than once: 退回 needs the privilege of the level it is used at. */
export const TRANSITIONS: readonly TransitionRule[] = [
  rule({ action: 'submit', from: ['draft'], to: 'submitted', privilege: 'workflow.submit', needsReason: false, level: null }),
  rule({ action: 'withdraw', from: ['submitted'], to: 'draft', privilege: 'workflow.submit', needsReason: false, level: null }),
  rule({ action: 'pass1', from: ['submitted'], to: 'review1', privilege: 'workflow.review1', needsReason: false, level: 1, signoffs: ['review1'], needsReading: true }),
  rule({ action: 'pass2', from: ['review1'], to: 'review2', privilege: 'workflow.review2', needsReason: false, level: 2, signoffs: ['review2'], needsReading: true }),
  // 终审 and 签发 are one act of the chief: both sign-offs are recorded, as one person's level 3.
  rule({ action: 'sign', from: ['review2'], to: 'approved', privilege: 'workflow.review3', needsReason: false, level: 3, signoffs: ['review3', 'sign'], needsReading: true }),
  // Signing again after an edit reopened the approval: the 终审 sign-off still stands.
  rule({ action: 'sign', from: ['review3'], to: 'approved', privilege: 'workflow.review3', needsReason: false, level: 3, signoffs: ['sign'], needsReading: true }),
  rule({ action: 'return', from: ['submitted'], to: 'draft', privilege: 'workflow.review1', needsReason: true, level: 1 }),
  rule({ action: 'return', from: ['review1'], to: 'draft', privilege: 'workflow.review2', needsReason: true, level: 2 }),
  rule({ action: 'return', from: ['review2', 'review3', 'approved'], to: 'draft', privilege: 'workflow.review3', needsReason: true, level: 3 }),
  rule({ action: 'place', from: ['approved'], to: 'placed', privilege: 'layout.edit', needsReason: false, level: null }),
  rule({ action: 'unplace', from: ['placed'], to: 'approved', privilege: 'layout.edit', needsReason: false, level: null }),
  rule({ action: 'signPage', from: ['placed'], to: 'page_signed', privilege: 'page.sign', needsReason: false, level: null, signoffs: ['page_sign'], byPage: true }),
  rule({ action: 'unsignPage', from: ['page_signed'], to: 'placed', privilege: 'page.sign', needsReason: true, level: null, byPage: true }),
  rule({ action: 'print', from: ['page_signed'], to: 'printed', privilege: 'page.sign', needsReason: false, level: null, byPage: true }),
  rule({
    action: 'spike',
    from: ['draft', 'submitted', 'review1', 'review2', 'review3', 'approved', 'placed', 'page_signed'],
    to: 'spiked',
    privilege: 'workflow.spike',
    needsReason: true,
    level: null,
  }),
  rule({ action: 'unspike', from: ['spiked'], to: 'draft', privilege: 'workflow.spike', needsReason: false, level: null }),
];

/** Who a story in each state waits for: the forward step's privilege. */
export const WAITING_PRIVILEGE: Partial<Record<ArticleStatus, Privilege>> = {
  submitted: 'workflow.review1',
  review1: 'workflow.review2',
  review2: 'workflow.review3',
  review3: 'workflow.review3',
  approved: 'layout.edit',
  placed: 'page.sign',
  page_signed: 'page.sign',
};

/**
 * Whether the story now waits for this user: a draft for its author, a story in review for the
 * holders of the next step's privilege. Copy handed to someone is theirs to edit: a lock taken on
 * it before the hand-over does not keep them out (LockService takes such a lock over).
 */
export function handedTo(article: { status: ArticleStatus; createdBy: string }, actor: { userId: string; privileges: ReadonlySet<Privilege> }): boolean {
  if (article.status === 'draft') return article.createdBy === actor.userId;
  const privilege = WAITING_PRIVILEGE[article.status];
  return privilege !== undefined && actor.privileges.has(privilege);
}

/** The level a reviewer takes when acting on a story waiting in this state. */
export const WAITING_LEVEL: Partial<Record<ArticleStatus, ReviewLevel>> = {
  submitted: 1,
  review1: 2,
  review2: 3,
  review3: 3,
};

export const SIGNOFF_LEVEL: Record<SignoffKind, ReviewLevel | null> = {
  review1: 1,
  review2: 2,
  review3: 3,
  sign: 3,
  page_sign: null,
};

/** States whose approval a content edit reopens (a story on a signed page is not edited at all). */
export const SIGNED_STATES: readonly ArticleStatus[] = ['approved', 'placed'];
/** States nobody may edit. */
const FROZEN_STATES: readonly ArticleStatus[] = ['printed', 'spiked'];

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: '草稿',
  submitted: '已交稿',
  review1: '初审',
  review2: '复审',
  review3: '终审',
  approved: '已签发',
  placed: '已上版',
  page_signed: '已签版',
  printed: '已付印',
  spiked: '已撤稿',
};

export const ACTION_LABELS: Record<RecordedAction, string> = {
  submit: '交稿',
  withdraw: '撤回',
  pass1: '通过初审',
  pass2: '通过复审',
  pass3: '通过终审',
  sign: '签发',
  return: '退回',
  place: '上版',
  unplace: '撤下版面',
  signPage: '签版',
  unsignPage: '撤销签版',
  print: '付印',
  spike: '撤稿',
  unspike: '恢复撤稿',
  reopen: '签发后修改，重新送审',
};

export const SIGNOFF_LABELS: Record<SignoffKind, string> = {
  review1: '初审',
  review2: '复审',
  review3: '终审',
  sign: '签发',
  page_sign: '签版',
};

const LEVEL_LABELS: Record<ReviewLevel, string> = { 1: '初审', 2: '复审', 3: '终审（签发）' };

export function findRule(action: WorkflowAction, from: ArticleStatus): TransitionRule | null {
  return TRANSITIONS.find((r) => r.action === action && r.from.includes(from)) ?? null;
}

/** The rules that can leave a state, one per action. */
export function rulesFrom(from: ArticleStatus): TransitionRule[] {
  return TRANSITIONS.filter((r) => r.from.includes(from));
}

export interface DecisionInput {
  action: WorkflowAction;
  article: { status: ArticleStatus; createdBy: string };
  actor: { userId: string; privileges: ReadonlySet<Privilege> };
  /** The story's sign-offs that still stand (not superseded by a return, spike or reopen). */
  signoffs: readonly { userId: string; kind: SignoffKind }[];
  allowSameReviewer: boolean;
  /** The actor has opened the story's current text (an approval needs it). */
  seen: boolean;
  /** Who, other than the author, has opened the story since it was filed (撤回 is too late then); null: nobody. */
  openedBy: string | null;
  reason?: string | undefined;
}

type Refusal = {
  ok: false;
  /**
   * state: not possible from this state; privilege: the role lacks it; duty: separation of duties;
   * unread: an approval of a story the reviewer has not opened; opened: 撤回 after someone opened it;
   * reason: a reason is required.
   */
  kind: 'state' | 'privilege' | 'duty' | 'unread' | 'opened' | 'reason';
  message: string;
  rule: TransitionRule | null;
};
export type Decision = { ok: true; rule: TransitionRule } | Refusal;

function statesText(states: readonly ArticleStatus[]): string {
  return states.map((s) => `“${STATUS_LABELS[s]}”`).join('、');
}

/** Whether `actor` may take `action` on the story now, and if not, a sentence saying why. */
export function decide(input: DecisionInput): Decision {
  const { action, article, actor } = input;
  const label = ACTION_LABELS[action];
  const found = findRule(action, article.status);
  if (!found) {
    const from = TRANSITIONS.filter((r) => r.action === action).flatMap((r) => r.from);
    return {
      ok: false,
      kind: 'state',
      rule: null,
      message: `“${label}”只能用于${statesText(from)}状态的稿件，这篇稿件现在是“${STATUS_LABELS[article.status]}”。请刷新后再看。`,
    };
  }
  if (!actor.privileges.has(found.privilege)) {
    return { ok: false, kind: 'privilege', rule: found, message: `您的账号没有“${PRIVILEGE_LABELS[found.privilege]}”权限，不能${label}。如需权限，请联系管理员。` };
  }
  if (action === 'submit' && article.createdBy !== actor.userId && !actor.privileges.has('article.edit_any')) {
    return { ok: false, kind: 'privilege', rule: found, message: '只有作者本人或编辑可以替这篇稿件交稿。' };
  }
  if (action === 'withdraw' && article.createdBy !== actor.userId) {
    return { ok: false, kind: 'privilege', rule: found, message: '只有作者本人可以撤回稿件；编辑要让作者修改，请用“退回”。' };
  }
  if (found.level !== null && !input.allowSameReviewer) {
    if (article.createdBy === actor.userId) {
      return { ok: false, kind: 'duty', rule: found, message: `您是这篇稿件的作者，按三审分离的规定不能审自己的稿件（${LEVEL_LABELS[found.level]}）。请交给其他同事处理。` };
    }
    const other = input.signoffs.find((s) => s.userId === actor.userId && SIGNOFF_LEVEL[s.kind] !== null && SIGNOFF_LEVEL[s.kind] !== found.level);
    if (other) {
      return {
        ok: false,
        kind: 'duty',
        rule: found,
        message: `您已对这篇稿件做了${SIGNOFF_LABELS[other.kind]}，按三审分离的规定，同一人不能再担任${LEVEL_LABELS[found.level]}。请交给其他同事处理。`,
      };
    }
  }
  if (found.needsReading && !input.seen) {
    return {
      ok: false,
      kind: 'unread',
      rule: found,
      message: `请先打开稿件读过当前版本，再${label}：审稿要看过稿件本身，不能只在列表里通过。`,
    };
  }
  if (action === 'withdraw' && input.openedBy !== null) {
    return { ok: false, kind: 'opened', rule: found, message: `${input.openedBy}已打开这篇稿件审读，不能再撤回。如需修改，请联系编辑退回。` };
  }
  // Last, so nobody is asked for a reason and then refused for something else.
  if (found.needsReason && !(input.reason ?? '').trim()) {
    return { ok: false, kind: 'reason', rule: found, message: `${label}必须填写理由，让作者知道要改什么。` };
  }
  return { ok: true, rule: found };
}

/**
 * Why the story's state keeps this user from editing it, or null. Printed and
 * spiked stories are frozen, and so is a story on a signed page; once filed, a
 * story is edited by editors (article.edit_any), not by an author who holds
 * only edit_own; at 终审 (waiting for the chief's 签发) only the chief edits it.
 */
export function editRefusal(status: ArticleStatus, privileges: ReadonlySet<Privilege>): { code: 'CONFLICT' | 'FORBIDDEN'; message: string } | null {
  if (FROZEN_STATES.includes(status)) {
    const hint = status === 'spiked' ? '如需修改，请先恢复撤稿。' : '付印后的稿件不能再修改。';
    return { code: 'CONFLICT', message: `这篇稿件${STATUS_LABELS[status]}，${hint}` };
  }
  if (status === 'page_signed') {
    return { code: 'CONFLICT', message: '稿件所在的版面已签版，版面锁定，稿件不能再改。如需修改，请值班总编先撤销签版。' };
  }
  if (status !== 'draft' && !privileges.has('article.edit_any')) {
    return { code: 'FORBIDDEN', message: `稿件已交稿，现为“${STATUS_LABELS[status]}”，正在审稿流程中。如需修改，请联系编辑退回。` };
  }
  if (status === 'review2' && !privileges.has('workflow.review3')) {
    return { code: 'FORBIDDEN', message: '稿件已送终审，正等值班总编签发，只有值班总编可以修改。如需修改，请值班总编退回。' };
  }
  return null;
}

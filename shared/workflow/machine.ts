import type { ArticleStatus } from '../domain/article';
import { PRIVILEGE_LABELS, type Privilege } from '../domain/roles';

/**
 * 三审三校 as a table. What each state means — who the story waits for:
 *
 * - draft        草稿    with its author: being written, or returned for revision (see the last
 *                        history row). In nobody else's queue.
 * - submitted    已交稿  filed by the author; waiting for 初审 (责任编辑, workflow.review1).
 * - review1      初审    passed 初审; waiting for 复审 (部门主任, workflow.review2).
 * - review2      复审    passed 复审; waiting for 终审 (值班总编, workflow.review3).
 * - review3      终审    passed 终审, or reopened by a content edit after 签发; waiting for 签发
 *                        (workflow.review3).
 * - approved     已签发  signed for print: the signed revision and version are on record; waiting
 *                        for the layout desk to place it (layout.edit).
 * - placed       已上版  on a page; waiting for 签版 (page.sign).
 * - page_signed  已签版  the page is signed; waiting for 付印 (page.sign).
 * - printed      已付印  sent to the printer. Final: no transition and no edit leaves it.
 * - spiked       已撤稿  withdrawn; in no queue. workflow.spike can bring it back as a draft.
 *
 * A content edit while approved, placed or page_signed reopens the approval (back to review3,
 * the 签发 sign-off superseded): see `reopensApproval`.
 */

export const WORKFLOW_ACTIONS = [
  'submit',
  'pass1',
  'pass2',
  'pass3',
  'sign',
  'return',
  'place',
  'unplace',
  'signPage',
  'print',
  'spike',
  'unspike',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

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
  /** The sign-off the step records, if any. */
  signoff: SignoffKind | null;
}

const rule = (r: TransitionRule): TransitionRule => r;

/** The same action may appear more than once: 退回 needs the privilege of the level it is used at. */
export const TRANSITIONS: readonly TransitionRule[] = [
  rule({ action: 'submit', from: ['draft'], to: 'submitted', privilege: 'workflow.submit', needsReason: false, level: null, signoff: null }),
  rule({ action: 'pass1', from: ['submitted'], to: 'review1', privilege: 'workflow.review1', needsReason: false, level: 1, signoff: 'review1' }),
  rule({ action: 'pass2', from: ['review1'], to: 'review2', privilege: 'workflow.review2', needsReason: false, level: 2, signoff: 'review2' }),
  rule({ action: 'pass3', from: ['review2'], to: 'review3', privilege: 'workflow.review3', needsReason: false, level: 3, signoff: 'review3' }),
  rule({ action: 'sign', from: ['review3'], to: 'approved', privilege: 'workflow.review3', needsReason: false, level: 3, signoff: 'sign' }),
  rule({ action: 'return', from: ['submitted'], to: 'draft', privilege: 'workflow.review1', needsReason: true, level: 1, signoff: null }),
  rule({ action: 'return', from: ['review1'], to: 'draft', privilege: 'workflow.review2', needsReason: true, level: 2, signoff: null }),
  rule({ action: 'return', from: ['review2', 'review3', 'approved'], to: 'draft', privilege: 'workflow.review3', needsReason: true, level: 3, signoff: null }),
  rule({ action: 'place', from: ['approved'], to: 'placed', privilege: 'layout.edit', needsReason: false, level: null, signoff: null }),
  rule({ action: 'unplace', from: ['placed'], to: 'approved', privilege: 'layout.edit', needsReason: false, level: null, signoff: null }),
  rule({ action: 'signPage', from: ['placed'], to: 'page_signed', privilege: 'page.sign', needsReason: false, level: null, signoff: 'page_sign' }),
  rule({ action: 'print', from: ['page_signed'], to: 'printed', privilege: 'page.sign', needsReason: false, level: null, signoff: null }),
  rule({
    action: 'spike',
    from: ['draft', 'submitted', 'review1', 'review2', 'review3', 'approved', 'placed', 'page_signed'],
    to: 'spiked',
    privilege: 'workflow.spike',
    needsReason: true,
    level: null,
    signoff: null,
  }),
  rule({ action: 'unspike', from: ['spiked'], to: 'draft', privilege: 'workflow.spike', needsReason: false, level: null, signoff: null }),
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

/** States whose approval a content edit reopens. */
export const SIGNED_STATES: readonly ArticleStatus[] = ['approved', 'placed', 'page_signed'];
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

export const ACTION_LABELS: Record<WorkflowAction | 'reopen', string> = {
  submit: '交稿',
  pass1: '通过初审',
  pass2: '通过复审',
  pass3: '通过终审',
  sign: '签发',
  return: '退回',
  place: '上版',
  unplace: '撤下版面',
  signPage: '签版',
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
  reason?: string | undefined;
}

export type Refusal = {
  ok: false;
  /** state: not possible from this state; privilege: the role lacks it; duty: separation of duties; reason: a reason is required. */
  kind: 'state' | 'privilege' | 'duty' | 'reason';
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
  // Last, so nobody is asked for a reason and then refused for something else.
  if (found.needsReason && !(input.reason ?? '').trim()) {
    return { ok: false, kind: 'reason', rule: found, message: `${label}必须填写理由，让作者知道要改什么。` };
  }
  return { ok: true, rule: found };
}

/**
 * Why the story's state keeps this user from editing it, or null. Printed and
 * spiked stories are frozen; once filed, a story is edited by editors
 * (article.edit_any), not by an author who holds only edit_own.
 */
export function editRefusal(status: ArticleStatus, privileges: ReadonlySet<Privilege>): { code: 'CONFLICT' | 'FORBIDDEN'; message: string } | null {
  if (FROZEN_STATES.includes(status)) {
    const hint = status === 'spiked' ? '如需修改，请先恢复撤稿。' : '付印后的稿件不能再修改。';
    return { code: 'CONFLICT', message: `这篇稿件${STATUS_LABELS[status]}，${hint}` };
  }
  if (status !== 'draft' && !privileges.has('article.edit_any')) {
    return { code: 'FORBIDDEN', message: `稿件已交稿，现为“${STATUS_LABELS[status]}”，正在审稿流程中。如需修改，请联系编辑退回。` };
  }
  return null;
}

/**
 * 校对 on the page proof (大样): the rounds a page goes through and the marks a proofreader pins on
 * it. Pure: the main side decides with it, the screens show the same words.
 *
 * Rounds run in order — 一校, 二校, 三校, then 通读 (the read-through). A mark is made in the round
 * under way; the desk fixes the text and says so (fixed); the proofreader checks the fix on the
 * proof and checks the mark off (checked), or reopens it. Finishing 通读 with every mark checked off
 * is the 校对's sign-off, given on the page as it then stands: 签版 needs it, on that same page.
 */
import type { ProofField } from '../layout/proofRuns';
import type { PageStatus } from '../layout/board';
import type { ProofRun } from '../layout/proofRuns';

export const PROOF_ROUNDS = [1, 2, 3, 4] as const;
export type ProofRound = (typeof PROOF_ROUNDS)[number];
/** For the sentences of the signing gate and the proof desk's refusals and audit rows; the interface names rounds through its locale files (proofDesk.rounds). */
export const ROUND_LABELS: Record<ProofRound, string> = { 1: '一校', 2: '二校', 3: '三校', 4: '通读' };

const MARK_STATUSES = ['open', 'fixed', 'checked'] as const;
export type MarkStatus = (typeof MARK_STATUSES)[number];

export interface ProofMark {
  id: string;
  pageId: string;
  round: ProofRound;
  slotId: string;
  articleId: string;
  /** the story's headline, to name it in lists */
  headline: string;
  field: ProofField;
  paragraph: number;
  start: number;
  end: number;
  /** the characters the mark was made on */
  quote: string;
  /** what they should read, when the proofreader says */
  correction: string;
  note: string;
  status: MarkStatus;
  createdByName: string;
  createdAt: string;
  fixedByName: string | null;
  fixedAt: string | null;
  checkedByName: string | null;
  checkedAt: string | null;
  version: number;
}

export interface RoundDone {
  round: ProofRound;
  userName: string;
  at: string;
  digest: string;
}

export interface ProofStatus {
  /** rounds finished, in order */
  rounds: Omit<RoundDone, 'digest'>[];
  /** the round under way; null once 通读 is signed off on the page as it stands */
  currentRound: ProofRound | null;
  /** marks not yet checked off: open (for the desk) and fixed (for the proofreader) */
  open: number;
  fixed: number;
  /** the 校对's sign-off (通读 finished, every mark checked off) holds for the page as it stands */
  signedOff: boolean;
  /** 通读 was finished, but the page changed since (a story fixed and signed again) */
  stale: boolean;
}

/** Where a page's proofreading stands, from its finished rounds, its marks and its digest now. */
export function proofStatus(rounds: readonly RoundDone[], marks: readonly Pick<ProofMark, 'status'>[], digest: string): ProofStatus {
  const done = new Set(rounds.map((r) => r.round));
  const lastReadThrough = [...rounds].reverse().find((r) => r.round === 4) ?? null;
  const open = marks.filter((m) => m.status === 'open').length;
  const fixed = marks.filter((m) => m.status === 'fixed').length;
  const current = lastReadThrough !== null && lastReadThrough.digest === digest;
  const signedOff = current && open === 0 && fixed === 0;
  const next = PROOF_ROUNDS.find((r) => !done.has(r)) ?? null;
  return {
    rounds: rounds.map(({ round, userName, at }) => ({ round, userName, at })),
    currentRound: signedOff ? null : (next ?? 4),
    open,
    fixed,
    signedOff,
    stale: lastReadThrough !== null && !current,
  };
}

/** Why the page cannot be signed for its proofreading, or null. */
export function proofProblem(status: ProofStatus): string | null {
  if (status.signedOff) return null;
  const marks = status.open + status.fixed;
  if (marks > 0) return `还有 ${marks} 处校对意见没有核销（${status.open} 处待改，${status.fixed} 处待校对核对）`;
  if (status.stale) return '校对签字之后版面又有改动，请校对重新通读签字';
  return `校对还没有签字：${ROUND_LABELS[status.currentRound ?? 4]}还没有完成`;
}

/** The 大样 on screen: the page's geometry in points, its slots, every line the proof sets, the marks and the rounds. */
export interface ProofSheet {
  page: { id: string; number: number; name: string; status: PageStatus; editionDate: string; issueNumber: number };
  widthPt: number;
  heightPt: number;
  typeArea: { x: number; y: number; width: number; height: number };
  slots: { id: string; kind: string; label: string; articleId: string | null; x: number; y: number; width: number; height: number }[];
  runs: ProofRun[];
  marks: ProofMark[];
  status: ProofStatus;
}

/** A page in someone's 待我处理: the proofreader's rounds, the chief's 签版 and 付印. */
export interface QueuePage {
  pageId: string;
  editionDate: string;
  number: number;
  name: string;
  status: PageStatus;
  why: 'proof' | 'sign' | 'print';
  proof: ProofStatus;
}

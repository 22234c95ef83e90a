import type { Actor, CoreContext } from '../context';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { newId } from '../../../shared/domain/ids';
import { pitchMm } from '../../../shared/layout/geometry';
import { columnSpanMm } from '../../../shared/layout/pagePlan';
import { SLOT_KIND_LABELS } from '../../../shared/layout/board';
import { ROUND_LABELS, type ProofMark, type ProofSheet, type ProofStatus, type QueuePage } from '../../../shared/proofreading/proofDesk';
import type { AuditService } from './auditService';
import type { LayoutService } from './layoutService';
import { requirePrivilege } from './permissions';

const PT_PER_MM = 72 / 25.4;
/** How many pages 待我处理 lists at most, newest editions first. */
const QUEUE_PAGES = 60;

/**
 * 校对 on the page proof (大样): the proof as the screen shows it, the marks proofreaders pin on it,
 * the desk's fixes and the proofreader's check-offs, and the rounds (一校, 二校, 三校, 通读) whose
 * last is the 校对's sign-off that 签版 needs (LayoutService checks it).
 */
export class ProofDeskService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditService,
    private readonly layout: LayoutService,
  ) {}

  private get repo() {
    return this.ctx.repos.proofDesk;
  }

  private get pages() {
    return this.ctx.repos.layout;
  }

  async sheet(pageId: string): Promise<ProofSheet> {
    const { loaded, page, proof } = await this.layout.pageState(pageId);
    const template = loaded.templates.get(page.templateId);
    if (!template) throw new ApiError('CONFLICT', '这个版面的模板已不存在。');
    const runs = await this.layout.proofRuns(pageId);
    const left = (template.pageWidthMm - template.typeAreaWidthMm) / 2;
    const top = (template.pageHeightMm - template.typeAreaHeightMm) / 2;
    const pitch = pitchMm(template);
    const pt = (mm: number) => mm * PT_PER_MM;
    return {
      page: { id: page.id, number: page.number, name: page.name, status: page.status, editionDate: loaded.board.edition.date, issueNumber: loaded.board.edition.issueNumber },
      widthPt: pt(template.pageWidthMm),
      heightPt: pt(template.pageHeightMm),
      typeArea: { x: pt(left), y: pt(top), width: pt(template.typeAreaWidthMm), height: pt(template.linesPerColumn * pitch) },
      slots: page.slots.map((slot) => {
        const span = columnSpanMm(template, slot.col, slot.columns);
        return {
          id: slot.id,
          kind: slot.kind,
          label: slot.label || SLOT_KIND_LABELS[slot.kind],
          articleId: slot.articleId,
          x: pt(left + span.x),
          y: pt(top + slot.line * pitch),
          width: pt(span.width),
          height: pt(slot.lines * pitch),
        };
      }),
      runs,
      marks: await this.repo.marksOfPage(page.id),
      status: proof,
    };
  }

  private requireProofreader(actor: Actor): void {
    requirePrivilege(actor, 'proof.mark', '校对意见由校对标注和核销。');
  }

  /**
   * A mark pinned to the page where the proofreader saw it: the slot must hold the story, and the
   * characters named must be the ones the proof prints there (the story's approved text).
   */
  async addMark(actor: Actor, input: ParsedInputOf<'proofreading.addMark'>): Promise<ProofMark> {
    this.requireProofreader(actor);
    const id = newId();
    await this.ctx.transaction(async () => {
      const { loaded, page, proof } = await this.layout.pageState(input.pageId);
      if (page.status === 'signed' || page.status === 'printed') {
        throw new ApiError('CONFLICT', `第 ${page.number} 版已${page.status === 'signed' ? '签版' : '付印'}，不能再加校对意见。`);
      }
      const slot = page.slots.find((s) => s.id === input.slotId);
      if (!slot || slot.articleId !== input.articleId) throw new ApiError('VALIDATION', '这个稿位上没有这篇稿件，请刷新大样后再标。', { field: 'slotId' });
      const text = loaded.texts.get(input.articleId);
      // The body as it prints (byline line, 电头, paragraphs, end credit); a headline part as it is.
      const printed = text ? (input.field === 'body' ? text.blocks[input.paragraph]?.text : input.paragraph === 0 ? text.article[input.field] : undefined) : undefined;
      if (printed === undefined || printed.slice(input.start, input.end) !== input.quote) {
        throw new ApiError('CONFLICT', `大样上这个位置现在不是“${input.quote}”：稿件可能刚改过，请刷新大样后再标。`);
      }
      const now = new Date().toISOString();
      await this.repo.insertMark({
        id,
        pageId: page.id,
        round: proof.currentRound ?? 4,
        slotId: slot.id,
        articleId: input.articleId,
        field: input.field,
        paragraph: input.paragraph,
        start: input.start,
        end: input.end,
        quote: input.quote,
        correction: input.correction?.trim() ?? '',
        note: input.note?.trim() ?? '',
        userId: actor.user.id,
        at: now,
      });
      await this.audit.record({ userId: actor.user.id, action: 'proof.mark', targetType: 'page', targetId: page.id, details: { markId: id, articleId: input.articleId, quote: input.quote, correction: input.correction ?? '' } });
      this.changed(actor, page.editionId);
    });
    return (await this.repo.mark(id))!;
  }

  /**
   * The desk says a mark is fixed (it may edit the story); the proofreader checks the fix off, or
   * reopens a mark the fix did not settle.
   */
  setMark(actor: Actor, input: ParsedInputOf<'proofreading.setMark'>): Promise<ProofMark> {
    return this.ctx.transaction(async () => {
      const current = await this.repo.mark(input.markId);
      if (!current) throw new ApiError('NOT_FOUND', '找不到这条校对意见，可能已被删除。');
      const page = await this.pages.page(current.pageId);
      if (page && (page.status === 'signed' || page.status === 'printed')) throw new ApiError('CONFLICT', `第 ${page.number} 版已签版，校对意见不能再改。`);
      if (input.status === 'fixed') {
        if (!actor.privileges.has('article.edit_any')) throw new ApiError('FORBIDDEN', '改稿由编辑负责：您的账号不能把校对意见标为已改。');
        if (current.status !== 'open') throw new ApiError('CONFLICT', '这条校对意见已经标为已改或已核销。');
      } else {
        this.requireProofreader(actor);
        if (input.status === 'checked' && current.status === 'checked') throw new ApiError('CONFLICT', '这条校对意见已经核销了。');
      }
      if (!(await this.repo.setStatus(current.id, input.baseVersion, input.status, actor.user.id, new Date().toISOString()))) {
        throw new ApiError('CONFLICT', '这条校对意见刚被别人处理过，请刷新后再看。');
      }
      await this.audit.record({ userId: actor.user.id, action: 'proof.mark_status', targetType: 'page', targetId: current.pageId, details: { markId: current.id, from: current.status, to: input.status } });
      if (page) this.changed(actor, page.editionId);
      return (await this.repo.mark(current.id))!;
    });
  }

  /** The proofreader finishes the round under way; finishing 通读 with every mark checked off is the 校对's sign-off. */
  async finishRound(actor: Actor, input: ParsedInputOf<'proofreading.finishRound'>): Promise<ProofStatus> {
    this.requireProofreader(actor);
    return this.ctx.transaction(async () => {
      const { page, digest, proof, loaded } = await this.layout.pageState(input.pageId);
      if (page.status === 'signed' || page.status === 'printed') throw new ApiError('CONFLICT', `第 ${page.number} 版已${page.status === 'signed' ? '签版' : '付印'}。`);
      if (!page.slots.some((s) => s.articleId && loaded.texts.has(s.articleId))) throw new ApiError('CONFLICT', `第 ${page.number} 版上还没有稿件，无从校对。`);
      if (proof.currentRound === null) throw new ApiError('CONFLICT', `第 ${page.number} 版已经通读签字了。`);
      if (input.round !== proof.currentRound) {
        throw new ApiError('CONFLICT', `第 ${page.number} 版现在是${ROUND_LABELS[proof.currentRound]}，不是${ROUND_LABELS[input.round]}。请刷新后再看。`);
      }
      if (input.round === 4 && proof.open + proof.fixed > 0) {
        throw new ApiError('CONFLICT', `还有 ${proof.open + proof.fixed} 处校对意见没有核销（${proof.open} 处待改，${proof.fixed} 处待您核对），通读不能签字。`);
      }
      await this.repo.insertRound({ id: newId(), pageId: page.id, round: input.round, userId: actor.user.id, at: new Date().toISOString(), digest });
      await this.audit.record({ userId: actor.user.id, action: 'proof.round', targetType: 'page', targetId: page.id, details: { number: page.number, round: input.round, label: ROUND_LABELS[input.round] } });
      this.changed(actor, page.editionId);
      return (await this.layout.pageState(input.pageId)).proof;
    });
  }

  storyMarks(articleId: string): Promise<ProofMark[]> {
    return this.repo.openMarksOfArticle(articleId);
  }

  /**
   * Pages waiting for this user: for proofreaders, pages holding stories whose proofreading is not
   * signed off; for whoever signs pages, pages signed off by the 校对 and waiting for 签版, and
   * signed pages waiting for 付印.
   */
  async queuePages(actor: Actor): Promise<QueuePage[]> {
    const proofreader = actor.privileges.has('proof.mark');
    const signer = actor.privileges.has('page.sign');
    if (!proofreader && !signer) return [];
    const out: QueuePage[] = [];
    const rows = await this.pages.openPagesWithStories(QUEUE_PAGES);
    const wanted = new Set(rows.map((r) => r.id));
    for (const editionId of new Set(rows.map((r) => r.editionId))) {
      for (const { page, proof, loaded } of await this.layout.editionPageStates(editionId)) {
        if (!wanted.has(page.id)) continue;
        const base = { pageId: page.id, editionDate: loaded.board.edition.date, number: page.number, name: page.name, status: page.status, proof };
        if (page.status === 'signed') {
          if (signer) out.push({ ...base, why: 'print' });
        } else if (!proof.signedOff) {
          if (proofreader) out.push({ ...base, why: 'proof' });
        } else if (signer) {
          out.push({ ...base, why: 'sign' });
        }
      }
    }
    return out;
  }

  private changed(actor: Actor, editionId: string): void {
    this.ctx.emit({ type: 'layout.changed', editionId, byUserId: actor.user.id });
  }
}

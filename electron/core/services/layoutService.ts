import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor, CoreContext } from '../context';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { ArticleSlotFit, PrintPageResult, ProofFile, SignPageResult } from '../../../shared/api/methods/layout';
import { ApiError } from '../../../shared/api/errors';
import { newId } from '../../../shared/domain/ids';
import type { Article } from '../../../shared/domain/article';
import { docToParagraphs } from '../../../shared/document/docText';
import { STATUS_LABELS } from '../../../shared/workflow/machine';
import { paragraphStats } from '../../../shared/text/count';
import type { PageTemplate } from '../../../shared/layout/geometry';
import { CONTINUED_HEADLINE_PT, defaultHeadlinePt, type BudgetStory, type EditionBoard, type EditionSummary, type LayoutPage, type LayoutSlot, type TemplateRow } from '../../../shared/layout/board';
import { fitBoard, type BoardFit } from '../../../shared/layout/boardFit';
import { buildPagePlan, type PagePlan } from '../../../shared/layout/pagePlan';
import { slotRefusal } from '../../../shared/layout/slotRules';
import { pageSignProblems } from '../../../shared/layout/signCheck';
import { printFileName } from '../../../shared/layout/printFileName';
import { printFolderProblem, readWorkflowSettings } from './adminService';
import { proofStatus, type ProofStatus } from '../../../shared/proofreading/proofDesk';
import type { ProofRun } from '../../../shared/layout/proofRuns';
import { ProofRepository } from '../repositories/proofRepository';
import { LayoutRepository, type PageRow, type SlotWrite } from '../repositories/layoutRepository';
import { RevisionRepository } from '../repositories/revisionRepository';
import type { WorkflowService } from './workflowService';
import type { ProofreadingService } from './proofreadingService';
import { renderPageProof } from './layoutProof';
import { recordWhereWritable } from './auditService';

/** A story as the board and the proof set it: the approved revision's text when there is one. */
export interface StoryText {
  story: BudgetStory;
  article: Article;
  paragraphs: string[];
}

/** Everything about one edition the board, the plan and the proof work from. */
export interface LoadedEdition {
  board: EditionBoard;
  texts: Map<string, StoryText>;
  templates: Map<string, PageTemplate>;
  fit: BoardFit;
}

/** A page as it stands, for the 校对 desk and the queues. */
export interface PageState {
  loaded: LoadedEdition;
  page: LayoutPage;
  /** of its slots and approved revisions: what a sign-off is given on */
  digest: string;
  proof: ProofStatus;
}

const refuse = (message: string, field?: string) => new ApiError('VALIDATION', message, field ? { field } : {});

/**
 * Editions, pages, slots, jumps and 签版. Placing an approved story moves it to 已上版 through the
 * workflow; a story that is not approved yet may be placed as pending, which blocks 签版.
 */
export class LayoutService {
  private readonly repo: LayoutRepository;
  private readonly revisions: RevisionRepository;
  private readonly proofs: ProofRepository;

  constructor(
    private readonly ctx: CoreContext,
    private readonly workflow: WorkflowService,
    private readonly proofreading: ProofreadingService,
  ) {
    this.repo = new LayoutRepository(ctx.db);
    this.revisions = new RevisionRepository(ctx.db);
    this.proofs = new ProofRepository(ctx.db);
  }

  editions(): EditionSummary[] {
    return this.repo.editions();
  }

  templates(): TemplateRow[] {
    return this.repo.templates();
  }

  private templateMap(): Map<string, PageTemplate> {
    return new Map(this.repo.templates().map((t) => [t.id, t.spec]));
  }

  private texts(articleIds: readonly string[]): Map<string, StoryText> {
    const approved = this.repo.approvedRevisions(articleIds);
    const out = new Map<string, StoryText>();
    for (const id of articleIds) {
      const current = this.ctx.repos.articles.get(id);
      if (!current || current.deletedAt) continue;
      const revisionId = approved.get(id) ?? null;
      const article = (revisionId ? this.revisions.get(revisionId)?.snapshot : null) ?? current;
      const paragraphs = docToParagraphs(article.body);
      const photos = this.ctx.repos.photos.forArticle(id).map((p) => ({ id: p.id, width: p.width, height: p.height, caption: p.caption }));
      out.set(id, {
        article,
        paragraphs,
        story: {
          id,
          kicker: article.kicker,
          headline: article.headline,
          subheadline: article.subheadline,
          status: current.status,
          version: current.version,
          chars: paragraphs.reduce((n, p) => n + paragraphStats(p).chars, 0),
          paragraphCells: paragraphs.map((p) => paragraphStats(p).cells),
          approvedRevisionId: revisionId,
          plannedPage: current.page,
          photos,
        },
      });
    }
    return out;
  }

  private digest(page: PageRow, slots: readonly LayoutSlot[], approved: ReadonlyMap<string, string>): string {
    const parts = slots
      .map((s) => [s.id, s.col, s.line, s.columns, s.lines, s.textColumns, s.articleId, s.photoId, s.continuesFrom, s.articleId ? approved.get(s.articleId) ?? null : null])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    return createHash('sha256').update(JSON.stringify([page.templateId, parts])).digest('hex');
  }

  load(date: string): LoadedEdition {
    const edition = this.repo.editionByDate(date);
    if (!edition) throw new ApiError('NOT_FOUND', `${date} 没有报纸期次：请先新建这一期。`);
    return this.loadEdition(edition);
  }

  private loadEdition(edition: EditionSummary): LoadedEdition {
    const rows = this.repo.pages(edition.id);
    const slots = this.repo.slotsOfPages(rows.map((p) => p.id));
    const ids = this.repo.budgetArticleIds(edition.id, edition.date);
    const texts = this.texts(ids);
    const approved = new Map([...texts].flatMap(([id, t]) => (t.story.approvedRevisionId ? [[id, t.story.approvedRevisionId] as const] : [])));
    const signoffs = this.repo.lastPageSignoffs(rows.map((p) => p.id));
    const pages: LayoutPage[] = rows.map((row) => {
      const pageSlots = slots.filter((s) => s.pageId === row.id);
      // After 撤销签版 the old sign-off stays on record, but the page is not signed.
      const signed = row.status === 'signed' || row.status === 'printed' ? (signoffs.get(row.id) ?? null) : null;
      const digest = this.digest(row, pageSlots, approved);
      return {
        ...row,
        slots: pageSlots,
        signedAt: signed?.at ?? null,
        signedByName: signed?.userName ?? null,
        changedSinceSign: signed !== null && signed.digest !== digest,
        proof: proofStatus(this.proofs.rounds(row.id), this.proofs.marksOfPage(row.id), digest),
      };
    });
    const templates = this.templateMap();
    const stories = [...texts.values()].map((t) => t.story);
    const settings = readWorkflowSettings(this.ctx);
    const press = { blankTolerancePercent: settings.pageBlankTolerancePercent, printFileNamePattern: settings.printFileNamePattern, printToFolder: settings.printOutputDir !== '' };
    const board: EditionBoard = { edition, templates: this.repo.templates(), pages, stories, press };
    const fit = fitBoard({ pages, templates, stories: new Map(stories.map((s) => [s.id, s])) });
    return { board, texts, templates, fit };
  }

  board(date: string): EditionBoard {
    return this.load(date).board;
  }

  /** After a committed change: every window showing the edition refetches its board. */
  private changed(actor: Actor, editionId: string): void {
    this.ctx.emit({ type: 'layout.changed', editionId, byUserId: actor.user.id });
  }

  private pageRow(pageId: string): PageRow {
    const page = this.repo.page(pageId);
    if (!page) throw new ApiError('NOT_FOUND', '找不到这个版面，可能已被删除。');
    return page;
  }

  private editionOf(page: PageRow): EditionSummary {
    const edition = this.repo.editionById(page.editionId);
    if (!edition) throw new ApiError('NOT_FOUND', '找不到这一期报纸。');
    return edition;
  }

  private loadedPage(pageId: string): { loaded: LoadedEdition; page: LayoutPage } {
    const loaded = this.loadEdition(this.editionOf(this.pageRow(pageId)));
    const page = loaded.board.pages.find((p) => p.id === pageId)!;
    return { loaded, page };
  }

  /**
   * A page as it stands, for the 校对 desk: its edition, and its digest (slots and approved
   * revisions — what a sign-off is given on) with where its proofreading stands on it.
   */
  pageState(pageId: string): PageState {
    const { loaded, page } = this.loadedPage(pageId);
    return this.stateOf(loaded, page);
  }

  /** The state of every page of an edition, read once. */
  editionPageStates(editionId: string): PageState[] {
    const edition = this.repo.editionById(editionId);
    if (!edition) throw new ApiError('NOT_FOUND', '找不到这一期报纸。');
    const loaded = this.loadEdition(edition);
    return loaded.board.pages.map((page) => this.stateOf(loaded, page));
  }

  private stateOf(loaded: LoadedEdition, page: LayoutPage): PageState {
    return { loaded, page, digest: this.currentDigest(loaded, page), proof: page.proof };
  }

  private currentDigest(loaded: LoadedEdition, page: LayoutPage): string {
    const approved = new Map([...loaded.texts].flatMap(([id, t]) => (t.story.approvedRevisionId ? [[id, t.story.approvedRevisionId] as const] : [])));
    return this.digest(this.pageRow(page.id), page.slots, approved);
  }

  /** Every headline and body line the proof sets on the page, where it stands and what it holds. */
  async proofRuns(pageId: string): Promise<ProofRun[]> {
    const runs: ProofRun[] = [];
    await this.renderProof(this.loadedPage(pageId), 'proof', (run) => runs.push(run));
    return runs;
  }

  private template(id: string): PageTemplate {
    const t = this.templateMap().get(id);
    if (!t) throw refuse('找不到这个版式模板', 'templateId');
    return t;
  }

  saveTemplate(actor: Actor, input: ParsedInputOf<'layout.saveTemplate'>): TemplateRow {
    const now = new Date().toISOString();
    return this.ctx.db.transaction(() => {
      const spec = input.spec as PageTemplate;
      const taken = this.repo.templates().find((t) => t.name === spec.name && t.id !== input.templateId);
      if (taken) throw refuse(`已有名为“${spec.name}”的模板`, 'name');
      let id = input.templateId;
      if (id) {
        const current = this.repo.templates().find((t) => t.id === id);
        if (!current) throw new ApiError('NOT_FOUND', '找不到这个版式模板。');
        if (!this.repo.updateTemplate(id, input.baseVersion ?? current.version, spec, actor.user.id, now)) {
          throw new ApiError('CONFLICT', '这个模板已被别人修改，请刷新后再改。');
        }
      } else {
        id = newId();
        this.repo.insertTemplate(id, spec, actor.user.id, now);
      }
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'layout.template', targetType: 'page_template', targetId: id, details: { name: spec.name } });
      return this.repo.templates().find((t) => t.id === id)!;
    }).immediate();
  }

  createEdition(actor: Actor, input: ParsedInputOf<'layout.createEdition'>): EditionSummary {
    const now = new Date().toISOString();
    return this.ctx.db.transaction(() => {
      if (this.repo.editionByDate(input.date)) throw refuse(`${input.date} 已经有一期报纸`, 'date');
      const source = input.copyFrom ? this.repo.editionByDate(input.copyFrom) : null;
      if (input.copyFrom && !source) throw refuse(`${input.copyFrom} 没有报纸期次，无法复制版面计划`, 'copyFrom');
      const id = newId();
      this.repo.insertEdition(id, input.date, input.issueNumber, actor.user.id, now);
      for (const page of source ? this.repo.pages(source.id) : []) {
        this.repo.insertPage({ id: newId(), editionId: id, number: page.number, name: page.name, templateId: page.templateId, colour: page.colour, status: 'unplanned' }, actor.user.id, now);
      }
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'layout.edition', targetType: 'edition', targetId: id, details: { date: input.date, copyFrom: input.copyFrom ?? null } });
      return this.repo.editionById(id)!;
    }).immediate();
  }

  addPage(actor: Actor, input: ParsedInputOf<'layout.addPage'>): LayoutPage {
    const now = new Date().toISOString();
    const id = newId();
    this.ctx.db.transaction(() => {
      const edition = this.repo.editionById(input.editionId);
      if (!edition) throw new ApiError('NOT_FOUND', '找不到这一期报纸。');
      this.template(input.templateId);
      const number = this.repo.pages(edition.id).length + 1;
      this.repo.insertPage({ id, editionId: edition.id, number, name: input.pageName, templateId: input.templateId, colour: input.colour ?? false, status: 'unplanned' }, actor.user.id, now);
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'layout.page.add', targetType: 'page', targetId: id, details: { number, name: input.pageName } });
    }).immediate();
    this.changed(actor, input.editionId);
    return this.loadedPage(id).page;
  }

  updatePage(actor: Actor, input: ParsedInputOf<'layout.updatePage'>): LayoutPage {
    const now = new Date().toISOString();
    this.ctx.db.transaction(() => {
      const page = this.pageRow(input.pageId);
      this.assertOpen(page);
      if (input.templateId) this.template(input.templateId);
      if (input.status === 'signed') throw refuse('签版请用“签版”按钮：它会核对每篇稿件', 'status');
      if (input.status === 'printed') throw refuse('付印请用“付印”按钮：签版后才能付印', 'status');
      this.repo.updatePage(
        { id: page.id, name: input.pageName ?? page.name, templateId: input.templateId ?? page.templateId, colour: input.colour ?? page.colour, status: input.status ?? page.status },
        actor.user.id,
        now,
      );
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'layout.page.update', targetType: 'page', targetId: page.id, details: { ...input } });
    }).immediate();
    const page = this.loadedPage(input.pageId).page;
    this.changed(actor, page.editionId);
    return page;
  }

  movePage(actor: Actor, input: ParsedInputOf<'layout.movePage'>): LayoutPage[] {
    const now = new Date().toISOString();
    const page = this.pageRow(input.pageId);
    this.ctx.db.transaction(() => {
      const order = this.repo.pages(page.editionId).map((p) => p.id);
      if (input.number > order.length) throw refuse(`本期只有 ${order.length} 个版，不能移到第 ${input.number} 版`, 'number');
      const rest = order.filter((id) => id !== page.id);
      rest.splice(input.number - 1, 0, page.id);
      this.assertNumbersKept(page.editionId, rest);
      this.repo.renumber(rest, actor.user.id, now);
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'layout.page.move', targetType: 'page', targetId: page.id, details: { from: page.number, to: input.number } });
    }).immediate();
    this.changed(actor, page.editionId);
    return this.loadEdition(this.editionOf(page)).board.pages;
  }

  removePage(actor: Actor, input: ParsedInputOf<'layout.removePage'>): { returnedArticleIds: string[] } {
    const now = new Date().toISOString();
    const { editionId } = this.pageRow(input.pageId);
    const result = this.ctx.db.transaction(() => {
      const page = this.pageRow(input.pageId);
      this.assertOpen(page);
      this.assertNumbersKept(page.editionId, this.repo.pages(page.editionId).flatMap((p) => (p.id === page.id ? [] : [p.id])));
      const slots = this.repo.slotsOfPages([page.id]);
      if (slots.length > 0 && !input.confirm) {
        throw new ApiError('CONFLICT', `第 ${page.number} 版“${page.name}”上有 ${slots.length} 个稿位：确认删除后，其中的稿件回到稿库。`, { details: { slots: slots.length } });
      }
      const articleIds = [...new Set(slots.flatMap((s) => (s.articleId ? [s.articleId] : [])))];
      for (const slot of slots) this.repo.deleteSlot(slot.id);
      for (const articleId of articleIds) this.unplaceIfGone(actor, articleId);
      this.repo.deletePage(page.id);
      this.repo.renumber(this.repo.pages(page.editionId).map((p) => p.id), actor.user.id, now);
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'layout.page.remove', targetType: 'page', targetId: page.id, details: { number: page.number, name: page.name, articleIds } });
      return { returnedArticleIds: articleIds };
    }).immediate();
    this.changed(actor, editionId);
    return result;
  }

  /** A story off every page goes back from 已上版 to 已签发. */
  private unplaceIfGone(actor: Actor, articleId: string): void {
    if (this.repo.slotsOfArticle(articleId).length > 0) return;
    const article = this.ctx.repos.articles.get(articleId);
    if (article?.status === 'placed') this.workflow.transition(actor, { articleId, action: 'unplace', baseVersion: article.version });
  }

  private checkPlace(page: PageRow, rect: { col: number; line: number; columns: number; lines: number }, ignoreId?: string): void {
    const template = this.template(page.templateId);
    const others = this.repo.slotsOfPages([page.id]);
    const why = slotRefusal(rect, template, others, ignoreId);
    if (why) throw refuse(why);
  }

  addSlot(actor: Actor, input: ParsedInputOf<'layout.addSlot'>): LayoutSlot {
    const now = new Date().toISOString();
    const id = newId();
    this.ctx.db.transaction(() => {
      const page = this.pageRow(input.pageId);
      this.assertOpen(page);
      this.checkPlace(page, input);
      let articleId = input.articleId ?? null;
      let headlinePt = input.headlinePt;
      if (input.continuesFrom) {
        const source = this.repo.slot(input.continuesFrom);
        if (!source || !source.articleId) throw refuse('转出稿位不存在或没有稿件', 'continuesFrom');
        const sourcePage = this.pageRow(source.pageId);
        // The source page would print a new （下转X版） line.
        this.assertOpen(sourcePage);
        if (sourcePage.id === page.id) throw refuse('转版要接到另一个版上：转出和接续不能在同一版', 'continuesFrom');
        if (sourcePage.editionId !== page.editionId) throw refuse('只能转到同一期的版面', 'continuesFrom');
        if (this.repo.slotsOfPages([...this.repo.pages(page.editionId).map((p) => p.id)]).some((s) => s.continuesFrom === source.id)) {
          throw refuse('这个稿位已经转出过一次：一个转出只能有一个接续', 'continuesFrom');
        }
        articleId = source.articleId;
        headlinePt = headlinePt ?? [...CONTINUED_HEADLINE_PT];
      }
      if (input.kind === 'article' && !articleId) throw refuse('稿件稿位要放一篇稿件', 'articleId');
      if (input.kind !== 'article' && articleId) throw refuse('只有稿件稿位能放稿件', 'kind');
      let story: Article | null = null;
      if (articleId) {
        story = this.ctx.repos.articles.get(articleId);
        if (!story || story.deletedAt) throw new ApiError('NOT_FOUND', '找不到这篇稿件，可能已被删除。');
        if (story.status === 'spiked') throw refuse('已撤稿的稿件不能上版', 'articleId');
        if (!input.continuesFrom && this.repo.slotsOfArticle(articleId).some((s) => !s.continuesFrom)) {
          throw refuse(`《${story.headline}》已经在版上：要续排请用“转版”`, 'articleId');
        }
      }
      const slot: SlotWrite = {
        id,
        pageId: page.id,
        kind: input.kind,
        col: input.col,
        line: input.line,
        columns: input.columns,
        lines: input.lines,
        textColumns: input.textColumns ?? null,
        articleId,
        photoId: input.photoId ?? null,
        photoColumns: input.photoColumns ?? null,
        continuesFrom: input.continuesFrom ?? null,
        headlinePt: headlinePt ?? (story ? defaultHeadlinePt(story, input.columns) : []),
        label: input.label ?? '',
      };
      this.checkSlotOptions(slot);
      this.repo.insertSlot(slot, actor.user.id, now);
      if (page.status === 'unplanned') this.repo.updatePage({ ...page, status: 'in_progress' }, actor.user.id, now);
      if (story?.status === 'approved') this.workflow.transition(actor, { articleId: story.id, action: 'place', baseVersion: story.version });
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'layout.slot.add', targetType: 'page', targetId: page.id, details: { slotId: id, kind: input.kind, articleId } });
    }).immediate();
    this.changed(actor, this.pageRow(input.pageId).editionId);
    return this.repo.slot(id)!;
  }

  /** After 签版 a page is locked: its slots change only after the chief's 撤销签版, and never after 付印. */
  private assertOpen(page: PageRow): void {
    if (page.status === 'printed') throw new ApiError('CONFLICT', `第 ${page.number} 版已付印，不能再改。`);
    if (page.status === 'signed') throw new ApiError('CONFLICT', `第 ${page.number} 版已签版，版面已锁定。如需修改，请值班总编先撤销签版。`);
  }

  /** A slot changes what the pages its story jumps to and from print (the jump lines, the text carried): they must be open too. */
  private assertJumpsOpen(slot: LayoutSlot): void {
    const linked = [slot.continuesFrom ? this.repo.slot(slot.continuesFrom) : null, ...this.repo.slotsOfArticle(slot.articleId ?? '').filter((s) => s.continuesFrom === slot.id)];
    for (const other of linked) if (other && other.pageId !== slot.pageId) this.assertOpen(this.pageRow(other.pageId));
  }

  /** Renumbering must not change the number of a signed or printed page: its folio and jump lines are signed. */
  private assertNumbersKept(editionId: string, order: readonly string[]): void {
    for (const page of this.repo.pages(editionId)) {
      const number = order.indexOf(page.id) + 1;
      if ((page.status === 'signed' || page.status === 'printed') && number !== page.number) {
        throw new ApiError('CONFLICT', `这样调整会让已${page.status === 'signed' ? '签版' : '付印'}的第 ${page.number} 版变成第 ${number} 版。如需调整，请值班总编先撤销签版。`);
      }
    }
  }

  private checkSlotOptions(slot: SlotWrite): void {
    if (slot.textColumns !== null && slot.textColumns > slot.columns * 3) throw refuse(`${slot.columns} 栏宽的稿位最多破成 ${slot.columns * 3} 栏`, 'textColumns');
    if (slot.photoColumns !== null && slot.photoColumns > slot.columns) throw refuse(`图片宽 ${slot.photoColumns} 栏，超出稿位的 ${slot.columns} 栏`, 'photoColumns');
    if (slot.photoId && slot.articleId && !this.ctx.repos.photos.forArticle(slot.articleId).some((p) => p.id === slot.photoId)) {
      throw refuse('这张图片不属于这篇稿件', 'photoId');
    }
    if (slot.photoId && !slot.articleId && !this.repo.photoExists(slot.photoId)) throw refuse('找不到这张图片，可能已被删除', 'photoId');
  }

  updateSlot(actor: Actor, input: ParsedInputOf<'layout.updateSlot'>): LayoutSlot {
    const now = new Date().toISOString();
    this.ctx.db.transaction(() => {
      const current = this.repo.slot(input.slotId);
      if (!current) throw new ApiError('NOT_FOUND', '找不到这个稿位，可能已被删除。');
      const page = this.pageRow(input.pageId ?? current.pageId);
      if (page.editionId !== this.pageRow(current.pageId).editionId) throw refuse('稿位只能移到同一期的版面', 'pageId');
      this.assertOpen(this.pageRow(current.pageId));
      this.assertOpen(page);
      this.assertJumpsOpen(current);
      const next: SlotWrite = {
        ...current,
        pageId: page.id,
        col: input.col,
        line: input.line,
        columns: input.columns,
        lines: input.lines,
        textColumns: input.textColumns === undefined ? current.textColumns : input.textColumns,
        photoId: input.photoId === undefined ? current.photoId : input.photoId,
        photoColumns: input.photoColumns === undefined ? current.photoColumns : input.photoColumns,
        headlinePt: input.headlinePt ?? current.headlinePt,
        label: input.label ?? current.label,
      };
      if (next.textColumns === next.columns) next.textColumns = null;
      this.checkPlace(page, next, current.id);
      this.checkSlotOptions(next);
      if (!this.repo.updateSlot(next, input.baseVersion, actor.user.id, now)) {
        throw new ApiError('CONFLICT', '这个稿位刚被别人改过，请刷新后再调整。');
      }
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'layout.slot.update', targetType: 'page', targetId: page.id, details: { slotId: current.id } });
    }).immediate();
    const slot = this.repo.slot(input.slotId)!;
    this.changed(actor, this.pageRow(slot.pageId).editionId);
    return slot;
  }

  removeSlot(actor: Actor, input: ParsedInputOf<'layout.removeSlot'>): { removed: true } {
    const editionId = this.ctx.db.transaction(() => {
      const slot = this.repo.slot(input.slotId);
      if (!slot) throw new ApiError('NOT_FOUND', '找不到这个稿位，可能已被删除。');
      const page = this.pageRow(slot.pageId);
      this.assertOpen(page);
      this.assertJumpsOpen(slot);
      this.repo.deleteSlot(slot.id);
      if (slot.articleId) this.unplaceIfGone(actor, slot.articleId);
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'layout.slot.remove', targetType: 'page', targetId: slot.pageId, details: { slotId: slot.id, articleId: slot.articleId } });
      return page.editionId;
    }).immediate();
    this.changed(actor, editionId);
    return { removed: true };
  }

  /**
   * 签版: the page full (blank area within the paper's tolerance), every story slot set exactly (no
   * 缺行 or 超行), every story approved (签发) — its text is then the approved revision's —, the
   * 校对's sign-off on the page as it stands, the house-style gate passed, no broken jump. Each story moves to 已签版 and the page records a digest
   * of its slots and approved revisions; the page is then locked until the chief's 撤销签版.
   */
  signPage(actor: Actor, input: ParsedInputOf<'layout.signPage'>): SignPageResult {
    const now = new Date().toISOString();
    const signed: string[] = [];
    this.ctx.db.transaction(() => {
      const { loaded, page } = this.loadedPage(input.pageId);
      if (page.status === 'printed') throw new ApiError('CONFLICT', `第 ${page.number} 版已付印。`);
      if (page.status === 'signed') throw new ApiError('CONFLICT', `第 ${page.number} 版已经签版了。`);
      const articleIds = [...new Set(page.slots.flatMap((s) => (s.articleId ? [s.articleId] : [])))];
      const problems = pageSignProblems({
        page,
        template: this.template(page.templateId),
        fit: loaded.fit,
        stories: new Map([...loaded.texts].map(([id, t]) => [id, t.story])),
        blankTolerancePercent: loaded.board.press.blankTolerancePercent,
      }).map((p) => p.message);
      for (const id of articleIds) {
        const text = loaded.texts.get(id);
        if (!text) continue;
        const gate = this.proofreading.gate(actor, id);
        if (!gate.ok) problems.push(`《${text.story.headline}》还有 ${gate.errors.length} 处校对错误未改`);
      }
      if (problems.length > 0) throw new ApiError('CONFLICT', `第 ${page.number} 版还不能签版：${problems.join('；')}。`, { details: { problems } });

      // A story approved after the layout desk put it on the page is still 已签发: record its 上版 now, as part of
      // this 签版 — the layout desk's placing is already on the page, the chief editor need not hold layout.edit.
      const placer: Actor = { ...actor, privileges: new Set([...actor.privileges, 'layout.edit']) };
      for (const id of articleIds) {
        let article = this.ctx.repos.articles.get(id)!;
        if (article.status === 'approved') article = this.workflow.transition(placer, { articleId: id, action: 'place', baseVersion: article.version });
        if (article.status === 'placed') {
          this.workflow.transition(actor, { articleId: id, action: 'signPage', baseVersion: article.version }, 'page');
          signed.push(id);
        }
      }
      const approved = this.repo.approvedRevisions(articleIds);
      const row = this.pageRow(page.id);
      this.repo.insertPageSignoff({
        id: newId(),
        pageId: page.id,
        userId: actor.user.id,
        at: now,
        digest: this.digest(row, page.slots, approved),
        articles: articleIds.map((id) => ({ articleId: id, revisionId: approved.get(id) ?? null })),
      });
      this.repo.updatePage({ ...row, status: 'signed' }, actor.user.id, now);
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'layout.page.sign', targetType: 'page', targetId: page.id, details: { number: page.number, articleIds } });
    }).immediate();
    const page = this.loadedPage(input.pageId).page;
    this.changed(actor, page.editionId);
    return { page, signedArticles: signed };
  }

  /** 撤销签版: the chief opens a signed page again, with a reason; its stories go back to 已上版 and may change. */
  unsignPage(actor: Actor, input: ParsedInputOf<'layout.unsignPage'>): LayoutPage {
    const now = new Date().toISOString();
    const reason = input.reason.trim();
    this.ctx.db.transaction(() => {
      const row = this.pageRow(input.pageId);
      if (row.status === 'printed') throw new ApiError('CONFLICT', `第 ${row.number} 版已付印，不能撤销签版。`);
      if (row.status !== 'signed') throw new ApiError('CONFLICT', `第 ${row.number} 版没有签版，无需撤销。`);
      const articleIds = [...new Set(this.repo.slotsOfPages([row.id]).flatMap((s) => (s.articleId ? [s.articleId] : [])))];
      for (const id of articleIds) {
        const article = this.ctx.repos.articles.get(id);
        if (article?.status === 'page_signed') this.workflow.transition(actor, { articleId: id, action: 'unsignPage', baseVersion: article.version, reason }, 'page');
      }
      this.repo.updatePage({ ...row, status: 'ready' }, actor.user.id, now);
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'layout.page.unsign', targetType: 'page', targetId: row.id, details: { number: row.number, reason, articleIds } });
    }).immediate();
    const page = this.loadedPage(input.pageId).page;
    this.changed(actor, page.editionId);
    return page;
  }

  /**
   * 付印/传版: a signed page goes to the print plant as a PDF named by the paper's pattern — into the
   * plant's folder when one is set (never over an existing file), else back to the caller to save.
   * Its stories move to 已付印 and the page to 已付印, recorded in the audit log; nothing changes after.
   */
  async printPage(actor: Actor, input: ParsedInputOf<'layout.printPage'>): Promise<PrintPageResult> {
    const before = this.loadedPage(input.pageId);
    this.assertPrintable(before.page);
    const settings = readWorkflowSettings(this.ctx);
    const edition = before.loaded.board.edition;
    const fileName = printFileName(settings.printFileNamePattern, { date: edition.date, page: before.page.number, name: before.page.name, issue: edition.issueNumber });
    const pdf = await this.renderProof(before, 'print');
    const folder = settings.printOutputDir;
    let temp: string | null = null;
    if (folder !== '') {
      const problem = printFolderProblem(folder);
      if (problem) throw new ApiError('CONFLICT', `${problem}（在“用户与角色 → 流程设置”里改）。`);
      if (fs.existsSync(path.join(folder, fileName))) {
        throw new ApiError('CONFLICT', `印厂文件夹里已经有“${fileName}”：请确认是否已经传过这一版，或先移走旧文件，再付印。`);
      }
      temp = path.join(folder, `.${fileName}.${newId()}.part`);
      fs.writeFileSync(temp, pdf, { flag: 'wx' });
    }
    const savedTo = temp === null ? null : path.join(folder, fileName);
    try {
      this.ctx.db.transaction(() => {
        const { page } = this.loadedPage(input.pageId);
        // Checked again where nothing can change between the check and the step.
        this.assertPrintable(page);
        const now = new Date().toISOString();
        const articleIds = [...new Set(page.slots.flatMap((s) => (s.articleId ? [s.articleId] : [])))];
        for (const id of articleIds) {
          const article = this.ctx.repos.articles.get(id)!;
          this.workflow.transition(actor, { articleId: id, action: 'print', baseVersion: article.version }, 'page');
        }
        this.repo.updatePage({ ...this.pageRow(page.id), status: 'printed' }, actor.user.id, now);
        this.ctx.repos.audit.append({ userId: actor.user.id, action: 'layout.page.print', targetType: 'page', targetId: page.id, details: { number: page.number, fileName, savedTo, articleIds } });
        if (temp !== null && savedTo !== null) fs.renameSync(temp, savedTo);
      }).immediate();
    } finally {
      if (temp !== null && fs.existsSync(temp)) fs.rmSync(temp, { force: true });
    }
    this.changed(actor, before.page.editionId);
    return { page: this.loadedPage(input.pageId).page, fileName, savedTo, dataBase64: savedTo === null ? pdf.toString('base64') : null };
  }

  private assertPrintable(page: LayoutPage): void {
    if (page.status === 'printed') throw new ApiError('CONFLICT', `第 ${page.number} 版已经付印了。`);
    if (page.status !== 'signed') throw new ApiError('CONFLICT', `第 ${page.number} 版还没有签版：签版之后才能付印。`);
    const unsigned = page.slots.filter((s) => s.articleId && this.ctx.repos.articles.get(s.articleId)?.status !== 'page_signed');
    if (page.changedSinceSign || unsigned.length > 0) {
      throw new ApiError('CONFLICT', `第 ${page.number} 版签版之后有稿件变动（例如转版的另一版撤销了签版）：请值班总编撤销签版、核对后重新签版。`);
    }
  }

  pagePlan(pageId: string): PagePlan {
    const { loaded, page } = this.loadedPage(pageId);
    return buildPagePlan({
      edition: { date: loaded.board.edition.date, issueNumber: loaded.board.edition.issueNumber },
      page,
      template: this.template(page.templateId),
      stories: new Map([...loaded.texts].map(([id, t]) => [id, t.story])),
      fit: loaded.fit,
    });
  }

  private renderProof({ loaded, page }: { loaded: LoadedEdition; page: LayoutPage }, purpose: 'proof' | 'print', trace?: (run: ProofRun) => void): Promise<Buffer> {
    const settings = this.ctx.repos.settings;
    return renderPageProof({
      loaded,
      page,
      paperName: settings.get<string>('paper.name') ?? '',
      paperShortName: settings.get<string>('paper.shortName') ?? '本报',
      photos: (articleId) => this.ctx.repos.photos.forArticle(articleId),
      photo: (photoId) => this.ctx.repos.photos.record(photoId),
      dataDir: this.ctx.dataDir,
      purpose,
      ...(trace ? { trace } : {}),
    });
  }

  /** 大样: the page as a PDF at its physical size. */
  async proof(actor: Actor, pageId: string): Promise<ProofFile> {
    const { loaded, page } = this.loadedPage(pageId);
    const pdf = await this.renderProof({ loaded, page }, 'proof');
    const fileName = `${loaded.board.edition.date}-第${page.number}版-大样.pdf`;
    recordWhereWritable(this.ctx, { userId: actor.user.id, action: 'layout.proof', targetType: 'page', targetId: page.id, details: { fileName } });
    return { fileName, dataBase64: pdf.toString('base64') };
  }

  articleSlots(articleId: string): ArticleSlotFit[] {
    return this.repo.editionDatesOfArticle(articleId).flatMap((date) => {
      const { board, fit } = this.load(date);
      return board.pages.flatMap((page) =>
        page.slots.flatMap((slot) => {
          const f = slot.articleId === articleId ? fit.slots.get(slot.id) : undefined;
          if (!f) return [];
          const { capacityChars, overChars, overLines, status } = f.fit;
          return [{ editionDate: date, pageNumber: page.number, pageName: page.name, slotId: slot.id, continued: slot.continuesFrom !== null, capacityChars, overChars, overLines, status }];
        }),
      );
    });
  }
}

import { createHash } from 'node:crypto';
import type { Actor, CoreContext } from '../context';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { ArticleSlotFit, ProofFile, SignPageResult } from '../../../shared/api/methods/layout';
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

const refuse = (message: string, field?: string) => new ApiError('VALIDATION', message, field ? { field } : {});

/**
 * Editions, pages, slots, jumps and 签版. Placing an approved story moves it to 已上版 through the
 * workflow; a story that is not approved yet may be placed as pending, which blocks 签版.
 */
export class LayoutService {
  private readonly repo: LayoutRepository;
  private readonly revisions: RevisionRepository;

  constructor(
    private readonly ctx: CoreContext,
    private readonly workflow: WorkflowService,
    private readonly proofreading: ProofreadingService,
  ) {
    this.repo = new LayoutRepository(ctx.db);
    this.revisions = new RevisionRepository(ctx.db);
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
      const signed = signoffs.get(row.id) ?? null;
      return {
        ...row,
        slots: pageSlots,
        signedAt: signed?.at ?? null,
        signedByName: signed?.userName ?? null,
        changedSinceSign: signed !== null && signed.digest !== this.digest(row, pageSlots, approved),
      };
    });
    const templates = this.templateMap();
    const stories = [...texts.values()].map((t) => t.story);
    const board: EditionBoard = { edition, templates: this.repo.templates(), pages, stories };
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
      if (input.templateId) this.template(input.templateId);
      if (input.status === 'signed') throw refuse('签版请用“签版”按钮：它会核对每篇稿件', 'status');
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
      this.assertUnsignedOrOk(page);
      this.checkPlace(page, input);
      let articleId = input.articleId ?? null;
      let headlinePt = input.headlinePt;
      if (input.continuesFrom) {
        const source = this.repo.slot(input.continuesFrom);
        if (!source || !source.articleId) throw refuse('转出稿位不存在或没有稿件', 'continuesFrom');
        const sourcePage = this.pageRow(source.pageId);
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

  /** A signed page can still change; the change shows as "changed since sign-off" instead of being refused. */
  private assertUnsignedOrOk(page: PageRow): void {
    if (page.status === 'printed') throw new ApiError('CONFLICT', `第 ${page.number} 版已付印，不能再改。`);
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
      this.assertUnsignedOrOk(page);
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
      this.assertUnsignedOrOk(page);
      this.repo.deleteSlot(slot.id);
      if (slot.articleId) this.unplaceIfGone(actor, slot.articleId);
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'layout.slot.remove', targetType: 'page', targetId: slot.pageId, details: { slotId: slot.id, articleId: slot.articleId } });
      return page.editionId;
    }).immediate();
    this.changed(actor, editionId);
    return { removed: true };
  }

  /**
   * 签版: every story on the page approved (签发) — its text is then the approved revision's —, the
   * house-style gate passed, no broken jump; each story moves to 已签版 and the page records a
   * digest of its slots and approved revisions, so a later change shows as "changed since sign-off".
   */
  signPage(actor: Actor, input: ParsedInputOf<'layout.signPage'>): SignPageResult {
    const now = new Date().toISOString();
    const signed: string[] = [];
    this.ctx.db.transaction(() => {
      const { loaded, page } = this.loadedPage(input.pageId);
      if (page.status === 'printed') throw new ApiError('CONFLICT', `第 ${page.number} 版已付印。`);
      const articleIds = [...new Set(page.slots.flatMap((s) => (s.articleId ? [s.articleId] : [])))];
      if (articleIds.length === 0) throw new ApiError('CONFLICT', `第 ${page.number} 版上还没有稿件，不能签版。`);
      const problems: string[] = [];
      for (const id of articleIds) {
        const text = loaded.texts.get(id);
        if (!text) continue;
        if (!text.story.approvedRevisionId) problems.push(`《${text.story.headline}》还没有签发（现为${STATUS_LABELS[text.story.status]}）`);
        const gate = this.proofreading.gate(actor, id);
        if (!gate.ok) problems.push(`《${text.story.headline}》还有 ${gate.errors.length} 处校对错误未改`);
      }
      const jumpIds = new Set(page.slots.map((s) => s.id));
      for (const j of loaded.fit.jumps) if (jumpIds.has(j.jumpId)) problems.push(j.message);
      if (problems.length > 0) throw new ApiError('CONFLICT', `不能签版：${problems.join('；')}。`, { details: { problems } });

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

  /** 大样: the page as a PDF at its physical size. */
  async proof(actor: Actor, pageId: string): Promise<ProofFile> {
    const { loaded, page } = this.loadedPage(pageId);
    const settings = this.ctx.repos.settings;
    const pdf = await renderPageProof({
      loaded,
      page,
      paperName: settings.get<string>('paper.name') ?? '',
      paperShortName: settings.get<string>('paper.shortName') ?? '本报',
      photos: (articleId) => this.ctx.repos.photos.forArticle(articleId),
      photo: (photoId) => this.ctx.repos.photos.record(photoId),
      dataDir: this.ctx.dataDir,
    });
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

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor, CoreContext } from '../context';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { ArticleSlotFit, PlaceStoryResult, PrintPageResult, ProofFile, SignPageResult } from '../../../shared/api/methods/layout';
import { ApiError } from '../../../shared/api/errors';
import { newId } from '../../../shared/domain/ids';
import type { Article } from '../../../shared/domain/article';
import { docToParagraphs } from '../../../shared/document/docText';
import { paragraphStats } from '../../../shared/text/count';
import type { PageTemplate } from '../../../shared/layout/geometry';
import { CONTINUED_HEADLINE_PT, SLOT_KIND_LABELS, STORY_SLOT_KINDS, defaultHeadlinePt, type SlotRect, type EditionBoard, type EditionSummary, type LayoutPage, type LayoutSlot, type TemplateRow } from '../../../shared/layout/board';
import { fitBoard } from '../../../shared/layout/boardFit';
import { buildPagePlan, type PagePlan } from '../../../shared/layout/pagePlan';
import { findFreeRect, slotRefusal } from '../../../shared/layout/slotRules';
import { linesToFit } from '../../../shared/layout/slot';
import { printedBlocks } from '../../../shared/layout/printedText';
import { deriveText } from '../../../shared/article/fields';
import { pageSignProblems } from '../../../shared/layout/signCheck';
import { printFileName } from '../../../shared/layout/printFileName';
import type { ProofRun } from '../../../shared/layout/proofRuns';
import { proofStatus, type ProofStatus } from '../../../shared/proofreading/proofDesk';
import { printFolderProblem } from './adminService';
import type { PageRow, SlotWrite } from '../repositories/layoutRepository';
import type { PhotoRecord } from '../repositories/photoRepository';
import type { AuditService } from './auditService';
import type { WorkflowService } from './workflowService';
import type { ProofreadingService } from './proofreadingService';
import { renderPageProof } from './layoutProof';
import { readMasthead } from './paperService';
import type { LoadedEdition, StoryText } from './loadedEdition';
import { mergeFields } from './articleService';

/** A page as it stands, for the 校对 desk and the queues. */
export interface PageState {
  loaded: LoadedEdition;
  page: LayoutPage;
  /** of its slots and approved revisions: what a sign-off is given on */
  digest: string;
  proof: ProofStatus;
}

const refuse = (message: string, field?: string) => new ApiError('VALIDATION', message, field ? { field } : {});

/** A story placed from the editor gets a slot this many basic columns wide. */
const NEW_STORY_COLUMNS = 3;

/**
 * Editions, pages, slots, jumps and 签版. Placing an approved story moves it to 已上版 through the
 * workflow; a story that is not approved yet may be placed as pending, which blocks 签版.
 */
export class LayoutService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditService,
    private readonly workflow: WorkflowService,
    private readonly proofreading: ProofreadingService,
  ) {}

  private get repo() {
    return this.ctx.repos.layout;
  }

  editions(): Promise<EditionSummary[]> {
    return this.repo.editions();
  }

  templates(): Promise<TemplateRow[]> {
    return this.repo.templates();
  }

  private async templateMap(): Promise<Map<string, PageTemplate>> {
    return new Map((await this.repo.templates()).map((t) => [t.id, t.spec]));
  }

  private async texts(articleIds: readonly string[]): Promise<Map<string, StoryText>> {
    const approved = await this.repo.approvedRevisions(articleIds);
    const paper = { shortName: await this.paperShortName() };
    const out = new Map<string, StoryText>();
    for (const id of articleIds) {
      const current = await this.ctx.repos.articles.get(id);
      if (!current || current.deletedAt) continue;
      const revisionId = approved.get(id) ?? null;
      const article = (revisionId ? (await this.ctx.repos.revisions.get(revisionId))?.snapshot : null) ?? current;
      const paragraphs = docToParagraphs(article.body);
      const blocks = printedBlocks(article, paper);
      const photos = (await this.ctx.repos.photos.forArticle(id)).map((p) => ({ id: p.id, width: p.width, height: p.height, caption: p.caption }));
      out.set(id, {
        article,
        blocks,
        story: {
          id,
          kicker: article.kicker,
          headline: article.headline,
          subheadline: article.subheadline,
          status: current.status,
          version: current.version,
          chars: paragraphs.reduce((n, p) => n + paragraphStats(p).chars, 0),
          paragraphCells: blocks.map((b) => paragraphStats(b.text).cells),
          approvedRevisionId: revisionId,
          plannedDate: current.editionDate,
          plannedPage: current.page,
          photos,
        },
      });
    }
    return out;
  }

  private async paperShortName(): Promise<string> {
    return (await this.ctx.repos.settings.get<string>('paper.shortName')) ?? '本报';
  }

  private digest(page: PageRow, slots: readonly LayoutSlot[], approved: ReadonlyMap<string, string>): string {
    const parts = slots
      .map((s) => [s.id, s.col, s.line, s.columns, s.lines, s.textColumns, s.articleId, s.photoId, s.continuesFrom, s.articleId ? approved.get(s.articleId) ?? null : null])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    return createHash('sha256').update(JSON.stringify([page.templateId, parts])).digest('hex');
  }

  async load(date: string): Promise<LoadedEdition> {
    const edition = await this.repo.editionByDate(date);
    if (!edition) throw new ApiError('NOT_FOUND', `${date} 没有报纸期次：请先新建这一期。`);
    return this.loadEdition(edition);
  }

  private async loadEdition(edition: EditionSummary): Promise<LoadedEdition> {
    const rows = await this.repo.pages(edition.id);
    const slots = await this.repo.slotsOfPages(rows.map((p) => p.id));
    const ids = await this.repo.budgetArticleIds(edition.id, edition.date);
    const texts = await this.texts(ids);
    const approved = new Map([...texts].flatMap(([id, t]) => (t.story.approvedRevisionId ? [[id, t.story.approvedRevisionId] as const] : [])));
    const signoffs = await this.repo.lastPageSignoffs(rows.map((p) => p.id));
    const pages: LayoutPage[] = [];
    for (const row of rows) {
      const pageSlots = slots.filter((s) => s.pageId === row.id);
      // After 撤销签版 the old sign-off stays on record, but the page is not signed.
      const signed = row.status === 'signed' || row.status === 'printed' ? (signoffs.get(row.id) ?? null) : null;
      const digest = this.digest(row, pageSlots, approved);
      pages.push({
        ...row,
        slots: pageSlots,
        signedAt: signed?.at ?? null,
        signedByName: signed?.userName ?? null,
        changedSinceSign: signed !== null && signed.digest !== digest,
        proof: proofStatus(await this.ctx.repos.proofDesk.rounds(row.id), await this.ctx.repos.proofDesk.marksOfPage(row.id), digest),
      });
    }
    const templateRows = await this.repo.templates();
    const templates = new Map(templateRows.map((t) => [t.id, t.spec]));
    const stories = [...texts.values()].map((t) => t.story);
    const settings = await this.ctx.repos.settings.workflow();
    const press = { blankTolerancePercent: settings.pageBlankTolerancePercent, printFileNamePattern: settings.printFileNamePattern, printToFolder: settings.printOutputDir !== '' };
    const board: EditionBoard = { edition, templates: templateRows, pages, stories, press };
    const fit = fitBoard({ pages, templates, stories: new Map(stories.map((s) => [s.id, s])) });
    return { board, texts, templates, fit };
  }

  async board(date: string): Promise<EditionBoard> {
    return (await this.load(date)).board;
  }

  /** After a committed change: every window showing the edition refetches its board. */
  private changed(actor: Actor, editionId: string): void {
    this.ctx.emit({ type: 'layout.changed', editionId, byUserId: actor.user.id });
  }

  private async pageRow(pageId: string): Promise<PageRow> {
    const page = await this.repo.page(pageId);
    if (!page) throw new ApiError('NOT_FOUND', '找不到这个版面，可能已被删除。');
    return page;
  }

  private async editionOf(page: PageRow): Promise<EditionSummary> {
    const edition = await this.repo.editionById(page.editionId);
    if (!edition) throw new ApiError('NOT_FOUND', '找不到这一期报纸。');
    return edition;
  }

  private async loadedPage(pageId: string): Promise<{ loaded: LoadedEdition; page: LayoutPage }> {
    const loaded = await this.loadEdition(await this.editionOf(await this.pageRow(pageId)));
    const page = loaded.board.pages.find((p) => p.id === pageId)!;
    return { loaded, page };
  }

  /**
   * A page as it stands, for the 校对 desk: its edition, and its digest (slots and approved
   * revisions — what a sign-off is given on) with where its proofreading stands on it.
   */
  async pageState(pageId: string): Promise<PageState> {
    const { loaded, page } = await this.loadedPage(pageId);
    return this.stateOf(loaded, page);
  }

  /** The state of every page of an edition, read once. */
  async editionPageStates(editionId: string): Promise<PageState[]> {
    const edition = await this.repo.editionById(editionId);
    if (!edition) throw new ApiError('NOT_FOUND', '找不到这一期报纸。');
    const loaded = await this.loadEdition(edition);
    const states: PageState[] = [];
    for (const page of loaded.board.pages) states.push(await this.stateOf(loaded, page));
    return states;
  }

  private async stateOf(loaded: LoadedEdition, page: LayoutPage): Promise<PageState> {
    return { loaded, page, digest: await this.currentDigest(loaded, page), proof: page.proof };
  }

  private async currentDigest(loaded: LoadedEdition, page: LayoutPage): Promise<string> {
    const approved = new Map([...loaded.texts].flatMap(([id, t]) => (t.story.approvedRevisionId ? [[id, t.story.approvedRevisionId] as const] : [])));
    return this.digest(await this.pageRow(page.id), page.slots, approved);
  }

  /** Every headline and body line the proof sets on the page, where it stands and what it holds. */
  async proofRuns(pageId: string): Promise<ProofRun[]> {
    const runs: ProofRun[] = [];
    await this.renderProof(await this.loadedPage(pageId), { purpose: 'proof', trace: (run) => runs.push(run) });
    return runs;
  }

  private async template(id: string): Promise<PageTemplate> {
    const t = (await this.templateMap()).get(id);
    if (!t) throw refuse('找不到这个版式模板', 'templateId');
    return t;
  }

  saveTemplate(actor: Actor, input: ParsedInputOf<'layout.saveTemplate'>): Promise<TemplateRow> {
    const now = new Date().toISOString();
    return this.ctx.transaction(async () => {
      const spec = input.spec as PageTemplate;
      const templates = await this.repo.templates();
      const taken = templates.find((t) => t.name === spec.name && t.id !== input.templateId);
      if (taken) throw refuse(`已有名为“${spec.name}”的模板`, 'name');
      let id = input.templateId;
      if (id) {
        const current = templates.find((t) => t.id === id);
        if (!current) throw new ApiError('NOT_FOUND', '找不到这个版式模板。');
        if (!(await this.repo.updateTemplate(id, input.baseVersion ?? current.version, spec, actor.user.id, now))) {
          throw new ApiError('CONFLICT', '这个模板已被别人修改，请刷新后再改。');
        }
      } else {
        id = newId();
        await this.repo.insertTemplate(id, spec, actor.user.id, now);
      }
      await this.audit.record({ userId: actor.user.id, action: 'layout.template', targetType: 'page_template', targetId: id, details: { name: spec.name } });
      return (await this.repo.templates()).find((t) => t.id === id)!;
    });
  }

  createEdition(actor: Actor, input: ParsedInputOf<'layout.createEdition'>): Promise<EditionSummary> {
    const now = new Date().toISOString();
    return this.ctx.transaction(async () => {
      if (await this.repo.editionByDate(input.date)) throw refuse(`${input.date} 已经有一期报纸`, 'date');
      const source = input.copyFrom ? await this.repo.editionByDate(input.copyFrom) : null;
      if (input.copyFrom && !source) throw refuse(`${input.copyFrom} 没有报纸期次，无法复制版面计划`, 'copyFrom');
      const id = newId();
      await this.repo.insertEdition(id, input.date, input.issueNumber, actor.user.id, now);
      for (const page of source ? await this.repo.pages(source.id) : []) {
        await this.repo.insertPage({ id: newId(), editionId: id, number: page.number, name: page.name, templateId: page.templateId, colour: page.colour, status: 'unplanned' }, actor.user.id, now);
      }
      await this.audit.record({ userId: actor.user.id, action: 'layout.edition', targetType: 'edition', targetId: id, details: { date: input.date, copyFrom: input.copyFrom ?? null } });
      return (await this.repo.editionById(id))!;
    });
  }

  async addPage(actor: Actor, input: ParsedInputOf<'layout.addPage'>): Promise<LayoutPage> {
    const now = new Date().toISOString();
    const id = newId();
    await this.ctx.transaction(async () => {
      const edition = await this.repo.editionById(input.editionId);
      if (!edition) throw new ApiError('NOT_FOUND', '找不到这一期报纸。');
      await this.template(input.templateId);
      const number = (await this.repo.pages(edition.id)).length + 1;
      await this.repo.insertPage({ id, editionId: edition.id, number, name: input.pageName, templateId: input.templateId, colour: input.colour ?? false, status: 'unplanned' }, actor.user.id, now);
      await this.audit.record({ userId: actor.user.id, action: 'layout.page.add', targetType: 'page', targetId: id, details: { number, name: input.pageName } });
      this.changed(actor, input.editionId);
    });
    return (await this.loadedPage(id)).page;
  }

  async updatePage(actor: Actor, input: ParsedInputOf<'layout.updatePage'>): Promise<LayoutPage> {
    const now = new Date().toISOString();
    await this.ctx.transaction(async () => {
      const page = await this.pageRow(input.pageId);
      this.assertOpen(page);
      if (input.templateId) await this.template(input.templateId);
      if (input.status === 'signed') throw refuse('签版请用“签版”按钮：它会核对每篇稿件', 'status');
      if (input.status === 'printed') throw refuse('付印请用“付印”按钮：签版后才能付印', 'status');
      await this.repo.updatePage(
        {
          id: page.id,
          name: input.pageName ?? page.name,
          templateId: input.templateId ?? page.templateId,
          colour: input.colour ?? page.colour,
          status: input.status ?? page.status,
          credits: input.credits ?? page.credits,
        },
        actor.user.id,
        now,
      );
      await this.audit.record({ userId: actor.user.id, action: 'layout.page.update', targetType: 'page', targetId: page.id, details: { ...input } });
      this.changed(actor, page.editionId);
    });
    return (await this.loadedPage(input.pageId)).page;
  }

  async movePage(actor: Actor, input: ParsedInputOf<'layout.movePage'>): Promise<LayoutPage[]> {
    const now = new Date().toISOString();
    const page = await this.pageRow(input.pageId);
    await this.ctx.transaction(async () => {
      const order = (await this.repo.pages(page.editionId)).map((p) => p.id);
      if (input.number > order.length) throw refuse(`本期只有 ${order.length} 个版，不能移到第 ${input.number} 版`, 'number');
      const rest = order.filter((id) => id !== page.id);
      rest.splice(input.number - 1, 0, page.id);
      await this.assertNumbersKept(page.editionId, rest);
      await this.repo.renumber(rest, actor.user.id, now);
      await this.audit.record({ userId: actor.user.id, action: 'layout.page.move', targetType: 'page', targetId: page.id, details: { from: page.number, to: input.number } });
      this.changed(actor, page.editionId);
    });
    return (await this.loadEdition(await this.editionOf(page))).board.pages;
  }

  removePage(actor: Actor, input: ParsedInputOf<'layout.removePage'>): Promise<{ returnedArticleIds: string[] }> {
    const now = new Date().toISOString();
    return this.ctx.transaction(async () => {
      const page = await this.pageRow(input.pageId);
      this.assertOpen(page);
      await this.assertNumbersKept(page.editionId, (await this.repo.pages(page.editionId)).flatMap((p) => (p.id === page.id ? [] : [p.id])));
      const slots = await this.repo.slotsOfPages([page.id]);
      if (slots.length > 0 && !input.confirm) {
        throw new ApiError('CONFLICT', `第 ${page.number} 版“${page.name}”上有 ${slots.length} 个稿位：确认删除后，其中的稿件回到稿库。`, { details: { slots: slots.length } });
      }
      const articleIds = [...new Set(slots.flatMap((s) => (s.articleId ? [s.articleId] : [])))];
      for (const slot of slots) await this.repo.deleteSlot(slot.id);
      for (const articleId of articleIds) await this.unplaceIfGone(actor, articleId);
      await this.repo.deletePage(page.id);
      await this.repo.renumber((await this.repo.pages(page.editionId)).map((p) => p.id), actor.user.id, now);
      await this.audit.record({ userId: actor.user.id, action: 'layout.page.remove', targetType: 'page', targetId: page.id, details: { number: page.number, name: page.name, articleIds } });
      this.changed(actor, page.editionId);
      return { returnedArticleIds: articleIds };
    });
  }

  /** A story off every page goes back from 已上版 to 已签发. */
  private async unplaceIfGone(actor: Actor, articleId: string): Promise<void> {
    if ((await this.repo.slotsOfArticle(articleId)).length > 0) return;
    const article = await this.ctx.repos.articles.get(articleId);
    if (article?.status === 'placed') await this.workflow.transition(actor, { articleId, action: 'unplace', baseVersion: article.version });
  }

  private async checkPlace(page: PageRow, rect: { col: number; line: number; columns: number; lines: number }, ignoreId?: string): Promise<void> {
    const template = await this.template(page.templateId);
    const others = await this.repo.slotsOfPages([page.id]);
    const why = slotRefusal(rect, template, others, ignoreId);
    if (why) throw refuse(why);
  }

  async addSlot(actor: Actor, input: ParsedInputOf<'layout.addSlot'>): Promise<LayoutSlot> {
    const now = new Date().toISOString();
    const id = newId();
    await this.ctx.transaction(() => this.insertSlot(actor, id, input, now));
    return (await this.repo.slot(id))!;
  }

  /**
   * Checks and stores a new slot. A story placed in it (not a continued part) is scheduled for the
   * page — its 见报日期 and 版次 — and an approved one moves to 已上版.
   */
  private async insertSlot(actor: Actor, id: string, input: ParsedInputOf<'layout.addSlot'>, now: string): Promise<void> {
    const page = await this.pageRow(input.pageId);
    this.assertOpen(page);
    await this.checkPlace(page, input);
    let articleId = input.articleId ?? null;
    let headlinePt = input.headlinePt;
    if (input.continuesFrom) {
      const source = await this.repo.slot(input.continuesFrom);
      if (!source || !source.articleId) throw refuse('转出稿位不存在或没有稿件', 'continuesFrom');
      const sourcePage = await this.pageRow(source.pageId);
      // The source page would print a new （下转X版） line.
      this.assertOpen(sourcePage);
      if (sourcePage.id === page.id) throw refuse('转版要接到另一个版上：转出和接续不能在同一版', 'continuesFrom');
      if (sourcePage.editionId !== page.editionId) throw refuse('只能转到同一期的版面', 'continuesFrom');
      if ((await this.repo.slotsOfPages((await this.repo.pages(page.editionId)).map((p) => p.id))).some((s) => s.continuesFrom === source.id)) {
        throw refuse('这个稿位已经转出过一次：一个转出只能有一个接续', 'continuesFrom');
      }
      articleId = source.articleId;
      headlinePt = headlinePt ?? [...CONTINUED_HEADLINE_PT];
    }
    if (input.kind === 'article' && !articleId) throw refuse('稿件稿位要放一篇稿件', 'articleId');
    if (!STORY_SLOT_KINDS.includes(input.kind) && articleId) throw refuse('只有稿件稿位和报眼能放稿件', 'kind');
    let story: Article | null = null;
    if (articleId) {
      story = await this.ctx.repos.articles.require(articleId);
      if (story.status === 'spiked') throw refuse('已撤稿的稿件不能上版', 'articleId');
      if (!input.continuesFrom && (await this.repo.slotsOfArticle(articleId)).some((s) => !s.continuesFrom)) {
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
    await this.checkSlotOptions(slot);
    await this.repo.insertSlot(slot, actor.user.id, now);
    if (page.status === 'unplanned') await this.repo.updatePage({ ...page, status: 'in_progress' }, actor.user.id, now);
    if (story && !input.continuesFrom) story = await this.schedule(actor, story, page, now);
    if (story?.status === 'approved') await this.workflow.transition(actor, { articleId: story.id, action: 'place', baseVersion: story.version });
    await this.audit.record({ userId: actor.user.id, action: 'layout.slot.add', targetType: 'page', targetId: page.id, details: { slotId: id, kind: input.kind, articleId } });
    this.changed(actor, page.editionId);
  }

  /**
   * Records the page a story was placed on as its 见报日期 and 版次. These are planning fields, not
   * printed text (`contentChanged`), so its 签发 stands; a 'schedule' revision explains the new version.
   */
  private async schedule(actor: Actor, story: Article, page: PageRow, now: string): Promise<Article> {
    const date = (await this.editionOf(page)).date;
    if (story.editionDate === date && story.page === page.number) return story;
    const fields = mergeFields(story, { editionDate: date, page: page.number });
    if (!(await this.ctx.repos.articles.update({ id: story.id, baseVersion: story.version, fields, derived: deriveText(fields), changed: ['plan'], userId: actor.user.id, now }))) {
      throw new ApiError('CONFLICT', `《${story.headline}》刚被别人修改，请再试一次。`);
    }
    const saved = (await this.ctx.repos.articles.get(story.id))!;
    await this.ctx.repos.articles.insertRevision({ id: newId(), article: saved, reason: 'schedule', userId: actor.user.id, now });
    this.ctx.emit({ type: 'article.changed', articleId: saved.id, version: saved.version, byUserId: actor.user.id });
    return saved;
  }

  /**
   * 上版 from the editor: the story into the empty 预留 slot chosen on the page, or into a new slot
   * where the page has room — three columns wide and as deep as its text.
   */
  async placeStory(actor: Actor, input: ParsedInputOf<'layout.placeStory'>): Promise<PlaceStoryResult> {
    const now = new Date().toISOString();
    const id = newId();
    await this.ctx.transaction(async () => {
      const edition = await this.repo.editionByDate(input.date);
      if (!edition) throw new ApiError('NOT_FOUND', `${input.date} 没有报纸期次：请先新建这一期。`);
      const page = await this.pageRow(input.pageId);
      if (page.editionId !== edition.id) throw refuse(`所选的版面不在 ${input.date} 这一期`, 'pageId');
      let rect: SlotRect;
      if (input.slotId) {
        const reserved = await this.repo.slot(input.slotId);
        if (!reserved || reserved.pageId !== page.id) throw new ApiError('NOT_FOUND', '找不到这个稿位，可能已被删除。');
        if (reserved.kind !== 'reserved') throw refuse(`稿件只能放进空的预留稿位，这个稿位是${SLOT_KIND_LABELS[reserved.kind]}稿位`, 'slotId');
        this.assertOpen(page);
        await this.repo.deleteSlot(reserved.id);
        rect = { col: reserved.col, line: reserved.line, columns: reserved.columns, lines: reserved.lines };
      } else {
        rect = await this.roomFor(input.articleId, page);
      }
      await this.insertSlot(actor, id, { pageId: page.id, kind: 'article', articleId: input.articleId, ...rect }, now);
    });
    return { slot: (await this.repo.slot(id))!, article: (await this.ctx.repos.articles.get(input.articleId))! };
  }

  /** The first free place on the page for a new slot holding the story: NEW_STORY_COLUMNS wide, as deep as its text. */
  private async roomFor(articleId: string, page: PageRow): Promise<SlotRect> {
    const text = (await this.texts([articleId])).get(articleId);
    if (!text) throw new ApiError('NOT_FOUND', '找不到这篇稿件，可能已被删除。');
    const template = await this.template(page.templateId);
    const columns = Math.min(NEW_STORY_COLUMNS, template.columns);
    const lines = linesToFit({ template, columns, headline: { sizesPt: defaultHeadlinePt(text.story, columns) }, paragraphCells: text.story.paragraphCells });
    const rect = findFreeRect({ columns, lines }, template, await this.repo.slotsOfPages([page.id]));
    if (!rect) throw refuse(`第 ${page.number} 版已没有空位放下《${text.story.headline}》：请选一个预留稿位，或先在版面上腾出位置`, 'pageId');
    return rect;
  }

  /** After 签版 a page is locked: its slots change only after the chief's 撤销签版, and never after 付印. */
  private assertOpen(page: PageRow): void {
    if (page.status === 'printed') throw new ApiError('CONFLICT', `第 ${page.number} 版已付印，不能再改。`);
    if (page.status === 'signed') throw new ApiError('CONFLICT', `第 ${page.number} 版已签版，版面已锁定。如需修改，请值班总编先撤销签版。`);
  }

  /** A slot changes what the pages its story jumps to and from print (the jump lines, the text carried): they must be open too. */
  private async assertJumpsOpen(slot: LayoutSlot): Promise<void> {
    const linked = [slot.continuesFrom ? await this.repo.slot(slot.continuesFrom) : null, ...(await this.repo.slotsOfArticle(slot.articleId ?? '')).filter((s) => s.continuesFrom === slot.id)];
    for (const other of linked) if (other && other.pageId !== slot.pageId) this.assertOpen(await this.pageRow(other.pageId));
  }

  /** Renumbering must not change the number of a signed or printed page: its folio and jump lines are signed. */
  private async assertNumbersKept(editionId: string, order: readonly string[]): Promise<void> {
    for (const page of await this.repo.pages(editionId)) {
      const number = order.indexOf(page.id) + 1;
      if ((page.status === 'signed' || page.status === 'printed') && number !== page.number) {
        throw new ApiError('CONFLICT', `这样调整会让已${page.status === 'signed' ? '签版' : '付印'}的第 ${page.number} 版变成第 ${number} 版。如需调整，请值班总编先撤销签版。`);
      }
    }
  }

  private async checkSlotOptions(slot: SlotWrite): Promise<void> {
    if (slot.textColumns !== null && slot.textColumns > slot.columns * 3) throw refuse(`${slot.columns} 栏宽的稿位最多破成 ${slot.columns * 3} 栏`, 'textColumns');
    if (slot.photoColumns !== null && slot.photoColumns > slot.columns) throw refuse(`图片宽 ${slot.photoColumns} 栏，超出稿位的 ${slot.columns} 栏`, 'photoColumns');
    if (slot.photoId && slot.articleId && !(await this.ctx.repos.photos.forArticle(slot.articleId)).some((p) => p.id === slot.photoId)) {
      throw refuse('这张图片不属于这篇稿件', 'photoId');
    }
    if (slot.photoId && !slot.articleId && !(await this.repo.photoExists(slot.photoId))) throw refuse('找不到这张图片，可能已被删除', 'photoId');
  }

  async updateSlot(actor: Actor, input: ParsedInputOf<'layout.updateSlot'>): Promise<LayoutSlot> {
    const now = new Date().toISOString();
    await this.ctx.transaction(async () => {
      const current = await this.repo.slot(input.slotId);
      if (!current) throw new ApiError('NOT_FOUND', '找不到这个稿位，可能已被删除。');
      const page = await this.pageRow(input.pageId ?? current.pageId);
      const was = await this.pageRow(current.pageId);
      if (page.editionId !== was.editionId) throw refuse('稿位只能移到同一期的版面', 'pageId');
      this.assertOpen(was);
      this.assertOpen(page);
      await this.assertJumpsOpen(current);
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
      await this.checkPlace(page, next, current.id);
      await this.checkSlotOptions(next);
      if (!(await this.repo.updateSlot(next, input.baseVersion, actor.user.id, now))) {
        throw new ApiError('CONFLICT', '这个稿位刚被别人改过，请刷新后再调整。');
      }
      await this.audit.record({ userId: actor.user.id, action: 'layout.slot.update', targetType: 'page', targetId: page.id, details: { slotId: current.id } });
      this.changed(actor, page.editionId);
    });
    return (await this.repo.slot(input.slotId))!;
  }

  removeSlot(actor: Actor, input: ParsedInputOf<'layout.removeSlot'>): Promise<{ removed: true }> {
    return this.ctx.transaction(async () => {
      const slot = await this.repo.slot(input.slotId);
      if (!slot) throw new ApiError('NOT_FOUND', '找不到这个稿位，可能已被删除。');
      const page = await this.pageRow(slot.pageId);
      this.assertOpen(page);
      await this.assertJumpsOpen(slot);
      await this.repo.deleteSlot(slot.id);
      if (slot.articleId) await this.unplaceIfGone(actor, slot.articleId);
      await this.audit.record({ userId: actor.user.id, action: 'layout.slot.remove', targetType: 'page', targetId: slot.pageId, details: { slotId: slot.id, articleId: slot.articleId } });
      this.changed(actor, page.editionId);
      return { removed: true as const };
    });
  }

  /**
   * 签版: the page full (blank area within the paper's tolerance), every story slot set exactly (no
   * 缺行 or 超行), every story approved (签发) — its text is then the approved revision's —, the
   * 校对's sign-off on the page as it stands, the house-style gate passed, no broken jump. Each story
   * moves to 已签版 and the page records a digest of its slots and approved revisions; the page is
   * then locked until the chief's 撤销签版.
   */
  async signPage(actor: Actor, input: ParsedInputOf<'layout.signPage'>): Promise<SignPageResult> {
    const now = new Date().toISOString();
    const signed: string[] = [];
    await this.ctx.transaction(async () => {
      const { loaded, page } = await this.loadedPage(input.pageId);
      if (page.status === 'printed') throw new ApiError('CONFLICT', `第 ${page.number} 版已付印。`);
      if (page.status === 'signed') throw new ApiError('CONFLICT', `第 ${page.number} 版已经签版了。`);
      const articleIds = [...new Set(page.slots.flatMap((s) => (s.articleId ? [s.articleId] : [])))];
      const problems = pageSignProblems({
        page,
        template: await this.template(page.templateId),
        fit: loaded.fit,
        stories: new Map([...loaded.texts].map(([id, t]) => [id, t.story])),
        blankTolerancePercent: loaded.board.press.blankTolerancePercent,
      }).map((p) => p.message);
      for (const id of articleIds) {
        const text = loaded.texts.get(id);
        if (!text) continue;
        const gate = await this.proofreading.gate(actor, id);
        if (!gate.ok) problems.push(`《${text.story.headline}》还有 ${gate.errors.length} 处校对错误未改`);
      }
      if (problems.length > 0) throw new ApiError('CONFLICT', `第 ${page.number} 版还不能签版：${problems.join('；')}。`, { details: { problems } });

      // A story approved after the layout desk put it on the page is still 已签发: record its 上版 now, as part of
      // this 签版 — the layout desk's placing is already on the page, the chief editor need not hold layout.edit.
      const placer: Actor = { ...actor, privileges: new Set([...actor.privileges, 'layout.edit']) };
      for (const id of articleIds) {
        let article = (await this.ctx.repos.articles.get(id))!;
        if (article.status === 'approved') article = await this.workflow.transition(placer, { articleId: id, action: 'place', baseVersion: article.version });
        if (article.status === 'placed') {
          await this.workflow.transition(actor, { articleId: id, action: 'signPage', baseVersion: article.version }, 'page');
          signed.push(id);
        }
      }
      const approved = await this.repo.approvedRevisions(articleIds);
      const row = await this.pageRow(page.id);
      await this.repo.insertPageSignoff({
        id: newId(),
        pageId: page.id,
        userId: actor.user.id,
        at: now,
        digest: this.digest(row, page.slots, approved),
        articles: articleIds.map((id) => ({ articleId: id, revisionId: approved.get(id) ?? null })),
      });
      await this.repo.updatePage({ ...row, status: 'signed' }, actor.user.id, now);
      await this.audit.record({ userId: actor.user.id, action: 'layout.page.sign', targetType: 'page', targetId: page.id, details: { number: page.number, articleIds } });
      this.changed(actor, page.editionId);
    });
    return { page: (await this.loadedPage(input.pageId)).page, signedArticles: signed };
  }

  /** 撤销签版: the chief opens a signed page again, with a reason; its stories go back to 已上版 and may change. */
  async unsignPage(actor: Actor, input: ParsedInputOf<'layout.unsignPage'>): Promise<LayoutPage> {
    const now = new Date().toISOString();
    const reason = input.reason.trim();
    await this.ctx.transaction(async () => {
      const row = await this.pageRow(input.pageId);
      if (row.status === 'printed') throw new ApiError('CONFLICT', `第 ${row.number} 版已付印，不能撤销签版。`);
      if (row.status !== 'signed') throw new ApiError('CONFLICT', `第 ${row.number} 版没有签版，无需撤销。`);
      const articleIds = [...new Set((await this.repo.slotsOfPages([row.id])).flatMap((s) => (s.articleId ? [s.articleId] : [])))];
      for (const id of articleIds) {
        const article = await this.ctx.repos.articles.get(id);
        if (article?.status === 'page_signed') await this.workflow.transition(actor, { articleId: id, action: 'unsignPage', baseVersion: article.version, reason }, 'page');
      }
      await this.repo.updatePage({ ...row, status: 'ready' }, actor.user.id, now);
      await this.audit.record({ userId: actor.user.id, action: 'layout.page.unsign', targetType: 'page', targetId: row.id, details: { number: row.number, reason, articleIds } });
      this.changed(actor, row.editionId);
    });
    return (await this.loadedPage(input.pageId)).page;
  }

  /**
   * 付印/传版: a signed page goes to the print plant as a PDF named by the paper's pattern — into the
   * plant's folder when one is set (never over an existing file), else back to the caller to save.
   * Its stories move to 已付印 and the page to 已付印, recorded in the audit log; nothing changes after.
   */
  async printPage(actor: Actor, input: ParsedInputOf<'layout.printPage'>): Promise<PrintPageResult> {
    const before = await this.loadedPage(input.pageId);
    await this.assertPrintable(before.page);
    const settings = await this.ctx.repos.settings.workflow();
    const edition = before.loaded.board.edition;
    const fileName = printFileName(settings.printFileNamePattern, { date: edition.date, page: before.page.number, name: before.page.name, issue: edition.issueNumber });
    const { pdf } = await this.renderProof(before, { purpose: 'print' });
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
      await this.ctx.transaction(async () => {
        const { page } = await this.loadedPage(input.pageId);
        // Checked again where nothing can change between the check and the step.
        await this.assertPrintable(page);
        const now = new Date().toISOString();
        const articleIds = [...new Set(page.slots.flatMap((s) => (s.articleId ? [s.articleId] : [])))];
        for (const id of articleIds) {
          const article = (await this.ctx.repos.articles.get(id))!;
          await this.workflow.transition(actor, { articleId: id, action: 'print', baseVersion: article.version }, 'page');
        }
        await this.repo.updatePage({ ...(await this.pageRow(page.id)), status: 'printed' }, actor.user.id, now);
        await this.audit.record({ userId: actor.user.id, action: 'layout.page.print', targetType: 'page', targetId: page.id, details: { number: page.number, fileName, savedTo, articleIds } });
        this.changed(actor, page.editionId);
        if (temp !== null && savedTo !== null) fs.renameSync(temp, savedTo);
      });
    } finally {
      if (temp !== null && fs.existsSync(temp)) fs.rmSync(temp, { force: true });
    }
    return { page: (await this.loadedPage(input.pageId)).page, fileName, savedTo, dataBase64: savedTo === null ? pdf.toString('base64') : null };
  }

  private async assertPrintable(page: LayoutPage): Promise<void> {
    if (page.status === 'printed') throw new ApiError('CONFLICT', `第 ${page.number} 版已经付印了。`);
    if (page.status !== 'signed') throw new ApiError('CONFLICT', `第 ${page.number} 版还没有签版：签版之后才能付印。`);
    let moved = page.changedSinceSign;
    for (const slot of page.slots) if (slot.articleId && (await this.ctx.repos.articles.get(slot.articleId))?.status !== 'page_signed') moved = true;
    if (moved) throw new ApiError('CONFLICT', `第 ${page.number} 版签版之后有稿件变动（例如转版的另一版撤销了签版）：请值班总编撤销签版、核对后重新签版。`);
  }

  async pagePlan(pageId: string): Promise<PagePlan> {
    const { loaded, page } = await this.loadedPage(pageId);
    return buildPagePlan({
      edition: { date: loaded.board.edition.date, issueNumber: loaded.board.edition.issueNumber },
      page,
      template: await this.template(page.templateId),
      stories: new Map([...loaded.texts].map(([id, t]) => [id, t.story])),
      fit: loaded.fit,
    });
  }

  /** The page drawn by the proof renderer: the proof (colour as the page is set, or grey), or the print plant's file. */
  private async renderProof(
    { loaded, page }: { loaded: LoadedEdition; page: LayoutPage },
    options: { purpose: 'proof' | 'print'; grey?: boolean | undefined; trace?: (run: ProofRun) => void },
  ): Promise<{ pdf: Buffer; warnings: string[]; grey: boolean }> {
    // The proof draws synchronously: the photos its slots hold are read before it starts.
    const storyPhotos = new Map<string, PhotoRecord[]>();
    const slotPhotos = new Map<string, PhotoRecord | null>();
    for (const slot of page.slots) {
      if (slot.articleId && !storyPhotos.has(slot.articleId)) storyPhotos.set(slot.articleId, await this.ctx.repos.photos.forArticle(slot.articleId));
      if (slot.photoId && !slotPhotos.has(slot.photoId)) slotPhotos.set(slot.photoId, await this.ctx.repos.photos.record(slot.photoId));
    }
    const grey = options.grey ?? !page.colour;
    const proof = await renderPageProof({
      loaded,
      page,
      paperName: await this.ctx.repos.settings.paperName(),
      paperShortName: await this.paperShortName(),
      masthead: await readMasthead(this.ctx),
      photos: (articleId) => storyPhotos.get(articleId) ?? [],
      photo: (photoId) => slotPhotos.get(photoId) ?? null,
      dataDir: this.ctx.dataDir,
      grey,
      purpose: options.purpose,
      ...(options.trace ? { trace: options.trace } : {}),
    });
    return { ...proof, grey };
  }

  /** 大样: the page as a PDF at its physical size, in colour (as the page is set) or grey. */
  async proof(actor: Actor, input: ParsedInputOf<'layout.proof'>): Promise<ProofFile> {
    const { loaded, page } = await this.loadedPage(input.pageId);
    const proof = await this.renderProof({ loaded, page }, { purpose: 'proof', grey: input.grey });
    const fileName = `${loaded.board.edition.date}-第${page.number}版-大样${proof.grey ? '-黑白' : ''}.pdf`;
    await this.audit.recordWhereWritable({ userId: actor.user.id, action: 'layout.proof', targetType: 'page', targetId: page.id, details: { fileName, warnings: proof.warnings.length } });
    return { fileName, dataBase64: proof.pdf.toString('base64'), warnings: proof.warnings };
  }

  async articleSlots(articleId: string): Promise<ArticleSlotFit[]> {
    const out: ArticleSlotFit[] = [];
    for (const date of await this.repo.editionDatesOfArticle(articleId)) {
      const { board, fit } = await this.load(date);
      out.push(...board.pages.flatMap((page) =>
        page.slots.flatMap((slot) => {
          const f = slot.articleId === articleId ? fit.slots.get(slot.id) : undefined;
          if (!f) return [];
          const { capacityChars, overChars, overLines, status } = f.fit;
          return [{ editionDate: date, pageNumber: page.number, pageName: page.name, slotId: slot.id, continued: slot.continuesFrom !== null, capacityChars, overChars, overLines, status }];
        }),
      ));
    }
    return out;
  }
}

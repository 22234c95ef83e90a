import { createHash } from 'node:crypto';
import type { Actor, CoreContext } from '../context';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { ArticleSlotFit, PlaceStoryResult, ProofFile, SignPageResult } from '../../../shared/api/methods/layout';
import { ApiError } from '../../../shared/api/errors';
import { newId } from '../../../shared/domain/ids';
import type { Article } from '../../../shared/domain/article';
import { docToParagraphs } from '../../../shared/document/docText';
import { STATUS_LABELS } from '../../../shared/workflow/machine';
import { paragraphStats } from '../../../shared/text/count';
import type { PageTemplate } from '../../../shared/layout/geometry';
import { CONTINUED_HEADLINE_PT, SLOT_KIND_LABELS, STORY_SLOT_KINDS, defaultHeadlinePt, type SlotRect, type EditionBoard, type EditionSummary, type LayoutPage, type LayoutSlot, type TemplateRow } from '../../../shared/layout/board';
import { fitBoard } from '../../../shared/layout/boardFit';
import { buildPagePlan, type PagePlan } from '../../../shared/layout/pagePlan';
import { findFreeRect, slotRefusal } from '../../../shared/layout/slotRules';
import { linesToFit } from '../../../shared/layout/slot';
import { printedBlocks } from '../../../shared/layout/printedText';
import { deriveText } from '../../../shared/article/fields';
import type { PageRow, SlotWrite } from '../repositories/layoutRepository';
import type { PhotoRecord } from '../repositories/photoRepository';
import type { AuditService } from './auditService';
import type { WorkflowService } from './workflowService';
import type { ProofreadingService } from './proofreadingService';
import { renderPageProof } from './layoutProof';
import { readMasthead } from './paperService';
import type { LoadedEdition, StoryText } from './loadedEdition';
import { mergeFields } from './articleService';

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
    const templateRows = await this.repo.templates();
    const templates = new Map(templateRows.map((t) => [t.id, t.spec]));
    const stories = [...texts.values()].map((t) => t.story);
    const board: EditionBoard = { edition, templates: templateRows, pages, stories };
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
      if (input.templateId) await this.template(input.templateId);
      if (input.status === 'signed') throw refuse('签版请用“签版”按钮：它会核对每篇稿件', 'status');
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
    this.assertUnsignedOrOk(page);
    await this.checkPlace(page, input);
    let articleId = input.articleId ?? null;
    let headlinePt = input.headlinePt;
    if (input.continuesFrom) {
      const source = await this.repo.slot(input.continuesFrom);
      if (!source || !source.articleId) throw refuse('转出稿位不存在或没有稿件', 'continuesFrom');
      const sourcePage = await this.pageRow(source.pageId);
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
        this.assertUnsignedOrOk(page);
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

  /** A signed page can still change; the change shows as "changed since sign-off" instead of being refused. */
  private assertUnsignedOrOk(page: PageRow): void {
    if (page.status === 'printed') throw new ApiError('CONFLICT', `第 ${page.number} 版已付印，不能再改。`);
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
      if (page.editionId !== (await this.pageRow(current.pageId)).editionId) throw refuse('稿位只能移到同一期的版面', 'pageId');
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
      this.assertUnsignedOrOk(page);
      await this.repo.deleteSlot(slot.id);
      if (slot.articleId) await this.unplaceIfGone(actor, slot.articleId);
      await this.audit.record({ userId: actor.user.id, action: 'layout.slot.remove', targetType: 'page', targetId: slot.pageId, details: { slotId: slot.id, articleId: slot.articleId } });
      this.changed(actor, page.editionId);
      return { removed: true as const };
    });
  }

  /**
   * 签版: every story on the page approved (签发) — its text is then the approved revision's —, the
   * house-style gate passed, no broken jump; each story moves to 已签版 and the page records a
   * digest of its slots and approved revisions, so a later change shows as "changed since sign-off".
   */
  async signPage(actor: Actor, input: ParsedInputOf<'layout.signPage'>): Promise<SignPageResult> {
    const now = new Date().toISOString();
    const signed: string[] = [];
    await this.ctx.transaction(async () => {
      const { loaded, page } = await this.loadedPage(input.pageId);
      if (page.status === 'printed') throw new ApiError('CONFLICT', `第 ${page.number} 版已付印。`);
      const articleIds = [...new Set(page.slots.flatMap((s) => (s.articleId ? [s.articleId] : [])))];
      if (articleIds.length === 0) throw new ApiError('CONFLICT', `第 ${page.number} 版上还没有稿件，不能签版。`);
      const problems: string[] = [];
      for (const id of articleIds) {
        const text = loaded.texts.get(id);
        if (!text) continue;
        if (!text.story.approvedRevisionId) problems.push(`《${text.story.headline}》还没有签发（现为${STATUS_LABELS[text.story.status]}）`);
        const gate = await this.proofreading.gate(actor, id);
        if (!gate.ok) problems.push(`《${text.story.headline}》还有 ${gate.errors.length} 处校对错误未改`);
      }
      const jumpIds = new Set(page.slots.map((s) => s.id));
      for (const j of loaded.fit.jumps) if (jumpIds.has(j.jumpId)) problems.push(j.message);
      if (problems.length > 0) throw new ApiError('CONFLICT', `不能签版：${problems.join('；')}。`, { details: { problems } });

      // A story approved after the layout desk put it on the page is still 已签发: record its 上版 now, as part of
      // this 签版 — the layout desk's placing is already on the page, the chief editor need not hold layout.edit.
      const placer: Actor = { ...actor, privileges: new Set([...actor.privileges, 'layout.edit']) };
      for (const id of articleIds) {
        let article = (await this.ctx.repos.articles.get(id))!;
        if (article.status === 'approved') article = await this.workflow.transition(placer, { articleId: id, action: 'place', baseVersion: article.version });
        if (article.status === 'placed') {
          await this.workflow.transition(actor, { articleId: id, action: 'signPage', baseVersion: article.version });
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

  /** 大样: the page as a PDF at its physical size. */
  /** 大样: the page as a PDF at its physical size, in colour (as the page is set) or grey. */
  async proof(actor: Actor, input: ParsedInputOf<'layout.proof'>): Promise<ProofFile> {
    const { loaded, page } = await this.loadedPage(input.pageId);
    // The proof draws synchronously: the photos its slots hold are read before it starts.
    const storyPhotos = new Map<string, PhotoRecord[]>();
    const slotPhotos = new Map<string, PhotoRecord | null>();
    for (const slot of page.slots) {
      if (slot.articleId && !storyPhotos.has(slot.articleId)) storyPhotos.set(slot.articleId, await this.ctx.repos.photos.forArticle(slot.articleId));
      if (slot.photoId && !slotPhotos.has(slot.photoId)) slotPhotos.set(slot.photoId, await this.ctx.repos.photos.record(slot.photoId));
    }
    const grey = input.grey ?? !page.colour;
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
    });
    const fileName = `${loaded.board.edition.date}-第${page.number}版-大样${grey ? '-黑白' : ''}.pdf`;
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

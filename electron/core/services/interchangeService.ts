import type { Actor, CoreContext } from '../context';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { ExportFile, ExportFormat } from '../../../shared/api/methods/interchange';
import { ApiError } from '../../../shared/api/errors';
import type { Article } from '../../../shared/domain/article';
import { exportStory, type ExportStory } from '../../../shared/interchange/exportStory';
import { buildEditionMessage, buildNewsItem } from '../../../shared/interchange/newsml';
import { buildNitf } from '../../../shared/interchange/nitf';
import { buildIcml } from '../../../shared/interchange/icml';
import { buildWebHtml, buildWechatHtml } from '../../../shared/interchange/html';
import { typographyOf } from '../../../shared/layout/typography';
import type { LayoutService } from './layoutService';
import type { AuditService } from './auditService';

const FILES: Record<ExportFormat, { extension: string; mime: string }> = {
  newsml: { extension: 'xml', mime: 'application/vnd.iptc.g2.newsitem+xml' },
  nitf: { extension: 'xml', mime: 'application/nitf+xml' },
  icml: { extension: 'icml', mime: 'application/vnd.adobe.incopy-icml+xml' },
  html: { extension: 'html', mime: 'text/html;charset=utf-8' },
  wechat: { extension: 'html', mime: 'text/html;charset=utf-8' },
};

/** A file name from a headline: what a file system refuses taken out. */
function fileStem(headline: string): string {
  return headline.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40) || '稿件';
}

/**
 * Stories and editions out to the wire (NewsML-G2, NITF), InDesign (ICML), the web and WeChat. The
 * text exported is the live 签发 revision when the story has one — what was approved is what leaves —
 * and the current text otherwise, marked as not yet approved where the format can say so.
 */
export class InterchangeService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditService,
    private readonly layout: LayoutService,
  ) {}

  private get layoutRepo() {
    return this.ctx.repos.layout;
  }

  private async paper(): Promise<{ name: string; shortName: string }> {
    return { name: await this.ctx.repos.settings.paperName(), shortName: (await this.ctx.repos.settings.get<string>('paper.shortName')) ?? '本报' };
  }

  private async story(article: Article, approved: boolean, imageBase: string): Promise<ExportStory> {
    const photos = await this.ctx.repos.photos.forArticle(article.id);
    return exportStory({ article, approved, photos, paper: await this.paper(), imageBase });
  }

  /** The story's live 签发 revision when it has one, else its current text. */
  private async exported(articleId: string): Promise<{ article: Article; approved: boolean }> {
    const current = await this.ctx.repos.articles.get(articleId);
    if (!current || current.deletedAt) throw new ApiError('NOT_FOUND', '找不到这篇稿件，可能已被删除。', { field: 'articleId' });
    const revisionId = (await this.layoutRepo.approvedRevisions([articleId])).get(articleId);
    const approved = revisionId ? (await this.ctx.repos.revisions.get(revisionId))?.snapshot : undefined;
    return { article: approved ? { ...approved, id: current.id, createdAt: current.createdAt } : current, approved: approved !== undefined };
  }

  async exportStory(actor: Actor, input: ParsedInputOf<'export.story'>): Promise<ExportFile> {
    const { article, approved } = await this.exported(input.articleId);
    const story = await this.story(article, approved, input.imageBase ?? '');
    const text = await this.build(input.format, story);
    const file = FILES[input.format];
    const fileName = `${fileStem(story.printed.headline)}${input.format === 'wechat' ? '-公众号' : input.format === 'nitf' ? '-nitf' : ''}.${file.extension}`;
    await this.audit.recordWhereWritable({ userId: actor.user.id, action: 'article.export', targetType: 'article', targetId: article.id, details: { format: input.format, fileName, approved } });
    return { fileName, mime: file.mime, text };
  }

  private async build(format: ExportFormat, story: ExportStory): Promise<string> {
    switch (format) {
      case 'newsml':
        return buildNewsItem(story);
      case 'nitf':
        return buildNitf(story);
      case 'icml': {
        const template = await this.placedTemplate(story.id);
        return buildIcml(story, typographyOf(template ?? {}), template?.bodyPt);
      }
      case 'html':
        return buildWebHtml(story);
      case 'wechat':
        return buildWechatHtml(story);
    }
  }

  /** The template of the page the story first sits on, so ICML's styles carry that page's faces. */
  private async placedTemplate(articleId: string) {
    const slot = (await this.layoutRepo.slotsOfArticle(articleId))[0];
    const page = slot ? await this.layoutRepo.page(slot.pageId) : null;
    return page ? (await this.layoutRepo.templates()).find((t) => t.id === page.templateId)?.spec : undefined;
  }

  /** The edition as a NewsML-G2 newsMessage: its package (pages as groups, stories in page order) and the stories' newsItems. */
  async exportEdition(actor: Actor, input: ParsedInputOf<'export.edition'>): Promise<ExportFile> {
    const loaded = await this.layout.load(input.date);
    const { edition } = loaded.board;
    const imageBase = input.imageBase ?? '';
    const pages = [];
    for (const page of loaded.board.pages) {
      const ids = [...new Set([...page.slots].sort((a, b) => a.line - b.line || a.col - b.col).flatMap((s) => (s.articleId && !s.continuesFrom ? [s.articleId] : [])))];
      const stories: ExportStory[] = [];
      for (const id of ids) {
        const text = loaded.texts.get(id);
        if (text) stories.push(await this.story(text.article, text.story.approvedRevisionId !== null, imageBase));
      }
      pages.push({ number: page.number, name: page.name, stories });
    }
    const text = buildEditionMessage({ paperName: (await this.paper()).name, date: edition.date, issueNumber: edition.issueNumber, at: new Date().toISOString(), pages });
    const fileName = `${edition.date}-总第${edition.issueNumber}期-newsml.xml`;
    await this.audit.recordWhereWritable({ userId: actor.user.id, action: 'edition.export', targetType: 'edition', targetId: edition.id, details: { format: 'newsml', fileName } });
    return { fileName, mime: 'application/vnd.iptc.g2.newsmessage+xml', text };
  }
}

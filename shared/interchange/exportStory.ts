/**
 * A story as it leaves the building: its printed parts (shared/article/printedStory) with what the
 * wire, the web and InDesign also want — identity, times, people, place, keywords, photos referenced
 * by URL — in one shape every export format reads.
 */
import type { Article, ArticleByline } from '../domain/article';
import { renderCaption, renderCredit, type CreditKind } from '../article/credits';
import { printedStory, type PrintedStory } from '../article/printedStory';

interface ExportPhoto {
  id: string;
  /** where the web page, the wire package or the layout finds the file: imageBase + id + extension */
  href: string;
  mime: string;
  width: number;
  height: number;
  /** the caption as written, and as printed with its credit */
  caption: string;
  printedCaption: string;
  /** 本报记者 张三 摄 */
  credit: string;
}

export interface ExportStory {
  id: string;
  version: number;
  /** the revision exported: the live 签发 when there is one */
  approved: boolean;
  slug: string;
  desk: string;
  genre: string;
  printed: PrintedStory;
  bylines: ArticleByline[];
  /** the 电头's place and date when it names them */
  place: string;
  keywords: string[];
  createdAt: string;
  updatedAt: string;
  /** the edition date it is planned for, and its page */
  editionDate: string | null;
  page: number | null;
  photos: ExportPhoto[];
  paper: { name: string; shortName: string };
}

export interface PhotoInput {
  id: string;
  mime: string;
  width: number;
  height: number;
  caption: string;
  creditKind: CreditKind;
  photographers: string[];
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/tiff': 'tif' };

function photoFileName(photo: Pick<PhotoInput, 'id' | 'mime'>): string {
  return `${photo.id}.${EXTENSIONS[photo.mime] ?? 'jpg'}`;
}

export function exportStory(input: {
  article: Article;
  approved: boolean;
  photos: readonly PhotoInput[];
  paper: { name: string; shortName: string };
  /** prefix of the photo references: '' for files beside the export, or a URL ending in / */
  imageBase: string;
}): ExportStory {
  const { article, paper } = input;
  const names = { shortName: paper.shortName };
  return {
    id: article.id,
    version: article.version,
    approved: input.approved,
    slug: article.slug,
    desk: article.desk,
    genre: article.genre,
    printed: printedStory(article, names),
    bylines: article.bylines,
    place: article.dateline?.place?.trim() ?? '',
    keywords: article.keywords,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    editionDate: article.editionDate,
    page: article.page,
    paper,
    photos: input.photos.map((p) => {
      const credit = { kind: p.creditKind, names: p.photographers };
      let printedCaption = p.caption;
      let creditText = '';
      try {
        printedCaption = renderCaption(p.caption, credit, names);
        creditText = renderCredit(credit, names);
      } catch {
        // an incomplete credit leaves the caption as written; the caption check reports it
      }
      return { id: p.id, href: `${input.imageBase}${photoFileName(p)}`, mime: p.mime, width: p.width, height: p.height, caption: p.caption, printedCaption, credit: creditText };
    }),
  };
}

/** 本报记者 张三、通讯员 李四: the people as a line for metadata (creator names are listed separately). */
export function bylineText(story: ExportStory): string {
  return story.bylines.map((b) => `${b.role} ${b.name}`).join('　');
}

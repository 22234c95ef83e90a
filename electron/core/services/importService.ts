import mammoth from 'mammoth';
import type { Actor, CoreContext } from '../context';
import { ApiError } from '../../../shared/api/errors';
import { articleCreateSchema, type ParsedInputOf } from '../../../shared/api/contract';
import { fieldLabel } from '../../../shared/api/labels';
import { MAX_DOCX_BYTES, MAX_WIRE_BYTES, type ImportedArticle, type ImportedStory, type WireStory } from '../../../shared/api/methods/importing';
import { readWire, WireFormatError } from '../../../shared/interchange/wireImport';
import { parseDateline } from '../../../shared/article/dateline';
import type { ArticleByline, ArticleDateline, BylineRole } from '../../../shared/domain/article';
import { blocksToDoc, type TextBlock } from '../../../shared/document/docText';
import type { DocNode } from '../../../shared/document/docTypes';
import { defaultFields, deriveText } from '../../../shared/article/fields';
import type { ArticleService } from './articleService';
import { newId } from '../../../shared/domain/ids';
import { assertDocxInflationBounded, DocxTooLarge, MAX_DOCX_INFLATED_BYTES } from '../importing/docxInflation';

/** Compound-document signature: an old binary .doc (or .xls) renamed or picked by mistake. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Below this a story with an end credit (……。（张三）) is a 简讯. */
const SHORT_ITEM_CHARS = 200;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);

/**
 * mammoth's HTML, one entry per Word paragraph. Its raw-text mode drops soft line breaks (Shift+Enter),
 * which would glue a 引题 to its 主题; in HTML they survive as <br />. Empty paragraphs are kept because
 * a blank line is where one story ends and the next begins.
 */
function htmlToParagraphs(html: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|([^<]+)/g)) {
    if (m[3] !== undefined) {
      current = (current ?? '') + decodeEntities(m[3]);
      continue;
    }
    const tag = (m[2] ?? '').toLowerCase();
    if (tag === 'br') {
      current = (current ?? '') + '\n';
    } else if (BLOCK_TAGS.has(tag)) {
      if (current !== null) out.push(current);
      current = m[1] === '/' ? null : '';
    }
  }
  if (current !== null) out.push(current);
  return out;
}

/** The paragraphs of a .docx, for the recognizer; a file that is not one gets one clear sentence. */
export async function docxParagraphs(bytes: Buffer, fileName: string): Promise<string[]> {
  if (bytes.length === 0) throw new ApiError('VALIDATION', '文件是空的。', { field: 'dataBase64' });
  if (bytes.length > MAX_DOCX_BYTES) {
    throw new ApiError('VALIDATION', `Word 文件不能超过 ${MAX_DOCX_BYTES / 1024 / 1024} MB；请删去图片或把稿件分成几个文件。`, { field: 'dataBase64' });
  }
  if (bytes.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    throw new ApiError('VALIDATION', `“${fileName}”是旧版 Word（.doc）文件，无法直接导入。请在 Word 或 WPS 中另存为 .docx 后再导入。`, { field: 'dataBase64' });
  }
  const unreadable = new ApiError('VALIDATION', `无法读取这个 .docx 文件（${fileName}）：文件已损坏或不是 Word 文档。`, { field: 'dataBase64' });
  try {
    await assertDocxInflationBounded(bytes);
  } catch (error) {
    if (!(error instanceof DocxTooLarge)) throw unreadable;
    throw new ApiError(
      'VALIDATION',
      `“${fileName}”解压后超过 ${MAX_DOCX_INFLATED_BYTES / 1024 / 1024} MB（或其中一部分过大），不像一份稿件，未导入。请把稿件分成几个文件。`,
      { field: 'dataBase64' },
    );
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        ignoreEmptyParagraphs: false,
        externalFileAccess: false,
        // Photos are linked later by the photo desk; reading them here would only cost time.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch {
    throw unreadable;
  }
  return htmlToParagraphs(html);
}

function noteParagraph(text: string): DocNode {
  return { type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'note' }] }] };
}

function jumpText(jump: ImportedStory['jumps'][number]): string {
  return jump.direction === 'out' ? `下转${jump.page}版` : `上接${jump.page}版`;
}

type ArticleInput = ParsedInputOf<'articles.create'>;

interface ImportPlan {
  input: ArticleInput;
  /** For the story's photos: the first photo linked without a caption takes the first of these. */
  captions: { text: string; credit: string }[];
  warnings: string[];
}

/**
 * One recognized story as the fields of a new draft. Nothing the writer typed is dropped: captions
 * wait with the story for its photos; jump lines, which have no field of their own, stay in the
 * body as a note (批注), which is neither counted nor printed. `index` is 0-based; messages count from 1.
 */
function planArticle(story: ImportedStory, index: number, desk: string): ImportPlan {
  const number = index + 1;
  const headline = story.headline.trim();
  if (headline === '') {
    throw new ApiError('VALIDATION', `第 ${number} 篇稿件没有主题（标题），请补充后再导入。没有导入任何稿件。`, { field: `stories.${index}.headline` });
  }
  const warnings: string[] = [];

  const subheadAt = new Map(story.subheadIndexes.map((at, k) => [at, story.subheads[k] ?? '']));
  const blocks: TextBlock[] = story.paragraphs.map((text, i) => {
    const subhead = subheadAt.get(i);
    return subhead === undefined ? { kind: 'p', text } : { kind: 'h', text: subhead };
  });

  let dateline: ArticleDateline | null = null;
  const roleByName = new Map<string, BylineRole>();
  const printedDateline = story.dateline?.trim() ?? '';
  if (printedDateline !== '') {
    const parsed = parseDateline(printedDateline);
    if (parsed) {
      dateline = parsed.dateline;
      for (const b of parsed.bylines) roleByName.set(b.name, b.role);
    } else {
      // The 电头 runs into the first paragraph in print: put it back there so the copy still reads.
      warnings.push(`电头“${printedDateline}”无法识别，已放回正文第一段开头，请在稿件中改填电头`);
      const first = blocks.find((b) => b.kind === 'p');
      if (first) first.text = printedDateline + first.text;
      else blocks.unshift({ kind: 'p', text: printedDateline });
    }
  }

  const names = [...new Set([...story.reporters, ...story.bylines].map((n) => n.trim()).filter((n) => n !== ''))];
  const bylines: ArticleByline[] = names.map((name) => ({ name, role: roleByName.get(name) ?? '记者' }));

  const notes = story.jumps.length > 0 ? [noteParagraph(`原稿转版行（已从正文删除，组版时重新生成）：${story.jumps.map(jumpText).join('、')}`)] : [];
  const content = [...(blocks.length > 0 ? (blocksToDoc(blocks).content ?? []) : []), ...notes];
  const body: DocNode = content.length > 0 ? { type: 'doc', content } : blocksToDoc([]);

  const endCredit = story.endCredit?.trim() ?? '';
  const fields = {
    ...defaultFields(),
    desk,
    kicker: story.kicker?.trim() ?? '',
    headline,
    subheadline: story.subheadline?.trim() ?? '',
    bylines,
    dateline,
    endCredit,
    body,
    abstract: story.abstract?.trim() ?? '',
    keywords: story.keywords ?? [],
    slug: story.slug?.trim() ?? '',
  };
  const chars = deriveText(fields).charCount;
  fields.genre = chars < SHORT_ITEM_CHARS && endCredit !== '' ? '简讯' : '消息';

  const checked = articleCreateSchema.safeParse(fields);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new ApiError('VALIDATION', `第 ${number} 篇稿件《${headline}》的${fieldLabel(issue.path)}有误：${issue.message}。没有导入任何稿件。`, {
      field: `stories.${index}`,
    });
  }
  return { input: checked.data, captions: story.captions.map((c) => ({ text: c.text, credit: c.credit ?? '' })), warnings };
}

export class ImportService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly articles: ArticleService,
  ) {}

  /** Wire copy read into stories; a file that is not UTF-8 XML holding a text story gets one sentence. */
  parseWire(input: ParsedInputOf<'import.parseWire'>): { stories: WireStory[] } {
    const bytes = Buffer.from(input.dataBase64, 'base64');
    if (bytes.length > MAX_WIRE_BYTES) throw new ApiError('VALIDATION', `XML 稿件不能超过 ${MAX_WIRE_BYTES / 1024 / 1024} MB。`, { field: 'dataBase64' });
    let xml: string;
    try {
      xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ApiError('VALIDATION', `“${input.fileName}”不是 UTF-8 编码的 XML。`, { field: 'dataBase64' });
    }
    try {
      return { stories: readWire(xml) };
    } catch (error) {
      if (error instanceof WireFormatError) throw new ApiError('VALIDATION', `无法导入“${input.fileName}”：${error.message}`, { field: 'dataBase64' });
      throw error;
    }
  }

  async parseDocx(input: ParsedInputOf<'import.parseDocx'>): Promise<{ paragraphs: string[] }> {
    return { paragraphs: await docxParagraphs(Buffer.from(input.dataBase64, 'base64'), input.fileName) };
  }

  /** Every story becomes a draft of the caller's, or (one refused, or a write failing) none does. */
  async createArticles(actor: Actor, input: ParsedInputOf<'import.createArticles'>): Promise<{ articles: ImportedArticle[] }> {
    const plans = input.stories.map((story, i) => planArticle(story, i, input.desk ?? ''));
    const articles = await this.ctx.transaction(async () => {
      const created: ImportedArticle[] = [];
      for (const plan of plans) {
        const article = await this.articles.create(actor, plan.input);
        await this.ctx.repos.captions.insert(article.id, plan.captions.map((c) => ({ id: newId(), ...c })), actor.user.id, article.createdAt);
        created.push({ id: article.id, headline: article.headline, warnings: plan.warnings });
      }
      return created;
    });
    return { articles };
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { MAX_WIRE_BYTES, type ImportedArticle } from '../../../shared/api/methods/importing';
import { ApiError } from '../../../shared/api/errors';
import { recognizeStories, type RecognizedStory } from '../../../shared/import/index';
import { openExistingCore } from '../openCliCore';
import { decodeText } from '../../../shared/import/decodeText';
import type { UserSummary } from '../../../shared/domain/session';
import { docxParagraphs } from '../../core/services/importService';
import { readWire, WireFormatError } from '../../../shared/interchange/wireImport';
import { CliError } from '../cliError';
import { resolveDataDir } from './dataDirOption';
import { print, type CliCommand } from './types';

const USAGE = 'npm run cli -- import FILE(.txt|.docx|.xml) [--data-dir DIR] [--dry-run] [--json] [--as USERNAME]';

function readBytes(file: string | undefined): Buffer {
  if (!file) throw new CliError(`缺少文件参数。用法：${USAGE}`);
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(code === 'ENOENT' ? `找不到文件：${file}` : code === 'EISDIR' ? `${file} 是文件夹，不是稿件文件` : `无法读取 ${file}：${(error as Error).message}`);
  }
}

function decodeFile(bytes: Uint8Array, file: string): string {
  const decoded = decodeText(bytes);
  if (decoded.ok) return decoded.text;
  throw new CliError(
    decoded.reason === 'binary'
      ? `${file} 不是纯文本文件（含有二进制内容）。请导入 .txt 或 .docx。`
      : `${file} 的编码无法识别（既不是 UTF-8 也不是 GBK/GB18030）。请另存为 UTF-8 后再导入。`,
  );
}

async function readStories(file: string | undefined): Promise<RecognizedStory[]> {
  const bytes = readBytes(file);
  const name = path.basename(file!);
  if (/\.xml$/i.test(name)) return readWireFile(bytes, file!);
  return recognizeStories(await readCopy(bytes, name, file!));
}

/** NewsML-G2 or NITF: the parts come marked up, so nothing is recognized from the text. */
function readWireFile(bytes: Buffer, file: string): RecognizedStory[] {
  if (bytes.length > MAX_WIRE_BYTES) throw new CliError(`${file} 超过 ${MAX_WIRE_BYTES / 1024 / 1024} MB，不像一篇电讯稿。`);
  try {
    return readWire(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).map(({ source: _source, ...story }) => ({ ...story, warnings: [], sourceRange: { startLine: 0, endLine: 0 } }));
  } catch (error) {
    if (error instanceof WireFormatError) throw new CliError(`${file}：${error.message}`);
    if (error instanceof TypeError) throw new CliError(`${file} 不是 UTF-8 编码的 XML。`);
    throw error;
  }
}

async function readCopy(bytes: Buffer, name: string, file: string): Promise<string | string[]> {
  if (!/\.docx?$/i.test(name)) return decodeFile(bytes, file);
  try {
    return await docxParagraphs(bytes, name);
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(error.message);
    throw error;
  }
}

/** The recognized story without the review screen's bookkeeping (sourceRange, warnings, subheadIndexes). */
function printable(story: RecognizedStory) {
  return {
    kicker: story.kicker,
    headline: story.headline,
    subheadline: story.subheadline,
    bylines: story.bylines,
    dateline: story.dateline,
    reporters: story.reporters,
    subheads: story.subheads,
    paragraphs: story.paragraphs,
    captions: story.captions,
    jumps: story.jumps,
    endCredit: story.endCredit,
  };
}

function describe(story: RecognizedStory, index: number): string {
  const head = [story.kicker, story.headline || '（无主题）', story.subheadline].filter(Boolean).join(' / ');
  const details = [
    story.dateline ? `电头 ${story.dateline}` : '',
    story.reporters.length > 0 ? `署名 ${story.reporters.join('、')}` : '',
    `${story.paragraphs.length} 段`,
    story.subheads.length > 0 ? `小标题 ${story.subheads.length} 个` : '',
    story.captions.length > 0 ? `图片说明 ${story.captions.length} 条` : '',
    story.jumps.length > 0 ? `转版 ${story.jumps.map((j) => (j.direction === 'out' ? `下转${j.page}版` : `上接${j.page}版`)).join('、')}` : '',
    story.endCredit ? `文末署名 ${story.endCredit}` : '',
  ].filter(Boolean);
  return `第 ${index + 1} 篇：${head}\n  ${details.join('；')}`;
}

/**
 * Creates the drafts through the core's dispatcher, as `username` or the first
 * user allowed to create articles, so the CLI gets the same checks as the app.
 */
async function createArticles(dataDir: string, username: string | undefined, stories: RecognizedStory[]): Promise<{ user: UserSummary; articles: ImportedArticle[] }> {
  const core = await openExistingCore(dataDir);
  try {
    if (core.readOnlyReason) throw new CliError(`${core.readOnlyReason}没有导入任何稿件。`);
    const { token, user } = await core.localSession('article.create', username);
    const outcome = await core.dispatch({ sessionToken: token, transport: 'cli' }, 'import.createArticles', { stories });
    if (!outcome.response.ok) throw new CliError(`${outcome.response.error.message}${outcome.response.error.code === 'VALIDATION' ? '。没有导入任何稿件。' : ''}`);
    return { user, articles: (outcome.response.result as { articles: ImportedArticle[] }).articles };
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(error.message);
    throw error;
  } finally {
    await core.close();
  }
}

/** Structure recognition of a .txt or .docx file; the stories become drafts unless --dry-run. */
export const importCommand: CliCommand = {
  name: 'import',
  usage: USAGE,
  summary: '导入 .txt（UTF-8 或 GBK）、.docx 或电讯稿 .xml（NewsML-G2、NITF）：识别引题、主题、电头等并建成草稿；--dry-run 只识别；--as 默认为按用户名排序第一个能新建稿件的用户',
  options: { 'dry-run': { type: 'boolean' }, as: { type: 'string' } },
  async run(args, values) {
    const stories = await readStories(args[0]);
    if (stories.length === 0) throw new CliError(`${args[0]} 中没有文字，没有可导入的稿件。`);
    for (const [i, story] of stories.entries()) {
      for (const warning of story.warnings) process.stderr.write(`第 ${i + 1} 篇《${story.headline}》：${warning}\n`);
    }
    const summary = stories.map(describe).join('\n');
    if (values['dry-run']) {
      print(values.json, { articles: stories.map(printable) }, `识别出 ${stories.length} 篇稿件（未写入数据库）：\n${summary}`);
      return;
    }
    const username = typeof values['as'] === 'string' ? values['as'] : undefined;
    const { user, articles } = await createArticles(resolveDataDir(values), username, stories);
    for (const [i, article] of articles.entries()) {
      for (const warning of article.warnings) process.stderr.write(`第 ${i + 1} 篇《${article.headline}》：${warning}\n`);
    }
    const created = articles.map((a) => `  ${a.id}  ${a.headline}`).join('\n');
    print(
      values.json,
      { articles: stories.map(printable) },
      `${summary}\n已以 ${user.displayName}（${user.username}）的身份导入 ${articles.length} 篇草稿：\n${created}`,
    );
  },
};

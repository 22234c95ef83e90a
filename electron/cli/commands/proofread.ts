import path from 'node:path';
import { checkText, compileWordLists, DEFAULT_WORD_LISTS, summarize, type CompiledWordLists } from '../../../shared/style/index';
import { LATEST_SCHEMA_VERSION } from '../../core/db/migrations/index';
import { ProofreadingRepository } from '../../core/repositories/proofreadingRepository';
import { SqliteStore } from '../../core/store/sqliteStore';
import { toWordLists } from '../../../shared/proofreading/wordLists';
import { readTextFile } from './readTextFile';
import { print, type CliCommand } from './types';
import { CliError } from '../cliError';
import { openReadOnlyDatabase } from '../openCliCore';

const USAGE = 'npm run cli -- proofread FILE [--json] [--data-dir DIR]';
const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
/** The schema version that added the paper's word lists; an older database still uses the built-in ones. */
const WORD_LISTS_SINCE = 4;

/**
 * The word lists of the paper in `dataDir`, read without opening the core: read-only, no
 * migration, so proofreading a file never changes the newsroom's database.
 */
async function paperWordLists(dataDir: string): Promise<CompiledWordLists> {
  const reader = openReadOnlyDatabase(dataDir);
  const { db, file } = reader;
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new CliError(`数据库 ${file} 由更新版本的程序创建（结构版本 ${version}），请升级本程序后再校对。`);
    }
    if (version < WORD_LISTS_SINCE) return compileWordLists(DEFAULT_WORD_LISTS);
    return compileWordLists(toWordLists(await new ProofreadingRepository(new SqliteStore(db)).wordLists()));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`数据库 ${file} 无法读取（可能不是本系统的数据库或已损坏）：${(error as Error).message}`);
  } finally {
    reader.close();
  }
}

/** House-style checks on a plain-text file, one paragraph a line; exits 3 when errors remain. */
export const proofreadCommand: CliCommand = {
  name: 'proofread',
  usage: USAGE,
  summary: '按报社规范校对纯文本文件；给出 --data-dir 时使用该报社的词表',
  async run(args, values) {
    const text = readTextFile(args[0], USAGE);
    const dataDir = values['data-dir'];
    const wordLists = typeof dataDir === 'string' ? await paperWordLists(path.resolve(dataDir)) : compileWordLists(DEFAULT_WORD_LISTS);
    const findings = checkText(text, { field: 'body', wordLists });
    const out = findings.map((f) => ({ rule: f.rule, severity: f.severity, start: f.start, end: f.end, message: f.message, fix: f.fix }));
    const counts = summarize(findings);
    const lines = findings.map((f) => {
      const before = text.slice(0, f.start);
      const line = before.split('\n').length;
      const column = f.start - before.lastIndexOf('\n');
      return `${line}:${column} [${SEVERITY_LABEL[f.severity]}] ${f.message}（${text.slice(f.start, f.end)}${f.fix ? ` → ${f.fix.replacement}` : ''}）`;
    });
    print(values.json, { findings: out }, [...lines, `共 ${findings.length} 处：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}`].join('\n'));
    if (counts.error > 0) throw new CliError(values.json ? '' : '仍有错误未改。', 3);
  },
};

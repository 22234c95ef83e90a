import { createHash } from 'node:crypto';
import type { Actor, CoreContext } from '../context';
import type { Db } from '../db/connection';
import type { Article } from '../../../shared/domain/article';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type {
  ArticleStyleReport,
  EditionErrorRate,
  ErrorRateReport,
  PaperWordLists,
  StoryErrorRate,
  StyleGateResult,
  WordListState,
} from '../../../shared/api/methods/proofreading';
import { MAX_WORD_LIST_ENTRIES, WORD_LIST_ENTRY_SCHEMAS } from '../../../shared/api/methods/proofreading';
import { fieldLabel } from '../../../shared/api/labels';
import { ApiError } from '../../../shared/api/errors';
import { newId } from '../../../shared/domain/ids';
import {
  compileWordLists,
  DEFAULT_WORD_LISTS,
  errorRate,
  parseWordListCsv,
  summarize,
  wordListToCsv,
  type CompiledWordLists,
  type WordListEntryMap,
  type WordListKind,
} from '../../../shared/style/index';
import { toWordLists } from '../../../shared/proofreading/wordLists';
import { articleUnits, type ProofUnit } from '../../../shared/proofreading/units';
import {
  fixedSince,
  occurrences,
  proofreadUnits,
  type FieldFinding,
  type StoryIgnore,
} from '../../../shared/proofreading/findings';
import { textStats } from '../../../shared/text/count';
import { ArticleService } from './articleService';
import { recordWhereWritable } from './auditService';

type AnyEntry = WordListEntryMap[WordListKind];

const BUILT_IN: { [K in WordListKind]: Array<WordListEntryMap[K]> } = {
  confusable: DEFAULT_WORD_LISTS.confusables,
  careful: DEFAULT_WORD_LISTS.careful,
  exactName: DEFAULT_WORD_LISTS.exactNames,
  placeName: DEFAULT_WORD_LISTS.placeNames,
};

const KIND_LABEL: Record<WordListKind, string> = {
  confusable: '易错词表',
  careful: '慎用词表',
  exactName: '规范名称表',
  placeName: '地名表',
};

/** Privileges of those who review copy: only they may let style errors through to 签发. */
const OVERRIDE_PRIVILEGES = ['workflow.review1', 'workflow.review2', 'workflow.review3'] as const;

interface WordListRow {
  kind: WordListKind;
  entries: string;
  version: number;
  updated_at: string;
  updated_by_name: string | null;
}

export function entryKey(kind: WordListKind, entry: AnyEntry): string {
  return kind === 'careful' ? (entry as WordListEntryMap['careful']).word : (entry as WordListEntryMap['confusable']).wrong;
}

/** Optional columns left blank are absent, not '', so a list round-trips through CSV unchanged. */
function normalizeEntry(entry: AnyEntry): AnyEntry {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined && v !== '')) as AnyEntry;
}

/**
 * The paper's lists as stored, the built-in list for a kind never edited. Exported for the CLI,
 * which reads a data folder without opening the core.
 */
export function readPaperWordLists(db: Db): PaperWordLists {
  const rows = db
    .prepare(
      `SELECT w.kind, w.entries, w.version, w.updated_at, u.display_name AS updated_by_name
       FROM style_word_lists w LEFT JOIN users u ON u.id = w.updated_by`,
    )
    .all() as WordListRow[];
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  const state = <K extends WordListKind>(kind: K): WordListState<K> => {
    const row = byKind.get(kind);
    if (!row) return { kind, entries: BUILT_IN[kind], version: 0, isDefault: true, updatedAt: null, updatedByName: null };
    return {
      kind,
      entries: JSON.parse(row.entries) as Array<WordListEntryMap[K]>,
      version: row.version,
      isDefault: false,
      updatedAt: row.updated_at,
      updatedByName: row.updated_by_name,
    };
  };
  return { confusable: state('confusable'), careful: state('careful'), exactName: state('exactName'), placeName: state('placeName') };
}

/**
 * The line of a CSV record that the parser accepted but the entry rules refuse: the parser does
 * not say where each entry came from, and the first cell (its key) is unique in an accepted import.
 */
function lineOfKey(csv: string, key: string): number {
  const quoted = `"${key.replace(/"/g, '""')}"`;
  const lines = csv.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const index = lines.findIndex((line) => {
    const first = line.trimStart();
    return first === key || first.startsWith(`${key},`) || first.startsWith(quoted);
  });
  return index + 1;
}

/** One open error, as an override names it: tied to the paragraph's wording, not its position. */
function errorKey(f: FieldFinding): string {
  return `${f.field}\t${f.paragraphHash}\t${f.rule}\t${f.text}`;
}

function digestOf(keys: readonly string[]): string {
  return createHash('sha256').update([...new Set(keys)].sort().join('\n')).digest('hex');
}

interface OverrideRow {
  error_keys: string;
  reason: string;
  created_at: string;
  by_name: string;
}

interface StoryCheck {
  article: Article;
  units: ProofUnit[];
  findings: FieldFinding[];
  ignoredCount: number;
  ignores: StoryIgnore[];
}

export class ProofreadingService {
  private readonly articles: ArticleService;
  private compiled: { stamp: string; lists: CompiledWordLists } | null = null;

  constructor(protected readonly ctx: CoreContext) {
    this.articles = new ArticleService(ctx);
  }

  getWordLists(): PaperWordLists {
    return readPaperWordLists(this.ctx.db);
  }

  exportCsv(actor: Actor, kind: WordListKind): string {
    const { entries } = this.getWordLists()[kind];
    recordWhereWritable(this.ctx, { userId: actor.user.id, action: 'wordlist.export', details: { kind, entries: entries.length } });
    return wordListToCsv(kind, entries);
  }

  saveWordList(actor: Actor, input: ParsedInputOf<'proofreading.saveWordList'>): WordListState<WordListKind> {
    return this.ctx.db.transaction(() => {
      const current = this.getWordLists()[input.kind];
      if (input.baseVersion !== undefined && input.baseVersion !== current.version) {
        throw new ApiError(
          'CONFLICT',
          `${KIND_LABEL[input.kind]}已被${current.updatedByName ?? '他人'}修改（现为版本 ${current.version}）。请刷新后再改。`,
          { details: { current } },
        );
      }
      const entries = (input.entries as AnyEntry[]).map(normalizeEntry);
      this.writeList(actor, input.kind, entries);
      this.ctx.repos.audit.append({ userId: actor.user.id, action: 'wordlist.save', details: { kind: input.kind, entries: entries.length } });
      return this.getWordLists()[input.kind];
    }).immediate();
  }

  /** A bad line is reported with its number and the rest imported; a later line wins over an existing entry. */
  importCsv(
    actor: Actor,
    input: ParsedInputOf<'proofreading.importCsv'>,
  ): { imported: number; errors: Array<{ line: number; message: string }>; list: WordListState<WordListKind> } {
    const parsed = parseWordListCsv(input.kind, input.csv);
    const errors = [...parsed.errors];
    const entries: AnyEntry[] = [];
    for (const entry of parsed.entries as AnyEntry[]) {
      const checked = WORD_LIST_ENTRY_SCHEMAS[input.kind].safeParse(entry);
      if (checked.success) {
        entries.push(normalizeEntry(checked.data as AnyEntry));
      } else {
        const issue = checked.error.issues[0]!;
        errors.push({ line: lineOfKey(input.csv, entryKey(input.kind, entry)), message: `${fieldLabel(issue.path)}：${issue.message}` });
      }
    }
    errors.sort((a, b) => a.line - b.line);
    return this.ctx.db.transaction(() => {
      const current = this.getWordLists()[input.kind];
      if (entries.length === 0) return { imported: 0, errors, list: current };
      let next: AnyEntry[] = entries;
      if (input.mode === 'append') {
        const incoming = new Map(entries.map((e) => [entryKey(input.kind, e), e]));
        const kept = (current.entries as AnyEntry[]).map((e) => {
          const key = entryKey(input.kind, e);
          const replacement = incoming.get(key);
          incoming.delete(key);
          return replacement ?? e;
        });
        next = [...kept, ...incoming.values()];
      }
      if (next.length > MAX_WORD_LIST_ENTRIES) {
        throw new ApiError('VALIDATION', `导入后词表将有 ${next.length} 条，超过上限 ${MAX_WORD_LIST_ENTRIES} 条。请分表或改用“替换”。`);
      }
      this.writeList(actor, input.kind, next);
      this.ctx.repos.audit.append({
        userId: actor.user.id,
        action: 'wordlist.import',
        details: { kind: input.kind, mode: input.mode, imported: entries.length, rejected: errors.length },
      });
      return { imported: entries.length, errors, list: this.getWordLists()[input.kind] };
    }).immediate();
  }

  checkArticle(articleId: string): ArticleStyleReport {
    const check = this.checkStory(articleId);
    this.recordBaseline(check);
    const errors = check.findings.filter((f) => f.severity === 'error');
    const override = this.coveringOverride(articleId, errors);
    return {
      articleId,
      version: check.article.version,
      findings: check.findings,
      counts: summarize(check.findings),
      ignoredCount: check.ignoredCount,
      ignores: check.ignores,
      errorsDigest: errors.length > 0 ? digestOf(errors.map(errorKey)) : null,
      override: override && { reason: override.reason, byName: override.by_name, at: override.created_at },
    };
  }

  /**
   * Before 签发: open errors (not ignored for this story) block unless an override with a reason
   * covers every one of them as the saved story now reads them.
   */
  gate(actor: Actor, articleId: string): StyleGateResult {
    if (!actor.privileges.has('article.read')) throw new ApiError('FORBIDDEN', '您的账号没有“查看稿件”权限。');
    const check = this.checkStory(articleId);
    const errors = check.findings.filter((f) => f.severity === 'error');
    if (errors.length === 0) return { ok: true, errors, overridden: false };
    const overridden = this.coveringOverride(articleId, errors) !== null;
    return { ok: overridden, errors, overridden };
  }

  ignore(actor: Actor, input: ParsedInputOf<'proofreading.ignore'>): { ignores: StoryIgnore[] } {
    return this.ctx.db.transaction(() => {
      const article = this.articles.get(input.articleId);
      this.articles.assertCanEdit(actor, article);
      const inserted = this.ctx.db
        .prepare(
          `INSERT OR IGNORE INTO style_ignores (id, article_id, rule, text, paragraph_hash, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(newId(), article.id, input.rule, input.text, input.paragraphHash, new Date().toISOString(), actor.user.id);
      if (inserted.changes > 0) {
        this.ctx.repos.audit.append({
          userId: actor.user.id,
          action: 'style.ignore',
          targetType: 'article',
          targetId: article.id,
          details: { rule: input.rule, text: input.text, paragraphHash: input.paragraphHash },
        });
      }
      return { ignores: this.ignoresOf(article.id) };
    }).immediate();
  }

  override(actor: Actor, input: ParsedInputOf<'proofreading.override'>): ArticleStyleReport {
    if (!OVERRIDE_PRIVILEGES.some((p) => actor.privileges.has(p))) {
      throw new ApiError('FORBIDDEN', '放行校对错误需要审稿权限（初审、复审或终审）。请联系审稿人处理。');
    }
    return this.ctx.db.transaction(() => {
      const check = this.checkStory(input.articleId);
      const errors = check.findings.filter((f) => f.severity === 'error');
      if (errors.length === 0) throw new ApiError('CONFLICT', '这篇稿件现在没有需要放行的校对错误。');
      const keys = [...new Set(errors.map(errorKey))].sort();
      const digest = digestOf(keys);
      if (digest !== input.findingsDigest) {
        throw new ApiError('CONFLICT', '稿件在您检查之后已有改动，校对结果已经不同。请重新检查，确认后再放行。');
      }
      const now = new Date().toISOString();
      this.ctx.db
        .prepare(
          `INSERT INTO style_overrides (id, article_id, article_version, findings_digest, error_keys, error_count, reason, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(newId(), check.article.id, check.article.version, digest, JSON.stringify(keys), errors.length, input.reason, now, actor.user.id);
      this.ctx.repos.audit.append({
        userId: actor.user.id,
        action: 'style.override',
        targetType: 'article',
        targetId: check.article.id,
        details: {
          reason: input.reason,
          digest,
          version: check.article.version,
          errors: errors.length,
          rules: [...new Set(errors.map((e) => e.rule))].sort(),
        },
      });
      return this.checkArticle(input.articleId);
    }).immediate();
  }

  /**
   * Per 10,000 字 of everything checked (headline parts, 电头, bylines, body …). "Fixed" counts the
   * findings of the story's first server-side check that are gone now (see fixedSince); findings
   * are the current open ones, errors those of severity error.
   */
  /** Per page of the edition of `date`, over the stories placed on it (the layout board's slots). */
  editionErrorRate(date: string): EditionErrorRate {
    const pages = this.ctx.db
      .prepare('SELECT p.id, p.number, p.name FROM pages p JOIN editions e ON e.id = p.edition_id WHERE e.date = ? ORDER BY p.number')
      .all(date) as Array<{ id: string; number: number; name: string }>;
    if (pages.length === 0) throw new ApiError('NOT_FOUND', `${date} 还没有版面计划，无法按版统计差错率。`, { field: 'date' });
    const placed = this.ctx.db.prepare(
      "SELECT DISTINCT s.article_id AS id FROM page_slots s JOIN articles a ON a.id = s.article_id WHERE s.page_id = ? AND a.deleted_at IS NULL ORDER BY s.line, s.col",
    );
    const all = new Set<string>();
    const perPage = pages.map((page) => {
      const ids = (placed.all(page.id) as Array<{ id: string }>).map((r) => r.id);
      ids.forEach((id) => all.add(id));
      return { pageId: page.id, number: page.number, name: page.name, report: this.errorRate(ids) };
    });
    return { date, pages: perPage, total: this.errorRate([...all]).total };
  }

  errorRate(articleIds: readonly string[]): ErrorRateReport {
    const stories: StoryErrorRate[] = [...new Set(articleIds)].map((id) => {
      const check = this.checkStory(id);
      const baseline = this.recordBaseline(check);
      const chars = textStats(check.units.map((u) => u.text)).chars;
      const fixed = fixedSince(baseline.occurrences, occurrences(check.findings));
      const errors = check.findings.filter((f) => f.severity === 'error').length;
      return {
        articleId: id,
        headline: check.article.headline,
        chars,
        findings: check.findings.length,
        errors,
        fixed,
        findingsPer10k: errorRate(check.findings.length, chars),
        errorsPer10k: errorRate(errors, chars),
        fixedPer10k: errorRate(fixed, chars),
        baselineAt: baseline.at,
      };
    });
    const sum = (pick: (s: StoryErrorRate) => number) => stories.reduce((n, s) => n + pick(s), 0);
    const chars = sum((s) => s.chars);
    const findings = sum((s) => s.findings);
    const errors = sum((s) => s.errors);
    const fixed = sum((s) => s.fixed);
    return {
      stories,
      total: {
        chars,
        findings,
        errors,
        fixed,
        findingsPer10k: errorRate(findings, chars),
        errorsPer10k: errorRate(errors, chars),
        fixedPer10k: errorRate(fixed, chars),
      },
    };
  }

  private writeList(actor: Actor, kind: WordListKind, entries: AnyEntry[]): void {
    const now = new Date().toISOString();
    this.ctx.db
      .prepare(
        `INSERT INTO style_word_lists (kind, entries, version, created_at, updated_at, updated_by) VALUES (?, ?, 1, ?, ?, ?)
         ON CONFLICT(kind) DO UPDATE SET entries = excluded.entries, version = version + 1,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(kind, JSON.stringify(entries), now, now, actor.user.id);
  }

  /** Compiled once per change of any list, not per check. */
  private wordLists(): CompiledWordLists {
    const stamp = (this.ctx.db.prepare('SELECT kind, version FROM style_word_lists ORDER BY kind').all() as Array<{ kind: string; version: number }>)
      .map((r) => `${r.kind}:${r.version}`)
      .join(',');
    if (this.compiled?.stamp !== stamp) {
      this.compiled = { stamp, lists: compileWordLists(toWordLists(this.getWordLists())) };
    }
    return this.compiled.lists;
  }

  private paperShortName(): string {
    return this.ctx.repos.settings.get<string>('paper.shortName') ?? '本报';
  }

  private ignoresOf(articleId: string): StoryIgnore[] {
    return this.ctx.db
      .prepare('SELECT rule, text, paragraph_hash AS paragraphHash FROM style_ignores WHERE article_id = ? ORDER BY created_at, id')
      .all(articleId) as StoryIgnore[];
  }

  private checkStory(articleId: string): StoryCheck {
    const article = this.articles.get(articleId);
    const units = articleUnits(article, this.paperShortName());
    const ignores = this.ignoresOf(articleId);
    const { findings, ignored } = proofreadUnits(units, { wordLists: this.wordLists(), ignores });
    return { article, units, findings, ignoredCount: ignored, ignores };
  }

  /** The most recent override whose errors include every error open now. */
  private coveringOverride(articleId: string, errors: readonly FieldFinding[]): OverrideRow | null {
    if (errors.length === 0) return null;
    const rows = this.ctx.db
      .prepare(
        `SELECT o.error_keys, o.reason, o.created_at, u.display_name AS by_name
         FROM style_overrides o JOIN users u ON u.id = o.created_by
         WHERE o.article_id = ? ORDER BY o.created_at DESC, o.id DESC`,
      )
      .all(articleId) as OverrideRow[];
    const open = new Set(errors.map(errorKey));
    return rows.find((row) => [...open].every((key) => (JSON.parse(row.error_keys) as string[]).includes(key))) ?? null;
  }

  /**
   * The story's first check is kept as the baseline "fixed" counts from. Written best-effort: a
   * read-only data folder still gets its report, counted from now.
   */
  private recordBaseline(check: StoryCheck): { occurrences: Record<string, number>; at: string } {
    const row = this.ctx.db.prepare('SELECT occurrences, created_at FROM style_baselines WHERE article_id = ?').get(check.article.id) as
      | { occurrences: string; created_at: string }
      | undefined;
    if (row) return { occurrences: JSON.parse(row.occurrences) as Record<string, number>, at: row.created_at };
    const baseline = { occurrences: occurrences(check.findings), at: new Date().toISOString() };
    if (!this.ctx.readOnlyReason) {
      this.ctx.db
        .prepare('INSERT OR IGNORE INTO style_baselines (article_id, article_version, occurrences, created_at) VALUES (?, ?, ?, ?)')
        .run(check.article.id, check.article.version, JSON.stringify(baseline.occurrences), baseline.at);
    }
    return baseline;
  }
}

import { createHash } from 'node:crypto';
import type { Actor, CoreContext } from '../context';
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
import type { OverrideRow } from '../repositories/proofreadingRepository';
import type { AuditService } from './auditService';
import { staleVersion } from './conflicts';
import { assertCanEditNow, requirePrivilege } from './permissions';

type AnyEntry = WordListEntryMap[WordListKind];

const KIND_LABEL: Record<WordListKind, string> = {
  confusable: '易错词表',
  careful: '慎用词表',
  exactName: '规范名称表',
  placeName: '地名表',
};

/** Privileges of those who review copy: only they may let style errors through to 签发. */
const OVERRIDE_PRIVILEGES = ['workflow.review1', 'workflow.review2', 'workflow.review3'] as const;

function entryKey(kind: WordListKind, entry: AnyEntry): string {
  return kind === 'careful' ? (entry as WordListEntryMap['careful']).word : (entry as WordListEntryMap['confusable']).wrong;
}

/** Optional columns left blank are absent, not '', so a list round-trips through CSV unchanged. */
function normalizeEntry(entry: AnyEntry): AnyEntry {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined && v !== '')) as AnyEntry;
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

interface StoryCheck {
  article: Article;
  units: ProofUnit[];
  findings: FieldFinding[];
  ignoredCount: number;
  ignores: StoryIgnore[];
}

export class ProofreadingService {
  private compiled: { stamp: string; lists: CompiledWordLists } | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.ctx.repos.proofreading;
  }

  getWordLists(): Promise<PaperWordLists> {
    return this.repo.wordLists();
  }

  async exportCsv(actor: Actor, kind: WordListKind): Promise<string> {
    const { entries } = (await this.getWordLists())[kind];
    await this.audit.recordWhereWritable({ userId: actor.user.id, action: 'wordlist.export', details: { kind, entries: entries.length } });
    return wordListToCsv(kind, entries);
  }

  saveWordList(actor: Actor, input: ParsedInputOf<'proofreading.saveWordList'>): Promise<WordListState<WordListKind>> {
    return this.ctx.transaction(async () => {
      const current = (await this.getWordLists())[input.kind];
      if (input.baseVersion !== undefined && input.baseVersion !== current.version) {
        throw staleVersion(KIND_LABEL[input.kind], { byName: current.updatedByName, version: current.version }, '请刷新后再改。', { current });
      }
      const entries = (input.entries as AnyEntry[]).map(normalizeEntry);
      await this.repo.writeWordList(input.kind, entries, actor.user.id);
      await this.audit.record({ userId: actor.user.id, action: 'wordlist.save', details: { kind: input.kind, entries: entries.length } });
      return (await this.getWordLists())[input.kind];
    });
  }

  /** A bad line is reported with its number and the rest imported; a later line wins over an existing entry. */
  importCsv(
    actor: Actor,
    input: ParsedInputOf<'proofreading.importCsv'>,
  ): Promise<{ imported: number; errors: Array<{ line: number; message: string }>; list: WordListState<WordListKind> }> {
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
    return this.ctx.transaction(async () => {
      const current = (await this.getWordLists())[input.kind];
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
      await this.repo.writeWordList(input.kind, next, actor.user.id);
      await this.audit.record({
        userId: actor.user.id,
        action: 'wordlist.import',
        details: { kind: input.kind, mode: input.mode, imported: entries.length, rejected: errors.length },
      });
      return { imported: entries.length, errors, list: (await this.getWordLists())[input.kind] };
    });
  }

  async checkArticle(articleId: string): Promise<ArticleStyleReport> {
    const check = await this.checkStory(articleId);
    await this.recordBaseline(check);
    const errors = check.findings.filter((f) => f.severity === 'error');
    const override = await this.coveringOverride(articleId, errors);
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
  async gate(actor: Actor, articleId: string): Promise<StyleGateResult> {
    requirePrivilege(actor, 'article.read');
    const check = await this.checkStory(articleId);
    const errors = check.findings.filter((f) => f.severity === 'error');
    if (errors.length === 0) return { ok: true, errors, overridden: false };
    const overridden = (await this.coveringOverride(articleId, errors)) !== null;
    return { ok: overridden, errors, overridden };
  }

  ignore(actor: Actor, input: ParsedInputOf<'proofreading.ignore'>): Promise<{ ignores: StoryIgnore[] }> {
    return this.ctx.transaction(async () => {
      const article = await this.ctx.repos.articles.require(input.articleId);
      // Ignoring an error changes what 签发 is checked against: it takes the right to edit the story as it stands.
      assertCanEditNow(actor, article);
      const inserted = await this.repo.insertIgnore({
        id: newId(),
        articleId: article.id,
        rule: input.rule,
        text: input.text,
        paragraphHash: input.paragraphHash,
        userId: actor.user.id,
      });
      if (inserted) {
        await this.audit.record({
          userId: actor.user.id,
          action: 'style.ignore',
          targetType: 'article',
          targetId: article.id,
          details: { rule: input.rule, text: input.text, paragraphHash: input.paragraphHash },
        });
      }
      return { ignores: await this.repo.ignoresOf(article.id) };
    });
  }

  override(actor: Actor, input: ParsedInputOf<'proofreading.override'>): Promise<ArticleStyleReport> {
    if (!OVERRIDE_PRIVILEGES.some((p) => actor.privileges.has(p))) {
      throw new ApiError('FORBIDDEN', '放行校对错误需要审稿权限（初审、复审或终审）。请联系审稿人处理。');
    }
    return this.ctx.transaction(async () => {
      const check = await this.checkStory(input.articleId);
      const errors = check.findings.filter((f) => f.severity === 'error');
      if (errors.length === 0) throw new ApiError('CONFLICT', '这篇稿件现在没有需要放行的校对错误。');
      const keys = [...new Set(errors.map(errorKey))].sort();
      const digest = digestOf(keys);
      if (digest !== input.findingsDigest) {
        throw new ApiError('CONFLICT', '稿件在您检查之后已有改动，校对结果已经不同。请重新检查，确认后再放行。');
      }
      await this.repo.insertOverride({
        id: newId(),
        articleId: check.article.id,
        articleVersion: check.article.version,
        digest,
        errorKeys: keys,
        errorCount: errors.length,
        reason: input.reason,
        userId: actor.user.id,
      });
      await this.audit.record({
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
    });
  }

  /** Per page of the edition of `date`, over the stories placed on it (the layout board's slots). */
  async editionErrorRate(date: string): Promise<EditionErrorRate> {
    const pages = await this.repo.editionPages(date);
    if (pages.length === 0) throw new ApiError('NOT_FOUND', `${date} 还没有版面计划，无法按版统计差错率。`, { field: 'date' });
    const all = new Set<string>();
    const perPage = [];
    for (const page of pages) {
      page.articleIds.forEach((id) => all.add(id));
      perPage.push({ pageId: page.id, number: page.number, name: page.name, report: await this.errorRate(page.articleIds) });
    }
    return { date, pages: perPage, total: (await this.errorRate([...all])).total };
  }

  /**
   * Per 10,000 字 of everything checked (headline parts, 电头, bylines, body …). "Fixed" counts the
   * findings of the story's first server-side check that are gone now (see fixedSince); findings
   * are the current open ones, errors those of severity error.
   */
  async errorRate(articleIds: readonly string[]): Promise<ErrorRateReport> {
    const stories: StoryErrorRate[] = [];
    for (const id of new Set(articleIds)) {
      const check = await this.checkStory(id);
      const baseline = await this.recordBaseline(check);
      const chars = textStats(check.units.map((u) => u.text)).chars;
      const fixed = fixedSince(baseline.occurrences, occurrences(check.findings));
      const errors = check.findings.filter((f) => f.severity === 'error').length;
      stories.push({
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
      });
    }
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

  /** Compiled once per change of any list, not per check. */
  private async wordLists(): Promise<CompiledWordLists> {
    const stamp = await this.repo.wordListsStamp();
    if (this.compiled?.stamp !== stamp) {
      this.compiled = { stamp, lists: compileWordLists(toWordLists(await this.getWordLists())) };
    }
    return this.compiled.lists;
  }

  private async checkStory(articleId: string): Promise<StoryCheck> {
    const article = await this.ctx.repos.articles.require(articleId);
    const units = articleUnits(article, (await this.ctx.repos.settings.get<string>('paper.shortName')) ?? '本报');
    const ignores = await this.repo.ignoresOf(articleId);
    const { findings, ignored } = proofreadUnits(units, { wordLists: await this.wordLists(), ignores });
    return { article, units, findings, ignoredCount: ignored, ignores };
  }

  /** The most recent override whose errors include every error open now. */
  private async coveringOverride(articleId: string, errors: readonly FieldFinding[]): Promise<OverrideRow | null> {
    if (errors.length === 0) return null;
    const rows = await this.repo.overridesOf(articleId);
    const open = new Set(errors.map(errorKey));
    return rows.find((row) => [...open].every((key) => (JSON.parse(row.error_keys) as string[]).includes(key))) ?? null;
  }

  /**
   * The story's first check is kept as the baseline "fixed" counts from. Written best-effort: a
   * read-only data folder still gets its report, counted from now.
   */
  private async recordBaseline(check: StoryCheck): Promise<{ occurrences: Record<string, number>; at: string }> {
    const stored = await this.repo.baseline(check.article.id);
    if (stored) return stored;
    const baseline = { occurrences: occurrences(check.findings), at: new Date().toISOString() };
    if (!this.ctx.readOnlyReason) await this.repo.insertBaseline(check.article.id, check.article.version, baseline.occurrences, baseline.at);
    return baseline;
  }
}

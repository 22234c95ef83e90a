import type { CoreContext } from '../context';
import type { ParsedInputOf } from '../../../shared/api/contract';
import {
  SNIPPET_MARK_END,
  SNIPPET_MARK_START,
  type ArticleSearchHit,
  type ArticleSearchResult,
  type SearchFacets,
  type SearchField,
} from '../../../shared/api/methods/search';
import type { SearchBackend, SearchFilters, SearchTextRow } from '../search/searchBackend';

/** Characters of context on each side of the first hit in a snippet. */
const SNIPPET_CONTEXT = 20;

/**
 * What a query means once the markup of snippets, control characters and
 * runs of blanks are gone: the text the index and the snippets compare with.
 */
export function normalizeQuery(raw: string): string {
  return raw
    .replace(/[\uE000-\uF8FF]/g, '')
    .replace(/[\s\u0000-\u001f\u007f]+/g, ' ')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function matcher(query: string): RegExp {
  return new RegExp(escapeRegExp(query), 'giu');
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** `count` characters (not UTF-16 units) away from `index`, so a cut never splits a character. */
function stepChars(text: string, index: number, count: number, direction: -1 | 1): number {
  let at = index;
  for (let n = 0; n < count && at > 0 && at < text.length; n += 1) {
    at += direction;
    if (isLowSurrogate(text.charCodeAt(at))) at += direction;
  }
  return at;
}

/**
 * About 40 characters around the first hit, every hit within wrapped in
 * SNIPPET_MARK_START/END, line breaks shown as spaces, "…" where text was cut.
 * Returns null when the query does not occur in the text.
 */
export function buildSnippet(source: string, query: string, context = SNIPPET_CONTEXT): string | null {
  const text = source.replace(/[\uE000\uE001]/g, '');
  const pattern = matcher(query);
  const first = pattern.exec(text);
  if (!first) return null;
  const start = stepChars(text, first.index, context, -1);
  const end = stepChars(text, first.index + first[0].length, context, 1);
  const window = text.slice(start, end);
  const marked = window.replace(matcher(query), (hit) => `${SNIPPET_MARK_START}${hit}${SNIPPET_MARK_END}`).replace(/\s+/g, ' ');
  return `${start > 0 ? '…' : ''}${marked}${end < text.length ? '…' : ''}`;
}

/** The first field holding the query, in the order a reader scans a story: headline parts, bylines, body. */
export function snippetFor(row: Pick<SearchTextRow, 'kicker' | 'headline' | 'subheadline' | 'bylineText' | 'bodyText'>, query: string): { snippet: string; field: SearchField } {
  const fields: [SearchField, string][] = [
    ['headline', row.kicker],
    ['headline', row.headline],
    ['headline', row.subheadline],
    ['byline', row.bylineText],
    ['body', row.bodyText],
  ];
  for (const [field, text] of fields) {
    const snippet = buildSnippet(text, query);
    if (snippet !== null) return { snippet, field };
  }
  // The index folds case a little differently from JavaScript in rare scripts: still show where the story starts.
  const opening = row.bodyText.replace(/[\uE000\uE001]/g, '').replace(/\s+/g, ' ');
  return { snippet: opening.length > 2 * SNIPPET_CONTEXT ? `${opening.slice(0, 2 * SNIPPET_CONTEXT)}…` : opening, field: 'body' };
}

/** The newsroom's local day as the UTC instant it starts at, comparable with stored updated_at strings. */
function startOfLocalDay(isoDate: string, addDays = 0): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + addDays).toISOString();
}

/**
 * Full-text search over headline parts, bylines and body. Queries of three or
 * more characters are trigram phrase matches ranked by bm25 (headline parts
 * weigh most); one or two characters (公园, 脱贫 — the common case in Chinese)
 * are looked up in the two-character index, newest change first, since
 * relevance means little for a word that short and a writer looking for one
 * usually wants the recent story. Soft-deleted stories appear only when `trash` is set.
 */
export class SearchService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly backend: SearchBackend,
  ) {}

  async articles(input: ParsedInputOf<'search.articles'>): Promise<ArticleSearchResult> {
    const started = performance.now();
    // An edit saved a moment ago may not be indexed yet; a read-only snapshot answers as it stands.
    if (!this.ctx.readOnlyReason) await this.backend.catchUp();
    const query = normalizeQuery(input.query);
    const filters: SearchFilters = {
      trash: input.trash ?? false,
      ...(input.status ? { status: input.status } : {}),
      ...(input.desk ? { desk: input.desk } : {}),
      ...(input.authorId ? { authorId: input.authorId } : {}),
      ...(input.dateFrom ? { from: startOfLocalDay(input.dateFrom) } : {}),
      ...(input.dateTo ? { to: startOfLocalDay(input.dateTo, 1) } : {}),
    };
    if (query.length === 0) return { items: [], total: 0, capped: false, tookMs: elapsed(started) };
    const page = await this.backend.search(query, filters, input.limit, input.offset);
    const items: ArticleSearchHit[] = page.rows.map((row) => {
      const { subheadline: _s, bylineText: _b, bodyText: _t, ...summary } = row;
      return { ...summary, ...snippetFor(row, query) };
    });
    return { items, total: page.total, capped: page.capped, tookMs: elapsed(started) };
  }

  /** Authors and desks in pinyin order, as a Chinese reader scans a menu. */
  async facets(): Promise<SearchFacets> {
    const collator = new Intl.Collator('zh-CN');
    return {
      authors: (await this.backend.authors()).sort((a, b) => collator.compare(a.displayName, b.displayName)),
      desks: (await this.backend.desks()).sort(collator.compare),
    };
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

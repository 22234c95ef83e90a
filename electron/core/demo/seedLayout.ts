/**
 * The demo edition laid out, so a new user (and `cli proof`) sees a real page; the approved demo
 * stories carry the 签发 a real desk would have recorded.
 */
import type { CoreContext } from '../context';
import { newId } from '../../../shared/domain/ids';
import type { SlotWrite } from '../repositories/layoutRepository';
import type { PageCredits } from '../../../shared/paper/masthead';

interface DemoSlot {
  page: number;
  kind: SlotWrite['kind'];
  col: number;
  line: number;
  columns: number;
  lines: number;
  headline?: string;
  headlinePt?: number[];
  photo?: boolean;
  photoColumns?: number;
  continues?: string;
  label?: string;
  key?: string;
}

/** Page 1 is full, as a regional daily's front page is: masthead and 报眼, the lead with its photo, a story
 * jumping to page 4, news items with 本报讯 datelines, a commentary, short items with end credits, 导读. */
const SLOTS: readonly DemoSlot[] = [
  { page: 1, kind: 'masthead', col: 0, line: 0, columns: 6, lines: 22, label: '报头' },
  { page: 1, kind: 'ear', col: 6, line: 0, columns: 2, lines: 22, headline: '今冬首场寒潮明起来袭', headlinePt: [16] },
  { page: 1, kind: 'article', col: 0, line: 22, columns: 5, lines: 45, headline: '江城地铁3号线今日开通运营', headlinePt: [15, 26, 15], photo: true, photoColumns: 3 },
  { page: 1, kind: 'article', col: 5, line: 22, columns: 3, lines: 58, headline: '江城在京签约42个产业合作项目 总投资386亿元', headlinePt: [16, 12], key: 'jump' },
  { page: 1, kind: 'article', col: 0, line: 67, columns: 3, lines: 28, headline: '江城电子信息产业规模首破千亿元', headlinePt: [12, 18] },
  { page: 1, kind: 'article', col: 0, line: 95, columns: 3, lines: 28, headline: '地铁通了，服务更要“通”', headlinePt: [18] },
  { page: 1, kind: 'article', col: 3, line: 67, columns: 2, lines: 29, headline: '政务服务“江城办”正式上线', headlinePt: [16, 12] },
  { page: 1, kind: 'article', col: 3, line: 96, columns: 2, lines: 13, headline: '江滨公园银杏进入最佳观赏期', headlinePt: [14] },
  { page: 1, kind: 'article', col: 3, line: 109, columns: 2, lines: 14, headline: '市图书馆24小时自助借阅区启用', headlinePt: [14] },
  { page: 1, kind: 'teaser', col: 5, line: 80, columns: 3, lines: 43, label: '导读' },
  { page: 4, kind: 'masthead', col: 0, line: 0, columns: 8, lines: 3, label: '眉头' },
  { page: 4, kind: 'article', col: 0, line: 3, columns: 3, lines: 29, continues: 'jump', headlinePt: [14] },
  { page: 4, kind: 'article', col: 3, line: 3, columns: 5, lines: 20, headline: '江城马拉松12月1日鸣枪开跑', headlinePt: [22, 12] },
];

export async function seedDemoLayout(ctx: CoreContext, editionId: string, chiefId: string, layoutId: string, now: string, credits: readonly PageCredits[]): Promise<void> {
  const { store } = ctx;
  const repo = ctx.repos.layout;
  for (const page of await repo.pages(editionId)) {
    const named = credits[page.number - 1];
    if (named) await repo.updatePage({ ...page, credits: named }, layoutId, now);
  }
  const signed = await store.all<{ id: string; version: number; revisionId: string }>(
    `SELECT a.id, a.version, r.id AS "revisionId" FROM articles a JOIN revisions r ON r.article_id = a.id AND r.article_version = a.version
     WHERE a.status IN ('approved', 'placed') AND a.deleted_at IS NULL`,
  );
  for (const a of signed) {
    await store.run("INSERT INTO workflow_signoffs (id, article_id, kind, user_id, at, revision_id, article_version) VALUES (?, ?, 'sign', ?, ?, ?, ?)", [
      newId(),
      a.id,
      chiefId,
      now,
      a.revisionId,
      a.version,
    ]);
  }

  const pages = new Map((await repo.pages(editionId)).map((p) => [p.number, p]));
  const articleId = async (headline: string) => (await store.get<{ id: string }>('SELECT id FROM articles WHERE headline = ? AND deleted_at IS NULL', [headline]))?.id ?? null;
  const photoOf = async (article: string) =>
    (await store.get<{ photo_id: string }>('SELECT photo_id FROM article_photos WHERE article_id = ? ORDER BY position LIMIT 1', [article]))?.photo_id ?? null;
  const keyed = new Map<string, SlotWrite>();
  for (const s of SLOTS) {
    const page = pages.get(s.page);
    if (!page) continue;
    const source = s.continues ? keyed.get(s.continues) : undefined;
    const article = s.headline ? await articleId(s.headline) : (source?.articleId ?? null);
    if (s.kind === 'article' && !article) continue;
    const photo = s.photo && article ? await photoOf(article) : null;
    const slot: SlotWrite = {
      id: newId(),
      pageId: page.id,
      kind: s.kind,
      col: s.col,
      line: s.line,
      columns: s.columns,
      lines: s.lines,
      textColumns: null,
      articleId: article,
      photoId: photo,
      photoColumns: photo ? s.photoColumns ?? null : null,
      continuesFrom: source?.id ?? null,
      headlinePt: s.headlinePt ?? [],
      label: s.label ?? '',
    };
    await repo.insertSlot(slot, layoutId, now);
    if (s.key) keyed.set(s.key, slot);
    if (page.status === 'unplanned') {
      await repo.updatePage({ ...page, status: 'in_progress' }, layoutId, now);
      page.status = 'in_progress';
    }
  }
}

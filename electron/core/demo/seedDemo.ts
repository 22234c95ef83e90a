import type { CoreContext } from '../context';
import type { ArticleFields, ArticleStatus, BylineRole, Genre } from '../../../shared/domain/article';
import type { RoleCode } from '../../../shared/domain/roles';
import { newId } from '../../../shared/domain/ids';
import { blocksToDoc, type TextBlock } from '../../../shared/document/docText';
import { DEFAULT_TEMPLATES } from '../../../shared/layout/geometry';
import { hashPassword } from '../auth/passwords';
import { defaultFields, deriveText } from '../../../shared/article/fields';
import { localDate } from '../clock';
import demo from '../../../resources/demo/newsroom.json';
import { storePhotoFile } from '../photos/photoFiles';
import { renderDemoPhoto } from './demoPhoto';
import { seedDemoLayout } from './seedLayout';
import { DEFAULT_MASTHEAD } from '../../../shared/paper/masthead';
import { MASTHEAD_KEY } from '../services/paperService';
import type { CreditKind } from '../../../shared/article/credits';

/** Every demo account signs in with this password (listed in the README). */
export const DEMO_PASSWORD = 'demo1234';

interface DemoArticle {
  slug: string;
  desk: string;
  genre: string;
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  bylines: { name: string; role: string }[];
  dateline: ArticleFields['dateline'];
  endCredit: string | null;
  abstract: string | null;
  editorsNote: string | null;
  keywords: string[];
  targetChars: number | null;
  page: number | null;
  priority: number;
  status: string;
  body: { type: string; text: string }[];
  photo?: { caption: string; creditKind: string; photographers: string[]; file: string } | null;
}

const BLOCK_KINDS: Record<string, TextBlock['kind']> = { p: 'p', h: 'h', quote: 'quote' };
const PAGE_NAMES = ['要闻', '综合', '经济', '文体'];

function toFields(item: DemoArticle, editionDate: string): ArticleFields {
  return {
    ...defaultFields(),
    slug: item.slug,
    desk: item.desk,
    genre: item.genre as Genre,
    kicker: item.kicker ?? '',
    headline: item.headline,
    subheadline: item.subheadline ?? '',
    bylines: item.bylines.map((b) => ({ name: b.name, role: b.role as BylineRole })),
    dateline: item.dateline,
    endCredit: item.endCredit ?? '',
    abstract: item.abstract ?? '',
    editorsNote: item.editorsNote ?? '',
    keywords: item.keywords,
    targetChars: item.targetChars,
    editionDate: item.page ? editionDate : null,
    page: item.page,
    priority: item.priority,
    body: blocksToDoc(item.body.map((b) => ({ kind: BLOCK_KINDS[b.type] ?? 'p', text: b.text }))),
  };
}

/** Fills an empty database with the demo paper: accounts for every role, templates, today's edition, stories. */
export async function seedDemoNewsroom(ctx: CoreContext): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = localDate(new Date());
  const photoBytes = await renderDemoPhoto();
  await ctx.transaction(async () => {
    const { repos, store } = ctx;
    await repos.roles.seedDefaults();
    await repos.settings.set('paper.name', demo.paper.name);
    await repos.settings.set('paper.shortName', demo.paper.shortName);
    await repos.settings.set(MASTHEAD_KEY, { ...DEFAULT_MASTHEAD, nameText: demo.paper.name, ...demo.paper.masthead });
    await repos.settings.set('paper.desks', demo.desks);
    await repos.settings.set('demo', true);

    const userIds = new Map<string, string>();
    for (const user of demo.users) {
      const created = await repos.users.create({
        username: user.username,
        displayName: user.displayName,
        passwordHash,
        roles: [user.role as RoleCode],
        by: null,
      });
      userIds.set(user.username, created.id);
    }

    const now = new Date().toISOString();
    const templateIds: string[] = [];
    for (const template of DEFAULT_TEMPLATES) {
      const id = newId();
      await store.run('INSERT INTO page_templates (id, name, spec, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [id, template.name, JSON.stringify(template), now, now]);
      templateIds.push(id);
    }

    const editionId = newId();
    const epoch = Date.UTC(2000, 0, 1);
    const issueNumber = 6000 + Math.floor((Date.parse(`${today}T00:00:00Z`) - epoch) / 86_400_000);
    await store.run('INSERT INTO editions (id, date, issue_number, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [editionId, today, issueNumber, now, now]);
    for (const [index, name] of PAGE_NAMES.entries()) {
      await store.run('INSERT INTO pages (id, edition_id, number, name, template_id, colour, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        newId(),
        editionId,
        index + 1,
        name,
        templateIds[0]!,
        index === 0 ? 1 : 0,
        now,
        now,
      ]);
    }

    const reporters = [userIds.get('reporter')!, userIds.get('reporter2')!];
    for (const [index, item] of (demo.articles as DemoArticle[]).entries()) {
      const author = reporters[index % reporters.length]!;
      const fields = toFields(item, today);
      const id = newId();
      await repos.articles.insert({ id, fields, derived: deriveText(fields), status: item.status as ArticleStatus, userId: author, now });
      await repos.articles.insertRevision({ id: newId(), article: (await repos.articles.get(id))!, reason: 'create', userId: author, now });
      if (item.photo) {
        const stored = storePhotoFile(ctx.dataDir, photoBytes, 'jpg');
        const photoId = newId();
        await repos.photos.insert({
          id: photoId,
          sha256: stored.sha256,
          file: stored.file,
          originalName: item.photo.file,
          mime: 'image/jpeg',
          width: 1600,
          height: 1200,
          bytes: stored.bytes,
          caption: item.photo.caption,
          creditKind: item.photo.creditKind as CreditKind,
          photographers: item.photo.photographers,
          userId: author,
          now,
        });
        await repos.photos.link(id, photoId, 0, true, null);
      }
    }
    await seedDemoLayout(ctx, editionId, userIds.get('chief')!, userIds.get('layout')!, now, demo.pageCredits);
    await repos.audit.append({ userId: null, action: 'setup.open_demo', details: { paperName: demo.paper.name } });
  });
}

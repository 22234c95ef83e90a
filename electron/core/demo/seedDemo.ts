import type { CoreContext } from '../context';
import type { ArticleFields, ArticleStatus, BylineRole, Genre } from '../../../shared/domain/article';
import type { RoleCode } from '../../../shared/domain/roles';
import { newId } from '../../../shared/domain/ids';
import { blocksToDoc, type TextBlock } from '../../../shared/document/docText';
import { DEFAULT_TEMPLATES } from '../../../shared/layout/geometry';
import { hashPassword } from '../auth/passwords';
import { defaultFields, deriveText } from '../services/articleService';
import { localDate } from '../clock';
import demo from '../../../resources/demo/newsroom.json';
import { storePhotoFile } from '../photos/photoFiles';
import { renderDemoPhoto } from './demoPhoto';
import { seedDemoLayout } from './seedLayout';
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
  ctx.db.transaction(() => {
    const { repos } = ctx;
    repos.roles.seedDefaults();
    repos.settings.set('paper.name', demo.paper.name);
    repos.settings.set('paper.shortName', demo.paper.shortName);
    repos.settings.set('paper.desks', demo.desks);
    repos.settings.set('demo', true);

    const userIds = new Map<string, string>();
    for (const user of demo.users) {
      const created = repos.users.create({
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
    const insertTemplate = ctx.db.prepare('INSERT INTO page_templates (id, name, spec, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    for (const template of DEFAULT_TEMPLATES) {
      const id = newId();
      insertTemplate.run(id, template.name, JSON.stringify(template), now, now);
      templateIds.push(id);
    }

    const editionId = newId();
    const epoch = Date.UTC(2000, 0, 1);
    const issueNumber = 6000 + Math.floor((Date.parse(`${today}T00:00:00Z`) - epoch) / 86_400_000);
    ctx.db
      .prepare('INSERT INTO editions (id, date, issue_number, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(editionId, today, issueNumber, now, now);
    const insertPage = ctx.db.prepare(
      'INSERT INTO pages (id, edition_id, number, name, template_id, colour, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    PAGE_NAMES.forEach((name, index) => {
      insertPage.run(newId(), editionId, index + 1, name, templateIds[0]!, index === 0 ? 1 : 0, now, now);
    });

    const reporters = [userIds.get('reporter')!, userIds.get('reporter2')!];
    (demo.articles as DemoArticle[]).forEach((item, index) => {
      const author = reporters[index % reporters.length]!;
      const fields = toFields(item, today);
      const id = newId();
      repos.articles.insert({ id, fields, derived: deriveText(fields), status: item.status as ArticleStatus, userId: author, now });
      repos.articles.insertRevision({ id: newId(), article: repos.articles.get(id)!, reason: 'create', userId: author, now });
      if (item.photo) {
        const stored = storePhotoFile(ctx.dataDir, photoBytes, 'jpg');
        const photoId = newId();
        repos.photos.insert({
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
        repos.photos.link(id, photoId, 0, true, null);
      }
    });
    seedDemoLayout(ctx, editionId, userIds.get('chief')!, userIds.get('layout')!, now);
    repos.audit.append({ userId: null, action: 'setup.open_demo', details: { paperName: demo.paper.name } });
  }).immediate();
}

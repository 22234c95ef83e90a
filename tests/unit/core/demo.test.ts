import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHarness } from '../../support/coreHarness';

describe('the demo newsroom', () => {
  it('has an account per role, 10–15 stories in several states, and one story with a captioned, credited photo', async () => {
    const harness = await openHarness({ demo: true });
    const admin = await harness.as('admin');
    const users = await admin.call('users.list', {});
    const roles = new Set(users.flatMap((u) => u.roles));
    expect([...roles].sort()).toEqual(['admin', 'chief_editor', 'editor', 'layout_editor', 'proofreader', 'reporter', 'section_head']);

    const reporter = await harness.as('reporter');
    const list = await reporter.call('articles.list', { limit: 100 });
    expect(list.total).toBeGreaterThanOrEqual(10);
    expect(list.total).toBeLessThanOrEqual(15);
    expect(new Set(list.items.map((a) => a.status)).size).toBeGreaterThanOrEqual(5);

    const withPhotos = [];
    for (const item of list.items) {
      const photos = await reporter.call('photos.forArticle', { articleId: item.id });
      if (photos.length > 0) withPhotos.push({ item, photos });
    }
    expect(withPhotos).toHaveLength(1);
    const [photo] = withPhotos[0]!.photos;
    expect(photo!.credit).toBe('本报记者 陈光 摄');
    expect(photo!.caption.endsWith('。')).toBe(true);
    expect(photo!.thumbnail.startsWith('data:image/jpeg;base64,')).toBe(true);
    expect(fs.readdirSync(path.join(harness.dataDir, 'photos'))).toHaveLength(1);
    await harness.close();
  });
});

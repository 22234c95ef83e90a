import { describe, expect, it, vi } from 'vitest';
import { openCore } from '../../../electron/core/core';
import type { ApiEvent } from '../../../shared/api/events';
import { openHarness } from '../../support/coreHarness';
import { testStore } from '../../support/testStore';
import { tempDataDir } from '../../support/hostProcess';

describe.runIf(testStore().name === 'postgres')('events between cores on one PostgreSQL database (LISTEN/NOTIFY)', () => {
  it('a save committed through one core reaches the subscribers of another, once, and not before it commits', async () => {
    const a = await openHarness({ demo: true });
    const b = await openCore({ dataDir: tempDataDir(), ...a.location });
    const heardByB: ApiEvent[] = [];
    b.subscribe((event) => heardByB.push(event));
    try {
      const reporter = await a.as('reporter');
      const story = await reporter.call('articles.create', { headline: '跨进程事件' });
      await vi.waitFor(() => expect(heardByB).toContainEqual(expect.objectContaining({ type: 'article.changed', articleId: story.id, version: story.version })));
      // A refused write commits nothing, so nothing is sent.
      const before = heardByB.length;
      const refused = await reporter.raw('articles.update', { id: story.id, baseVersion: story.version, patch: { headline: '' }, reason: 'save' });
      expect(refused.ok).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heardByB.slice(before)).toEqual([]);
      expect(heardByB.filter((e) => e.type === 'article.changed' && e.articleId === story.id)).toHaveLength(1);
    } finally {
      await b.close();
      await a.close();
    }
  });
});

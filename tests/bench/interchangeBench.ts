import { openCore } from '../../electron/core/core';
import { tempDataDir } from '../support/hostProcess';
import { percentile, round } from './stats';

const ROUNDS = 20;

/**
 * export.newsml_ms: one story exported as a NewsML-G2 newsItem (its NITF inline) through the API, as the
 * editor's menu and the CLI ask for it — the approved revision read, photos listed, XML built — median over
 * every demo story, 20 rounds after a warm-up. export.newsml_p95_ms beside it.
 */
export async function benchInterchange(): Promise<Record<string, number>> {
  const core = await openCore({ dataDir: tempDataDir(), demo: true });
  try {
    const { token } = await core.localSession('article.read');
    const call = async (method: string, input: unknown) => {
      const { response } = await core.dispatch({ sessionToken: token, transport: 'cli' }, method, input);
      if (!response.ok) throw new Error(response.error.message);
      return response.result as never;
    };
    const { items } = (await call('articles.list', { limit: 100 })) as { items: { id: string }[] };
    for (const { id } of items) await call('export.story', { articleId: id, format: 'newsml' });
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const { id } of items) {
        const start = performance.now();
        await call('export.story', { articleId: id, format: 'newsml' });
        times.push(performance.now() - start);
      }
    }
    return { 'export.newsml_ms': round(percentile(times, 50), 2), 'export.newsml_p95_ms': round(percentile(times, 95), 2) };
  } finally {
    await core.close();
  }
}

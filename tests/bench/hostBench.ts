import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT, startHostProcess, tempDataDir, type HostProcess } from '../support/hostProcess';
import { HttpClient } from '../support/httpClient';
import { round } from './stats';

const STREAMS = 1000;
/** The host keeps 8 streams per session (electron/host/eventStreams.ts): 1,000 streams need 125 sessions. */
const STREAMS_PER_SESSION = 8;
const MEASURE_MS = 4000;
const DOC = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Newsroom-Client': '1' },
    body: JSON.stringify({ method: 'auth.login', input: { username, password: 'demo1234' } }),
  });
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie.split(';')[0]!;
}

/** Saves of one story, one after another as an editor's autosave sends them, for MEASURE_MS. */
async function savesPerSecond(client: HttpClient, articleId: string, start: { version: number }): Promise<number> {
  let version = start.version;
  let saves = 0;
  const began = performance.now();
  while (performance.now() - began < MEASURE_MS) {
    const saved = await client.call<{ version: number }>('articles.update', {
      id: articleId,
      baseVersion: version,
      patch: { body: DOC(`第 ${saves} 次保存：记者从江城市轨道交通集团获悉，地铁3号线今天开通。`) },
      reason: 'autosave',
    });
    version = saved.version;
    saves += 1;
  }
  start.version = version;
  return saves / ((performance.now() - began) / 1000);
}

/**
 * host.saves_per_s_1000_streams: saves a second through the browser host (a separate process, as
 * `npm run serve` runs it) while 1,000 event streams are open and each save's event reaches them
 * all; host.saves_per_s_no_streams is the same run's baseline without streams.
 */
/**
 * The 1,000 streams are held by another process (tests/bench/streamHolder.ts), as tabs are held by
 * browsers elsewhere: reading them must not slow the client that saves.
 */
function holdStreams(url: string, cookies: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('tests', 'bench', 'streamHolder.ts'), url, String(STREAMS_PER_SESSION)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin!.end(cookies.join('\n'));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`stream holder exited with ${code}: ${out}`)));
  });
}

/**
 * host.saves_per_s_1000_streams: saves a second through the browser host (a separate process, as
 * `npm run serve` runs it) while 1,000 event streams are open and each save's event reaches them
 * all; host.saves_per_s_no_streams is the same run's baseline without streams.
 */
export async function benchHost(): Promise<Record<string, number>> {
  const host: HostProcess = await startHostProcess(tempDataDir(), ['--demo']);
  let holder: ChildProcess | null = null;
  try {
    const reporter = new HttpClient(host.url);
    await reporter.call('auth.login', { username: 'reporter', password: 'demo1234' });
    const article = await reporter.call<{ id: string; version: number }>('articles.create', { headline: '基准测试：保存', body: DOC('开头') });
    const state = { version: article.version };
    await savesPerSecond(reporter, article.id, state);
    const baseline = await savesPerSecond(reporter, article.id, state);

    const usernames = ['editor', 'editor2', 'sectionhead', 'chief', 'layout', 'proofreader', 'reporter2', 'admin'];
    const cookies: string[] = [];
    for (let s = 0; s < STREAMS / STREAMS_PER_SESSION; s += 1) cookies.push(await login(host.url, usernames[s % usernames.length]!));
    holder = await holdStreams(host.url, cookies);
    const withStreams = await savesPerSecond(reporter, article.id, state);
    return {
      'host.saves_per_s_1000_streams': round(withStreams),
      'host.saves_per_s_no_streams': round(baseline),
    };
  } finally {
    holder?.kill();
    await host.stop();
  }
}

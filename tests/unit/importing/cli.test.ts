import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openCore } from '../../../electron/core/core';
import { DB_FILE_NAME } from '../../../electron/core/db/connection';
import { ROOT, tempDataDir } from '../../support/hostProcess';
import { openHarness } from '../../support/coreHarness';
import { makeDocx } from './docx';

const THREE_STORIES = path.join(__dirname, 'fixtures', 'three-stories.txt');
const GBK_BRIEF = path.join(__dirname, 'fixtures', 'gbk-brief.txt');
const HEADLINES = ['老旧小区装上“智慧大脑”', '种粮大户的“新农具”', '我市新增两条公交夜班线路'];

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'import', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let scratch: string;
beforeAll(() => {
  scratch = tempDataDir('newsroom-import-cli-');
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('npm run cli -- import --dry-run --json', { timeout: 60_000 }, () => {
  it('prints the three stories of the fixture with exactly the documented keys', () => {
    const out = cli(THREE_STORIES, '--dry-run', '--json');
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const { articles } = JSON.parse(out.stdout) as { articles: Record<string, unknown>[] };
    expect(articles.map((a) => a['headline'])).toEqual(HEADLINES);
    for (const article of articles) {
      expect(Object.keys(article)).toEqual(['kicker', 'headline', 'subheadline', 'bylines', 'dateline', 'reporters', 'subheads', 'paragraphs', 'captions', 'jumps', 'endCredit']);
    }
    expect(articles[0]).toMatchObject({
      dateline: '本报讯（记者 王晓明 通讯员 陈思）',
      captions: [{ text: '图为东湖社区工作人员在值班室查看设备运行数据。', credit: '本报记者 李冰 摄' }],
      jumps: [{ direction: 'out', page: '4' }],
    });
    expect(articles[1]).toMatchObject({ bylines: ['赵海燕', '孙立'], subheads: ['无人机成了好帮手'] });
    expect(articles[2]).toMatchObject({ endCredit: '刘洋', reporters: ['刘洋'] });
  });

  it('reads a GBK .txt (what Windows Notepad saves as ANSI)', () => {
    const out = cli(GBK_BRIEF, '--dry-run', '--json');
    expect(out.status).toBe(0);
    const { articles } = JSON.parse(out.stdout) as { articles: { headline: string; dateline: string; paragraphs: string[] }[] };
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      headline: '市图书馆周末延长开放时间',
      dateline: '本报讯（记者 周敏）',
      paragraphs: ['从本周六起，市图书馆周末开放时间延长至晚上九点，方便上班族借阅。'],
    });
  });

  it('reads a .docx', () => {
    const file = path.join(scratch, '三篇.docx');
    fs.writeFileSync(file, makeDocx(fs.readFileSync(THREE_STORIES, 'utf8').split('\n')));
    const out = cli(file, '--dry-run', '--json');
    expect(out.status).toBe(0);
    expect((JSON.parse(out.stdout) as { articles: { headline: string }[] }).articles.map((a) => a.headline)).toEqual(HEADLINES);
  });

  it('prints what it recognized as text without --json', () => {
    const out = cli(GBK_BRIEF, '--dry-run');
    expect(out.stdout).toBe('识别出 1 篇稿件（未写入数据库）：\n第 1 篇：市图书馆周末延长开放时间\n  电头 本报讯（记者 周敏）；署名 周敏；1 段\n');
  });

  it('puts the recognizer’s warnings on stderr, keeping stdout JSON', () => {
    const file = path.join(scratch, 'no-headline.txt');
    fs.writeFileSync(file, '本报讯（记者 周敏）从本周六起，市图书馆周末开放时间延长至晚上九点。\n');
    const out = cli(file, '--dry-run', '--json');
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('第 1 篇《》：未识别到主题，请补充\n');
    expect((JSON.parse(out.stdout) as { articles: unknown[] }).articles).toHaveLength(1);
  });
});

describe('npm run cli -- import into a data folder', { timeout: 90_000 }, () => {
  it('creates the drafts as the given user; the app then lists them', async () => {
    const dataDir = tempDataDir();
    await (await openHarness({ dataDir, demo: true })).close();

    const out = cli(THREE_STORIES, '--data-dir', dataDir, '--as', 'reporter');
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('已以 张晓明（reporter）的身份导入 3 篇草稿：');

    const harness = await openHarness({ dataDir });
    try {
      const reporter = await harness.as('reporter');
      const me = await reporter.call('auth.me', {});
      const mine = await reporter.call('articles.list', { authorId: me.user.id, status: ['draft'], limit: 500 });
      expect(mine.items.map((a) => a.headline)).toEqual(expect.arrayContaining(HEADLINES));
      const bus = mine.items.find((a) => a.headline === '我市新增两条公交夜班线路')!;
      expect(bus.genre).toBe('简讯');
    } finally {
      await harness.close();
    }
  });

  it('without --as, imports as the first user (by user name) who may create articles', async () => {
    const dataDir = tempDataDir();
    await (await openHarness({ dataDir, demo: true })).close();
    const out = cli(GBK_BRIEF, '--data-dir', dataDir);
    expect(out.status).toBe(0);
    // The demo users by name: admin (may not write), chief, editor, …
    expect(out.stdout).toMatch(/已以 \S+（chief）的身份导入 1 篇草稿：/);
  });

  describe('refusals: one line on stderr, a non-zero exit, nothing written', () => {
    let demoDir: string;
    let emptyDir: string;
    let before: number;
    const articlesIn = (dir: string) => {
      const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };

    beforeAll(async () => {
      demoDir = tempDataDir();
      await (await openHarness({ dataDir: demoDir, demo: true })).close();
      emptyDir = tempDataDir();
      await (await openCore({ dataDir: emptyDir })).close();
      before = articlesIn(demoDir);
      fs.writeFileSync(path.join(scratch, '坏.docx'), makeDocx(['正文']).subarray(0, 50));
      fs.writeFileSync(path.join(scratch, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    });

    afterAll(() => {
      expect(articlesIn(demoDir)).toBe(before);
      expect(articlesIn(emptyDir)).toBe(0);
      expect(fs.existsSync(path.join(scratch, DB_FILE_NAME))).toBe(false);
    });

    const cases: [string, () => string[], () => string][] = [
      ['an empty database', () => [THREE_STORIES, '--data-dir', emptyDir], () => `数据文件夹 ${emptyDir} 的数据库是空的（还没有任何用户）。请先在程序中完成初始设置。`],
      ['a folder without a database', () => [THREE_STORIES, '--data-dir', scratch], () => `数据文件夹 ${scratch} 中没有数据库（newsroom.db）。请用 --data-dir 指向编辑部的数据文件夹。`],
      ['a user who may not create articles', () => [THREE_STORIES, '--data-dir', demoDir, '--as', 'admin'], () => '用户“admin”没有“新建稿件”权限。'],
      ['an unknown user', () => [THREE_STORIES, '--data-dir', demoDir, '--as', 'nobody'], () => '没有用户名为“nobody”的用户。'],
      ['a missing file', () => [path.join(scratch, 'missing.txt'), '--dry-run'], () => `找不到文件：${path.join(scratch, 'missing.txt')}`],
      ['a broken .docx', () => [path.join(scratch, '坏.docx'), '--dry-run'], () => '无法读取这个 .docx 文件（坏.docx）：文件已损坏或不是 Word 文档。'],
      ['a binary file', () => [path.join(scratch, 'photo.txt'), '--dry-run'], () => `${path.join(scratch, 'photo.txt')} 不是纯文本文件（含有二进制内容）。请导入 .txt 或 .docx。`],
      ['no file', () => ['--dry-run'], () => '缺少文件参数。用法：npm run cli -- import FILE(.txt|.docx|.xml) [--data-dir DIR] [--dry-run] [--json] [--as USERNAME]'],
    ];
    it.each(cases)('%s', (_name, args, message) => {
      const out = cli(...args());
      expect(out.stderr).toBe(`${message()}\n`);
      expect(out.status).toBe(1);
      expect(out.stdout).toBe('');
    });
  });
});

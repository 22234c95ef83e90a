import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../electron/core/store/store';
import { parseWordListCsv } from '../../../shared/style/index';
import { textHash } from '../../../shared/proofreading/hash';
import type { DocNode } from '../../../shared/document/docTypes';
import { openHarness, openTestSql, type Client, type Harness } from '../../support/coreHarness';
import { direct, type Direct } from '../workflow/support';

let harness: Harness;
let sql: Store;
let reporter: Client;
let reporter2: Client;
let editor: Client;
let admin: Client;
/** The services on their own connection, as the workflow calls gate() inside its own code. */
let services: Direct;

function doc(...paragraphs: string[]): DocNode {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

async function story(headline: string, ...paragraphs: string[]) {
  return reporter.call('articles.create', { headline, body: doc(...paragraphs) });
}

async function rewrite(id: string, ...paragraphs: string[]) {
  const current = await reporter.call('articles.get', { id });
  return reporter.call('articles.update', { id, baseVersion: current.version, patch: { body: doc(...paragraphs) } });
}

function errorCode(response: { ok: boolean; error?: { code: string } }): string | null {
  return response.ok ? null : (response.error?.code ?? null);
}

async function auditActions(targetId: string): Promise<Array<{ action: string; details: Record<string, unknown> }>> {
  return (await sql.all<{ action: string; details: string }>('SELECT action, details FROM audit_log WHERE target_id = ? ORDER BY at', [targetId])).map(
    (r) => ({ action: r.action, details: JSON.parse(r.details) as Record<string, unknown> }),
  );
}

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  sql = openTestSql(harness.location);
  reporter = await harness.as('reporter');
  editor = await harness.as('editor');
  admin = await harness.as('admin');
  reporter2 = await harness.as('reporter2');
  services = await direct(harness.location);
});

afterAll(async () => {
  await services.close();
  await sql.close();
  await harness.close();
});

describe("the paper's word lists", () => {
  it('start as the built-in lists and, once saved, are what stories are checked against', async () => {
    const before = await reporter.call('proofreading.getWordLists', {});
    expect(before.placeName.isDefault).toBe(true);
    expect(before.confusable.entries.some((e) => e.wrong === '美仑美奂')).toBe(true);

    const article = await story('江城新闻', '市民沿汉江堤散步。');
    const unflagged = await reporter.call('proofreading.checkArticle', { articleId: article.id });
    expect(unflagged.findings.filter((f) => f.rule === 'confusable-words')).toEqual([]);

    const saved = await admin.call('proofreading.saveWordList', {
      kind: 'placeName',
      entries: [{ wrong: '汉江堤', right: '汉江大堤' }],
      baseVersion: before.placeName.version,
    });
    expect(saved).toMatchObject({ isDefault: false, version: 1, updatedByName: expect.any(String) });

    const flagged = await reporter.call('proofreading.checkArticle', { articleId: article.id });
    expect(flagged.findings.filter((f) => f.rule === 'confusable-words').map((f) => [f.field, f.text, f.fix?.replacement])).toEqual([
      ['body', '汉江堤', '汉江大堤'],
    ]);
  });

  it('refuses a save made against a list someone else changed meanwhile', async () => {
    const lists = await admin.call('proofreading.getWordLists', {});
    const stale = lists.exactName.version;
    await admin.call('proofreading.saveWordList', { kind: 'exactName', entries: [{ wrong: '江城市政府', right: '江城市人民政府' }], baseVersion: stale });
    const response = await admin.raw('proofreading.saveWordList', { kind: 'exactName', entries: [], baseVersion: stale });
    expect(errorCode(response)).toBe('CONFLICT');
    const after = await admin.call('proofreading.getWordLists', {});
    expect(after.exactName.entries).toEqual([{ wrong: '江城市政府', right: '江城市人民政府' }]);
  });

  it('rejects a list that names a word twice, saying which entries', async () => {
    const response = await admin.raw('proofreading.saveWordList', {
      kind: 'confusable',
      entries: [
        { wrong: '好象', right: '好像' },
        { wrong: '好象', right: '好像' },
      ],
    });
    expect(response.ok ? null : response.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('第 2 条“好象”与第 1 条重复') });
  });

  it('imports CSV: a bad line is reported by its number and the rest imported; append keeps what was there', async () => {
    await admin.call('proofreading.saveWordList', { kind: 'careful', entries: [{ word: '罪犯', replacement: '犯罪嫌疑人', reason: '判决前', severity: 'warning' }] });
    const csv = ['word,replacement,reason,severity', '小姐,女士,称谓,info', '坏行,,,warning', '罪犯,嫌疑人,判决前不用,error', ''].join('\n');
    const result = await admin.call('proofreading.importCsv', { kind: 'careful', csv, mode: 'append' });
    expect(result.imported).toBe(2);
    expect(result.errors).toEqual([{ line: 3, message: '理由不能为空' }]);
    expect(result.list.entries).toEqual([
      { word: '罪犯', replacement: '嫌疑人', reason: '判决前不用', severity: 'error' },
      { word: '小姐', replacement: '女士', reason: '称谓', severity: 'info' },
    ]);

    const replaced = await admin.call('proofreading.importCsv', { kind: 'careful', csv: '小姐,女士,称谓,info\n', mode: 'replace' });
    expect(replaced.list.entries).toEqual([{ word: '小姐', replacement: '女士', reason: '称谓', severity: 'info' }]);
  });

  it('holds imported entries to the same rules as entries typed in, reporting the line', async () => {
    const long = '长'.repeat(61);
    const csv = ['wrong,right', '汉江堤,汉江大堤', `"${long}",短`, ''].join('\n');
    const result = await admin.call('proofreading.importCsv', { kind: 'placeName', csv, mode: 'replace' });
    expect(result.imported).toBe(1);
    expect(result.errors).toEqual([{ line: 3, message: '错误写法：错误写法不能超过 60 个字符' }]);
    expect(result.list.entries).toEqual([{ wrong: '汉江堤', right: '汉江大堤' }]);
  });

  it('an import with no good line changes nothing, even in replace mode', async () => {
    const before = await admin.call('proofreading.getWordLists', {});
    const result = await admin.call('proofreading.importCsv', { kind: 'careful', csv: '只有词,,,\n', mode: 'replace' });
    expect(result).toMatchObject({ imported: 0, errors: [{ line: 1 }] });
    expect((await admin.call('proofreading.getWordLists', {})).careful).toEqual(before.careful);
  });

  it('exports CSV that imports back to the same list, and anyone who reads stories may export', async () => {
    const lists = await reporter.call('proofreading.getWordLists', {});
    const csv = await reporter.call('proofreading.exportCsv', { kind: 'confusable' });
    const parsed = parseWordListCsv('confusable', csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toEqual(lists.confusable.entries);
    const { items } = await admin.call('audit.list', { action: 'wordlist.export' });
    expect(items[0]).toMatchObject({ actionLabel: '导出词表', userName: '张晓明', details: { kind: 'confusable', entries: lists.confusable.entries.length } });
  });
});

describe('checking a story on the main side', () => {
  it('checks each field with its own rules and reports where each finding is', async () => {
    const article = await reporter.call('articles.create', {
      kicker: '春耕时节',
      headline: '江城启动春季植树活动。',
      subheadline: '-全市将新增绿地200公顷',
      bylines: [{ name: '张三', role: '记者' }],
      body: doc('记者了解到,该项目今年启动。', '绿化工作好象进展顺利。'),
    });
    const report = await reporter.call('proofreading.checkArticle', { articleId: article.id });
    const where = report.findings.map((f) => [f.field, f.paragraph, f.rule, f.text]);
    expect(where).toEqual([
      ['headline', 0, 'headline-punct', '。'],
      ['subheadline', 0, 'headline-punct', '-'],
      ['body', 0, 'fullwidth-punct', ','],
      ['body', 1, 'confusable-words', '好象'],
    ]);
    expect(report.counts).toEqual({ error: 4, warning: 0, info: 0 });
    expect(report.findings[3]!.paragraphHash).toBe(textHash('绿化工作好象进展顺利。'));
    expect(report.errorsDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(report.override).toBeNull();
  });

  it('leaves out text marked as an editor\'s note, which never prints', async () => {
    const body: DocNode = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文。' }, { type: 'text', text: '好象要核实,', marks: [{ type: 'note' }] }] }],
    };
    const article = await reporter.call('articles.create', { headline: '备注不校', body });
    expect((await reporter.call('proofreading.checkArticle', { articleId: article.id })).findings).toEqual([]);
  });

  it('says a deleted or unknown story cannot be found', async () => {
    const response = await reporter.raw('proofreading.checkArticle', { articleId: '01a223b7-9de7-70ae-8ef1-92499b73ba31' });
    expect(errorCode(response)).toBe('NOT_FOUND');
  });
});

describe('ignoring a finding for this story', () => {
  it('hides it from the check while that paragraph reads the same, and records who did it', async () => {
    const article = await story('忽略测试', '他说：“我好象见过他。”', '另一段好象也有。');
    const first = await reporter.call('proofreading.checkArticle', { articleId: article.id });
    const quoted = first.findings.find((f) => f.paragraph === 0)!;

    const { ignores } = await reporter.call('proofreading.ignore', {
      articleId: article.id,
      rule: quoted.rule,
      text: quoted.text,
      scope: 'story',
      paragraphHash: quoted.paragraphHash,
    });
    expect(ignores).toEqual([{ rule: 'confusable-words', text: '好象', paragraphHash: quoted.paragraphHash }]);

    const after = await reporter.call('proofreading.checkArticle', { articleId: article.id });
    expect(after.findings.map((f) => f.paragraph)).toEqual([1]);
    expect(after.ignoredCount).toBe(1);
    expect((await auditActions(article.id)).filter((a) => a.action === 'style.ignore')).toHaveLength(1);

    await rewrite(article.id, '另一段好象也有。', '他说：“我好象见过他。”');
    const moved = await reporter.call('proofreading.checkArticle', { articleId: article.id });
    expect(moved.findings.map((f) => f.paragraph)).toEqual([0]);

    await rewrite(article.id, '另一段好象也有。', '他说：“我好象在哪儿见过他。”');
    const reworded = await reporter.call('proofreading.checkArticle', { articleId: article.id });
    expect(reworded.findings.map((f) => f.paragraph)).toEqual([0, 1]);
  });

  it('is refused to someone who may not edit the story', async () => {
    const article = await story('别人的稿', '好象。');
    const finding = (await reporter.call('proofreading.checkArticle', { articleId: article.id })).findings[0]!;
    const response = await reporter2.raw('proofreading.ignore', {
      articleId: article.id,
      rule: finding.rule,
      text: finding.text,
      scope: 'story',
      paragraphHash: finding.paragraphHash,
    });
    expect(errorCode(response)).toBe('FORBIDDEN');
    expect((await reporter.call('proofreading.checkArticle', { articleId: article.id })).findings).toHaveLength(1);
  });

  it('is refused to the author once the story is in review (终审), as editing it is; nothing is recorded', async () => {
    const article = await story('终审中的稿', '我好象见过他。');
    await sql.run("UPDATE articles SET status = 'review3' WHERE id = ?", [article.id]);
    const finding = (await reporter.call('proofreading.checkArticle', { articleId: article.id })).findings[0]!;
    const ignore = { articleId: article.id, rule: finding.rule, text: finding.text, scope: 'story' as const, paragraphHash: finding.paragraphHash };

    const response = await reporter.raw('proofreading.ignore', ignore);
    expect(response).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('正在审稿流程中') } });
    const after = await reporter.call('proofreading.checkArticle', { articleId: article.id });
    expect(after.findings).toHaveLength(1);
    expect(after.ignoredCount).toBe(0);
    expect((await auditActions(article.id)).filter((a) => a.action === 'style.ignore')).toEqual([]);
    // The gate still sees the error: 签发 needs a fix or a reviewer's override with a reason.
    expect(await services.services.proofreading.gate(await services.actor('chief'), article.id)).toMatchObject({ ok: false, overridden: false });
    // An editor, who may edit the story in 终审, may ignore it.
    expect((await editor.raw('proofreading.ignore', ignore)).ok).toBe(true);
  });
});

describe('the gate before 签发', () => {
  it('blocks open errors until a reviewer overrides them with a reason, audited; rewording the error lifts the override', async () => {
    const article = await story('把关测试', '好象要下雨。', '记者了解到,天气转晴。', '天气不错。');
    const gate = async () => services.services.proofreading.gate(await services.actor('editor'), article.id);
    expect(await gate()).toMatchObject({ ok: false, overridden: false });
    expect((await gate()).errors.map((e) => e.rule)).toEqual(['confusable-words', 'fullwidth-punct']);

    const report = await editor.call('proofreading.checkArticle', { articleId: article.id });
    const refused = await reporter.raw('proofreading.override', { articleId: article.id, findingsDigest: report.errorsDigest!, reason: '照录' });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    const stale = await editor.raw('proofreading.override', { articleId: article.id, findingsDigest: 'a'.repeat(64), reason: '照录' });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect((await gate()).ok).toBe(false);

    const overridden = await editor.call('proofreading.override', { articleId: article.id, findingsDigest: report.errorsDigest!, reason: '引语照录原文' });
    expect(overridden.override).toMatchObject({ reason: '引语照录原文' });
    expect(await gate()).toMatchObject({ ok: true, overridden: true });
    expect((await auditActions(article.id)).filter((a) => a.action === 'style.override')).toEqual([
      { action: 'style.override', details: expect.objectContaining({ reason: '引语照录原文', errors: 2, rules: ['confusable-words', 'fullwidth-punct'] }) },
    ]);

    await rewrite(article.id, '好象要下雨。', '记者了解到,天气转晴。', '天气很好。');
    expect(await gate()).toMatchObject({ ok: true, overridden: true });

    await rewrite(article.id, '好象要下雨。', '记者了解到，天气转晴。', '天气很好。');
    expect(await gate()).toMatchObject({ ok: true, overridden: true });

    await rewrite(article.id, '好象要下雨。', '记者了解到，天气转晴。', '天气很好,晴。');
    expect(await gate()).toMatchObject({ ok: false, overridden: false });

    await rewrite(article.id, '好象要下大雨。', '记者了解到，天气转晴。', '天气很好。');
    expect(await gate()).toMatchObject({ ok: false, overridden: false });
  });

  it('lets a story with warnings only through', async () => {
    const article = await story('只有提醒', '他们的的确确来了。');
    const result = await services.services.proofreading.gate(await services.actor('editor'), article.id);
    expect(result).toEqual({ ok: true, errors: [], overridden: false });
  });

  it('refuses an override when there is nothing to let through', async () => {
    const article = await story('干净的稿', '天气很好。');
    const response = await editor.raw('proofreading.override', { articleId: article.id, findingsDigest: '0'.repeat(64), reason: '无' });
    expect(errorCode(response)).toBe('CONFLICT');
  });
});

describe('error rate per 10,000 characters', () => {
  it('counts current findings and those fixed since the first check, per story and in total', async () => {
    const a = await story('差错甲', '好象好象好象。');
    const b = await story('差错乙', '一切正常。');
    const first = await reporter.call('proofreading.errorRate', { articleIds: [a.id, b.id] });
    expect(first.stories.map((s) => [s.findings, s.fixed])).toEqual([
      [3, 0],
      [0, 0],
    ]);

    await rewrite(a.id, '好像好像好象。');
    const second = await reporter.call('proofreading.errorRate', { articleIds: [a.id, b.id] });
    const storyA = second.stories[0]!;
    expect([storyA.findings, storyA.errors, storyA.fixed]).toEqual([1, 1, 2]);
    expect(storyA.findingsPer10k).toBeCloseTo((1 * 10_000) / storyA.chars);
    expect(storyA.fixedPer10k).toBeCloseTo((2 * 10_000) / storyA.chars);
    expect(storyA.baselineAt).toBe(first.stories[0]!.baselineAt);
    expect(second.total.chars).toBe(storyA.chars + second.stories[1]!.chars);
    expect(second.total).toMatchObject({ findings: 1, fixed: 2 });
    expect(second.total.findingsPer10k).toBeCloseTo(10_000 / second.total.chars);
  });

  it('reports the demo edition page by page over the placed stories, counting the jumped story once in the edition', async () => {
    const date = (await sql.get<{ date: string }>('SELECT date FROM editions'))!.date;
    const edition = await reporter.call('proofreading.editionErrorRate', { date });
    expect(edition.pages.map((p) => [p.number, p.name])).toEqual([
      [1, '要闻'],
      [2, '综合'],
      [3, '经济'],
      [4, '文体'],
    ]);
    const front = edition.pages[0]!.report.stories.map((s) => s.headline);
    expect(front).toContain('江城地铁3号线今日开通运营');
    expect(edition.pages[3]!.report.stories.map((s) => s.headline)).toContain('江城在京签约42个产业合作项目 总投资386亿元');
    const pageChars = edition.pages.reduce((n, p) => n + p.report.total.chars, 0);
    const jumped = edition.pages[0]!.report.stories.find((s) => s.headline.startsWith('江城在京签约'))!;
    expect(edition.total.chars).toBe(pageChars - jumped.chars);

    const missing = await reporter.raw('proofreading.editionErrorRate', { date: '1999-01-01' });
    expect(missing.ok ? null : missing.error.message).toBe('1999-01-01 还没有版面计划，无法按版统计差错率。');
  });
});


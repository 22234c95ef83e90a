import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Client, type Harness } from '../../support/coreHarness';
import { EXPORT_FORMATS } from '../../../shared/api/methods/interchange';
import type { ArticleSummary } from '../../../shared/domain/article';
import { NEWSML_XSD, NITF_XSD, xmllint } from '../../support/xmllint';

let harness: Harness;
let editor: Client;
let stories: ArticleSummary[];

const byHeadline = (start: string) => stories.find((s) => s.headline.startsWith(start))!;
const exported = async (start: string, format: (typeof EXPORT_FORMATS)[number], imageBase = 'images/') =>
  (await editor.call('export.story', { articleId: byHeadline(start).id, format, imageBase })).text;

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  editor = await harness.as('editor');
  stories = (await editor.call('articles.list', { limit: 100 })).items;
});
afterAll(() => harness.close());

describe('every export validates against its schema', () => {
  it('NITF 3.6 and NewsML-G2 of every demo story validate with xmllint against IPTC\'s XSDs', async () => {
    for (const story of stories) {
      const nitf = (await editor.call('export.story', { articleId: story.id, format: 'nitf' })).text;
      expect(xmllint(nitf, NITF_XSD), story.headline).toBe('');
      const g2 = (await editor.call('export.story', { articleId: story.id, format: 'newsml' })).text;
      expect(xmllint(g2, NEWSML_XSD), story.headline).toBe('');
    }
  });

  it('the edition as a NewsML-G2 package validates, with a group per page referring to its stories\' newsItems', async () => {
    const date = (await editor.call('layout.editions', {}))[0]!.date;
    const { text, fileName } = await editor.call('export.edition', { date, imageBase: 'https://www.jcrb.example.cn/images/' });
    expect(xmllint(text, NEWSML_XSD)).toBe('');
    expect(fileName).toMatch(/newsml\.xml$/);
    expect(text).toContain('<packageItem');
    expect(text.match(/<group id="page\d+"/g)).toHaveLength(4);
    const refs = [...text.matchAll(/residref="([^"]+)"/g)].map((m) => m[1]);
    const guids = [...text.matchAll(/<newsItem [^>]*guid="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(8);
    expect(new Set(refs)).toEqual(new Set(guids));
    expect(text).toContain('src="https://www.jcrb.example.cn/images/'.replace('src', 'href'));
  });

  it('ICML, web HTML and the WeChat fragment are well-formed XML', async () => {
    for (const format of ['icml', 'html', 'wechat'] as const) {
      for (const story of stories) expect(xmllint((await editor.call('export.story', { articleId: story.id, format })).text), `${format} ${story.headline}`).toBe('');
    }
  });

  it('markup typed into a story stays text in every format, and the exports still validate', async () => {
    const reporter = await harness.as('reporter');
    const created = await reporter.call('articles.create', {
      headline: '标题含<script>&"引号"与\u0007控制符',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文</p><p onclick="x">&amp; 1 < 2' }] }] },
    });
    const get = async (format: (typeof EXPORT_FORMATS)[number]) => (await reporter.call('export.story', { articleId: created.id, format })).text;
    expect(xmllint(await get('nitf'), NITF_XSD)).toBe('');
    expect(xmllint(await get('newsml'), NEWSML_XSD)).toBe('');
    for (const format of ['icml', 'html', 'wechat'] as const) {
      const text = await get(format);
      expect(xmllint(text)).toBe('');
      expect(text).not.toContain('<script>');
      expect(text).not.toMatch(/<[a-zA-Z][^>]*\sonclick=/);
      expect(text).toContain('&lt;script&gt;&amp;');
    }
  });
});

describe('what each format carries', () => {
  it('NITF: 主题 as hl1, 引题 and 副题 as hl2, writers as bylines, the 电头, the photo with caption and credit', async () => {
    const nitf = await exported('江城地铁3号线', 'nitf');
    expect(nitf).toContain('<hl1>江城地铁3号线今日开通运营</hl1>');
    expect(nitf).toContain('<hl2 class="kicker">历时五年建设 串起城市东西两翼</hl2>');
    expect(nitf).toContain('<hl2 class="subheadline">——全线设站21座，日均客流预计超30万人次</hl2>');
    expect(nitf).toContain('<byline><person>张晓明</person><byttl>记者</byttl></byline>');
    expect(nitf).toContain('<dateline>本报讯（记者 张晓明 通讯员 刘芳）</dateline>');
    expect(nitf).toMatch(/<media media-type="image"><media-reference source="images\/[0-9a-f-]+\.jpg" mime-type="image\/jpeg" width="1600" height="1200"/);
    expect(nitf).toContain('<media-producer>本报记者 陈光 摄</media-producer>');
    expect(nitf).toContain('<hl2>智慧车站可“刷脸”进站</hl2>');
    expect(await exported('江滨公园银杏', 'nitf')).toContain('<tagline>（王磊）</tagline>');
  });

  it('NewsML-G2: headline parts by role, 电头 and writers, usable once approved and withheld before', async () => {
    const g2 = await exported('江城地铁3号线', 'newsml');
    expect(g2).toContain('<headline role="nrhp:kicker">历时五年建设 串起城市东西两翼</headline>');
    expect(g2).toContain('<headline role="nrhp:main">江城地铁3号线今日开通运营</headline>');
    expect(g2).toContain('<pubStatus qcode="stat:usable"/>');
    expect(g2).toContain('<inlineXML contenttype="application/nitf+xml"><nitf');
    const pending = await exported('青石巷里的新日子', 'newsml');
    expect(pending).toContain('<pubStatus qcode="stat:withheld"/>');
    expect(pending).toContain('<edNote>本稿尚未签发</edNote>');
  });

  it('ICML: every paragraph carries a style named after its part, each style declared; the 电头 a character style', async () => {
    const icml = await exported('江城地铁3号线', 'icml');
    const used = new Set([...icml.matchAll(/AppliedParagraphStyle="ParagraphStyle\/([^"]+)"/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(['主题', '副题', '图说', '小标题', '引题', '正文'].sort());
    for (const style of used) expect(icml).toContain(`<ParagraphStyle Self="ParagraphStyle/${style}" Name="${style}"`);
    expect(icml).toContain('<CharacterStyleRange AppliedCharacterStyle="CharacterStyle/电头"><Content>本报讯（记者 张晓明 通讯员 刘芳）</Content></CharacterStyleRange>');
    expect(icml).toContain('<?aid SnippetType="InCopyInterchange"?>');
  });

  it('web HTML has structure and no styles; the WeChat fragment has inline styles only and references its photos', async () => {
    const html = await exported('江城地铁3号线', 'html');
    expect(html).toContain('<h1>江城地铁3号线今日开通运营</h1>');
    expect(html).toContain('<span class="dateline">本报讯（记者 张晓明 通讯员 刘芳）</span>');
    expect(html).toMatch(/<figure><img src="images\/[0-9a-f-]+\.jpg"/);
    expect(html).not.toMatch(/style=|<script|<style/);
    const wx = await exported('江城地铁3号线', 'wechat');
    expect(wx.startsWith('<section style=')).toBe(true);
    expect(wx).not.toMatch(/class=|<style|<script|<html|<head/);
    expect(wx).toMatch(/<img src="images\/[0-9a-f-]+\.jpg" alt="[^"]+" style="display:block;width:100%/);
    expect([...wx.matchAll(/<(p|h1|h2|section|strong|span|img)\b(?![^>]*style=)/g)]).toEqual([]);
  });

  it('exports are recorded in the audit log with their format', async () => {
    const id = byHeadline('江城地铁3号线').id;
    await editor.call('export.story', { articleId: id, format: 'icml' });
    const admin = await harness.as('admin');
    const { items } = await admin.call('audit.list', { targetId: id, action: 'article.export' });
    expect(items.some((r) => r.actionLabel === '导出稿件' && r.details['format'] === 'icml')).toBe(true);
  });
});

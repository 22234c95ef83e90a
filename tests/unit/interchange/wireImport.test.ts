import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWire } from '../../../shared/interchange/wireImport';
import { openHarness, type Client, type Harness } from '../../support/coreHarness';

const WIRE = path.resolve(__dirname, '..', '..', 'fixtures', 'wire');
const fixture = (name: string) => fs.readFileSync(path.join(WIRE, name), 'utf8');
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('IPTC\'s own examples read as stories', () => {
  it('a NewsML-G2 text newsItem with NITF inline: headline, byline, paragraphs', () => {
    const [story] = readWire(fixture('LISTING_2_NewsML-G2_Text_Document.xml'));
    expect(story).toMatchObject({ source: 'NewsML-G2', headline: 'Fed to halt QE to avert "bubble"', slug: 'US-Finance-Fed', bylines: ['Meredith Jameson'] });
    expect(story!.paragraphs).toHaveLength(2);
    expect(story!.paragraphs[0]).toMatch(/^\(New York, NY - October 21\) Et, sent luptat/);
  });

  it('NITF conveyed inline outside an item, and a story in NewsML-G2 + NITF', () => {
    const [inline] = readWire(fixture('LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml'));
    expect(inline!.headline).toBe('Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.');
    expect(inline!.abstract).toMatch(/^A pair of teams coming off big weekend sweeps/);
    expect(inline!.paragraphs).toHaveLength(1);
    const sports = readWire(fixture('LISTING_22_Sports_story_in_NewsML-G2NITF.xml'));
    expect(sports.length).toBeGreaterThan(0);
    expect(sports[0]!.headline).not.toBe('');
    expect(sports[0]!.paragraphs.length).toBeGreaterThan(0);
  });

  it('a package holds no text of its own: refused with a sentence', () => {
    expect(() => readWire(fixture('LISTING_6_Simple_NewsML-G2_Package.xml'))).toThrow('文件里没有可导入的文字稿');
  });
});

describe('Chinese wire copy', () => {
  it('a 新华社 NewsML-G2 item: 引题/主题/副题 by role, 电头 with its people, 小标题, caption with credit, abstract and keywords', () => {
    const [story] = readWire(fixture('xinhua-newsml-g2.xml'));
    expect(story).toMatchObject({
      kicker: '农业农村部：',
      headline: '今冬“菜篮子”产品供应充足',
      subheadline: '——蔬菜在田面积稳定增加 肉蛋奶生产总体平稳',
      dateline: '新华社北京11月27日电（记者 于文静 王立彬）',
      bylines: ['于文静', '王立彬'],
      subheads: ['蔬菜在田面积稳定增加', '肉蛋奶生产总体平稳'],
      subheadIndexes: [1, 3],
      captions: [{ text: '11月26日，菜农在大棚里采收蔬菜。', credit: '新华社记者 王鹏 摄' }],
      keywords: ['菜篮子', '保供稳价'],
      slug: '今冬菜篮子供应',
    });
    // The pretty-printing's line break between Chinese characters is gone, not turned into a space.
    expect(story!.paragraphs[0]).toBe('记者27日从农业农村部获悉，当前冬季蔬菜在田面积稳定增加，肉蛋奶生产总体平稳，“菜篮子”产品市场供应充足、价格总体平稳。');
  });

  it('refuses entity declarations, broken XML and files that are not XML, each with one sentence', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE n [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><nitf><body><body.content><p>&b;</p></body.content></body></nitf>';
    expect(() => readWire(bomb)).toThrow('出于安全不予读取');
    expect(() => readWire('<nitf><body>')).toThrow('不是格式正确的 XML');
    expect(() => readWire('本报讯 这是纯文本')).toThrow('不是格式正确的 XML');
    // An external DTD (older NITF feeds name one) is never fetched: the story still reads.
    const external = readWire('<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "file:///etc/passwd"><nitf><body><body.head><hedline><hl1>外部</hl1></hedline></body.head></body></nitf>');
    expect(external[0]!.headline).toBe('外部');
  });
});

describe('through the import flow', () => {
  let harness: Harness;
  let reporter: Client;
  beforeAll(async () => {
    harness = await openHarness({ demo: true });
    reporter = await harness.as('reporter');
  });
  afterAll(() => harness.close());

  it('a wire NewsML-G2 sample imports as a draft with its parts recognized', async () => {
    const { stories } = await reporter.call('import.parseWire', { fileName: 'xinhua.xml', dataBase64: b64(fixture('xinhua-newsml-g2.xml')) });
    const { articles } = await reporter.call('import.createArticles', { stories });
    expect(articles[0]!.warnings).toEqual([]);
    const article = await reporter.call('articles.get', { id: articles[0]!.id });
    expect(article).toMatchObject({
      kicker: '农业农村部：',
      headline: '今冬“菜篮子”产品供应充足',
      subheadline: '——蔬菜在田面积稳定增加 肉蛋奶生产总体平稳',
      dateline: { kind: 'wire', source: '新华社', place: '北京', month: 11, day: 27 },
      bylines: [{ name: '于文静', role: '记者' }, { name: '王立彬', role: '记者' }],
      keywords: ['菜篮子', '保供稳价'],
      status: 'draft',
    });
    expect(article.abstract).toContain('肉蛋奶生产总体平稳');
    expect((article.body.content ?? []).filter((n) => n.type === 'heading')).toHaveLength(2);
  });

  it('our own NITF export reads back with the same parts', async () => {
    const list = await reporter.call('articles.list', { limit: 100 });
    const lead = list.items.find((a) => a.headline === '江城地铁3号线今日开通运营')!;
    const { text } = await reporter.call('export.story', { articleId: lead.id, format: 'newsml' });
    const { stories } = await reporter.call('import.parseWire', { fileName: 'lead.xml', dataBase64: b64(text) });
    expect(stories[0]).toMatchObject({
      kicker: '历时五年建设 串起城市东西两翼',
      headline: '江城地铁3号线今日开通运营',
      subheadline: '——全线设站21座，日均客流预计超30万人次',
      dateline: '本报讯（记者 张晓明 通讯员 刘芳）',
      bylines: ['张晓明', '刘芳'],
    });
    expect(stories[0]!.subheads).toContain('智慧车站可“刷脸”进站');
  });

  it('a file that is not UTF-8 XML is refused naming it, nothing created', async () => {
    const refused = await reporter.raw('import.parseWire', { fileName: '稿件.xml', dataBase64: Buffer.from([0xff, 0xfe, 0x00, 0x3c]).toString('base64') });
    expect(refused.ok || refused.error.message).toContain('“稿件.xml”不是 UTF-8 编码的 XML');
  });
});

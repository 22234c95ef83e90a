import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recognizeStories } from '../../../shared/import/index';
import type { ImportedStory } from '../../../shared/api/methods/importing';
import { openHarness, openTestSql, type Client, type Harness } from '../../support/coreHarness';
import { makeDocx } from './docx';
import { jpeg } from '../photos/photoFixtures';

const THREE_STORIES = fs.readFileSync(path.join(__dirname, 'fixtures', 'three-stories.txt'), 'utf8');

let harness: Harness;
let reporter: Client;

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  reporter = await harness.as('reporter');
});

afterAll(() => harness.close());

async function articleCount(): Promise<number> {
  return (await reporter.call('articles.list', { limit: 1 })).total;
}

function base64(bytes: Buffer): string {
  return bytes.toString('base64');
}

function story(overrides: Partial<ImportedStory>): ImportedStory {
  return {
    kicker: null,
    headline: '主题',
    subheadline: null,
    bylines: [],
    dateline: null,
    reporters: [],
    subheads: [],
    subheadIndexes: [],
    paragraphs: ['正文第一段。'],
    captions: [],
    jumps: [],
    endCredit: null,
    ...overrides,
  };
}

describe('import.parseDocx', () => {
  it('returns the Word paragraphs: soft line breaks kept inside a paragraph, empty paragraphs kept as blank lines', async () => {
    const docx = makeDocx(['全市首批智慧社区投入使用\n老旧小区装上“智慧大脑”', '', '本报讯（记者 王晓明）3月18日，A&B公司<试点>。', '', '']);
    const result = await reporter.call('import.parseDocx', { fileName: '稿件.docx', dataBase64: base64(docx) });
    expect(result.paragraphs).toEqual(['全市首批智慧社区投入使用\n老旧小区装上“智慧大脑”', '', '本报讯（记者 王晓明）3月18日，A&B公司<试点>。', '', '']);
  });

  it('the three stories of a Word file are recognized like the same text pasted', async () => {
    const docx = makeDocx(THREE_STORIES.split('\n'));
    const { paragraphs } = await reporter.call('import.parseDocx', { fileName: '三篇.docx', dataBase64: base64(docx) });
    expect(recognizeStories(paragraphs).map((s) => s.headline)).toEqual(['老旧小区装上“智慧大脑”', '种粮大户的“新农具”', '我市新增两条公交夜班线路']);
  });

  it('a broken file gets a clear Chinese message naming it', async () => {
    const truncated = makeDocx(['正文']).subarray(0, 60);
    const response = await reporter.raw('import.parseDocx', { fileName: '坏文件.docx', dataBase64: base64(truncated) });
    expect(response.ok ? null : response.error).toMatchObject({
      code: 'VALIDATION',
      message: '无法读取这个 .docx 文件（坏文件.docx）：文件已损坏或不是 Word 文档。',
    });
  });

  it('a text file renamed to .docx is refused the same way', async () => {
    const response = await reporter.raw('import.parseDocx', { fileName: '其实是文本.docx', dataBase64: base64(Buffer.from('本报讯 这不是 Word 文件')) });
    expect(response.ok ? null : response.error.message).toBe('无法读取这个 .docx 文件（其实是文本.docx）：文件已损坏或不是 Word 文档。');
  });

  it('an old binary .doc is told to be saved as .docx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const response = await reporter.raw('import.parseDocx', { fileName: '旧稿.doc', dataBase64: base64(ole) });
    expect(response.ok ? null : response.error.message).toBe('“旧稿.doc”是旧版 Word（.doc）文件，无法直接导入。请在 Word 或 WPS 中另存为 .docx 后再导入。');
  });

  it('a file over 20 MB is refused before it is read', async () => {
    const response = await reporter.raw('import.parseDocx', { fileName: '大.docx', dataBase64: 'A'.repeat(28 * 1024 * 1024) });
    expect(response.ok ? null : response.error.message).toBe('文件内容：Word 文件不能超过 20 MB');
  });
});

describe('captions that came in with the copy', () => {
  it('go to the first photo linked without a caption, the credit read into the paper’s template; a captioned photo keeps its own', async () => {
    const editor = await harness.as('editor');
    const { articles } = await reporter.call('import.createArticles', {
      stories: [
        story({
          headline: '江滨公园银杏进入最佳观赏期',
          paragraphs: ['江滨公园的银杏进入最佳观赏期。'],
          captions: [
            { text: '市民在江滨公园赏银杏。', credit: '本报记者 李冰 摄' },
            { text: '银杏大道。', credit: '新华社发（韩雪 摄）' },
          ],
        }),
      ],
    });
    const articleId = articles[0]!.id;
    const upload = async (colour: string) => {
      const result = await editor.call('photos.import', { fileName: `${colour}.jpg`, dataBase64: base64(await jpeg(64, 48, colour)) });
      return result.status === 'refused' ? '' : result.photo.id;
    };
    const captioned = await upload('#123456');
    const first = await upload('#654321');
    const second = await upload('#abcdef');
    const before = await editor.call('photos.get', { photoId: captioned });
    await editor.call('photos.updateCaption', { photoId: captioned, version: before.version, caption: '本报自拍。', creditKind: 'staff', photographers: ['王五'] });

    await editor.call('photos.link', { articleId, photoId: captioned });
    expect((await editor.call('photos.get', { photoId: captioned })).caption).toBe('本报自拍。');
    await editor.call('photos.link', { articleId, photoId: first });
    await editor.call('photos.link', { articleId, photoId: second });

    const one = await editor.call('photos.get', { photoId: first });
    expect([one.caption, one.creditKind, one.photographers, one.printedCaption]).toEqual(['市民在江滨公园赏银杏。', 'staff', ['李冰'], '市民在江滨公园赏银杏。\u3000本报记者 李冰 摄']);
    const two = await editor.call('photos.get', { photoId: second });
    expect([two.caption, two.creditKind, two.photographers, two.printedCaption]).toEqual(['银杏大道。', 'xinhua-release', ['韩雪'], '银杏大道。\u3000新华社发（韩雪 摄）']);
    expect(await editor.call('photos.importedCaptions', { articleId })).toEqual([]);
    const body = JSON.stringify((await reporter.call('articles.get', { id: articleId })).body);
    expect(body).not.toContain('图片说明');
    expect(body).not.toContain('摄影');
  });
});

describe('import.createArticles', () => {
  it('turns each recognized story into a draft of the caller, every part in its place', async () => {
    const before = await articleCount();
    const stories = recognizeStories(THREE_STORIES);
    const { articles } = await reporter.call('import.createArticles', { stories, desk: '要闻部' });
    expect(articles.map((a) => a.headline)).toEqual(['老旧小区装上“智慧大脑”', '种粮大户的“新农具”', '我市新增两条公交夜班线路']);
    expect(articles.map((a) => a.warnings)).toEqual([[], [], []]);
    expect(await articleCount()).toBe(before + 3);

    const [community, farm, bus] = await Promise.all(articles.map((a) => reporter.call('articles.get', { id: a.id })));
    const me = await reporter.call('auth.me', {});
    for (const article of [community!, farm!, bus!]) {
      expect(article).toMatchObject({ status: 'draft', createdBy: me.user.id, desk: '要闻部', version: 1 });
    }

    expect(community).toMatchObject({
      kicker: '全市首批智慧社区投入使用',
      headline: '老旧小区装上“智慧大脑”',
      subheadline: '——十二个试点社区覆盖居民三万户',
      bylines: [
        { name: '王晓明', role: '记者' },
        { name: '陈思', role: '通讯员' },
      ],
      dateline: { kind: 'local' },
      genre: '消息',
      endCredit: '',
    });
    expect(community!.body.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: '3月18日，随着最后一批感应设备调试完毕，全市首批十二个智慧社区正式投入使用。居民刷脸即可进出单元门，独居老人家中的烟感和门磁数据实时传到社区值班室。' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '市住建局相关负责人介绍，试点社区平均楼龄超过二十五年，改造前普遍存在停车难、安防弱等问题。' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '改造资金由市、区两级财政和社区共同承担，部分设备由企业以租赁方式提供。' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '原稿转版行（已从正文删除，组版时重新生成）：下转4版', marks: [{ type: 'note' }] }] },
    ]);
    // The caption is not a note in the copy: it waits for the story's photo, its credit once.
    expect(await reporter.call('photos.importedCaptions', { articleId: community!.id })).toEqual([
      { id: expect.any(String), text: '图为东湖社区工作人员在值班室查看设备运行数据。', credit: '本报记者 李冰 摄' },
    ]);
    // Notes are neither counted nor printed: 3 paragraphs of copy (“3” and “18” count one each).
    expect(community!.paragraphCount).toBe(3);
    expect(community!.charCount).toBe(74 + 45 + 35);

    expect(farm).toMatchObject({
      kicker: '春耕时节访田间',
      headline: '种粮大户的“新农具”',
      subheadline: '',
      bylines: [
        { name: '赵海燕', role: '记者' },
        { name: '孙立', role: '记者' },
      ],
      dateline: null,
      genre: '消息',
    });
    expect(farm!.body.content!.map((n) => [n.type, n.attrs ?? null, n.content?.[0]?.text])).toEqual([
      ['paragraph', null, '清晨六点，河湾村的麦田里已经响起了无人机的嗡嗡声。种粮大户周建国蹲在地头，盯着手机上的作业路线。'],
      ['paragraph', null, '“过去打药要雇十几个人，现在一个人一上午就能干完。”周建国说。'],
      ['heading', { level: 3 }, '无人机成了好帮手'],
      ['paragraph', null, '去年秋天，周建国和邻村的三户农民合伙买下两台植保无人机。除了给自家田地作业，他们还给周边农户提供服务。'],
      ['paragraph', null, '县农业农村局的统计显示，全县今年春季机械化作业面积比去年增加了一成多。'],
    ]);

    expect(bus).toMatchObject({
      kicker: '',
      headline: '我市新增两条公交夜班线路',
      bylines: [{ name: '刘洋', role: '记者' }],
      dateline: { kind: 'local' },
      endCredit: '刘洋',
      genre: '简讯',
    });
    expect(bus!.body.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: '自4月1日起，市公交集团将开通两条夜班线路，末班车延长至次日凌晨一点，方便夜间下班的市民出行。' }] },
    ]);
  });

  it('reads a wire 电头 into its parts', async () => {
    const { articles } = await reporter.call('import.createArticles', {
      stories: [story({ dateline: '新华社北京3月5日电（记者 张三、李四）', reporters: ['张三', '李四'] })],
    });
    const article = await reporter.call('articles.get', { id: articles[0]!.id });
    expect(article.dateline).toEqual({ kind: 'wire', source: '新华社', place: '北京', month: 3, day: 5 });
    expect(article.bylines).toEqual([
      { name: '张三', role: '记者' },
      { name: '李四', role: '记者' },
    ]);
  });

  it('an 电头 it cannot read goes back to the start of the first paragraph, with a warning', async () => {
    const { articles } = await reporter.call('import.createArticles', {
      stories: [story({ dateline: '央视网消息', subheads: ['一、背景'], subheadIndexes: [0], paragraphs: ['■一、背景', '记者从市统计局获悉。'] })],
    });
    expect(articles[0]!.warnings).toEqual(['电头“央视网消息”无法识别，已放回正文第一段开头，请在稿件中改填电头']);
    const article = await reporter.call('articles.get', { id: articles[0]!.id });
    expect(article.dateline).toBeNull();
    expect(article.body.content!.map((n) => n.content?.[0]?.text)).toEqual(['一、背景', '央视网消息记者从市统计局获悉。']);
  });

  it('a short story with an end credit is a 简讯 only below 200 字', async () => {
    const long = '市公交集团将开通两条夜班线路。'.repeat(14);
    expect(long.length).toBe(210);
    const { articles } = await reporter.call('import.createArticles', {
      stories: [story({ headline: '长稿', paragraphs: [long], endCredit: '刘洋' }), story({ headline: '无署名短稿', paragraphs: ['短。'] })],
    });
    const genres = await Promise.all(articles.map(async (a) => (await reporter.call('articles.get', { id: a.id })).genre));
    expect(genres).toEqual(['消息', '消息']);
  });

  it('a story without a headline is refused by number, and none of the batch is written', async () => {
    const before = await articleCount();
    const response = await reporter.raw('import.createArticles', {
      stories: [story({ headline: '第一篇' }), story({ headline: '  ' }), story({ headline: '第三篇' })],
    });
    expect(response.ok ? null : response.error).toMatchObject({
      code: 'VALIDATION',
      message: '第 2 篇稿件没有主题（标题），请补充后再导入。没有导入任何稿件。',
      field: 'stories.1.headline',
    });
    expect(await articleCount()).toBe(before);
  });

  it('a field over the article limits is refused naming the story and the field', async () => {
    const before = await articleCount();
    const response = await reporter.raw('import.createArticles', {
      stories: [story({ headline: '好稿' }), story({ headline: '坏稿', endCredit: '据'.repeat(61) })],
    });
    expect(response.ok ? null : response.error.message).toBe('第 2 篇稿件《坏稿》的文末署名有误：不能超过 60 个字符。没有导入任何稿件。');
    expect(await articleCount()).toBe(before);
  });

  it('a write failing half-way leaves none of the batch behind (one transaction)', async () => {
    const before = await articleCount();
    const other = openTestSql(harness.location);
    const [plant, remove] =
      other.dialect === 'postgres'
        ? [
            `CREATE FUNCTION refuse_bomb() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk says no'; END $$;
             CREATE TRIGGER refuse_bomb BEFORE INSERT ON articles FOR EACH ROW WHEN (NEW.headline = '炸弹') EXECUTE FUNCTION refuse_bomb()`,
            'DROP TRIGGER refuse_bomb ON articles; DROP FUNCTION refuse_bomb()',
          ]
        : ["CREATE TRIGGER refuse_bomb BEFORE INSERT ON articles WHEN NEW.headline = '炸弹' BEGIN SELECT RAISE(ABORT, 'disk says no'); END", 'DROP TRIGGER refuse_bomb'];
    await other.run(plant);
    try {
      const response = await reporter.raw('import.createArticles', { stories: [story({ headline: '先写入的一篇' }), story({ headline: '炸弹' })] });
      expect(response.ok ? null : response.error.code).toBe('INTERNAL');
      expect(await articleCount()).toBe(before);
    } finally {
      await other.run(remove);
      await other.close();
    }
  });

  it('more than 200 stories in one call are refused', async () => {
    const response = await reporter.raw('import.createArticles', { stories: Array.from({ length: 201 }, () => story({})) });
    expect(response.ok ? null : response.error.message).toBe('导入稿件：一次最多导入 200 篇稿件，请分批导入');
  });

  it('a story over 300,000 characters is refused by number', async () => {
    const response = await reporter.raw('import.createArticles', {
      stories: [story({}), story({ paragraphs: ['字'.repeat(150_000), '字'.repeat(150_001)] })],
    });
    expect(response.ok ? null : response.error.message).toBe('导入稿件：第 2 篇稿件超过 300000 字，请拆分后再导入');
  });
});

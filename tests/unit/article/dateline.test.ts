import { describe, expect, it } from 'vitest';
import type { Byline } from '../../../shared/article/byline';
import {
  DEFAULT_DATELINE_TEMPLATES,
  buildDateline,
  datelineTemplatesSchema,
  parseDateline,
  validateDatelineTemplate,
  type Dateline,
} from '../../../shared/article/dateline';

const paper = { shortName: '本报' };
const zhang: Byline = { name: '张三', role: '记者' };
const li: Byline = { name: '李四', role: '通讯员' };
const beijing: Dateline = { kind: 'remote', place: '北京', month: 3, day: 5 };

describe('buildDateline (§6)', () => {
  it('prints the four §6 forms exactly', () => {
    expect(buildDateline({ kind: 'local' }, [zhang], paper)).toBe('本报讯（记者 张三）');
    expect(buildDateline({ kind: 'local' }, [zhang, li], paper)).toBe('本报讯（记者 张三 通讯员 李四）');
    expect(buildDateline(beijing, [zhang], paper)).toBe('本报北京3月5日电（记者 张三）');
    expect(
      buildDateline({ kind: 'wire', source: '新华社', place: '北京', month: 3, day: 5 }, [zhang, { name: '李四', role: '记者' }], paper),
    ).toBe('新华社北京3月5日电（记者 张三、李四）');
  });

  it('groups people of one role together in order of first appearance', () => {
    const people: Byline[] = [zhang, li, { name: '王五', role: '记者' }, { name: '赵六', role: '实习生' }];
    expect(buildDateline({ kind: 'local' }, people, paper)).toBe('本报讯（记者 张三、王五 通讯员 李四 实习生 赵六）');
  });

  it('names the org only when it is not the dateline’s own', () => {
    const xinhua: Byline = { name: '李四', role: '记者', org: '新华社' };
    expect(buildDateline(beijing, [{ ...zhang, org: '本报' }, xinhua], paper)).toBe('本报北京3月5日电（记者 张三 新华社记者 李四）');
    expect(buildDateline({ kind: 'wire', place: '上海', month: 12, day: 1 }, [xinhua], paper)).toBe('新华社上海12月1日电（记者 李四）');
  });

  it('drops the parentheses when nobody is named', () => {
    expect(buildDateline({ kind: 'wire', source: '中新社', place: '广州', month: 3, day: 5 }, [], paper)).toBe('中新社广州3月5日电');
  });

  it('uses a paper’s own template', () => {
    expect(buildDateline({ kind: 'local' }, [zhang], { shortName: '本刊' }, { local: '{paper}消息（{people}）' })).toBe(
      '本刊消息（记者 张三）',
    );
  });

  it('refuses a broken template or a missing field instead of printing a wrong 电头', () => {
    expect(() => buildDateline({ kind: 'local' }, [zhang], paper, { local: '{paper}讯({people})' })).toThrow(/全角括号/);
    expect(() => buildDateline({ kind: 'remote', month: 3, day: 5 }, [zhang], paper)).toThrow(/地点/);
    expect(() => buildDateline({ ...beijing, month: 13 }, [zhang], paper)).toThrow(RangeError);
  });
});

describe('validateDatelineTemplate', () => {
  it('accepts the defaults', () => {
    for (const kind of ['local', 'remote', 'wire'] as const) {
      expect(validateDatelineTemplate(kind, DEFAULT_DATELINE_TEMPLATES[kind])).toEqual([]);
    }
    expect(datelineTemplatesSchema.safeParse(DEFAULT_DATELINE_TEMPLATES).success).toBe(true);
  });

  it('explains each mistake in Chinese', () => {
    expect(validateDatelineTemplate('local', '{paper}讯（{name}）')).toEqual([
      '本地电头模板中有未知占位符 {name}，可用：{paper}{source}{place}{month}{day}{people}',
      '本地电头模板缺少 {people}',
    ]);
    expect(validateDatelineTemplate('local', '{paper} 讯（{people}）')).toEqual(['本地电头模板中不应有空格']);
    expect(validateDatelineTemplate('local', '{paper讯（{people}）').join()).toMatch(/花括号不成对/);
    expect(validateDatelineTemplate('remote', '{paper}{place}{month}月电（{people}）')).toEqual([
      '外地电头模板中 {month} 和 {day} 应同时出现',
    ]);
    expect(validateDatelineTemplate('wire', '{paper}{place}电（{people}）')).toEqual(['通讯社电头模板缺少 {source}']);
  });

  it('reports schema issues under the kind that is wrong', () => {
    const r = datelineTemplatesSchema.safeParse({ ...DEFAULT_DATELINE_TEMPLATES, wire: '{source}电' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path)).toEqual([['wire']]);
  });
});

describe('parseDateline', () => {
  it('reads a local 电头 and returns the text that runs on', () => {
    const r = parseDateline('本报讯（记者 张三）今天上午，全市……');
    expect(r).toMatchObject({
      dateline: { kind: 'local' },
      paper: '本报',
      bylines: [{ name: '张三', role: '记者' }],
      rest: '今天上午，全市……',
      length: 10,
    });
  });

  it('tolerates half-width parentheses and missing spaces', () => {
    const r = parseDateline('本报讯(记者张三 通讯员李四)');
    expect(r?.bylines).toEqual([
      { name: '张三', role: '记者' },
      { name: '李四', role: '通讯员' },
    ]);
  });

  it('reads wire copy with full-width digits and gives the agency to its reporters', () => {
    const r = parseDateline('新华社北京３月５日电（记者 张三、李四）');
    expect(r?.dateline).toEqual({ kind: 'wire', source: '新华社', place: '北京', month: 3, day: 5 });
    expect(r?.bylines).toEqual([
      { name: '张三', role: '记者', org: '新华社' },
      { name: '李四', role: '记者', org: '新华社' },
    ]);
  });

  it('is the inverse of buildDateline for the §6 forms', () => {
    for (const text of ['本报讯（记者 张三）', '本报讯（记者 张三 通讯员 李四）', '本报北京3月5日电（记者 张三）', '新华社北京3月5日电（记者 张三、李四）']) {
      const r = parseDateline(text);
      expect(r, text).not.toBeNull();
      if (r) expect(buildDateline(r.dateline, r.bylines, paper)).toBe(text);
    }
  });

  it('keeps names printed without a role apart', () => {
    expect(parseDateline('本报讯（张三）')).toMatchObject({ bylines: [], unattributed: ['张三'] });
    // names run together cannot be split
    expect(parseDateline('本报讯（记者张三李四）')?.bylines).toEqual([{ name: '张三李四', role: '记者' }]);
  });

  it('knows other agencies and the paper’s own names', () => {
    expect(parseDateline('中新社上海3月5日电 记者')?.dateline).toEqual({ kind: 'wire', source: '中新社', place: '上海', month: 3, day: 5 });
    expect(parseDateline('晚报讯（记者 张三）', { paperShortNames: ['晚报'] })).toMatchObject({ paper: '晚报', dateline: { kind: 'local' } });
  });

  it('does not read ordinary opening sentences as a 电头', () => {
    expect(parseDateline('本市电力供应平稳。')).toBeNull();
    expect(parseDateline('记者从市教育局获悉，')).toBeNull();
    expect(parseDateline('本报记者日前从市通讯管理局获悉')).toBeNull();
  });
});

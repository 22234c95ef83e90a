import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WORD_LISTS,
  parseWordListCsv,
  wordListToCsv,
  type CarefulEntry,
  type ConfusableEntry,
} from '../../../shared/style/index';

describe('parseWordListCsv', () => {
  it('imports good lines and reports bad ones by line number', () => {
    const csv = [
      '\uFEFFwrong,right,context,note',
      '好象,好像,,',
      '截止,截至,before-time,"“截至”后接时间点,""截止""用于句末"',
      ',空,,',
      '美仑美奂,美轮美奂',
      '甲,乙,regex:(,',
      '好象,好像,,',
      '',
    ].join('\r\n');
    const { entries, errors } = parseWordListCsv('confusable', csv);
    expect(entries).toEqual([
      { wrong: '好象', right: '好像' },
      { wrong: '截止', right: '截至', context: 'before-time', note: '“截至”后接时间点,"截止"用于句末' },
      { wrong: '美仑美奂', right: '美轮美奂' },
    ]);
    expect(errors.map((e) => e.line)).toEqual([4, 6, 7]);
    expect(errors[2]?.message).toBe('“好象”与第 2 行重复');
  });

  it('counts lines inside a quoted field when numbering later errors', () => {
    const csv = 'word,replacement,reason,severity\n罪犯,犯罪嫌疑人,"判决前\n不得称罪犯",warning\n弱智,,理由,严重\n';
    const { entries, errors } = parseWordListCsv('careful', csv);
    expect(entries).toEqual([
      { word: '罪犯', replacement: '犯罪嫌疑人', reason: '判决前\n不得称罪犯', severity: 'warning' },
    ]);
    expect(errors).toEqual([{ line: 4, message: '级别“严重”无效，应为 error、warning 或 info' }]);
  });

  it('keeps what came before an unterminated quote', () => {
    const { entries, errors } = parseWordListCsv('placeName', '甲,乙\n"丙,丁\n');
    expect(entries).toEqual([{ wrong: '甲', right: '乙' }]);
    expect(errors).toEqual([{ line: 2, message: '引号未闭合' }]);
  });

  it('rejects extra columns and accepts a Chinese header', () => {
    expect(parseWordListCsv('placeName', '黄埔江,黄浦江,多余').errors.map((e) => e.line)).toEqual([1]);
    expect(parseWordListCsv('placeName', '错误写法,正确写法\n黄埔江,黄浦江')).toEqual({
      entries: [{ wrong: '黄埔江', right: '黄浦江' }],
      errors: [],
    });
  });

  it('gives a careful word without a level the warning level', () => {
    expect(parseWordListCsv('careful', '嫌犯,,不用简称,').entries).toEqual([
      { word: '嫌犯', reason: '不用简称', severity: 'warning' },
    ]);
  });
});

describe('wordListToCsv', () => {
  it('writes a header and CRLF lines', () => {
    expect(wordListToCsv('placeName', [{ wrong: '黄埔江', right: '黄浦江' }])).toBe('wrong,right\r\n黄埔江,黄浦江\r\n');
  });

  it('neutralises what a spreadsheet would run as a formula, as the audit CSV does, and still round-trips', () => {
    const entries: ConfusableEntry[] = [
      { wrong: '=HYPERLINK("http://evil.example","点我")', right: '超链接' },
      { wrong: '+86 号码', right: '-1', note: '@某人' },
      { wrong: "'=已带引号", right: '正常' },
    ];
    const csv = wordListToCsv('confusable', entries);
    const cells = csv.split('\r\n').slice(1, -1).flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '')));
    for (const cell of cells.filter(Boolean)) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(parseWordListCsv('confusable', csv)).toEqual({ entries, errors: [] });
  });

  it('round-trips every kind, including commas, quotes and line breaks', () => {
    const confusables: ConfusableEntry[] = [
      ...DEFAULT_WORD_LISTS.confusables,
      { wrong: '甲,乙', right: '丙"丁"', note: '第一行\r\n第二行' },
    ];
    const careful: CarefulEntry[] = [...DEFAULT_WORD_LISTS.careful, { word: '某', reason: '理由,含逗号', severity: 'error' }];
    expect(parseWordListCsv('confusable', wordListToCsv('confusable', confusables))).toEqual({
      entries: confusables,
      errors: [],
    });
    expect(parseWordListCsv('careful', wordListToCsv('careful', careful))).toEqual({ entries: careful, errors: [] });
    expect(parseWordListCsv('exactName', wordListToCsv('exactName', DEFAULT_WORD_LISTS.exactNames))).toEqual({
      entries: DEFAULT_WORD_LISTS.exactNames,
      errors: [],
    });
    expect(parseWordListCsv('placeName', wordListToCsv('placeName', DEFAULT_WORD_LISTS.placeNames))).toEqual({
      entries: DEFAULT_WORD_LISTS.placeNames,
      errors: [],
    });
  });
});

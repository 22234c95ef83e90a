import { describe, expect, it } from 'vitest';
import { chineseDate, lunarDate, mastheadFieldsSchema, mastheadLines, mastheadOf, weekday } from '../../../shared/paper/masthead';

describe('the masthead date', () => {
  it('prints the date with 星期 and the 农历 day as the almanac writes it', () => {
    expect(chineseDate('2026-12-04')).toBe('2026年12月4日');
    expect(weekday('2026-12-04')).toBe('星期五');
    expect(lunarDate('2026-02-17')).toBe('农历丙午年正月初一');
    expect(lunarDate('2026-12-04')).toBe('农历丙午年十月廿六');
    expect(lunarDate('2025-07-25')).toBe('农历乙巳年闰六月初一');
    expect(lunarDate('2025-08-22')).toBe('农历乙巳年闰六月廿九');
  });
});

describe('the masthead lines', () => {
  it('joins one body that both supervises and sponsors, and leaves out what the paper has not set', () => {
    const m = mastheadOf({ supervisor: '中共江城市委', sponsor: '中共江城市委', cnNumber: 'CN 42-0012' });
    const lines = mastheadLines(m, { date: '2026-12-04', issueNumber: 15834, pageCount: 8 }, '江城日报');
    expect(lines).toMatchObject({ name: '江城日报', owners: '中共江城市委主管主办', cn: '国内统一连续出版物号　CN 42-0012', postal: '', issue: '总第15834期', pages: '今日8版' });
    expect(mastheadLines(mastheadOf({ supervisor: '江城市委宣传部', sponsor: '江城日报社' }), { date: '2026-12-04', issueNumber: 1, pageCount: 4 }, '').owners).toBe('江城市委宣传部主管　江城日报社主办');
  });

  it('refuses a CN number, 邮发代号 or website in the wrong shape, with the field named', () => {
    const ok = { nameText: '', supervisor: '', sponsor: '', cnNumber: 'CN 42-0012', postalCode: '37-12', website: 'www.jcrb.cn', lunarDate: true };
    expect(mastheadFieldsSchema.safeParse(ok).success).toBe(true);
    for (const [field, value, message] of [
      ['cnNumber', '42-0012', '国内统一连续出版物号应写成'],
      ['postalCode', '三七', '邮发代号应写成'],
      ['website', 'not a site', '网址格式不对'],
    ] as const) {
      const r = mastheadFieldsSchema.safeParse({ ...ok, [field]: value });
      expect(r.success || r.error.issues[0]!.message).toContain(message);
    }
  });
});

/**
 * §9.8 GB/T 15834-2011 4.5.3.6: two neighbouring numerals that give an estimate take no 顿号:
 * 三、四天 → 三四天. Left alone, because the 顿号 is right there: abbreviations of two items
 * (第五、六章, 三、四年级, 三、四月), weekdays (星期三、四), enumerations (二、三、四), and pairs
 * that are not neighbours (三、五天).
 */
import { finding } from '../finding';
import { ALL_FIELDS, type Finding, type Rule } from '../types';

const DIGITS = '一二三四五六七八九';
const PATTERN = new RegExp(
  `(?<![第周期拜、${DIGITS}十])([${DIGITS}])、([${DIGITS}])` +
    '(?=[十百千万亿个位名人天岁次倍成只件条家辆斤米里元块]|年(?!级)|小时|分钟|公里)',
  'g',
);

export const approxNumberDunhao: Rule = {
  id: 'approx-number-dunhao',
  title: '概数不用顿号',
  severity: 'warning',
  fields: ALL_FIELDS,
  check(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(PATTERN)) {
      const first = DIGITS.indexOf(m[1] ?? '');
      const second = DIGITS.indexOf(m[2] ?? '');
      if (second !== first + 1) continue;
      const at = m.index + 1;
      out.push(finding(approxNumberDunhao, at, at + 1, `表示概数的“${m[1]}${m[2]}”之间不用顿号`, ''));
    }
    return out;
  },
};

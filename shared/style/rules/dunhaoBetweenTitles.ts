/**
 * §9.7 GB/T 15834-2011 4.5.3.5: no 顿号 between items that are all in 书名号 or all in quotes:
 * 《史记》、《汉书》 → 《史记》《汉书》. With a note between (《甲》（…）、《乙》) the 顿号 stays,
 * which the pattern respects by requiring the marks to touch.
 */
import { finding } from '../finding';
import { ALL_FIELDS, type Finding, type Rule } from '../types';

const PATTERN = /(?<=》)、(?=《)|(?<=”)、(?=“)/g;

export const dunhaoBetweenTitles: Rule = {
  id: 'dunhao-between-titles',
  title: '书名号、引号间不用顿号',
  severity: 'warning',
  fields: ALL_FIELDS,
  check(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(PATTERN)) {
      const kind = text[m.index - 1] === '》' ? '书名号' : '引号';
      out.push(finding(dunhaoBetweenTitles, m.index, m.index + 1, `并列的${kind}之间不用顿号`, ''));
    }
    return out;
  },
};

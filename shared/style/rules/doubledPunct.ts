/** §9.6 A mark is not doubled: ！！ → ！, ，， → ，. Three or more 。 are an ellipsis (ellipsis rule). */
import { finding } from '../finding';
import { ALL_FIELDS, type Finding, type Rule } from '../types';

const DOUBLED = /([，、；：？！])\1+|(?<!。)。。(?!。)/g;

export const doubledPunct: Rule = {
  id: 'doubled-punct',
  title: '标点重复',
  severity: 'error',
  fields: ALL_FIELDS,
  check(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(DOUBLED)) {
      const mark = m[0][0] ?? '';
      out.push(finding(doubledPunct, m.index, m.index + m[0].length, `标点“${mark}”重复`, mark));
    }
    return out;
  },
};

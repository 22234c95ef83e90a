/**
 * §9.12 / §3 避头尾: on set lines, closing marks may not start a line and opening marks may not
 * end one. Only meaningful when '\n' marks the lines as set on the page (ctx.lineBreaksAreSetLines);
 * in ordinary copy '\n' ends a paragraph and the rule stays silent.
 */
import { finding } from '../finding';
import { ALL_FIELDS, type Finding, type Rule } from '../types';

const NO_LINE_START = new Set('。，、；：？！”’）》〉】」』〕');
const NO_LINE_END = new Set('“‘（《〈【「『〔');

export const lineStartEndPunct: Rule = {
  id: 'line-start-end-punct',
  title: '行首行尾禁用标点',
  severity: 'warning',
  fields: ALL_FIELDS,
  check(text, ctx) {
    if (!ctx.lineBreaksAreSetLines) return [];
    const out: Finding[] = [];
    let start = 0;
    while (start <= text.length) {
      const nl = text.indexOf('\n', start);
      let end = nl === -1 ? text.length : nl;
      if (text[end - 1] === '\r') end--;
      const first = text[start];
      if (end > start && first !== undefined && NO_LINE_START.has(first)) {
        out.push(finding(lineStartEndPunct, start, start + 1, `“${first}”不能出现在行首`));
      }
      const last = text[end - 1];
      if (end > start && last !== undefined && NO_LINE_END.has(last)) {
        out.push(finding(lineStartEndPunct, end - 1, end, `“${last}”不能出现在行尾`));
      }
      if (nl === -1) break;
      start = nl + 1;
    }
    return out;
  },
};

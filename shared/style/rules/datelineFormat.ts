/**
 * §9.17 / §6 The news lead-in (电头): 本报讯（记者 张三 通讯员 李四）, 新华社北京3月5日电（记者 张三、李四）.
 * One space between a role and the name, one space before the next role, none between the
 * lead-in and its bracket. Bracket width is the fullwidth-punct rule's job, so either width is
 * read here and the two rules' fixes never overlap.
 */
import { HAN } from '../chars';
import { finding, findingWithFix } from '../finding';
import type { Finding, Rule } from '../types';

const LEAD = new RegExp(`^\\s*(?:本报讯|(?:本报|新华社|中新社)[${HAN}\\d]{0,20}?电)([ \\u3000]*)[（(]([^）)\\n]{1,80})[）)]`, 'u');
const ROLE = /特约记者|见习记者|实习记者|首席记者|本报记者|记者|通讯员|实习生/g;
const GAP = /^[ \u3000\u00a0\t]*/;

function isOneSpace(gap: string): boolean {
  return gap === ' ' || gap === '\u3000';
}

export const datelineFormat: Rule = {
  id: 'dateline-format',
  title: '电头格式',
  severity: 'error',
  fields: ['dateline', 'body'],
  check(text) {
    const m = LEAD.exec(text);
    if (m === null) return [];
    const out: Finding[] = [];
    const gapBeforeBracket = m[1] ?? '';
    const content = m[2] ?? '';
    const bracket = m.index + m[0].length - content.length - 2;
    if (gapBeforeBracket !== '') {
      const start = bracket - gapBeforeBracket.length;
      out.push(finding(datelineFormat, start, bracket, '电头与括号之间不空格', ''));
    }
    const contentStart = bracket + 1;
    for (const role of content.matchAll(ROLE)) {
      const roleStart = contentStart + role.index;
      const roleEnd = roleStart + role[0].length;
      const afterGap = GAP.exec(content.slice(role.index + role[0].length))?.[0] ?? '';
      const nameStart = roleEnd + afterGap.length;
      if (nameStart < contentStart + content.length && !isOneSpace(afterGap)) {
        out.push(
          findingWithFix(datelineFormat, roleStart, roleEnd, `电头中“${role[0]}”与姓名之间应空一格`, {
            start: roleEnd,
            end: nameStart,
            replacement: ' ',
          }),
        );
      }
      if (role.index === 0) continue;
      const beforeText = content.slice(0, role.index);
      const beforeGap = /[ \u3000\u00a0\t]*$/.exec(beforeText)?.[0] ?? '';
      const prev = beforeText[beforeText.length - beforeGap.length - 1];
      if (prev !== '、' && !isOneSpace(beforeGap)) {
        out.push(
          findingWithFix(datelineFormat, roleStart, roleEnd, '电头中两个署名之间应空一格', {
            start: roleStart - beforeGap.length,
            end: roleStart,
            replacement: ' ',
          }),
        );
      }
    }
    return out;
  },
};

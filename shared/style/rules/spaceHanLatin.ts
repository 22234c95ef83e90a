/**
 * §9.13 In print there is no space between Han text and Latin letters or digits: 增长 5% → 增长5%.
 * Untouched: spaces inside Latin phrases (New York), between Han words (本报讯（记者 张三）,
 * 主题的两个分句), after a role word before a Latin name (记者 John Smith), and before the photo
 * credit (John Smith 摄), which is the byline convention of §6.
 * A headline may separate its two clauses with a space (§7), which cannot be told from a stray one
 * when a clause ends in a digit (增长5.3% 线上占比…): there it is only a hint, never auto-fixed.
 */
import { HAN } from '../chars';
import { finding } from '../finding';
import { ALL_FIELDS, type Finding, type Rule, type StyleField } from '../types';

const SPACES = '[ \\u00A0\\u2002-\\u200A]+';
const GAP = new RegExp(`(?<=[${HAN}])${SPACES}(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%‰℃])${SPACES}(?=[${HAN}])`, 'gu');
const ROLE_BEFORE = /(?:记者|通讯员|实习生|编辑|作者|摄影|译)$/;
const CREDIT_AFTER = /^(?:摄|供图)/;
const HEADLINE_PARTS: ReadonlySet<StyleField> = new Set(['headline', 'kicker', 'subheadline']);

export const spaceHanLatin: Rule = {
  id: 'space-han-latin',
  title: '中文与西文、数字间不空格',
  severity: 'error',
  fields: ALL_FIELDS,
  check(text, ctx) {
    const out: Finding[] = [];
    const inHeadline = HEADLINE_PARTS.has(ctx.field);
    for (const m of text.matchAll(GAP)) {
      const start = m.index;
      const end = start + m[0].length;
      if (ROLE_BEFORE.test(text.slice(Math.max(0, start - 3), start))) continue;
      if (CREDIT_AFTER.test(text.slice(end, end + 2))) continue;
      if (inHeadline) {
        out.push(finding(spaceHanLatin, start, end, '如不是分句间的空格，中文与西文、数字之间不加空格', undefined, 'info'));
      } else {
        out.push(finding(spaceHanLatin, start, end, '中文与西文、数字之间不加空格', ''));
      }
    }
    return out;
  },
};

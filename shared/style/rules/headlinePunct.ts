/**
 * §9.19 / §7 A headline part ends without 。，、；： (？ and ！ may stay); a subtitle opens with ——.
 */
import { finding } from '../finding';
import { type Finding, type Rule } from '../types';

const BAD_END = /[。，、；：,;:]+$|(?<!\.)\.$/;
const BAD_SUBTITLE_OPENING = /^\s*(?:—(?!—)|-+|－+|―{1,2}|—―|―—)/;

export const headlinePunct: Rule = {
  id: 'headline-punct',
  title: '标题标点',
  severity: 'error',
  fields: ['headline', 'kicker', 'subheadline'],
  check(text, ctx) {
    const out: Finding[] = [];
    const trimmed = text.trimEnd();
    const end = BAD_END.exec(trimmed);
    if (end !== null) {
      out.push(finding(headlinePunct, end.index, trimmed.length, `标题末尾不用“${end[0]}”`, ''));
    }
    if (ctx.field === 'subheadline') {
      const opening = BAD_SUBTITLE_OPENING.exec(text);
      if (opening !== null) {
        const start = opening[0].length - opening[0].trimStart().length;
        out.push(finding(headlinePunct, start, opening[0].length, '副题开头的破折号应为“——”', '——'));
      }
    }
    return out;
  },
};

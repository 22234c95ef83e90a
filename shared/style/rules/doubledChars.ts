/**
 * §9.15 A function character typed twice: 的的 → 的. Reduplication is normal Chinese (常常, 天天,
 * 看看, 渐渐), so only characters that are never doubled are checked, and a pair is left alone
 * when either half belongs to a neighbouring word: 目的的, 的的确确, 他的的士, 受不了了, 为了了解,
 * 不了了之, 小时了了, 现在在, 实实在在, 但是是否, 是是非非, 和和气气, 温和和善.
 */
import { finding } from '../finding';
import { ALL_FIELDS, type Finding, type Rule } from '../types';

interface Exceptions {
  /** a character before the pair that forms a word with its first half */
  wordBefore: string;
  /** a character after the pair that forms a word with its second half */
  wordAfter: string;
}

const NEVER_DOUBLED: Record<string, Exceptions> = {
  的: { wordBefore: '目标之打', wordAfter: '确士卢' },
  了: { wordBefore: '不没得完为除受忍罢算时', wordAfter: '解却结断得然如无不事悟望之分' },
  在: { wordBefore: '现实存所正好自潜内外旨意健何', wordAfter: '乎场于意线' },
  是: { wordBefore: '但于可就总还只要倒若像真正便或都也老硬凡即乃算为皆不', wordAfter: '否非的' },
  和: { wordBefore: '温平柔总缓随调谐祥饱附应唱求议讲共人暖', wordAfter: '气美睦顺谐善平解' },
};

const PAIR = new RegExp(`([${Object.keys(NEVER_DOUBLED).join('')}])\\1`, 'g');

export const doubledChars: Rule = {
  id: 'doubled-chars',
  title: '误重复字',
  severity: 'warning',
  fields: ALL_FIELDS,
  check(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(PAIR)) {
      const ch = m[1] ?? '';
      const exceptions = NEVER_DOUBLED[ch];
      if (exceptions === undefined) continue;
      const before = text[m.index - 1] ?? '';
      const after = text[m.index + 2] ?? '';
      if ((before !== '' && exceptions.wordBefore.includes(before)) || (after !== '' && exceptions.wordAfter.includes(after))) {
        continue;
      }
      out.push(finding(doubledChars, m.index, m.index + 2, `“${ch}${ch}”重复，应为“${ch}”`, ch));
    }
    return out;
  },
};

/**
 * Byline lines under a feature headline (§6): □ 张三 李四, ■本报记者 张三 本报通讯员 李四,
 * 本报记者 张三, 文/张三, 记者 张三.
 */
import { namesOf, tokenizePeople, longNameWarnings } from './people';

const BOX = /^[□■▢☐◻◼▪▫]\s*/;

export interface BylineLine {
  names: string[];
  /** a role word was printed (本报记者 …): surely a byline, even where a 小标题 could stand */
  hasRole: boolean;
  warnings: string[];
}

/**
 * Without a box or a leading role, "张三 李四" could be a headline, so it is not taken. A boxed
 * line with no role must hold 2–3 character names: ■ 市场回暖 is a 小标题, not a person.
 */
export function matchBylineLine(text: string): BylineLine | null {
  if (text.length > 40) return null;
  const boxed = BOX.test(text);
  const tokens = tokenizePeople(text.replace(BOX, ''));
  const first = tokens[0];
  if (!first) return null;
  let names = 0;
  let roles = 0;
  for (const t of tokens) {
    if (t.kind === 'role') roles++;
    else if (t.kind === 'name' || t.kind === 'longName') names++;
    else return null;
  }
  if (names === 0 || (!boxed && first.kind !== 'role')) return null;
  if (roles === 0 && tokens.some((t) => t.text.length > 3 && !t.text.includes('·'))) return null;
  return { names: namesOf(tokens), hasRole: roles > 0, warnings: longNameWarnings(tokens) };
}

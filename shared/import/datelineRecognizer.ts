/**
 * 电头 at the start of a first paragraph (§6): 本报讯（记者 张三）, 本报北京3月5日电（记者 张三）,
 * 新华社北京3月5日电（记者 张三、李四）, 中新社…电, 央视网消息. Private to the importer.
 */
import { isPeopleOnly, longNameWarnings, namesOf, tokenizePeople } from './people';

const AGENCY =
  '本报|本刊|本台|本网|新华社|中新社|中新网|中国新闻网|人民网|新华网|央视网|央广网|光明网|国际在线|' +
  '\\p{Script=Han}{1,6}?(?:日报|晚报|晨报|都市报)';
const NUM = '[0-9０-９一二三四五六七八九十〇]{1,3}';
const PLACE_DATE = `\\p{Script=Han}{0,8}?(?:\\d{4}年)?(?:${NUM}月)?${NUM}日`;

/**
 * Four shapes: [据]机构 + 讯 | 机构 + 地点日期 + 电/消息 | 机构 + 地点 + 电（…） | 机构 + 电/消息 + a gap.
 * The last two are fenced (a parenthesis or a space must follow) so 本报记者日前从电力公司… is not a 电头.
 */
const PREFIX = new RegExp(
  `^\\s*(?:据\\s*)?(?:${AGENCY})\\s*(?:` +
    `讯|${PLACE_DATE}\\s*(?:电|消息)|\\p{Script=Han}{1,8}?\\s*电(?=\\s*[（(])|(?:电|消息)(?=[\\s（(]))`,
  'u',
);
const PEOPLE = /^\s*[（(]([^（()）\n]{0,60})[）)]/;

/** Enough of a paragraph to hold any 电头; keeps 1 MB single-line inputs linear. */
const HEAD = 120;

export interface DatelineSplit {
  /** as printed, with full-width parentheses and no stray spaces: 本报讯（记者 张三 通讯员 李四） */
  dateline: string;
  names: string[];
  rest: string;
  warnings: string[];
}

export function startsWithDateline(text: string): boolean {
  return PREFIX.test(text.slice(0, HEAD));
}

function tidyPeople(inner: string): string {
  return inner.trim().replace(/\s+/g, ' ').replace(/\s*([、，,])\s*/g, '$1');
}

export function splitDateline(text: string): DatelineSplit | null {
  const head = text.slice(0, HEAD);
  const prefix = PREFIX.exec(head);
  if (!prefix) return null;
  let dateline = prefix[0].replace(/\s+/g, '');
  let consumed = prefix[0].length;
  let names: string[] = [];
  let warnings: string[] = [];
  const people = PEOPLE.exec(head.slice(consumed));
  if (people) {
    const inner = tidyPeople(people[1] ?? '');
    const tokens = tokenizePeople(inner);
    // （记者 张三 摄影报道） is people; （3月5日） or （国际观察） stays in the text.
    if (isPeopleOnly(tokens, true) || tokens.some((t) => t.kind === 'role')) {
      dateline += `（${inner}）`;
      consumed += people[0].length;
      names = namesOf(tokens);
      warnings = longNameWarnings(tokens);
    }
  }
  return { dateline, names, rest: text.slice(consumed).replace(/^[\s\u3000]+/, ''), warnings };
}

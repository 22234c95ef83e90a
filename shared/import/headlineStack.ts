/**
 * Which header line is 引题, 主题 and 副题 (§7). Allowed stacks: 主; 引+主; 主+副; 引+主+副.
 *
 * Heuristics, in order:
 * 1. Labelled lines (引题：…, 【副题】…) take their slot; unlabelled ones before the labelled 主题
 *    become 引题, after it 副题.
 * 2. A line opening with a dash (——, or OCR's --, —, －－) is the 副题, with anything after it.
 * 3. Two plain lines: the first is the 引题 when it ends with ，or 、, when only the second ends
 *    with ？/！ (a question is the main line), or when it is the shorter one; otherwise the pair is
 *    主+副. Within two characters of each other the call is a guess and says so.
 * 4. Three plain lines are 引+主+副; more than three fold the extra leading lines into the 引题.
 * A 简讯/快讯 column name on top of a stack is dropped with a warning.
 */
import { isColumnLabel, type HeadlinePart } from './markers';

export interface HeadlineEntry {
  text: string;
  part?: HeadlinePart;
}

export interface HeadlineStack {
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  warnings: string[];
}

const DASH_LEAD = /^(?:——|－－|--|—|―|─{1,2})\s*/;

export function isDashLed(line: string): boolean {
  return DASH_LEAD.test(line) && line.replace(DASH_LEAD, '') !== '';
}

/** OCR and typists write the 副题 dash as --, — or －－; print has ——. */
function normalizeSubtitle(line: string): string {
  return `——${line.replace(DASH_LEAD, '').trim()}`;
}

const AMBIGUOUS = '标题层次（引题/主题/副题）为推测，请核对';

type Slots = { kicker: string | null; headline: string | null; subheadline: string | null };

function decideTwo(a: string, b: string, warnings: string[]): Slots {
  const asKicker = { kicker: a, headline: b, subheadline: null };
  const asSubtitle = { kicker: null, headline: a, subheadline: b };
  if (/[，、,]$/.test(a)) return asKicker;
  const aAsks = /[？！?!]$/.test(a);
  if (/[？！?!]$/.test(b) && !aAsks) return asKicker;
  if (aAsks) return asSubtitle;
  if (Math.abs(a.length - b.length) <= 2) warnings.push(AMBIGUOUS);
  return a.length < b.length ? asKicker : asSubtitle;
}

function fromPlainLines(lines: readonly string[], warnings: string[]): Slots {
  const dash = lines.findIndex(isDashLed);
  const main = dash >= 0 ? lines.slice(0, dash) : lines;
  const subtitle = dash >= 0 ? normalizeSubtitle(lines.slice(dash).join('')) : null;
  if (main.length === 0) return { kicker: null, headline: null, subheadline: subtitle };
  if (main.length === 1) return { kicker: null, headline: main[0] ?? '', subheadline: subtitle };
  if (subtitle !== null || main.length > 3) {
    // A 副题 is already known, or there are too many lines: the last plain line is the 主题.
    const cut = subtitle !== null ? main.length - 1 : main.length - 2;
    if (cut > 1) warnings.push('标题行过多，多出的行已并入引题，请核对');
    return {
      kicker: main.slice(0, cut).join(' '),
      headline: main[cut] ?? '',
      subheadline: subtitle ?? main[cut + 1] ?? null,
    };
  }
  if (main.length === 3) return { kicker: main[0] ?? null, headline: main[1] ?? '', subheadline: main[2] ?? null };
  return decideTwo(main[0] ?? '', main[1] ?? '', warnings);
}

export function assignHeadlineParts(entries: readonly HeadlineEntry[]): HeadlineStack {
  const warnings: string[] = [];
  let list = entries.filter((e) => e.text !== '' || e.part !== undefined);
  const top = list[0];
  if (list.length >= 2 && top && top.part === undefined && isColumnLabel(top.text)) {
    warnings.push(`栏目名“${top.text}”未计入标题`);
    list = list.slice(1);
  }
  const slots: Slots = { kicker: null, headline: null, subheadline: null };
  // A 副题 keeps the dash only if it had one: news subtitles often have none.
  const tidy = (text: string): string => (isDashLed(text) ? normalizeSubtitle(text) : text);
  for (const e of list) if (e.part && e.text !== '') slots[e.part] = e.part === 'subheadline' ? tidy(e.text) : e.text;

  const mainAt = list.findIndex((e) => e.part === 'headline' && e.text !== '');
  const plain = list.filter((e) => e.part === undefined);
  if (mainAt >= 0) {
    list.forEach((e, i) => {
      if (e.part !== undefined) return;
      const slot: HeadlinePart = i < mainAt ? 'kicker' : 'subheadline';
      if (slots[slot] === null) slots[slot] = slot === 'subheadline' ? tidy(e.text) : e.text;
      else warnings.push(`未归类的标题行：“${e.text}”`);
    });
  } else if (plain.length > 0) {
    const guess = fromPlainLines(plain.map((e) => e.text), warnings);
    for (const key of ['kicker', 'headline', 'subheadline'] as const) {
      const value = guess[key];
      if (value === null) continue;
      if (slots[key] === null) slots[key] = value;
      else warnings.push(`未归类的标题行：“${value}”`);
    }
  }
  if (slots.headline === null && slots.subheadline !== null && slots.kicker === null) {
    // Only a dash line: the 主题 is the one required part, so that line must be it.
    slots.headline = slots.subheadline.replace(DASH_LEAD, '');
    slots.subheadline = null;
  }
  return {
    kicker: slots.kicker,
    headline: slots.headline ?? '',
    subheadline: slots.subheadline,
    warnings,
  };
}

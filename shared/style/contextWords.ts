/**
 * A confusable's 语境 (when the word counts as wrong) said in words, for the people who read the
 * word lists: the lists store it as a code (`before-time`) or a pattern (`regex:…`), which nobody on
 * the desk should have to read. The patterns the lists use are read piece by piece — the word, and
 * what may or may not stand before or after it; anything else is described without its syntax.
 */

const quoteAll = (chars: string[]) => chars.map((c) => `“${c}”`).join('');

/** `[爱喜嗜]` → ['爱', '喜', '嗜']; `额` → ['额']; null for anything with pattern syntax in it. */
function plainChoices(body: string): string[] | null {
  const set = /^\[([^\\\]^-]+)\]$/.exec(body);
  if (set) return Array.from(set[1]!);
  return /^[^\\[\]().*+?{}|^$]+$/.test(body) ? [body] : null;
}

const SENTENCE_END = /^\(\?!\[\^([。！？；]|\\n)+\]\*([^\\[\]().*+?{}|^$]+)\)$/;

interface Piece {
  kind: 'before' | 'after';
  negative: boolean;
  text: string;
}

/** Splits a pattern into the word and its surroundings, or null when it is not of that simple shape. */
function pieces(source: string, word: string): { before: Piece[]; after: Piece[] } | null {
  const at = source.indexOf(word);
  if (at < 0) return null;
  const read = (part: string, kind: Piece['kind']): Piece[] | null => {
    const out: Piece[] = [];
    const group = /\(\?(<?)([=!])((?:\[[^\]]*\]|[^()])*)\)/y;
    let pos = 0;
    while (pos < part.length) {
      group.lastIndex = pos;
      const m = group.exec(part);
      if (!m) return null;
      const sentence = SENTENCE_END.exec(m[0]);
      if (kind === 'after' && sentence) {
        out.push({ kind, negative: true, text: `同一句里后面没有“${sentence[2]}”` });
      } else {
        const choices = plainChoices(m[3]!);
        if (!choices || (m[1] === '<') !== (kind === 'before')) return null;
        const where = kind === 'before' ? '前面' : '后面';
        out.push({ kind, negative: m[2] === '!', text: `${where}${m[2] === '!' ? '不是' : '是'}${quoteAll(choices)}` });
      }
      pos = group.lastIndex;
    }
    return out;
  };
  const before = read(source.slice(0, at), 'before');
  const after = read(source.slice(at + word.length), 'after');
  return before && after ? { before, after } : null;
}

/**
 * When `word` counts as wrong, in a sentence: “任何位置都算错” with no context; for `before-time`,
 * followed by a time point; for a pattern, what stands before and after it.
 */
export function contextInWords(context: string | undefined, word: string): string {
  if (context === undefined || context.trim() === '') return '任何位置都算错';
  if (context === 'before-time') return '后面紧跟时间时算错（如“截止目前”“截止12月底”）';
  if (context.startsWith('regex:')) {
    const found = pieces(context.slice('regex:'.length), word);
    if (found) {
      const parts = [...found.before, ...found.after].map((p) => p.text);
      return parts.length > 0 ? `${parts.join('，')}时算错` : '任何位置都算错';
    }
    return '只在特定上下文中算错（规则较复杂，可导出 CSV 查看）';
  }
  return '语境设置无法识别，请管理员检查';
}

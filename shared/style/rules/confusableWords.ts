/** §9.14 Words, names and place names from the paper's lists that are written wrong. */
import { finding } from '../finding';
import { ALL_FIELDS, type Rule } from '../types';
import type { TermKind } from '../wordLists';

const LABEL: Record<TermKind, string> = { confusable: '', exactName: '名称', placeName: '地名' };

export const confusableWords: Rule = {
  id: 'confusable-words',
  title: '易混错词',
  severity: 'error',
  fields: ALL_FIELDS,
  check(text, ctx) {
    return ctx.wordLists.findTermErrors(text).map((hit) => {
      const note = hit.note === undefined ? '' : `（${hit.note}）`;
      const message = `${LABEL[hit.kind]}“${hit.wrong}”应为“${hit.right}”${note}`;
      return finding(confusableWords, hit.start, hit.end, message, hit.right);
    });
  },
};

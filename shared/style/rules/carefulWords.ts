/**
 * §9.16 Banned or careful words from the paper's list. Never fixed automatically: whether
 * 罪犯 is right depends on whether a court has ruled, which only the editor knows.
 */
import { finding } from '../finding';
import { ALL_FIELDS, type Rule } from '../types';

export const carefulWords: Rule = {
  id: 'careful-words',
  title: '慎用词',
  severity: 'warning',
  fields: ALL_FIELDS,
  check(text, ctx) {
    return ctx.wordLists.findCarefulWords(text).map(({ start, end, entry }) => {
      const suggestion = entry.replacement === undefined ? '' : `，可改为“${entry.replacement}”`;
      const message = `慎用“${entry.word}”：${entry.reason}${suggestion}`;
      return finding(carefulWords, start, end, message, undefined, entry.severity);
    });
  },
};

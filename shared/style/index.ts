/** Public API of the house-style proofreader (校对). */
export type { Finding, Fix, Severity, StyleField } from './types';
export {
  applyFixes,
  checkParagraphs,
  checkText,
  errorRate,
  RULES,
  summarize,
  type CheckOptions,
  type SeverityCounts,
} from './engine';
export {
  compileWordLists,
  validateConfusableContext,
  type CarefulEntry,
  type CompiledWordLists,
  type ConfusableEntry,
  type WordLists,
} from './wordLists';
export { DEFAULT_WORD_LISTS } from './defaultWordLists';
export { contextInWords } from './contextWords';
export {
  parseWordListCsv,
  wordListToCsv,
  type WordListEntryMap,
  type WordListKind,
} from './wordListCsv';

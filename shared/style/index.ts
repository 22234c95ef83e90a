/** Public API of the house-style proofreader (校对). */
export type { Finding, Fix, Rule, RuleContext, RuleInfo, Severity, StyleField } from './types';
export { ALL_FIELDS } from './types';
export {
  applyFixes,
  checkParagraphs,
  checkText,
  errorRate,
  RULES,
  summarize,
  type CheckOptions,
  type ParagraphFinding,
  type SeverityCounts,
} from './engine';
export {
  compileWordLists,
  validateConfusableContext,
  type CarefulEntry,
  type CarefulHit,
  type CompiledWordLists,
  type ConfusableContext,
  type ConfusableEntry,
  type ExactNameEntry,
  type PlaceNameEntry,
  type TermHit,
  type TermKind,
  type WordLists,
} from './wordLists';
export { DEFAULT_WORD_LISTS } from './defaultWordLists';
export { contextInWords } from './contextWords';
export {
  parseWordListCsv,
  wordListToCsv,
  type CsvLineError,
  type WordListCsvResult,
  type WordListEntryMap,
  type WordListKind,
} from './wordListCsv';

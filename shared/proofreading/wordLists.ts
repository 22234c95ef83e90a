import type { WordListEntryMap, WordListKind, WordLists } from '../style/index';

/** The paper's lists as the API returns them, one per kind, reshaped for compileWordLists. */
export function toWordLists(lists: { [K in WordListKind]: { entries: Array<WordListEntryMap[K]> } }): WordLists {
  return {
    confusables: lists.confusable.entries,
    careful: lists.careful.entries,
    exactNames: lists.exactName.entries,
    placeNames: lists.placeName.entries,
  };
}

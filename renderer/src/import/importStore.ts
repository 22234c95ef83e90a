import { create } from 'zustand';
import { splitPoints, toLines, type RecognizedStory } from '../../../shared/import/index';
import type { ImportedArticle } from '../../../shared/api/methods/importing';
import { mergeWithPrevious, splitAt, StoryCache } from './splitting';

export type HeadlineField = 'kicker' | 'headline' | 'subheadline';
export type HeadlineEdits = Partial<Record<HeadlineField, string>>;

interface Review {
  /** where the copy came from: a file name, or null for a paste */
  source: string | null;
  lines: string[];
  starts: number[];
  cache: StoryCache;
  /** what the user typed over the recognized 引题/主题/副题, keyed by the story's first line */
  edits: Record<number, HeadlineEdits>;
}

/** Wire copy (NewsML-G2, NITF): its stories come marked up, so there is nothing to split or recognize. */
interface WireReview {
  source: string;
  stories: RecognizedStory[];
}

interface ImportState {
  text: string;
  desk: string;
  review: Review | null;
  wire: WireReview | null;
  openWire(source: string, stories: RecognizedStory[]): void;
  editWire(index: number, field: HeadlineField, value: string): void;
  imported: ImportedArticle[] | null;
  setText(text: string): void;
  setDesk(desk: string): void;
  recognize(text: string, source: string | null): void;
  backToText(): void;
  split(line: number): void;
  merge(start: number): void;
  edit(start: number, field: HeadlineField, value: string): void;
  done(articles: ImportedArticle[]): void;
  reset(): void;
}

/** Kept across screens, so opening an imported story and coming back finds the list of links. */
export const useImport = create<ImportState>((set) => ({
  text: '',
  desk: '',
  review: null,
  wire: null,
  imported: null,
  openWire: (source, stories) => set({ wire: { source, stories }, review: null, imported: null }),
  editWire: (index, field, value) =>
    set(({ wire }) => (wire ? { wire: { ...wire, stories: wire.stories.map((s, i) => (i === index ? { ...s, [field]: value } : s)) } } : {})),
  setText: (text) => set({ text }),
  setDesk: (desk) => set({ desk }),
  recognize(text, source) {
    const lines = toLines(text);
    set({ text, imported: null, review: { source, lines, starts: splitPoints(lines), cache: new StoryCache(lines), edits: {} } });
  },
  backToText: () => set({ review: null, wire: null }),
  split: (line) => set(({ review }) => (review ? { review: { ...review, starts: splitAt(review.starts, review.lines, line) } } : {})),
  merge: (start) => set(({ review }) => (review ? { review: { ...review, starts: mergeWithPrevious(review.starts, start) } } : {})),
  edit: (start, field, value) =>
    set(({ review }) => (review ? { review: { ...review, edits: { ...review.edits, [start]: { ...review.edits[start], [field]: value } } } } : {})),
  done: (articles) => set({ imported: articles, review: null, wire: null, text: '' }),
  reset: () => set({ text: '', review: null, wire: null, imported: null }),
}));

/** The recognized story with the user's corrections to its headline parts. */
export function withEdits(story: RecognizedStory, edits: HeadlineEdits | undefined): RecognizedStory {
  return edits ? { ...story, ...edits } : story;
}

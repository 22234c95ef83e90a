import { recognizeStory, type RecognizedStory } from '../../../shared/import/index';

/** Lines [start, end) of the source: one story. */
export interface Segment {
  start: number;
  end: number;
}

export function segmentsOf(starts: readonly number[], lineCount: number): Segment[] {
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? lineCount }));
}

/** A story can start at any non-blank line after the first story's start that does not start one already. */
export function canSplitAt(starts: readonly number[], lines: readonly string[], line: number): boolean {
  const first = starts[0];
  return first !== undefined && line > first && line < lines.length && (lines[line] ?? '').trim() !== '' && !starts.includes(line);
}

export function splitAt(starts: readonly number[], lines: readonly string[], line: number): number[] {
  return canSplitAt(starts, lines, line) ? [...starts, line].sort((a, b) => a - b) : [...starts];
}

/** The story starting at `start` joins the one before it; the first story has nothing to join. */
export function mergeWithPrevious(starts: readonly number[], start: number): number[] {
  return starts.indexOf(start) > 0 ? starts.filter((s) => s !== start) : [...starts];
}

/**
 * Recognition per line range, remembered: moving one split point re-runs the recognizer only on the
 * ranges it changed, not on a whole paste of a hundred stories.
 */
export class StoryCache {
  private readonly known = new Map<string, RecognizedStory>();

  constructor(readonly lines: readonly string[]) {}

  story(segment: Segment): RecognizedStory {
    const key = `${segment.start}:${segment.end}`;
    let story = this.known.get(key);
    if (!story) {
      story = recognizeStory(this.lines.slice(segment.start, segment.end), { firstLine: segment.start });
      this.known.set(key, story);
    }
    return story;
  }

  stories(starts: readonly number[]): RecognizedStory[] {
    return segmentsOf(starts, this.lines.length).map((segment) => this.story(segment));
  }
}

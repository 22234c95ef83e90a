/**
 * Final tidying of a body paragraph.
 */
import { splitDateline } from './datelineRecognizer';
import { collapseCjkSpaces } from './spacing';

/** Removes stray spaces between Han characters, except inside a leading 电头 (记者 张三 keeps its space). */
export function tidyProse(text: string): string {
  const split = splitDateline(text);
  return split ? split.dateline + collapseCjkSpaces(split.rest) : collapseCjkSpaces(text);
}

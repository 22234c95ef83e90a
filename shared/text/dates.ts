/**
 * Dates and times as a Chinese desk writes them, in both interface languages: 2026-12-04 and
 * 2026年12月4日, 08:05 — never the month first, whatever locale the operating system has
 * (toLocaleString follows it, and even for zh-CN gives 2026/12/4).
 */

/** The date's written form, and the format string for dayjs-based pickers. */
export const DATE_FORMAT = 'YYYY-MM-DD';

const two = (n: number) => String(n).padStart(2, '0');

/** 2026-12-04, in local time. */
export function isoDate(at: Date): string {
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}

/** 08:05:09, or 08:05 without seconds, in local time. */
export function clockTime(at: Date, seconds = true): string {
  const hm = `${two(at.getHours())}:${two(at.getMinutes())}`;
  return seconds ? `${hm}:${two(at.getSeconds())}` : hm;
}

/** 2026-12-04 08:05 — a moment in lists, histories and notices (an ISO string or a Date). */
export function dateTime(at: string | Date): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return typeof at === 'string' ? at : '';
  return `${isoDate(date)} ${clockTime(date, false)}`;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula, so
 * a headline, a reason or a word-list entry a user typed could become =HYPERLINK(…) in someone's
 * Excel. Such a cell is written with a leading apostrophe, which spreadsheets show as text and hide.
 * A value that already starts with apostrophes before such a character gets one more, so
 * `fromCsvCell` can take exactly one away and a file we wrote reads back unchanged.
 */
const NEUTRALISED = /^'*[=+\-@\t\r]/;

/** One cell: neutralised as above, then quoted when it must be. */
export function csvCell(value: string): string {
  const safe = NEUTRALISED.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The value of a cell `csvCell` wrote (after the CSV quoting is undone). */
export function fromCsvCell(cell: string): string {
  return cell.startsWith("'") && NEUTRALISED.test(cell.slice(1)) ? cell.slice(1) : cell;
}

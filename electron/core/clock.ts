/** The newsroom's calendar date (YYYY-MM-DD) in the machine's time zone: editions follow local days. */
export function localDate(at: Date): string {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

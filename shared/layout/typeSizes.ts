/**
 * Chinese type sizes 字号 (§2). Papers keep their own table (some use older metal-type values), so
 * every lookup takes the table as an optional argument.
 */
export interface TypeSize {
  name: string;
  pt: number;
}

export const TYPE_SIZES: readonly TypeSize[] = [
  { name: '初号', pt: 42 },
  { name: '小初', pt: 36 },
  { name: '一号', pt: 26 },
  { name: '小一', pt: 24 },
  { name: '二号', pt: 22 },
  { name: '小二', pt: 18 },
  { name: '三号', pt: 16 },
  { name: '小三', pt: 15 },
  { name: '四号', pt: 14 },
  { name: '小四', pt: 12 },
  { name: '五号', pt: 10.5 },
  { name: '小五', pt: 9 },
  { name: '六号', pt: 7.5 },
  { name: '小六', pt: 6.5 },
  { name: '七号', pt: 5.5 },
  { name: '八号', pt: 5 },
];

/** '小五号' and '小五' are both said; the table stores the short form. */
function normaliseSizeName(name: string): string {
  const n = name.trim();
  return n.startsWith('小') && n.endsWith('号') ? n.slice(0, -1) : n;
}

export function sizeNameToPt(name: string, table: readonly TypeSize[] = TYPE_SIZES): number | undefined {
  const key = normaliseSizeName(name);
  return table.find((s) => s.name === key)?.pt;
}

/** The size name whose point value equals `pt`, if any. */
export function ptToSizeName(pt: number, table: readonly TypeSize[] = TYPE_SIZES): string | undefined {
  return table.find((s) => s.pt === pt)?.name;
}

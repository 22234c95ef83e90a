/**
 * CSV import/export of one word list, so a paper can keep its lists in a spreadsheet.
 * RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; a BOM, CRLF and a header
 * line (English keys or the Chinese labels below) are accepted. A bad record is reported by the
 * 1-based line it starts on and the rest are still imported.
 */
import { csvCell, fromCsvCell } from '../text/csvCell';
import type { Severity } from './types';
import {
  validateConfusableContext,
  type CarefulEntry,
  type ConfusableContext,
  type ConfusableEntry,
  type ExactNameEntry,
  type PlaceNameEntry,
} from './wordLists';

export interface WordListEntryMap {
  confusable: ConfusableEntry;
  careful: CarefulEntry;
  exactName: ExactNameEntry;
  placeName: PlaceNameEntry;
}

export type WordListKind = keyof WordListEntryMap;

interface CsvLineError {
  line: number;
  message: string;
}

export interface WordListCsvResult<K extends WordListKind> {
  entries: Array<WordListEntryMap[K]>;
  errors: CsvLineError[];
}

const COLUMNS: Record<WordListKind, readonly string[]> = {
  confusable: ['wrong', 'right', 'context', 'note'],
  careful: ['word', 'replacement', 'reason', 'severity'],
  exactName: ['wrong', 'right'],
  placeName: ['wrong', 'right'],
};

/** First-column labels that mark a header line. */
const HEADER_FIRST_CELLS = new Set(['wrong', 'word', '错误写法', '错词', '词语', '错误名称', '错误地名']);

const SEVERITIES: Record<string, Severity> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  错误: 'error',
  警告: 'warning',
  提示: 'info',
};

interface CsvRecord {
  line: number;
  cells: string[];
}

function splitRecords(csv: string): { records: CsvRecord[]; unterminatedAt: number | null } {
  const records: CsvRecord[] = [];
  const text = csv.startsWith('\uFEFF') ? csv.slice(1) : csv;
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endRecord = (): void => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
    }
    i++;
  }
  if (quoted) return { records, unterminatedAt: recordLine };
  if (cell !== '' || cells.length > 0) endRecord();
  return { records, unterminatedAt: null };
}

type Built<K extends WordListKind> = { entry: WordListEntryMap[K]; key: string } | string;

function buildEntry<K extends WordListKind>(kind: K, cells: readonly string[]): Built<K> {
  const [a = '', b = '', c = '', d = ''] = cells.map((s) => fromCsvCell(s.trim()));
  switch (kind) {
    case 'confusable': {
      if (a === '' || b === '') return '错误写法和正确写法都不能为空';
      if (a === b) return '错误写法与正确写法相同';
      const entry: ConfusableEntry = { wrong: a, right: b };
      if (c !== '') {
        const problem = validateConfusableContext(c);
        if (problem !== null) return problem;
        entry.context = c as ConfusableContext;
      }
      if (d !== '') entry.note = d;
      return { entry: entry as WordListEntryMap[K], key: a };
    }
    case 'careful': {
      if (a === '') return '词语不能为空';
      if (c === '') return '理由不能为空';
      const severity = d === '' ? 'warning' : SEVERITIES[d];
      if (severity === undefined) return `级别“${d}”无效，应为 error、warning 或 info`;
      const entry: CarefulEntry = { word: a, reason: c, severity };
      if (b !== '') entry.replacement = b;
      return { entry: entry as WordListEntryMap[K], key: a };
    }
    default: {
      if (a === '' || b === '') return '错误写法和正确写法都不能为空';
      if (a === b) return '错误写法与正确写法相同';
      return { entry: { wrong: a, right: b } as WordListEntryMap[K], key: a };
    }
  }
}

export function parseWordListCsv<K extends WordListKind>(kind: K, csvText: string): WordListCsvResult<K> {
  const columns = COLUMNS[kind];
  const { records, unterminatedAt } = splitRecords(csvText);
  const entries: Array<WordListEntryMap[K]> = [];
  const errors: CsvLineError[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const cells = record.cells;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (index === 0 && HEADER_FIRST_CELLS.has((cells[0] ?? '').trim().toLowerCase())) return;
    if (cells.slice(columns.length).some((cell) => cell.trim() !== '')) {
      errors.push({ line: record.line, message: `列数过多：应为 ${columns.length} 列（${columns.join(',')}）` });
      return;
    }
    const built = buildEntry(kind, cells);
    if (typeof built === 'string') {
      errors.push({ line: record.line, message: built });
      return;
    }
    const firstLine = seen.get(built.key);
    if (firstLine !== undefined) {
      errors.push({ line: record.line, message: `“${built.key}”与第 ${firstLine} 行重复` });
      return;
    }
    seen.set(built.key, record.line);
    entries.push(built.entry);
  });
  if (unterminatedAt !== null) errors.push({ line: unterminatedAt, message: '引号未闭合' });
  return { entries, errors };
}


/** CRLF-separated with a header line; no BOM (add one when writing a file meant for Excel). */
export function wordListToCsv<K extends WordListKind>(kind: K, entries: ReadonlyArray<WordListEntryMap[K]>): string {
  const columns = COLUMNS[kind];
  const lines = [columns.join(',')];
  for (const entry of entries) {
    const record = entry as unknown as Record<string, string | undefined>;
    lines.push(columns.map((column) => csvCell(record[column] ?? '')).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

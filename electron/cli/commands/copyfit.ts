import { copyfitPlain } from '../../../shared/layout/copyfit';
import { CliError } from '../cliError';
import { readTextFile } from './readTextFile';
import { print, type CliCommand } from './types';

const USAGE = 'npm run cli -- copyfit FILE --cpl N [--columns C --lines L --headline PT,PT] [--json]';

function positiveInt(value: string | boolean | undefined, name: string, required: boolean): number | undefined {
  if (value === undefined) {
    if (required) throw new CliError(`缺少 --${name}。用法：${USAGE}`);
    return undefined;
  }
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 1 || n > 10_000) {
    throw new CliError(`--${name} 应为 1–10000 的整数，收到“${String(value)}”。`);
  }
  return n;
}

function headlineSizes(value: string | boolean | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const sizes = String(value).split(',').map((s) => Number(s.trim()));
  if (sizes.length === 0 || sizes.some((n) => !Number.isFinite(n) || n <= 0 || n > 200)) {
    throw new CliError(`--headline 应为以逗号分隔的字号（磅），例如 26,15；收到“${String(value)}”。`);
  }
  return sizes;
}

/** 算稿 for a plain-text file, one paragraph a line. */
export const copyfitCommand: CliCommand = {
  name: 'copyfit',
  usage: USAGE,
  summary: '算稿：字数、占格与行数；给出版位时算出超出或不足',
  options: { cpl: { type: 'string' }, columns: { type: 'string' }, lines: { type: 'string' }, headline: { type: 'string' } },
  run(args, values) {
    const text = readTextFile(args[0], USAGE);
    const cpl = positiveInt(values['cpl'], 'cpl', true)!;
    const columns = positiveInt(values['columns'], 'columns', false);
    const lines = positiveInt(values['lines'], 'lines', false);
    if (columns !== undefined && lines === undefined) throw new CliError('给出 --columns 时也需要 --lines（版位高度，行）。');
    const headlinePt = headlineSizes(values['headline']);
    const result = copyfitPlain(text, {
      cpl,
      ...(columns !== undefined ? { columns } : {}),
      ...(lines !== undefined ? { lines } : {}),
      ...(headlinePt ? { headlinePt } : {}),
    });
    const summary = {
      chars: result.chars,
      cells: result.cells,
      paragraphs: result.paragraphs,
      bodyLines: result.bodyLines,
      headlineLines: result.headlineLines,
      capacityChars: result.capacityChars,
      overChars: result.overChars,
      overLines: result.overLines,
    };
    const slot =
      result.capacityChars === null
        ? ''
        : `\n版位容量 ${result.capacityChars} 字；${(result.overLines ?? 0) > 0 ? `超出 ${result.overChars} 字（${result.overLines} 行）` : `还可容纳 ${-(result.overChars ?? 0)} 字（${-(result.overLines ?? 0)} 行）`}`;
    print(values.json, summary, `字数 ${result.chars}，占 ${result.cells} 格，${result.paragraphs} 段，每行 ${cpl} 字时正文 ${result.bodyLines} 行，标题 ${result.headlineLines} 行${slot}`);
  },
};

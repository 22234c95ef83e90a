import { describe, expect, it } from 'vitest';
import { printFileName, printPatternProblem } from '../../../shared/layout/printFileName';
import { blankArea } from '../../../shared/layout/signCheck';

describe('print file names', () => {
  const ref = { date: '2026-11-29', page: 3, name: '经济', issue: 21_345 };

  it('names each page as the plant expects', () => {
    expect(printFileName('{date}-{page:02}.pdf', ref)).toBe('2026-11-29-03.pdf');
    expect(printFileName('JCRB{yyyymmdd}A{page:02}.pdf', ref)).toBe('JCRB20261129A03.pdf');
    expect(printFileName('{issue}_{page}_{name}.pdf', { ...ref, name: '文体/副刊' })).toBe('21345_3_文体_副刊.pdf');
  });

  it('refuses a pattern that would give two pages one name, an unknown token, an unsafe character or no .pdf', () => {
    expect(printPatternProblem('{date}-{page:02}.pdf')).toBeNull();
    expect(printPatternProblem('{date}.pdf')).toContain('必须含有版次');
    expect(printPatternProblem('{date}-{pg}.pdf')).toContain('“{pg}”不认识');
    expect(printPatternProblem('out/{page}.pdf')).toContain('不能有');
    expect(printPatternProblem('{page}.ps')).toContain('.pdf');
    expect(printPatternProblem('  ')).toContain('请填写');
  });
});

describe('blank area', () => {
  it('is the type area no slot covers, in single-column lines', () => {
    const template = { columns: 6, linesPerColumn: 85 };
    const slots = [
      { col: 0, line: 0, columns: 6, lines: 3 },
      { col: 0, line: 3, columns: 4, lines: 82 },
    ];
    expect(blankArea({ slots } as never, template)).toEqual({ blank: 2 * 82, total: 510, percent: (164 / 510) * 100 });
  });
});

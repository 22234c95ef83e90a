import { checkText, compileWordLists, DEFAULT_WORD_LISTS, summarize } from '../../../shared/style/index';
import { readTextFile } from './readTextFile';
import { print, type CliCommand } from './types';
import { CliError } from '../cliError';

const USAGE = 'npm run cli -- proofread FILE [--json]';
const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

/** House-style checks on a plain-text file, one paragraph a line; exits 3 when errors remain. */
export const proofreadCommand: CliCommand = {
  name: 'proofread',
  usage: USAGE,
  summary: '按报社规范校对纯文本文件',
  run(args, values) {
    const text = readTextFile(args[0], USAGE);
    const findings = checkText(text, { field: 'body', wordLists: compileWordLists(DEFAULT_WORD_LISTS) });
    const out = findings.map((f) => ({ rule: f.rule, severity: f.severity, start: f.start, end: f.end, message: f.message, fix: f.fix }));
    const counts = summarize(findings);
    const lines = findings.map((f) => {
      const before = text.slice(0, f.start);
      const line = before.split('\n').length;
      const column = f.start - before.lastIndexOf('\n');
      return `${line}:${column} [${SEVERITY_LABEL[f.severity]}] ${f.message}（${text.slice(f.start, f.end)}${f.fix ? ` → ${f.fix.replacement}` : ''}）`;
    });
    print(values.json, { findings: out }, [...lines, `共 ${findings.length} 处：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}`].join('\n'));
    if (counts.error > 0) throw new CliError(values.json ? '' : '仍有错误未改。', 3);
  },
};

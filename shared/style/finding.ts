import type { Finding, RuleInfo, Severity } from './types';

export function finding(
  rule: RuleInfo,
  start: number,
  end: number,
  message: string,
  replacement?: string,
  severity: Severity = rule.severity,
): Finding {
  return {
    rule: rule.id,
    severity,
    start,
    end,
    message,
    fix: replacement === undefined ? null : { start, end, replacement },
  };
}

/** For fixes whose span differs from the highlighted span. */
export function findingWithFix(
  rule: RuleInfo,
  start: number,
  end: number,
  message: string,
  fix: { start: number; end: number; replacement: string },
): Finding {
  return { rule: rule.id, severity: rule.severity, start, end, message, fix };
}

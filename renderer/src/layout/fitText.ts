import type { TFunction } from 'i18next';
import type { SlotFit } from '../../../shared/layout/slot';

/** InCopy's copyfit words in Chinese: over in lines and characters to cut, or short with the room left. */
export function fitText(t: TFunction, fit: SlotFit): string {
  if (fit.status === 'over') return t('layout.fit.over', { lines: fit.overLines, chars: fit.overChars });
  if (fit.status === 'under') return t('layout.fit.under', { lines: -fit.overLines, chars: -fit.overChars });
  return t('layout.fit.fit');
}

import { memo, useCallback, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TEMPLATES, cplForColumns } from '../../../shared/layout/geometry';
import type { Editor } from '@tiptap/react';
import { copyfit } from '../editor/copyfit';
import { useLiveCounts } from '../editor/useLiveCounts';

const TEMPLATE = DEFAULT_TEMPLATES[0]!;
const COLUMNS_KEY = 'newsroom.editor.columns';

function storedColumns(): number {
  try {
    const n = Number(localStorage.getItem(COLUMNS_KEY));
    return Number.isInteger(n) && n >= 1 && n <= TEMPLATE.columns ? n : 1;
  } catch {
    return 1;
  }
}

export interface CountBarProps {
  editor: Editor;
  targetChars: number | null;
  /** Where the target comes from, when not the story's own target (its slots on the page). */
  targetSource?: string;
  /** cells of the 电头 printed in front of the first paragraph */
  leadCells: number;
  /** cells of the end credit printed after the last paragraph */
  tailCells: number;
}

/**
 * The copyfit bar (InCopy's, for Chinese): 字数, cells, paragraphs and lines at a column width;
 * against the target, blue with the share filled while short, red with the amount to cut when over.
 * It follows the editor itself, so a count update re-renders the bar and nothing else.
 */
export function CountBar({ editor, targetChars, targetSource, leadCells, tailCells }: CountBarProps) {
  const { t } = useTranslation();
  const counts = useLiveCounts(editor);
  const [columns, setColumns] = useState(storedColumns);
  const chooseColumns = useCallback((n: number) => {
    setColumns(n);
    try {
      localStorage.setItem(COLUMNS_KEY, String(n));
    } catch {
      // The choice just does not outlive the window.
    }
  }, []);
  const cpl = cplForColumns(TEMPLATE, columns);
  const fit = copyfit({ ...counts, leadCells, tailCells, cpl, targetChars });
  const target = fit.target;
  const over = target !== null && target.charDiff > 0;

  return (
    <div className={`count-bar${target ? (over ? ' count-bar-over' : ' count-bar-under') : ''}`}>
      <div className="count-figures" role="status" aria-label={t('counts.label')}>
        <span className="count-chars">{t('counts.chars', { count: counts.chars })}</span>
        <span>{t('counts.cells', { cells: counts.cells })}</span>
        <span>{t('counts.paragraphs', { count: counts.paragraphs })}</span>
        <span className="count-lines" title={t('counts.linesHelp')}>
          {t('counts.lines', { count: fit.lines, cpl })}
        </span>
        {target && (
          <span className={`count-target ${over ? 'count-over' : 'count-under'}`} title={t('counts.targetHelp')}>
            <span>
              {targetSource
                ? t('counts.slotTarget', { source: targetSource, target: target.targetChars, lines: target.targetLines })
                : t('counts.target', { target: target.targetChars, lines: target.targetLines })}
            </span>
            <span
              className="count-progress"
              role="progressbar"
              aria-label={t('counts.progress')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(target.share * 100)}
            >
              <span style={{ width: `${target.share * 100}%` }} />
            </span>
            <span>
              {target.charDiff > 0
                ? t('counts.over', { count: target.charDiff })
                : target.charDiff < 0
                  ? t('counts.under', { count: -target.charDiff })
                  : t('counts.onTarget')}
              {target.lineDiff > 0
                ? t('counts.linesOver', { count: target.lineDiff })
                : target.lineDiff < 0
                  ? t('counts.linesShort', { count: -target.lineDiff })
                  : ''}
            </span>
          </span>
        )}
      </div>
      <ColumnSelect value={columns} onChange={chooseColumns} />
    </div>
  );
}

/** Memoised: the counts change with every pause in typing, the column width almost never. */
const ColumnSelect = memo(function ColumnSelect({ value, onChange }: { value: number; onChange(n: number): void }) {
  const { t } = useTranslation();
  return (
    <Select<number>
      size="small"
      className="count-columns"
      aria-label={t('counts.columns')}
      value={value}
      onChange={onChange}
      popupMatchSelectWidth={false}
      options={Array.from({ length: TEMPLATE.columns }, (_, i) => ({
        value: i + 1,
        label: t('counts.columnOption', { n: i + 1, cpl: cplForColumns(TEMPLATE, i + 1) }),
      }))}
    />
  );
});

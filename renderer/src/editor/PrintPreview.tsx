import type { ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { firstParagraph } from './bodyCounter';
import type { DatelineLine } from './printLines';

/** Characters of the first paragraph shown after the 电头, enough to read the run-on. */
const RUN_ON_CHARS = 40;

function PreviewLine({ label, name, className, children }: { label: string; name: string; className: string; children: ReactNode }) {
  return (
    <div className={`print-preview ${className}`} role="note" aria-label={name}>
      <span className="print-preview-label" aria-hidden>
        {label}
      </span>
      {children}
    </div>
  );
}

/**
 * The 电头 as it prints, running into the first paragraph. Subscribes to the editor itself, and
 * re-renders only when the start of the first paragraph changes, not on every keystroke.
 */
export function DatelinePreview({ editor, line }: { editor: Editor; line: DatelineLine }) {
  const { t } = useTranslation();
  const runOn = useEditorState({ editor, selector: ({ editor: e }) => firstParagraph(e.state.doc).slice(0, RUN_ON_CHARS) });
  return (
    <PreviewLine label={t('fields.dateline')} name={t('editor.datelinePreview')} className="dateline-preview">
      {line.problem === null ? (
        <span>
          <strong>{line.text}</strong>
          <span className="print-preview-runon">{runOn}</span>
        </span>
      ) : (
        <span className="print-preview-problem">{t(`editor.datelineProblem.${line.problem}`)}</span>
      )}
    </PreviewLine>
  );
}

/** The end credit of a brief, as it closes the last paragraph. */
export function EndCreditPreview({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <PreviewLine label={t('fields.endCredit')} name={t('editor.endCreditPreview')} className="end-credit-preview">
      <span>{text}</span>
    </PreviewLine>
  );
}

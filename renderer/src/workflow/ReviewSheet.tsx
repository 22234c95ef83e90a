import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { Alert, Button, Modal, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewSheet as Sheet } from '../../../shared/workflow/types';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { dateTime as when } from '../../../shared/text/dates';

const PRINT_CLASS = 'review-sheet-print';

/**
 * On paper only the sheet prints: the copy in the print portal is hidden on
 * screen, and everything else is hidden in print.
 */
const PRINT_CSS = `
.${PRINT_CLASS} { display: none; }
@media print {
  body > *:not(.${PRINT_CLASS}) { display: none !important; }
  .${PRINT_CLASS} { display: block; color: #000; font-size: 11pt; }
}
.review-sheet table { width: 100%; border-collapse: collapse; margin: 8px 0 16px; }
.review-sheet th, .review-sheet td { border: 1px solid #999; padding: 4px 8px; text-align: left; vertical-align: top; }
.review-sheet th { background: #fafafa; white-space: nowrap; }
.review-sheet h2 { text-align: center; margin: 0 0 4px; }
.review-sheet .sheet-sub { text-align: center; margin-bottom: 12px; }
.review-sheet .superseded { color: #999; text-decoration: line-through; }
`;

function ReviewSheetBody({ sheet }: { sheet: Sheet }) {
  const { t } = useTranslation();
  const a = sheet.article;
  return (
    <div className="review-sheet">
      <h2>{sheet.paperName} · {t('workflow.sheet.title')}</h2>
      <div className="sheet-sub">{t('workflow.sheet.generatedAt', { time: when(sheet.generatedAt) })}</div>
      <table aria-label={t('workflow.sheet.story')}>
        <tbody>
          <tr>
            <th>{t('workflow.sheet.headline')}</th>
            <td colSpan={3}>
              {a.kicker && <div>{a.kicker}</div>}
              <strong>{a.headline}</strong>
              {a.subheadline && <div>{a.subheadline}</div>}
            </td>
          </tr>
          <tr>
            <th>{t('workflow.sheet.desk')}</th>
            <td>{a.desk || t('workflow.sheet.none')}</td>
            <th>{t('workflow.sheet.genre')}</th>
            <td>{t(`genres.${a.genre}`, { defaultValue: a.genre })}</td>
          </tr>
          <tr>
            <th>{t('workflow.sheet.author')}</th>
            <td>{a.authorName}</td>
            <th>{t('workflow.sheet.bylines')}</th>
            <td>{a.bylineNames.join('、') || t('workflow.sheet.none')}</td>
          </tr>
          <tr>
            <th>{t('workflow.sheet.chars')}</th>
            <td>{a.charCount}</td>
            <th>{t('workflow.sheet.status')}</th>
            <td>
              {t(`status.${a.status}`)} · {t('workflow.sheet.versionN', { version: a.version })}
            </td>
          </tr>
          <tr>
            <th>{t('workflow.sheet.edition')}</th>
            <td colSpan={3}>{a.editionDate ? `${a.editionDate}${a.page ? ` · ${t('articles.pageN', { page: a.page })}` : ''}` : t('workflow.sheet.none')}</td>
          </tr>
        </tbody>
      </table>
      <table aria-label={t('workflow.sheet.levels')}>
        <thead>
          <tr>
            <th>{t('workflow.sheet.level')}</th>
            <th>{t('workflow.sheet.signer')}</th>
            <th>{t('workflow.sheet.time')}</th>
            <th>{t('workflow.sheet.revision')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.levels.map((level) => (
            <tr key={level.kind}>
              <th>{t(`workflow.sheet.kinds.${level.kind}`)}</th>
              <td>{level.signoff?.userName ?? t('workflow.sheet.none')}</td>
              <td>{level.signoff ? when(level.signoff.at) : ''}</td>
              <td>{level.signoff ? t('workflow.sheet.revisionN', { number: level.signoff.revisionNumber, version: level.signoff.articleVersion }) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table aria-label={t('workflow.sheet.history')}>
        <thead>
          <tr>
            <th>{t('workflow.sheet.time')}</th>
            <th>{t('workflow.sheet.who')}</th>
            <th>{t('workflow.sheet.step')}</th>
            <th>{t('workflow.sheet.change')}</th>
            <th>{t('workflow.sheet.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.history.length === 0 && (
            <tr>
              <td colSpan={5}>{t('workflow.sheet.noHistory')}</td>
            </tr>
          )}
          {sheet.history.map((h) => (
            <tr key={h.id}>
              <td>{when(h.at)}</td>
              <td>{h.userName}</td>
              <td>{t(`workflow.actions.${h.action}`)}</td>
              <td>
                {t(`status.${h.fromStatus}`)} → {t(`status.${h.toStatus}`)}
              </td>
              <td>{h.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sheet.signoffs.some((s) => s.supersededAt) && (
        <table aria-label={t('workflow.sheet.voided')}>
          <tbody>
            {sheet.signoffs
              .filter((s) => s.supersededAt)
              .map((s) => (
                <tr key={s.id} className="superseded">
                  <td>{t(`workflow.sheet.kinds.${s.kind}`)}</td>
                  <td>{s.userName}</td>
                  <td>{when(s.at)}</td>
                  <td>{t('workflow.sheet.voidedBy', { reason: s.supersededReason ?? '' })}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The 审稿单 in a dialog, with a print button that prints the sheet alone. */
export function ReviewSheetModal({ articleId, onClose }: { articleId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setSheet(null);
    setError(null);
    if (!articleId) return;
    api
      .call('workflow.reviewSheet', { articleId })
      .then(setSheet)
      .catch((e: unknown) => setError(errorText(e)));
  }, [articleId]);

  return (
    <Modal
      open={articleId !== null}
      title={t('workflow.sheet.title')}
      width={860}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('workflow.sheet.close')}
        </Button>,
        <Button key="print" type="primary" disabled={!sheet} onClick={() => window.print()}>
          {t('workflow.sheet.print')}
        </Button>,
      ]}
    >
      <style>{PRINT_CSS}</style>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {!sheet && !error && <Spin />}
      {sheet && <ReviewSheetBody sheet={sheet} />}
      {sheet &&
        createPortal(
          <div className={PRINT_CLASS} aria-hidden="true">
            <ReviewSheetBody sheet={sheet} />
          </div>,
          document.body,
        )}
    </Modal>
  );
}

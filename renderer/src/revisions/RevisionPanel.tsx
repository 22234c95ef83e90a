import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Modal, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../shared/domain/article';
import type { RevisionDiffResult, RevisionSummary } from '../../../shared/api/methods/revisions';
import { api } from '../api/client';
import { ArticleDiffView } from './ArticleDiffView';
import { SR_ONLY } from './DiffText';
import { errorText } from '../api/errorText';
import { busyProps } from '../components/BusyButton';
import { dateTime } from '../../../shared/text/dates';

export interface RevisionPanelProps {
  articleId: string;
  currentVersion: number;
  onRestored(article: Article): void;
}

const cell = { padding: '6px 8px', borderBottom: '1px solid #f0f0f0', textAlign: 'left' as const, whiteSpace: 'nowrap' as const };

/**
 * A story's history: who saved which version when, any two compared character by character,
 * and any one restored (as a new version: the history itself never changes).
 */
export function RevisionPanel({ articleId, currentVersion, onRestored }: RevisionPanelProps) {
  const { t } = useTranslation();
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [diff, setDiff] = useState<RevisionDiffResult | null>(null);
  const [diffError, setDiffError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<RevisionSummary | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setRevisions(await api.call('revisions.list', { articleId }));
      setError(null);
    } catch (e) {
      setError(errorText(e, t('revisions.loadFailed')));
    }
  }, [articleId, t]);

  // A new version (a save, a restore) adds a row.
  useEffect(() => {
    void load();
  }, [load, currentVersion]);

  // A restore keeps one more revision: the next number after the newest.
  const nextNumber = (revisions?.[0]?.number ?? 0) + 1;
  const pair = revisions && selected.length === 2 ? revisions.filter((r) => selected.includes(r.id)) : null;
  // The list is newest first, so the second of the pair is the older one: compare old → new.
  const fromId = pair?.[1]?.id ?? null;
  const toId = pair?.[0]?.id ?? null;

  useEffect(() => {
    setDiff(null);
    setDiffError(null);
    if (!fromId || !toId) return;
    let stale = false;
    api.call('revisions.diff', { articleId, from: fromId, to: toId }).then(
      (result) => !stale && setDiff(result),
      (e: unknown) => !stale && setDiffError(errorText(e, t('revisions.diffFailed'))),
    );
    return () => {
      stale = true;
    };
  }, [articleId, fromId, toId, t]);

  const toggle = (id: string, checked: boolean) => {
    // Picking a third version drops the one picked first, so the last two picks are compared.
    setSelected((current) => (checked ? [...current.filter((x) => x !== id), id].slice(-2) : current.filter((x) => x !== id)));
  };

  const restore = async () => {
    if (!confirming) return;
    setRestoring(true);
    try {
      const article = await api.call('revisions.restore', { articleId, revisionId: confirming.id, baseVersion: currentVersion });
      setNotice(t('revisions.restored', { from: confirming.number, to: nextNumber, version: article.version }));
      setError(null);
      onRestored(article);
      await load();
    } catch (e) {
      setError(errorText(e, t('revisions.restoreFailed')));
    } finally {
      setRestoring(false);
      setConfirming(null);
    }
  };

  const reason = (r: string) => t(`revisions.reasons.${r}`, { defaultValue: r });
  const numberOf = (id: string | null) => revisions?.find((r) => r.id === id)?.number ?? 0;

  return (
    <section className="revision-panel" aria-label={t('revisions.title')}>
      <Typography.Title level={4}>{t('revisions.title')}</Typography.Title>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 8 }} />}
      {notice && (
        <Typography.Paragraph role="status" type="success">
          {notice}
        </Typography.Paragraph>
      )}
      {revisions === null && !error && (
        <Typography.Paragraph>
          <Spin size="small" /> {t('revisions.loading')}
        </Typography.Paragraph>
      )}
      {revisions && revisions.length === 0 && <Typography.Paragraph>{t('revisions.empty')}</Typography.Paragraph>}
      {revisions && revisions.length > 0 && (
        <>
          <Typography.Paragraph type="secondary">
            {t('revisions.selectHint')} {t('revisions.numbering')}
          </Typography.Paragraph>
          <div style={{ overflowX: 'auto' }}>
            <table style={{ borderCollapse: 'collapse', width: '100%' }}>
              <caption style={SR_ONLY}>{t('revisions.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" style={cell}>{t('revisions.columns.compare')}</th>
                  <th scope="col" style={cell}>{t('revisions.columns.version')}</th>
                  <th scope="col" style={cell}>{t('revisions.columns.reason')}</th>
                  <th scope="col" style={cell}>{t('revisions.columns.who')}</th>
                  <th scope="col" style={cell}>{t('revisions.columns.when')}</th>
                  <th scope="col" style={cell}>{t('revisions.columns.chars')}</th>
                  <th scope="col" style={cell}>{t('revisions.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {revisions.map((r) => (
                  <tr key={r.id}>
                    <td style={cell}>
                      <Checkbox
                        checked={selected.includes(r.id)}
                        onChange={(e) => toggle(r.id, e.target.checked)}
                        aria-label={t('revisions.select', { number: r.number, when: dateTime(r.createdAt) })}
                      />
                    </td>
                    <td style={cell}>
                      {t('revisions.version', { number: r.number })}
                      <Typography.Text type="secondary"> · {t('revisions.versionOf', { version: r.articleVersion })}</Typography.Text>
                      {r.articleVersion === currentVersion && (
                        <Typography.Text type="secondary"> {t('revisions.current')}</Typography.Text>
                      )}
                    </td>
                    <td style={cell}>{reason(r.reason)}</td>
                    <td style={cell}>{r.createdByName}</td>
                    <td style={cell}>{dateTime(r.createdAt)}</td>
                    <td style={cell}>{r.charCount}</td>
                    <td style={cell}>
                      {r.articleVersion !== currentVersion && (
                        <Button size="small" onClick={() => setConfirming(r)} aria-label={t('revisions.restoreVersion', { number: r.number })}>
                          {t('revisions.restore')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {fromId && toId && (
        <section aria-label={t('revisions.compareTitle', { from: numberOf(fromId), to: numberOf(toId) })} aria-live="polite" style={{ marginTop: 16 }}>
          <Typography.Title level={5}>{t('revisions.compareTitle', { from: numberOf(fromId), to: numberOf(toId) })}</Typography.Title>
          {diffError && <Alert type="error" showIcon role="alert" message={diffError} />}
          {!diff && !diffError && <Spin />}
          {diff && <ArticleDiffView diff={diff} />}
        </section>
      )}
      <Modal
        open={confirming !== null}
        title={t('revisions.confirmTitle', { number: confirming?.number ?? 0 })}
        okText={t('revisions.confirmOk')}
        cancelText={t('revisions.cancel')}
        okButtonProps={busyProps(restoring)}
        onOk={() => !restoring && void restore()}
        onCancel={() => setConfirming(null)}
      >
        <Typography.Paragraph>
          {t('revisions.confirmBody', { number: confirming?.number ?? 0, next: nextNumber, version: currentVersion + 1 })}
        </Typography.Paragraph>
      </Modal>
    </section>
  );
}

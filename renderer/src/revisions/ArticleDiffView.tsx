import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticleDiff } from '../../../shared/revisions/articleDiff';
import { DiffText } from './DiffText';

/** One comparison: a character diff per changed text field, then the other changed fields by name. */
export function ArticleDiffView({ diff }: { diff: ArticleDiff }) {
  const { t } = useTranslation();
  const other = diff.otherChanged.map((key) => (key === 'body' ? t('revisions.formatting') : t(`revisions.fields.${key}`)));
  return (
    <div className="revision-diff">
      <Typography.Paragraph>
        {diff.fields.length === 0 && other.length === 0 ? t('revisions.identical') : t('revisions.summary', { added: diff.added, removed: diff.removed })}
      </Typography.Paragraph>
      {!diff.exact && <Alert type="info" showIcon message={t('revisions.approximate')} style={{ marginBottom: 12 }} />}
      {diff.fields.map((field) => (
        <section key={field.field} aria-label={t(`revisions.fields.${field.field}`)} style={{ marginBottom: 12 }}>
          <Typography.Title level={5} style={{ marginBottom: 4 }}>
            {t(`revisions.fields.${field.field}`)}
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginLeft: 8 }}>
              {t('revisions.summary', { added: field.added, removed: field.removed })}
            </Typography.Text>
          </Typography.Title>
          <DiffText parts={field.parts} insertLabel={t('revisions.inserted')} deleteLabel={t('revisions.deleted')} />
        </section>
      ))}
      {other.length > 0 && <Typography.Paragraph>{t('revisions.otherChanged', { fields: other.join('、') })}</Typography.Paragraph>}
    </div>
  );
}

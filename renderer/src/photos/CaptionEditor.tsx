import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PhotoDetail } from '../../../shared/api/methods/photos';
import { checkCaption, creditKinds, renderCaption, type CreditKind, type PhotoCredit } from '../../../shared/article/credits';
import { countChars } from '../../../shared/text/count';
import { clockTime } from '../../../shared/text/dates';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { BusyButton } from '../components/BusyButton';

interface Props {
  photo: PhotoDetail;
  canEdit: boolean;
  onSaved(photo: PhotoDetail): void;
}

const sameNames = (a: readonly string[], b: readonly string[]) => a.join('\u0000') === b.join('\u0000');

/**
 * Caption text, photographers and the credit type, with the printed caption as the page will set it
 * (the paper's templates from shared/article/credits) and the 校对 checks, live as the editor types.
 * When someone else saves the photo meanwhile, unsaved typing stays, and so does the version it
 * was based on: saving it then meets the conflict instead of overwriting their change unseen.
 */
export function CaptionEditor({ photo, canEdit, onSaved }: Props) {
  const paperShortName = photo.paperShortName;
  const { t } = useTranslation();
  const [base, setBase] = useState(photo);
  const [caption, setCaption] = useState(photo.caption);
  const [kind, setKind] = useState<CreditKind>(photo.creditKind);
  const [names, setNames] = useState<string[]>(photo.photographers);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const differsFrom = (p: PhotoDetail) => caption !== p.caption || kind !== p.creditKind || !sameNames(names, p.photographers);
  const dirty = differsFrom(base);
  const changedElsewhere = base.id === photo.id && base.version !== photo.version;

  const take = (next: PhotoDetail) => {
    setBase(next);
    setCaption(next.caption);
    setKind(next.creditKind);
    setNames(next.photographers);
    setError(null);
  };

  useEffect(() => {
    if (photo === base) return;
    if (photo.id !== base.id || !dirty || !differsFrom(photo)) take(photo);
    // On the photo alone: the typing is compared when the photo changes, not on every key.
  }, [photo]);

  const option = creditKinds.find((k) => k.value === kind)!;
  const credit: PhotoCredit = { kind, names: option.allowsNames ? names : [] };
  let printed: string | null;
  try {
    printed = renderCaption(caption, credit, { shortName: paperShortName });
  } catch {
    // A kind that names a photographer has no name yet: the checks below say so.
    printed = null;
  }
  const problems = checkCaption(caption, credit);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.call('photos.updateCaption', { photoId: base.id, version: base.version, caption, creditKind: kind, photographers: option.allowsNames ? names : [] }));
      setSavedAt(new Date());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form layout="vertical" disabled={!canEdit} onFinish={() => void save()}>
      {changedElsewhere && (
        <Alert
          type="warning"
          showIcon
          role="status"
          message={t('photoDesk.changedElsewhere', { caption: photo.caption })}
          action={
            <Button size="small" onClick={() => take(photo)}>
              {t('photoDesk.takeTheirs')}
            </Button>
          }
          style={{ marginBottom: 8 }}
        />
      )}
      <Form.Item label={t('photoDesk.caption')} htmlFor="photo-caption" extra={t('photoDesk.chars', { count: countChars(caption) })}>
        <Input.TextArea id="photo-caption" value={caption} onChange={(e) => setCaption(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item label={t('photoDesk.creditKind')} htmlFor="photo-credit-kind">
          <Select
            id="photo-credit-kind"
            style={{ width: 200 }}
            value={kind}
            onChange={setKind}
            options={creditKinds.map((k) => ({ value: k.value, label: t('photoDesk.creditKindOption', { label: t(`photoDesk.creditKinds.${k.value}`), example: k.example.replace('本报', paperShortName) }) }))}
          />
        </Form.Item>
        {option.allowsNames && (
          <Form.Item label={t('photoDesk.photographers')} htmlFor="photo-photographers">
            <Select id="photo-photographers" mode="tags" style={{ minWidth: 220 }} value={names} onChange={setNames} tokenSeparators={[' ', '、', ',', '，']} open={false} placeholder={t('photoDesk.photographersHint')} />
          </Form.Item>
        )}
      </Space>
      <section aria-label={t('photoDesk.printed')} className="photo-printed-caption">
        <Typography.Text type="secondary">{t('photoDesk.printed')}</Typography.Text>
        <p>{printed ?? caption}</p>
      </section>
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="status"
          message={t('photoDesk.checks')}
          description={
            <ul className="photo-problems">
              {problems.map((p) => (
                <li key={p.code}>{p.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 8 }} />}
      {canEdit && (
        <Space style={{ marginTop: 12 }}>
          <BusyButton type="primary" htmlType="submit" busy={saving} disabled={!dirty}>
            {t('photoDesk.saveCaption')}
          </BusyButton>
          {/* Said until the caption is changed again: the disabled button alone did not say the save went through. */}
          {savedAt && !dirty && (
            <Typography.Text type="success" role="status">
              {t('photoDesk.captionSaved', { time: clockTime(savedAt) })}
            </Typography.Text>
          )}
        </Space>
      )}
    </Form>
  );
}

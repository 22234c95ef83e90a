import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Modal, Radio, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Article, ArticleFields } from '../../../shared/domain/article';
import { diffArticles } from '../../../shared/revisions/articleDiff';
import { pickFields } from '../../../shared/article/fields';
import { mergeArticles, type MergeChoice } from '../../../shared/revisions/merge';
import { api } from '../api/client';
import { DiffText } from './DiffText';
import { errorText } from '../api/errorText';

export interface ConflictResolution {
  choice: 'mine' | 'theirs' | 'merged';
  fields: Partial<ArticleFields>;
}

export interface ConflictDialogProps {
  open: boolean;
  /** My unsaved fields (the body as Tiptap JSON); a field left out is one I did not change. */
  mine: Partial<ArticleFields>;
  /** The version someone else saved meanwhile. */
  theirs: Article;
  /** The version my edits started from. */
  baseVersion: number;
  onResolve(result: ConflictResolution): void;
}

type BaseState = { status: 'loading' } | { status: 'ready'; base: Article | null } | { status: 'failed'; message: string };

function definedOnly(fields: Partial<ArticleFields>): Partial<ArticleFields> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<ArticleFields>;
}

const column = { maxHeight: 260, overflowY: 'auto' as const, border: '1px solid #f0f0f0', borderRadius: 6, padding: '6px 10px' };

/**
 * Shown when a save meets a newer version: both sides next to each other with a character
 * diff, and three ways out. 合并 merges three-way against the version I started from when the
 * history has it; where both sides changed the same field or paragraph, I pick per conflict.
 * Nothing is dropped silently: every choice is explicit.
 */
export function ConflictDialog({ open, mine, theirs, baseVersion, onResolve }: ConflictDialogProps) {
  const { t } = useTranslation();
  const [baseState, setBaseState] = useState<BaseState>({ status: 'loading' });
  const [choices, setChoices] = useState<(MergeChoice | undefined)[]>([]);

  useEffect(() => {
    if (!open) return;
    let stale = false;
    setBaseState({ status: 'loading' });
    setChoices([]);
    api.call('revisions.getVersion', { articleId: theirs.id, version: baseVersion }).then(
      (result) => !stale && setBaseState({ status: 'ready', base: result.snapshot }),
      (e: unknown) => !stale && setBaseState({ status: 'failed', message: errorText(e, t('revisions.conflict.baseFailed')) }),
    );
    return () => {
      stale = true;
    };
  }, [open, theirs.id, baseVersion, t]);

  const theirFields = useMemo(() => pickFields(theirs), [theirs]);
  const myFields = useMemo(() => definedOnly(mine), [mine]);
  // theirs → mine: an insertion is text only I have, a deletion text only they have.
  const diff = useMemo(() => diffArticles(theirFields, { ...theirFields, ...myFields }), [theirFields, myFields]);
  const merge = useMemo(
    () => (baseState.status === 'ready' && baseState.base ? mergeArticles(pickFields(baseState.base), myFields, theirFields) : null),
    [baseState, myFields, theirFields],
  );

  const label = (field: string) => t(`revisions.fields.${field}`);
  const other = diff.otherChanged.map((key) => (key === 'body' ? t('revisions.formatting') : label(key)));
  const unresolved = merge ? merge.conflicts.filter((_, i) => !choices[i]).length : 0;

  const applyMerge = () => {
    if (!merge || unresolved > 0) return;
    onResolve({ choice: 'merged', fields: merge.resolve(choices.map((c) => c ?? 'mine')) });
  };

  return (
    <Modal
      open={open}
      title={t('revisions.conflict.title')}
      width={1000}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={[
        <Button key="theirs" onClick={() => onResolve({ choice: 'theirs', fields: theirFields })}>
          {t('revisions.conflict.takeTheirs')}
        </Button>,
        <Button key="mine" onClick={() => onResolve({ choice: 'mine', fields: mine })}>
          {t('revisions.conflict.keepMine')}
        </Button>,
        <Button key="merge" type="primary" disabled={!merge || unresolved > 0} onClick={applyMerge}>
          {t('revisions.conflict.merge')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('revisions.conflict.message', { name: theirs.updatedByName, version: theirs.version })}</Typography.Paragraph>

      {diff.fields.length === 0 && other.length === 0 && <Typography.Paragraph>{t('revisions.conflict.same')}</Typography.Paragraph>}
      {!diff.exact && <Alert type="info" showIcon message={t('revisions.approximate')} style={{ marginBottom: 12 }} />}
      {diff.fields.map((field) => (
        <section key={field.field} aria-label={label(field.field)} style={{ marginBottom: 12 }}>
          <Typography.Title level={5} style={{ marginBottom: 4 }}>
            {label(field.field)}
          </Typography.Title>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
            <div role="group" aria-label={`${label(field.field)}：${t('revisions.conflict.mine')}`}>
              <Typography.Text strong>{t('revisions.conflict.mine')}</Typography.Text>
              <div style={column}>
                <DiffText parts={field.parts} show="new" insertLabel={t('revisions.conflict.onlyMine')} deleteLabel="" />
              </div>
            </div>
            <div role="group" aria-label={`${label(field.field)}：${t('revisions.conflict.theirs', { version: theirs.version })}`}>
              <Typography.Text strong>{t('revisions.conflict.theirs', { version: theirs.version })}</Typography.Text>
              <div style={column}>
                <DiffText parts={field.parts} show="old" insertLabel="" deleteLabel={t('revisions.conflict.onlyTheirs')} />
              </div>
            </div>
          </div>
        </section>
      ))}
      {other.length > 0 && <Typography.Paragraph>{t('revisions.otherChanged', { fields: other.join('、') })}</Typography.Paragraph>}

      <section aria-label={t('revisions.conflict.mergeTitle')} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
        <Typography.Title level={5}>{t('revisions.conflict.mergeTitle')}</Typography.Title>
        {baseState.status === 'loading' && (
          <Typography.Paragraph>
            <Spin size="small" /> {t('revisions.conflict.baseLoading')}
          </Typography.Paragraph>
        )}
        {baseState.status === 'failed' && <Alert type="error" showIcon role="alert" message={baseState.message} />}
        {baseState.status === 'ready' && !merge && (
          <Typography.Paragraph>{t('revisions.conflict.baseMissing', { version: baseVersion })}</Typography.Paragraph>
        )}
        {merge && merge.conflicts.length === 0 && <Typography.Paragraph>{t('revisions.conflict.mergeClean')}</Typography.Paragraph>}
        {merge && merge.conflicts.length > 0 && (
          <>
            <Typography.Paragraph>{t('revisions.conflict.mergeConflicts', { count: merge.conflicts.length })}</Typography.Paragraph>
            {merge.conflicts.map((conflict, i) => {
              const where =
                conflict.paragraph === undefined
                  ? label(conflict.field)
                  : t('revisions.conflict.paragraph', { field: label(conflict.field), n: conflict.paragraph + 1 });
              return (
                <fieldset key={i} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '6px 10px', marginBottom: 8 }}>
                  <legend style={{ fontSize: 14, width: 'auto', margin: 0, padding: '0 4px' }}>{where}</legend>
                  <Radio.Group
                    value={choices[i]}
                    onChange={(e) => setChoices((current) => Object.assign([...current], { [i]: e.target.value as MergeChoice }))}
                  >
                    <Radio value="mine" style={{ display: 'flex', whiteSpace: 'pre-wrap' }}>
                      {t('revisions.conflict.useMine')}：{conflict.mine || t('revisions.conflict.empty')}
                    </Radio>
                    <Radio value="theirs" style={{ display: 'flex', whiteSpace: 'pre-wrap' }}>
                      {t('revisions.conflict.useTheirs')}：{conflict.theirs || t('revisions.conflict.empty')}
                    </Radio>
                  </Radio.Group>
                </fieldset>
              );
            })}
            {unresolved > 0 && <Typography.Paragraph type="secondary">{t('revisions.conflict.chooseAll', { count: unresolved })}</Typography.Paragraph>}
          </>
        )}
      </section>
    </Modal>
  );
}

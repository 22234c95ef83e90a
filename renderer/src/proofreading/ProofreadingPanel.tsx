import { useCallback, useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { Alert, App, Button, Card, Empty, Form, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { useSession } from '../stores/sessionStore';
import { FormDialog } from '../components/FormDialog';
import type { ArticleStyleReport } from '../../../shared/api/methods/proofreading';
import { summarize, type Severity } from '../../../shared/style/index';
import type { FieldFinding } from '../../../shared/proofreading/findings';
import { findingSettled, sameFindings, styleFindings, type LiveFinding } from './styleMarks';
import { loadStyleSettings } from './styleSettings';
import { dateTime } from '../../../shared/text/dates';
import { StoryProofMarks } from './StoryProofMarks';

const SEVERITY_COLOUR: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'blue' };
const NONE: readonly LiveFinding[] = [];

/**
 * The body's findings as the editor holds them. Typing elsewhere only moves them, and re-rendering
 * the list for that on every keystroke would slow typing: the list changes when the findings do.
 */
function useLiveFindings(editor: Editor | null): readonly LiveFinding[] {
  const [findings, setFindings] = useState<readonly LiveFinding[]>(() => (editor ? styleFindings(editor.state) : NONE));
  useEffect(() => {
    if (!editor) return;
    let shown = styleFindings(editor.state);
    setFindings(shown);
    const changed = () => {
      const next = styleFindings(editor.state);
      if (sameFindings(shown, next)) return;
      shown = next;
      setFindings(next);
    };
    editor.on('transaction', changed);
    return () => {
      editor.off('transaction', changed);
    };
  }, [editor]);
  return findings;
}

interface Props {
  /** an editor with the StyleMarks extension */
  editor: Editor | null;
  articleId: string;
  /** The saved version: the other fields and the 签发 gate are checked on what is saved. */
  savedVersion: number;
}

/**
 * The findings of one story: the body live from the editor, the other fields (headline parts,
 * 电头, bylines …) from the main side's check of the saved version. Loads the paper's word lists
 * and the story's ignores into the editor's StyleMarks when it mounts.
 */
export function ProofreadingPanel({ editor, articleId, savedVersion }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const live = useLiveFindings(editor);
  const canOverride = useSession((s) => s.can('workflow.review1') || s.can('workflow.review2') || s.can('workflow.review3'));
  const [report, setReport] = useState<ArticleStyleReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [overriding, setOverriding] = useState(false);
  const [overrideForm] = Form.useForm<{ reason: string }>();
  const editable = editor?.isEditable ?? false;

  const load = useCallback(async () => {
    try {
      setReport(await loadStyleSettings(editor, articleId));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [editor, articleId]);

  useEffect(() => {
    void load();
  }, [load]);

  const checkedVersion = useRef(savedVersion);
  useEffect(() => {
    if (checkedVersion.current === savedVersion) return;
    checkedVersion.current = savedVersion;
    api
      .call('proofreading.checkArticle', { articleId })
      .then(setReport)
      .catch((e: unknown) => setError(errorText(e)));
  }, [articleId, savedVersion]);

  const others = report?.findings.filter((f) => f.field !== 'body') ?? [];
  const counts = summarize([...live, ...others]);

  /**
   * Runs a fix or an ignore on the finding as the editor now holds it. In the moment after typing
   * (until the paragraph is checked again) its fix and paragraph are not yet known: say so.
   */
  const act = (f: LiveFinding, run: (now: LiveFinding) => unknown) => {
    const now = editor ? styleFindings(editor.state).find((x) => x.id === f.id) : undefined;
    if (!editor || !now) return;
    if (findingSettled(editor.state, now)) void run(now);
    else void message.info(t('proofreading.stillChecking'));
  };

  const select = (f: LiveFinding) => {
    // The listed finding may have moved since the list was drawn; its place now is the editor's.
    const now = editor ? styleFindings(editor.state).find((x) => x.id === f.id) : undefined;
    if (now) editor?.chain().focus().setTextSelection({ from: now.from, to: now.to }).scrollIntoView().run();
  };

  const ignoreForStory = async (f: Pick<FieldFinding, 'rule' | 'text' | 'paragraphHash'>) => {
    try {
      const { ignores } = await api.call('proofreading.ignore', {
        articleId,
        rule: f.rule,
        text: f.text,
        scope: 'story',
        paragraphHash: f.paragraphHash,
      });
      editor?.commands.setStyleIgnores(ignores);
      setReport(await api.call('proofreading.checkArticle', { articleId }));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const confirmOverride = async ({ reason }: { reason: string }) => {
    // The main side compares the digest with the errors it finds now, and says so when they changed.
    setReport(await api.call('proofreading.override', { articleId, findingsDigest: report?.errorsDigest ?? '', reason: reason.trim() }));
    setOverriding(false);
    setError(null);
  };

  const severityTag = (severity: Severity) => <Tag color={SEVERITY_COLOUR[severity]}>{t(`proofreading.severity.${severity}`)}</Tag>;
  const savedErrors = report?.counts.error ?? 0;

  return (
    <Card
      size="small"
      title={t('proofreading.title')}
      extra={
        <Space>
          <Button size="small" disabled={!editable || !live.some((f) => f.fixRange)} onClick={() => editor?.commands.applySafeStyleFixes()}>
            {t('proofreading.fixAll')}
          </Button>
          <Button size="small" onClick={() => void load()}>
            {t('proofreading.recheck')}
          </Button>
        </Space>
      }
    >
      <StoryProofMarks articleId={articleId} editor={editor} />
      <section aria-label={t('proofreading.title')}>
        <Typography.Paragraph role="status">{t('proofreading.counts', { ...counts })}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} role="alert" />}
        {report?.override ? (
          <Alert type="info" showIcon message={t('proofreading.overridden', { reason: report.override.reason, name: report.override.byName, at: dateTime(report.override.at) })} />
        ) : (
          savedErrors > 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('proofreading.gateBlocked', { count: savedErrors })}
              action={
                canOverride && editable ? (
                  <Button size="small" onClick={() => (overrideForm.resetFields(), setOverriding(true))}>
                    {t('proofreading.override')}
                  </Button>
                ) : undefined
              }
            />
          )
        )}

        <Typography.Title level={5}>{t('proofreading.body')}</Typography.Title>
        {live.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('proofreading.noFindings')} />
        ) : (
          <ul aria-label={t('proofreading.body')} className="proofreading-list">
            {live.map((f) => (
              <li key={f.id}>
                {severityTag(f.severity)}
                <Button type="link" size="small" onClick={() => select(f)}>
                  {f.message}
                </Button>
                <Space size={4}>
                  {editable && f.fixRange && (
                    <Button
                      size="small"
                      title={f.fixRange.replacement === '' ? t('proofreading.fixDelete', { text: f.text }) : t('proofreading.fixTo', { replacement: f.fixRange.replacement })}
                      onClick={() => act(f, (now) => editor?.commands.applyStyleFix(now.id))}
                    >
                      {t('proofreading.fix')}
                    </Button>
                  )}
                  <Button size="small" onClick={() => act(f, (now) => editor?.commands.ignoreStyleFindingOnce(now.id))}>
                    {t('proofreading.ignoreOnce')}
                  </Button>
                  {editable && (
                    <Button size="small" onClick={() => act(f, ignoreForStory)}>
                      {t('proofreading.ignoreStory')}
                    </Button>
                  )}
                </Space>
              </li>
            ))}
          </ul>
        )}

        {others.length > 0 && (
          <>
            <Typography.Title level={5}>{t('proofreading.otherFields')}</Typography.Title>
            <ul aria-label={t('proofreading.otherFields')} className="proofreading-list">
              {others.map((f) => (
                <li key={`${f.field}-${f.paragraph}-${f.rule}-${f.start}`}>
                  {severityTag(f.severity)}
                  <Typography.Text type="secondary">{t(`proofreading.fields.${f.field}`)}</Typography.Text> {f.message}
                  {editable && (
                    <Button size="small" onClick={() => void ignoreForStory(f)}>
                      {t('proofreading.ignoreStory')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <FormDialog<{ reason: string }>
        open={overriding}
        title={t('proofreading.overrideTitle')}
        okText={t('proofreading.overrideConfirm')}
        form={overrideForm}
        onSubmit={confirmOverride}
        onCancel={() => setOverriding(false)}
        failure={t('proofreading.overrideFailed')}
        before={<Typography.Paragraph>{t('proofreading.overrideIntro', { count: savedErrors })}</Typography.Paragraph>}
      >
        <Form.Item name="reason" label={t('proofreading.overrideReason')} rules={[{ required: true, whitespace: true, message: t('proofreading.overrideReasonRequired') }]}>
          <Input.TextArea maxLength={500} />
        </Form.Item>
      </FormDialog>
    </Card>
  );
}

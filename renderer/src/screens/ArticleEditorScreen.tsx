import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { Alert, App, Button, Modal, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Article, ArticleFields } from '../../../shared/domain/article';
import type { DocNode } from '../../../shared/document/docTypes';
import { countCells } from '../../../shared/text/count';
import { useRoute } from '../stores/routeStore';
import { useSession } from '../stores/sessionStore';
import { createBodyExtensions } from '../editor/bodyExtensions';
import { useArticleDraft } from '../editor/useArticleDraft';
import { useArticleForm } from '../editor/articleForm';
import { useLiveCounts } from '../editor/useLiveCounts';
import { useUnsavedGuard } from '../editor/useUnsavedGuard';
import { datelineLine, endCreditLine } from '../editor/printLines';
import type { PasteRefusalReason } from '../editor/pasteCleaner';
import { EditorToolbar } from '../editor/EditorToolbar';
import { HeadlineStack } from '../editor/HeadlineStack';
import { ArticleMetaPanel } from '../editor/ArticleMetaPanel';
import { StatusTag } from '../components/StatusTag';
import { CountBar } from '../components/CountBar';
import '../editor/editor.css';

/** How the paper names itself in a 电头; the settings API does not expose paper.shortName yet. */
const PAPER = { shortName: '本报' };
/** Characters of the first paragraph shown after the 电头, enough to read the run-on. */
const RUN_ON_CHARS = 40;

export function ArticleEditorScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const go = useRoute((s) => s.go);
  const readOnlyFolder = useSession((s) => s.system?.readOnly ?? false);
  const [panelOpen, setPanelOpen] = useState(true);

  const onRefused = useRef<(reason: PasteRefusalReason) => void>(() => undefined);
  onRefused.current = (reason) => void message.warning(t(`editor.pasteRefused.${reason}`));
  const extensions = useMemo(() => createBodyExtensions({ onRefused: (reason) => onRefused.current(reason) }), []);
  // Stable options: useEditor reconfigures the live editor whenever an option differs.
  const editorProps = useMemo(
    () => ({ attributes: { 'aria-label': t('fields.body'), role: 'textbox', 'aria-multiline': 'true', spellcheck: 'false' } }),
    [t],
  );
  const editor = useEditor({ extensions, content: null, editable: !readOnlyFolder, immediatelyRender: true, editorProps });

  const readBody = useCallback(() => (editor ? (editor.getJSON() as DocNode) : null), [editor]);
  const draft = useArticleDraft(id, readBody);
  const { article, markBodyDirty } = draft;
  const { form, update, replace } = useArticleForm(draft);
  const counts = useLiveCounts(editor);
  useUnsavedGuard(draft);

  const bodyLoaded = useRef(false);
  useEffect(() => {
    if (!editor || !article || bodyLoaded.current) return;
    bodyLoaded.current = true;
    // Not an edit: loading the story must not mark it dirty or enter the undo history.
    editor.chain().setMeta('addToHistory', false).setContent(article.body, { emitUpdate: false }).run();
  }, [editor, article]);

  useEffect(() => {
    if (!editor) return;
    const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) markBodyDirty();
    };
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
    };
  }, [editor, markBodyDirty]);

  const replaceAll = (next: Article | Partial<ArticleFields>) => {
    if (next.body && editor) editor.commands.setContent(next.body, { emitUpdate: false });
    replace(next);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void draft.save('save');
    }
  };

  if (draft.loadError) return <Alert type="error" showIcon message={draft.loadError} role="alert" />;
  if (!article || !form || !editor) return <Spin />;

  const dateline = datelineLine(form.dateline, form.bylines, PAPER);
  const endCredit = endCreditLine(form.endCredit);
  const runOn = counts.firstParagraph.slice(0, RUN_ON_CHARS);

  return (
    <div className="article-editor" onKeyDown={onKeyDown}>
      <header className="editor-header">
        <Button size="small" onClick={() => go({ name: 'articles' })}>
          {t('editor.back')}
        </Button>
        <Typography.Text strong ellipsis className="editor-title">
          {form.slug || form.headline}
        </Typography.Text>
        <StatusTag status={article.status} />
        <Typography.Text type="secondary">{t('editor.version', { version: article.version })}</Typography.Text>
        <span className="editor-header-spacer" />
        <Button size="small" aria-expanded={panelOpen} aria-controls="editor-panel" onClick={() => setPanelOpen((open) => !open)}>
          {panelOpen ? t('editor.panel.hide') : t('editor.panel.show')}
        </Button>
        <Button size="small" type="primary" onClick={() => void draft.save('save')} disabled={readOnlyFolder}>
          {t('editor.save')}
        </Button>
      </header>
      <div className="editor-main">
        <section className="editor-column" aria-label={t('editor.copy')}>
          <EditorToolbar editor={editor} />
          <div className="editor-scroll">
            <article className="editor-sheet">
              <HeadlineStack
                values={form}
                update={update}
                disabled={readOnlyFolder}
                onDone={() => editor.commands.focus('start')}
              />
              {dateline && (
                <div className="print-preview dateline-preview" role="note" aria-label={t('editor.datelinePreview')}>
                  <span className="print-preview-label" aria-hidden>
                    {t('fields.dateline')}
                  </span>
                  {dateline.problem === null ? (
                    <span>
                      <strong>{dateline.text}</strong>
                      <span className="print-preview-runon">{runOn}</span>
                    </span>
                  ) : (
                    <span className="print-preview-problem">{t(`editor.datelineProblem.${dateline.problem}`)}</span>
                  )}
                </div>
              )}
              <div className="editor-body">
                <EditorContent editor={editor} />
              </div>
              {endCredit !== '' && (
                <div className="print-preview end-credit-preview" role="note" aria-label={t('editor.endCreditPreview')}>
                  <span className="print-preview-label" aria-hidden>
                    {t('fields.endCredit')}
                  </span>
                  <span>{endCredit}</span>
                </div>
              )}
            </article>
          </div>
          <CountBar
            counts={counts}
            targetChars={form.targetChars}
            leadCells={dateline?.problem === null ? countCells(dateline.text) : 0}
            tailCells={countCells(endCredit)}
          />
        </section>
        {panelOpen && (
          <aside id="editor-panel" className="editor-panel" aria-label={t('editor.panel.label')}>
            <ArticleMetaPanel form={form} update={update} disabled={readOnlyFolder} />
          </aside>
        )}
      </div>
      <Modal
        open={draft.conflict !== null}
        title={t('conflict.title')}
        closable={false}
        maskClosable={false}
        footer={[
          <Button
            key="theirs"
            onClick={() => {
              const theirs = draft.conflict;
              if (!theirs) return;
              replaceAll(theirs);
              void draft.resolveConflict({ choice: 'theirs', fields: theirs });
            }}
          >
            {t('conflict.takeTheirs')}
          </Button>,
          <Button key="mine" type="primary" onClick={() => void draft.resolveConflict({ choice: 'mine', fields: draft.pendingFields() })}>
            {t('conflict.keepMine')}
          </Button>,
        ]}
      >
        <Typography.Paragraph>{t('conflict.message', { name: draft.conflict?.updatedByName ?? '', version: draft.conflict?.version ?? 0 })}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {t('conflict.theirHeadline')}：{draft.conflict?.headline}
        </Typography.Paragraph>
      </Modal>
      <Modal
        open={draft.recovered !== null}
        title={t('recover.title')}
        okText={t('recover.apply')}
        cancelText={t('recover.discard')}
        onOk={() => {
          if (draft.recovered) replaceAll(draft.recovered.patch);
          draft.applyRecovered(true);
        }}
        onCancel={() => draft.applyRecovered(false)}
      >
        <Typography.Paragraph>{t('recover.message', { at: draft.recovered ? new Date(draft.recovered.at).toLocaleString('zh-CN', { hour12: false }) : '' })}</Typography.Paragraph>
      </Modal>
    </div>
  );
}

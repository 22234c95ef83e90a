import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { Alert, App, Button, Drawer, Modal, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Article, ArticleFields } from '../../../shared/domain/article';
import type { DocNode } from '../../../shared/document/docTypes';
import { countCells } from '../../../shared/text/count';
import { PART_FIELDS, type LockPart } from '../../../shared/workflow/parts';
import { api } from '../api/client';
import { useRoute } from '../stores/routeStore';
import { useSession } from '../stores/sessionStore';
import { createBodyExtensions } from '../editor/bodyExtensions';
import { useArticleDraft } from '../editor/useArticleDraft';
import { useArticleForm } from '../editor/articleForm';
import { useUnsavedGuard } from '../editor/useUnsavedGuard';
import { datelineLine, endCreditLine } from '../editor/printLines';
import { storyEditRefusal } from '../editor/editRefusal';
import type { CleanPasteOptions } from '../editor/pasteExtension';
import { EditorToolbar } from '../editor/EditorToolbar';
import { ExportMenu } from '../editor/ExportMenu';
import { HeadlineStack } from '../editor/HeadlineStack';
import { DatelinePreview, EndCreditPreview } from '../editor/PrintPreview';
import { ArticleMetaPanel } from '../editor/ArticleMetaPanel';
import { StatusTag } from '../components/StatusTag';
import { CountBar } from '../components/CountBar';
import { RevisionPanel } from '../revisions/RevisionPanel';
import { ConflictDialog } from '../revisions/ConflictDialog';
import { StyleMarks } from '../proofreading/styleMarks';
import { ProofreadingPanel } from '../proofreading/ProofreadingPanel';
import { useStyleSettings } from '../proofreading/styleSettings';
import { ArticlePhotos } from '../photos/ArticlePhotos';
import { useStorySlots } from '../layout/useStorySlots';
import { CommentsPanel } from '../workflow/CommentsPanel';
import { LockBadge } from '../workflow/LockBadge';
import { WorkflowBar } from '../workflow/WorkflowBar';
import { useArticleLocks } from '../workflow/useArticleLocks';
import '../editor/editor.css';
import { dateTime, clockTime } from '../../../shared/text/dates';

/** How the paper names itself in a 电头; the settings API does not expose paper.shortName yet. */
const PAPER = { shortName: '本报' };
/** Tiptap's 'delete' extension diffs every update to report deletions nobody here listens for. */
const CORE_EXTENSIONS = { delete: false } as const;

export function ArticleEditorScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const [pasting, setPasting] = useState(false);
  const go = useRoute((s) => s.go);
  const readOnlyFolder = useSession((s) => s.system?.readOnly ?? false);
  const session = useSession((s) => s.session);
  const [panelOpen, setPanelOpen] = useState(true);
  const [historyOpen, setHistoryOpen] = useState(false);

  // The extensions live as long as the editor; the notices follow the current language.
  const notices = useRef<CleanPasteOptions | null>(null);
  notices.current = {
    // Stays until dismissed: a refused paste is easy to miss, and the user must know nothing went in.
    onRefused: (reason) =>
      notification.warning({ key: 'paste-refused', message: t(`editor.pasteRefused.${reason}`), duration: 0, placement: 'top' }),
    // In the DOM before this returns, so the frame painted before the cleaning starts shows it.
    onBusy: () => {
      flushSync(() => setPasting(true));
      return () => setPasting(false);
    },
  };
  const extensions = useMemo(
    () => [
      ...createBodyExtensions({ onRefused: (reason) => notices.current?.onRefused(reason), onBusy: () => notices.current?.onBusy() ?? (() => undefined) }),
      StyleMarks,
    ],
    [],
  );
  // Stable options, matching the live editor's: useEditor re-applies them (view.updateState) on
  // every render where one differs, which can drop a keystroke the view has not read yet.
  const editorProps = useMemo(
    () => ({ attributes: { 'aria-label': t('fields.body'), role: 'textbox', 'aria-multiline': 'true', spellcheck: 'false' } }),
    [t],
  );
  // The draft reads the body from the editor, and the editor's editability depends on the draft's story.
  const editorRef = useRef<Editor | null>(null);
  const readBody = useCallback(() => (editorRef.current?.getJSON() as DocNode | undefined) ?? null, []);
  const draft = useArticleDraft(id, readBody);
  const { article, markBodyDirty, conflict, pendingFields, absorb } = draft;
  const refusal = article ? storyEditRefusal(article, session) : null;
  const readOnly = readOnlyFolder || refusal !== null;
  // Shows fields saved elsewhere; set once the form exists (below).
  const showFields = useRef<(fields: Partial<ArticleFields>) => void>(() => undefined);
  const locks = useArticleLocks(id, {
    pendingPatch: () => draft.pendingFields(),
    onForced: (part, saved) => {
      notification.warning({
        key: 'lock-forced',
        message: t('workflow.locks.forcedAway', { part: t(`workflow.locks.${part}`) }),
        description: saved ? t('workflow.locks.keptAsRevision') : undefined,
        duration: 0,
        placement: 'top',
      });
      // What this window had not saved is on the server as a revision; the story goes on from the server's version.
      void api.call('articles.get', { id }).then((fresh) => {
        draft.adopt(fresh);
        showFields.current(fresh);
      });
    },
  });
  const headlineHolder = locks.heldByOther('headline');
  const bodyHolder = locks.heldByOther('body');
  const bodyReadOnly = readOnly || bodyHolder !== null;
  const lockedFields = useMemo(
    () => new Set([...(headlineHolder ? PART_FIELDS.headline : []), ...(bodyHolder ? PART_FIELDS.body : [])]),
    [headlineHolder, bodyHolder],
  );
  const editor = useEditor({
    extensions,
    enableCoreExtensions: CORE_EXTENSIONS,
    content: null,
    editable: !bodyReadOnly,
    immediatelyRender: true,
    editorProps,
  });
  editorRef.current = editor;
  useStyleSettings(editor, id);
  // useEditor keeps the editor's own editability when options change; it has to be set.
  useEffect(() => {
    if (editor && editor.isEditable === bodyReadOnly) editor.setEditable(!bodyReadOnly);
  }, [editor, bodyReadOnly]);
  const { form, update, replace } = useArticleForm(draft);
  useUnsavedGuard(draft);
  const slots = useStorySlots(id, article?.version);
  showFields.current = (fields) => {
    if (fields.body && editor) editor.commands.setContent(fields.body, { emitUpdate: false });
    replace(fields);
  };

  // Someone else's save or workflow step: shown here at once, except in the fields this window is editing.
  const me = session?.user.id;
  useEffect(
    () =>
      api.onEvent((event) => {
        const missed = event.type === 'events.resumed';
        if (!missed && ((event.type !== 'article.changed' && event.type !== 'article.status') || event.articleId !== id || event.byUserId === me)) return;
        void api
          .call('articles.get', { id })
          .then((fresh) => showFields.current(absorb(fresh)))
          .catch(() => undefined);
      }),
    [id, me, absorb],
  );

  // The first focus in the headline stack or the body side takes that part's lock.
  const takePart = (e: React.FocusEvent) => {
    if (readOnly) return;
    const part = (e.target as Element).closest('[data-lock-part]')?.getAttribute('data-lock-part') as LockPart | null | undefined;
    if (!part || locks.heldByOther(part)) return;
    void locks.acquire(part).then((ok) => {
      if (!ok) void message.info(t('workflow.locks.takenMeanwhile', { part: t(`workflow.locks.${part}`) }));
    });
  };

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

  // Read once per conflict: serialising a long body on every render would stall typing.
  const mine = useMemo(() => (conflict ? pendingFields() : {}), [conflict, pendingFields]);

  const replaceAll = (next: Article | Partial<ArticleFields>) => showFields.current(next);

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
  // Once the story is on a page, its slots (with any continuation) are what it has to fit.
  const slotCapacity = slots.length > 0 ? slots.reduce((n, s) => n + s.capacityChars, 0) : null;
  const slotPlaces = slots.map((s) => t('editor.slotPlace', { page: s.pageNumber, name: s.pageName })).join('、');

  return (
    <div className="article-editor" onKeyDown={onKeyDown} onFocusCapture={takePart}>
      <header className="editor-header">
        <Button size="small" onClick={() => go({ name: 'articles' })}>
          {t('editor.back')}
        </Button>
        <Typography.Text strong ellipsis className="editor-title">
          {form.slug || form.headline}
        </Typography.Text>
        <StatusTag status={article.status} />
        <Typography.Text type="secondary">{t('editor.version', { version: article.version })}</Typography.Text>
        <LockBadge articleId={id} locks={locks.locks} onTakeOver={readOnly ? undefined : locks.takeOver} />
        <span className="editor-header-spacer" />
        <Button
          size="small"
          onClick={() => {
            // A restore is based on the saved version, so pending edits are saved first.
            void draft.flush().then(() => setHistoryOpen(true));
          }}
        >
          {t('editor.history')}
        </Button>
        <ExportMenu articleId={id} flush={() => draft.flush()} />
        <Button size="small" aria-expanded={panelOpen} aria-controls="editor-panel" onClick={() => setPanelOpen((open) => !open)}>
          {panelOpen ? t('editor.panel.hide') : t('editor.panel.show')}
        </Button>
        <Button size="small" type="primary" onClick={() => void draft.save('save')} disabled={readOnly}>
          {t('editor.save')}
        </Button>
      </header>
      <div className="editor-workflow">
        <WorkflowBar
          article={article}
          onChanged={draft.rebase}
          prepare={async () => {
            await draft.flush();
            return draft.baseVersion() ?? article.version;
          }}
        />
      </div>
      {refusal && <Alert type="info" showIcon banner message={refusal} />}
      {!refusal &&
        [headlineHolder, bodyHolder].map(
          (holder) =>
            holder && (
              <Alert
                key={holder.part}
                type="warning"
                showIcon
                banner
                message={t(holder.handedOver ? 'workflow.locks.readOnlyHanded' : 'workflow.locks.readOnlyPart', {
                  part: t(`workflow.locks.${holder.part}`),
                  name: holder.userName,
                  since: clockTime(new Date(holder.acquiredAt)),
                })}
              />
            ),
        )}
      <div className="editor-main">
        <section className="editor-column" aria-label={t('editor.copy')}>
          <EditorToolbar editor={editor} />
          {pasting && (
            <div className="editor-busy" role="status">
              <Spin size="small" /> {t('editor.pasting')}
            </div>
          )}
          <div className="editor-scroll">
            <article className="editor-sheet">
              <div data-lock-part="headline">
                <HeadlineStack
                  values={form}
                  update={update}
                  disabled={readOnly || headlineHolder !== null}
                  onDone={() => editor.commands.focus('start')}
                />
              </div>
              {dateline && <DatelinePreview editor={editor} line={dateline} />}
              <div className="editor-body" data-lock-part="body">
                <EditorContent editor={editor} />
              </div>
              {endCredit !== '' && <EndCreditPreview text={endCredit} />}
            </article>
          </div>
          <CountBar
            editor={editor}
            targetChars={slotCapacity ?? form.targetChars}
            {...(slotCapacity !== null ? { targetSource: slotPlaces } : {})}
            leadCells={dateline?.problem === null ? countCells(dateline.text) : 0}
            tailCells={countCells(endCredit)}
          />
        </section>
        {panelOpen && (
          <aside id="editor-panel" className="editor-panel" aria-label={t('editor.panel.label')}>
            <Tabs
              size="small"
              // A hidden panel re-rendering on every keystroke would slow typing.
              destroyOnHidden
              items={[
                { key: 'meta', label: t('editor.panel.meta'), children: <ArticleMetaPanel form={form} update={update} disabled={readOnly} locked={lockedFields} /> },
                { key: 'proofreading', label: t('proofreading.title'), children: <ProofreadingPanel editor={editor} articleId={id} savedVersion={article.version} /> },
                { key: 'comments', label: t('comments.title'), children: <CommentsPanel articleId={id} editor={editor} flush={() => draft.flush()} /> },
                { key: 'photos', label: t('nav.photos'), children: <ArticlePhotos articleId={id} /> },
              ]}
            />
          </aside>
        )}
      </div>
      <Drawer title={t('editor.history')} open={historyOpen} onClose={() => setHistoryOpen(false)} width={620} destroyOnHidden>
        <RevisionPanel
          articleId={id}
          currentVersion={article.version}
          onRestored={(restored) => {
            draft.adopt(restored);
            replaceAll(restored);
          }}
        />
      </Drawer>
      {conflict && (
        <ConflictDialog
          open
          mine={mine}
          theirs={conflict}
          baseVersion={article.version}
          onResolve={(result) => {
            replaceAll({ ...conflict, ...result.fields });
            void draft.resolveConflict(result);
          }}
        />
      )}
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
        <Typography.Paragraph>{t('recover.message', { at: draft.recovered ? dateTime(draft.recovered.at) : '' })}</Typography.Paragraph>
      </Modal>
    </div>
  );
}

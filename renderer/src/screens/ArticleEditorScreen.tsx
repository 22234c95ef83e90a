import { useCallback, useEffect, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GENRES, type Article, type ArticleFields, type Genre } from '../../../shared/domain/article';
import type { DocNode } from '../../../shared/document/docTypes';
import { useRoute } from '../stores/routeStore';
import { useSession } from '../stores/sessionStore';
import { bodyExtensions } from '../editor/bodyExtensions';
import { useArticleDraft } from '../editor/useArticleDraft';
import { useLiveCounts } from '../editor/useLiveCounts';
import { useUnsavedGuard } from '../editor/useUnsavedGuard';
import { StatusTag } from '../components/StatusTag';
import { CountBar } from '../components/CountBar';

export function ArticleEditorScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const go = useRoute((s) => s.go);
  const readOnlyFolder = useSession((s) => s.system?.readOnly ?? false);
  const [formKey, setFormKey] = useState(0);

  const editor = useEditor({
    extensions: bodyExtensions,
    content: null,
    editable: false,
    immediatelyRender: true,
    editorProps: { attributes: { 'aria-label': t('fields.body'), role: 'textbox', 'aria-multiline': 'true' } },
  });

  const readBody = useCallback(() => (editor ? (editor.getJSON() as DocNode) : null), [editor]);
  const draft = useArticleDraft(id, readBody);
  const { article } = draft;
  const counts = useLiveCounts(editor);
  useUnsavedGuard(draft);

  useEffect(() => {
    if (!editor || !article) return;
    if (editor.isEditable || editor.getText().length > 0) return;
    editor.commands.setContent(article.body, { emitUpdate: false });
    editor.setEditable(!readOnlyFolder);
  }, [editor, article, readOnlyFolder]);

  useEffect(() => {
    if (!editor) return;
    const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) draft.markBodyDirty();
    };
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
    };
  }, [editor, draft]);

  const replaceAll = (next: Article | Partial<ArticleFields>) => {
    if (next.body && editor) editor.commands.setContent(next.body, { emitUpdate: false });
    setFormKey((k) => k + 1);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void draft.save('save');
    }
  };

  if (draft.loadError) return <Alert type="error" showIcon message={draft.loadError} role="alert" />;
  if (!article) return <Spin />;

  const setText = (key: 'kicker' | 'headline' | 'subheadline' | 'slug' | 'desk') => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    draft.setField(key, e.target.value);

  return (
    <div onKeyDown={onKeyDown}>
      <Card
        title={
          <Space>
            <Button onClick={() => go({ name: 'articles' })}>{t('editor.back')}</Button>
            <Typography.Text strong>{article.slug || article.headline}</Typography.Text>
            <StatusTag status={article.status} />
            <Typography.Text type="secondary">{t('editor.version', { version: article.version })}</Typography.Text>
          </Space>
        }
        extra={
          <Button type="primary" onClick={() => void draft.save('save')} disabled={readOnlyFolder}>
            {t('editor.save')}
          </Button>
        }
      >
        <Form layout="vertical" key={formKey} disabled={readOnlyFolder}>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label={t('fields.slug')} htmlFor="field-slug">
                <Input id="field-slug" defaultValue={article.slug} maxLength={60} onChange={setText('slug')} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label={t('fields.desk')} htmlFor="field-desk">
                <Input id="field-desk" defaultValue={article.desk} maxLength={40} onChange={setText('desk')} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item label={t('fields.genre')} htmlFor="field-genre">
                <Select<Genre>
                  id="field-genre"
                  defaultValue={article.genre}
                  onChange={(v) => draft.setField('genre', v)}
                  options={GENRES.map((g) => ({ value: g, label: t(`genres.${g}`) }))}
                />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item label={t('fields.targetChars')} htmlFor="field-target">
                <InputNumber
                  id="field-target"
                  style={{ width: '100%' }}
                  min={1}
                  max={1_000_000}
                  defaultValue={article.targetChars ?? undefined}
                  onChange={(v) => draft.setField('targetChars', typeof v === 'number' ? v : null)}
                />
              </Form.Item>
            </Col>
          </Row>
          <div className="headline-field">
            <Form.Item label={t('fields.kicker')} htmlFor="field-kicker">
              <Input id="field-kicker" defaultValue={article.kicker} maxLength={200} onChange={setText('kicker')} />
            </Form.Item>
            <Form.Item label={t('fields.headline')} htmlFor="field-headline">
              <Input id="field-headline" defaultValue={article.headline} maxLength={200} size="large" onChange={setText('headline')} />
            </Form.Item>
            <Form.Item label={t('fields.subheadline')} htmlFor="field-subheadline">
              <Input id="field-subheadline" defaultValue={article.subheadline} maxLength={200} onChange={setText('subheadline')} />
            </Form.Item>
          </div>
        </Form>
        <CountBar chars={counts.chars} paragraphs={counts.paragraphs} target={article.targetChars} />
        <div className="editor-body" style={{ marginTop: 8 }}>
          <EditorContent editor={editor} />
        </div>
      </Card>
      <Modal
        open={draft.conflict !== null}
        title={t('conflict.title')}
        closable={false}
        maskClosable={false}
        footer={[
          <Button key="theirs" onClick={() => { const theirs = draft.conflict; void draft.resolveConflict('theirs').then(() => theirs && replaceAll(theirs)); }}>
            {t('conflict.takeTheirs')}
          </Button>,
          <Button key="mine" type="primary" onClick={() => void draft.resolveConflict('mine')}>
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

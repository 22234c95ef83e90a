import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { Alert, Button, Card, Checkbox, Empty, Mentions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticleComment, CommentAnchor, Person } from '../../../shared/collaboration/types';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { anchorOfSelection, rangeOfAnchor } from './commentAnchor';
import { dateTime } from '../../../shared/text/dates';

interface Props {
  articleId: string;
  editor: Editor | null;
  /** Saves pending edits: an anchor is checked against the saved body. */
  flush(): Promise<void>;
}

function when(at: string): string {
  return dateTime(at);
}

/** A comment box with @ suggestions from the newsroom's people. */
function CommentInput({ people, value, onChange, label }: { people: Person[]; value: string; onChange(v: string): void; label: string }) {
  const { t } = useTranslation();
  return (
    <Mentions
      aria-label={label}
      autoSize={{ minRows: 2, maxRows: 6 }}
      maxLength={2000}
      value={value}
      onChange={onChange}
      options={people.filter((p) => !p.disabled).map((p) => ({ value: p.displayName, label: t('common.personWithUsername', { name: p.displayName, username: p.username }) }))}
    />
  );
}

/**
 * The story's comment threads: on the story, or on the text selected in the body; replies,
 * resolve and reopen; @姓名 notifies that person. Live: another user's comment appears as it is made.
 */
export function CommentsPanel({ articleId, editor, flush }: Props) {
  const { t } = useTranslation();
  const [comments, setComments] = useState<ArticleComment[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [onSelection, setOnSelection] = useState(false);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [reply, setReply] = useState('');
  const [showResolved, setShowResolved] = useState(false);

  const load = useCallback(() => {
    api
      .call('comments.list', { articleId })
      .then((list) => {
        setComments(list);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [articleId]);

  useEffect(() => {
    load();
    api.call('people.list', {}).then(setPeople).catch(() => setPeople([]));
    return api.onEvent((event) => {
      if ((event.type === 'comment.changed' && event.articleId === articleId) || event.type === 'events.resumed') load();
    });
  }, [articleId, load]);

  const threads = useMemo(() => {
    const roots = comments.filter((c) => c.parentId === null);
    const replies = new Map<string, ArticleComment[]>();
    for (const c of comments) if (c.parentId) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
    return roots.filter((r) => showResolved || r.resolvedAt === null).map((root) => ({ root, replies: replies.get(root.id) ?? [] }));
  }, [comments, showResolved]);
  const resolvedCount = comments.filter((c) => c.parentId === null && c.resolvedAt !== null).length;

  const run = async (call: () => Promise<unknown>): Promise<boolean> => {
    try {
      await call();
      setError(null);
      load();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };

  const add = async () => {
    let anchor: CommentAnchor | undefined;
    if (onSelection) {
      const found = editor ? anchorOfSelection(editor.state) : null;
      if (!found) {
        setError(t('comments.noSelection'));
        return;
      }
      anchor = found;
      await flush();
    }
    if (await run(() => api.call('comments.add', { articleId, text: text.trim(), ...(anchor ? { anchor } : {}) }))) {
      setText('');
      setOnSelection(false);
    }
  };

  const show = (anchor: CommentAnchor) => {
    if (!editor) return;
    const range = rangeOfAnchor(editor.state.doc, anchor);
    if (range) editor.chain().focus().setTextSelection(range).scrollIntoView().run();
    else setError(t('comments.anchorGone'));
  };

  const body = (c: ArticleComment) => (
    <>
      <Typography.Text strong>{c.authorName}</Typography.Text> <Typography.Text type="secondary">{when(c.createdAt)}</Typography.Text>
      <Typography.Paragraph className="comment-text">{c.text}</Typography.Paragraph>
    </>
  );

  return (
    <Card size="small" title={t('comments.title')}>
      <section aria-label={t('comments.title')}>
        {error && <Alert type="error" showIcon message={error} role="alert" closable onClose={() => setError(null)} />}
        <CommentInput people={people} value={text} onChange={setText} label={t('comments.new')} />
        <Space className="comment-actions">
          <Checkbox checked={onSelection} onChange={(e) => setOnSelection(e.target.checked)}>
            {t('comments.onSelection')}
          </Checkbox>
          <Button size="small" type="primary" disabled={text.trim() === ''} onClick={() => void add()}>
            {t('comments.add')}
          </Button>
        </Space>
        {resolvedCount > 0 && (
          <Checkbox checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)}>
            {t('comments.showResolved', { count: resolvedCount })}
          </Checkbox>
        )}
        {threads.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('comments.empty')} />
        ) : (
          <ul className="comment-threads" aria-label={t('comments.threads')}>
            {threads.map(({ root, replies }) => (
              <li key={root.id} className={root.resolvedAt ? 'comment-thread resolved' : 'comment-thread'}>
                {root.anchor && (
                  <Button type="link" size="small" className="comment-quote" onClick={() => show(root.anchor!)}>
                    「{root.anchor.quote}」
                  </Button>
                )}
                {body(root)}
                {root.resolvedAt && <Tag color="green">{t('comments.resolvedBy', { name: root.resolvedByName ?? '' })}</Tag>}
                {replies.length > 0 && (
                  <ul className="comment-replies">
                    {replies.map((r) => (
                      <li key={r.id}>{body(r)}</li>
                    ))}
                  </ul>
                )}
                {replyTo === root.id ? (
                  <div>
                    <CommentInput people={people} value={reply} onChange={setReply} label={t('comments.replyTo', { name: root.authorName })} />
                    <Space className="comment-actions">
                      <Button
                        size="small"
                        type="primary"
                        disabled={reply.trim() === ''}
                        onClick={() =>
                          void run(() => api.call('comments.add', { articleId, parentId: root.id, text: reply.trim() })).then((ok) => {
                            if (ok) {
                              setReply('');
                              setReplyTo(null);
                            }
                          })
                        }
                      >
                        {t('comments.sendReply')}
                      </Button>
                      <Button size="small" onClick={() => setReplyTo(null)}>
                        {t('common.cancel')}
                      </Button>
                    </Space>
                  </div>
                ) : (
                  <Space className="comment-actions">
                    <Button size="small" onClick={() => (setReply(''), setReplyTo(root.id))}>
                      {t('comments.reply')}
                    </Button>
                    <Button size="small" onClick={() => void run(() => api.call('comments.resolve', { commentId: root.id, resolved: root.resolvedAt === null }))}>
                      {root.resolvedAt === null ? t('comments.resolve') : t('comments.reopen')}
                    </Button>
                  </Space>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}

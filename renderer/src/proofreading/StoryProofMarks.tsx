import { useCallback, useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { App, Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { useRoute } from '../stores/routeStore';
import { useSession } from '../stores/sessionStore';
import type { ProofMark } from '../../../shared/proofreading/proofDesk';

/**
 * The 大样 marks on this story that the desk still has to settle: what the proofreader marked, where
 * (found in the body by paragraph and offset, as the proof printed it), and 已改 once it is fixed.
 */
export function StoryProofMarks({ articleId, editor }: { articleId: string; editor: Editor | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const go = useRoute((s) => s.go);
  const desk = useSession((s) => s.can('article.edit_any'));
  const [marks, setMarks] = useState<ProofMark[]>([]);

  const load = useCallback(() => {
    api
      .call('proofreading.storyMarks', { articleId })
      .then(setMarks)
      .catch(() => setMarks([]));
  }, [articleId]);

  useEffect(() => {
    load();
    return api.onEvent((event) => {
      if (event.type === 'layout.changed' || event.type === 'events.resumed') load();
    });
  }, [load]);

  if (marks.length === 0) return null;

  /**
   * The proof pins a mark in the printed text (the 电头 and byline included), of the version that
   * was signed; the body here may have moved on. The quote is looked for in the body, nearest the
   * paragraph it was marked in.
   */
  const select = (mark: ProofMark) => {
    if (!editor || mark.field !== 'body') return;
    const found: { from: number; distance: number }[] = [];
    let index = 0;
    editor.state.doc.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      const at = node.textContent.indexOf(mark.quote);
      if (at >= 0) found.push({ from: pos + 1 + at, distance: Math.abs(index - mark.paragraph) });
      index += 1;
      return false;
    });
    const best = found.sort((a, b) => a.distance - b.distance)[0];
    if (best) editor.chain().focus().setTextSelection({ from: best.from, to: best.from + mark.quote.length }).scrollIntoView().run();
  };

  const fixed = (mark: ProofMark) =>
    api
      .call('proofreading.setMark', { markId: mark.id, status: 'fixed', baseVersion: mark.version })
      .then(() => {
        void message.success(t('proofDesk.fixedDone', { quote: mark.quote }));
        load();
      })
      .catch((e: unknown) => void message.error(errorText(e, t('proofDesk.failed'))));

  return (
    <section aria-label={t('proofDesk.storyMarks')} className="story-proof-marks">
      <Typography.Title level={5}>{t('proofDesk.storyMarks')}</Typography.Title>
      <ul className="proofreading-list">
        {marks.map((mark) => (
          <li key={mark.id}>
            <Space size={4} wrap>
              <Tag>{t(`proofDesk.rounds.${mark.round}`)}</Tag>
              <Tag color={mark.status === 'open' ? 'red' : 'orange'}>{t(`proofDesk.status.${mark.status}`)}</Tag>
              <Button type="link" size="small" onClick={() => select(mark)}>
                “{mark.quote}”{mark.correction && ` → “${mark.correction}”`}
              </Button>
            </Space>
            {mark.note && <div className="proof-marks__note">{mark.note}</div>}
            <Space size={4}>
              {desk && mark.status === 'open' && (
                <Button size="small" type="primary" onClick={() => void fixed(mark)}>
                  {t('proofDesk.fix')}
                </Button>
              )}
              <Button size="small" onClick={() => go({ name: 'proof', pageId: mark.pageId })}>
                {t('proofDesk.open')}
              </Button>
            </Space>
          </li>
        ))}
      </ul>
    </section>
  );
}

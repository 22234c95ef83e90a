import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { useRoute } from '../stores/routeStore';
import { useSession } from '../stores/sessionStore';
import { BusyButton } from '../components/BusyButton';
import type { ProofMark, ProofSheet } from '../../../shared/proofreading/proofDesk';
import { anchorBetween, findOnProof, marksInRun, printedParagraphs, type ProofAnchor } from './proofSheet';
import { clockTime } from '../../../shared/text/dates';
import './proofDesk.css';

const STATUS_COLOUR: Record<ProofMark['status'], string> = { open: 'red', fixed: 'orange', checked: 'green' };
const REFRESH_DELAY_MS = 300;

/** The characters before `node`'s `offset` inside a run's element (its text may be split by marks). */
function offsetIn(runElement: Element, node: Node, offset: number): number {
  let count = 0;
  const walker = document.createTreeWalker(runElement, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (text === node) return count + offset;
    count += text.textContent?.length ?? 0;
  }
  // The selection ends on the element itself: offset counts child nodes.
  return node === runElement ? Math.min(count, [...runElement.childNodes].slice(0, offset).reduce((n, c) => n + (c.textContent?.length ?? 0), 0)) : count;
}

/**
 * 校对 on the 大样: the page proof on screen, set line by line exactly as the PDF proof sets it. The
 * proofreader selects the wrong characters on the page (or types them), says what they should
 * read, and the mark is pinned there; the desk fixes the story and says so; the proofreader checks
 * the fix off. The rounds run 一校, 二校, 三校, 通读 — finishing 通读 is the 校对's sign-off.
 */
export function PageProofScreen({ pageId }: { pageId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const go = useRoute((s) => s.go);
  const can = useSession((s) => s.can);
  const proofreader = can('proof.mark');
  const desk = can('article.edit_any');
  const [sheet, setSheet] = useState<ProofSheet | null>(null);
  const [error, setError] = useState<string | null>(null);
  // null until the page is first shown: then it fits the width of the screen.
  const [scale, setScale] = useState<number | null>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [picked, setPicked] = useState<ProofAnchor | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm<{ quote: string; correction?: string; note?: string }>();
  const pageRef = useRef<HTMLDivElement | null>(null);

  const load = useCallback(() => {
    api
      .call('proofreading.proofSheet', { pageId })
      .then((next) => {
        setSheet(next);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e, t('proofDesk.loadFailed'))));
  }, [pageId, t]);

  useEffect(() => {
    load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.onEvent((event) => {
      if (event.type === 'layout.changed' || event.type === 'events.resumed' || event.type === 'article.changed' || event.type === 'article.status') {
        clearTimeout(timer);
        timer = setTimeout(load, REFRESH_DELAY_MS);
      }
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [load]);

  // Shown large enough to read (body type at about 13 px), or the whole width when the screen is wider.
  useEffect(() => {
    if (!sheet || scale !== null || !scrollRef.current) return;
    const room = scrollRef.current.clientWidth - 40;
    setScale(Math.min(2, Math.max(1.5, Math.floor((room / sheet.widthPt) * 20) / 20)));
  }, [sheet, scale]);

  const paragraphs = useMemo(() => (sheet ? printedParagraphs(sheet.runs) : []), [sheet]);
  const numbered = useMemo(() => (sheet ? sheet.marks.map((mark, i) => ({ mark, number: i + 1 })) : []), [sheet]);

  if (error) return <Alert type="error" showIcon role="alert" message={error} />;
  if (!sheet) return <Spin />;

  const locked = sheet.page.status === 'signed' || sheet.page.status === 'printed';
  const { status } = sheet;
  const title = t('proofDesk.title', { date: sheet.page.editionDate, number: sheet.page.number, name: sheet.page.name });

  /** A selection on the proof becomes the mark's place and its 原文. */
  const onSelect = () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.anchorNode || !selection.focusNode || !proofreader || locked) return;
    const ends = [selection.anchorNode, selection.focusNode].map((node) => {
      const element = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest('[data-run]');
      const run = element ? sheet.runs[Number(element.getAttribute('data-run'))] : undefined;
      return element && run ? { element, run } : null;
    });
    const [a, b] = ends;
    if (!a || !b) return;
    const anchor = anchorBetween(
      paragraphs,
      { run: a.run, offset: offsetIn(a.element, selection.anchorNode, selection.anchorOffset) },
      { run: b.run, offset: offsetIn(b.element, selection.focusNode, selection.focusOffset) },
    );
    if (!anchor) {
      void message.info(t('proofDesk.oneParagraph'));
      return;
    }
    setPicked(anchor);
    form.setFieldsValue({ quote: anchor.quote });
  };

  const addMark = async (values: { quote: string; correction?: string; note?: string }) => {
    const quote = values.quote.trim();
    const found = picked && picked.quote === quote ? { anchor: picked, occurrences: 1 } : findOnProof(paragraphs, quote);
    if (!found) {
      void message.error(t('proofDesk.notOnPage', { quote }));
      return;
    }
    setBusy('add');
    try {
      await api.call('proofreading.addMark', { pageId, ...found.anchor, ...(values.correction?.trim() ? { correction: values.correction.trim() } : {}), ...(values.note?.trim() ? { note: values.note.trim() } : {}) });
      void message.success(found.occurrences > 1 ? t('proofDesk.markedFirst', { quote, count: found.occurrences }) : t('proofDesk.marked', { quote }));
      form.resetFields();
      setPicked(null);
      window.getSelection()?.removeAllRanges();
      load();
    } catch (e) {
      void message.error(errorText(e, t('proofDesk.failed')));
    } finally {
      setBusy(null);
    }
  };

  const setMark = async (mark: ProofMark, next: ProofMark['status']) => {
    setBusy(mark.id);
    try {
      await api.call('proofreading.setMark', { markId: mark.id, status: next, baseVersion: mark.version });
      load();
    } catch (e) {
      void message.error(errorText(e, t('proofDesk.failed')));
    } finally {
      setBusy(null);
    }
  };

  const finishRound = async () => {
    const round = status.currentRound;
    if (round === null) return;
    setBusy('round');
    try {
      await api.call('proofreading.finishRound', { pageId, round });
      void message.success(round === 4 ? t('proofDesk.signedOff', { number: sheet.page.number }) : t('proofDesk.roundDone', { round: t(`proofDesk.rounds.${round}`) }));
      load();
    } catch (e) {
      void message.error(errorText(e, t('proofDesk.failed')));
    } finally {
      setBusy(null);
    }
  };

  const zoom = scale ?? 1;
  const px = (pt: number) => pt * zoom;
  const roundText =
    status.currentRound === null
      ? t('proofDesk.done', { name: status.rounds.at(-1)?.userName ?? '', at: clockTime(new Date(status.rounds.at(-1)?.at ?? ''), false) })
      : status.stale
        ? t('proofDesk.stale')
        : t('proofDesk.current', { round: t(`proofDesk.rounds.${status.currentRound}`) });

  return (
    <div className="proof-desk">
      <header className="proof-desk__bar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Text role="status" aria-label={t('proofDesk.roundLabel')}>
          {roundText}
          {status.rounds.length > 0 && ` · ${t('proofDesk.finished', { rounds: status.rounds.map((r) => `${t(`proofDesk.rounds.${r.round}`)}（${r.userName}）`).join('、') })}`}
        </Typography.Text>
        <span className="proof-desk__spacer" />
        <Button size="small" onClick={() => setScale(Math.max(0.5, zoom - 0.25))} aria-label={t('layout.zoomOut')}>
          −
        </Button>
        <span aria-live="polite">{Math.round(zoom * 100)}%</span>
        <Button size="small" onClick={() => setScale(Math.min(3, zoom + 0.25))} aria-label={t('layout.zoomIn')}>
          +
        </Button>
        <Button size="small" onClick={() => go({ name: 'layout', date: sheet.page.editionDate, pageId })}>
          {t('proofDesk.toBoard')}
        </Button>
        {proofreader && status.currentRound !== null && !locked && (
          <BusyButton size="small" type="primary" busy={busy === 'round'} onClick={() => void finishRound()}>
            {status.currentRound === 4 ? t('proofDesk.signOff') : t('proofDesk.finishRound', { round: t(`proofDesk.rounds.${status.currentRound}`) })}
          </BusyButton>
        )}
      </header>
      {locked && <Alert type="info" showIcon banner message={t('proofDesk.locked')} />}
      <div className="proof-desk__main">
        <div className="proof-desk__scroll" ref={scrollRef}>
          <div
            ref={pageRef}
            className="proof-page"
            role="document"
            aria-label={t('proofDesk.pageLabel', { number: sheet.page.number, name: sheet.page.name })}
            style={{ width: px(sheet.widthPt), height: px(sheet.heightPt) }}
            onMouseUp={onSelect}
          >
            <div className="proof-page__area" style={{ left: px(sheet.typeArea.x), top: px(sheet.typeArea.y), width: px(sheet.typeArea.width), height: px(sheet.typeArea.height) }} />
            {sheet.slots.map((slot) => (
              <div key={slot.id} className={`proof-page__slot proof-page__slot--${slot.kind}`} style={{ left: px(slot.x), top: px(slot.y), width: px(slot.width), height: px(slot.height) }}>
                {slot.kind !== 'article' && <span className="proof-page__label">{slot.label}</span>}
              </div>
            ))}
            {sheet.runs.map((run, i) => {
              const ranges = marksInRun(run, numbered);
              const parts: React.ReactNode[] = [];
              let at = 0;
              for (const r of ranges) {
                if (r.from > at) parts.push(run.text.slice(at, r.from));
                parts.push(
                  <mark key={`${r.number}-${r.from}`} className={`proof-mark proof-mark--${r.status}`}>
                    {run.text.slice(Math.max(at, r.from), r.to)}
                  </mark>,
                );
                at = Math.max(at, r.to);
              }
              if (at < run.text.length) parts.push(run.text.slice(at));
              // A mark's pin stands in the margin before the line its characters start on, as a proofreader's would.
              const pinned = ranges.map((r) => numbered[r.number - 1]!.mark).filter((mark) => mark.start >= run.source!.start);
              return (
                <span key={i} data-run={i} className="proof-page__run" style={{ left: px(run.x), top: px(run.y), fontSize: px(run.size), letterSpacing: px(run.spacing) }}>
                  {pinned.map((mark, k) => {
                    const number = numbered.findIndex((n) => n.mark.id === mark.id) + 1;
                    // The number is drawn by CSS: no character of it joins the proof's text or a selection's offsets.
                    return (
                      <a
                        key={mark.id}
                        href={`#proof-mark-${mark.id}`}
                        className={`proof-pin proof-pin--${mark.status}`}
                        style={{ left: `${-1.45 * (k + 1)}em` }}
                        data-number={number}
                        aria-label={t('proofDesk.pinLabel', { number, quote: mark.quote, correction: mark.correction || t('proofDesk.seeNote') })}
                        onClick={(e) => {
                          e.preventDefault();
                          document.getElementById(`proof-mark-${mark.id}`)?.scrollIntoView({ block: 'nearest' });
                        }}
                      />
                    );
                  })}
                  {parts}
                </span>
              );
            })}
          </div>
        </div>
        <aside className="proof-desk__side" aria-label={t('proofDesk.side')}>
          {proofreader && !locked && (
            <Card size="small" title={t('proofDesk.newMark')}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('proofDesk.howTo')}
              </Typography.Paragraph>
              <Form form={form} layout="vertical" size="small" onFinish={(values) => void addMark(values)}>
                <Form.Item name="quote" label={t('proofDesk.quote')} rules={[{ required: true, whitespace: true, message: t('proofDesk.quoteRequired') }, { max: 200 }]}>
                  <Input onChange={() => setPicked(null)} />
                </Form.Item>
                <Form.Item name="correction" label={t('proofDesk.correction')} rules={[{ max: 200 }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="note" label={t('proofDesk.note')} rules={[{ max: 500 }]}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <BusyButton type="primary" htmlType="submit" busy={busy === 'add'}>
                  {t('proofDesk.add')}
                </BusyButton>
              </Form>
            </Card>
          )}
          <Card size="small" title={t('proofDesk.marks', { count: sheet.marks.length, open: status.open, fixed: status.fixed })}>
            {sheet.marks.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('proofDesk.noMarks')} />
            ) : (
              <ol className="proof-marks" aria-label={t('proofDesk.marksList')}>
                {numbered.map(({ mark, number }) => (
                  <li key={mark.id} id={`proof-mark-${mark.id}`} className="proof-marks__item" aria-label={t('proofDesk.markLabel', { number, quote: mark.quote })}>
                    <Space size={4} wrap>
                      <span className={`proof-pin proof-pin--inline proof-pin--${mark.status}`}>{number}</span>
                      <Tag>{t(`proofDesk.rounds.${mark.round}`)}</Tag>
                      <Tag color={STATUS_COLOUR[mark.status]}>{t(`proofDesk.status.${mark.status}`)}</Tag>
                      <Typography.Text type="secondary">《{mark.headline}》</Typography.Text>
                    </Space>
                    <div className="proof-marks__text">
                      “{mark.quote}”{mark.correction && <> → “{mark.correction}”</>}
                    </div>
                    {mark.note && <div className="proof-marks__note">{mark.note}</div>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('proofDesk.by', { name: mark.createdByName })}
                      {mark.fixedByName && ` · ${t('proofDesk.fixedBy', { name: mark.fixedByName })}`}
                      {mark.checkedByName && ` · ${t('proofDesk.checkedBy', { name: mark.checkedByName })}`}
                    </Typography.Text>
                    {!locked && (
                      <Space size={4} wrap className="proof-marks__actions">
                        {desk && mark.status === 'open' && (
                          <>
                            <Button size="small" onClick={() => go({ name: 'article', id: mark.articleId })}>
                              {t('proofDesk.openStory')}
                            </Button>
                            <BusyButton size="small" type="primary" busy={busy === mark.id} onClick={() => void setMark(mark, 'fixed')}>
                              {t('proofDesk.fix')}
                            </BusyButton>
                          </>
                        )}
                        {proofreader && mark.status !== 'checked' && (
                          <BusyButton size="small" type="primary" busy={busy === mark.id} onClick={() => void setMark(mark, 'checked')}>
                            {t('proofDesk.check')}
                          </BusyButton>
                        )}
                        {proofreader && mark.status !== 'open' && (
                          <Button size="small" onClick={() => void setMark(mark, 'open')}>
                            {t('proofDesk.reopen')}
                          </Button>
                        )}
                      </Space>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </aside>
      </div>
    </div>
  );
}

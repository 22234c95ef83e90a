import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { Alert, App, Button, Empty, Segmented, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { base64ToBytes, JSON_FILE, PDF_FILE, saveFile } from '../api/saveFile';
import { useSession } from '../stores/sessionStore';
import { useRoute } from '../stores/routeStore';
import { errorText } from '../api/errorText';
import { SLOT_KINDS, type BudgetStory, type EditionSummary, type PageStatus, type SlotKind, type SlotRect } from '../../../shared/layout/board';
import { fitBoard } from '../../../shared/layout/boardFit';
import { continuationSize } from '../../../shared/layout/continuation';
import { clampRect, findFreeRect, slotRefusal } from '../../../shared/layout/slotRules';
import { dateTime } from '../../../shared/text/dates';
import { useBoard } from './boardStore';
import { gridMetrics, snap } from './gridMetrics';
import { PageBoard } from './PageBoard';
import { PageList } from './PageList';
import { SlotInspector } from './SlotInspector';
import { StoryBudget } from './StoryBudget';
import { EditionOverview } from './EditionOverview';
import { NewEditionButton } from './NewEditionButton';
import { TemplateEditor } from './TemplateEditor';
import { PageSignBar } from './PageSignBar';
import { PageCreditsButton } from './PageCreditsButton';
import './layout.css';
import { BusyButton } from '../components/BusyButton';

/** A new story slot's size before the layout editor adjusts it: 3 columns, 40 lines. */
const NEW_SLOT = { columns: 3, lines: 40 };
const REFRESH_DELAY_MS = 300;

/** 版面: the page board with the edition's pages, the story budget, live copy-fit, jumps, proofs and 签版. */
export function LayoutScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useSession((s) => s.can);
  const layoutDesk = can('layout.edit');
  const { board, pageId, slotId, zoom, error, past, future, load, refresh, selectPage, selectSlot, setZoom, addSlot, moveSlot, updateSlot, removeSlot, addPage, movePage, removePage, undo, redo } = useBoard();
  const [editions, setEditions] = useState<EditionSummary[] | null>(null);
  const [view, setView] = useState<'board' | 'overview'>('board');
  const [dragging, setDragging] = useState<BudgetStory | null>(null);
  const [busy, setBusy] = useState(false);
  const [newKind, setNewKind] = useState<Exclude<SlotKind, 'article'>>('ad');
  const pageRef = useRef<HTMLDivElement | null>(null);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));

  const loadEditions = useCallback(
    (select?: string) =>
      api.call('layout.editions', {}).then((list) => {
        setEditions(list);
        const date = select ?? useBoard.getState().date ?? list[0]?.date;
        if (date && (select || !useBoard.getState().board)) void load(date);
        else void useBoard.getState().refresh();
      }),
    [load],
  );

  useEffect(() => {
    // Opened on a page (from 待我处理): that page of that edition.
    const wanted = useRoute.getState().route;
    if (wanted.name === 'layout' && wanted.date && wanted.pageId) {
      useBoard.setState({ pageId: wanted.pageId });
      void loadEditions(wanted.date);
    } else {
      void loadEditions();
    }
  }, [loadEditions]);

  // The board follows text edits, approvals and other layout editors' changes: the main side says what changed.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.onEvent((event) => {
      const edition = useBoard.getState().board?.edition.id;
      const layoutHere = event.type === 'layout.changed' && event.editionId === edition;
      if (layoutHere || event.type === 'events.resumed' || event.type === 'article.changed' || event.type === 'article.status' || event.type === 'article.deleted') {
        clearTimeout(timer);
        timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
      }
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [refresh]);

  const run = useCallback(
    async (action: () => Promise<unknown>, fallback = t('layout.errors.generic')) => {
      try {
        await action();
      } catch (e) {
        message.error(errorText(e, fallback));
        await refresh();
      }
    },
    [message, refresh, t],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (!(e.ctrlKey || e.metaKey)) return;
      if (e.key.toLowerCase() === 'z' && !e.shiftKey) {
        e.preventDefault();
        void run(undo);
      } else if (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey)) {
        e.preventDefault();
        void run(redo);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, undo, redo]);

  const stories = useMemo(() => new Map((board?.stories ?? []).map((s) => [s.id, s])), [board]);
  const templates = useMemo(() => new Map((board?.templates ?? []).map((tpl) => [tpl.id, tpl.spec])), [board]);
  const fit = useMemo(() => (board ? fitBoard({ pages: board.pages, templates, stories }) : null), [board, templates, stories]);
  const page = board?.pages.find((p) => p.id === pageId) ?? null;
  const template = page ? templates.get(page.templateId) : undefined;
  const metrics = template ? gridMetrics(template, zoom) : null;
  const placed = useMemo(() => new Set((board?.pages ?? []).flatMap((p) => p.slots.flatMap((s) => (s.articleId ? [s.articleId] : [])))), [board]);
  const selected = page?.slots.find((s) => s.id === slotId) ?? null;
  // A signed or printed page is locked: nothing on it is edited until the chief undoes the 签版.
  const locked = page?.status === 'signed' || page?.status === 'printed';
  const editable = layoutDesk && !locked;

  if (editions === null) return <Spin />;
  if (editions.length === 0) return <Empty description={t('layout.noEdition')} />;
  if (!board || !fit) return error ? <Alert type="error" message={error} /> : <Spin />;

  /** Checks a rectangle on the client with the main side's words, then sends it. */
  const tryRect = (id: string, rect: SlotRect) => {
    if (!page || !template) return;
    const why = slotRefusal(rect, template, page.slots, id);
    if (why) {
      message.error(why);
      return;
    }
    void run(() => moveSlot(id, rect));
  };

  const placeStory = (story: BudgetStory, at?: { col: number; line: number }) => {
    if (!page || !template) return;
    const rect = at ? clampRect({ ...at, ...NEW_SLOT }, template) : findFreeRect(NEW_SLOT, template, page.slots);
    if (!rect) {
      message.error(t('layout.errors.full'));
      return;
    }
    const why = slotRefusal(rect, template, page.slots);
    if (why) {
      message.error(why);
      return;
    }
    void run(() => addSlot({ pageId: page.id, kind: 'article', articleId: story.id, ...rect }));
  };

  const addEmptySlot = () => {
    if (!page || !template) return;
    const rect = findFreeRect({ columns: 2, lines: 20 }, template, page.slots);
    if (!rect) {
      message.error(t('layout.errors.full'));
      return;
    }
    void run(() => addSlot({ pageId: page.id, kind: newKind, ...rect, label: '' }));
  };

  const onDragStart = (e: DragStartEvent) => {
    const storyId = e.active.data.current?.storyId as string | undefined;
    setDragging(storyId ? (stories.get(storyId) ?? null) : null);
  };

  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null);
    if (!page || !metrics || !template) return;
    const storyId = e.active.data.current?.storyId as string | undefined;
    const movedId = e.active.data.current?.slotId as string | undefined;
    if (storyId) {
      const box = pageRef.current?.getBoundingClientRect();
      const start = e.activatorEvent as PointerEvent;
      if (!box || !e.over) return;
      const x = start.clientX + e.delta.x - box.left;
      const y = start.clientY + e.delta.y - box.top;
      const story = stories.get(storyId);
      if (story) placeStory(story, { col: Math.floor(x / metrics.colPx), line: Math.floor(y / metrics.linePx) });
    } else if (movedId) {
      const slot = page.slots.find((s) => s.id === movedId);
      if (!slot) return;
      const { cols, lines } = snap(e.delta.x, e.delta.y, metrics);
      if (cols !== 0 || lines !== 0) tryRect(slot.id, { ...slot, col: slot.col + cols, line: slot.line + lines });
    }
  };

  const exportProof = (grey?: boolean) =>
    run(async () => {
      if (!page) return;
      setBusy(true);
      try {
        const proof = await api.call('layout.proof', { pageId: page.id, ...(grey === undefined ? {} : { grey }) });
        await saveFile(proof.fileName, base64ToBytes(proof.dataBase64), PDF_FILE);
        message.success(t('layout.proof.done', { name: proof.fileName }));
        // A face that fell back or a photo below print resolution: the desk should know before the proof goes round.
        for (const warning of proof.warnings) message.warning(warning);
      } finally {
        setBusy(false);
      }
    });

  const exportPlan = () =>
    run(async () => {
      if (!page) return;
      const plan = await api.call('layout.pagePlan', { pageId: page.id });
      await saveFile(`${board.edition.date}-第${page.number}版-版面计划.json`, new TextEncoder().encode(JSON.stringify(plan, null, 2)), JSON_FILE);
    });

  /** The zoom at which the whole page shows in the board's visible area (the part of it inside the window). */
  const fitPage = () => {
    const area = scrollRef.current;
    if (!area || !template) return;
    const style = getComputedStyle(area);
    const box = area.getBoundingClientRect();
    const width = Math.min(box.right, window.innerWidth) - Math.max(box.left, 0) - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const height = Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0) - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    const full = gridMetrics(template, 1);
    setZoom(Math.floor(Math.min(width / full.widthPx, height / full.heightPx) * 100) / 100);
  };

  const pageTotals = page ? fit.pages.get(page.id) : undefined;
  const pageJumps = page ? fit.jumps.filter((j) => page.slots.some((s) => s.id === j.jumpId)) : [];

  return (
    <div className="layout-screen">
      <header className="layout-toolbar">
        <Space wrap>
          <Select
            aria-label={t('layout.edition')}
            value={board.edition.date}
            style={{ width: 220 }}
            onChange={(date) => void load(date)}
            options={editions.map((e) => ({ value: e.date, label: t('layout.editionItem', { date: e.date, issue: e.issueNumber }) }))}
          />
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'board' | 'overview')}
            options={[
              { value: 'board', label: t('layout.views.board') },
              { value: 'overview', label: t('layout.views.overview') },
            ]}
          />
          {layoutDesk && <NewEditionButton current={board.edition} onCreated={(date) => void loadEditions(date)} />}
          {can('settings.manage') && <TemplateEditor templates={board.templates} onSaved={() => void refresh()} />}
          <Typography.Text>{t('layout.totals.edition', { ...fit.edition })}</Typography.Text>
        </Space>
      </header>
      {view === 'overview' ? (
        <EditionOverview
          board={board}
          fit={fit}
          onOpen={(id) => {
            selectPage(id);
            setView('board');
          }}
        />
      ) : (
        <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
          <div className="layout-main">
            <PageList
              board={board}
              fit={fit}
              pageId={pageId}
              editable={layoutDesk}
              onSelect={selectPage}
              onMove={(id, number) => void run(() => movePage(id, number))}
              onRemove={(id, confirm) =>
                run(async () => {
                  const returned = await removePage(id, confirm);
                  if (returned.length > 0) message.info(t('layout.pages.returned', { count: returned.length }));
                })
              }
              onAdd={(name, templateId) => void run(() => addPage({ editionId: board.edition.id, pageName: name, templateId }))}
            />
            <section className="layout-center" aria-label={t('layout.center')}>
              {page && template && metrics ? (
                <>
                  <div className="layout-pagebar">
                    <Space wrap>
                      <Typography.Title level={4} style={{ margin: 0 }}>
                        {t('layout.pages.item', { number: page.number, name: page.name })}
                      </Typography.Title>
                      {editable ? (
                        <Select
                          size="small"
                          aria-label={t('layout.pageStatus')}
                          value={page.status}
                          style={{ width: 100 }}
                          onChange={(status: PageStatus) => void run(() => api.call('layout.updatePage', { pageId: page.id, status }).then(refresh))}
                          options={(['unplanned', 'in_progress', 'ready'] as const).map((s) => ({ value: s, label: t(`layout.pageStatuses.${s}`) }))}
                        />
                      ) : (
                        <Typography.Text>
                          {t(`layout.pageStatuses.${page.status}`)}
                          {page.signedByName ? t('layout.sign.by', { name: page.signedByName }) : ''}
                        </Typography.Text>
                      )}
                      {page.changedSinceSign && <Typography.Text type="danger">{t('layout.pages.changed')}</Typography.Text>}
                      {pageTotals && <Typography.Text>{t('layout.totals.page', { ...pageTotals })}</Typography.Text>}
                    </Space>
                    <Space wrap>
                      <Button size="small" onClick={() => setZoom(zoom - 0.25)} aria-label={t('layout.zoomOut')}>
                        −
                      </Button>
                      <span aria-live="polite">{Math.round(zoom * 100)}%</span>
                      <Button size="small" onClick={() => setZoom(zoom + 0.25)} aria-label={t('layout.zoomIn')}>
                        +
                      </Button>
                      <Button size="small" onClick={fitPage}>
                        {t('layout.zoomFit')}
                      </Button>
                      {editable && (
                        <>
                          <Select
                            size="small"
                            aria-label={t('layout.newSlot.kind')}
                            value={newKind}
                            style={{ width: 110 }}
                            onChange={setNewKind}
                            options={SLOT_KINDS.filter((k) => k !== 'article').map((k) => ({ value: k, label: t(`layout.slotKinds.${k}`) }))}
                          />
                          <Button size="small" onClick={() => addEmptySlot()}>
                            {t('layout.newSlot.add')}
                          </Button>
                          <Button size="small" disabled={past.length === 0} onClick={() => void run(undo)}>
                            {t('layout.undo')}
                          </Button>
                          <Button size="small" disabled={future.length === 0} onClick={() => void run(redo)}>
                            {t('layout.redo')}
                          </Button>
                        </>
                      )}
                      <Button size="small" onClick={() => useRoute.getState().go({ name: 'proof', pageId: page.id })}>
                        {t('proofDesk.open')}
                      </Button>
                      <BusyButton size="small" busy={busy} onClick={() => void exportProof()}>
                        {t('layout.proof.export')}
                      </BusyButton>
                      <Button size="small" disabled={busy} onClick={() => void exportProof(true)}>
                        {t('layout.proof.grey')}
                      </Button>
                      {editable && <PageCreditsButton page={page} onSaved={refresh} />}
                      <Button size="small" onClick={() => void exportPlan()}>
                        {t('layout.plan.export')}
                      </Button>
                      {can('page.sign') && <PageSignBar board={board} page={page} template={template} fit={fit} onChanged={refresh} />}
                    </Space>
                  </div>
                  {locked && (
                    <Alert
                      type="info"
                      showIcon
                      banner
                      message={
                        page.status === 'printed'
                          ? t('layout.sign.printedBanner')
                          : t('layout.sign.locked', { name: page.signedByName ?? '', at: page.signedAt ? dateTime(page.signedAt) : '' })
                      }
                    />
                  )}
                  {pageJumps.length > 0 && <Alert type="error" showIcon message={t('layout.jumps.broken')} description={pageJumps.map((j) => j.message).join('；')} />}
                  <div className="layout-scroll" ref={scrollRef}>
                    <PageBoard
                      ref={pageRef}
                      page={page}
                      template={template}
                      metrics={metrics}
                      fit={fit}
                      stories={stories}
                      selectedSlotId={slotId}
                      editable={editable}
                      onSelect={selectSlot}
                      onRect={tryRect}
                      onRemove={(id) => void run(() => removeSlot(id))}
                    />
                  </div>
                </>
              ) : (
                <Empty description={t('layout.noPage')} />
              )}
            </section>
            <aside className="layout-side">
              {selected && page && (
                <SlotInspector
                  key={selected.id}
                  slot={selected}
                  story={selected.articleId ? stories.get(selected.articleId) : undefined}
                  fit={fit.slots.get(selected.id)}
                  pages={board.pages}
                  editable={editable}
                  onRect={(rect) => tryRect(selected.id, rect)}
                  onOptions={(patch) => void run(() => updateSlot(selected.id, patch))}
                  onJump={(targetId) =>
                    void run(async () => {
                      const target = board.pages.find((p) => p.id === targetId);
                      const targetTemplate = target ? templates.get(target.templateId) : undefined;
                      if (!target || !targetTemplate) return;
                      const size = continuationSize({ pages: board.pages, templates, stories, sourceSlotId: selected.id, targetPageId: target.id });
                      if (!size) {
                        message.info(t('layout.jumps.nothingLeft'));
                        return;
                      }
                      const rect = findFreeRect(size, targetTemplate, target.slots);
                      if (!rect) {
                        message.error(t('layout.errors.full'));
                        return;
                      }
                      await addSlot({ pageId: target.id, kind: 'article', continuesFrom: selected.id, ...rect });
                      message.success(t('layout.jumps.done', { number: target.number }));
                    })
                  }
                  onRemove={() => void run(() => removeSlot(selected.id))}
                />
              )}
              <StoryBudget date={board.edition.date} stories={board.stories} placed={placed} editable={editable} onPlace={(story) => placeStory(story)} />
            </aside>
          </div>
          <DragOverlay>{dragging ? <div className="layout-drag">{dragging.headline}</div> : null}</DragOverlay>
        </DndContext>
      )}
    </div>
  );
}

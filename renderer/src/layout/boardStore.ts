import { create } from 'zustand';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import type { InputOf } from '../../../shared/api/contract';
import type { EditionBoard, LayoutPage, LayoutSlot, SlotRect } from '../../../shared/layout/board';

/** One undoable board step: what to send to undo it and to redo it. */
interface Step {
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

interface BoardState {
  date: string | null;
  board: EditionBoard | null;
  pageId: string | null;
  slotId: string | null;
  zoom: number;
  error: string | null;
  past: Step[];
  future: Step[];
  load(date: string): Promise<void>;
  refresh(): Promise<void>;
  selectPage(pageId: string): void;
  selectSlot(slotId: string | null): void;
  setZoom(zoom: number): void;
  addSlot(input: InputOf<'layout.addSlot'>): Promise<LayoutSlot>;
  moveSlot(slotId: string, rect: SlotRect): Promise<void>;
  updateSlot(slotId: string, patch: Partial<Pick<LayoutSlot, 'textColumns' | 'photoColumns' | 'photoId' | 'headlinePt'>>): Promise<void>;
  removeSlot(slotId: string): Promise<void>;
  addPage(input: InputOf<'layout.addPage'>): Promise<void>;
  movePage(pageId: string, number: number): Promise<void>;
  /** A page holding slots goes only with `confirm`; returns the stories that went back to the budget. */
  removePage(pageId: string, confirm: boolean): Promise<string[]>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const MAX_STEPS = 100;
/** A broadsheet page fits a small laptop screen at 25 %; 300 % shows a line's characters large. */
const MIN_ZOOM = 0.25;
const MAX_ZOOM = 3;

function slotOf(board: EditionBoard | null, slotId: string): LayoutSlot | undefined {
  return board?.pages.flatMap((p) => p.slots).find((s) => s.id === slotId);
}

function pageOf(board: EditionBoard | null, pageId: string): LayoutPage | undefined {
  return board?.pages.find((p) => p.id === pageId);
}

/** What layout.addSlot needs to put a removed slot back as it was. */
function slotInput(slot: LayoutSlot): InputOf<'layout.addSlot'> {
  return {
    pageId: slot.pageId,
    kind: slot.kind,
    col: slot.col,
    line: slot.line,
    columns: slot.columns,
    lines: slot.lines,
    ...(slot.articleId && !slot.continuesFrom ? { articleId: slot.articleId } : {}),
    ...(slot.continuesFrom ? { continuesFrom: slot.continuesFrom } : {}),
    textColumns: slot.textColumns,
    photoId: slot.photoId,
    photoColumns: slot.photoColumns,
    headlinePt: slot.headlinePt,
    label: slot.label,
  };
}

/** Fields of a slot the board changes in place (geometry and options). */
type SlotPatch = Partial<Pick<LayoutSlot, 'col' | 'line' | 'columns' | 'lines' | 'textColumns' | 'photoColumns' | 'photoId' | 'headlinePt'>>;

/** The board with a slot as its save returned it (moved to its page when that changed). */
function withSlot(board: EditionBoard, saved: LayoutSlot): EditionBoard {
  const pages = board.pages.map((p) => {
    if (!p.slots.some((s) => s.id === saved.id)) return p.id === saved.pageId ? { ...p, slots: [...p.slots, saved] } : p;
    return { ...p, slots: p.id === saved.pageId ? p.slots.map((s) => (s.id === saved.id ? saved : s)) : p.slots.filter((s) => s.id !== saved.id) };
  });
  return { ...board, pages };
}

function patched(board: EditionBoard, changes: readonly { slotId: string; patch: SlotPatch }[]): EditionBoard {
  if (changes.length === 0) return board;
  const apply = (slot: LayoutSlot) => changes.reduce((s, c) => (c.slotId === s.id ? { ...s, ...c.patch } : s), slot);
  return { ...board, pages: board.pages.map((p) => ({ ...p, slots: p.slots.map(apply) })) };
}

/**
 * The board as the main side last returned it, the selection and the undo history. Every change
 * goes to the main side (it checks the grid and permissions), one after another: each save is based
 * on the slot's version the save before it produced, never on a board fetched before that save
 * returned, so a quick run of changes by one user is never taken for someone else's. A slot change
 * shows at once and stays shown until its save answers; a refusal (a real change by someone else
 * included) puts the board back as the main side has it.
 */
export const useBoard = create<BoardState>((set, get) => {
  const record = (step: Step) => set((s) => ({ past: [...s.past.slice(-MAX_STEPS + 1), step], future: [] }));

  /**
   * Undoing a removal puts the page or slot back under a new id; steps recorded with the old id
   * reach the new one through this map.
   */
  const renamed = new Map<string, string>();
  const current = (id: string): string => {
    let at = id;
    for (let next = renamed.get(at); next !== undefined; next = renamed.get(at)) at = next;
    return at;
  };

  /** Writes and refetches in the order they were asked for. */
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };

  /** The board as the main side has it, with the slots this window saved since merged in. */
  let base: EditionBoard | null = null;
  /** Slot changes shown before their save answers, in the order they were made. */
  const shown: { slotId: string; patch: SlotPatch }[] = [];
  const publish = () => {
    if (base) set({ board: patched(base, shown) });
  };

  const fetchBoard = async () => {
    const date = get().date;
    if (!date) return;
    try {
      const board = await api.call('layout.board', { date });
      if (get().date !== date) return;
      base = board;
      const pageId = board.pages.some((p) => p.id === get().pageId) ? get().pageId : (board.pages[0]?.id ?? null);
      set({ board: patched(board, shown), pageId, error: null });
    } catch (error) {
      set({ error: errorText(error) });
    }
  };

  /** Adds a slot as recorded, on the page and after the slot it continues from as they are now. */
  const addSlotNow = async (input: InputOf<'layout.addSlot'>, was: string): Promise<void> => {
    const created = await api.call('layout.addSlot', { ...input, pageId: current(input.pageId), ...(input.continuesFrom ? { continuesFrom: current(input.continuesFrom) } : {}) });
    renamed.set(current(was), created.id);
  };

  /** Saves a slot change on top of the slot's last saved version, and keeps what the main side returns. */
  const saveSlot = async (slotId: string, patch: SlotPatch) => {
    const slot = slotOf(base, slotId);
    if (!slot) return;
    const saved = await api.call('layout.updateSlot', { slotId, baseVersion: slot.version, col: slot.col, line: slot.line, columns: slot.columns, lines: slot.lines, ...patch });
    if (base) base = withSlot(base, saved);
    publish();
  };

  /** Shows a slot change at once and saves it after the changes before it. */
  const change = async (slotId: string, patch: SlotPatch) => {
    const entry = { slotId, patch };
    shown.push(entry);
    publish();
    try {
      await serial(() => saveSlot(slotId, patch));
    } finally {
      shown.splice(shown.indexOf(entry), 1);
      publish();
    }
  };

  return {
    date: null,
    board: null,
    pageId: null,
    slotId: null,
    zoom: 1,
    error: null,
    past: [],
    future: [],

    async load(date) {
      set({ date, past: [], future: [], slotId: null });
      await get().refresh();
    },

    refresh: () => serial(fetchBoard),

    selectPage: (pageId) => set({ pageId, slotId: null }),
    selectSlot: (slotId) => set({ slotId }),
    setZoom: (zoom) => set({ zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(zoom * 100) / 100)) }),

    async moveSlot(slotId, rect) {
      const before = slotOf(get().board, slotId);
      if (!before) return;
      const from: SlotRect = { col: before.col, line: before.line, columns: before.columns, lines: before.lines };
      await change(slotId, rect);
      record({ undo: () => saveSlot(current(slotId), from), redo: () => saveSlot(current(slotId), rect) });
    },

    updateSlot: (slotId, patch) => change(slotId, patch),

    addSlot: (input) =>
      serial(async () => {
        const created = await api.call('layout.addSlot', input);
        await fetchBoard();
        set({ slotId: created.id });
        record({
          undo: async () => {
            await api.call('layout.removeSlot', { slotId: current(created.id) });
            await fetchBoard();
          },
          redo: async () => {
            await addSlotNow(input, created.id);
            await fetchBoard();
          },
        });
        return created;
      }),

    removeSlot: (slotId) =>
      serial(async () => {
        const slot = slotOf(base, slotId);
        if (!slot) return;
        await api.call('layout.removeSlot', { slotId });
        set({ slotId: null });
        await fetchBoard();
        record({
          undo: async () => {
            await addSlotNow(slotInput(slot), slotId);
            await fetchBoard();
          },
          redo: async () => {
            await api.call('layout.removeSlot', { slotId: current(slotId) });
            await fetchBoard();
          },
        });
      }),

    addPage: (input) =>
      serial(async () => {
        const created = await api.call('layout.addPage', input);
        await fetchBoard();
        set({ pageId: created.id, slotId: null });
        record({
          undo: async () => {
            await api.call('layout.removePage', { pageId: current(created.id) });
            await fetchBoard();
          },
          redo: async () => {
            renamed.set(current(created.id), (await api.call('layout.addPage', input)).id);
            await fetchBoard();
          },
        });
      }),

    movePage: (pageId, number) =>
      serial(async () => {
        const from = pageOf(base, pageId)?.number;
        if (from === undefined) return;
        const move = async (to: number) => {
          await api.call('layout.movePage', { pageId: current(pageId), number: to });
          await fetchBoard();
        };
        await move(number);
        record({ undo: () => move(from), redo: () => move(number) });
      }),

    removePage: (pageId, confirm) =>
      serial(async () => {
        const page = pageOf(base, pageId);
        if (!page) return [];
        const { returnedArticleIds } = await api.call('layout.removePage', { pageId, confirm });
        set({ slotId: null });
        await fetchBoard();
        record({
          // The page comes back at its number with its slots and their stories; a continuation follows the slot it continues.
          undo: async () => {
            const created = await api.call('layout.addPage', { editionId: page.editionId, pageName: page.name, templateId: page.templateId, colour: page.colour });
            renamed.set(current(pageId), created.id);
            if (created.number !== page.number) await api.call('layout.movePage', { pageId: created.id, number: page.number });
            if (page.status !== 'unplanned' && page.status !== 'signed') await api.call('layout.updatePage', { pageId: created.id, status: page.status });
            const continuations = page.slots.filter((s) => s.continuesFrom !== null && page.slots.some((from) => from.id === s.continuesFrom));
            for (const slot of page.slots.filter((s) => !continuations.includes(s))) await addSlotNow(slotInput(slot), slot.id);
            for (const slot of continuations) await addSlotNow(slotInput(slot), slot.id);
            await fetchBoard();
            set({ pageId: created.id });
          },
          redo: async () => {
            await api.call('layout.removePage', { pageId: current(pageId), confirm: true });
            await fetchBoard();
          },
        });
        return returnedArticleIds;
      }),

    undo: () =>
      serial(async () => {
        const step = get().past.at(-1);
        if (!step) return;
        await step.undo();
        set((s) => ({ past: s.past.slice(0, -1), future: [...s.future, step] }));
      }),

    redo: () =>
      serial(async () => {
        const step = get().future.at(-1);
        if (!step) return;
        await step.redo();
        set((s) => ({ future: s.future.slice(0, -1), past: [...s.past, step] }));
      }),
  };
});

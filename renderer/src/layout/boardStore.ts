import { create } from 'zustand';
import { api } from '../api/client';
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

/**
 * The board as the main side last returned it, the selection and the undo history. Every change
 * goes to the main side first (it checks the grid and permissions) and the board is then refetched.
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
  /** Adds a slot as recorded, on the page and after the slot it continues from as they are now. */
  const addSlotNow = async (input: InputOf<'layout.addSlot'>, was: string): Promise<void> => {
    const created = await api.call('layout.addSlot', { ...input, pageId: current(input.pageId), ...(input.continuesFrom ? { continuesFrom: current(input.continuesFrom) } : {}) });
    renamed.set(current(was), created.id);
  };

  /** Geometry by slot id, reading the current version each time: an undo after a refetch must not conflict. */
  const place = async (slotId: string, rect: SlotRect) => {
    const slot = slotOf(get().board, slotId);
    if (!slot) return;
    await api.call('layout.updateSlot', { slotId, baseVersion: slot.version, ...rect });
    await get().refresh();
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

    async refresh() {
      const date = get().date;
      if (!date) return;
      try {
        const board = await api.call('layout.board', { date });
        const pageId = board.pages.some((p) => p.id === get().pageId) ? get().pageId : (board.pages[0]?.id ?? null);
        set({ board, pageId, error: null });
      } catch (error) {
        set({ error: error instanceof Error ? error.message : String(error) });
      }
    },

    selectPage: (pageId) => set({ pageId, slotId: null }),
    selectSlot: (slotId) => set({ slotId }),
    setZoom: (zoom) => set({ zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(zoom * 100) / 100)) }),

    async addSlot(input) {
      const created = await api.call('layout.addSlot', input);
      await get().refresh();
      set({ slotId: created.id });
      record({
        undo: async () => {
          await api.call('layout.removeSlot', { slotId: current(created.id) });
          await get().refresh();
        },
        redo: async () => {
          await addSlotNow(input, created.id);
          await get().refresh();
        },
      });
      return created;
    },

    async moveSlot(slotId, rect) {
      const before = slotOf(get().board, slotId);
      if (!before) return;
      const from: SlotRect = { col: before.col, line: before.line, columns: before.columns, lines: before.lines };
      await place(slotId, rect);
      record({ undo: () => place(current(slotId), from), redo: () => place(current(slotId), rect) });
    },

    async updateSlot(slotId, patch) {
      const slot = slotOf(get().board, slotId);
      if (!slot) return;
      await api.call('layout.updateSlot', { slotId, baseVersion: slot.version, col: slot.col, line: slot.line, columns: slot.columns, lines: slot.lines, ...patch });
      await get().refresh();
    },

    async removeSlot(slotId) {
      const slot = slotOf(get().board, slotId);
      if (!slot) return;
      await api.call('layout.removeSlot', { slotId });
      set({ slotId: null });
      await get().refresh();
      record({
        undo: async () => {
          await addSlotNow(slotInput(slot), slotId);
          await get().refresh();
        },
        redo: async () => {
          await api.call('layout.removeSlot', { slotId: current(slotId) });
          await get().refresh();
        },
      });
    },

    async addPage(input) {
      const created = await api.call('layout.addPage', input);
      await get().refresh();
      set({ pageId: created.id, slotId: null });
      record({
        undo: async () => {
          await api.call('layout.removePage', { pageId: current(created.id) });
          await get().refresh();
        },
        redo: async () => {
          renamed.set(current(created.id), (await api.call('layout.addPage', input)).id);
          await get().refresh();
        },
      });
    },

    async movePage(pageId, number) {
      const from = pageOf(get().board, pageId)?.number;
      if (from === undefined) return;
      const move = async (to: number) => {
        await api.call('layout.movePage', { pageId: current(pageId), number: to });
        await get().refresh();
      };
      await move(number);
      record({ undo: () => move(from), redo: () => move(number) });
    },

    async removePage(pageId, confirm) {
      const page = pageOf(get().board, pageId);
      if (!page) return [];
      const { returnedArticleIds } = await api.call('layout.removePage', { pageId, confirm });
      set({ slotId: null });
      await get().refresh();
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
          await get().refresh();
          set({ pageId: created.id });
        },
        redo: async () => {
          await api.call('layout.removePage', { pageId: current(pageId), confirm: true });
          await get().refresh();
        },
      });
      return returnedArticleIds;
    },

    async undo() {
      const step = get().past.at(-1);
      if (!step) return;
      await step.undo();
      set((s) => ({ past: s.past.slice(0, -1), future: [...s.future, step] }));
    },

    async redo() {
      const step = get().future.at(-1);
      if (!step) return;
      await step.redo();
      set((s) => ({ future: s.future.slice(0, -1), past: [...s.past, step] }));
    },
  };
});

import { create } from 'zustand';
import { api } from '../api/client';
import type { InputOf } from '../../../shared/api/contract';
import type { EditionBoard, LayoutSlot, SlotRect } from '../../../shared/layout/board';

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
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const MAX_STEPS = 100;

function slotOf(board: EditionBoard | null, slotId: string): LayoutSlot | undefined {
  return board?.pages.flatMap((p) => p.slots).find((s) => s.id === slotId);
}

/**
 * The board as the main side last returned it, the selection and the undo history. Every change
 * goes to the main side first (it checks the grid and permissions) and the board is then refetched.
 */
export const useBoard = create<BoardState>((set, get) => {
  const record = (step: Step) => set((s) => ({ past: [...s.past.slice(-MAX_STEPS + 1), step], future: [] }));

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
    setZoom: (zoom) => set({ zoom: Math.min(3, Math.max(0.5, Math.round(zoom * 100) / 100)) }),

    async addSlot(input) {
      const created = await api.call('layout.addSlot', input);
      let id = created.id;
      await get().refresh();
      set({ slotId: id });
      record({
        undo: async () => {
          await api.call('layout.removeSlot', { slotId: id });
          await get().refresh();
        },
        redo: async () => {
          id = (await api.call('layout.addSlot', input)).id;
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
      record({ undo: () => place(slotId, from), redo: () => place(slotId, rect) });
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
      let id = slotId;
      const input: InputOf<'layout.addSlot'> = {
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
      record({
        undo: async () => {
          id = (await api.call('layout.addSlot', input)).id;
          await get().refresh();
        },
        redo: async () => {
          await api.call('layout.removeSlot', { slotId: id });
          await get().refresh();
        },
      });
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

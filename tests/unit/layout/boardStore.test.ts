import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openHarness, type Client, type Harness } from '../../support/coreHarness';
import { ApiError } from '../../../shared/api/errors';
import type { LayoutSlot } from '../../../shared/layout/board';

/** The board store talks to a real core, each answer arriving after a delay as over a slow link or a busy machine. */
const link = vi.hoisted(() => ({ client: null as null | { raw(method: string, input: unknown): Promise<{ ok: boolean; result?: unknown; error?: unknown }> }, delayMs: 40 }));

vi.mock('../../../renderer/src/api/client', () => ({
  api: {
    async call(method: string, input: unknown) {
      const response = await link.client!.raw(method, input);
      await new Promise((resolve) => setTimeout(resolve, link.delayMs));
      if (!response.ok) throw ApiError.fromPayload(response.error as never);
      return response.result;
    },
    onEvent: () => () => {},
  },
}));

const { useBoard } = await import('../../../renderer/src/layout/boardStore');

let harness: Harness;
let layout: Client;
let otherSession: Client;
let date: string;

let itemId: string;

/** A short item on page 1, as the board shows it. */
function shortItem(): LayoutSlot {
  return useBoard.getState().board!.pages[0]!.slots.find((s) => s.id === itemId)!;
}

beforeAll(async () => {
  harness = await openHarness({ demo: true });
  layout = await harness.as('layout');
  otherSession = await harness.as('layout');
  link.client = layout;
  date = (await layout.call('layout.editions', {}))[0]!.date;
});
afterAll(() => harness.close());
beforeEach(async () => {
  await useBoard.getState().load(date);
  // A short item on the demo's full front page: it can shrink, not grow.
  itemId ??= useBoard.getState().board!.pages[0]!.slots.find((s) => s.kind === 'article' && s.lines === 14)!.id;
});

describe('one layout editor changing a slot several times in a row', () => {
  it('each change is saved on the version the one before produced: no conflict, and the board ends where the user left it', async () => {
    const start = shortItem();
    const { moveSlot, updateSlot } = useBoard.getState();
    // Three arrow-key nudges, each computed from the slot as the board shows it, and two panel edits, none waiting for the one before.
    const nudge = () => {
      const slot = useBoard.getState().board!.pages[0]!.slots.find((s) => s.id === start.id)!;
      return moveSlot(slot.id, { col: slot.col, line: slot.line, columns: slot.columns, lines: slot.lines - 1 });
    };
    const changes = [nudge(), nudge(), nudge(), updateSlot(start.id, { headlinePt: [16] }), updateSlot(start.id, { textColumns: 3 })];
    const shown = useBoard.getState().board!.pages[0]!.slots.find((s) => s.id === start.id)!;
    expect(shown.lines).toBe(start.lines - 3);
    const outcomes = await Promise.allSettled(changes);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    const saved = (await layout.call('layout.board', { date })).pages[0]!.slots.find((s) => s.id === start.id)!;
    expect(saved).toMatchObject({ lines: start.lines - 3, headlinePt: [16], textColumns: 3, version: start.version + 5 });
    expect(shortItem()).toMatchObject({ lines: start.lines - 3, version: start.version + 5 });
    // and the undo history holds the three nudges
    await useBoard.getState().undo();
    expect(shortItem().lines).toBe(start.lines - 2);
  });

  it('a change another session made in between still meets the conflict, and the board shows the slot as the main side has it', async () => {
    const start = shortItem();
    await otherSession.call('layout.updateSlot', { slotId: start.id, baseVersion: start.version, col: start.col, line: start.line, columns: start.columns, lines: start.lines - 1 });
    const refused = useBoard.getState().moveSlot(start.id, { col: start.col, line: start.line, columns: start.columns, lines: start.lines - 2 });
    await expect(refused).rejects.toThrow('这个稿位刚被别人改过');
    await useBoard.getState().refresh();
    expect(shortItem()).toMatchObject({ lines: start.lines - 1, version: start.version + 1 });
  });
});

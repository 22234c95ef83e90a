import { create } from 'zustand';
import type { DeskConnection } from '../../../shared/api/desk';
import { api } from '../api/client';
import { useSession } from './sessionStore';

interface ConnectionState {
  /** null in a browser, and until the desktop's main side has answered */
  connection: DeskConnection | null;
  /** Follows the main side's connection; returns the function that stops following. */
  follow(): () => void;
}

const sameNewsroom = (a: DeskConnection | null, b: DeskConnection) =>
  a !== null && a.mode === b.mode && (a.mode === 'local' || (b.mode === 'remote' && a.address === b.address));

/**
 * Which newsroom this desktop works in. When it becomes another one (chosen in this window or
 * another), every window starts again at that newsroom's sign-in or first-run screen.
 */
export const useConnection = create<ConnectionState>((set, get) => ({
  connection: null,
  follow() {
    const desk = api.desk;
    if (!desk) return () => undefined;
    const take = (next: DeskConnection) => {
      const before = get().connection;
      set({ connection: next });
      if (before !== null && !sameNewsroom(before, next)) void useSession.getState().boot();
    };
    const stop = desk.onConnection(take);
    void desk.connection().then((current) => {
      if (get().connection === null) set({ connection: current });
    });
    return stop;
  },
}));

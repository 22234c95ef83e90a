import { create } from 'zustand';
import type { SessionInfo, SetupStatus, SystemInfo } from '../../../shared/domain/session';
import type { Privilege } from '../../../shared/domain/roles';
import type { SessionEndReason } from '../../../shared/api/events';
import { ApiError } from '../../../shared/api/errors';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { backedUpStories, clearBackupsOf } from '../editor/draftBackup';
import { discardOpenDrafts, saveOpenDrafts } from '../editor/openDrafts';

type Phase = 'loading' | 'first-run' | 'login' | 'ready' | 'unavailable';

interface SessionState {
  phase: Phase;
  setup: SetupStatus | null;
  session: SessionInfo | null;
  system: SystemInfo | null;
  error: string | null;
  /** Why the last session ended without this window signing out, for the sign-in screen to say. */
  endedBecause: SessionEndReason | null;
  boot(): Promise<void>;
  signedIn(session: SessionInfo): Promise<void>;
  /**
   * Saves what the open stories have pending, then signs out and clears this user's local copies
   * of unsaved edits (the next person at the workstation must not find them). When some edits
   * could not be saved, `confirmLoss` is asked first with their number; false stays signed in.
   * Resolves whether the user was signed out.
   */
  signOut(confirmLoss?: (stories: number) => Promise<boolean>): Promise<boolean>;
  expired(reason?: SessionEndReason): void;
  can(privilege: Privilege): boolean;
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'loading',
  setup: null,
  session: null,
  system: null,
  error: null,
  endedBecause: null,
  async boot() {
    try {
      const setup = await api.call('setup.status', {});
      if (!setup.initialized) {
        set({ phase: 'first-run', setup, session: null });
        return;
      }
      try {
        const session = await api.call('auth.me', {});
        await get().signedIn(session);
        set({ setup });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') set({ phase: 'login', setup, session: null });
        else throw error;
      }
    } catch (error) {
      set({ phase: 'unavailable', error: errorText(error) });
    }
  },
  async signedIn(session) {
    const system = await api.call('system.info', {});
    const setup = await api.call('setup.status', {});
    set({ phase: 'ready', session, system, setup, error: null, endedBecause: null });
  },
  async signOut(confirmLoss = async () => true) {
    const userId = get().session?.user.id ?? null;
    const open = await saveOpenDrafts();
    const unsaved = new Set([...open, ...(userId === null ? [] : backedUpStories(userId))]);
    if (unsaved.size > 0 && !(await confirmLoss(unsaved.size))) return false;
    discardOpenDrafts();
    try {
      await api.call('auth.logout', {});
    } finally {
      if (userId !== null) clearBackupsOf(userId);
      set({ phase: 'login', session: null });
    }
    return true;
  },
  expired(reason) {
    set({ phase: 'login', session: null, error: null, endedBecause: reason ?? 'expired' });
  },
  can(privilege) {
    return get().session?.privileges.includes(privilege) ?? false;
  },
}));

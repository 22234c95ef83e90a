import { create } from 'zustand';
import type { SessionInfo, SetupStatus, SystemInfo } from '../../../shared/domain/session';
import type { Privilege } from '../../../shared/domain/roles';
import { ApiError } from '../../../shared/api/errors';
import { api } from '../api/client';

type Phase = 'loading' | 'first-run' | 'login' | 'ready' | 'unavailable';

interface SessionState {
  phase: Phase;
  setup: SetupStatus | null;
  session: SessionInfo | null;
  system: SystemInfo | null;
  error: string | null;
  boot(): Promise<void>;
  signedIn(session: SessionInfo): Promise<void>;
  signOut(): Promise<void>;
  expired(): void;
  can(privilege: Privilege): boolean;
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'loading',
  setup: null,
  session: null,
  system: null,
  error: null,
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
      set({ phase: 'unavailable', error: (error as Error).message });
    }
  },
  async signedIn(session) {
    const system = await api.call('system.info', {});
    const setup = await api.call('setup.status', {});
    set({ phase: 'ready', session, system, setup, error: null });
  },
  async signOut() {
    try {
      await api.call('auth.logout', {});
    } finally {
      set({ phase: 'login', session: null });
    }
  },
  expired() {
    set({ phase: 'login', session: null, error: null });
  },
  can(privilege) {
    return get().session?.privileges.includes(privilege) ?? false;
  },
}));

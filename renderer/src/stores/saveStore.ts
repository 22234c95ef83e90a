import { create } from 'zustand';

type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

interface SaveState {
  status: SaveStatus;
  savedAt: Date | null;
  message: string | null;
  setStatus(status: SaveStatus, message?: string | null): void;
  markSaved(at: Date): void;
}

/** The editor reports here; the status bar shows it. */
export const useSaveState = create<SaveState>((set) => ({
  status: 'idle',
  savedAt: null,
  message: null,
  setStatus: (status, message = null) => set({ status, message }),
  markSaved: (at) => set({ status: 'saved', savedAt: at, message: null }),
}));

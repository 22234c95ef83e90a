import { create } from 'zustand';

/** Requests from menus or shortcuts that a screen picks up when it is showing. */
interface CommandState {
  newArticleRequested: number;
  requestNewArticle(): void;
}

export const useCommands = create<CommandState>((set) => ({
  newArticleRequested: 0,
  requestNewArticle: () => set((s) => ({ newArticleRequested: s.newArticleRequested + 1 })),
}));

import { useEffect } from 'react';
import type { Editor } from '@tiptap/react';
import type { ArticleStyleReport } from '../../../shared/api/methods/proofreading';
import { compileWordLists } from '../../../shared/style/index';
import { toWordLists } from '../../../shared/proofreading/wordLists';
import { api } from '../api/client';

/**
 * Gives the editor's StyleMarks the paper's word lists and this story's ignores, and returns the
 * main side's check of the saved version (the fields other than the body).
 */
export async function loadStyleSettings(editor: Editor | null, articleId: string): Promise<ArticleStyleReport> {
  const [lists, checked] = await Promise.all([api.call('proofreading.getWordLists', {}), api.call('proofreading.checkArticle', { articleId })]);
  if (editor && !editor.isDestroyed) {
    editor.chain().setStyleWordLists(compileWordLists(toWordLists(lists))).setStyleIgnores(checked.ignores).run();
  }
  return checked;
}

/** The marks follow the paper's lists from the moment the story opens, whether or not the 校对 panel is shown. */
export function useStyleSettings(editor: Editor | null, articleId: string): void {
  useEffect(() => {
    void loadStyleSettings(editor, articleId).catch(() => undefined);
  }, [editor, articleId]);
}

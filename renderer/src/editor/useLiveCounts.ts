import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { docToParagraphs } from '../../../shared/document/docText';
import { textStats, type TextStats } from '../../../shared/text/count';
import type { DocNode } from '../../../shared/document/docTypes';

const EMPTY: TextStats = { chars: 0, cells: 0, paragraphs: 0 };

/** Counts after a short pause in typing, so a long story never stalls a keystroke. */
export function useLiveCounts(editor: Editor | null, delayMs = 150): TextStats {
  const [stats, setStats] = useState<TextStats>(EMPTY);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const recount = () => setStats(textStats(docToParagraphs(editor.getJSON() as DocNode)));
    const onUpdate = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(recount, delayMs);
    };
    recount();
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [editor, delayMs]);
  return stats;
}

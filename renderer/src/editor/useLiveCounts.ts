import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { createBodyCounter, EMPTY_COUNTS, type BodyCounts } from './bodyCounter';

/**
 * Live body counts. Recounting is incremental (one paragraph per keystroke) and runs after a
 * short pause, off the keystroke's own frame.
 */
export function useLiveCounts(editor: Editor | null, delayMs = 80): BodyCounts {
  const [counts, setCounts] = useState<BodyCounts>(EMPTY_COUNTS);
  useEffect(() => {
    if (!editor) return;
    const count = createBodyCounter();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const recount = () => {
      timer = null;
      setCounts(count(editor.state.doc));
    };
    // 'transaction', not 'update': loading a story replaces the content without an update event.
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged && timer === null) timer = setTimeout(recount, delayMs);
    };
    recount();
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      if (timer !== null) clearTimeout(timer);
    };
  }, [editor, delayMs]);
  return counts;
}

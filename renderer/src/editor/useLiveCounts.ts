import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { createBodyCounter, EMPTY_COUNTS, type BodyCounts } from './bodyCounter';
import { whenIdle } from './whenIdle';

/**
 * Live body counts. Recounting is incremental (one paragraph per keystroke) and runs in idle time,
 * so neither the count nor the bar's re-render sits between a keystroke and its frame.
 */
export function useLiveCounts(editor: Editor): BodyCounts {
  const [counts, setCounts] = useState<BodyCounts>(EMPTY_COUNTS);
  useEffect(() => {
    const count = createBodyCounter();
    let cancel: (() => void) | null = null;
    const recount = () => {
      cancel = null;
      setCounts(count(editor.state.doc));
    };
    // 'transaction', not 'update': loading a story replaces the content without an update event.
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged && cancel === null) cancel = whenIdle(recount);
    };
    recount();
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      cancel?.();
    };
  }, [editor]);
  return counts;
}

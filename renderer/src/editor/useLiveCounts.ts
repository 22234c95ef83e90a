import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { createBodyCounter, EMPTY_COUNTS, type BodyCounts } from './bodyCounter';

/** Longest wait for a quiet moment while typing continues: the bar still follows within a blink. */
const MAX_WAIT_MS = 250;

/** Runs `task` when the window is idle (Safari has no requestIdleCallback: a short timer there). */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: MAX_WAIT_MS });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 80);
  return () => clearTimeout(timer);
}

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

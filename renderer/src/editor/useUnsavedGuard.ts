import { useEffect } from 'react';
import type { DraftApi } from './useArticleDraft';

/**
 * Closing the window or tab with unsaved edits saves first. In the desktop app
 * the main side waits for this flush; a browser tab gets a keepalive save and
 * the browser's own "leave page?" prompt.
 */
export function useUnsavedGuard(draft: DraftApi): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!draft.hasUnsaved()) return;
      void draft.flush();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const offClose = window.newsroom?.onBeforeClose(() => draft.flush());
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      offClose?.();
    };
  }, [draft]);
}

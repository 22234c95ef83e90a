import { useEffect } from 'react';
import type { DraftApi } from './useArticleDraft';

/**
 * Closing the window or tab with unsaved edits saves first. In the desktop app
 * the main side waits for this flush; a browser tab gets a keepalive save and
 * the browser's own "leave page?" prompt.
 */
export function useUnsavedGuard({ flush, hasUnsaved }: Pick<DraftApi, 'flush' | 'hasUnsaved'>): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsaved()) return;
      void flush({ unloading: true });
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const offClose = window.newsroom?.onBeforeClose(() => flush());
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      offClose?.();
    };
  }, [flush, hasUnsaved]);
}

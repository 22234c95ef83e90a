import { useEffect, useState } from 'react';
import type { ArticleSlotFit } from '../../../shared/api/methods/layout';
import { api } from '../api/client';

/**
 * The slots a story is placed in, with their copy-fit as the main side computes it: read again when
 * the story is saved (`version`) and whenever the board changes, so resizing a slot on the layout
 * board moves the editor's target at once.
 */
export function useStorySlots(articleId: string, version: number | undefined): ArticleSlotFit[] {
  const [slots, setSlots] = useState<ArticleSlotFit[]>([]);
  const [boardChanges, setBoardChanges] = useState(0);

  useEffect(() => api.onEvent((event) => (event.type === 'layout.changed' || event.type === 'events.resumed') && setBoardChanges((n) => n + 1)), []);

  useEffect(() => {
    let live = true;
    api
      .call('layout.articleSlots', { articleId })
      .then((found) => live && setSlots(found))
      .catch(() => live && setSlots([]));
    return () => {
      live = false;
    };
  }, [articleId, version, boardChanges]);

  return slots;
}

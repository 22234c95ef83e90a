/** Longest wait for a quiet moment while typing continues: what follows the typing still shows within a blink. */
const MAX_WAIT_MS = 250;

/**
 * Runs `task` when the window is idle, or after MAX_WAIT_MS at the latest (Safari and jsdom have no
 * requestIdleCallback: a short timer there). Returns a cancel function.
 */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: MAX_WAIT_MS });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 80);
  return () => clearTimeout(timer);
}

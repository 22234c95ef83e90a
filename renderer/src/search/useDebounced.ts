import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `ms`: one search per pause in typing, not per keystroke. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    // Nothing to settle (a screen just opened): no timer, and no render of the screen for nothing.
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms, settled]);
  return settled;
}

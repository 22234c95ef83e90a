import fs from 'node:fs';
import { writeFileAtomicSync } from './atomicWrite';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** What BrowserWindow gets: no x/y means "let the OS centre it". */
export interface InitialWindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1400, height: 900 };
export const MIN_WINDOW_SIZE = { width: 1024, height: 640 };

/**
 * A saved window counts as visible when at least this much of it lies on a
 * display: enough of the title bar to grab and drag it back.
 */
const MIN_VISIBLE = { width: 120, height: 40 };

export const WINDOW_STATE_FILE = 'window-state.json';

function isFiniteInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Number.isInteger(value);
}

/** The file is ours but may be hand-edited or half-written by an older build: anything odd means "no state". */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized } = raw as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null || typeof maximized !== 'boolean') return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isFiniteInt(x) || !isFiniteInt(y) || !isFiniteInt(width) || !isFiniteInt(height)) return null;
  if (width <= 0 || height <= 0) return null;
  return { bounds: { x, y, width, height }, maximized };
}

function overlapArea(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clampSize(width: number, height: number, area: Rect): { width: number; height: number } {
  return {
    width: Math.min(Math.max(width, Math.min(MIN_WINDOW_SIZE.width, area.width)), area.width),
    height: Math.min(Math.max(height, Math.min(MIN_WINDOW_SIZE.height, area.height)), area.height),
  };
}

/**
 * Where to open the window. The saved position is kept only when the window
 * would still be reachable on one of today's displays (a monitor may have been
 * unplugged); it is then clamped into that display's work area. Otherwise the
 * saved size is kept, fitted to the primary display, and the OS centres it.
 */
export function placeWindow(saved: WindowState | null, workAreas: Rect[], primaryWorkArea: Rect): InitialWindowPlacement {
  if (saved === null) {
    return { ...clampSize(DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height, primaryWorkArea), maximized: false };
  }
  const { bounds } = saved;
  let best: { area: Rect; overlap: number } | null = null;
  for (const area of workAreas) {
    const { width, height } = overlapArea(bounds, area);
    if (width < MIN_VISIBLE.width || height < MIN_VISIBLE.height) continue;
    if (best === null || width * height > best.overlap) best = { area, overlap: width * height };
  }
  if (best === null) {
    return { ...clampSize(bounds.width, bounds.height, primaryWorkArea), maximized: saved.maximized };
  }
  const { area } = best;
  const size = clampSize(bounds.width, bounds.height, area);
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - size.width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - size.height);
  return { x, y, ...size, maximized: saved.maximized };
}

export function loadWindowState(file: string): WindowState | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    return parseWindowState(JSON.parse(text));
  } catch {
    return null;
  }
}

/** `bounds` must be the normal (restored) bounds, so un-maximizing after a restart returns to the user's size. */
export function saveWindowState(file: string, state: WindowState): void {
  writeFileAtomicSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

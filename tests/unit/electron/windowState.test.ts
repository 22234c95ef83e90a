import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  loadWindowState,
  parseWindowState,
  placeWindow,
  saveWindowState,
  type Rect,
} from '../../../electron/desktop/windowState';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
// A second monitor to the right, taller, with its work area offset by a top panel.
const monitor: Rect = { x: 1920, y: 30, width: 2560, height: 1410 };

describe('placeWindow', () => {
  it('opens at the default size, centred by the OS, on first start', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('fits the default size onto a small screen', () => {
    const small: Rect = { x: 0, y: 0, width: 1280, height: 720 };
    expect(placeWindow(null, [small], small)).toEqual({ width: 1280, height: 720, maximized: false });
  });

  it('restores a window that is fully on a display exactly', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: false };
    expect(placeWindow(saved, [laptop, monitor], laptop)).toEqual({ x: 2100, y: 100, width: 1600, height: 1000, maximized: false });
  });

  it('pulls a window hanging off the edge back inside the work area', () => {
    const saved = { bounds: { x: 1500, y: -20, width: 1200, height: 700 }, maximized: false };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ x: 720, y: 0, width: 1200, height: 700, maximized: false });
  });

  it('shrinks a window larger than its display to the work area', () => {
    const saved = { bounds: { x: 100, y: 100, width: 3000, height: 2000 }, maximized: false };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: false });
  });

  it('clamps into the display that shows most of the window', () => {
    // Straddles both displays, mostly on the monitor.
    const saved = { bounds: { x: 1800, y: 0, width: 1200, height: 800 }, maximized: false };
    expect(placeWindow(saved, [laptop, monitor], laptop)).toEqual({ x: 1920, y: 30, width: 1200, height: 800, maximized: false });
  });

  it('forgets the position when the display it was on is gone, keeping size and maximized', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ width: 1600, height: 1000, maximized: true });
  });

  it('does not count a sliver on screen as visible', () => {
    // Only 50 px of the window's width reaches the laptop: too little to grab.
    const saved = { bounds: { x: -1150, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ width: 1200, height: 800, maximized: false });
  });

  it('never makes the window smaller than the minimum when the display allows it', () => {
    const saved = { bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false };
    const placed = placeWindow(saved, [laptop], laptop);
    expect(placed.width).toBe(MIN_WINDOW_SIZE.width);
    expect(placed.height).toBe(MIN_WINDOW_SIZE.height);
  });
});

describe('parseWindowState', () => {
  it('accepts what saveWindowState writes', () => {
    const state = { bounds: { x: -5, y: 20, width: 1200, height: 800 }, maximized: true };
    expect(parseWindowState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it.each([
    null,
    42,
    'x',
    {},
    { bounds: { x: 0, y: 0, width: 100, height: 100 } },
    { bounds: { x: 0, y: 0, width: 100 }, maximized: false },
    { bounds: { x: 0, y: 0, width: 0, height: 100 }, maximized: false },
    { bounds: { x: 0, y: 0, width: -1, height: 100 }, maximized: false },
    { bounds: { x: 0.5, y: 0, width: 100, height: 100 }, maximized: false },
    { bounds: { x: '0', y: 0, width: 100, height: 100 }, maximized: false },
    { bounds: { x: 0, y: 0, width: 100, height: 100 }, maximized: 'yes' },
  ])('rejects %j', (raw) => expect(parseWindowState(raw)).toBeNull());
});

describe('loadWindowState / saveWindowState', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  function tempFile(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-winstate-'));
    dirs.push(dir);
    return path.join(dir, 'window-state.json');
  }

  it('round-trips through the file and leaves no temp file behind', () => {
    const file = tempFile();
    const state = { bounds: { x: 40, y: 50, width: 1300, height: 900 }, maximized: false };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['window-state.json']);
  });

  it('treats a missing, truncated or foreign file as no state', () => {
    const file = tempFile();
    expect(loadWindowState(file)).toBeNull();
    fs.writeFileSync(file, '{"bounds": {"x": 1');
    expect(loadWindowState(file)).toBeNull();
    fs.writeFileSync(file, '[1,2,3]');
    expect(loadWindowState(file)).toBeNull();
  });
});

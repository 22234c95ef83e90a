/**
 * House-style checking as the writer types. A keystroke only maps the findings and notes what it
 * changed; the textblocks it touched are checked again when the window is next idle (at most a
 * quarter second later), so no check sits between a keystroke and its frame. A paragraph whose
 * text was checked before is answered from a cache, so a check costs one paragraph however long
 * the story. Findings show as wavy underlines (red error, orange warning, blue info) whose title
 * and aria-describedby carry the message.
 */
import { Extension } from '@tiptap/react';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { checkText, type CompiledWordLists, type Finding, type Severity } from '../../../shared/style/index';
import { blockText, contentOffset, isContiguous, type InlinePiece } from '../../../shared/proofreading/blockText';
import { ignoreKey, ignoreKeys, selectFixes, type StoryIgnore } from '../../../shared/proofreading/findings';
import { whenIdle } from '../editor/whenIdle';

export interface LiveFinding extends Finding {
  /** stable while its paragraph is untouched; names the finding for commands */
  id: number;
  /** the underlined span, as document positions */
  from: number;
  to: number;
  /** where the fix applies, or null when it cannot be applied blindly (no fix, or it would cross a note) */
  fixRange: { from: number; to: number; replacement: string } | null;
  paragraphHash: string;
  /** the flagged text */
  text: string;
}

export interface StyleMarksOptions {
  /** the paper's lists; the built-in ones until set (setStyleWordLists) */
  wordLists: CompiledWordLists | null;
  /** paragraphs whose text was checked, remembered per editor */
  cacheSize: number;
}

interface StyleState {
  findings: LiveFinding[];
  decorations: DecorationSet;
  wordLists: CompiledWordLists | null;
  ignores: Set<string>;
  once: Set<string>;
  cache: Map<string, Finding[]>;
  /** ranges edited since the last check, in this document's positions, merged */
  stale: Array<[number, number]>;
}

/** Settings changes carried by a transaction; a chain of commands merges them into one. */
interface StyleMeta {
  wordLists?: CompiledWordLists | null;
  ignores?: readonly StoryIgnore[];
  ignoreOnce?: number;
  /** check what was edited since the last check (sent when the window is idle) */
  recheck?: true;
}

const styleMarksKey = new PluginKey<StyleState>('styleMarks');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    styleMarks: {
      setStyleWordLists: (wordLists: CompiledWordLists | null) => ReturnType;
      setStyleIgnores: (ignores: readonly StoryIgnore[]) => ReturnType;
      ignoreStyleFindingOnce: (id: number) => ReturnType;
      applyStyleFix: (id: number) => ReturnType;
      applySafeStyleFixes: () => ReturnType;
    };
  }
}

const COLOURS: Record<Severity, string> = { error: '#cf1322', warning: '#fa8c16', info: '#1677ff' };

/** What the panel lists: the open findings in document order. */
export function styleFindings(state: EditorState): readonly LiveFinding[] {
  return styleMarksKey.getState(state)?.findings ?? [];
}

/** Whether an edit waits for its idle-time check. */
export function styleCheckPending(state: EditorState): boolean {
  return (styleMarksKey.getState(state)?.stale.length ?? 0) > 0;
}

/**
 * Whether nothing was typed in the finding's paragraph since it was checked: its fix, text and
 * paragraph hash were worked out from the paragraph as it stood then, so a fix or an ignore waits.
 */
export function findingSettled(state: EditorState, f: LiveFinding): boolean {
  const stale = styleMarksKey.getState(state)?.stale ?? [];
  if (stale.length === 0) return true;
  const $at = state.doc.resolve(Math.min(f.from, state.doc.content.size));
  const start = $at.start();
  const end = $at.end();
  return !stale.some(([from, to]) => from <= end && to >= start);
}

function fixable(state: EditorState, f: LiveFinding): f is LiveFinding & { fixRange: NonNullable<LiveFinding['fixRange']> } {
  return f.fixRange !== null && findingSettled(state, f);
}

/** Same findings, wherever they now sit: ids hold while a finding's paragraph is not checked again. */
export function sameFindings(a: readonly LiveFinding[], b: readonly LiveFinding[]): boolean {
  return a.length === b.length && a.every((f, i) => f.id === b[i]!.id);
}

let serial = 0;
let instances = 0;

function onceKey(paragraphHash: string, f: Finding): string {
  return `${paragraphHash}\u0000${f.rule}\u0000${f.start}\u0000${f.end}`;
}

function piecesOf(block: PMNode): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  block.forEach((child) => {
    if (child.isText) {
      const isNote = child.marks.some((m) => m.type.name === 'note');
      pieces.push({ printed: isNote ? '' : (child.text ?? ''), size: child.nodeSize });
    } else {
      pieces.push({ printed: child.type.name === 'hardBreak' ? '\n' : '', size: child.nodeSize });
    }
  });
  return pieces;
}

/** The open findings of one textblock starting at `pos`. */
function checkBlock(block: PMNode, pos: number, state: StyleState, cacheSize: number): LiveFinding[] {
  const bt = blockText(piecesOf(block));
  if (bt.text.trim() === '') return [];
  let raw = state.cache.get(bt.text);
  if (raw === undefined) {
    raw = checkText(bt.text, state.wordLists ? { field: 'body', wordLists: state.wordLists } : { field: 'body' });
    if (state.cache.size >= cacheSize) state.cache.delete(state.cache.keys().next().value as string);
    state.cache.set(bt.text, raw);
  }
  const contentStart = pos + 1;
  const out: LiveFinding[] = [];
  for (const f of raw) {
    const text = bt.text.slice(f.start, f.end);
    if (state.ignores.has(ignoreKey(f.rule, text, bt.hash)) || state.once.has(onceKey(bt.hash, f))) continue;
    const from = contentStart + contentOffset(bt, f.start, 'start');
    const to = Math.max(from, contentStart + contentOffset(bt, f.end, 'end'));
    const fixRange =
      f.fix !== null && isContiguous(bt, f.fix.start, f.fix.end)
        ? {
            from: contentStart + contentOffset(bt, f.fix.start, 'start'),
            to: contentStart + contentOffset(bt, f.fix.start, 'start') + (f.fix.end - f.fix.start),
            replacement: f.fix.replacement,
          }
        : null;
    out.push({ ...f, id: ++serial, from, to, fixRange, paragraphHash: bt.hash, text });
  }
  return out;
}

function decorationOf(f: LiveFinding, prefix: string, blockEnd: number): Decoration {
  // A zero-width finding (something missing) still needs a character to underline.
  const to = f.to > f.from ? f.to : Math.min(f.from + 1, blockEnd);
  return Decoration.inline(
    f.from,
    to,
    {
      class: `style-mark style-mark-${f.severity}`,
      style: `text-decoration: underline wavy ${COLOURS[f.severity]}; text-decoration-skip-ink: none; text-underline-offset: 3px`,
      title: f.message,
      'aria-describedby': `${prefix}-${f.id}`,
      'data-style-rule': f.rule,
    },
    { id: f.id },
  );
}

function byPosition(a: LiveFinding, b: LiveFinding): number {
  return a.from - b.from || a.to - b.to || a.id - b.id;
}

function fullCheck(doc: PMNode, state: StyleState, prefix: string, cacheSize: number): StyleState {
  const findings: LiveFinding[] = [];
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    for (const f of checkBlock(node, pos, state, cacheSize)) {
      findings.push(f);
      decorations.push(decorationOf(f, prefix, pos + node.nodeSize - 1));
    }
    return false;
  });
  return { ...state, findings, decorations: DecorationSet.create(doc, decorations), stale: [] };
}

/** The ranges of the new document a transaction replaced, each mapped through the later steps. */
function changedRanges(tr: Transaction): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const maps = tr.mapping.maps;
  maps.forEach((map, i) => {
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      let from = newStart;
      let to = newEnd;
      for (let j = i + 1; j < maps.length; j++) {
        from = maps[j]!.map(from, -1);
        to = maps[j]!.map(to, 1);
      }
      ranges.push([from, to]);
    });
  });
  return ranges;
}

/** Adds `range` to merged, sorted ranges. */
function addRange(ranges: Array<[number, number]>, [from, to]: [number, number]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let merged: [number, number] = [from, to];
  for (const r of ranges) {
    if (r[1] < merged[0] || r[0] > merged[1]) out.push(r);
    else merged = [Math.min(r[0], merged[0]), Math.max(r[1], merged[1])];
  }
  out.push(merged);
  return out.sort((x, y) => x[0] - y[0]);
}

/** An edit moves the findings and decorations and notes what it changed; the check waits (see recheck). */
function mapThrough(tr: Transaction, prev: StyleState): StyleState {
  const findings: LiveFinding[] = [];
  for (const f of prev.findings) {
    const from = tr.mapping.mapResult(f.from, 1);
    const to = tr.mapping.mapResult(f.to, -1);
    if (from.deleted || to.deleted || to.pos < from.pos) continue;
    const fixRange = f.fixRange && { ...f.fixRange, from: tr.mapping.map(f.fixRange.from, 1), to: tr.mapping.map(f.fixRange.to, -1) };
    findings.push({ ...f, from: from.pos, to: to.pos, fixRange });
  }
  let stale: Array<[number, number]> = [];
  for (const [from, to] of prev.stale) stale = addRange(stale, [tr.mapping.map(from, -1), tr.mapping.map(to, 1)]);
  for (const range of changedRanges(tr)) stale = addRange(stale, range);
  return { ...prev, findings, decorations: prev.decorations.map(tr.mapping, tr.doc), stale };
}

/** Checks again every textblock an edit since the last check touched; the rest keep their findings. */
function recheck(doc: PMNode, prev: StyleState, prefix: string, cacheSize: number): StyleState {
  const touched = new Map<number, PMNode>();
  const end = doc.content.size;
  for (const [from, to] of prev.stale) {
    // A range that shrank to a block boundary removed whole blocks: their neighbours read as before.
    doc.nodesBetween(Math.min(from, end), Math.min(to, end), (node, pos) => {
      if (!node.isTextblock) return true;
      touched.set(pos, node);
      return false;
    });
  }
  const inTouched = (pos: number) => {
    for (const [start, node] of touched) if (pos >= start && pos <= start + node.nodeSize) return true;
    return false;
  };

  let decorations = prev.decorations;
  const fresh: LiveFinding[] = [];
  const added: Decoration[] = [];
  for (const [pos, node] of touched) {
    decorations = decorations.remove(decorations.find(pos, pos + node.nodeSize));
    for (const f of checkBlock(node, pos, prev, cacheSize)) {
      fresh.push(f);
      added.push(decorationOf(f, prefix, pos + node.nodeSize - 1));
    }
  }
  const kept = prev.findings.filter((f) => !inTouched(f.from));
  return { ...prev, findings: [...kept, ...fresh].sort(byPosition), decorations: decorations.add(doc, added), stale: [] };
}

/**
 * The hidden list of messages that the underlines' aria-describedby point at, and the idle-time
 * check of what was edited since the last one.
 */
function styleView(prefix: string) {
  return (view: EditorView) => {
    const box = view.dom.ownerDocument.createElement('div');
    box.setAttribute('style', 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap');
    view.dom.ownerDocument.body.appendChild(box);
    let shown: readonly LiveFinding[] | null = null;
    const render = (state: EditorState) => {
      const findings = styleFindings(state);
      if (shown !== null && sameFindings(shown, findings)) return;
      shown = findings;
      box.replaceChildren(
        ...findings.map((f) => {
          const span = view.dom.ownerDocument.createElement('span');
          span.id = `${prefix}-${f.id}`;
          span.textContent = f.message;
          return span;
        }),
      );
    };
    let cancel: (() => void) | null = null;
    const schedule = (state: EditorState) => {
      if (cancel !== null || !styleCheckPending(state)) return;
      cancel = whenIdle(() => {
        cancel = null;
        // Redrawing underlines in the paragraph an IME is composing in can break the composition.
        if (view.composing) {
          schedule(view.state);
          return;
        }
        const meta: StyleMeta = { recheck: true };
        view.dispatch(view.state.tr.setMeta(styleMarksKey, meta).setMeta('addToHistory', false));
      });
    };
    render(view.state);
    schedule(view.state);
    return {
      update: (v: EditorView) => {
        render(v.state);
        schedule(v.state);
      },
      destroy: () => {
        cancel?.();
        box.remove();
      },
    };
  };
}

export const StyleMarks = Extension.create<StyleMarksOptions>({
  name: 'styleMarks',

  addOptions() {
    return { wordLists: null, cacheSize: 5000 };
  },

  addCommands() {
    const meta =
      (value: StyleMeta) =>
      ({ tr, dispatch }: { tr: Transaction; dispatch?: unknown }) => {
        if (dispatch) {
          const earlier = tr.getMeta(styleMarksKey) as StyleMeta | undefined;
          tr.setMeta(styleMarksKey, { ...earlier, ...value }).setMeta('addToHistory', false);
        }
        return true;
      };
    return {
      setStyleWordLists: (wordLists) => meta({ wordLists }),
      setStyleIgnores: (ignores) => meta({ ignores }),
      ignoreStyleFindingOnce:
        (id) =>
        ({ state, tr, dispatch }) => {
          const finding = styleFindings(state).find((f) => f.id === id);
          if (!finding || !findingSettled(state, finding)) return false;
          return meta({ ignoreOnce: id })({ tr, dispatch });
        },
      applyStyleFix:
        (id) =>
        ({ state, tr, dispatch }) => {
          const finding = styleFindings(state).find((f) => f.id === id);
          if (!finding || !fixable(state, finding)) return false;
          const fix = finding.fixRange;
          if (dispatch) {
            const from = tr.mapping.map(fix.from, 1);
            const to = tr.mapping.map(fix.to, -1);
            if (fix.replacement === '') tr.delete(from, to);
            else tr.insertText(fix.replacement, from, to);
          }
          return true;
        },
      applySafeStyleFixes:
        () =>
        ({ state, tr, dispatch }) => {
          const chosen = selectFixes(
            styleFindings(state).flatMap((f) => (fixable(state, f) ? [{ fix: { start: f.fixRange.from, end: f.fixRange.to, replacement: f.fixRange.replacement } }] : [])),
          );
          if (chosen.length === 0) return false;
          if (dispatch) {
            // Last first, so every earlier position still holds; one transaction is one undo step.
            for (const { fix } of chosen.sort((a, b) => b.fix.start - a.fix.start || b.fix.end - a.fix.end)) {
              const from = tr.mapping.map(fix.start, 1);
              const to = tr.mapping.map(fix.end, -1);
              if (fix.replacement === '') tr.delete(from, to);
              else tr.insertText(fix.replacement, from, to);
            }
          }
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const prefix = `style-finding-${++instances}`;
    const { cacheSize } = this.options;
    const initialLists = this.options.wordLists;
    return [
      new Plugin<StyleState>({
        key: styleMarksKey,
        state: {
          init: (_config, state) =>
            fullCheck(
              state.doc,
              { findings: [], decorations: DecorationSet.empty, wordLists: initialLists, ignores: new Set(), once: new Set(), cache: new Map(), stale: [] },
              prefix,
              cacheSize,
            ),
          apply: (tr, prev) => {
            const meta = tr.getMeta(styleMarksKey) as StyleMeta | undefined;
            if (meta && (meta.wordLists !== undefined || meta.ignores !== undefined || meta.ignoreOnce !== undefined)) {
              let next = prev;
              if (meta.wordLists !== undefined) next = { ...next, wordLists: meta.wordLists, cache: new Map() };
              if (meta.ignores !== undefined) next = { ...next, ignores: ignoreKeys(meta.ignores) };
              const once = prev.findings.find((f) => f.id === meta.ignoreOnce);
              if (once) next = { ...next, once: new Set(next.once).add(onceKey(once.paragraphHash, once)) };
              return fullCheck(tr.doc, next, prefix, cacheSize);
            }
            const moved = tr.docChanged ? mapThrough(tr, prev) : prev;
            return meta?.recheck && moved.stale.length > 0 ? recheck(tr.doc, moved, prefix, cacheSize) : moved;
          },
        },
        props: {
          decorations: (state) => styleMarksKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
        view: styleView(prefix),
      }),
    ];
  },
});

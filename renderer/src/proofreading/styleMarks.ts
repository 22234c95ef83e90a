/**
 * House-style checking as the writer types. Only the textblocks a transaction touched are checked
 * again, and a paragraph whose text was checked before is answered from a cache, so a keystroke
 * costs one paragraph's check however long the story. Findings show as wavy underlines (red
 * error, orange warning, blue info) whose title and aria-describedby carry the message.
 */
import { Extension } from '@tiptap/react';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { checkText, type CompiledWordLists, type Finding, type Severity } from '../../../shared/style/index';
import { blockText, contentOffset, isContiguous, type InlinePiece } from '../../../shared/proofreading/blockText';
import { ignoreKey, ignoreKeys, selectFixes, type StoryIgnore } from '../../../shared/proofreading/findings';

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
}

/** Settings changes carried by a transaction; a chain of commands merges them into one. */
interface StyleMeta {
  wordLists?: CompiledWordLists | null;
  ignores?: readonly StoryIgnore[];
  ignoreOnce?: number;
}

export const styleMarksKey = new PluginKey<StyleState>('styleMarks');

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
  return { ...state, findings, decorations: DecorationSet.create(doc, decorations) };
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

function incrementalCheck(tr: Transaction, prev: StyleState, prefix: string, cacheSize: number): StyleState {
  const doc = tr.doc;
  const touched = new Map<number, PMNode>();
  for (const [from, to] of changedRanges(tr)) {
    // A range that shrank to a block boundary removed whole blocks: their neighbours read as before.
    doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isTextblock) return true;
      touched.set(pos, node);
      return false;
    });
  }
  const inTouched = (pos: number) => {
    for (const [start, node] of touched) if (pos >= start && pos <= start + node.nodeSize) return true;
    return false;
  };

  const kept: LiveFinding[] = [];
  for (const f of prev.findings) {
    const from = tr.mapping.mapResult(f.from, 1);
    const to = tr.mapping.mapResult(f.to, -1);
    if (from.deleted || to.deleted || to.pos < from.pos || inTouched(from.pos)) continue;
    const fixRange = f.fixRange && { ...f.fixRange, from: tr.mapping.map(f.fixRange.from, 1), to: tr.mapping.map(f.fixRange.to, -1) };
    kept.push({ ...f, from: from.pos, to: to.pos, fixRange });
  }

  let decorations = prev.decorations.map(tr.mapping, doc);
  const fresh: LiveFinding[] = [];
  const added: Decoration[] = [];
  for (const [pos, node] of touched) {
    decorations = decorations.remove(decorations.find(pos, pos + node.nodeSize));
    for (const f of checkBlock(node, pos, prev, cacheSize)) {
      fresh.push(f);
      added.push(decorationOf(f, prefix, pos + node.nodeSize - 1));
    }
  }
  return { ...prev, findings: [...kept, ...fresh].sort(byPosition), decorations: decorations.add(doc, added) };
}

/** The hidden list of messages that the underlines' aria-describedby point at. */
function descriptionsView(prefix: string) {
  return (view: EditorView) => {
    const box = view.dom.ownerDocument.createElement('div');
    box.setAttribute('style', 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap');
    view.dom.ownerDocument.body.appendChild(box);
    let shown: readonly LiveFinding[] | null = null;
    const render = (state: EditorState) => {
      const findings = styleFindings(state);
      if (findings === shown) return;
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
    render(view.state);
    return {
      update: (v: EditorView) => render(v.state),
      destroy: () => box.remove(),
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
      ignoreStyleFindingOnce: (id) => meta({ ignoreOnce: id }),
      applyStyleFix:
        (id) =>
        ({ state, tr, dispatch }) => {
          const fix = styleFindings(state).find((f) => f.id === id)?.fixRange;
          if (!fix) return false;
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
            styleFindings(state).flatMap((f) => (f.fixRange ? [{ fix: { start: f.fixRange.from, end: f.fixRange.to, replacement: f.fixRange.replacement } }] : [])),
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
              { findings: [], decorations: DecorationSet.empty, wordLists: initialLists, ignores: new Set(), once: new Set(), cache: new Map() },
              prefix,
              cacheSize,
            ),
          apply: (tr, prev) => {
            const meta = tr.getMeta(styleMarksKey) as StyleMeta | undefined;
            if (meta) {
              let next = prev;
              if (meta.wordLists !== undefined) next = { ...next, wordLists: meta.wordLists, cache: new Map() };
              if (meta.ignores !== undefined) next = { ...next, ignores: ignoreKeys(meta.ignores) };
              const once = prev.findings.find((f) => f.id === meta.ignoreOnce);
              if (once) next = { ...next, once: new Set(next.once).add(onceKey(once.paragraphHash, once)) };
              return fullCheck(tr.doc, next, prefix, cacheSize);
            }
            return tr.docChanged ? incrementalCheck(tr, prev, prefix, cacheSize) : prev;
          },
        },
        props: {
          decorations: (state) => styleMarksKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
        view: descriptionsView(prefix),
      }),
    ];
  },
});

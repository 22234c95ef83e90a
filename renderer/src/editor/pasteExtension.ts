import { Extension } from '@tiptap/core';
import { DOMParser as PMDOMParser, Fragment, Slice, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { cleanPastedBlocks, MAX_PASTE_HTML_LENGTH, PasteRefused, type CleanBlock, type PasteRefusalReason } from './pasteCleaner';

export interface CleanPasteOptions {
  onRefused(reason: PasteRefusalReason): void;
  /** A large paste is about to take a moment; call the returned function when it is done. */
  onBusy(): () => void;
}

/** Clipboard HTML longer than this is cleaned after a frame, so the busy notice can paint first. */
const LARGE_PASTE_HTML_LENGTH = 1_000_000;

function blocksToFragment(schema: Schema, blocks: readonly CleanBlock[]): Fragment {
  const { nodes, marks } = schema;
  const paragraph = (block: CleanBlock) =>
    nodes['paragraph']!.create(
      null,
      block.runs.map((run) =>
        schema.text(run.text, [
          ...(run.bold ? [marks['bold']!.create()] : []),
          ...(run.italic ? [marks['italic']!.create()] : []),
          ...(run.note ? [marks['note']!.create()] : []),
        ]),
      ),
    );
  const out: PMNode[] = [];
  for (let i = 0; i < blocks.length; ) {
    const block = blocks[i]!;
    if (block.kind === 'p' || block.kind === 'h') {
      out.push(block.kind === 'h' ? nodes['heading']!.create({ level: 3 }, paragraph(block).content) : paragraph(block));
      i += 1;
      continue;
    }
    // Consecutive items of one kind share one list or quote.
    const items: PMNode[] = [];
    for (; i < blocks.length && blocks[i]!.kind === block.kind; i += 1) {
      items.push(block.kind === 'quote' ? paragraph(blocks[i]!) : nodes['listItem']!.create(null, paragraph(blocks[i]!)));
    }
    const wrapper = block.kind === 'quote' ? 'blockquote' : block.kind === 'ul' ? 'bulletList' : 'orderedList';
    out.push(nodes[wrapper]!.create(null, items));
  }
  return Fragment.from(out);
}

/**
 * Wires pasteCleaner into ProseMirror's paste path as its clipboard parser: the browser parses the
 * clipboard HTML once, the cleaner walks that DOM, and the slice is built straight from the blocks.
 * Oversized HTML is refused before it is parsed; a refusal found while cleaning cancels the paste
 * instead of replacing the selection with nothing.
 */
export const CleanPaste = Extension.create<CleanPasteOptions>({
  name: 'cleanPaste',
  addOptions() {
    return { onRefused: () => undefined, onBusy: () => () => undefined };
  },
  addProseMirrorPlugins() {
    let refused: PasteRefusalReason | null = null;
    const schema = this.editor.schema;
    class CleaningParser extends PMDOMParser {
      override parseSlice(dom: Node): Slice {
        refused = null;
        try {
          return new Slice(blocksToFragment(schema, cleanPastedBlocks(dom)), 0, 0);
        } catch (error) {
          if (!(error instanceof PasteRefused)) throw error;
          refused = error.reason;
          return Slice.empty;
        }
      }
    }
    return [
      new Plugin({
        key: new PluginKey('cleanPaste'),
        props: {
          clipboardParser: new CleaningParser(schema, []),
          handleDOMEvents: {
            paste: (view, event) => {
              const html = event.clipboardData?.getData('text/html') ?? '';
              if (html.length <= LARGE_PASTE_HTML_LENGTH) return false;
              event.preventDefault();
              if (html.length > MAX_PASTE_HTML_LENGTH) {
                this.options.onRefused('too-large');
                return true;
              }
              const done = this.options.onBusy();
              requestAnimationFrame(() =>
                setTimeout(() => {
                  try {
                    if (!view.isDestroyed) view.pasteHTML(html, event);
                  } finally {
                    done();
                  }
                }),
              );
              return true;
            },
          },
          // Copies from a ProseMirror editor carry their nesting; the cleaner's flattened lists
          // would not match it, so they paste like any other HTML.
          transformPastedHTML: (html) => html.replace(/\sdata-pm-slice="[^"]*"/g, ''),
          handlePaste: () => {
            if (refused === null) return false;
            this.options.onRefused(refused);
            refused = null;
            return true;
          },
        },
      }),
    ];
  },
});

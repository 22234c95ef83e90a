import { Button, Tooltip } from 'antd';
import { useEditorState, type Editor } from '@tiptap/react';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { useTranslation } from 'react-i18next';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** 'Mod-Alt-3' → 'Ctrl+Alt+3', or ⌘⌥3 on a Mac, as the platform's menus write it. */
function shortcutLabel(keys: string): string {
  const parts = keys.split('-');
  if (isMac) return parts.map((k) => ({ Mod: '⌘', Alt: '⌥', Shift: '⇧' })[k] ?? k.toUpperCase()).join('');
  return parts.map((k) => (k === 'Mod' ? 'Ctrl' : k.length === 1 ? k.toUpperCase() : k)).join('+');
}

/** The same keys in aria-keyshortcuts syntax: Control+Alt+3. */
function ariaShortcut(keys: string): string {
  return keys
    .split('-')
    .map((k) => (k === 'Mod' ? (isMac ? 'Meta' : 'Control') : k.length === 1 ? k.toUpperCase() : k))
    .join('+');
}

interface Tool {
  key: string;
  /** drawn on the button; buttons without one show a short name (editor.toolbar.short) */
  symbol?: string;
  keys: string;
  /** the mark or node type the button toggles, which makes it pressed */
  type?: string;
  /** Only undo and redo can be unavailable in an editable body. */
  can?: (e: Editor) => boolean;
  run: (e: Editor) => void;
  className?: string;
}

const TOOLS: (Tool | 'divider')[] = [
  { key: 'bold', symbol: 'B', keys: 'Mod-b', className: 'tool-bold', type: 'bold', run: (e) => e.chain().focus().toggleBold().run() },
  { key: 'italic', symbol: 'I', keys: 'Mod-i', className: 'tool-italic', type: 'italic', run: (e) => e.chain().focus().toggleItalic().run() },
  'divider',
  { key: 'subhead', keys: 'Mod-Alt-3', type: 'heading', run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { key: 'bulletList', keys: 'Mod-Shift-8', type: 'bulletList', run: (e) => e.chain().focus().toggleBulletList().run() },
  { key: 'orderedList', keys: 'Mod-Shift-7', type: 'orderedList', run: (e) => e.chain().focus().toggleOrderedList().run() },
  { key: 'quote', keys: 'Mod-Shift-b', type: 'blockquote', run: (e) => e.chain().focus().toggleBlockquote().run() },
  'divider',
  { key: 'note', keys: 'Mod-Alt-m', className: 'tool-note', type: 'note', run: (e) => e.chain().focus().toggleNote().run() },
  'divider',
  { key: 'undo', symbol: '↶', keys: 'Mod-z', can: (e) => undoDepth(e.state) > 0, run: (e) => e.chain().focus().undo().run() },
  { key: 'redo', symbol: '↷', keys: isMac ? 'Mod-Shift-z' : 'Mod-y', can: (e) => redoDepth(e.state) > 0, run: (e) => e.chain().focus().redo().run() },
];

type ToolState = Record<string, { active: boolean; enabled: boolean }>;

/**
 * Which buttons are pressed and usable. Read on every transaction, so while typing (an empty
 * selection) it reads the caret's marks and ancestors once instead of asking per button, and it
 * never dry-runs commands (editor.can()).
 */
function toolbarState(e: Editor): ToolState {
  const { state } = e;
  const { empty, $from } = state.selection;
  const atCaret = new Set((state.storedMarks ?? $from.marks()).map((m) => m.type.name));
  for (let depth = $from.depth; depth > 0; depth -= 1) atCaret.add($from.node(depth).type.name);
  const result: ToolState = {};
  for (const tool of TOOLS) {
    if (tool === 'divider') continue;
    const active = tool.type !== undefined && (empty ? atCaret.has(tool.type) : e.isActive(tool.type));
    result[tool.key] = { active, enabled: e.isEditable && (tool.can?.(e) ?? true) };
  }
  return result;
}

/** Formatting for the body; every button names its shortcut, and keeps the caret in the text. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const state = useEditorState({ editor, selector: ({ editor: e }) => toolbarState(e) });

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar.label')}>
      {TOOLS.map((tool, i) => {
        if (tool === 'divider') return <span key={`d${i}`} className="toolbar-divider" aria-hidden />;
        const label = t(`editor.toolbar.${tool.key}`);
        const s = state[tool.key];
        return (
          <Tooltip key={tool.key} title={`${label} ${shortcutLabel(tool.keys)}`} mouseEnterDelay={0.4}>
            <Button
              type="text"
              size="small"
              className={[tool.className, s?.active ? 'is-active' : ''].filter(Boolean).join(' ')}
              aria-label={label}
              aria-pressed={tool.type ? (s?.active ?? false) : undefined}
              aria-keyshortcuts={ariaShortcut(tool.keys)}
              disabled={!s?.enabled}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => tool.run(editor)}
            >
              {tool.symbol ?? t(`editor.toolbar.short.${tool.key}`)}
            </Button>
          </Tooltip>
        );
      })}
    </div>
  );
}

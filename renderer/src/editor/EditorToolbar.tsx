import { Button, Tooltip } from 'antd';
import { useEditorState, type Editor } from '@tiptap/react';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { useTranslation } from 'react-i18next';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** 'Mod-Alt-3' → 'Ctrl+Alt+3', or ⌘⌥3 on a Mac, as the platform's menus write it. */
export function shortcutLabel(keys: string): string {
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
  glyph: string;
  keys: string;
  active?: (e: Editor) => boolean;
  /** Only undo and redo can be unavailable in an editable body. */
  can?: (e: Editor) => boolean;
  run: (e: Editor) => void;
  className?: string;
}

const TOOLS: (Tool | 'divider')[] = [
  { key: 'bold', glyph: 'B', keys: 'Mod-b', className: 'tool-bold', active: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
  { key: 'italic', glyph: 'I', keys: 'Mod-i', className: 'tool-italic', active: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
  'divider',
  { key: 'subhead', glyph: '小标题', keys: 'Mod-Alt-3', active: (e) => e.isActive('heading', { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { key: 'bulletList', glyph: '• 列表', keys: 'Mod-Shift-8', active: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
  { key: 'orderedList', glyph: '1. 编号', keys: 'Mod-Shift-7', active: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { key: 'quote', glyph: '“ 引文', keys: 'Mod-Shift-b', active: (e) => e.isActive('blockquote'), run: (e) => e.chain().focus().toggleBlockquote().run() },
  'divider',
  { key: 'note', glyph: '批注', keys: 'Mod-Alt-m', className: 'tool-note', active: (e) => e.isActive('note'), run: (e) => e.chain().focus().toggleNote().run() },
  'divider',
  { key: 'undo', glyph: '↶', keys: 'Mod-z', can: (e) => undoDepth(e.state) > 0, run: (e) => e.chain().focus().undo().run() },
  { key: 'redo', glyph: '↷', keys: isMac ? 'Mod-Shift-z' : 'Mod-y', can: (e) => redoDepth(e.state) > 0, run: (e) => e.chain().focus().redo().run() },
];

/**
 * Formatting for the body; every button names its shortcut, and keeps the caret in the text.
 * Its state is read on every transaction, so it avoids dry-running commands (editor.can()).
 */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const editable = e.isEditable;
      return Object.fromEntries(
        TOOLS.filter((tool): tool is Tool => tool !== 'divider').map((tool) => [
          tool.key,
          { active: tool.active?.(e) ?? false, enabled: editable && (tool.can?.(e) ?? true) },
        ]),
      );
    },
  });

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
              aria-pressed={tool.active ? (s?.active ?? false) : undefined}
              aria-keyshortcuts={ariaShortcut(tool.keys)}
              disabled={!s?.enabled}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => tool.run(editor)}
            >
              {tool.glyph}
            </Button>
          </Tooltip>
        );
      })}
    </div>
  );
}

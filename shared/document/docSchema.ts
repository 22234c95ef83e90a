import { z } from 'zod';
import type { DocNode } from './docTypes';

/**
 * The body schema the editor produces (renderer/src/editor/bodyExtensions.ts). The main side
 * accepts nothing else — no other node, mark, attribute or field — so a crafted call cannot store
 * styles, scripts, links or images the editor would never make.
 */
const BLOCK_TYPES = ['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote'] as const;
const INLINE_TYPES = ['text', 'hardBreak'] as const;
const MARK_TYPES = ['bold', 'italic', 'note'] as const;

const NODE_TYPES = new Set<string>(['doc', ...BLOCK_TYPES, ...INLINE_TYPES]);
const MARKS = new Set<string>(MARK_TYPES);

/** 200,000 characters of Chinese is the largest article we promise to open; leave room for markup. */
const MAX_DOC_NODES = 200_000;
/** Lists inside lists inside a quote stay far below this; the check itself never recurses. */
const MAX_DOC_DEPTH = 40;

const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text']);
const ORDERED_LIST_TYPES = new Set([null, '1', 'a', 'A', 'i', 'I']);

/** The attributes the editor writes, per node type; any other attribute is refused. */
const ATTRIBUTE_RULES: Record<string, Record<string, (value: unknown) => boolean>> = {
  heading: { level: (v) => v === 3 },
  orderedList: {
    start: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1_000_000,
    type: (v) => ORDERED_LIST_TYPES.has(v as string | null),
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function attributeProblem(type: string, attrs: unknown, path: string): string | null {
  if (attrs === undefined) return null;
  if (!isRecord(attrs)) return `正文的属性格式无效（${path}）`;
  const rules = ATTRIBUTE_RULES[type] ?? {};
  for (const [name, value] of Object.entries(attrs)) {
    const rule = rules[name];
    if (!rule) return `正文含有编辑器不会写入的属性“${name.slice(0, 40)}”（${path}）`;
    if (!rule(value)) return `正文的属性“${name}”取值无效（${path}）`;
  }
  return null;
}

function nodeProblem(node: unknown, path: string): string | null {
  if (!isRecord(node)) return `正文的结构无效（${path}）`;
  for (const key of Object.keys(node)) {
    if (!NODE_KEYS.has(key)) return `正文含有编辑器不会写入的字段“${key.slice(0, 40)}”（${path}）`;
  }
  const type = node['type'];
  if (typeof type !== 'string' || !NODE_TYPES.has(type)) return `正文含有不支持的内容类型“${String(type).slice(0, 40)}”（${path}）`;
  const attrs = attributeProblem(type, node['attrs'], path);
  if (attrs) return attrs;
  if (type === 'text' ? typeof node['text'] !== 'string' : node['text'] !== undefined) {
    return type === 'text' ? `文本节点缺少文字（${path}）` : `只有文本节点可以带文字（${path}）`;
  }
  if (node['content'] !== undefined && !Array.isArray(node['content'])) return `正文的结构无效（${path}）`;
  if (node['marks'] !== undefined) {
    if (!Array.isArray(node['marks'])) return `正文的格式无效（${path}）`;
    for (const mark of node['marks'] as unknown[]) {
      if (!isRecord(mark) || typeof mark['type'] !== 'string' || !MARKS.has(mark['type'])) {
        return `正文含有不支持的格式“${String(isRecord(mark) ? mark['type'] : mark).slice(0, 40)}”（${path}）`;
      }
      for (const key of Object.keys(mark)) if (key !== 'type' && key !== 'attrs') return `正文含有编辑器不会写入的字段“${key.slice(0, 40)}”（${path}）`;
      const markAttrs = attributeProblem(mark['type'], mark['attrs'], path);
      if (markAttrs) return markAttrs;
    }
  }
  return null;
}

/**
 * The whole tree, walked with an explicit stack: a body nested a hundred thousand levels deep is
 * refused by its depth, never by exhausting the call stack.
 */
function docProblem(doc: unknown): string | null {
  if (!isRecord(doc) || doc['type'] !== 'doc') return '正文必须是文档（doc）节点';
  const stack: Array<{ node: unknown; path: string; depth: number }> = [{ node: doc, path: 'body', depth: 1 }];
  let budget = MAX_DOC_NODES;
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    budget -= 1;
    if (budget < 0) return '正文过长，超出单篇稿件的上限';
    if (depth > MAX_DOC_DEPTH) return `正文的嵌套层次过深（超过 ${MAX_DOC_DEPTH} 层）`;
    const problem = nodeProblem(node, path);
    if (problem) return problem;
    const children = ((node as Record<string, unknown>)['content'] as unknown[] | undefined) ?? [];
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i], path: `${path}.${i}`, depth: depth + 1 });
  }
  return null;
}

export const docSchema = z.custom<DocNode>().superRefine((doc, ctx) => {
  const problem = docProblem(doc);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export function emptyDoc(): DocNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

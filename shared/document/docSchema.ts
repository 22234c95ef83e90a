import { z } from 'zod';
import type { DocNode } from './docTypes';

/**
 * The body schema the editor produces. The main side accepts nothing else, so
 * a crafted call cannot store styles, scripts or images the editor would never make.
 */
export const BLOCK_TYPES = ['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote'] as const;
export const INLINE_TYPES = ['text', 'hardBreak'] as const;
export const MARK_TYPES = ['bold', 'italic', 'note'] as const;

const NODE_TYPES = new Set<string>(['doc', ...BLOCK_TYPES, ...INLINE_TYPES]);
const MARKS = new Set<string>(MARK_TYPES);

/** 200,000 characters of Chinese is the largest article we promise to open; leave room for markup. */
export const MAX_DOC_NODES = 200_000;

const markSchema = z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() });

const nodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(nodeSchema).optional(),
    marks: z.array(markSchema).optional(),
    text: z.string().optional(),
  }),
);

function checkNode(node: DocNode, path: string, budget: { left: number }): string | null {
  budget.left -= 1;
  if (budget.left < 0) return '正文过长，超出单篇稿件的上限';
  if (!NODE_TYPES.has(node.type)) return `正文含有不支持的内容类型“${node.type}”（${path}）`;
  if (node.type === 'heading') {
    const level = node.attrs?.['level'];
    if (level !== undefined && level !== 3) return `小标题级别只能是 3（${path}）`;
  }
  if (node.type === 'text' && typeof node.text !== 'string') return `文本节点缺少文字（${path}）`;
  for (const mark of node.marks ?? []) {
    if (!MARKS.has(mark.type)) return `正文含有不支持的格式“${mark.type}”（${path}）`;
  }
  const children = node.content ?? [];
  for (let i = 0; i < children.length; i += 1) {
    const problem = checkNode(children[i]!, `${path}.${i}`, budget);
    if (problem) return problem;
  }
  return null;
}

export const docSchema = nodeSchema.superRefine((doc, ctx) => {
  if (doc.type !== 'doc') {
    ctx.addIssue({ code: 'custom', message: '正文必须是文档（doc）节点' });
    return;
  }
  const problem = checkNode(doc, 'body', { left: MAX_DOC_NODES });
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export function emptyDoc(): DocNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

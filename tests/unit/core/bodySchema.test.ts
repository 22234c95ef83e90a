import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../shared/document/docTypes';
import { useDemoDesk } from '../workflow/support';

const desk = useDemoDesk(['reporter']);

const text = (t: string, marks?: DocNode['marks']): DocNode => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });

async function refusal(body: unknown): Promise<{ code: string; field?: string; message: string } | null> {
  const before = (await desk.c['reporter']!.call('articles.list', { limit: 1 })).total;
  const response = await desk.c['reporter']!.raw('articles.create', { headline: '正文结构测试', body });
  expect((await desk.c['reporter']!.call('articles.list', { limit: 1 })).total).toBe(before + (response.ok ? 1 : 0));
  return response.ok ? null : response.error;
}

describe('the article body accepts only what the editor makes', () => {
  it('takes every attribute the editor writes: 小标题 level 3, an ordered list’s start and type', async () => {
    const body = doc(
      { type: 'heading', attrs: { level: 3 }, content: [text('小标题')] },
      { type: 'paragraph', content: [text('加粗', [{ type: 'bold' }]), text('批注', [{ type: 'note' }]), { type: 'hardBreak' }, text('斜体', [{ type: 'italic' }])] },
      { type: 'orderedList', attrs: { start: 3, type: null }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('一')] }] }] },
      { type: 'blockquote', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] },
    );
    expect(await refusal(body)).toBeNull();
  });

  it.each<[string, unknown]>([
    ['a style on a paragraph', doc({ type: 'paragraph', attrs: { style: 'color:red' }, content: [text('红字')] })],
    ['an event handler on a 小标题', doc({ type: 'heading', attrs: { level: 3, onclick: 'alert(1)' }, content: [text('小标题')] })],
    ['a link target on a mark', doc({ type: 'paragraph', content: [text('点我', [{ type: 'bold', attrs: { href: 'https://example.com' } }])] })],
    ['an ordered list starting at a string', doc({ type: 'orderedList', attrs: { start: '<b>1</b>' }, content: [] })],
    ['a key the editor never writes', doc({ type: 'paragraph', html: '<script>alert(1)</script>', content: [text('正文')] } as unknown as DocNode)],
    ['text on a paragraph', doc({ type: 'paragraph', text: '藏起来的字' })],
  ])('refuses %s with VALIDATION naming the body, and writes nothing', async (_name, body) => {
    expect(await refusal(body)).toMatchObject({ code: 'VALIDATION', field: 'body', message: expect.stringMatching(/^正文：/) });
  });

  it('refuses nesting deeper than any story needs, however deep, as VALIDATION (not an internal error)', async () => {
    for (const depth of [60, 20_000]) {
      let node: DocNode = { type: 'paragraph', content: [text('最里层')] };
      for (let i = 0; i < depth; i += 1) node = { type: 'blockquote', content: [node] };
      expect(await refusal(doc(node)), `depth ${depth}`).toMatchObject({ code: 'VALIDATION', field: 'body', message: expect.stringContaining('层次') });
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../../../shared/domain/article';
import type { Privilege } from '../../../shared/domain/roles';
import { ARTICLE_STATUSES } from '../../../shared/domain/article';
import { decide, editRefusal, findRule, TRANSITIONS, WAITING_PRIVILEGE, type SignoffKind } from '../../../shared/workflow/machine';
import { contentChanged, partsOfPatch } from '../../../shared/workflow/parts';
import { findMentions } from '../../../shared/collaboration/mentions';
import { auditCsv } from '../../../shared/administration/audit';
import { csvCell } from '../../../shared/text/csvCell';
import { defaultFields } from '../../../shared/article/fields';

const reviewer = (privileges: Privilege[], userId = 'u-rev') => ({ userId, privileges: new Set(privileges) });

describe('the state machine table', () => {
  it('leaves printed as a dead end and every other state with a way out', () => {
    for (const status of ARTICLE_STATUSES) {
      const out = TRANSITIONS.filter((r) => r.from.includes(status));
      if (status === 'printed') expect(out).toEqual([]);
      else expect(out.length, status).toBeGreaterThan(0);
    }
  });

  it('has at most one rule per action and state, so a call is never ambiguous', () => {
    for (const status of ARTICLE_STATUSES) {
      const actions = TRANSITIONS.filter((r) => r.from.includes(status)).map((r) => r.action);
      expect(new Set(actions).size, status).toBe(actions.length);
    }
  });

  it('asks the privilege of the level a return is used at', () => {
    const cases: [ArticleStatus, Privilege][] = [
      ['submitted', 'workflow.review1'],
      ['review1', 'workflow.review2'],
      ['review2', 'workflow.review3'],
      ['review3', 'workflow.review3'],
    ];
    for (const [from, privilege] of cases) expect(findRule('return', from)?.privilege, from).toBe(privilege);
  });

  it('has a story in each queue state wait for the privilege that moves it on', () => {
    for (const [status, privilege] of Object.entries(WAITING_PRIVILEGE)) {
      const forward = TRANSITIONS.filter((r) => r.from.includes(status as ArticleStatus) && !['return', 'spike'].includes(r.action));
      expect(forward.map((r) => r.privilege), status).toContain(privilege);
    }
  });
});

describe('decide', () => {
  const story = (status: ArticleStatus, createdBy = 'u-author') => ({ status, createdBy });
  const base = { signoffs: [] as { userId: string; kind: SignoffKind }[], allowSameReviewer: false, seen: true, openedBy: null };

  it('explains a step that does not fit the state, naming both states', () => {
    const d = decide({ ...base, action: 'sign', article: story('draft'), actor: reviewer(['workflow.review3']) });
    expect(d).toMatchObject({ ok: false, kind: 'state' });
    if (!d.ok) expect(d.message).toContain('“终审”');
    if (!d.ok) expect(d.message).toContain('“草稿”');
  });

  it('names the missing privilege', () => {
    const d = decide({ ...base, action: 'pass2', article: story('review1'), actor: reviewer(['workflow.review1']) });
    expect(d).toMatchObject({ ok: false, kind: 'privilege' });
    if (!d.ok) expect(d.message).toContain('复审');
  });

  it('requires a reason to return or spike, and whitespace is no reason', () => {
    for (const reason of [undefined, '', '   ']) {
      const d = decide({ ...base, action: 'return', article: story('submitted'), actor: reviewer(['workflow.review1']), reason });
      expect(d).toMatchObject({ ok: false, kind: 'reason' });
    }
    expect(decide({ ...base, action: 'return', article: story('submitted'), actor: reviewer(['workflow.review1']), reason: '数字待核实' }).ok).toBe(true);
  });

  it('bars a second review level to the same person, and the setting lifts it', () => {
    const both = reviewer(['workflow.review1', 'workflow.review2']);
    const signoffs = [{ userId: 'u-rev', kind: 'review1' as const }];
    const barred = decide({ ...base, signoffs, action: 'pass2', article: story('review1'), actor: both });
    expect(barred).toMatchObject({ ok: false, kind: 'duty' });
    if (!barred.ok) expect(barred.message).toContain('初审');
    expect(decide({ ...base, signoffs, allowSameReviewer: true, action: 'pass2', article: story('review1'), actor: both }).ok).toBe(true);
  });

  it('lets one person take 终审 and 签发, which are the same level', () => {
    const chief = reviewer(['workflow.review3']);
    expect(decide({ ...base, signoffs: [{ userId: 'u-rev', kind: 'review3' }], action: 'sign', article: story('review3'), actor: chief }).ok).toBe(true);
  });

  it('takes 终审 and 签发 from 复审 as one act of the chief, recording both sign-offs; signing again after a reopen records 签发 only', () => {
    const chief = reviewer(['workflow.review3']);
    const once = decide({ ...base, action: 'sign', article: story('review2'), actor: chief });
    expect(once.ok && [once.rule.to, once.rule.signoffs]).toEqual(['approved', ['review3', 'sign']]);
    const again = decide({ ...base, action: 'sign', article: story('review3'), actor: chief });
    expect(again.ok && again.rule.signoffs).toEqual(['sign']);
    expect(TRANSITIONS.some((r) => (r.action as string) === 'pass3')).toBe(false);
  });

  it('refuses an approval the reviewer has not opened, saying so; a return needs no reading', () => {
    for (const [action, status, privilege] of [
      ['pass1', 'submitted', 'workflow.review1'],
      ['pass2', 'review1', 'workflow.review2'],
      ['sign', 'review2', 'workflow.review3'],
      ['sign', 'review3', 'workflow.review3'],
    ] as const) {
      const d = decide({ ...base, seen: false, action, article: story(status), actor: reviewer([privilege]) });
      expect(d, `${action} from ${status}`).toMatchObject({ ok: false, kind: 'unread' });
      if (!d.ok) expect(d.message).toContain('请先打开稿件');
    }
    expect(decide({ ...base, seen: false, action: 'return', article: story('review1'), actor: reviewer(['workflow.review2']), reason: '导语太长' }).ok).toBe(true);
  });

  it('lets the author withdraw a filed story until someone else has opened it, and nobody else', () => {
    const author = reviewer(['workflow.submit'], 'u-author');
    expect(decide({ ...base, action: 'withdraw', article: story('submitted'), actor: author })).toMatchObject({ ok: true, rule: { to: 'draft' } });
    const late = decide({ ...base, openedBy: '王海燕', action: 'withdraw', article: story('submitted'), actor: author });
    expect(late).toMatchObject({ ok: false, kind: 'opened' });
    if (!late.ok) expect(late.message).toContain('王海燕已打开这篇稿件');
    expect(decide({ ...base, action: 'withdraw', article: story('submitted'), actor: reviewer(['workflow.submit', 'article.edit_any'], 'u-editor') })).toMatchObject({ ok: false, kind: 'privilege' });
    expect(decide({ ...base, action: 'withdraw', article: story('review1'), actor: author })).toMatchObject({ ok: false, kind: 'state' });
  });

  it('bars authors from reviewing their own story', () => {
    const d = decide({ ...base, action: 'pass1', article: story('submitted', 'u-rev'), actor: reviewer(['workflow.review1']) });
    expect(d).toMatchObject({ ok: false, kind: 'duty' });
  });

  it('lets only the author or an editor file a story', () => {
    const colleague = reviewer(['workflow.submit'], 'u-other');
    expect(decide({ ...base, action: 'submit', article: story('draft'), actor: colleague })).toMatchObject({ ok: false, kind: 'privilege' });
    expect(decide({ ...base, action: 'submit', article: story('draft', 'u-other'), actor: colleague }).ok).toBe(true);
    expect(decide({ ...base, action: 'submit', article: story('draft'), actor: reviewer(['workflow.submit', 'article.edit_any'], 'u-other') }).ok).toBe(true);
  });
});

describe('who may edit in which state', () => {
  const author = new Set<Privilege>(['article.edit_own']);
  const editor = new Set<Privilege>(['article.edit_own', 'article.edit_any']);

  const chief = new Set<Privilege>(['article.edit_own', 'article.edit_any', 'workflow.review3']);

  it('lets the author edit only a draft; an editor anything not at 终审, on a signed page, printed or spiked; the chief also what waits for 终审', () => {
    for (const status of ARTICLE_STATUSES) {
      const frozen = status === 'printed' || status === 'spiked' || status === 'page_signed';
      expect(editRefusal(status, chief)?.code ?? null, status).toBe(frozen ? 'CONFLICT' : null);
      expect(editRefusal(status, editor)?.code ?? null, status).toBe(frozen ? 'CONFLICT' : status === 'review2' ? 'FORBIDDEN' : null);
      expect(editRefusal(status, author)?.code ?? null, status).toBe(frozen ? 'CONFLICT' : status === 'draft' ? null : 'FORBIDDEN');
    }
    expect(editRefusal('spiked', editor)?.message).toContain('恢复撤稿');
    expect(editRefusal('review2', editor)?.message).toContain('请值班总编退回');
    expect(editRefusal('page_signed', chief)?.message).toContain('先撤销签版');
  });
});

describe('lock parts', () => {
  it('maps a patch to the parts it touches', () => {
    expect(partsOfPatch({ headline: 'x' })).toEqual(['headline']);
    expect(partsOfPatch({ body: { type: 'doc', content: [] }, kicker: 'k' })).toEqual(['headline', 'body']);
    expect(partsOfPatch({ page: 3, priority: 1 })).toEqual([]);
  });

  it('sees a changed printed text, not a changed page number', () => {
    const before = defaultFields();
    expect(contentChanged(before, { ...before, page: 4, priority: 1 })).toBe(false);
    expect(contentChanged(before, { ...before, subheadline: '——副题' })).toBe(true);
    expect(contentChanged(before, { ...before, bylines: [{ name: '张三', role: '记者' }] })).toBe(true);
  });
});

describe('@mentions', () => {
  const users = [
    { id: '1', username: 'editor', displayName: '王海燕' },
    { id: '2', username: 'editor2', displayName: '王海' },
    { id: '3', username: 'chief', displayName: '黄志远' },
  ];

  it('reads Chinese names run into the text, longest first', () => {
    expect(findMentions('@王海燕请核实第三段', users)).toEqual(['1']);
    expect(findMentions('@王海 看一下', users)).toEqual(['2']);
  });

  it('reads usernames only as whole words', () => {
    expect(findMentions('@editor2 @chief。', users).sort()).toEqual(['2', '3']);
    expect(findMentions('@editors', users)).toEqual([]);
    expect(findMentions('邮箱 a@b.com 不是提及', users)).toEqual([]);
  });
});

describe('audit CSV', () => {
  it('quotes commas, quotes and newlines and neutralises formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('第二行\n')).toBe('"第二行\n"');
  });

  it('starts with a BOM and a Chinese header, one CRLF line per row', () => {
    const csv = auditCsv([
      { at: '2024-05-01T08:00:00.000Z', userName: '王海燕', action: 'workflow.transition', actionLabel: '流程操作', targetType: 'article', targetId: 'a1', targetLabel: '标题', details: { reason: '核实' } },
      { at: '2024-05-01T09:00:00.000Z', userName: null, action: 'setup.open_demo', actionLabel: '打开演示编辑部', targetType: null, targetId: null, targetLabel: null, details: {} },
    ]);
    expect(csv.startsWith('\uFEFF时间,用户,操作')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('2024-05-01T08:00:00.000Z,王海燕,流程操作,workflow.transition,article,a1,标题,"{""reason"":""核实""}"');
    expect(lines[2]).toContain('（系统）');
    expect(lines[3]).toBe('');
  });
});

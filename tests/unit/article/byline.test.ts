import { describe, expect, it } from 'vitest';
import { buildBylineLine, parsePeople, type Byline } from '../../../shared/article/byline';

const zhang: Byline = { name: '张三', role: '记者' };
const li: Byline = { name: '李四', role: '通讯员' };

describe('buildBylineLine (§6)', () => {
  it('prints □本报记者 张三 本报通讯员 李四', () => {
    expect(buildBylineLine([zhang, li], { mark: '□' })).toBe('□本报记者 张三 本报通讯员 李四');
    expect(buildBylineLine([zhang, li], { mark: '■' })).toBe('■本报记者 张三 本报通讯员 李四');
  });

  it('prints the names-only form with a space after the mark', () => {
    expect(buildBylineLine([zhang, li], { mark: '□', showRoles: false })).toBe('□ 张三 李四');
  });

  it('separates names of one role by spaces and keeps other orgs', () => {
    const wang: Byline = { name: '王五', role: '记者' };
    expect(buildBylineLine([zhang, wang], { mark: '□' })).toBe('□本报记者 张三 王五');
    expect(buildBylineLine([{ name: '赵六', role: '记者', org: '新华社' }], { mark: '□' })).toBe('□新华社记者 赵六');
    expect(buildBylineLine([zhang], { mark: '□', paper: { shortName: '本刊' } })).toBe('□本刊记者 张三');
  });

  it('prints nothing for no names rather than a lone mark', () => {
    expect(buildBylineLine([{ name: ' ', role: '记者' }], { mark: '□' })).toBe('');
  });
});

describe('parsePeople', () => {
  it('reads roles, orgs and 、-separated names', () => {
    expect(parsePeople('记者 张三、李四 特约记者王五 新华社记者 赵六')).toEqual({
      bylines: [
        { name: '张三', role: '记者' },
        { name: '李四', role: '记者' },
        { name: '王五', role: '特约记者' },
        { name: '赵六', role: '记者', org: '新华社' },
      ],
      unattributed: [],
    });
  });
});

// @vitest-environment jsdom
import '@ant-design/v5-patch-for-react-19';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import '../../../renderer/src/i18n/index';
import { Snippet } from '../../../renderer/src/search/Snippet';

afterEach(cleanup);

describe('a search snippet on screen', () => {
  it('turns marked hits into <mark> elements and says which field they come from', () => {
    const { container } = render(<Snippet snippet={'…江边\uE000灯塔\uE001和\uE000灯塔\uE001'} field="body" />);
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['灯塔', '灯塔']);
    expect(container.textContent).toBe('正文：…江边灯塔和灯塔');
  });

  it('shows markup a writer typed as text, never as elements', () => {
    const { container } = render(<Snippet snippet={'<b onclick="x()">\uE000粗体\uE001</b>'} field="headline" />);
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe('标题：<b onclick="x()">粗体</b>');
  });
});

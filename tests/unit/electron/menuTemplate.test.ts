import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/desktop/menuTemplate';

const PRODUCT = '编辑部桌面系统';

function build(platform: NodeJS.Platform, isDev = false) {
  const handlers = { command: vi.fn(), about: vi.fn() };
  return { template: buildMenuTemplate({ platform, isDev, productName: PRODUCT, handlers }), handlers };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  expect(menu, `menu ${label}`).toBeDefined();
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((entry) => entry.label === label);
  expect(found, `item ${label}`).toBeDefined();
  return found!;
}

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((menu) => [menu, ...allItems((menu.submenu ?? []) as MenuItemConstructorOptions[])]);
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it('has the zh-CN top-level menus in order on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(build(platform).template.map((menu) => menu.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    }
  });

  it('puts the application menu first on macOS', () => {
    expect(build('darwin').template.map((menu) => menu.label)).toEqual([PRODUCT, '文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('labels every item in Chinese: no English role label leaks through', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      for (const entry of allItems(build(platform, true).template)) {
        if (entry.type === 'separator') continue;
        expect(entry.label, JSON.stringify({ role: entry.role })).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('sends 新建稿件 (Ctrl/Cmd+N) and 导入… (Ctrl/Cmd+O) to the renderer', () => {
    const { template, handlers } = build('linux');
    const file = submenu(template, '文件');
    const newArticle = item(file, '新建稿件');
    expect(newArticle.accelerator).toBe('CmdOrCtrl+N');
    click(newArticle);
    expect(handlers.command).toHaveBeenLastCalledWith('article.new');
    const importItem = item(file, '导入…');
    expect(importItem.accelerator).toBe('CmdOrCtrl+O');
    click(importItem);
    expect(handlers.command).toHaveBeenLastCalledWith('article.import');
  });

  it('quits from 文件 on Windows/Linux and from the app menu on macOS', () => {
    expect(item(submenu(build('win32').template, '文件'), '退出')).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
    const mac = build('darwin').template;
    expect(item(submenu(mac, PRODUCT), `退出${PRODUCT}`)).toMatchObject({ role: 'quit', accelerator: 'Cmd+Q' });
    expect(submenu(mac, '文件').some((entry) => entry.role === 'quit')).toBe(false);
  });

  it('binds the edit roles with their shortcuts', () => {
    const edit = submenu(build('linux').template, '编辑');
    expect(item(edit, '撤销')).toMatchObject({ role: 'undo', accelerator: 'CmdOrCtrl+Z' });
    expect(item(edit, '重做')).toMatchObject({ role: 'redo', accelerator: 'Shift+CmdOrCtrl+Z' });
    expect(item(edit, '剪切')).toMatchObject({ role: 'cut', accelerator: 'CmdOrCtrl+X' });
    expect(item(edit, '复制')).toMatchObject({ role: 'copy', accelerator: 'CmdOrCtrl+C' });
    expect(item(edit, '粘贴')).toMatchObject({ role: 'paste', accelerator: 'CmdOrCtrl+V' });
    expect(item(edit, '全选')).toMatchObject({ role: 'selectAll', accelerator: 'CmdOrCtrl+A' });
    expect(item(submenu(build('win32').template, '编辑'), '重做').accelerator).toBe('Ctrl+Y');
  });

  it('offers 重新加载 only in development, where losing unsaved state is acceptable', () => {
    const prodView = submenu(build('win32', false).template, '视图');
    expect(prodView.some((entry) => entry.role === 'reload' || entry.role === 'toggleDevTools')).toBe(false);
    const devView = submenu(build('win32', true).template, '视图');
    expect(item(devView, '重新加载')).toMatchObject({ role: 'reload', accelerator: 'CmdOrCtrl+R' });
  });

  it('has zoom and full-screen items with shortcuts', () => {
    const view = submenu(build('linux').template, '视图');
    expect(item(view, '实际大小')).toMatchObject({ role: 'resetZoom', accelerator: 'CmdOrCtrl+0' });
    expect(item(view, '放大')).toMatchObject({ role: 'zoomIn', accelerator: 'CmdOrCtrl+=' });
    expect(item(view, '缩小')).toMatchObject({ role: 'zoomOut', accelerator: 'CmdOrCtrl+-' });
    expect(item(view, '全屏')).toMatchObject({ role: 'togglefullscreen', accelerator: 'F11' });
  });

  it('opens 关于 from 帮助', () => {
    const { template, handlers } = build('win32');
    click(item(submenu(template, '帮助'), `关于${PRODUCT}`));
    expect(handlers.about).toHaveBeenCalledTimes(1);
  });

  it('never assigns one accelerator to two items', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const accelerators = allItems(build(platform, true).template)
        .map((entry) => entry.accelerator)
        .filter((value): value is string => typeof value === 'string');
      expect(new Set(accelerators).size, platform).toBe(accelerators.length);
    }
  });
});

import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/bridge';

interface MenuHandlers {
  command(command: MenuCommand): void;
  about(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and DevTools only while developing: a reload discards the editor's unsaved state without asking. */
  isDev: boolean;
  productName: string;
  handlers: MenuHandlers;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * Electron's role items come with English labels, so every item names its
 * zh-CN label and accelerator explicitly; the role still supplies the action.
 */
export function buildMenuTemplate({ platform, isDev, productName, handlers }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const aboutLabel = `关于${productName}`;

  const appMenu: MenuItemConstructorOptions = {
    label: productName,
    submenu: [
      { label: aboutLabel, click: () => handlers.about() },
      separator,
      { role: 'services', label: '服务' },
      separator,
      { role: 'hide', label: `隐藏${productName}`, accelerator: 'Cmd+H' },
      { role: 'hideOthers', label: '隐藏其他', accelerator: 'Cmd+Alt+H' },
      { role: 'unhide', label: '全部显示' },
      separator,
      { role: 'quit', label: `退出${productName}`, accelerator: 'Cmd+Q' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [
      { label: '新建稿件', accelerator: 'CmdOrCtrl+N', click: () => handlers.command('article.new') },
      { label: '导入…', accelerator: 'CmdOrCtrl+O', click: () => handlers.command('article.import') },
      separator,
      isMac
        ? { role: 'close', label: '关闭窗口', accelerator: 'Cmd+W' }
        : { role: 'quit', label: '退出', accelerator: 'Ctrl+Q' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { role: 'undo', label: '撤销', accelerator: 'CmdOrCtrl+Z' },
      { role: 'redo', label: '重做', accelerator: platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z' },
      separator,
      { role: 'cut', label: '剪切', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', label: '复制', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', label: '粘贴', accelerator: 'CmdOrCtrl+V' },
      { role: 'selectAll', label: '全选', accelerator: 'CmdOrCtrl+A' },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = isDev
    ? [
        { role: 'reload', label: '重新加载', accelerator: 'CmdOrCtrl+R' },
        { role: 'toggleDevTools', label: '开发者工具', accelerator: isMac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' },
        separator,
      ]
    : [];

  const viewMenu: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      ...devItems,
      { role: 'resetZoom', label: '实际大小', accelerator: 'CmdOrCtrl+0' },
      { role: 'zoomIn', label: '放大', accelerator: 'CmdOrCtrl+=' },
      { role: 'zoomOut', label: '缩小', accelerator: 'CmdOrCtrl+-' },
      separator,
      { role: 'togglefullscreen', label: '全屏', accelerator: isMac ? 'Ctrl+Cmd+F' : 'F11' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: '窗口',
    role: isMac ? 'windowMenu' : undefined,
    submenu: [
      { role: 'minimize', label: '最小化', accelerator: 'CmdOrCtrl+M' },
      ...(isMac
        ? ([{ role: 'zoom', label: '缩放' }, separator, { role: 'front', label: '全部置于顶层' }] as MenuItemConstructorOptions[])
        : ([{ role: 'close', label: '关闭', accelerator: 'Ctrl+W' }] as MenuItemConstructorOptions[])),
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: '帮助',
    role: 'help',
    submenu: [{ label: aboutLabel, click: () => handlers.about() }],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

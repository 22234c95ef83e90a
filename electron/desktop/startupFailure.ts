import { CoreOpenError } from '../core/errors';

export interface StartupFailure {
  title: string;
  message: string;
}

/** What the error box says when the core cannot open; the data folder is never touched on this path. */
export function describeStartupFailure(error: unknown, isPackaged: boolean): StartupFailure {
  if (error instanceof CoreOpenError) return { title: '无法打开编辑部数据', message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  if (detail.includes('NODE_MODULE_VERSION')) {
    return {
      title: '数据库模块版本不符',
      message: isPackaged
        ? '本程序附带的数据库模块与程序版本不符，无法打开数据。请重新安装本程序；数据文件夹未做任何改动。'
        : '数据库模块不是为 Electron 编译的，无法打开数据。请先运行 node scripts/native-electron.mjs；数据文件夹未做任何改动。',
    };
  }
  return { title: '启动失败', message: `程序未能启动：${detail}` };
}

import type { CliCommand } from './types';
import { backupCommand, checkCommand, demoCommand } from './maintenance';
import { copyfitCommand } from './copyfit';
import { proofreadCommand } from './proofread';
import { importCommand } from './importCommand';
import { proofCommand } from './proof';
import { photoCommand } from './photo';
import { exportCommand } from './exportCommand';

/** Every CLI command; later work adds its module here. */
export const COMMANDS: readonly CliCommand[] = [checkCommand, backupCommand, demoCommand, copyfitCommand, proofreadCommand, importCommand, proofCommand, photoCommand, exportCommand];

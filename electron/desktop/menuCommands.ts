/**
 * Menu commands the main side forwards to the renderer. Belongs in
 * shared/api/bridge.ts (IPC_CHANNELS.menuCommand and NewsroomBridge.onMenuCommand)
 * once the contract owner adopts it; kept here until then.
 */
export const MENU_COMMAND_CHANNEL = 'newsroom:menu-command';

export const MENU_COMMANDS = ['article.new', 'article.import'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

import type { Store } from '../store/store';
import { DEFAULT_WORKFLOW_SETTINGS, type WorkflowSettings } from '../../../shared/administration/types';
import { DESKS_SETTING } from '../../../shared/domain/desks';

const WORKFLOW_SETTING_KEYS: Record<keyof WorkflowSettings, string> = {
  allowSameReviewer: 'workflow.allowSameReviewer',
  lockIdleMinutes: 'workflow.lockIdleMinutes',
  pageBlankTolerancePercent: 'layout.pageBlankTolerancePercent',
  printFileNamePattern: 'print.fileNamePattern',
  printOutputDir: 'print.outputDir',
};

export class SettingsRepository {
  constructor(private readonly store: Store) {}

  async get<T>(key: string): Promise<T | null> {
    const row = await this.store.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
    return row ? (JSON.parse(row.value) as T) : null;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.store.run(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [key, JSON.stringify(value), new Date().toISOString()],
    );
  }

  async paperName(): Promise<string> {
    return (await this.get<string>('paper.name')) ?? '';
  }

  /** The paper's desks (部门) as the administrator keeps them. */
  async desks(): Promise<string[]> {
    return (await this.get<string[]>(DESKS_SETTING)) ?? [];
  }

  async setDesks(desks: readonly string[]): Promise<void> {
    await this.set(DESKS_SETTING, desks);
  }

  /** The paper's workflow settings, each at its default until the administrator sets it. */
  async workflow(): Promise<WorkflowSettings> {
    const read = async <K extends keyof WorkflowSettings>(key: K): Promise<WorkflowSettings[K]> =>
      (await this.get<WorkflowSettings[K]>(WORKFLOW_SETTING_KEYS[key])) ?? DEFAULT_WORKFLOW_SETTINGS[key];
    return {
      allowSameReviewer: await read('allowSameReviewer'),
      lockIdleMinutes: await read('lockIdleMinutes'),
      pageBlankTolerancePercent: await read('pageBlankTolerancePercent'),
      printFileNamePattern: await read('printFileNamePattern'),
      printOutputDir: await read('printOutputDir'),
    };
  }

  async setWorkflow<K extends keyof WorkflowSettings>(key: K, value: WorkflowSettings[K]): Promise<void> {
    await this.set(WORKFLOW_SETTING_KEYS[key], value);
  }
}

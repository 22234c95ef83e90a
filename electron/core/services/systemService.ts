import type { CoreContext } from '../context';
import type { SystemInfo } from '../../../shared/domain/session';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { APP_VERSION } from '../version';

export class SystemService {
  constructor(private readonly ctx: CoreContext) {}

  info(): SystemInfo {
    return {
      appVersion: APP_VERSION,
      store: this.ctx.store.dialect,
      dataDir: this.ctx.dataDir,
      schemaVersion: LATEST_SCHEMA_VERSION,
      readOnly: this.ctx.readOnlyReason !== null,
      readOnlyReason: this.ctx.readOnlyReason,
    };
  }
}

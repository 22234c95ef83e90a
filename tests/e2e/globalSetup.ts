import { ensureRendererBuilt } from '../../electron/host/rendererBuild';
import { ROOT } from '../support/hostProcess';

/** Build the renderer once, before specs start hosts in parallel. */
export default async function globalSetup(): Promise<void> {
  await ensureRendererBuilt(ROOT, (line) => console.log(line));
}

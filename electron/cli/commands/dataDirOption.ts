import path from 'node:path';
import { defaultDataDir } from '../../core/dataDir';
import type { CliValues } from './types';

export function resolveDataDir(values: CliValues): string {
  const given = values['data-dir'];
  return path.resolve(typeof given === 'string' ? given : defaultDataDir());
}

import fs from 'node:fs';
import { parseServerAddress } from '../../shared/api/desk';
import type { PinnedCertificate } from '../remote/serverTls';
import { writeFileAtomicSync } from './atomicWrite';

/** Which newsroom this desktop works in, kept beside the window state in the data folder. */
export type DeskSettings = { mode: 'local' } | { mode: 'remote'; address: string; pin: PinnedCertificate | null };

export const DESK_SETTINGS_FILE = 'desk-connection.json';

export const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

function parsePin(raw: unknown): PinnedCertificate | null | undefined {
  if (raw === null) return null;
  if (typeof raw !== 'object') return undefined;
  const { fingerprint, pem } = raw as { fingerprint?: unknown; pem?: unknown };
  if (typeof fingerprint !== 'string' || !FINGERPRINT.test(fingerprint)) return undefined;
  if (typeof pem !== 'string' || !pem.startsWith('-----BEGIN CERTIFICATE-----')) return undefined;
  return { fingerprint, pem };
}

/** Anything odd in the file (hand-edited, an older build) means the newsroom on this computer, as on a first start. */
function parseDeskSettings(raw: unknown): DeskSettings {
  if (typeof raw !== 'object' || raw === null) return { mode: 'local' };
  const { mode, address, pin } = raw as { mode?: unknown; address?: unknown; pin?: unknown };
  if (mode !== 'remote' || typeof address !== 'string') return { mode: 'local' };
  const parsed = parseServerAddress(address);
  const pinned = parsePin(pin);
  if (!parsed.ok || parsed.address !== address || pinned === undefined) return { mode: 'local' };
  return { mode: 'remote', address, pin: pinned };
}

export function loadDeskSettings(file: string): DeskSettings {
  try {
    return parseDeskSettings(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return { mode: 'local' };
  }
}

export function saveDeskSettings(file: string, settings: DeskSettings): void {
  writeFileAtomicSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}

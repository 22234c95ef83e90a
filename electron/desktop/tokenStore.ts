import fs from 'node:fs';
import { writeFileAtomic } from './atomicWrite';

/** The part of Electron's safeStorage the token store uses (the async API; the sync one is deprecated). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: `basic_text` is a key written into Chromium itself, no better than plain text. */
  getSelectedStorageBackend?(): string;
}

export const TOKEN_FILE = 'server-session.bin';

/**
 * The newsroom server's session token, encrypted by the operating system's key store (Keychain,
 * DPAPI, libsecret/kwallet) and written atomically, so the user stays signed in across starts.
 * Where no real key store is available it keeps nothing: the user signs in at each start, and the
 * token lives only in memory.
 */
export class TokenStore {
  private available: boolean | null = null;

  constructor(
    private readonly file: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async canKeep(): Promise<boolean> {
    if (this.available === null) {
      const basic = this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend?.() === 'basic_text';
      this.available = !basic && (await this.safeStorage.isAsyncEncryptionAvailable().catch(() => false));
    }
    return this.available;
  }

  /** The kept token, or null (none kept, or it cannot be decrypted any more: then it is removed). */
  async load(): Promise<string | null> {
    if (!(await this.canKeep())) return null;
    let encrypted: Buffer;
    try {
      encrypted = await fs.promises.readFile(this.file);
    } catch {
      return null;
    }
    try {
      const { result, shouldReEncrypt } = await this.safeStorage.decryptStringAsync(encrypted);
      if (!/^[A-Za-z0-9_-]{20,200}$/.test(result)) throw new Error('not a session token');
      if (shouldReEncrypt) await this.save(result);
      return result;
    } catch {
      await this.save(null);
      return null;
    }
  }

  /** Keeps `token` (or forgets it for null); resolves whether it is kept on disk. */
  async save(token: string | null): Promise<boolean> {
    if (token === null || !(await this.canKeep())) {
      await fs.promises.rm(this.file, { force: true });
      return false;
    }
    await writeFileAtomic(this.file, await this.safeStorage.encryptStringAsync(token));
    return true;
  }
}

import fs from 'node:fs';
import Database from 'better-sqlite3';

export interface ReadOnlyDatabase {
  db: Database.Database;
  /** Closes the connection and removes the -wal and -shm files that opening it created. */
  close(): void;
}

function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

/**
 * A database opened for reading only, leaving its folder as it was found. SQLite reads a WAL
 * database through a -wal and a -shm file, creating them when absent (a database copied from
 * elsewhere, or one whose program closed cleanly), and a read-only connection never removes them.
 * Only files this opening created are removed, and only while the -wal is as it was: a program
 * that began writing meanwhile owns them. A read-only connection never checkpoints, so a pending
 * -wal is read, not merged.
 */
export function openReadOnly(file: string, options: { nativeBinding?: string } = {}): ReadOnlyDatabase {
  const wal = `${file}-wal`;
  const shm = `${file}-shm`;
  const walBefore = sizeOf(wal);
  const shmExisted = fs.existsSync(shm);
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  return {
    db,
    close() {
      db.close();
      const walAfter = sizeOf(wal);
      const untouched = walBefore === null ? walAfter === null || walAfter === 0 : walAfter === walBefore;
      if (!untouched) return;
      if (walBefore === null && walAfter === 0) fs.rmSync(wal, { force: true });
      if (!shmExisted) fs.rmSync(shm, { force: true });
    },
  };
}

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './connection';

/** How often the background thread looks for new commits. */
const POLL_MS = 50;
/** Quiet this long after a commit, the thread checkpoints: the copying and fsync then meet no waiting save. */
const IDLE_MS = 150;
/** Under unbroken writing, a checkpoint at least this often, well before the backstop below. */
const MAX_DELAY_MS = 1_000;
/**
 * WAL pages after which a commit checkpoints inline, as SQLite does by default at 1,000. Reached
 * only if the background thread has stopped or fallen far behind: then saves pay for checkpoints
 * again, but the WAL stays bounded (about 80 MB).
 */
export const BACKSTOP_PAGES = 20_000;
const SQLITE_DEFAULT_PAGES = 1_000;
/** How long closing waits for the thread to finish a checkpoint and close its connection. */
const STOP_WAIT_MS = 10_000;

/** state[0]: 0 run, 1 stop (set by the main thread); state[1]: 1 once the thread has closed its connection. */
const RUN = 0;
const STOP = 1;
const CLOSED = 1;

/**
 * Plain CommonJS run with `eval`, so the same source works under tsx, vitest and the Electron
 * bundle without a second build entry. `data_version` changes when another connection commits;
 * the thread checkpoints once the writing pauses, or after MAX_DELAY_MS of unbroken writing. The
 * loop sleeps on the shared state, so a stop wakes it at once; whatever happens, the connection is
 * closed and the main thread told.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const state = new Int32Array(workerData.state);
let db;
try {
  if (Atomics.load(state, 0) === ${RUN}) {
    const Database = require(workerData.sqliteModule);
    db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
    db.pragma('synchronous = FULL');
    db.pragma('wal_autocheckpoint = 0');
  }
  // Commits made before this thread started are pending too.
  let seen = null;
  let lastWrite = Date.now();
  let firstPending = lastWrite;
  while (Atomics.load(state, 0) === ${RUN}) {
    const now = Date.now();
    const version = db.pragma('data_version', { simple: true });
    if (version !== seen) {
      firstPending ??= now;
      seen = version;
      lastWrite = now;
    }
    if (firstPending !== null && (now - lastWrite >= ${IDLE_MS} || now - firstPending >= ${MAX_DELAY_MS})) {
      db.pragma('wal_checkpoint(PASSIVE)');
      firstPending = null;
    }
    Atomics.wait(state, 0, ${RUN}, ${POLL_MS});
  }
} finally {
  try {
    if (db) db.close();
  } finally {
    Atomics.store(state, 1, ${CLOSED});
    Atomics.notify(state, 1);
  }
}
`;

const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3');

export interface Checkpointer {
  /** Stops the thread and waits until its connection is closed, so the main connection's close is the last one. */
  stop(): void;
}

/**
 * A commit that crosses SQLite's checkpoint threshold copies the WAL into the database file and
 * fsyncs it before returning: on a large archive that is tens of milliseconds on one save in a
 * few hundred, which is what a user feels as a stutter. Here a second connection on its own
 * thread does that copying (a PASSIVE checkpoint never blocks writers) when the writing pauses —
 * its fsync of the database file would otherwise hold up a save's fsync of the WAL — and the main
 * connection keeps an inline checkpoint only as a backstop.
 */
export function startCheckpointer(db: Db, file: string, nativeBinding?: string): Checkpointer {
  const state = new Int32Array(new SharedArrayBuffer(8));
  let stopped = false;
  const fallBack = (why: string) => {
    if (stopped || !db.open) return;
    console.error(`[newsroom] background checkpoints stopped (${why}); saves checkpoint inline again.`);
    db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
  };
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { state: state.buffer, file, nativeBinding, sqliteModule },
    });
  } catch (error) {
    console.error(`[newsroom] background checkpoints unavailable (${(error as Error).message}); saves checkpoint inline.`);
    return { stop() {} };
  }
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  worker.unref();
  worker.on('error', (error) => fallBack(error.message));
  worker.on('exit', (code) => fallBack(`exit ${code}`));
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      Atomics.store(state, 0, STOP);
      Atomics.notify(state, 0);
      Atomics.wait(state, 1, 0, STOP_WAIT_MS);
    },
  };
}

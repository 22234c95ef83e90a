/**
 * One side of the cross-process lock race in locks.test.ts: its own process
 * and its own SQLite connection, acquiring the same story parts as the other
 * side from the same instant on, in the given order.
 */
import fs from 'node:fs';
import { ApiError } from '../../../shared/api/errors';
import type { Location } from '../../support/coreHarness';
import { direct } from './support';

const [locationJson, idsFile, username, order] = process.argv.slice(2) as [string, string, string, string];
const listed = JSON.parse(fs.readFileSync(idsFile, 'utf8')) as string[];
const ids = order === 'reverse' ? listed.reverse() : listed;
const d = await direct(JSON.parse(locationJson) as Location);
const actor = await d.actor(username);
// The gate: the parent says go to both sides once both are ready, so neither starts while the other loads.
process.stdout.write('ready\n');
fs.readSync(0, Buffer.alloc(1));
const began = Date.now();
const pause = new Int32Array(new SharedArrayBuffer(4));
const won: string[] = [];
const lost: string[] = [];
for (const id of ids) {
  try {
    await d.services.locks.acquire(actor, id, 'body');
    won.push(id);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'LOCKED') throw error;
    lost.push(id);
  }
  // SQLite's busy handler sleeps between retries: without a breath, the side holding the write lock would take every story.
  Atomics.wait(pause, 0, 0, 2);
}
const ended = Date.now();
await d.close();
process.stdout.write(`${JSON.stringify({ won, lost, began, ended })}\n`);

import { v7 } from 'uuid';

/** UUIDv7: created where the record is created, sortable by time, safe offline. */
export function newId(): string {
  return v7();
}

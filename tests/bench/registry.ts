import { benchDbInsert } from './dbBench';
import { benchCopyfit } from './copyfitBench';

export type Bench = [name: string, run: () => Promise<Record<string, number>>];

/** Every benchmark `npm run bench` runs, in order; later work adds its entry here. */
export const BENCHES: Bench[] = [
  ['database inserts', () => benchDbInsert()],
  ['edition copy-fit', () => benchCopyfit()],
];

import { benchDbInsert } from './dbBench';
import { benchCopyfit } from './copyfitBench';

export type Bench = [name: string, run: () => Promise<Record<string, number>>];

/** Every benchmark `npm run bench` runs, in order; later work adds its entry here. */
export const BENCHES: Bench[] = [
  ['database inserts', () => benchDbInsert()],
  ['edition copy-fit', () => benchCopyfit()],
  ['house style', async () => (await import('./styleBench')).benchStyle()],
  ['workflow transitions and queues', async () => (await import('./workflowBench')).benchWorkflow()],
  ['search and list at archive scale', async () => (await import('./searchBench')).benchSearch()],
  ['editor keystrokes in a 20,000-字 story', async () => (await import('./editorBench')).benchEditor()],
  ['photo import and library grid', async () => (await import('./photoBench')).benchPhotos()],
  ['layout board, proof', async () => (await import('./layoutBench')).benchLayout()],
  ['interchange export (NewsML-G2)', async () => (await import('./interchangeBench')).benchInterchange()],
  ['browser host saves with 1,000 event streams', async () => (await import('./hostBench')).benchHost()],
];

import { useCallback, useRef, useState } from 'react';
import { MAX_PHOTO_BYTES, type PhotoImportResult } from '../../../shared/api/methods/photos';
import { api } from '../api/client';
import { errorText } from '../api/errorText';
import { bytesToBase64 } from '../import/readImportFile';

export interface ImportProgress {
  total: number;
  done: number;
  running: boolean;
  cancelled: boolean;
  results: PhotoImportResult[];
}

/**
 * Two files in flight: while one is decoded on the main side's thread pool the next is read and
 * sent, which keeps both cores of a small desktop busy without flooding the main side.
 */
const IMPORT_LANES = 2;

const IDLE: ImportProgress = { total: 0, done: 0, running: false, cancelled: false, results: [] };

/**
 * A batch of files, each one API call, so a refusal or a failure touches that file only and the
 * rest go on. Cancel stops before the next file; the ones on their way finish, so nothing is left
 * half-imported.
 */
export function usePhotoImport(onImported: () => void, tooLarge: (name: string) => string) {
  const [progress, setProgress] = useState<ImportProgress>(IDLE);
  const cancelRef = useRef(false);

  const start = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      cancelRef.current = false;
      setProgress({ total: files.length, done: 0, running: true, cancelled: false, results: [] });
      const results: PhotoImportResult[] = [];
      const queue = [...files];
      const importOne = async (file: File): Promise<PhotoImportResult> => {
        if (file.size > MAX_PHOTO_BYTES) return { status: 'refused', fileName: file.name, message: tooLarge(file.name) };
        try {
          const dataBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
          return await api.call('photos.import', { fileName: file.name, dataBase64 });
        } catch (error) {
          return { status: 'refused', fileName: file.name, message: errorText(error) };
        }
      };
      const lane = async () => {
        for (let file = queue.shift(); file && !cancelRef.current; file = queue.shift()) {
          const result = await importOne(file);
          results.push(result);
          setProgress((p) => ({ ...p, done: results.length, results: [...results] }));
          if (result.status !== 'refused') onImported();
        }
      };
      await Promise.all(Array.from({ length: IMPORT_LANES }, lane));
      setProgress((p) => ({ ...p, running: false, cancelled: cancelRef.current }));
    },
    [onImported, tooLarge],
  );

  const cancel = useCallback(() => {
    cancelRef.current = true;
  }, []);

  const reset = useCallback(() => setProgress(IDLE), []);

  return { progress, start, cancel, reset };
}

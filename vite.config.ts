import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  // Relative asset URLs work both from the browser host and the desktop app's app:// protocol.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    // Written for debugging a build, never referenced from the bundle nor served (electron/host/staticFiles.ts).
    sourcemap: 'hidden',
  },
  server: { port: 5781, strictPort: false },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The bundle is written straight into the Maven module's classes directory under
// META-INF/resources, which the incident server serves from this jar; nothing is written into src/.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev` against a server started with `./tool-ocr incident`.
    proxy: { '/api': 'http://localhost:8100', '/ws': { target: 'ws://localhost:8100', ws: true } },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // CI runs these beside the Java build on two cores; a slow render is not a failure.
    testTimeout: 20_000,
  },
});

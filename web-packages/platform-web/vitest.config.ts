import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup.ts', './src/testing/platformOnly.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // CI runs these beside the Java build on two cores; a slow render is not a failure.
    testTimeout: 20_000,
  },
});

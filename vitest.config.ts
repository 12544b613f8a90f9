import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: {
    alias: { '@': path.resolve(import.meta.dirname, '.') },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Integration tests each migrate their own temporary SQLite file; keep files in
    // separate workers but cap parallelism for a 2-core machine.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    server: { deps: { inline: ['server-only'] } },
    alias: {
      'server-only': path.resolve(import.meta.dirname, 'tests/fixtures/server-only-stub.ts'),
    },
  },
});

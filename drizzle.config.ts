import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Core owns the tables it writes itself (audit_log, idempotency_keys, job_runs); modules own the rest.
  schema: ['./src/core/**/*.schema.ts', './src/modules/**/*.schema.ts'],
  out: './migrations',
});

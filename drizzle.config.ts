import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` is used (it needs no database); migrations are applied from code at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/server/db/schema.ts', './src/server/db/schema-compliance.ts'],
  out: './src/server/db/migrations',
});

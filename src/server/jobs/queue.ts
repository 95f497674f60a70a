// Background jobs on pg-boss, in the same database as everything else (PGlite or PostgreSQL).
// Each job is a definition: a name, a zod schema for its payload, and a handler.
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { SqlRunner } from '../db/client.js';

export type JobDefinition<S extends z.ZodType> = {
  name: string;
  payload: S;
  retryLimit?: number;
  handler: (payload: z.infer<S>) => Promise<void>;
};

export type Jobs = {
  send<S extends z.ZodType>(job: { name: string; payload: S; retryLimit?: number }, payload: z.infer<S>): Promise<string | null>;
  /** Starts workers for the given definitions; without this call, jobs are only queued. */
  work(definitions: JobDefinition<any>[]): Promise<void>;
  stop(): Promise<void>;
  boss: PgBoss;
};

export async function startJobs(sql: SqlRunner, log: { error(o: unknown, msg?: string): void }, schema = 'pgboss'): Promise<Jobs> {
  const boss = new PgBoss({
    db: sql,
    schema,
    // PGlite has a single connection; keep background polling light
    monitorStateIntervalSeconds: 60,
    maintenanceIntervalSeconds: 120,
  } as PgBoss.ConstructorOptions);
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return;
    await boss.createQueue(name);
    created.add(name);
  };
  return {
    boss,
    async send(job, payload) {
      const parsed = job.payload.parse(payload);
      await ensureQueue(job.name);
      return boss.send(job.name, parsed as object, { retryLimit: job.retryLimit ?? 5, retryBackoff: true });
    },
    async work(definitions) {
      for (const def of definitions) {
        await ensureQueue(def.name);
        await boss.work(def.name, { pollingIntervalSeconds: 2 }, async (jobs) => {
          for (const job of jobs) {
            await def.handler(def.payload.parse(job.data));
          }
        });
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

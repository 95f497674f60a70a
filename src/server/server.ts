// Starting and stopping one server process: lock the data folder, open and migrate the database, start the job
// workers and the HTTP listener.
import path from 'node:path';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { FieldCipher, loadFieldKey } from './crypto.js';
import { openDatabase } from './db/client.js';
import { lockDataDir } from './datadir-lock.js';
import { buildApp } from './http/app.js';
import type { App } from './http/common.js';
import { jobDefinitions } from './jobs/definitions.js';
import { startJobs } from './jobs/queue.js';
import { complianceSweepJob } from './compliance/service.js';
import { createMailer } from './mail/outbound.js';
import { DiskBlobStore } from './storage/storage.js';

type Log = { info(o: unknown, msg?: string): void; error(o: unknown, msg?: string): void };

/** Opens every service the application needs. The caller owns closing them (see closeContext). */
export async function createContext(config: Config, log: Log, options: { migrate?: boolean; pgliteDir?: string; jobsSchema?: string } = {}): Promise<AppContext & { release: () => void }> {
  // the lock guards the embedded database; with a PostgreSQL server many processes may share DATA_DIR's files
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: options.pgliteDir ?? path.join(config.dataDir, 'pglite') });
    if (options.migrate !== false) await database.migrate();
    const jobs = await startJobs(database.sql, log, options.jobsSchema);
    const ctx: AppContext = {
      config,
      database,
      store: new DiskBlobStore(path.join(config.dataDir, 'files')),
      cipher: new FieldCipher(loadFieldKey(config.secretKey, config.dataDir)),
      mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: path.join(config.dataDir, 'outbox') }),
      jobs,
    };
    if (config.workers) {
      await jobs.work(jobDefinitions(ctx));
      // the daily compliance sweep: hourly, each organization once per its own day (the sweep skips the rest); one now
      // catches up a server that was down at midnight
      await jobs.boss.schedule(complianceSweepJob.name, '7 * * * *', {});
      await jobs.send(complianceSweepJob, {});
    }
    return { ...ctx, release };
  } catch (err) {
    release();
    throw err;
  }
}

export async function closeContext(ctx: AppContext & { release?: () => void }): Promise<void> {
  await ctx.jobs.stop().catch(() => {});
  await ctx.database.close();
  ctx.release?.();
}

export async function startServer(config: Config): Promise<{ app: App; ctx: AppContext; stop: () => Promise<void> }> {
  const started = Date.now();
  const logger = { level: config.logLevel };
  const bootLog: Log = { info: (o, m) => console.log(m ?? o), error: (o, m) => console.error(m ?? '', o) };
  const ctx = await createContext(config, bootLog);
  const app = await buildApp(ctx, { logger });
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `coi-tracker ready at ${config.publicUrl} (database: ${ctx.database.kind}${ctx.database.kind === 'pglite' ? ` in ${config.dataDir}` : ''}) in ${Date.now() - started} ms`,
  );
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await closeContext(ctx);
    })());
  return { app, ctx, stop };
}

// The `coi` command: serve, migrate, demo, extract and check.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.js';
import { DataDirInUseError } from '../server/datadir-lock.js';

const usage = `Usage: coi <command> [options]

Commands:
  serve      Start the server (API, web UI, background workers). Same as npm start.
  migrate    Apply database migrations and exit.
  demo       Create a demo organization with sample data and print its login.
  extract    Read certificate files and print their extraction as JSON (coi extract --help).
  check      Check certificates (extraction JSON) against a requirement set and print the findings (coi check --help).

Environment: PORT (3000), DATA_DIR (./data), DATABASE_URL (postgres://…; default embedded PGlite),
PUBLIC_URL, MAX_UPLOAD_MB (25), SMTP_URL, MAIL_FROM, SECRET_KEY, LOG_LEVEL.`;

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve();
      case 'migrate':
        return await migrate();
      case 'demo': {
        const { runDemo } = await import('./demo.js');
        const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, insureds: { type: 'string' } } });
        return await runDemo(loadConfig(), { email: values.email, insureds: values.insureds ? Number(values.insureds) : undefined });
      }
      case 'extract': {
        const { runExtract } = await import('./extract.js');
        process.exitCode = await runExtract(rest);
        // the OCR worker thread, if a scan needed it, would keep the process alive
        await (await import('../extraction/ocr/index.js')).terminateOcr();
        return;
      }
      case 'check': {
        const { runCheck } = await import('./check.js');
        process.exitCode = await runCheck(rest);
        return;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(usage);
        return;
      default:
        console.error(`Unknown command "${command}".\n\n${usage}`);
        process.exitCode = 2;
    }
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirInUseError) {
      console.error(err.message);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
}

async function serve() {
  const { startServer } = await import('../server/server.js');
  const config = loadConfig();
  const { stop } = await startServer(config);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        (err) => {
          console.error(err);
          process.exit(1);
        },
      );
    });
  }
}

async function migrate() {
  const { openDatabase } = await import('../server/db/client.js');
  const { lockDataDir } = await import('../server/datadir-lock.js');
  const path = await import('node:path');
  const config = loadConfig();
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
    await database.migrate();
    await database.close();
    console.log(`Migrations applied (${database.kind}).`);
  } finally {
    release();
  }
}

// Starts the real server (HTTP listener, workers, web UI) on a free port for browser tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/server/config.js';
import { startServer } from '../../src/server/server.js';

export async function startTestServer() {
  const webIndex = path.resolve('web/dist/index.html');
  if (!fs.existsSync(webIndex)) throw new Error('web/dist is missing: run `npm run build:web` (npm install runs it) first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coi-browser-'));
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: process.env.TEST_DATABASE_URL, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
  const server = await startServer(config);
  const port = (server.app.server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    ...server,
    async close() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's chromium, started the way this machine allows (no sandbox as root, no background network). */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};

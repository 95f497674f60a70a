// Test harness: a real application on a real database (in-memory PGlite, or TEST_DATABASE_URL's PostgreSQL),
// driven through Fastify's inject, with helpers to sign up users and call the API as them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import { buildApp } from '../../src/server/http/app.js';
import type { App } from '../../src/server/http/common.js';
import { closeContext, createContext } from '../../src/server/server.js';

export type TestApp = { app: App; ctx: AppContext; config: Config; close: () => Promise<void> };

export const databaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coi-test-'));
  const config = loadConfig(
    { DATA_DIR: dataDir, DATABASE_URL: process.env.TEST_DATABASE_URL, LOG_LEVEL: 'silent', WORKERS: 'true' },
    overrides,
  );
  // test apps share one PostgreSQL database; a job queue of their own keeps one app's worker from taking another's jobs
  const jobsSchema = process.env.TEST_DATABASE_URL ? `pgboss_t${crypto.randomBytes(4).toString('hex')}` : undefined;
  const ctx = await createContext(config, { info() {}, error() {} }, { pgliteDir: 'memory://', jobsSchema });
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    config,
    async close() {
      await app.close();
      await closeContext(ctx);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Session = {
  cookie: string;
  userId: string;
  email: string;
  organizationId: string;
  /** Calls the API as this user in their organization (or the one given in headers). */
  request: (method: string, url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
};

export const uniqueEmail = (label = 'user') => `${label}-${crypto.randomBytes(5).toString('hex')}@example.test`;
export const PASSWORD = 'correct horse battery staple';

export async function signUp(app: App, options: { email?: string; organizationName?: string; name?: string } = {}): Promise<Session> {
  const email = options.email ?? uniqueEmail();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { email, password: PASSWORD, name: options.name ?? 'Test User', organizationName: options.organizationName ?? 'Test Org' },
  });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  return sessionFrom(app, res, email);
}

export function sessionFrom(app: App, res: LightMyRequestResponse, email: string): Session {
  const setCookie = res.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie!]).map((c) => c!.split(';')[0]).join('; ');
  const body = res.json();
  const organizationId = body.organizations[0]?.id;
  return {
    cookie,
    userId: body.user.id,
    email,
    organizationId,
    request: (method, url, payload, headers = {}) =>
      app.inject({
        method: method as any,
        url,
        payload: payload as any,
        headers: { cookie, 'x-organization-id': organizationId, ...headers },
      }),
  };
}

/** Calls the API with an API key instead of a cookie. */
export const withApiKey = (app: App, key: string) => (method: string, url: string, payload?: unknown) =>
  app.inject({ method: method as any, url, payload: payload as any, headers: { authorization: `Bearer ${key}` } });

/** Builds a multipart/form-data body for inject. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; contentType?: string; field?: string }) {
  const boundary = `----coitest${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

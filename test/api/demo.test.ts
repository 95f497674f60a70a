// `coi demo` end to end: runs the command against a real data folder (PGlite, or TEST_DATABASE_URL's PostgreSQL),
// then opens that database again the way the server does and logs in with the printed credentials.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../src/cli/demo.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { DataDirInUseError, lockDataDir } from '../../src/server/datadir-lock.js';
import { assignments, auditLog, certificates, contacts, insureds, locations, policies, requirementSets } from '../../src/server/db/schema.js';
import { buildApp } from '../../src/server/http/app.js';
import type { App } from '../../src/server/http/common.js';
import { closeContext, createContext } from '../../src/server/server.js';

let dataDir: string;
let config: Config;
// a unique address, so runs against a shared TEST_DATABASE_URL never meet an earlier run's demo user
const email = `demo-${crypto.randomBytes(4).toString('hex')}@example.test`;
const output: string[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coi-demo-'));
  config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: process.env.TEST_DATABASE_URL, LOG_LEVEL: 'silent', WORKERS: 'false' });
  await runDemo(config, { email, print: (line) => output.push(line) });
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('coi demo', () => {
  it('prints the login, and the data behind it is in the database', async () => {
    const printed = output.join('\n');
    expect(printed).toContain(config.publicUrl);
    expect(printed).toContain(email);
    const password = /Password\s+(\S+)/.exec(printed)?.[1];
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(printed).toMatch(/50 insureds/);

    // the command released the data folder; open it the way the server does
    const ctx = await createContext(config, { info() {}, error() {} });
    let app: App | undefined;
    try {
      app = await buildApp(ctx);
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      expect(login.statusCode).toBe(200);
      const orgs = login.json().organizations as { id: string; name: string; role: string }[];
      expect(orgs).toEqual([expect.objectContaining({ name: 'Demo Property Group', role: 'owner' })]);
      const organizationId = orgs[0]!.id;

      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const listed = await app.inject({ method: 'GET', url: '/api/v1/locations', headers: { cookie, 'x-organization-id': organizationId } });
      expect(listed.statusCode).toBe(200);
      const locationCount = listed.json().total as number;
      expect(locationCount).toBeGreaterThanOrEqual(4);
      expect(locationCount).toBeLessThanOrEqual(6);

      const { db } = ctx.database;
      const tally = async (table: typeof insureds | typeof contacts | typeof assignments | typeof certificates | typeof policies | typeof requirementSets | typeof locations) =>
        (await db.select({ n: count() }).from(table).where(eq(table.organizationId, organizationId)))[0]!.n;
      expect(await tally(insureds)).toBe(50);
      expect(await tally(locations)).toBe(locationCount);
      expect(await tally(requirementSets)).toBe(3);
      expect(await tally(contacts)).toBeGreaterThanOrEqual(50);
      expect(await tally(assignments)).toBeGreaterThanOrEqual(50);
      expect(await tally(certificates)).toBeGreaterThan(0);
      expect(await tally(policies)).toBeGreaterThan(await tally(certificates));

      // every certificate is marked as demo data, and a few wait for review
      const statuses = await db
        .select({ status: certificates.status, source: certificates.source, n: count() })
        .from(certificates)
        .where(eq(certificates.organizationId, organizationId))
        .groupBy(certificates.status, certificates.source);
      expect(new Set(statuses.map((s) => s.source))).toEqual(new Set(['demo']));
      expect(statuses.find((s) => s.status === 'needs_review')?.n).toBeGreaterThan(0);

      // every assignment with a requirement set has a compliance status from the start, in several states
      const summary = await app.inject({ method: 'GET', url: '/api/v1/compliance/summary', headers: { cookie, 'x-organization-id': organizationId } });
      expect(summary.statusCode, summary.body).toBe(200);
      const counts = summary.json().organization.counts as Record<string, number>;
      expect(summary.json().organization.total).toBeGreaterThanOrEqual(40);
      expect(Object.values(counts).filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
      expect(summary.json().history).toHaveLength(1);

      // tax ids are stored encrypted, and the key in DATA_DIR opens them
      const [insured] = await db.select().from(insureds).where(eq(insureds.organizationId, organizationId)).limit(1);
      expect(insured!.taxIdEncrypted).not.toContain(insured!.taxIdLast4!);
      expect(ctx.cipher.decrypt(insured!.taxIdEncrypted!)).toMatch(new RegExp(`^\\d{2}-\\d{3}${insured!.taxIdLast4}$`));

      const [audit] = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.action, 'demo.created')));
      expect(audit).toMatchObject({ entityType: 'organization', entityId: organizationId });

      // some insureds have no certificate at all
      const [withoutCertificate] = await db
        .select({ n: count() })
        .from(insureds)
        .where(
          and(
            eq(insureds.organizationId, organizationId),
            sql`not exists (select 1 from ${certificates} where ${certificates.insuredId} = ${insureds.id})`,
          ),
        );
      expect(withoutCertificate!.n).toBeGreaterThan(0);
    } finally {
      await app?.close();
      await closeContext(ctx);
    }
  });

  it('adds a second demo organization to an existing user instead of failing', async () => {
    const again: string[] = [];
    await runDemo(config, { email, insureds: 5, print: (line) => again.push(line) });
    const printed = again.join('\n');
    expect(printed).toContain('already had an account');
    expect(printed).toContain('Demo Property Group 2');
    expect(printed).not.toMatch(/Password\s+[a-z2-9]{4}-/);
  });

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))('explains what to do when the server holds the data folder', async () => {
    const release = lockDataDir(dataDir);
    try {
      // the lock belongs to this very process, so pretend it is another one that is alive (our parent)
      fs.writeFileSync(path.join(dataDir, 'coi.lock'), `${process.ppid}\n`);
      const attempt = runDemo(config, { email, print: () => {} });
      await expect(attempt).rejects.toThrow(DataDirInUseError);
      await expect(attempt).rejects.toThrow(/stop the server/);
    } finally {
      fs.writeFileSync(path.join(dataDir, 'coi.lock'), `${process.pid}\n`);
      release();
    }
  });
});

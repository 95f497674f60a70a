// `coi demo`: fills a new organization with realistic sample data (locations, requirement sets, insureds with
// contacts and certificates in every state) and prints a login for it, so a fresh install can be explored at once.
// The data comes from the pure generator in domain/demo-data.ts; this module only stores it and reports.
import { reevaluate } from '../server/compliance/engine.js';
import { snapshotDaily } from '../server/compliance/queries.js';
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { DEFAULT_DEMO_INSUREDS, DEFAULT_DEMO_SEED, generateDemoData, type DemoData } from '../domain/demo-data.js';
import { ConfigError, type Config } from '../server/config.js';
import type { AppContext } from '../server/context.js';
import { hashPassword, passwordProblem } from '../server/crypto.js';
import { DataDirInUseError } from '../server/datadir-lock.js';
import type { Tx } from '../server/db/client.js';
import {
  assignments,
  auditLog,
  certificates,
  contacts,
  insureds,
  locations,
  memberships,
  organizations,
  policies,
  requirementSets,
  users,
} from '../server/db/schema.js';
import { closeContext, createContext } from '../server/server.js';

export const DEFAULT_DEMO_EMAIL = 'demo@coi-tracker.local';
const DEMO_ORGANIZATION = 'Demo Property Group';
const MAX_INSUREDS = 5000;

export type DemoOptions = {
  email?: string;
  insureds?: number;
  /** defaults to a fixed seed, so two installs show the same demo */
  seed?: number;
  /** the organization's calendar day (YYYY-MM-DD); defaults to today in its time zone */
  today?: string;
  /** where the summary goes; tests capture it */
  print?: (line: string) => void;
};

export type DemoResult = {
  organizationId: string;
  organizationName: string;
  userId: string;
  email: string;
  /** null when the user already existed: their password is left alone */
  password: string | null;
  counts: {
    locations: number;
    requirementSets: number;
    insureds: number;
    contacts: number;
    assignments: number;
    certificates: number;
    needsReview: number;
    policies: number;
    states: Record<'current' | 'expiring' | 'expired' | 'missing', number>;
  };
};

/** The command: opens the database (taking the DATA_DIR lock for PGlite), creates the demo, prints how to log in. */
export async function runDemo(config: Config, options: DemoOptions = {}): Promise<void> {
  const print = options.print ?? ((line: string) => console.log(line));
  checkOptions(options);
  let ctx: Awaited<ReturnType<typeof createContext>>;
  try {
    // no job workers: the demo only writes rows, and a worker could start sending mail from a short-lived process
    ctx = await createContext({ ...config, workers: false }, { info() {}, error: (o, msg) => console.error(msg ?? '', o) });
  } catch (err) {
    if (err instanceof DataDirInUseError) {
      throw new DataDirInUseError(
        `${err.message}\nThe embedded database allows one process at a time, so stop the server, run \`coi demo\`, ` +
          'then start the server again (or run the demo before the first start).',
      );
    }
    throw err;
  }
  try {
    const result = await createDemo(ctx, options);
    printSummary(print, config, result);
  } finally {
    await closeContext(ctx);
  }
}

function checkOptions(options: DemoOptions): void {
  if (options.insureds !== undefined && (!Number.isInteger(options.insureds) || options.insureds < 1 || options.insureds > MAX_INSUREDS)) {
    throw new ConfigError(`--insureds must be a whole number from 1 to ${MAX_INSUREDS}.`);
  }
  if (options.email !== undefined && !z.email().safeParse(options.email.trim()).success) {
    throw new ConfigError(`--email "${options.email}" is not an email address.`);
  }
}

/** Creates the demo user (or reuses an existing one), a new organization, and all of its sample data, in one transaction. */
export async function createDemo(ctx: AppContext, options: Omit<DemoOptions, 'print'> = {}): Promise<DemoResult> {
  checkOptions(options);
  const { db } = ctx.database;
  const email = (options.email ?? DEFAULT_DEMO_EMAIL).trim().toLowerCase();
  const [existingUser] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email));

  // earlier demo organizations of the same user get a numbered sibling, and a different seed so they differ
  let demoOrgCount = 0;
  if (existingUser) {
    const orgs = await db
      .select({ name: organizations.name })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, existingUser.id));
    demoOrgCount = orgs.filter((o) => o.name.startsWith(DEMO_ORGANIZATION)).length;
  }
  const organizationName = demoOrgCount === 0 ? DEMO_ORGANIZATION : `${DEMO_ORGANIZATION} ${demoOrgCount + 1}`;
  const password = existingUser ? null : newPassword(email);
  const passwordHash = password ? await hashPassword(password) : null;

  const timeZone = 'America/Chicago';
  const data = generateDemoData({
    seed: (options.seed ?? DEFAULT_DEMO_SEED) + demoOrgCount,
    today: options.today ?? todayIn(timeZone),
    insureds: options.insureds ?? DEFAULT_DEMO_INSUREDS,
    organizationName,
  });

  const ids = {
    user: existingUser?.id ?? crypto.randomUUID(),
    organization: crypto.randomUUID(),
  };
  await db.transaction(async (tx) => {
    if (!existingUser) await tx.insert(users).values({ id: ids.user, email, name: 'Demo Admin', passwordHash: passwordHash! });
    await tx.insert(organizations).values({ id: ids.organization, name: organizationName, timeZone: data.organization.timeZone });
    await tx.insert(memberships).values({ organizationId: ids.organization, userId: ids.user, role: 'owner' });
    await insertDemoRows(ctx, tx, ids.organization, data);
    // statuses from the start, as if the engine had followed every change, and today's counts for the dashboard
    const now = options.today ? new Date(`${data.today}T17:00:00Z`) : new Date();
    await reevaluate(tx, ids.organization, {}, { kind: 'demo' }, now);
    await snapshotDaily(tx, ids.organization, data.today);
    const counts = countsOf(data);
    // the CLI acts without a request, so there is no IP to record
    await tx.insert(auditLog).values([
      { organizationId: ids.organization, actorUserId: ids.user, action: 'organization.created', entityType: 'organization', entityId: ids.organization, changes: { name: organizationName } },
      { organizationId: ids.organization, actorUserId: ids.user, action: 'demo.created', entityType: 'organization', entityId: ids.organization, changes: { seed: data.seed, today: data.today, ...counts } },
    ]);
  });

  return { organizationId: ids.organization, organizationName, userId: ids.user, email, password, counts: countsOf(data) };
}

/** Stores the generated data with a handful of multi-row inserts: PGlite has one connection, so round trips are what cost. */
async function insertDemoRows(ctx: AppContext, tx: Tx, organizationId: string, data: DemoData): Promise<void> {
  const locationIds = new Map(data.locations.map((l) => [l.key, crypto.randomUUID()]));
  const setIds = new Map(data.requirementSets.map((r) => [r.key, crypto.randomUUID()]));

  await insertMany(
    tx,
    locations,
    data.locations.map((l) => ({
      id: locationIds.get(l.key)!,
      organizationId,
      name: l.name,
      code: l.code,
      kind: l.kind,
      address: l.address,
      activeFrom: l.activeFrom,
      activeTo: l.activeTo,
    })),
  );
  await insertMany(
    tx,
    requirementSets,
    data.requirementSets.map((r) => ({ id: setIds.get(r.key)!, organizationId, name: r.name, description: r.description, definition: r.definition })),
  );

  const insuredRows: PgInsertValue<typeof insureds>[] = [];
  const contactRows: PgInsertValue<typeof contacts>[] = [];
  const assignmentRows: PgInsertValue<typeof assignments>[] = [];
  const certificateRows: PgInsertValue<typeof certificates>[] = [];
  const policyRows: PgInsertValue<typeof policies>[] = [];
  for (const insured of data.insureds) {
    const insuredId = crypto.randomUUID();
    insuredRows.push({
      id: insuredId,
      organizationId,
      legalName: insured.legalName,
      dba: insured.dba,
      kind: insured.kind,
      address: insured.address,
      taxIdEncrypted: ctx.cipher.encrypt(insured.taxId),
      taxIdLast4: insured.taxId.slice(-4),
      tags: insured.tags,
      notes: insured.notes,
      externalId: insured.externalId,
    });
    for (const c of insured.contacts) contactRows.push({ organizationId, insuredId, ...c });
    for (const a of insured.assignments) {
      assignmentRows.push({ organizationId, insuredId, locationId: locationIds.get(a.locationKey)!, requirementSetId: setIds.get(a.requirementSetKey)! });
    }
    for (const c of insured.certificates) {
      const certificateId = crypto.randomUUID();
      certificateRows.push({
        id: certificateId,
        organizationId,
        insuredId,
        source: 'demo',
        receivedAt: new Date(c.receivedAt),
        status: c.status,
        archived: c.archived,
        formType: c.formType,
        formEdition: c.formEdition,
        certificateDate: c.certificateDate,
        certificateNumber: c.certificateNumber,
        producer: c.producer,
        insuredName: c.insuredName,
        insuredAddress: c.insuredAddress,
        insurers: c.insurers,
        descriptionOfOperations: c.descriptionOfOperations,
        holderName: c.holderName,
        holderAddress: c.holderAddress,
        warnings: c.warnings,
        confidence: c.confidence,
        notes: c.archived ? 'Superseded by the renewal certificate.' : null,
      });
      c.policies.forEach((p, position) => policyRows.push({ organizationId, certificateId, position, ...p }));
    }
  }
  await insertMany(tx, insureds, insuredRows);
  await insertMany(tx, contacts, contactRows);
  await insertMany(tx, assignments, assignmentRows);
  await insertMany(tx, certificates, certificateRows);
  await insertMany(tx, policies, policyRows);
}

/** One INSERT per few hundred rows: PostgreSQL caps a statement at 65,535 parameters. */
async function insertMany<T extends PgTable>(tx: Tx, table: T, rows: PgInsertValue<T>[], chunk = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await tx.insert(table).values(rows.slice(i, i + chunk));
  }
}

function countsOf(data: DemoData): DemoResult['counts'] {
  const all = data.insureds.flatMap((i) => i.certificates);
  const states = { current: 0, expiring: 0, expired: 0, missing: 0 };
  for (const i of data.insureds) states[i.state]++;
  return {
    locations: data.locations.length,
    requirementSets: data.requirementSets.length,
    insureds: data.insureds.length,
    contacts: data.insureds.reduce((n, i) => n + i.contacts.length, 0),
    assignments: data.insureds.reduce((n, i) => n + i.assignments.length, 0),
    certificates: all.length,
    needsReview: all.filter((c) => c.status === 'needs_review').length,
    policies: all.reduce((n, c) => n + c.policies.length, 0),
    states,
  };
}

/** Four groups of four from an alphabet without look-alikes (no 0/o, 1/l/i), easy to type from the screen. */
function newPassword(email: string): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  for (;;) {
    const bytes = crypto.randomBytes(16);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
    const password = [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
    if (!passwordProblem(password, email)) return password;
  }
}

/** The calendar day in a time zone as YYYY-MM-DD (en-CA formats dates that way). */
function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function printSummary(print: (line: string) => void, config: Config, r: DemoResult): void {
  const c = r.counts;
  print('');
  print(`Demo organization "${r.organizationName}" created.`);
  print('');
  print(`  Open      ${config.publicUrl}`);
  print(`  Email     ${r.email}`);
  if (r.password) {
    print(`  Password  ${r.password}`);
  } else {
    print('  Password  (unchanged: this account already existed)');
    print('');
    print(`  ${r.email} already had an account, so the demo organization was added to it.`);
    print(`  Log in with its existing password and switch to "${r.organizationName}".`);
  }
  print('');
  print(`  ${c.locations} locations, ${c.requirementSets} requirement sets, ${c.insureds} insureds with ${c.contacts} contacts and ${c.assignments} location assignments`);
  print(`  ${c.certificates} certificates (${c.needsReview} waiting for review) with ${c.policies} policies`);
  print(
    `  Insurance: ${c.states.current} current, ${c.states.expiring} expiring within 30 days, ${c.states.expired} expired, ` +
      `${c.states.missing} without a certificate`,
  );
  print('');
  print('Start the server (npx coi serve, or npm start) if it is not running, and log in.');
}

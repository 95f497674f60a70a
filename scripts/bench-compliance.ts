// Compliance benchmark. Two figures:
// 1. the pure check (src/domain/compliance/evaluate.ts) alone: certificates evaluated per second on one core;
// 2. a requirement-set change re-evaluated over a generated portfolio (10,000 insureds and 50,000 certificates with
//    150,000 policies by default) in the database: PGlite in a temp folder, or PostgreSQL when DATABASE_URL is set
//    (the database must be empty or disposable: the benchmark migrates it and adds one organization).
//
//   npx tsx scripts/bench-compliance.ts [--insureds N] [--certificates-per-insured K] [--pure-certificates M]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { evaluate, type CertificateInput } from '../src/domain/compliance/evaluate.js';
import { requirementSetDefinition } from '../src/domain/requirements.js';
import { REQUIREMENT_TEMPLATES } from '../src/domain/compliance/templates.js';
import { openDatabase } from '../src/server/db/client.js';
import { reevaluate } from '../src/server/compliance/engine.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1`);
  return n;
}
const INSUREDS = arg('insureds', 10_000);
const PER_INSURED = arg('certificates-per-insured', 5);
const PURE = arg('pure-certificates', 200_000);

const mb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A deterministic pseudo-random certificate: GL, auto and WC with varied limits, dates and flags. */
function certificate(i: number): CertificateInput {
  const r = (k: number) => ((i * 2654435761 + k * 40503) >>> 0) % 1000;
  const start = `2026-0${1 + (r(1) % 9)}-1${r(2) % 9}`;
  const end = `2027-0${1 + (r(1) % 9)}-1${r(2) % 9}`;
  return {
    id: `c${i}`,
    certificateDate: start,
    insurers: [{ letter: 'A', name: 'Acme Casualty Company', naic: String(10000 + (r(3) % 50)) }],
    policies: [
      {
        coverage: 'general_liability',
        insurerLetter: 'A',
        policyNumber: `GL-${i}`,
        effectiveDate: start,
        expirationDate: end,
        additionalInsured: r(4) > 100,
        subrogationWaived: r(5) > 150,
        basis: 'occurrence',
        limits: { each_occurrence: r(6) > 200 ? 1_000_000 : 500_000, general_aggregate: 2_000_000, products_completed_operations_aggregate: 2_000_000 },
        details: { aggregateAppliesPer: r(7) > 300 ? 'project' : 'policy' },
      },
      { coverage: 'automobile_liability', insurerLetter: 'A', policyNumber: `AU-${i}`, effectiveDate: start, expirationDate: end, limits: { combined_single_limit: 1_000_000 }, details: {} },
      { coverage: 'workers_compensation', insurerLetter: 'A', policyNumber: `WC-${i}`, effectiveDate: start, expirationDate: end, limits: { el_each_accident: 1_000_000 }, details: { perStatute: r(8) > 50 } },
    ],
    descriptionOfOperations: r(9) > 500 ? 'Certificate holder is additional insured; coverage is primary and non-contributory.' : 'Landscaping services.',
    certificateHolder: { name: 'Acme Property Group LLC', address: null },
  };
}

function benchPure() {
  const requirements = REQUIREMENT_TEMPLATES[0]!.definition;
  const certs = Array.from({ length: PER_INSURED * 1000 }, (_, i) => certificate(i));
  const groups = Math.ceil(PURE / PER_INSURED);
  // warm the JIT before timing
  for (let g = 0; g < 2000; g++) evaluate({ requirements, certificates: certs.slice((g % 1000) * PER_INSURED, (g % 1000) * PER_INSURED + PER_INSURED), asOf: '2026-11-28' });
  const t0 = performance.now();
  let findings = 0;
  for (let g = 0; g < groups; g++) {
    const start = (g % 1000) * PER_INSURED;
    findings += evaluate({ requirements, certificates: certs.slice(start, start + PER_INSURED), asOf: '2026-11-28' }).findings.length;
  }
  const ms = performance.now() - t0;
  const n = groups * PER_INSURED;
  console.log(`pure evaluation: ${n.toLocaleString('en-US')} certificates (${groups.toLocaleString('en-US')} insureds × ${PER_INSURED}) in ${seconds(ms)}: ${Math.round(n / (ms / 1000)).toLocaleString('en-US')} certificates/s, ${Math.round(groups / (ms / 1000)).toLocaleString('en-US')} insureds/s (${findings.toLocaleString('en-US')} findings)`);
}

async function benchDatabase() {
  const url = process.env.DATABASE_URL;
  const dir = url ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'coi-bench-compliance-'));
  const database = await openDatabase(url ? { databaseUrl: url } : { pgliteDir: path.join(dir!, 'pglite') });
  try {
    await database.migrate();
    const { db } = database;
    const exec = (q: ReturnType<typeof sql>) => db.execute(q) as unknown as Promise<{ rows: Array<Record<string, unknown>> }>;
    const t0 = performance.now();
    const [org] = (await exec(sql`insert into organizations (name, time_zone) values ('Bench portfolio', 'America/Chicago') returning id`)).rows;
    const orgId = org!.id as string;
    const definition = requirementSetDefinition.parse({ ...REQUIREMENT_TEMPLATES[0]!.definition, name: 'Bench set' });
    const [set] = (await exec(sql`insert into requirement_sets (organization_id, name, definition) values (${orgId}, 'Bench set', ${JSON.stringify(definition)}::jsonb) returning id`)).rows;
    const setId = set!.id as string;
    // set-based generation: PGlite has one connection, so nothing row by row
    await exec(sql`insert into locations (organization_id, name) select ${orgId}, 'Site ' || g from generate_series(1, 20) g`);
    await exec(sql`insert into insureds (organization_id, legal_name, external_id) select ${orgId}, 'Vendor ' || g, 'v' || g from generate_series(1, ${INSUREDS}) g`);
    await exec(sql`insert into assignments (organization_id, insured_id, location_id, requirement_set_id)
      select ${orgId}, i.id, l.id, ${setId} from (select id, row_number() over (order by external_id) as n from insureds where organization_id = ${orgId}) i
      join (select id, row_number() over (order by name) - 1 as k from locations where organization_id = ${orgId}) l on l.k = i.n % 20`);
    await exec(sql`insert into certificates (organization_id, insured_id, source, status, form_type, certificate_number, certificate_date, insurers, holder_name, description_of_operations, received_at)
      select ${orgId}, i.id, 'import', 'confirmed', 'ACORD 25', k::text, date '2025-06-01' + (k * 60 + (hashtext(i.id::text) & 255)) % 500,
        '[{"letter":"A","name":"Acme Casualty Company","naic":"12345"}]'::jsonb, 'Acme Property Group LLC',
        case when k % 2 = 0 then 'Holder is additional insured; primary and non-contributory.' else 'Services.' end, now()
      from insureds i cross join generate_series(1, ${PER_INSURED}) k where i.organization_id = ${orgId}`);
    // each certificate shows general liability and some of auto, WC and umbrella, so that certificates combine, plus an
    // 'other' line of its own (pollution, liquor, …) so that none supersedes another and all 50,000 stay in play
    await exec(sql`insert into policies (organization_id, certificate_id, position, coverage, insurer_letter, policy_number, effective_date, expiration_date,
        additional_insured, subrogation_waived, basis, limits, details)
      select ${orgId}, c.id, p.pos, p.coverage, 'A', upper(left(p.coverage, 2)) || '-' || left(c.id::text, 8), c.certificate_date, c.certificate_date + 365,
        (hashtext(c.id::text) & 7) <> 0, (hashtext(c.id::text) & 15) <> 0, 'occurrence',
        case p.coverage when 'general_liability' then jsonb_build_object('each_occurrence', case when hashtext(c.id::text) & 3 = 0 then 500000 else 1000000 end, 'general_aggregate', 2000000, 'products_completed_operations_aggregate', 2000000)
          when 'automobile_liability' then '{"combined_single_limit":1000000}'::jsonb when 'umbrella_liability' then '{"each_occurrence":2000000}'::jsonb
          else '{"el_each_accident":1000000,"el_disease_each_employee":1000000,"el_disease_policy_limit":1000000}'::jsonb end,
        case p.coverage when 'general_liability' then '{"aggregateAppliesPer":"project"}'::jsonb when 'workers_compensation' then '{"perStatute":true}'::jsonb else '{}'::jsonb end
      from certificates c cross join lateral (values (0, 'general_liability'), (1, 'automobile_liability'), (2, 'workers_compensation'), (3, 'umbrella_liability')) as p(pos, coverage)
      where c.organization_id = ${orgId} and (p.pos = 0 or (hashtext(c.id::text || p.coverage) & 1) = 0)`);
    await exec(sql`insert into policies (organization_id, certificate_id, position, coverage, description, insurer_letter, policy_number, effective_date, expiration_date, limits)
      select ${orgId}, c.id, 9, 'other', 'Other line ' || c.certificate_number, 'A', 'OT-' || left(c.id::text, 8), c.certificate_date, c.certificate_date + 365, '{"each_claim":1000000}'::jsonb
      from certificates c where c.organization_id = ${orgId}`);
    await exec(sql`analyze`);
    const counts = (await exec(sql`select (select count(*) from certificates where organization_id = ${orgId})::int as certificates, (select count(*) from policies where organization_id = ${orgId})::int as policies`)).rows[0]!;
    console.log(`${database.kind}: generated ${INSUREDS.toLocaleString('en-US')} insureds, ${Number(counts.certificates).toLocaleString('en-US')} certificates, ${Number(counts.policies).toLocaleString('en-US')} policies in ${seconds(performance.now() - t0)} (RSS ${mb()} MB)`);

    const now = new Date('2026-11-28T15:00:00Z');
    let t = performance.now();
    let report = await db.transaction((tx) => reevaluate(tx, orgId, {}, { kind: 'bench' }, now));
    console.log(`first evaluation of the whole organization: ${seconds(performance.now() - t)} (${report.evaluated} evaluated, ${report.changed} changed, ${report.superseded} certificates superseded; RSS ${mb()} MB)`);

    const stricter = { ...definition, coverages: definition.coverages.map((c) => (c.coverage === 'general_liability' ? { ...c, limits: { ...c.limits, each_occurrence: 2_000_000 } } : c)) };
    await exec(sql`update requirement_sets set definition = ${JSON.stringify(stricter)}::jsonb where id = ${setId}`);
    t = performance.now();
    report = await db.transaction((tx) => reevaluate(tx, orgId, { requirementSetIds: [setId] }, { kind: 'requirement_set', id: setId }, now));
    const changeMs = performance.now() - t;
    console.log(`re-evaluation after a requirement-set change: ${seconds(changeMs)} (${report.evaluated} evaluated, ${report.changed} changed; target 15 s; RSS ${mb()} MB)`);
    t = performance.now();
    report = await db.transaction((tx) => reevaluate(tx, orgId, { requirementSetIds: [setId] }, { kind: 'requirement_set', id: setId }, now));
    console.log(`again with nothing changed: ${seconds(performance.now() - t)} (${report.changed} changed)`);
    t = performance.now();
    const one = (await exec(sql`select insured_id from assignments where organization_id = ${orgId} limit 1`)).rows[0]!.insured_id as string;
    await db.transaction((tx) => reevaluate(tx, orgId, { insuredIds: [one] }, { kind: 'certificate' }, now));
    console.log(`one insured (a new certificate): ${(performance.now() - t).toFixed(1)} ms`);
  } finally {
    await database.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

benchPure();
await benchDatabase();
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);

// Reading the compliance record: current statuses, one insured's findings per location, counts and rates per location
// and for the organization, the daily counts over time, and "who was compliant at location L on date D, and with
// which certificate" from the history. Also the daily sweep, which re-evaluates each organization once per its day.
import { sql } from 'drizzle-orm';
import { localDate, type CoverageOutcome, type Finding } from '../../domain/compliance/evaluate.js';
import type { Db, DbOrTx } from '../db/client.js';
import { jsonValue, rowsOf, textArray, uuidArray } from '../db/raw.js';
import { reevaluate, type ComplianceStatus } from './engine.js';
import { STATUSES_WORST_FIRST } from '../../domain/compliance/codes.js';

/** The statuses worst first, as a SQL array for array_position (constants, not user input). */
export const WORST_FIRST_SQL = sql.raw(`array[${STATUSES_WORST_FIRST.map((s) => `'${s}'`).join(',')}]::text[]`);

type Row = Record<string, unknown>;
const rows = rowsOf;
const json = jsonValue;

/** The organization's IANA time zone (what decides its "today"). */
export async function organizationTimeZone(db: DbOrTx, organizationId: string): Promise<string> {
  const [org] = await rows<{ time_zone: string }>(db, sql`select time_zone from organizations where id = ${organizationId}`);
  return org?.time_zone ?? 'UTC';
}

/** A location's overrides of the requirement sets applied there; null when it has none. */
export async function getLocationOverrides(db: DbOrTx, organizationId: string, locationId: string): Promise<unknown | null> {
  const [r] = await rows<{ overrides: unknown }>(db, sql`select overrides from location_overrides where location_id = ${locationId} and organization_id = ${organizationId}`);
  return r ? json(r.overrides) : null;
}

export async function putLocationOverrides(db: DbOrTx, organizationId: string, locationId: string, overrides: unknown): Promise<void> {
  await db.execute(sql`insert into location_overrides (location_id, organization_id, overrides, updated_at) values (${locationId}, ${organizationId}, ${JSON.stringify(overrides)}::jsonb, now())
    on conflict (location_id) do update set overrides = excluded.overrides, updated_at = now()`);
}

export const STATUSES: ComplianceStatus[] = ['compliant', 'expiring', 'expired', 'non_compliant', 'missing', 'pending_review'];
export type Counts = Record<ComplianceStatus, number>;
const zero = (): Counts => ({ compliant: 0, expiring: 0, expired: 0, non_compliant: 0, missing: 0, pending_review: 0 });
/** Compliant and expiring both meet the requirements today. */
export const rateOf = (c: Counts) => {
  const total = STATUSES.reduce((n, s) => n + c[s], 0);
  return total === 0 ? null : Math.round(((c.compliant + c.expiring) / total) * 1000) / 1000;
};

export type StatusRow = {
  insuredId: string;
  insuredName: string;
  locationId: string;
  locationName: string;
  requirementSetId: string | null;
  requirementSetName: string | null;
  status: ComplianceStatus;
  findings: Finding[];
  coverages: CoverageOutcome[];
  certificateIds: string[];
  since: Date;
  asOf: string;
  evaluatedAt: Date;
};

const statusColumns = sql`s.insured_id, i.legal_name as insured_name, s.location_id, l.name as location_name, s.requirement_set_id, r.name as requirement_set_name,
  s.status, s.findings, s.coverages, s.certificate_ids::text[] as certificate_ids, s.since::text as since, s.as_of::text as as_of, s.evaluated_at::text as evaluated_at`;
const statusFrom = sql`from compliance_statuses s join insureds i on i.id = s.insured_id join locations l on l.id = s.location_id left join requirement_sets r on r.id = s.requirement_set_id`;

function toStatusRow(r: Row): StatusRow {
  return {
    insuredId: r.insured_id as string,
    insuredName: r.insured_name as string,
    locationId: r.location_id as string,
    locationName: r.location_name as string,
    requirementSetId: (r.requirement_set_id as string | null) ?? null,
    requirementSetName: (r.requirement_set_name as string | null) ?? null,
    status: r.status as ComplianceStatus,
    findings: json<Finding[]>(r.findings),
    coverages: json<CoverageOutcome[]>(r.coverages),
    certificateIds: textArray(r.certificate_ids),
    since: new Date(r.since as string),
    asOf: r.as_of as string,
    evaluatedAt: new Date(r.evaluated_at as string),
  };
}


export type StatusFilter = { locationId?: string; insuredId?: string; status?: ComplianceStatus; limit: number; offset: number };

export async function listStatuses(db: DbOrTx, organizationId: string, f: StatusFilter): Promise<{ items: StatusRow[]; total: number }> {
  const where = [sql`s.organization_id = ${organizationId}`];
  if (f.locationId) where.push(sql`s.location_id = ${f.locationId}`);
  if (f.insuredId) where.push(sql`s.insured_id = ${f.insuredId}`);
  if (f.status) where.push(sql`s.status = ${f.status}`);
  const cond = sql.join(where, sql` and `);
  const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from compliance_statuses s where ${cond}`);
  const items = await rows(db, sql`select ${statusColumns} ${statusFrom} where ${cond} order by i.legal_name, l.name limit ${f.limit} offset ${f.offset}`);
  return { items: items.map(toStatusRow), total: n ?? 0 };
}

/** Counts per status for the organization and for each location, with today's rates and the daily counts since `from`. */
export async function summary(db: DbOrTx, organizationId: string, from: string) {
  const perLocation = await rows<{ location_id: string; name: string; status: ComplianceStatus; n: number }>(
    db,
    sql`select l.id as location_id, l.name, s.status, count(s.status)::int as n from locations l
        left join compliance_statuses s on s.location_id = l.id and s.organization_id = ${organizationId}
        where l.organization_id = ${organizationId} and not l.archived group by l.id, l.name, s.status order by l.name`,
  );
  const locations = new Map<string, { locationId: string; name: string; counts: Counts }>();
  const org = zero();
  for (const r of perLocation) {
    let loc = locations.get(r.location_id);
    if (!loc) locations.set(r.location_id, (loc = { locationId: r.location_id, name: r.name, counts: zero() }));
    if (r.status) {
      loc.counts[r.status] += r.n;
      org[r.status] += r.n;
    }
  }
  // insureds, not assignments: an insured counts once, at its worst status across its locations
  const insureds = await rows<{ status: ComplianceStatus; n: number }>(
    db,
    sql`select status, count(*)::int as n from (
          select distinct on (insured_id) insured_id, status from compliance_statuses where organization_id = ${organizationId}
          order by insured_id, array_position(${WORST_FIRST_SQL}, status)
        ) w group by status`,
  );
  const byInsured = zero();
  for (const r of insureds) byInsured[r.status] = r.n;
  const daily = await rows<Row>(
    db,
    sql`select day::text as day, sum(compliant)::int as compliant, sum(expiring)::int as expiring, sum(expired)::int as expired, sum(non_compliant)::int as non_compliant,
          sum(missing)::int as missing, sum(pending_review)::int as pending_review
        from compliance_daily where organization_id = ${organizationId} and day >= ${from}::date group by day order by day`,
  );
  return {
    organization: { counts: org, total: STATUSES.reduce((n, s) => n + org[s], 0), rate: rateOf(org) },
    insureds: { counts: byInsured, total: STATUSES.reduce((n, s) => n + byInsured[s], 0), rate: rateOf(byInsured) },
    locations: [...locations.values()].map((l) => ({ ...l, total: STATUSES.reduce((n, s) => n + l.counts[s], 0), rate: rateOf(l.counts) })),
    history: daily.map((d) => {
      const counts = { ...zero(), ...(Object.fromEntries(STATUSES.map((s) => [s, Number(d[s] ?? 0)])) as Counts) };
      return { day: d.day as string, counts, rate: rateOf(counts) };
    }),
  };
}

/**
 * Each insured's status at the end of `date` (the organization's day), with the certificates that satisfied the
 * requirements then: the last history row on or before that moment, per insured and location.
 */
export async function statusesOn(db: DbOrTx, organizationId: string, date: string, locationId?: string) {
  const [org] = await rows<{ time_zone: string }>(db, sql`select time_zone from organizations where id = ${organizationId}`);
  const loc = locationId ? sql`and h.location_id = ${locationId}` : sql``;
  const found = await rows<Row>(
    db,
    sql`select * from (
          select distinct on (h.insured_id, h.location_id) h.insured_id, h.location_id, h.status, h.certificate_ids::text[] as certificate_ids, h.findings,
                 h.changed_at::text as since, h.cause, i.legal_name as insured_name, l.name as location_name
          from compliance_history h left join insureds i on i.id = h.insured_id left join locations l on l.id = h.location_id
          where h.organization_id = ${organizationId} ${loc}
            and h.changed_at < ((${date}::date + 1)::timestamp at time zone ${org!.time_zone})
          order by h.insured_id, h.location_id, h.changed_at desc, h.id desc
        ) last where status <> 'unassigned' order by insured_name, location_name`,
  );
  // the certificates named, described enough for an auditor (they may be archived since, or deleted)
  const ids = [...new Set(found.flatMap((r) => textArray(r.certificate_ids)))];
  const described = new Map<string, { id: string; certificateNumber: string | null; certificateDate: string | null; producerName: string | null; archived: boolean }>();
  if (ids.length > 0) {
    for (const c of await rows<Row>(
      db,
      sql`select id, certificate_number, certificate_date::text as certificate_date, producer->>'name' as producer_name, archived from certificates
          where organization_id = ${organizationId} and id = any(${uuidArray(ids)}::uuid[])`,
    )) {
      described.set(c.id as string, {
        id: c.id as string,
        certificateNumber: (c.certificate_number as string | null) ?? null,
        certificateDate: (c.certificate_date as string | null) ?? null,
        producerName: (c.producer_name as string | null) ?? null,
        archived: Boolean(c.archived),
      });
    }
  }
  return found.map((r) => ({
    certificates: textArray(r.certificate_ids).map((id) => described.get(id) ?? { id, certificateNumber: null, certificateDate: null, producerName: null, archived: true, deleted: true }),
    insuredId: r.insured_id as string,
    insuredName: (r.insured_name as string | null) ?? '(deleted insured)',
    locationId: r.location_id as string,
    locationName: (r.location_name as string | null) ?? '(deleted location)',
    status: r.status as ComplianceStatus,
    certificateIds: textArray(r.certificate_ids),
    findings: json<Finding[]>(r.findings),
    since: new Date(r.since as string),
    cause: r.cause as string,
  }));
}

export async function historyOf(db: DbOrTx, organizationId: string, insuredId: string, limit = 200) {
  const found = await rows<Row>(
    db,
    sql`select h.location_id, l.name as location_name, h.status, h.previous_status, h.cause, h.changed_at::text as changed_at, h.as_of::text as as_of, h.certificate_ids::text[] as certificate_ids
        from compliance_history h left join locations l on l.id = h.location_id
        where h.organization_id = ${organizationId} and h.insured_id = ${insuredId} order by h.changed_at desc, h.id desc limit ${limit}`,
  );
  return found.map((r) => ({
    locationId: r.location_id as string,
    locationName: (r.location_name as string | null) ?? '(deleted location)',
    status: r.status as string,
    previousStatus: (r.previous_status as string | null) ?? null,
    cause: r.cause as string,
    changedAt: new Date(r.changed_at as string),
    asOf: r.as_of as string,
    certificateIds: textArray(r.certificate_ids),
  }));
}

/** Today's counts per location, kept for the rates-over-time chart (replaced if the day is written again). */
export async function snapshotDaily(db: DbOrTx, organizationId: string, day: string): Promise<void> {
  await db.execute(sql`insert into compliance_daily (organization_id, location_id, day, compliant, expiring, expired, non_compliant, missing, pending_review)
    select ${organizationId}, l.id, ${day}::date,
      count(*) filter (where s.status = 'compliant'), count(*) filter (where s.status = 'expiring'), count(*) filter (where s.status = 'expired'),
      count(*) filter (where s.status = 'non_compliant'), count(*) filter (where s.status = 'missing'), count(*) filter (where s.status = 'pending_review')
    from locations l left join compliance_statuses s on s.location_id = l.id
    where l.organization_id = ${organizationId} and not l.archived group by l.id
    on conflict (location_id, day) do update set compliant = excluded.compliant, expiring = excluded.expiring, expired = excluded.expired,
      non_compliant = excluded.non_compliant, missing = excluded.missing, pending_review = excluded.pending_review`);
}

/**
 * The daily sweep: every organization whose own day has turned since its last sweep is re-evaluated whole (time
 * passing makes policies expiring or expired) and its day's counts are kept. Safe to run as often as wanted.
 */
export async function sweep(db: Db, now: Date): Promise<Array<{ organizationId: string; day: string; changed: number }>> {
  const orgs = await rows<{ id: string; time_zone: string }>(db, sql`select id, time_zone from organizations order by id`);
  const done: Array<{ organizationId: string; day: string; changed: number }> = [];
  for (const org of orgs) {
    const day = localDate(now, org.time_zone);
    const claimed = await rows(db, sql`insert into compliance_sweeps (organization_id, day, swept_at) values (${org.id}, ${day}::date, ${now.toISOString()}) on conflict do nothing returning day`);
    if (claimed.length === 0) continue;
    const report = await db.transaction(async (tx) => {
      const r = await reevaluate(tx, org.id, {}, { kind: 'sweep' }, now);
      await snapshotDaily(tx, org.id, day);
      return r;
    });
    done.push({ organizationId: org.id, day, changed: report.changed });
  }
  return done;
}

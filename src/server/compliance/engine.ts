// Keeps each insured's compliance status at each location current: loads what the check needs for a scope (some
// insureds, locations or requirement sets, or the whole organization), supersedes older certificates, runs the pure
// check (src/domain/compliance/evaluate.ts) for every assignment, and writes the statuses that changed together with
// a history row saying when and why. Set-based: a handful of queries per call whatever the scope's size, and the
// writes go as one JSON document expanded by jsonb_to_recordset (PGlite has a single connection).
import { sql, type SQL } from 'drizzle-orm';
import { evaluate, localDate, type CertificateInput, type CoverageOutcome, type Finding, type InsurerTable, type Waiver } from '../../domain/compliance/evaluate.js';
import { applyOverrides, type LocationOverrides } from '../../domain/compliance/overrides.js';
import { foldText, requirementSetDefinition, type RequirementSetDefinition } from '../../domain/requirements.js';
import type { Coverage, Insurer, PolicyFields } from '../../domain/certificate.js';
import type { DbOrTx } from '../db/client.js';
import { jsonValue, rowsOf, uuidArray } from '../db/raw.js';
import { insurerTable } from '../db/repositories/insurers.js';

export type ComplianceStatus = 'compliant' | 'expiring' | 'expired' | 'non_compliant' | 'missing' | 'pending_review';

/** What to re-evaluate. Several keys narrow together; none at all means the whole organization. */
export type Scope = { insuredIds?: string[]; locationIds?: string[]; requirementSetIds?: string[] };

/** Why: certificate, certificate_removed, requirement_set, assignment, waiver, location, insurer, sweep, manual. */
export type Cause = { kind: string; id?: string | null };

export type EvaluationReport = { asOf: string; evaluated: number; changed: number; superseded: number };

type Row = Record<string, unknown>;
const rows = rowsOf;

function scopeFilter(scope: Scope, a = 'a'): SQL {
  const parts: SQL[] = [];
  if (scope.insuredIds) parts.push(sql`${sql.raw(a)}.insured_id = any(${uuidArray(scope.insuredIds)}::uuid[])`);
  if (scope.locationIds) parts.push(sql`${sql.raw(a)}.location_id = any(${uuidArray(scope.locationIds)}::uuid[])`);
  if (scope.requirementSetIds) parts.push(sql`${sql.raw(a)}.requirement_set_id = any(${uuidArray(scope.requirementSetIds)}::uuid[])`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}


/**
 * Re-evaluates the assignments in scope at `now` (the organization's time zone decides the day) and records every
 * change of status. Returns how many were evaluated and changed.
 */
export async function reevaluate(db: DbOrTx, organizationId: string, scope: Scope, cause: Cause, now: Date): Promise<EvaluationReport> {
  const trace = process.env.COI_TRACE_EVAL ? (label: string) => console.error(`[reevaluate] ${label} ${Math.round(performance.now() - t0)} ms`) : () => {};
  const t0 = performance.now();
  // one evaluation per organization at a time (held to the end of the caller's transaction): two changes to one insured
  // evaluated side by side on PostgreSQL would each see the old status and both record the change
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`compliance:${organizationId}`}))`);
  const [org] = await rows<{ time_zone: string }>(db, sql`select time_zone from organizations where id = ${organizationId}`);
  if (!org) throw new Error(`organization ${organizationId} not found`);
  const asOf = localDate(now, org.time_zone);
  const filter = scopeFilter(scope);

  const assignments = await rows<{ insured_id: string; location_id: string; requirement_set_id: string | null }>(
    db,
    sql`select a.insured_id, a.location_id, a.requirement_set_id from assignments a join insureds i on i.id = a.insured_id
        where a.organization_id = ${organizationId} and i.status = 'active' and ${filter}`,
  );
  trace('assignments');
  const insuredsInScope = sql`(select a.insured_id from assignments a where a.organization_id = ${organizationId} and ${filter})`;

  const sets = new Map<string, RequirementSetDefinition>();
  for (const r of await rows<{ id: string; definition: unknown }>(
    db,
    sql`select id, definition from requirement_sets where organization_id = ${organizationId} and id in (select a.requirement_set_id from assignments a where a.organization_id = ${organizationId} and ${filter})`,
  )) {
    const parsed = requirementSetDefinition.safeParse(typeof r.definition === 'string' ? JSON.parse(r.definition) : r.definition);
    if (parsed.success) sets.set(r.id, parsed.data);
  }
  const overrides = new Map<string, LocationOverrides>();
  for (const r of await rows<{ location_id: string; overrides: unknown }>(db, sql`select location_id, overrides from location_overrides where organization_id = ${organizationId}`)) {
    overrides.set(r.location_id, (typeof r.overrides === 'string' ? JSON.parse(r.overrides) : r.overrides) as LocationOverrides);
  }

  // every live certificate of the insureds in scope, with its policies, newest first
  const certRows = await rows<{
    id: string;
    insured_id: string;
    status: string;
    certificate_date: string | null;
    received_at: string;
    insurers: unknown;
    description_of_operations: string | null;
    holder_name: string | null;
    holder_address: unknown;
  }>(
    db,
    sql`select c.id, c.insured_id, c.status, c.certificate_date::text as certificate_date, c.received_at::text as received_at, c.insurers,
               c.description_of_operations, c.holder_name, c.holder_address
        from certificates c
        where c.organization_id = ${organizationId} and not c.archived and c.status <> 'rejected' and c.insured_id in ${insuredsInScope}
        order by c.insured_id, coalesce(c.certificate_date, c.received_at::date) desc, c.received_at desc`,
  );
  const policyRows = await rows<{
    certificate_id: string;
    coverage: Coverage;
    description: string | null;
    insurer_letter: string | null;
    policy_number: string | null;
    effective_date: string | null;
    expiration_date: string | null;
    additional_insured: boolean;
    subrogation_waived: boolean;
    basis: PolicyFields['basis'];
    limits: unknown;
    details: unknown;
  }>(
    db,
    sql`select p.certificate_id, p.coverage, p.description, p.insurer_letter, p.policy_number, p.effective_date::text as effective_date,
               p.expiration_date::text as expiration_date, p.additional_insured, p.subrogation_waived, p.basis, p.limits, p.details
        from policies p join certificates c on c.id = p.certificate_id
        where p.organization_id = ${organizationId} and not c.archived and c.status <> 'rejected' and c.insured_id in ${insuredsInScope}
        order by p.certificate_id, p.position`,
  );
  trace('certificates and policies loaded');
  const json = jsonValue;
  const policiesOf = new Map<string, CertificateInput['policies']>();
  for (const p of policyRows) {
    let list = policiesOf.get(p.certificate_id);
    if (!list) policiesOf.set(p.certificate_id, (list = []));
    list!.push({
      coverage: p.coverage,
      description: p.description,
      insurerLetter: p.insurer_letter,
      policyNumber: p.policy_number,
      effectiveDate: p.effective_date,
      expirationDate: p.expiration_date,
      additionalInsured: p.additional_insured,
      subrogationWaived: p.subrogation_waived,
      basis: p.basis,
      limits: json(p.limits) as Record<string, number>,
      details: json(p.details) as Record<string, unknown>,
    });
  }
  type Live = CertificateInput & { id: string; status: string; coverageKeys: Set<string> };
  const certsOf = new Map<string, Live[]>();
  for (const c of certRows) {
    const policies = policiesOf.get(c.id) ?? [];
    const cert: Live = {
      id: c.id,
      status: c.status,
      certificateDate: c.certificate_date,
      insurers: json(c.insurers) as Insurer[],
      policies,
      descriptionOfOperations: c.description_of_operations,
      certificateHolder: { name: c.holder_name, address: json(c.holder_address) as { postalCode?: string | null } | null },
      coverageKeys: new Set(policies!.map((p) => (p.coverage === 'other' ? `other:${foldText(p.description ?? '')}` : p.coverage))),
    };
    let list = certsOf.get(c.insured_id);
    if (!list) certsOf.set(c.insured_id, (list = []));
    list.push(cert);
  }

  // a newer confirmed certificate that shows every coverage of an older one supersedes it (the older is archived)
  const superseded: Array<{ id: string; by: string }> = [];
  for (const list of certsOf.values()) {
    const confirmed = list.filter((c) => c.status === 'confirmed');
    // newest first; a certificate already superseded does not supersede others
    const kept: Live[] = confirmed.slice(0, 1);
    for (const older of confirmed.slice(1)) {
      const covered = older.coverageKeys.size > 0 && [...older.coverageKeys].every((k) => kept.some((n) => n.coverageKeys.has(k)));
      if (covered) superseded.push({ id: older.id, by: kept.find((n) => [...older.coverageKeys].some((k) => n.coverageKeys.has(k)))!.id });
      else kept.push(older);
    }
  }
  trace('superseding decided');
  if (superseded.length > 0) {
    const ids = uuidArray(superseded.map((x) => x.id));
    const by = uuidArray(superseded.map((x) => x.by));
    await db.execute(sql`update certificates set archived = true, updated_at = ${now.toISOString()} where id = any(${ids}::uuid[]) and organization_id = ${organizationId}`);
    await db.execute(sql`insert into audit_log (organization_id, action, entity_type, entity_id, changes, created_at)
      select ${organizationId}, 'certificate.superseded', 'certificate', s.id::text, jsonb_build_object('archived', true, 'supersededBy', s.by), ${now.toISOString()}
      from unnest(${ids}::uuid[], ${by}::uuid[]) as s(id, by)`);
    const gone = new Set(superseded.map((s) => s.id));
    for (const [insured, list] of certsOf) certsOf.set(insured, list.filter((c) => !gone.has(c.id)));
  }

  trace('superseded written');
  const waiversOf = new Map<string, Array<Waiver & { locationId: string | null }>>();
  for (const w of await rows<{ id: string; insured_id: string; location_id: string | null; code: Waiver['code']; coverage: Coverage | null; description: string | null; limit_key: string | null; expires_on: string | null }>(
    db,
    sql`select id, insured_id, location_id, code, coverage, description, limit_key, expires_on::text as expires_on from waivers
        where organization_id = ${organizationId} and revoked_at is null and (expires_on is null or expires_on >= ${asOf}::date) and insured_id in ${insuredsInScope}`,
  )) {
    let list = waiversOf.get(w.insured_id);
    if (!list) waiversOf.set(w.insured_id, (list = []));
    list.push({ id: w.id, code: w.code, coverage: w.coverage, description: w.description, limit: w.limit_key, until: w.expires_on, locationId: w.location_id });
  }
  const insurers: InsurerTable = await insurerTable(db, organizationId);

  const current = new Map<string, { status: string; since: string }>();
  for (const r of await rows<{ insured_id: string; location_id: string; status: string; since: string }>(
    db,
    sql`select a.insured_id, a.location_id, a.status, a.since::text as since from compliance_statuses a where a.organization_id = ${organizationId} and ${scopeFilterForStatuses(scope)}`,
  )) {
    current.set(`${r.insured_id}/${r.location_id}`, { status: r.status, since: r.since });
  }

  trace('waivers, insurers, current statuses loaded');
  type Out = { insured_id: string; location_id: string; requirement_set_id: string | null; status: ComplianceStatus; findings: Finding[]; coverages: CoverageOutcome[]; certificate_ids: string[]; changed: boolean; previous: string | null };
  const out: Out[] = [];
  for (const a of assignments) {
    const def = a.requirement_set_id ? sets.get(a.requirement_set_id) : undefined;
    if (!def) continue; // an assignment without a requirement set has nothing to be checked against
    const all = certsOf.get(a.insured_id) ?? [];
    const confirmed = all.filter((c) => c.status === 'confirmed');
    const pending = all.some((c) => c.status !== 'confirmed');
    const result = evaluate({
      requirements: applyOverrides(def, overrides.get(a.location_id)),
      certificates: confirmed,
      asOf,
      insurers,
      waivers: (waiversOf.get(a.insured_id) ?? []).filter((w) => w.locationId === null || w.locationId === a.location_id),
    });
    // a certificate awaiting a person's confirmation may change a shortfall; say so rather than the shortfall
    const status: ComplianceStatus = pending && result.status !== 'compliant' ? 'pending_review' : result.status;
    const key = `${a.insured_id}/${a.location_id}`;
    const before = current.get(key);
    current.delete(key);
    const certificateIds = [...new Set(result.coverages.map((c) => c.certificateId).filter((id): id is string => id !== null))];
    out.push({ insured_id: a.insured_id, location_id: a.location_id, requirement_set_id: a.requirement_set_id, status, findings: result.findings, coverages: result.coverages, certificate_ids: certificateIds, changed: before?.status !== status, previous: before?.status ?? null });
  }

  trace('evaluated');
  const at = now.toISOString();
  if (out.length > 0) {
    const doc = JSON.stringify(out);
    await db.execute(sql`insert into compliance_statuses (organization_id, insured_id, location_id, requirement_set_id, status, findings, coverages, certificate_ids, since, as_of, evaluated_at)
      select ${organizationId}, s.insured_id, s.location_id, s.requirement_set_id, s.status, s.findings, s.coverages, array(select jsonb_array_elements_text(s.certificate_ids))::uuid[], ${at}, ${asOf}::date, ${at}
      from jsonb_to_recordset(${doc}::jsonb) as s(insured_id uuid, location_id uuid, requirement_set_id uuid, status text, findings jsonb, coverages jsonb, certificate_ids jsonb)
      on conflict (insured_id, location_id) do update set
        requirement_set_id = excluded.requirement_set_id, status = excluded.status, findings = excluded.findings, coverages = excluded.coverages,
        certificate_ids = excluded.certificate_ids, as_of = excluded.as_of, evaluated_at = excluded.evaluated_at,
        since = case when compliance_statuses.status = excluded.status then compliance_statuses.since else excluded.since end`);
    const changed = out.filter((o) => o.changed);
    if (changed.length > 0) {
      await db.execute(sql`insert into compliance_history (organization_id, insured_id, location_id, requirement_set_id, status, previous_status, certificate_ids, findings, cause, changed_at, as_of)
        select ${organizationId}, s.insured_id, s.location_id, s.requirement_set_id, s.status, s.previous, array(select jsonb_array_elements_text(s.certificate_ids))::uuid[], s.findings, ${causeText(cause)}, ${at}, ${asOf}::date
        from jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) as s(insured_id uuid, location_id uuid, requirement_set_id uuid, status text, previous text, certificate_ids jsonb, findings jsonb)`);
    }
  }
  trace('statuses and history written');
  // statuses in scope whose assignment is gone (or lost its requirement set, or whose insured was archived)
  const dropped = [...current.entries()].map(([key, v]) => {
    const [insured_id, location_id] = key.split('/');
    return { insured_id, location_id, previous: v.status };
  });
  if (dropped.length > 0) {
    const doc = JSON.stringify(dropped);
    await db.execute(sql`delete from compliance_statuses c using jsonb_to_recordset(${doc}::jsonb) as s(insured_id uuid, location_id uuid)
      where c.insured_id = s.insured_id and c.location_id = s.location_id and c.organization_id = ${organizationId}`);
    await db.execute(sql`insert into compliance_history (organization_id, insured_id, location_id, status, previous_status, cause, changed_at, as_of)
      select ${organizationId}, s.insured_id, s.location_id, 'unassigned', s.previous, ${causeText(cause)}, ${at}, ${asOf}::date
      from jsonb_to_recordset(${doc}::jsonb) as s(insured_id uuid, location_id uuid, previous text)`);
  }
  return { asOf, evaluated: out.length, changed: out.filter((o) => o.changed).length + dropped.length, superseded: superseded.length };
}

function scopeFilterForStatuses(scope: Scope): SQL {
  // compliance_statuses carries requirement_set_id too, but a status whose assignment moved to another set must still
  // be found: for a set-wide scope, take the statuses of the assignments that use the set, and those recorded with it
  if (scope.requirementSetIds) {
    const { requirementSetIds, ...rest } = scope;
    const others = Object.keys(rest).length ? scopeFilter(rest) : sql`true`;
    return sql`(${others}) and (a.requirement_set_id = any(${uuidArray(requirementSetIds)}::uuid[]) or (a.insured_id, a.location_id) in
      (select x.insured_id, x.location_id from assignments x where x.requirement_set_id = any(${uuidArray(requirementSetIds)}::uuid[])))`;
  }
  return scopeFilter(scope);
}

const causeText = (cause: Cause) => (cause.id ? `${cause.kind}:${cause.id}` : cause.kind);

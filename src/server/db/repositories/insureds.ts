// Data access for insureds, with their coverage (certificate count, next expiration, coverage state) worked out in
// SQL from their certificates and policies. Every function takes the organization id and never crosses it.
import { and, arrayContains, asc, count, desc, eq, exists, ilike, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import type { LocationStatus } from '../../../domain/compliance/codes.js';
import { WORST_FIRST_SQL } from '../../compliance/queries.js';
import { assignments, certificates, insureds, organizations, policies } from '../schema.js';
import { likePattern } from '../../http/common.js';

export type InsuredValues = Omit<typeof insureds.$inferInsert, 'id' | 'organizationId' | 'createdAt' | 'updatedAt'>;
export const COVERAGE_STATES = ['current', 'expiring', 'expired', 'missing'] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];
/** A next expiration this many days away or fewer makes the insured "expiring". */
export const EXPIRING_WITHIN_DAYS = 30;

export type InsuredFilter = {
  q?: string;
  locationId?: string;
  status?: 'active' | 'archived';
  tag?: string;
  kind?: (typeof insureds.kind.enumValues)[number];
  coverageState?: CoverageState;
  complianceStatus?: InsuredCompliance;
  limit: number;
  offset: number;
};

/**
 * The organization's calendar day. Uncorrelated, so Postgres runs it once per query as an init plan, and "today"
 * follows the organization's time zone rather than the server's.
 */
const organizationToday = (organizationId: string) =>
  sql`(select (now() at time zone ${organizations.timeZone})::date from ${organizations} where ${organizations.id} = ${organizationId})`;

/** The SQL of an insured's coverage, over its non-archived certificates and their policies. */
function coverageExpressions(organizationId: string) {
  const today = organizationToday(organizationId);
  const nextExpiration = sql<string | null>`min(${policies.expirationDate}) filter (where ${policies.expirationDate} >= ${today})`;
  const state = sql<CoverageState>`case
    when count(${policies.id}) = 0 then 'missing'
    when ${nextExpiration} is null then 'expired'
    when ${nextExpiration} <= ${today} + ${EXPIRING_WITHIN_DAYS}::int then 'expiring'
    else 'current' end`;
  return { nextExpiration, state, certificateCount: sql<number>`count(distinct ${certificates.id})::int` };
}

// The organization test lets Postgres fetch only this organization's policies (policies_expiration_idx) rather than
// scanning every organization's.
const policiesOf = (organizationId: string) =>
  and(eq(policies.certificateId, certificates.id), eq(policies.organizationId, organizationId));

/** The certificates and policies of the insured of the outer query (correlated on insureds.id). */
const ofOuterInsured = (organizationId: string) =>
  and(eq(certificates.organizationId, organizationId), eq(certificates.insuredId, insureds.id), eq(certificates.archived, false));

/**
 * One row per insured (an aggregate without GROUP BY always yields a row), joined LATERAL to insureds: used for the
 * rows of a page or a single insured, where it costs a couple of index lookups per row.
 */
function coverageOf(db: DbOrTx, organizationId: string) {
  const c = coverageExpressions(organizationId);
  return db
    .select({
      certificateCount: c.certificateCount.as('certificate_count'),
      nextExpiration: c.nextExpiration.as('next_expiration'),
      coverageState: c.state.as('coverage_state'),
    })
    .from(certificates)
    .leftJoin(policies, policiesOf(organizationId))
    .where(ofOuterInsured(organizationId))
    .as('coverage');
}

/**
 * A WHERE condition: the insured's coverage state is `state`. Set-based (one grouped pass over the organization's
 * certificates, then a hashed IN) because a correlated subquery per insured is far slower over thousands of them.
 */
function coverageStateIs(db: DbOrTx, organizationId: string, state: CoverageState): SQL {
  const covered = (having: SQL) =>
    db
      .select({ insuredId: certificates.insuredId })
      .from(certificates)
      .leftJoin(policies, policiesOf(organizationId))
      .where(and(eq(certificates.organizationId, organizationId), eq(certificates.archived, false)))
      .groupBy(certificates.insuredId)
      .having(having);
  // "missing" includes insureds without any certificate, which the grouping cannot list: take the others away
  return state === 'missing'
    ? notInArray(insureds.id, covered(sql`count(${policies.id}) > 0`))
    : inArray(insureds.id, covered(sql`${coverageExpressions(organizationId).state} = ${state}`));
}

// Everything but the ciphertext of the tax id, which never needs to leave the database for a response.
const insuredColumns = {
  id: insureds.id,
  legalName: insureds.legalName,
  dba: insureds.dba,
  kind: insureds.kind,
  address: insureds.address,
  mailingAddress: insureds.mailingAddress,
  taxIdLast4: insureds.taxIdLast4,
  tags: insureds.tags,
  notes: insureds.notes,
  externalId: insureds.externalId,
  status: insureds.status,
  createdAt: insureds.createdAt,
  updatedAt: insureds.updatedAt,
};

export { STATUSES_WORST_FIRST as COMPLIANCE_STATUSES } from '../../../domain/compliance/codes.js';
export type InsuredCompliance = LocationStatus;

/** The insured's worst compliance status across its locations (the order above), null where it has none. */
const worstCompliance = (organizationId: string) =>
  sql<InsuredCompliance | null>`(select s.status from compliance_statuses s where s.insured_id = ${insureds.id} and s.organization_id = ${organizationId}
    order by array_position(${WORST_FIRST_SQL}, s.status) limit 1)`;

async function selectInsureds(db: DbOrTx, organizationId: string, condition: SQL) {
  const coverage = coverageOf(db, organizationId);
  return db
    .select({
      ...insuredColumns,
      certificateCount: coverage.certificateCount,
      nextExpiration: coverage.nextExpiration,
      coverageState: coverage.coverageState,
      complianceStatus: worstCompliance(organizationId),
    })
    .from(insureds)
    .innerJoinLateral(coverage, sql`true`)
    .where(and(eq(insureds.organizationId, organizationId), condition));
}
export type InsuredRecord = Awaited<ReturnType<typeof selectInsureds>>[number];

export async function listInsureds(db: DbOrTx, organizationId: string, filter: InsuredFilter) {
  const conditions: SQL[] = [eq(insureds.organizationId, organizationId)];
  const q = filter.q?.toLowerCase();
  if (q) {
    conditions.push(
      or(
        // LIKE and <% on lower(legal_name) can both use its trigram index
        sql`lower(${insureds.legalName}) like ${likePattern(q)}`,
        ilike(insureds.dba, likePattern(q)),
        // fuzzy: tolerates typos ("rofing") in a word of the name
        sql`${q} <% lower(${insureds.legalName})`,
        sql`${q} <% lower(coalesce(${insureds.dba}, ''))`,
      )!,
    );
  }
  if (filter.locationId) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(assignments)
          .where(
            and(
              eq(assignments.organizationId, organizationId),
              eq(assignments.insuredId, insureds.id),
              eq(assignments.locationId, filter.locationId),
            ),
          ),
      ),
    );
  }
  if (filter.status) conditions.push(eq(insureds.status, filter.status));
  if (filter.kind) conditions.push(eq(insureds.kind, filter.kind));
  if (filter.tag) conditions.push(arrayContains(insureds.tags, [filter.tag]));

  if (filter.coverageState) conditions.push(coverageStateIs(db, organizationId, filter.coverageState));
  if (filter.complianceStatus) conditions.push(sql`${worstCompliance(organizationId)} = ${filter.complianceStatus}`);
  const where = and(...conditions);

  // The page is picked first, and coverage computed for its rows alone.
  const relevance = q
    ? [
        // names that start with the query first (the same escaped pattern, anchored at the start), then the closest
        desc(sql`lower(${insureds.legalName}) like ${likePattern(q).slice(1)}`),
        desc(sql`greatest(word_similarity(${q}, lower(${insureds.legalName})), word_similarity(${q}, lower(coalesce(${insureds.dba}, ''))))`),
      ]
    : [];
  const [pageIds, [total]] = await Promise.all([
    db
      .select({ id: insureds.id })
      .from(insureds)
      .where(where)
      .orderBy(...relevance, asc(insureds.legalName), asc(insureds.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(insureds).where(where),
  ]);
  const ids = pageIds.map((r) => r.id);
  const rows = ids.length ? await selectInsureds(db, organizationId, inArray(insureds.id, ids)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: ids.map((id) => byId.get(id)!), total: total!.n };
}

export async function getInsured(db: DbOrTx, organizationId: string, id: string): Promise<InsuredRecord | null> {
  const [row] = await selectInsureds(db, organizationId, eq(insureds.id, id));
  return row ?? null;
}

/**
 * Whether the insured exists in the organization. With `lock`, also holds its row until the transaction ends, so
 * that concurrent changes to its contacts (one primary per kind) take turns.
 */
export async function insuredExists(db: DbOrTx, organizationId: string, id: string, options: { lock?: boolean } = {}) {
  const query = db
    .select({ id: insureds.id })
    .from(insureds)
    .where(and(eq(insureds.organizationId, organizationId), eq(insureds.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return Boolean(row);
}

export async function insertInsured(db: DbOrTx, organizationId: string, values: InsuredValues) {
  const [row] = await db.insert(insureds).values({ ...values, organizationId }).returning({ id: insureds.id });
  return row!;
}

export async function updateInsured(db: DbOrTx, organizationId: string, id: string, values: Partial<InsuredValues>) {
  const [row] = await db
    .update(insureds)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(insureds.organizationId, organizationId), eq(insureds.id, id)))
    .returning({ id: insureds.id });
  return row ?? null;
}

/** Deletes the insured with its certificates, contacts, assignments and documents (by foreign-key cascade). */
export async function deleteInsured(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .delete(insureds)
    .where(and(eq(insureds.organizationId, organizationId), eq(insureds.id, id)))
    .returning({ id: insureds.id, legalName: insureds.legalName });
  return row ?? null;
}

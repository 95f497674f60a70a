// Data access for requirement sets. The definition is stored as the contract's JSON (shared/contracts/requirements.md).
// Every function takes the organization id and never crosses it.
import { and, asc, count, eq, ilike, like, or, sql } from 'drizzle-orm';
import type { RequirementSetDefinition } from '../../../domain/requirements.js';
import type { DbOrTx } from '../client.js';
import { assignments, requirementSets } from '../schema.js';
import { likePattern } from '../../http/common.js';

export type RequirementSetValues = { name: string; description?: string | null; definition: RequirementSetDefinition };

// A LATERAL join rather than a subquery in the select list: Drizzle leaves the columns of a single-table select list
// unqualified, and inside a subquery "id" would then name assignments.id instead of requirement_sets.id.
const usageOf = (db: DbOrTx, organizationId: string) =>
  db
    .select({ assignmentCount: sql<number>`count(*)::int`.as('assignment_count') })
    .from(assignments)
    .where(and(eq(assignments.organizationId, organizationId), eq(assignments.requirementSetId, requirementSets.id)))
    .as('usage');

function selectRequirementSets(db: DbOrTx, organizationId: string) {
  const usage = usageOf(db, organizationId);
  return db
    .select({
      id: requirementSets.id,
      name: requirementSets.name,
      description: requirementSets.description,
      definition: requirementSets.definition,
      createdAt: requirementSets.createdAt,
      updatedAt: requirementSets.updatedAt,
      assignmentCount: usage.assignmentCount,
    })
    .from(requirementSets)
    .innerJoinLateral(usage, sql`true`);
}
export type RequirementSetRecord = {
  id: string;
  name: string;
  description: string | null;
  definition: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  assignmentCount: number;
};

export async function listRequirementSets(db: DbOrTx, organizationId: string, filter: { q?: string; limit: number; offset: number }) {
  const conditions = [eq(requirementSets.organizationId, organizationId)];
  if (filter.q) conditions.push(ilike(requirementSets.name, likePattern(filter.q)));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    selectRequirementSets(db, organizationId)
      .where(where)
      .orderBy(asc(sql`lower(${requirementSets.name})`), asc(requirementSets.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(requirementSets).where(where),
  ]);
  return { items: items as RequirementSetRecord[], total: total!.n };
}

export async function getRequirementSet(db: DbOrTx, organizationId: string, id: string): Promise<RequirementSetRecord | null> {
  const [row] = await selectRequirementSets(db, organizationId).where(and(eq(requirementSets.organizationId, organizationId), eq(requirementSets.id, id)));
  return row ?? null;
}

/**
 * The names already taken among `name` and its numbered copies ("name (2)", "name (3)", …), lower-cased as the
 * unique index compares them.
 */
export async function takenCopyNames(db: DbOrTx, organizationId: string, name: string): Promise<Set<string>> {
  const lower = name.toLowerCase();
  const rows = await db
    .select({ name: sql<string>`lower(${requirementSets.name})` })
    .from(requirementSets)
    .where(
      and(
        eq(requirementSets.organizationId, organizationId),
        or(eq(sql`lower(${requirementSets.name})`, lower), like(sql`lower(${requirementSets.name})`, `${likePattern(lower).slice(1, -1)} (%)`)),
      ),
    );
  return new Set(rows.map((r) => r.name));
}

export async function insertRequirementSet(db: DbOrTx, organizationId: string, values: RequirementSetValues) {
  const [row] = await db
    .insert(requirementSets)
    .values({ ...values, organizationId })
    .returning({ id: requirementSets.id });
  return row!;
}

export async function updateRequirementSet(db: DbOrTx, organizationId: string, id: string, values: Partial<RequirementSetValues>) {
  const [row] = await db
    .update(requirementSets)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(requirementSets.organizationId, organizationId), eq(requirementSets.id, id)))
    .returning({ id: requirementSets.id });
  return row ?? null;
}

/** Deletes the set; assignments that used it keep their location and lose the set (ON DELETE SET NULL). */
export async function deleteRequirementSet(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .delete(requirementSets)
    .where(and(eq(requirementSets.organizationId, organizationId), eq(requirementSets.id, id)))
    .returning({ id: requirementSets.id, name: requirementSets.name });
  return row ?? null;
}

// Data access for assignments: which insured works at which location, under which requirement set. Every function
// takes the organization id and never crosses it.
import { and, asc, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { assignments, locations, requirementSets } from '../schema.js';

export type AssignmentValues = { locationId: string; requirementSetId: string | null };

const columns = {
  id: assignments.id,
  insuredId: assignments.insuredId,
  locationId: assignments.locationId,
  locationName: locations.name,
  requirementSetId: assignments.requirementSetId,
  requirementSetName: requirementSets.name,
  createdAt: assignments.createdAt,
};

// Joined on organization as well as id: the rows are ours to begin with, this only keeps a stray link from showing.
const withNames = (db: DbOrTx) =>
  db
    .select(columns)
    .from(assignments)
    .innerJoin(locations, and(eq(locations.id, assignments.locationId), eq(locations.organizationId, assignments.organizationId)))
    .leftJoin(
      requirementSets,
      and(eq(requirementSets.id, assignments.requirementSetId), eq(requirementSets.organizationId, assignments.organizationId)),
    );

export async function listAssignments(db: DbOrTx, organizationId: string, insuredId: string, page: { limit: number; offset: number }) {
  const where = and(eq(assignments.organizationId, organizationId), eq(assignments.insuredId, insuredId));
  const [items, [total]] = await Promise.all([
    withNames(db).where(where).orderBy(asc(locations.name), asc(assignments.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(assignments).where(where),
  ]);
  return { items, total: total!.n };
}

export async function getAssignment(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await withNames(db).where(and(eq(assignments.organizationId, organizationId), eq(assignments.id, id)));
  return row ?? null;
}

export async function insertAssignment(db: DbOrTx, organizationId: string, insuredId: string, values: AssignmentValues) {
  const [row] = await db
    .insert(assignments)
    .values({ ...values, organizationId, insuredId })
    .returning({ id: assignments.id });
  return row!;
}

export async function updateAssignment(db: DbOrTx, organizationId: string, id: string, values: Pick<AssignmentValues, 'requirementSetId'>) {
  const [row] = await db
    .update(assignments)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(assignments.organizationId, organizationId), eq(assignments.id, id)))
    .returning({ id: assignments.id });
  return row ?? null;
}

export async function deleteAssignment(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .delete(assignments)
    .where(and(eq(assignments.organizationId, organizationId), eq(assignments.id, id)))
    .returning({ id: assignments.id, insuredId: assignments.insuredId, locationId: assignments.locationId });
  return row ?? null;
}

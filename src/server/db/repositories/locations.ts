// Data access for locations. Every function takes the organization id and never crosses it.
import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { assignments, locations } from '../schema.js';
import { likePattern } from '../../http/common.js';

export type LocationRow = typeof locations.$inferSelect;
export type LocationValues = Omit<typeof locations.$inferInsert, 'id' | 'organizationId' | 'createdAt' | 'updatedAt'>;

// names qualified by hand: Drizzle leaves columns of a single-table select unqualified, and inside this subquery
// a bare "id" would mean assignments.id
const insuredCount = sql<number>`(select count(*)::int from ${assignments} a where a.location_id = "locations"."id")`;

export async function listLocations(
  db: DbOrTx,
  organizationId: string,
  filter: { q?: string; archived?: boolean; limit: number; offset: number },
) {
  const conditions: SQL[] = [eq(locations.organizationId, organizationId)];
  if (filter.q) conditions.push(or(ilike(locations.name, likePattern(filter.q)), ilike(locations.code, likePattern(filter.q)))!);
  if (filter.archived !== undefined) conditions.push(eq(locations.archived, filter.archived));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db
      .select({ location: locations, insuredCount })
      .from(locations)
      .where(where)
      .orderBy(asc(locations.name), asc(locations.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(locations).where(where),
  ]);
  return { items: items.map((r) => ({ ...r.location, insuredCount: r.insuredCount })), total: total!.n };
}

export async function getLocation(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select({ location: locations, insuredCount })
    .from(locations)
    .where(and(eq(locations.organizationId, organizationId), eq(locations.id, id)));
  return row ? { ...row.location, insuredCount: row.insuredCount } : null;
}

export async function insertLocation(db: DbOrTx, organizationId: string, values: LocationValues) {
  const [row] = await db.insert(locations).values({ ...values, organizationId }).returning();
  return row!;
}

export async function updateLocation(db: DbOrTx, organizationId: string, id: string, values: Partial<LocationValues>) {
  const [row] = await db
    .update(locations)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(locations.organizationId, organizationId), eq(locations.id, id)))
    .returning();
  return row ?? null;
}

export async function deleteLocation(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .delete(locations)
    .where(and(eq(locations.organizationId, organizationId), eq(locations.id, id)))
    .returning();
  return row ?? null;
}

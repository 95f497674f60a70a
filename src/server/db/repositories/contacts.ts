// Data access for contacts: an insured's own people and its insurance brokers. Every function takes the organization
// id and never crosses it.
import { and, asc, count, desc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { contacts } from '../schema.js';

export type ContactRow = typeof contacts.$inferSelect;
export type ContactValues = Omit<typeof contacts.$inferInsert, 'id' | 'organizationId' | 'insuredId' | 'createdAt' | 'updatedAt'>;
export type ContactKind = ContactRow['kind'];

export async function listContacts(db: DbOrTx, organizationId: string, insuredId: string, page: { limit: number; offset: number }) {
  const where = and(eq(contacts.organizationId, organizationId), eq(contacts.insuredId, insuredId));
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(contacts)
      .where(where)
      // vendor contacts before brokers, the primary one of each first
      .orderBy(desc(contacts.kind), desc(contacts.isPrimary), asc(contacts.name), asc(contacts.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(contacts).where(where),
  ]);
  return { items, total: total!.n };
}

export async function getContact(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, id)));
  return row ?? null;
}

export async function insertContact(db: DbOrTx, organizationId: string, insuredId: string, values: ContactValues) {
  const [row] = await db.insert(contacts).values({ ...values, organizationId, insuredId }).returning();
  return row!;
}

export async function updateContact(db: DbOrTx, organizationId: string, id: string, values: Partial<ContactValues>) {
  const [row] = await db
    .update(contacts)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, id)))
    .returning();
  return row ?? null;
}

/** An insured has at most one primary contact of each kind: the one given keeps the flag, the others lose it. */
export async function clearOtherPrimaries(db: DbOrTx, organizationId: string, keep: Pick<ContactRow, 'id' | 'insuredId' | 'kind'>) {
  await db
    .update(contacts)
    .set({ isPrimary: false, updatedAt: new Date() })
    .where(
      and(
        eq(contacts.organizationId, organizationId),
        eq(contacts.insuredId, keep.insuredId),
        eq(contacts.kind, keep.kind),
        eq(contacts.isPrimary, true),
        ne(contacts.id, keep.id),
      ),
    );
}

export async function deleteContact(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .delete(contacts)
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, id)))
    .returning();
  return row ?? null;
}

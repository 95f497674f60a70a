// Data access for supporting documents (policies, endorsements, contracts, W-9s, leases). Every function takes the
// organization id and never crosses it. A document is read with its file's metadata.
import { and, asc, count, desc, eq, lte, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { documents, files } from '../schema.js';

export type DocumentValues = Omit<typeof documents.$inferInsert, 'id' | 'organizationId' | 'createdAt' | 'updatedAt'>;
export type DocumentFilter = {
  insuredId?: string;
  kind?: (typeof documents.$inferSelect)['kind'];
  expiringBefore?: string;
  limit: number;
  offset: number;
};

const viewColumns = {
  id: documents.id,
  insuredId: documents.insuredId,
  kind: documents.kind,
  title: documents.title,
  expiresOn: documents.expiresOn,
  notes: documents.notes,
  file: { id: files.id, contentType: files.contentType, size: files.size, originalName: files.originalName, sha256: files.sha256 },
  createdAt: documents.createdAt,
  updatedAt: documents.updatedAt,
};

function selectViews(db: DbOrTx) {
  return db
    .select(viewColumns)
    .from(documents)
    .innerJoin(files, and(eq(files.id, documents.fileId), eq(files.organizationId, documents.organizationId)));
}

export type DocumentView = NonNullable<Awaited<ReturnType<typeof getDocument>>>;

export async function listDocuments(db: DbOrTx, organizationId: string, filter: DocumentFilter) {
  const conditions: SQL[] = [eq(documents.organizationId, organizationId)];
  if (filter.insuredId) conditions.push(eq(documents.insuredId, filter.insuredId));
  if (filter.kind) conditions.push(eq(documents.kind, filter.kind));
  if (filter.expiringBefore) conditions.push(lte(documents.expiresOn, filter.expiringBefore));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    selectViews(db).where(where).orderBy(desc(documents.createdAt), asc(documents.id)).limit(filter.limit).offset(filter.offset),
    db.select({ n: count() }).from(documents).where(where),
  ]);
  return { items, total: total!.n };
}

export async function getDocument(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await selectViews(db).where(and(eq(documents.organizationId, organizationId), eq(documents.id, id)));
  return row ?? null;
}

export async function insertDocument(db: DbOrTx, organizationId: string, values: DocumentValues) {
  const [row] = await db.insert(documents).values({ ...values, organizationId }).returning({ id: documents.id });
  return row!.id;
}

export async function updateDocument(db: DbOrTx, organizationId: string, id: string, values: Partial<Omit<DocumentValues, 'fileId'>>) {
  const [row] = await db
    .update(documents)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(documents.organizationId, organizationId), eq(documents.id, id)))
    .returning({ id: documents.id });
  return row ?? null;
}

export async function deleteDocument(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .delete(documents)
    .where(and(eq(documents.organizationId, organizationId), eq(documents.id, id)))
    .returning();
  return row ?? null;
}

// Data access for file records: the metadata of uploaded bytes kept in the blob store. Every function takes the
// organization id and never crosses it. Blobs are content-addressed and may be shared, so deleting a row never
// deletes bytes.
import { and, eq, notExists } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { certificates, documents, files } from '../schema.js';

export type FileRow = typeof files.$inferSelect;
export type FileValues = { sha256: string; size: number; contentType: string; originalName: string | null };

export async function insertFile(db: DbOrTx, organizationId: string, values: FileValues): Promise<FileRow> {
  const [row] = await db.insert(files).values({ ...values, organizationId }).returning();
  return row!;
}

export async function getFile(db: DbOrTx, organizationId: string, id: string): Promise<FileRow | null> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.organizationId, organizationId), eq(files.id, id)));
  return row ?? null;
}

/** Deletes the record once neither a certificate nor a document points at it any more. */
export async function deleteFileIfUnused(db: DbOrTx, organizationId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(files)
    .where(
      and(
        eq(files.organizationId, organizationId),
        eq(files.id, id),
        notExists(db.select({ id: certificates.id }).from(certificates).where(eq(certificates.fileId, id))),
        notExists(db.select({ id: documents.id }).from(documents).where(eq(documents.fileId, id))),
      ),
    )
    .returning({ id: files.id });
  return deleted.length > 0;
}

// Data access for certificates and their policies. Every function takes the organization id and never crosses it.
// A certificate is read as a CertificateView: the row, its insured's name, its file, and its policies in order.
import { and, asc, count, desc, eq, exists, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type {
  Address,
  CERTIFICATE_SOURCES,
  CERTIFICATE_STATUSES,
  CertificateFields,
  Coverage,
  Insurer,
  PolicyFields,
  Producer,
} from '../../../domain/certificate.js';
import type { DbOrTx } from '../client.js';
import { certificates, documents, files, insureds, policies } from '../schema.js';
import type { CertificateProvenance } from '../schema.js';

export type FileRef = { id: string; contentType: string; size: number; originalName: string | null; sha256: string };
export type PolicyView = PolicyFields & { id: string };
export type CertificateView = Omit<CertificateFields, 'policies' | 'confidence'> & {
  id: string;
  insuredId: string;
  insuredLegalName: string;
  source: (typeof CERTIFICATE_SOURCES)[number];
  receivedAt: Date;
  status: (typeof CERTIFICATE_STATUSES)[number];
  archived: boolean;
  file: FileRef | null;
  notes: string | null;
  // JSON pointer (as in the extraction format, e.g. /policies/0/policyNumber) -> 0..1, from the last reading
  confidence: Record<string, number>;
  /** When the file was last read (null until a read finishes), by which method, and why it gave no fields. */
  readAt: Date | null;
  readMethod: string | null;
  readError: string | null;
  policies: PolicyView[];
  createdAt: Date;
  updatedAt: Date;
};

/** The columns a caller may write; the organization is always the caller's. */
export type CertificateValues = Omit<typeof certificates.$inferInsert, 'id' | 'organizationId' | 'createdAt' | 'updatedAt'>;

export type CertificateFilter = {
  insuredId?: string;
  status?: CertificateView['status'];
  archived?: boolean;
  source?: CertificateView['source'];
  expiringBefore?: string;
  limit: number;
  offset: number;
};

/** The insured, when it belongs to the organization. (Shared with documents; may move to an insureds repository.) */
export async function findInsured(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select({ id: insureds.id, legalName: insureds.legalName })
    .from(insureds)
    .where(and(eq(insureds.organizationId, organizationId), eq(insureds.id, id)));
  return row ?? null;
}

const viewColumns = {
  certificate: certificates,
  insuredLegalName: insureds.legalName,
  file: { id: files.id, contentType: files.contentType, size: files.size, originalName: files.originalName, sha256: files.sha256 },
};

function selectViews(db: DbOrTx) {
  return db
    .select(viewColumns)
    .from(certificates)
    .innerJoin(insureds, and(eq(insureds.id, certificates.insuredId), eq(insureds.organizationId, certificates.organizationId)))
    .leftJoin(files, and(eq(files.id, certificates.fileId), eq(files.organizationId, certificates.organizationId)));
}

export async function listCertificates(db: DbOrTx, organizationId: string, filter: CertificateFilter) {
  const conditions: SQL[] = [eq(certificates.organizationId, organizationId)];
  if (filter.insuredId) conditions.push(eq(certificates.insuredId, filter.insuredId));
  if (filter.status) conditions.push(eq(certificates.status, filter.status));
  if (filter.archived !== undefined) conditions.push(eq(certificates.archived, filter.archived));
  if (filter.source) conditions.push(eq(certificates.source, filter.source));
  if (filter.expiringBefore) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(policies)
          .where(
            and(
              eq(policies.organizationId, organizationId),
              eq(policies.certificateId, certificates.id),
              lte(policies.expirationDate, filter.expiringBefore),
            ),
          ),
      ),
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    selectViews(db).where(where).orderBy(desc(certificates.receivedAt), desc(certificates.id)).limit(filter.limit).offset(filter.offset),
    db.select({ n: count() }).from(certificates).where(where),
  ]);
  const byCertificate = await policiesOf(db, organizationId, rows.map((r) => r.certificate.id));
  return { items: rows.map((r) => toView(r, byCertificate.get(r.certificate.id) ?? [])), total: total!.n };
}

export async function getCertificate(db: DbOrTx, organizationId: string, id: string): Promise<CertificateView | null> {
  const [row] = await selectViews(db).where(and(eq(certificates.organizationId, organizationId), eq(certificates.id, id)));
  if (!row) return null;
  const byCertificate = await policiesOf(db, organizationId, [row.certificate.id]);
  return toView(row, byCertificate.get(row.certificate.id) ?? []);
}

/** Just the certificate's file, for streaming it: null when the certificate is not found, file null when it has none. */
export async function getCertificateFile(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select({ id: certificates.id, file: viewColumns.file })
    .from(certificates)
    .leftJoin(files, and(eq(files.id, certificates.fileId), eq(files.organizationId, certificates.organizationId)))
    .where(and(eq(certificates.organizationId, organizationId), eq(certificates.id, id)));
  return row ?? null;
}

/** The policies of several certificates in one query, so that a page of certificates costs two queries, not N+1. */
async function policiesOf(db: DbOrTx, organizationId: string, certificateIds: string[]) {
  const byCertificate = new Map<string, PolicyView[]>();
  if (certificateIds.length === 0) return byCertificate;
  const rows = await db
    .select()
    .from(policies)
    .where(and(eq(policies.organizationId, organizationId), inArray(policies.certificateId, certificateIds)))
    .orderBy(asc(policies.certificateId), asc(policies.position), asc(policies.id));
  for (const row of rows) {
    const list = byCertificate.get(row.certificateId) ?? [];
    list.push(toPolicyView(row));
    byCertificate.set(row.certificateId, list);
  }
  return byCertificate;
}

export async function insertCertificate(db: DbOrTx, organizationId: string, values: CertificateValues, policyList: PolicyFields[]) {
  const [row] = await db.insert(certificates).values({ ...values, organizationId }).returning({ id: certificates.id });
  await insertPolicies(db, organizationId, row!.id, policyList);
  return row!.id;
}

export async function updateCertificate(db: DbOrTx, organizationId: string, id: string, values: Partial<CertificateValues>) {
  const [row] = await db
    .update(certificates)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(certificates.organizationId, organizationId), eq(certificates.id, id)))
    .returning({ id: certificates.id });
  return row ?? null;
}

/** Replaces every policy of the certificate; run it in the transaction that updates the certificate. */
export async function replacePolicies(db: DbOrTx, organizationId: string, certificateId: string, policyList: PolicyFields[]) {
  await db.delete(policies).where(and(eq(policies.organizationId, organizationId), eq(policies.certificateId, certificateId)));
  await insertPolicies(db, organizationId, certificateId, policyList);
}

async function insertPolicies(db: DbOrTx, organizationId: string, certificateId: string, policyList: PolicyFields[]) {
  if (policyList.length === 0) return;
  await db.insert(policies).values(policyList.map((p, position) => ({ ...p, organizationId, certificateId, position })));
}

/** The document that already keeps this file for this insured (a certificate's file kept as a document), if any. */
export async function findDocumentOfFile(db: DbOrTx, organizationId: string, insuredId: string, fileId: string) {
  const [row] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.organizationId, organizationId), eq(documents.insuredId, insuredId), eq(documents.fileId, fileId)))
    .limit(1);
  return row ?? null;
}

export async function deleteCertificate(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .delete(certificates)
    .where(and(eq(certificates.organizationId, organizationId), eq(certificates.id, id)))
    .returning();
  return row ?? null;
}

export type PolicyFilter = {
  expiringFrom?: string;
  expiringTo?: string;
  coverage?: Coverage;
  insuredId?: string;
  status?: CertificateView['status'];
  archived?: boolean;
  limit: number;
  offset: number;
};

/** Policies across certificates, soonest expiry first, for expiry views. */
export async function listPolicies(db: DbOrTx, organizationId: string, filter: PolicyFilter) {
  const conditions: SQL[] = [eq(policies.organizationId, organizationId)];
  if (filter.expiringFrom) conditions.push(gte(policies.expirationDate, filter.expiringFrom));
  if (filter.expiringTo) conditions.push(lte(policies.expirationDate, filter.expiringTo));
  if (filter.coverage) conditions.push(eq(policies.coverage, filter.coverage));
  if (filter.insuredId) conditions.push(eq(certificates.insuredId, filter.insuredId));
  if (filter.status) conditions.push(eq(certificates.status, filter.status));
  if (filter.archived !== undefined) conditions.push(eq(certificates.archived, filter.archived));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        policy: policies,
        certificateStatus: certificates.status,
        certificateArchived: certificates.archived,
        insuredId: certificates.insuredId,
        insuredLegalName: insureds.legalName,
      })
      .from(policies)
      .innerJoin(certificates, and(eq(certificates.id, policies.certificateId), eq(certificates.organizationId, policies.organizationId)))
      .innerJoin(insureds, and(eq(insureds.id, certificates.insuredId), eq(insureds.organizationId, certificates.organizationId)))
      .where(where)
      .orderBy(sql`${policies.expirationDate} asc nulls last`, asc(policies.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ n: count() })
      .from(policies)
      .innerJoin(certificates, and(eq(certificates.id, policies.certificateId), eq(certificates.organizationId, policies.organizationId)))
      .where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...toPolicyView(r.policy),
      certificateId: r.policy.certificateId,
      certificateStatus: r.certificateStatus,
      certificateArchived: r.certificateArchived,
      insuredId: r.insuredId,
      insuredLegalName: r.insuredLegalName,
    })),
    total: total!.n,
  };
}

// jsonb columns may have been written by a reader as well as by this API; present them in one complete shape
const text = (v: unknown) => (typeof v === 'string' ? v : null);

function toAddress(v: unknown): Address | null {
  if (!v || typeof v !== 'object') return null;
  const a = v as Record<string, unknown>;
  return {
    lines: Array.isArray(a.lines) ? a.lines.filter((l): l is string => typeof l === 'string') : [],
    city: text(a.city),
    state: text(a.state),
    postalCode: text(a.postalCode),
  };
}

function toProducer(v: Record<string, unknown> | null): Producer | null {
  if (!v) return null;
  return {
    name: text(v.name),
    address: toAddress(v.address),
    contactName: text(v.contactName),
    phone: text(v.phone),
    fax: text(v.fax),
    email: text(v.email),
  };
}

function toPolicyView(row: typeof policies.$inferSelect): PolicyView {
  return {
    id: row.id,
    coverage: row.coverage,
    description: row.description,
    insurerLetter: row.insurerLetter,
    policyNumber: row.policyNumber,
    effectiveDate: row.effectiveDate,
    expirationDate: row.expirationDate,
    additionalInsured: row.additionalInsured,
    subrogationWaived: row.subrogationWaived,
    basis: row.basis,
    limits: row.limits,
    details: row.details,
  };
}

type ViewRow = { certificate: typeof certificates.$inferSelect; insuredLegalName: string; file: FileRef | null };

function toView({ certificate: c, insuredLegalName, file }: ViewRow, policyList: PolicyView[]): CertificateView {
  return {
    id: c.id,
    insuredId: c.insuredId,
    insuredLegalName,
    source: c.source,
    receivedAt: c.receivedAt,
    status: c.status,
    archived: c.archived,
    file,
    formType: c.formType,
    formEdition: c.formEdition,
    certificateDate: c.certificateDate,
    certificateNumber: c.certificateNumber,
    revisionNumber: c.revisionNumber,
    producer: toProducer(c.producer),
    insuredName: c.insuredName,
    insuredAddress: toAddress(c.insuredAddress),
    insurers: c.insurers.map((i): Insurer => ({ letter: i.letter ?? null, name: i.name, naic: i.naic ?? null })),
    descriptionOfOperations: c.descriptionOfOperations,
    holderName: c.holderName,
    holderAddress: toAddress(c.holderAddress),
    warnings: c.warnings,
    confidence: c.confidence,
    readAt: c.readAt,
    readMethod: c.readMethod,
    readError: c.readError,
    notes: c.notes,
    policies: policyList,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** Where the last reading found each value (null until one finishes, and for certificates entered by hand). */
export async function getProvenance(db: DbOrTx, organizationId: string, id: string): Promise<CertificateProvenance | null> {
  const [row] = await db
    .select({ provenance: certificates.provenance })
    .from(certificates)
    .where(and(eq(certificates.organizationId, organizationId), eq(certificates.id, id)));
  return row?.provenance ?? null;
}

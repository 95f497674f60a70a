// The certificate.read job: reads an uploaded certificate's file in the isolated reader (src/extraction/worker) and
// fills the certificate and its policies from the extraction, in one transaction, with an audit entry by the system.
//
// What the certificate becomes:
// - read: the fields, the confidence of each value and where on the page it was found (provenance) are replaced.
// - read, and every value sure: status 'confirmed' only when the form is an ACORD 25 with at least one policy, there
//   are no warnings, and every value has a confidence of at least CONFIRM_CONFIDENCE; anything else 'needs_review'.
// - not read (a corrupt, locked or unsupported file, a timeout, out of memory): the fields are left as they are,
//   status 'needs_review', and read_error says why, for a person to fill them in.
// - not a certificate (see notACertificate): the file is kept as a document of the insured (kind 'other', the reason in
//   its notes), and the certificate is archived with read_error saying so. Nothing is deleted.
// Every query names payload.organizationId, so a job can only touch its own organization's rows.
import { complianceChanged } from '../compliance/service.js';
import { z } from 'zod';
import type { Extraction, PolicyFields } from '../../domain/certificate.js';
import type { ReadProvenance } from '../../extraction/extract.js';
import { readCertificateIsolated, type IsolatedResult } from '../../extraction/worker/isolated.js';
import type { AppContext } from '../context.js';
import * as repo from '../db/repositories/certificates.js';
import { insertDocument } from '../db/repositories/documents.js';
import type { DbOrTx } from '../db/client.js';
import { auditLog, type CertificateProvenance } from '../db/schema.js';
import { policyInput } from '../http/certificates/schemas.js';

export const readCertificateJob = {
  name: 'certificate.read',
  payload: z.object({ organizationId: z.uuid(), certificateId: z.uuid() }),
  // a file that cannot be read is recorded on the certificate, not retried; a retry is for the database failing
  retryLimit: 2,
};
export type ReadCertificatePayload = z.infer<typeof readCertificateJob.payload>;

/** Below this confidence a value needs a person's look; the review screen highlights values below 0.9. */
export const CONFIRM_CONFIDENCE = 0.95;
const MAX_WARNINGS = 50;
const MAX_WARNING_LENGTH = 500;

export type ReadOptions = { timeoutMs?: number; read?: (bytes: Buffer, fileName: string, options: { timeoutMs?: number }) => Promise<IsolatedResult> };

export type ReadOutcome = 'read' | 'failed' | 'not_a_certificate' | 'skipped';

/** Runs one certificate.read job. Failures of the file are recorded on the certificate, not thrown (no retry helps). */
export async function readCertificate(ctx: AppContext, payload: ReadCertificatePayload, options: ReadOptions = {}): Promise<ReadOutcome> {
  const { db } = ctx.database;
  const { organizationId, certificateId } = payload;
  const certificate = await repo.getCertificate(db, organizationId, certificateId);
  // deleted since the upload, or never had a file: nothing to read
  if (!certificate?.file) return 'skipped';
  const file = certificate.file;
  const fileName = file.originalName ?? `certificate-${certificate.id.slice(0, 8)}`;

  let result: IsolatedResult;
  const started = Date.now();
  const bytes = await ctx.store.get(file.sha256).catch(() => null);
  if (!bytes) result = { ok: false, code: 'corrupt', message: 'the stored file is missing' };
  else result = await (options.read ?? readCertificateIsolated)(bytes, fileName, { timeoutMs: options.timeoutMs });
  const ms = Date.now() - started;

  const outcome = await db.transaction(async (tx) => {
    // the certificate may have gone while the file was being read
    const current = await repo.getCertificate(tx, organizationId, certificateId);
    if (!current || current.file?.id !== file.id) return 'skipped' as const;
    const readAt = new Date();

    const notCertificate = notACertificate(result);
    if (notCertificate) {
      const existing = await repo.findDocumentOfFile(tx, organizationId, current.insuredId, file.id);
      const documentId =
        existing?.id ??
        (await insertDocument(tx, organizationId, {
          insuredId: current.insuredId,
          fileId: file.id,
          kind: 'other',
          title: (file.originalName ?? 'Document').slice(0, 200),
          notes: `Uploaded as a certificate, but it is not one: ${notCertificate}`,
        }));
      const readError = `Not a certificate: ${notCertificate}. The file is kept as a document of the insured.`;
      await repo.updateCertificate(tx, organizationId, certificateId, { status: 'needs_review', archived: true, readAt, readMethod: null, readError });
      if (!existing) {
        await systemAudit(tx, organizationId, { action: 'document.created', entityType: 'document', entityId: documentId, changes: { kind: 'other', fileId: file.id, from: { certificateId } } });
      }
      await systemAudit(tx, organizationId, {
        action: 'certificate.read',
        entityType: 'certificate',
        entityId: certificateId,
        changes: { outcome: 'not_a_certificate', reason: notCertificate, documentId, archived: true, ms },
      });
      return 'not_a_certificate' as const;
    }

    if (!result.ok) {
      const readError = result.message;
      await repo.updateCertificate(tx, organizationId, certificateId, { status: 'needs_review', readAt, readMethod: null, readError });
      await systemAudit(tx, organizationId, {
        action: 'certificate.read',
        entityType: 'certificate',
        entityId: certificateId,
        changes: { outcome: 'failed', code: result.code, reason: readError, ms },
      });
      return 'failed' as const;
    }

    const { values, policies, status, pointer } = fieldsFromExtraction(result.extraction);
    const provenance = provenanceOf(result.provenance, pointer);
    await repo.updateCertificate(tx, organizationId, certificateId, { ...values, provenance, status, readAt, readError: null });
    await repo.replacePolicies(tx, organizationId, certificateId, policies);
    await systemAudit(tx, organizationId, {
      action: 'certificate.read',
      entityType: 'certificate',
      entityId: certificateId,
      changes: {
        outcome: 'read',
        method: values.readMethod,
        formType: values.formType,
        status,
        policies: policies.length,
        warnings: values.warnings?.length ?? 0,
        ms,
      },
    });
    return 'read' as const;
  });
  // the insured's status follows what was read (or that a certificate now awaits a person)
  if (outcome !== 'skipped') await complianceChanged(ctx, organizationId, { insuredIds: [certificate.insuredId] }, { kind: 'certificate', id: certificateId });
  return outcome;
}

/**
 * Why a read shows the file is not a certificate, or null. Kept deliberately simple:
 * - the engine refused it as 'unsupported' with a message saying it is not a certificate; or
 * - the engine read it as form 'other' and found no policy and no insured name: nothing a certificate must show.
 * Everything else (corrupt, locked, unreadable, a timeout) is a certificate we could not read, kept for a person.
 */
export function notACertificate(result: IsolatedResult): string | null {
  if (!result.ok) return result.code === 'unsupported' && /not an? (\w+ )?(insurance )?certificate/i.test(result.message) ? result.message : null;
  const e = result.extraction;
  if (e.form.type === 'other' && e.policies.length === 0 && !e.insured.name?.trim()) {
    return 'no policies and no insured were found on it, and it is not an ACORD form';
  }
  return null;
}

/** The certificate columns and policies an extraction fills, and the status it earns. */
export function fieldsFromExtraction(e: Extraction) {
  const warnings = [...e.warnings];
  const policies: PolicyFields[] = e.policies.map((p, i) => {
    // the reader's output is held to what a person could save, so that saving the reviewed form does not fail on it
    const checked = policyInput.safeParse(p);
    for (const issue of checked.error?.issues ?? []) warnings.push(`policy ${i + 1}: ${[...issue.path].join('.')} ${issue.message}`.trim());
    return {
      coverage: p.coverage,
      description: p.description,
      insurerLetter: p.insurerLetter,
      policyNumber: p.policyNumber,
      effectiveDate: p.effectiveDate,
      expirationDate: p.expirationDate,
      additionalInsured: p.additionalInsured ?? false,
      subrogationWaived: p.subrogationWaived ?? false,
      basis: p.basis,
      limits: p.limits ?? {},
      details: p.details ?? {},
    };
  });
  // an insurer row with no name is a blank row of the form: it is dropped, and the pointers of the rows after it move up
  const keptInsurers = e.insurers.flatMap((insurer, i) => (insurer.name?.trim() ? [i] : []));
  const insurerIndex = new Map(keptInsurers.map((from, to) => [from, to]));
  /** The stored certificate's pointer for a pointer of the extraction; null for a value of a dropped insurer row. */
  const pointer = (p: string): string | null => {
    const m = /^\/insurers\/(\d+)(\/.*)?$/.exec(p);
    if (!m) return p;
    const to = insurerIndex.get(Number(m[1]));
    return to === undefined ? null : `/insurers/${to}${m[2] ?? ''}`;
  };
  const confidence = remapKeys(e.confidence ?? {}, pointer);
  const sure =
    e.form.type === 'ACORD 25' &&
    policies.length > 0 &&
    warnings.length === 0 &&
    Object.keys(confidence).length > 0 &&
    Object.values(confidence).every((c) => c >= CONFIRM_CONFIDENCE);
  const values = {
    formType: e.form.type,
    formEdition: e.form.edition,
    certificateDate: e.certificateDate,
    certificateNumber: e.certificateNumber,
    revisionNumber: e.revisionNumber,
    producer: e.producer as Record<string, unknown> | null,
    insuredName: e.insured.name,
    insuredAddress: e.insured.address,
    insurers: keptInsurers.map((i) => e.insurers[i]!).map((i) => ({ letter: i.letter, name: i.name!, naic: i.naic })),
    descriptionOfOperations: e.descriptionOfOperations,
    holderName: e.certificateHolder.name,
    holderAddress: e.certificateHolder.address,
    warnings: warnings.slice(0, MAX_WARNINGS).map((w) => (w.length > MAX_WARNING_LENGTH ? `${w.slice(0, MAX_WARNING_LENGTH - 1)}…` : w)),
    confidence,
    readMethod: e.source?.method ?? null,
  } satisfies Partial<repo.CertificateValues>;
  return { values, policies, status: sure ? ('confirmed' as const) : ('needs_review' as const), pointer };
}

/** The reading's provenance as stored: boxes under the certificate's pointers, sizes and boxes rounded to 0.1 pt. */
export function provenanceOf(provenance: ReadProvenance, pointer: (p: string) => string | null): CertificateProvenance {
  const round = (n: number) => Math.round(n * 10) / 10;
  const boxes = remapKeys(provenance.boxes, pointer);
  return {
    pages: provenance.pages.map((p) => ({ page: p.page, width: round(p.width), height: round(p.height), ...(p.turned ? { turned: p.turned } : {}) })),
    boxes: Object.fromEntries(Object.entries(boxes).map(([k, b]) => [k, { page: b.page, x: round(b.x), y: round(b.y), width: round(b.width), height: round(b.height) }])),
  };
}

function remapKeys<T>(record: Record<string, T>, pointer: (p: string) => string | null): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) {
    const to = pointer(key);
    if (to !== null) out[to] = value;
  }
  return out;
}

/** An audit entry of work the server did itself: no user, no API key, no address. */
async function systemAudit(tx: DbOrTx, organizationId: string, entry: { action: string; entityType: string; entityId: string; changes: Record<string, unknown> }) {
  await tx.insert(auditLog).values({ organizationId, actorUserId: null, actorApiKeyId: null, ip: null, ...entry });
}

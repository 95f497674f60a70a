// The certificate.read job end to end: an upload is read in the background (worker thread), its fields and policies
// are filled, and a file that gives none is kept with the reason. Also the job's rules on their own, with a stand-in
// reader, and POST /certificates/:id/read.
import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { fillAcord25 } from '../../../../test/fixtures/acord25-fill.js';
import { generateCertificate } from '../../../../test/fixtures/values.js';
import type { Extraction } from '../../../domain/certificate.js';
import type { IsolatedResult } from '../../../extraction/worker/isolated.js';
import { certificates, documents } from '../../db/schema.js';
import { fieldsFromExtraction, readCertificate } from '../../jobs/read-certificate.js';
import { createInsured, tinyPdf, upload } from './test-fixtures.js';

const BLANK_FORM = new URL('../../../../../shared/corpus/forms/acord25-2016-03-acroform.pdf', import.meta.url);
const haveForm = fs.existsSync(BLANK_FORM);

let t: TestApp;
let owner: Session;
let other: Session;
let insuredId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app, { organizationName: 'Reading Org' });
  other = await signUp(t.app, { organizationName: 'Other Org' });
  insuredId = await createInsured(t, owner, 'Acme Roofing LLC');
});
afterAll(() => t?.close());

async function uploadFile(name: string, content: Buffer) {
  const res = await upload(owner, '/api/v1/certificates/upload', { insuredId }, { name, content, contentType: 'application/pdf' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/**
 * Polls the certificate until a reading has finished (readAt set), as the review screen does. A reading takes well
 * under a second once the worker runs; the first one starts the worker, which on a loaded machine takes many seconds.
 */
async function waitForReading(id: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await owner.request('GET', `/api/v1/certificates/${id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    if (body.readAt) return body;
    if (Date.now() > until) throw new Error(`certificate ${id} was not read within ${timeoutMs} ms (status ${body.status})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function auditOf(id: string, action: string) {
  const res = await owner.request('GET', `/api/v1/audit-log?entityType=certificate&entityId=${id}&action=${action}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { action: string; actor: { type: string }; changes: Record<string, unknown> }[];
}

describe('reading an uploaded certificate', { timeout: 120_000 }, () => {
  it.skipIf(!haveForm)('fills the fields and policies of a fillable ACORD 25, and audits it as the system', async () => {
    const fixture = generateCertificate(4242);
    const pdf = Buffer.from(await fillAcord25(fs.readFileSync(BLANK_FORM), fixture, 'fillable'));
    const uploaded = await uploadFile('acord25.pdf', pdf);
    expect(uploaded).toMatchObject({ status: 'received', readAt: null, readError: null });

    const read = await waitForReading(uploaded.id);
    const expected = fixture.extraction;
    expect(read.readError).toBeNull();
    expect(read.readMethod).toBe('acroform');
    expect(read.formType).toBe('ACORD 25');
    expect(read.certificateDate).toBe(expected.certificateDate);
    expect(read.insuredName).toBe(expected.insured.name);
    expect(read.producer?.name).toBe(expected.producer.name);
    expect(read.holderName).toBe(expected.certificateHolder.name);
    expect(read.insurers.map((i: { letter: string; naic: string }) => [i.letter, i.naic])).toEqual(
      expected.insurers.map((i) => [i.letter, i.naic]),
    );
    expect(read.policies).toHaveLength(expected.policies.length);
    for (const policy of expected.policies) {
      const got = read.policies.find((p: { policyNumber: string }) => p.policyNumber === policy.policyNumber);
      expect(got, `policy ${policy.policyNumber}`).toMatchObject({
        coverage: policy.coverage,
        effectiveDate: policy.effectiveDate,
        expirationDate: policy.expirationDate,
        insurerLetter: policy.insurerLetter,
      });
      if (policy.coverage !== 'other') expect(got.limits).toEqual(policy.limits);
    }
    expect(Object.keys(read.confidence).length).toBeGreaterThan(0);
    // confirmed only when nothing is uncertain
    expect(read.status).toBe(read.warnings.length === 0 && Object.values(read.confidence as Record<string, number>).every((c) => c >= 0.95) ? 'confirmed' : 'needs_review');

    const entries = await auditOf(uploaded.id, 'certificate.read');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: { type: 'system' }, changes: { outcome: 'read', method: 'acroform', policies: expected.policies.length } });

    // the extraction view now names the fields read
    const extraction = (await owner.request('GET', `/api/v1/certificates/${uploaded.id}/extraction`)).json();
    expect(extraction.insured.name).toBe(expected.insured.name);
  });

  it('keeps a corrupt PDF as a certificate to review, with the reason', async () => {
    const corrupt = Buffer.concat([tinyPdf().subarray(0, 40), Buffer.from('\x00\x01 garbage that is not a PDF body')]);
    const uploaded = await uploadFile('broken.pdf', corrupt);
    const read = await waitForReading(uploaded.id);
    expect(read).toMatchObject({ status: 'needs_review', archived: false, readMethod: null, policies: [] });
    expect(read.readError).toEqual(expect.any(String));
    expect(read.readError.length).toBeGreaterThan(0);
    expect(read.file.originalName).toBe('broken.pdf');
    const [entry] = await auditOf(uploaded.id, 'certificate.read');
    expect(entry).toMatchObject({ actor: { type: 'system' }, changes: { outcome: 'failed' } });
  });

  it('reads again on request: back to received, then read; another organization gets 404', async () => {
    const uploaded = await uploadFile('again.pdf', tinyPdf('not much here'));
    await waitForReading(uploaded.id);

    expect((await other.request('POST', `/api/v1/certificates/${uploaded.id}/read`)).statusCode).toBe(404);
    const res = await owner.request('POST', `/api/v1/certificates/${uploaded.id}/read`);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'received', readAt: null, readError: null });
    const again = await waitForReading(uploaded.id);
    expect(again.status).toBe('needs_review');
    expect(await auditOf(uploaded.id, 'certificate.read_requested')).toHaveLength(1);
    expect(await auditOf(uploaded.id, 'certificate.read')).toHaveLength(2);
  });

  it('refuses to read a certificate entered by hand (409)', async () => {
    const manual = await owner.request('POST', '/api/v1/certificates', { insuredId });
    expect(manual.statusCode).toBe(201);
    const res = await owner.request('POST', `/api/v1/certificates/${manual.json().id}/read`);
    expect(res.statusCode).toBe(409);
  });
});

describe('the certificate.read job', { timeout: 120_000 }, () => {
  const extraction = (overrides: Partial<Extraction> = {}): Extraction => ({
    schemaVersion: 1,
    source: { file: 'x.pdf', pages: 1, method: 'acroform' },
    form: { type: 'ACORD 25', edition: '2016/03' },
    certificateDate: '2026-03-01',
    certificateNumber: null,
    revisionNumber: null,
    producer: { name: 'Broker LLC', address: null, contactName: null, phone: null, fax: null, email: null },
    insured: { name: 'Acme Roofing LLC', address: null },
    insurers: [{ letter: 'A', name: 'Hartford Fire Insurance Co', naic: '19682' }],
    policies: [
      {
        coverage: 'general_liability',
        description: null,
        insurerLetter: 'A',
        policyNumber: 'CGL-1',
        effectiveDate: '2026-01-01',
        expirationDate: '2027-01-01',
        additionalInsured: true,
        subrogationWaived: false,
        basis: 'occurrence',
        limits: { each_occurrence: 1_000_000 },
        details: {},
      },
    ],
    descriptionOfOperations: null,
    certificateHolder: { name: 'Holder Inc', address: null },
    warnings: [],
    confidence: { '/insured/name': 0.99, '/policies/0/policyNumber': 0.99 },
    ...overrides,
  });
  const stand = (result: IsolatedResult) => ({ read: async () => result });
  const noBoxes = { pages: [], boxes: {} };

  /** A received certificate with a file and no job queued for it (these tests call readCertificate themselves). */
  async function received() {
    const res = await owner.request('POST', '/api/v1/certificates', { insuredId });
    const id = res.json().id as string;
    // give it the file of an upload (read already, so that no queued job touches it later)
    const uploaded = await uploadFile('for-job.pdf', tinyPdf());
    await waitForReading(uploaded.id);
    // the real reading of that upload may have kept the file as a document already; start from a clean slate
    await t.ctx.database.db.delete(documents).where(eq(documents.fileId, uploaded.file.id));
    await t.ctx.database.db.update(certificates).set({ fileId: uploaded.file.id, status: 'received' }).where(eq(certificates.id, id));
    return { id, fileId: uploaded.file.id as string };
  }

  it('confirms only a sure ACORD 25: a warning, a low confidence or no policies leave it for review', () => {
    expect(fieldsFromExtraction(extraction()).status).toBe('confirmed');
    expect(fieldsFromExtraction(extraction({ warnings: ['text layer disagrees'] })).status).toBe('needs_review');
    expect(fieldsFromExtraction(extraction({ confidence: { '/insured/name': 0.94 } })).status).toBe('needs_review');
    expect(fieldsFromExtraction(extraction({ confidence: {} })).status).toBe('needs_review');
    expect(fieldsFromExtraction(extraction({ policies: [] })).status).toBe('needs_review');
    expect(fieldsFromExtraction(extraction({ form: { type: 'other', edition: null } })).status).toBe('needs_review');
    // a value a person could not save is flagged, not dropped
    const bad = extraction();
    bad.policies[0]!.effectiveDate = '2028-01-01';
    const fields = fieldsFromExtraction(bad);
    expect(fields.status).toBe('needs_review');
    expect(fields.values.warnings[0]).toMatch(/^policy 1: expirationDate/);
    expect(fields.policies[0]!.effectiveDate).toBe('2028-01-01');
  });

  it('keeps a file that is not a certificate as a document, and archives the certificate with the reason', async () => {
    const { id, fileId } = await received();
    const outcome = await readCertificate(
      t.ctx,
      { organizationId: owner.organizationId, certificateId: id },
      stand({ ok: false, code: 'unsupported', message: 'this looks like an invoice, not a certificate of insurance' }),
    );
    expect(outcome).toBe('not_a_certificate');
    const cert = (await owner.request('GET', `/api/v1/certificates/${id}`)).json();
    expect(cert).toMatchObject({ archived: true, status: 'needs_review' });
    expect(cert.readError).toMatch(/^Not a certificate: this looks like an invoice/);
    const docs = await t.ctx.database.db
      .select()
      .from(documents)
      .where(and(eq(documents.organizationId, owner.organizationId), eq(documents.fileId, fileId)));
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ kind: 'other', insuredId, title: 'for-job.pdf' });
    expect(docs[0]!.notes).toMatch(/invoice/);
    // reading it again does not make a second document
    await readCertificate(t.ctx, { organizationId: owner.organizationId, certificateId: id }, stand({ ok: true, provenance: noBoxes, extraction: extraction({ form: { type: 'other', edition: null }, policies: [], insured: { name: null, address: null } }) }));
    expect(await t.ctx.database.db.select().from(documents).where(eq(documents.fileId, fileId))).toHaveLength(1);
  });

  it('records a timeout as the reason, leaving the fields alone', async () => {
    const { id } = await received();
    const outcome = await readCertificate(t.ctx, { organizationId: owner.organizationId, certificateId: id }, { timeoutMs: 1 });
    expect(outcome).toBe('failed');
    const cert = (await owner.request('GET', `/api/v1/certificates/${id}`)).json();
    expect(cert).toMatchObject({ status: 'needs_review', readError: 'reading took longer than 1 ms', policies: [] });
  });

  it('touches only the rows of its own organization', async () => {
    const { id } = await received();
    const outcome = await readCertificate(t.ctx, { organizationId: other.organizationId, certificateId: id }, stand({ ok: true, provenance: noBoxes, extraction: extraction() }));
    expect(outcome).toBe('skipped');
    const cert = (await owner.request('GET', `/api/v1/certificates/${id}`)).json();
    expect(cert).toMatchObject({ status: 'received', readAt: null, policies: [] });
  });
});

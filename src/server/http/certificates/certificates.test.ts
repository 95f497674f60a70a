import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, withApiKey, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { certificates, files, policies } from '../../db/schema.js';
import { apiKey, createInsured, fieldsOf, sha256, storedBlobs, tinyGif, tinyPdf, tinyPng, upload } from './test-fixtures.js';

let t: TestApp;
let owner: Session;
let other: Session;
let insuredId: string;
let secondInsuredId: string;
let otherInsuredId: string;

beforeAll(async () => {
  // nothing here queues jobs; without workers these apps cannot take other test files' jobs off a shared PostgreSQL queue
  t = await createTestApp({ workers: false });
  owner = await signUp(t.app, { organizationName: 'Acme Property Group' });
  other = await signUp(t.app, { organizationName: 'Other Org' });
  insuredId = await createInsured(t, owner, 'Acme Roofing LLC');
  secondInsuredId = await createInsured(t, owner, 'Bolt Electric Inc');
  otherInsuredId = await createInsured(t, other, 'Other Vendor');
});
afterAll(() => t?.close());

const address = { lines: ['100 Main St', 'Suite 2'], city: 'Austin', state: 'TX', postalCode: '78701' };
const generalLiability = {
  coverage: 'general_liability',
  insurerLetter: 'A',
  policyNumber: 'CGL 123-45',
  effectiveDate: '2026-01-01',
  expirationDate: '2027-01-01',
  additionalInsured: true,
  basis: 'occurrence',
  limits: { each_occurrence: 1_000_000, general_aggregate: 2_000_000 },
  details: { aggregateAppliesPer: 'project' },
};
const workersComp = {
  coverage: 'workers_compensation',
  insurerLetter: 'B',
  policyNumber: 'WC-9',
  effectiveDate: '2026-03-01',
  expirationDate: '2026-09-30',
  subrogationWaived: true,
  limits: { el_each_accident: 1_000_000, el_disease_each_employee: 1_000_000, el_disease_policy_limit: 1_000_000 },
  details: { perStatute: true, proprietorExcluded: null },
};
const manualCertificate = (overrides: Record<string, unknown> = {}) => ({
  insuredId,
  formType: 'ACORD 25',
  formEdition: '2016/03',
  certificateDate: '2026-03-01',
  certificateNumber: 'C-1',
  producer: { name: 'Broker LLC', address, contactName: 'Pat Doe', phone: '555-0100', fax: null, email: 'pat@broker.test' },
  insuredName: 'Acme Roofing LLC',
  insuredAddress: address,
  insurers: [
    { letter: 'A', name: 'Hartford Fire Insurance Co', naic: '19682' },
    { letter: 'b', name: 'Travelers Indemnity', naic: null },
  ],
  descriptionOfOperations: 'Roof repairs at Riverside Plaza',
  holderName: 'Riverside Plaza LLC',
  holderAddress: { lines: ['1 River Rd'], city: 'Austin', state: 'TX', postalCode: '78702' },
  policies: [generalLiability, workersComp],
  ...overrides,
});

describe('certificates entered by hand', () => {
  it('creates a certificate with every field, and reads it back', async () => {
    const res = await owner.request('POST', '/api/v1/certificates', manualCertificate({ notes: 'Called broker' }));
    expect(res.statusCode).toBe(201);
    const cert = res.json();
    expect(cert).toMatchObject({
      insuredId,
      insuredLegalName: 'Acme Roofing LLC',
      source: 'manual',
      status: 'confirmed',
      archived: false,
      file: null,
      formType: 'ACORD 25',
      certificateDate: '2026-03-01',
      producer: { name: 'Broker LLC', address, contactName: 'Pat Doe', fax: null },
      insurers: [
        { letter: 'A', naic: '19682' },
        { letter: 'B', naic: null },
      ],
      holderName: 'Riverside Plaza LLC',
      warnings: [],
      notes: 'Called broker',
    });
    expect(cert.policies).toHaveLength(2);
    expect(cert.policies[0]).toMatchObject({ ...generalLiability, subrogationWaived: false, description: null });
    expect(cert.policies[1]).toMatchObject({ ...workersComp, additionalInsured: false, basis: null });

    const got = await owner.request('GET', `/api/v1/certificates/${cert.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(cert);
  });

  it('serves the certificate in the extraction format', async () => {
    const cert = (await owner.request('POST', '/api/v1/certificates', manualCertificate())).json();
    const res = await owner.request('GET', `/api/v1/certificates/${cert.id}/extraction`);
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc).toMatchObject({
      schemaVersion: 1,
      form: { type: 'ACORD 25', edition: '2016/03' },
      insured: { name: 'Acme Roofing LLC', address },
      certificateHolder: { name: 'Riverside Plaza LLC' },
      policies: [{ coverage: 'general_liability', limits: { each_occurrence: 1_000_000 } }, { coverage: 'workers_compensation' }],
    });
    expect(doc.policies[0]).not.toHaveProperty('id');
    expect(doc).not.toHaveProperty('source');
    const schemaPath = path.resolve(import.meta.dirname, '../../../../../shared/contracts/coi-extraction.schema.json');
    if (fs.existsSync(schemaPath)) {
      const validate = new Ajv2020({ strict: false }).compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('names each policy field at fault', async () => {
    const res = await owner.request(
      'POST',
      '/api/v1/certificates',
      manualCertificate({
        insurers: [{ letter: 'G', name: 'X', naic: '1234' }],
        certificateDate: '2026-02-30',
        policies: [
          { ...generalLiability, limits: { each_occurrence: -1, combined_single_limit: 5 }, details: { anyAuto: true } },
          { ...workersComp, effectiveDate: '2026-10-01' },
          { coverage: 'other', limits: { 'Professional Liability': 1 } },
          { coverage: 'liquor_liability' },
          { ...generalLiability, basis: 'sometimes', insurerLetter: 'Z', limits: { general_aggregate: 1.5 }, expirationDate: '2027-13-01' },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(fieldsOf(res)).toEqual(
      [
        'certificateDate',
        'insurers.0.letter',
        'insurers.0.naic',
        'policies.0.limits.each_occurrence',
        'policies.0.limits.combined_single_limit',
        'policies.0.details.anyAuto',
        'policies.1.expirationDate',
        'policies.2.limits.Professional Liability',
        'policies.3.coverage',
        'policies.4.basis',
        'policies.4.insurerLetter',
        'policies.4.limits.general_aggregate',
        'policies.4.expirationDate',
      ].sort(),
    );
    expect(res.json().error.message).toContain('policies.1.expirationDate: must not be before effectiveDate');
    expect(res.json().error.message).toMatch(/combined_single_limit: is not a general_liability limit; use one of each_occurrence/);
  });

  it('accepts any snake_case limit on an other policy, and refuses more than 30 policies', async () => {
    const ok = await owner.request(
      'POST',
      '/api/v1/certificates',
      manualCertificate({ policies: [{ coverage: 'other', description: 'Professional Liability', limits: { professional_liability: 500_000 } }] }),
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json().policies[0]).toMatchObject({ coverage: 'other', limits: { professional_liability: 500_000 }, details: {} });

    const tooMany = await owner.request('POST', '/api/v1/certificates', manualCertificate({ policies: Array(31).fill(generalLiability) }));
    expect(tooMany.statusCode).toBe(400);
    expect(fieldsOf(tooMany)).toEqual(['policies']);
  });

  it('refuses an insured of another organization as not found', async () => {
    const res = await owner.request('POST', '/api/v1/certificates', manualCertificate({ insuredId: otherInsuredId }));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Insured not found');
  });

  it('updates fields, moves to another insured, replaces policies, and audits it', async () => {
    const cert = (await owner.request('POST', '/api/v1/certificates', manualCertificate())).json();
    const res = await owner.request('PATCH', `/api/v1/certificates/${cert.id}`, {
      status: 'needs_review',
      archived: true,
      notes: 'Expired GL',
      insuredId: secondInsuredId,
      policies: [{ ...workersComp, policyNumber: 'WC-10' }],
    });
    expect(res.statusCode).toBe(200);
    const updated = res.json();
    expect(updated).toMatchObject({ status: 'needs_review', archived: true, notes: 'Expired GL', insuredId: secondInsuredId, insuredLegalName: 'Bolt Electric Inc' });
    // fields the PATCH did not name are untouched
    expect(updated).toMatchObject({ formType: 'ACORD 25', holderName: 'Riverside Plaza LLC', source: 'manual', insurers: cert.insurers });
    expect(updated.policies).toHaveLength(1);
    expect(updated.policies[0]).toMatchObject({ policyNumber: 'WC-10' });
    expect(await t.ctx.database.db.$count(policies, eq(policies.certificateId, cert.id))).toBe(1);

    // unchanged policies and untouched fields do not show up in the audit entry
    const same = await owner.request('PATCH', `/api/v1/certificates/${cert.id}`, { notes: 'Expired GL', policies: updated.policies });
    expect(same.statusCode).toBe(200);
    const audit = await owner.request('GET', `/api/v1/audit-log?entityType=certificate&entityId=${cert.id}`);
    const entries = audit.json().items;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['certificate.updated', 'certificate.updated', 'certificate.created']);
    expect(entries[0].changes).toEqual({});
    expect(Object.keys(entries[1].changes).sort()).toEqual(['archived', 'insuredId', 'notes', 'policies', 'status']);
    expect(entries[1].changes.status).toEqual({ from: 'confirmed', to: 'needs_review' });

    const moved = await owner.request('PATCH', `/api/v1/certificates/${cert.id}`, { insuredId: otherInsuredId });
    expect(moved.statusCode).toBe(404);
    expect(moved.json().error.message).toBe('Insured not found');
    const bad = await owner.request('PATCH', `/api/v1/certificates/${cert.id}`, { policies: [{ ...generalLiability, expirationDate: '2025-01-01' }] });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['policies.0.expirationDate']);
  });

  it('lists with filters, policies attached to the right certificate', async () => {
    const lister = await signUp(t.app, { organizationName: 'Lister' });
    const a = await createInsured(t, lister, 'Alpha');
    const b = await createInsured(t, lister, 'Beta');
    const make = async (body: Record<string, unknown>) => (await lister.request('POST', '/api/v1/certificates', body)).json();
    const c1 = await make({ insuredId: a, policies: [generalLiability] });
    const c2 = await make({ insuredId: a, status: 'rejected', policies: [{ ...generalLiability, expirationDate: '2026-06-30' }, workersComp] });
    const c3 = await make({ insuredId: b, source: 'api', archived: true, policies: [] });
    const ids = (res: { json: () => { items: { id: string }[] } }) => res.json().items.map((c) => c.id).sort();
    const get = (q: string) => lister.request('GET', `/api/v1/certificates${q}`);

    const all = await get('');
    expect(all.json()).toMatchObject({ total: 3, limit: 50, offset: 0 });
    const byId = Object.fromEntries(all.json().items.map((c: { id: string; policies: unknown[] }) => [c.id, c.policies.length]));
    expect(byId).toEqual({ [c1.id]: 1, [c2.id]: 2, [c3.id]: 0 });
    expect(ids(await get(`?insuredId=${a}`))).toEqual([c1.id, c2.id].sort());
    expect(ids(await get('?status=rejected'))).toEqual([c2.id]);
    expect(ids(await get('?archived=true'))).toEqual([c3.id]);
    expect(ids(await get('?archived=false'))).toEqual([c1.id, c2.id].sort());
    expect(ids(await get('?source=api'))).toEqual([c3.id]);
    expect(ids(await get('?expiringBefore=2026-09-30'))).toEqual([c2.id]);
    expect(ids(await get('?expiringBefore=2027-01-01'))).toEqual([c1.id, c2.id].sort());
    const paged = await get('?limit=2&offset=2');
    expect(paged.json().items).toHaveLength(1);
    expect(paged.json().items[0].policies.length).toBe(byId[paged.json().items[0].id]);
    expect((await get('?expiringBefore=2026-02-30')).statusCode).toBe(400);
    expect((await get('?status=lost')).statusCode).toBe(400);

    const policies = await lister.request('GET', '/api/v1/policies?expiringFrom=2026-06-01&expiringTo=2026-12-31');
    expect(policies.statusCode).toBe(200);
    expect(policies.json().items.map((p: { policyNumber: string; expirationDate: string }) => [p.policyNumber, p.expirationDate])).toEqual([
      ['CGL 123-45', '2026-06-30'],
      ['WC-9', '2026-09-30'],
    ]);
    expect(policies.json().items[0]).toMatchObject({ certificateId: c2.id, insuredId: a, insuredLegalName: 'Alpha', certificateStatus: 'rejected' });
    const wc = await lister.request('GET', '/api/v1/policies?coverage=workers_compensation');
    expect(wc.json()).toMatchObject({ total: 1, items: [{ policyNumber: 'WC-9' }] });
    expect((await lister.request('GET', '/api/v1/policies?expiringFrom=2026-06-01&expiringTo=2026-01-01')).statusCode).toBe(400);
  });
});

describe('certificate uploads', () => {
  it('stores a PDF as a received certificate with no fields, and serves the identical bytes back', async () => {
    const pdf = tinyPdf();
    const res = await upload(owner, '/api/v1/certificates/upload', { insuredId }, { name: 'acme-coi.pdf', content: pdf, contentType: 'text/plain' });
    expect(res.statusCode).toBe(201);
    const cert = res.json();
    expect(cert).toMatchObject({
      insuredId,
      source: 'upload',
      status: 'received',
      formType: null,
      certificateDate: null,
      producer: null,
      policies: [],
      file: { contentType: 'application/pdf', size: pdf.length, originalName: 'acme-coi.pdf', sha256: sha256(pdf) },
    });
    expect(storedBlobs(t)).toContain(sha256(pdf));

    const inline = await owner.request('GET', `/api/v1/certificates/${cert.id}/file`);
    expect(inline.statusCode).toBe(200);
    expect(sha256(inline.rawPayload)).toBe(sha256(pdf));
    expect(inline.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'x-content-type-options': 'nosniff',
    });
    expect(inline.headers['content-disposition']).toBe(`inline; filename="acme-coi.pdf"; filename*=UTF-8''acme-coi.pdf`);
    const download = await owner.request('GET', `/api/v1/certificates/${cert.id}/file?download=1`);
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
    expect(sha256(download.rawPayload)).toBe(sha256(pdf));

    const extraction = (await owner.request('GET', `/api/v1/certificates/${cert.id}/extraction`)).json();
    expect(extraction).toMatchObject({ schemaVersion: 1, source: { file: 'acme-coi.pdf' }, form: { type: 'other' }, policies: [] });
  });

  it('accepts a PNG, takes an optional source, and encodes a non-ASCII file name safely', async () => {
    const res = await upload(owner, '/api/v1/certificates/upload', { insuredId, source: 'email' }, { name: 'rapport été (1).png', content: tinyPng() });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ source: 'email', file: { contentType: 'image/png', originalName: 'rapport été (1).png' } });
    const file = await owner.request('GET', `/api/v1/certificates/${res.json().id}/file?download=true`);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="rapport _t_ (1).png"; filename*=UTF-8''rapport%20%C3%A9t%C3%A9%20%281%29.png`);
  });

  it('refuses a file that is not a PDF or image by its bytes, whatever its name (415)', async () => {
    const before = storedBlobs(t).length;
    const text = await upload(owner, '/api/v1/certificates/upload', { insuredId }, { name: 'x.pdf', content: Buffer.from('just some text, honest'), contentType: 'application/pdf' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error).toMatchObject({ code: 'unsupported_file_type', details: { detectedType: null } });
    expect(text.json().error.message).toBe('The file is of a type that is not recognized; accepted types are PDF, PNG image, JPEG image, TIFF image');
    const gif = await upload(owner, '/api/v1/certificates/upload', { insuredId }, { name: 'x.gif', content: tinyGif() });
    expect(gif.statusCode).toBe(415);
    expect(gif.json().error.message).toMatch(/^The file is a GIF image; accepted types are PDF, PNG image/);
    expect(storedBlobs(t).length).toBe(before);
  });

  it('refuses an empty file, a missing insuredId, a missing file, and fields after the file (400)', async () => {
    const before = storedBlobs(t).length;
    const empty = await upload(owner, '/api/v1/certificates/upload', { insuredId }, { name: 'empty.pdf', content: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty)).toEqual(['file']);

    const noInsured = await upload(owner, '/api/v1/certificates/upload', {}, { name: 'a.pdf', content: tinyPdf() });
    expect(noInsured.statusCode).toBe(400);
    expect(noInsured.json().error.message).toBe('insuredId: is required');

    const badInsured = await upload(owner, '/api/v1/certificates/upload', { insuredId: 'nope', color: 'red' }, { name: 'a.pdf', content: tinyPdf() });
    expect(fieldsOf(badInsured)).toEqual(['color', 'insuredId']);

    const noFile = await upload(owner, '/api/v1/certificates/upload', { insuredId });
    expect(noFile.statusCode).toBe(400);
    expect(fieldsOf(noFile)).toEqual(['file']);

    // the helper writes fields first; build a body with the field after the file by hand
    const boundary = 'xyzBOUNDARY';
    const late = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      tinyPdf('late'),
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="insuredId"\r\n\r\n${insuredId}\r\n--${boundary}--\r\n`),
    ]);
    const lateRes = await owner.request('POST', '/api/v1/certificates/upload', late, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(lateRes.statusCode).toBe(400);
    expect(lateRes.json().error.message).toBe('insuredId: is required');

    const json = await owner.request('POST', '/api/v1/certificates/upload', { insuredId });
    expect(json.statusCode).toBe(400);
    expect(storedBlobs(t).length).toBe(before);
  });

  describe('over the size limit', () => {
    let small: TestApp;
    beforeAll(async () => {
      small = await createTestApp({ maxUploadBytes: 1024, workers: false });
    });
    afterAll(() => small?.close());

    it('refuses a file over the limit with 413, storing no bytes and writing no row', async () => {
      const user = await signUp(small.app, { organizationName: 'Small' });
      const insured = await createInsured(small, user);
      const big = Buffer.concat([tinyPdf(), Buffer.alloc(4096, 0x20)]);
      const res = await upload(user, '/api/v1/certificates/upload', { insuredId: insured }, { name: 'big.pdf', content: big });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('payload_too_large');
      const { db } = small.ctx.database;
      expect(await db.$count(files, eq(files.organizationId, user.organizationId))).toBe(0);
      expect(await db.$count(certificates, eq(certificates.organizationId, user.organizationId))).toBe(0);
      expect(storedBlobs(small)).toEqual([]);

      // a file under the limit still goes through on the same app
      const ok = await upload(user, '/api/v1/certificates/upload', { insuredId: insured }, { name: 'ok.pdf', content: tinyPdf() });
      expect(ok.statusCode).toBe(201);
      expect(storedBlobs(small)).toEqual([sha256(tinyPdf())]);
    });
  });

  it('answers 404 for the file of a certificate that has none', async () => {
    const cert = (await owner.request('POST', '/api/v1/certificates', manualCertificate())).json();
    const res = await owner.request('GET', `/api/v1/certificates/${cert.id}/file`);
    expect(res.statusCode).toBe(404);
  });

  it('deletes (admin only) the certificate, its policies and its file record', async () => {
    const cert = (await upload(owner, '/api/v1/certificates/upload', { insuredId }, { name: 'del.pdf', content: tinyPdf('delete me') })).json();
    const editor = withApiKey(t.app, await apiKey(owner, 'editor'));
    expect((await editor('DELETE', `/api/v1/certificates/${cert.id}`)).statusCode).toBe(403);
    expect((await owner.request('DELETE', `/api/v1/certificates/${cert.id}`)).statusCode).toBe(204);
    expect((await owner.request('GET', `/api/v1/certificates/${cert.id}`)).statusCode).toBe(404);
    expect((await owner.request('DELETE', `/api/v1/certificates/${cert.id}`)).statusCode).toBe(404);
    const { db } = t.ctx.database;
    expect(await db.$count(files, and(eq(files.organizationId, owner.organizationId), eq(files.id, cert.file.id)))).toBe(0);
    const audit = (await owner.request('GET', `/api/v1/audit-log?entityId=${cert.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['certificate.deleted', 'certificate.created']);
  });
});

describe('certificate access', () => {
  it('lets a viewer read but not write', async () => {
    const cert = (await owner.request('POST', '/api/v1/certificates', manualCertificate())).json();
    const viewer = withApiKey(t.app, await apiKey(owner, 'viewer'));
    expect((await viewer('GET', `/api/v1/certificates/${cert.id}`)).statusCode).toBe(200);
    expect((await viewer('GET', '/api/v1/certificates')).statusCode).toBe(200);
    expect((await viewer('GET', `/api/v1/certificates/${cert.id}/extraction`)).statusCode).toBe(200);
    expect((await viewer('GET', '/api/v1/policies')).statusCode).toBe(200);
    expect((await viewer('POST', '/api/v1/certificates', manualCertificate())).statusCode).toBe(403);
    expect((await viewer('PATCH', `/api/v1/certificates/${cert.id}`, { notes: 'x' })).statusCode).toBe(403);
    expect((await viewer('DELETE', `/api/v1/certificates/${cert.id}`)).statusCode).toBe(403);
  });

  it('keeps another organization out entirely', async () => {
    const cert = (await upload(owner, '/api/v1/certificates/upload', { insuredId }, { name: 'mine.pdf', content: tinyPdf('mine') })).json();
    const manual = (await owner.request('POST', '/api/v1/certificates', manualCertificate())).json();
    for (const id of [cert.id, manual.id]) {
      expect((await other.request('GET', `/api/v1/certificates/${id}`)).statusCode).toBe(404);
      expect((await other.request('PATCH', `/api/v1/certificates/${id}`, { notes: 'mine now' })).statusCode).toBe(404);
      expect((await other.request('DELETE', `/api/v1/certificates/${id}`)).statusCode).toBe(404);
      expect((await other.request('GET', `/api/v1/certificates/${id}/file`)).statusCode).toBe(404);
      expect((await other.request('GET', `/api/v1/certificates/${id}/extraction`)).statusCode).toBe(404);
    }
    const list = (await other.request('GET', '/api/v1/certificates')).json();
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(cert.id);
    expect(list.items.every((c: { insuredId: string }) => c.insuredId === otherInsuredId)).toBe(true);
    expect((await other.request('GET', `/api/v1/certificates?insuredId=${insuredId}`)).json().total).toBe(0);
    const policies = (await other.request('GET', '/api/v1/policies')).json();
    expect(policies.items.every((p: { insuredId: string }) => p.insuredId === otherInsuredId)).toBe(true);

    const before = storedBlobs(t).length;
    const foreign = await upload(other, '/api/v1/certificates/upload', { insuredId }, { name: 'x.pdf', content: tinyPdf('foreign upload') });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toBe('Insured not found');
    expect(storedBlobs(t).length).toBe(before);
    expect((await other.request('POST', '/api/v1/certificates', manualCertificate())).statusCode).toBe(404);

    // an API key of the other organization is no way in either
    const otherKey = withApiKey(t.app, await apiKey(other, 'admin'));
    expect((await otherKey('GET', `/api/v1/certificates/${cert.id}/file`)).statusCode).toBe(404);
    expect((await owner.request('GET', `/api/v1/certificates/${cert.id}`)).json().notes).toBeNull();
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipart, signUp, withApiKey, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { documents, files } from '../../db/schema.js';
import { apiKey, createInsured, fieldsOf, sha256, storedBlobs, tinyGif, tinyPdf, tinyPng, upload } from '../certificates/test-fixtures.js';

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

const uploadDocument = (session: Session, fields: Record<string, string>, file = { name: 'endorsement.pdf', content: tinyPdf('endorsement') }) =>
  upload(session, '/api/v1/documents/upload', fields, file);

describe('documents', () => {
  it('uploads, reads, lists, updates and deletes a document', async () => {
    const pdf = tinyPdf('Additional insured endorsement');
    const res = await uploadDocument(owner, { insuredId, kind: 'endorsement', expiresOn: '2027-01-01', notes: 'CG 20 10' }, { name: 'ai-endorsement.pdf', content: pdf });
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      insuredId,
      kind: 'endorsement',
      title: 'ai-endorsement.pdf',
      expiresOn: '2027-01-01',
      notes: 'CG 20 10',
      file: { contentType: 'application/pdf', size: pdf.length, originalName: 'ai-endorsement.pdf', sha256: sha256(pdf) },
    });
    expect((await owner.request('GET', `/api/v1/documents/${doc.id}`)).json()).toEqual(doc);

    const file = await owner.request('GET', `/api/v1/documents/${doc.id}/file?download=1`);
    expect(file.statusCode).toBe(200);
    expect(sha256(file.rawPayload)).toBe(sha256(pdf));
    expect(file.headers).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff', 'content-length': String(pdf.length) });
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="ai-endorsement.pdf"/);

    const w9 = (await uploadDocument(owner, { insuredId: secondInsuredId, kind: 'w9', title: 'W-9 2026', expiresOn: '' }, { name: 'scan.png', content: tinyPng() })).json();
    expect(w9).toMatchObject({ title: 'W-9 2026', expiresOn: null, notes: null, file: { contentType: 'image/png' } });
    const gif = await uploadDocument(owner, { insuredId, kind: 'other' }, { name: 'photo.gif', content: tinyGif() });
    expect(gif.statusCode).toBe(201);

    const ids = async (q: string) => (await owner.request('GET', `/api/v1/documents${q}`)).json().items.map((d: { id: string }) => d.id).sort();
    expect(await ids(`?insuredId=${secondInsuredId}`)).toEqual([w9.id]);
    expect(await ids('?kind=endorsement')).toEqual([doc.id]);
    expect(await ids('?expiringBefore=2027-01-01')).toEqual([doc.id]);
    expect(await ids('?expiringBefore=2026-12-31')).toEqual([]);
    expect((await owner.request('GET', '/api/v1/documents?limit=1')).json()).toMatchObject({ total: 3, limit: 1 });

    const patched = await owner.request('PATCH', `/api/v1/documents/${doc.id}`, { title: 'AI endorsement', expiresOn: null, insuredId: secondInsuredId });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ title: 'AI endorsement', expiresOn: null, insuredId: secondInsuredId, kind: 'endorsement', notes: 'CG 20 10' });
    expect((await owner.request('PATCH', `/api/v1/documents/${doc.id}`, { insuredId: otherInsuredId })).statusCode).toBe(404);
    const badPatch = await owner.request('PATCH', `/api/v1/documents/${doc.id}`, { title: ' ', kind: 'invoice', expiresOn: '2026-02-30' });
    expect(fieldsOf(badPatch)).toEqual(['expiresOn', 'kind', 'title']);

    expect((await owner.request('DELETE', `/api/v1/documents/${doc.id}`)).statusCode).toBe(204);
    expect((await owner.request('GET', `/api/v1/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await owner.request('GET', `/api/v1/documents/${doc.id}/file`)).statusCode).toBe(404);
    const { db } = t.ctx.database;
    expect(await db.$count(files, and(eq(files.organizationId, owner.organizationId), eq(files.id, doc.file.id)))).toBe(0);

    const audit = (await owner.request('GET', `/api/v1/audit-log?entityType=document&entityId=${doc.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['document.deleted', 'document.updated', 'document.created']);
    expect(audit.items[1].changes).toMatchObject({ title: { from: 'ai-endorsement.pdf', to: 'AI endorsement' }, expiresOn: { from: '2027-01-01', to: null } });
  });

  it('refuses bad uploads and stores nothing for them', async () => {
    const before = storedBlobs(t).length;
    const rows = async () => t.ctx.database.db.$count(documents, eq(documents.organizationId, owner.organizationId));
    const count = await rows();

    const exe = await uploadDocument(owner, { insuredId, kind: 'contract' }, { name: 'contract.pdf', content: Buffer.from('MZ\x90\x00 not a document') });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.message).toMatch(/accepted types are PDF, PNG image, JPEG image, TIFF image, GIF image, WebP image, Word document, Excel workbook/);

    const empty = await uploadDocument(owner, { insuredId, kind: 'contract' }, { name: 'e.pdf', content: Buffer.alloc(0) });
    expect(fieldsOf(empty)).toEqual(['file']);
    const missing = await uploadDocument(owner, { kind: 'contract', expiresOn: '2026-13-01' });
    expect(fieldsOf(missing)).toEqual(['expiresOn', 'insuredId']);
    const badKind = await uploadDocument(owner, { insuredId, kind: 'invoice' });
    expect(fieldsOf(badKind)).toEqual(['kind']);
    const noFile = await upload(owner, '/api/v1/documents/upload', { insuredId, kind: 'contract' });
    expect(fieldsOf(noFile)).toEqual(['file']);

    expect(storedBlobs(t).length).toBe(before);
    expect(await rows()).toBe(count);
  });

  describe('over the size limit', () => {
    let small: TestApp;
    beforeAll(async () => {
      small = await createTestApp({ maxUploadBytes: 1024, workers: false });
    });
    afterAll(() => small?.close());

    it('refuses a document over the limit with 413, storing nothing', async () => {
      const user = await signUp(small.app);
      const insured = await createInsured(small, user);
      const res = await upload(user, '/api/v1/documents/upload', { insuredId: insured, kind: 'lease' }, { name: 'lease.pdf', content: Buffer.concat([tinyPdf(), Buffer.alloc(2048)]) });
      expect(res.statusCode).toBe(413);
      expect(await small.ctx.database.db.$count(files, eq(files.organizationId, user.organizationId))).toBe(0);
      expect(storedBlobs(small)).toEqual([]);
    });
  });

  it('lets a viewer read but not write, and only an admin delete', async () => {
    const doc = (await uploadDocument(owner, { insuredId, kind: 'policy' })).json();
    const viewer = withApiKey(t.app, await apiKey(owner, 'viewer'));
    const editor = withApiKey(t.app, await apiKey(owner, 'editor'));
    expect((await viewer('GET', `/api/v1/documents/${doc.id}`)).statusCode).toBe(200);
    expect((await viewer('GET', `/api/v1/documents/${doc.id}/file`)).statusCode).toBe(200);
    expect((await viewer('GET', '/api/v1/documents')).statusCode).toBe(200);
    expect((await viewer('PATCH', `/api/v1/documents/${doc.id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await viewer('DELETE', `/api/v1/documents/${doc.id}`)).statusCode).toBe(403);
    expect((await editor('DELETE', `/api/v1/documents/${doc.id}`)).statusCode).toBe(403);
    expect((await editor('PATCH', `/api/v1/documents/${doc.id}`, { title: 'Policy 2026' })).statusCode).toBe(200);
    // uploads go through the same role check
    const m = multipart({ insuredId, kind: 'other' }, { name: 'v.pdf', content: tinyPdf('viewer') });
    const key = await apiKey(owner, 'viewer');
    const viewerUpload = await t.app.inject({ method: 'POST', url: '/api/v1/documents/upload', payload: m.payload, headers: { ...m.headers, authorization: `Bearer ${key}` } });
    expect(viewerUpload.statusCode).toBe(403);
  });

  it('keeps another organization out entirely', async () => {
    const doc = (await uploadDocument(owner, { insuredId, kind: 'contract', title: 'Master agreement' })).json();
    expect((await other.request('GET', `/api/v1/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await other.request('PATCH', `/api/v1/documents/${doc.id}`, { title: 'mine' })).statusCode).toBe(404);
    expect((await other.request('DELETE', `/api/v1/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await other.request('GET', `/api/v1/documents/${doc.id}/file`)).statusCode).toBe(404);
    const list = (await other.request('GET', '/api/v1/documents')).json();
    expect(list.items.map((d: { id: string }) => d.id)).not.toContain(doc.id);
    expect((await other.request('GET', `/api/v1/documents?insuredId=${insuredId}`)).json().total).toBe(0);

    const before = storedBlobs(t).length;
    const foreign = await uploadDocument(other, { insuredId, kind: 'w9' }, { name: 'w9.pdf', content: tinyPdf('foreign w9') });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toBe('Insured not found');
    expect(storedBlobs(t).length).toBe(before);
    expect((await owner.request('GET', `/api/v1/documents/${doc.id}`)).json().title).toBe('Master agreement');
  });
});

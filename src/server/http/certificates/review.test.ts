// What the review screen is given: where each value was read (provenance, after a real reading of a flattened ACORD 25
// made at test time), the pages of the file as PNG images, and the warnings that name a value (flags).
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { fillAcord25 } from '../../../../test/fixtures/acord25-fill.js';
import { carrierCertificate } from '../../../../test/fixtures/noncert.js';
import { scanPdf } from '../../../../test/fixtures/scan.js';
import { generateCertificate } from '../../../../test/fixtures/values.js';
import { fieldsFromExtraction, provenanceOf } from '../../jobs/read-certificate.js';
import { warningFlags } from './flags.js';
import { createInsured, tinyPdf, upload } from './test-fixtures.js';

const BLANK_FORM = new URL('../../../../../shared/corpus/forms/acord25-2016-03-acroform.pdf', import.meta.url);
const haveForm = fs.existsSync(BLANK_FORM);

let t: TestApp;
let owner: Session;
let insuredId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app, { organizationName: 'Review Org' });
  insuredId = await createInsured(t, owner, 'Acme Roofing LLC');
});
afterAll(() => t?.close());

async function uploadFile(name: string, content: Buffer, contentType = 'application/pdf') {
  const res = await upload(owner, '/api/v1/certificates/upload', { insuredId }, { name, content, contentType });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

async function waitForReading(id: string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await owner.request('GET', `/api/v1/certificates/${id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    if (body.readAt) return body;
    if (Date.now() > until) throw new Error(`certificate ${id} was not read within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

type Box = { page: number; x: number; y: number; width: number; height: number };

/** The mean grey (0 black … 255 white) of a box of points on a page image `scale` pixels per point. */
function meanGrey(png: PNG, box: Box, scale: number): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(box.y * scale); y < Math.ceil((box.y + box.height) * scale); y++) {
    for (let x = Math.floor(box.x * scale); x < Math.ceil((box.x + box.width) * scale); x++) {
      sum += png.data[(y * png.width + x) * 4]!;
      n++;
    }
  }
  return sum / n;
}

describe('provenance and page images', { timeout: 180_000 }, () => {
  it.skipIf(!haveForm)('stores where each value of a flattened ACORD 25 was read, renders its page, and keeps both through a correction', async () => {
    const fixture = generateCertificate(2501);
    const pdf = Buffer.from(await fillAcord25(fs.readFileSync(BLANK_FORM), fixture, 'flattened'));
    const { id } = await uploadFile('flattened.pdf', pdf);
    const read = await waitForReading(id);
    expect(read.readError).toBeNull();
    expect(read.readMethod).toBe('text');
    expect(read.insuredName).toBe(fixture.extraction.insured.name);

    const { provenance } = read;
    expect(provenance.pages[0]).toEqual({ page: 1, width: 612, height: 792 });
    const insured: Box = provenance.boxes['/insured/name'];
    expect(insured).toMatchObject({ page: 1 });
    // the box lies on the page, in the upper part where ACORD 25 prints the insured
    expect(insured.x).toBeGreaterThan(0);
    expect(insured.x + insured.width).toBeLessThan(612);
    expect(insured.y).toBeGreaterThan(100);
    expect(insured.y).toBeLessThan(300);
    // every policy's number has a box, under the same pointer as its confidence
    read.policies.forEach((_: unknown, i: number) => {
      expect(provenance.boxes[`/policies/${i}/policyNumber`], `policy ${i}`).toBeDefined();
      expect(read.confidence[`/policies/${i}/policyNumber`]).toBeGreaterThan(0);
    });

    // the page image is as wide as asked, letter-shaped, and dark where the insured's name was read
    const res = await owner.request('GET', `/api/v1/certificates/${id}/pages/1?width=600`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-page-count']).toBe('1');
    const png = PNG.sync.read(res.rawPayload);
    expect(png.width).toBe(600);
    expect(png.height).toBe(Math.round((600 * 792) / 612));
    const scale = 600 / 612;
    const text = meanGrey(png, insured, scale);
    const margin = meanGrey(png, { page: 1, x: 2, y: insured.y, width: 8, height: insured.height }, scale);
    expect(text).toBeLessThan(margin - 20);

    // a second request is answered from the cache under DATA_DIR
    const sha = read.file.sha256 as string;
    expect(fs.existsSync(path.join(t.config.dataDir, 'cache', 'pages', sha, '1-600.png'))).toBe(true);
    const again = await owner.request('GET', `/api/v1/certificates/${id}/pages/1?width=600`);
    expect(again.statusCode).toBe(200);
    expect(Buffer.compare(again.rawPayload, res.rawPayload)).toBe(0);

    // a page the file does not have, and a width out of bounds
    const missing = await owner.request('GET', `/api/v1/certificates/${id}/pages/2?width=600`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/no page 2; the file has 1 page/);
    const tiny = await owner.request('GET', `/api/v1/certificates/${id}/pages/1?width=50`);
    expect(tiny.statusCode).toBe(400);
    expect(tiny.json().error.code).toBe('validation_failed');

    // a correction by hand keeps where the reading found the values
    const patched = await owner.request('PATCH', `/api/v1/certificates/${id}`, { insuredName: 'Acme Roofing Corrected LLC' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().provenance).toEqual(provenance);
    expect((await owner.request('GET', `/api/v1/certificates/${id}`)).json()).toMatchObject({ insuredName: 'Acme Roofing Corrected LLC', provenance });
  });

  it('shows a page scanned sideways upright, as its reading turned it, with its values where their boxes say', async () => {
    const { pdf, expected } = await carrierCertificate(31, 'stacked', 'sideways.pdf');
    // fed in a quarter turned anticlockwise: the scan is a landscape page
    const { bytes } = await scanPdf(pdf, 31, { quarterTurns: 3 });
    const { id } = await uploadFile('sideways.pdf', Buffer.from(bytes));
    const read = await waitForReading(id, 120_000);
    expect(read.readError).toBeNull();
    expect(read.insuredName).toBe(expected!.insured.name);
    expect(read.provenance.pages[0]).toEqual({ page: 1, width: 612, height: 792, turned: 1 });
    expect(read.warnings).toContain('page 1 is sideways: it was read turned 90° clockwise');

    const res = await owner.request('GET', `/api/v1/certificates/${id}/pages/1?width=600`);
    expect(res.statusCode, res.body).toBe(200);
    const png = PNG.sync.read(res.rawPayload);
    expect([png.width, png.height]).toEqual([600, Math.round((600 * 792) / 612)]);
    const insured: Box = read.provenance.boxes['/insured/name'];
    const scale = 600 / 612;
    expect(meanGrey(png, insured, scale)).toBeLessThan(meanGrey(png, { page: 1, x: 2, y: insured.y, width: 8, height: insured.height }, scale) - 20);
    expect(fs.existsSync(path.join(t.config.dataDir, 'cache', 'pages', read.file.sha256 as string, '1-600-t1.png'))).toBe(true);
  });

  it('answers a clear error for a file that cannot be rendered, and renders an image as a page', async () => {
    const corrupt = Buffer.concat([tinyPdf().subarray(0, 40), Buffer.from('\x00\x01 garbage that is not a PDF body')]);
    const { id } = await uploadFile('broken.pdf', corrupt);
    const res = await owner.request('GET', `/api/v1/certificates/${id}/pages/1?width=800`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/pages cannot be shown: .*PDF/), details: { reason: 'corrupt' } });

    const image = new PNG({ width: 300, height: 400 });
    image.data.fill(255);
    const { id: imageId } = await uploadFile('scan.png', PNG.sync.write(image), 'image/png');
    const page = await owner.request('GET', `/api/v1/certificates/${imageId}/pages/1?width=500`);
    expect(page.statusCode, page.body).toBe(200);
    const png = PNG.sync.read(page.rawPayload);
    expect([png.width, png.height]).toEqual([500, Math.round((500 * 400) / 300)]);
  });

  it('a certificate entered by hand has no provenance and no pages', async () => {
    const manual = await owner.request('POST', '/api/v1/certificates', { insuredId });
    expect(manual.statusCode).toBe(201);
    const got = (await owner.request('GET', `/api/v1/certificates/${manual.json().id}`)).json();
    expect(got).toMatchObject({ provenance: null, flags: {} });
    const res = await owner.request('GET', `/api/v1/certificates/${manual.json().id}/pages/1`);
    expect(res.statusCode).toBe(404);
  });
});

describe('the provenance a reading stores', () => {
  it('follows the insurer rows kept: a blank row is dropped and the pointers after it move up', () => {
    const extraction = {
      schemaVersion: 1 as const,
      form: { type: 'ACORD 25' as const, edition: null },
      certificateDate: null,
      certificateNumber: null,
      revisionNumber: null,
      producer: { name: null, address: null, contactName: null, phone: null, fax: null, email: null },
      insured: { name: 'Acme', address: null },
      insurers: [
        { letter: 'A', name: '', naic: null },
        { letter: 'B', name: 'Bluestem Mutual', naic: '11570' },
      ],
      policies: [],
      descriptionOfOperations: null,
      certificateHolder: { name: null, address: null },
      warnings: [],
      confidence: { '/insured/name': 0.97, '/insurers/0/naic': 0.5, '/insurers/1/name': 0.8 },
    };
    const { values, pointer } = fieldsFromExtraction(extraction);
    expect(values.insurers).toEqual([{ letter: 'B', name: 'Bluestem Mutual', naic: '11570' }]);
    expect(values.confidence).toEqual({ '/insured/name': 0.97, '/insurers/0/name': 0.8 });
    const box = { page: 1, x: 350.04, y: 180.87, width: 145.376, height: 8 };
    expect(provenanceOf({ pages: [{ page: 1, width: 612, height: 792 }], boxes: { '/insurers/0/naic': box, '/insurers/1/name': box } }, pointer)).toEqual({
      pages: [{ page: 1, width: 612, height: 792 }],
      boxes: { '/insurers/0/name': { page: 1, x: 350, y: 180.9, width: 145.4, height: 8 } },
    });
  });
});

describe('warningFlags', () => {
  const values = {
    insurers: [
      { letter: 'A', name: 'Granite Shield Insurance Company', naic: '24317' },
      { letter: 'B', name: 'Bluestem Mutual', naic: '11570' },
    ],
    policies: [
      { coverage: 'general_liability', insurerLetter: 'A' },
      { coverage: 'workers_compensation', insurerLetter: 'C' },
    ] as never,
  };

  it.each([
    ['Insurer_NAICCode_B: the AcroForm and XFA values disagree', ['/insurers/1/naic']],
    ['Policy_GeneralLiability_PolicyNumberIdentifier_A: the AcroForm and XFA values disagree', ['/policies/0/policyNumber']],
    ['NamedInsured_FullName_A: the AcroForm and XFA values disagree', ['/insured/name']],
    ['NAIC 24371 corrected to 24317 (Granite Shield Insurance Company)', ['/insurers/0/naic']],
    ['NAIC 11570 belongs to Some Other Co, the certificate says Bluestem Mutual', ['/insurers/1/naic']],
    ['NAIC "2431T" read as 24317', ['/insurers/0/naic']],
    ['workers_compensation policy names insurer C, which the certificate does not list', ['/policies/1/insurerLetter']],
    ['general liability: both CLAIMS-MADE and OCCUR are marked', ['/policies/0/basis']],
    ['general liability: ADDL INSD "Q" is not Y or N; read as not marked', ['/policies/0/additionalInsured']],
    ['policy 2: expirationDate must not be before effectiveDate', ['/policies/1/expirationDate']],
    ['text layer disagrees with the rendered page: page 1 "Deductible" (text layer "Equipment Deductible" → "Deductible"; the rendered page is used)', []],
    [
      'text layer disagrees with the rendered page: /insured/name, /policies/0/limits/each_occurrence (text layer "1,000,000" → "2,000,000"; the rendered page is used)',
      ['/insured/name', '/policies/0/limits/each_occurrence'],
    ],
  ])('%s', (warning, pointers) => {
    const flags = warningFlags([warning], values);
    expect(Object.keys(flags).sort()).toEqual(pointers);
    for (const p of pointers) expect(flags[p]).toEqual([warning]);
  });
});

/// <reference lib="dom" />
// Reviewing a read certificate in a real browser against the real server: a flattened ACORD 25 (filled from the shared
// blank at run time) is uploaded on the insured's page and read in the background; on the certificate page the file
// is shown as page images, focusing a field draws the box its value was read from over the page, "Show all boxes"
// draws every box, and confirming still works. Then the same screen at phone width. Screenshots go to /tmp.
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillAcord25 } from '../fixtures/acord25-fill.js';
import { generateCertificate } from '../fixtures/values.js';
import { uniqueEmail, PASSWORD } from '../helpers/app.js';
import { chromiumLaunchOptions, startTestServer } from '../helpers/server.js';

const BLANK_FORM = new URL('../../../shared/corpus/forms/acord25-2016-03-acroform.pdf', import.meta.url);
const haveForm = fs.existsSync(BLANK_FORM);

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  if (!haveForm) return;
  server = await startTestServer();
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Box = { page: number; x: number; y: number; width: number; height: number };

describe.skipIf(!haveForm)('certificate review', { timeout: 180_000 }, () => {
  let page: Page;
  let certificateId: string;

  it('shows where a focused field’s value was read, over the page image', async () => {
    const fixture = generateCertificate(7301);
    const pdf = Buffer.from(await fillAcord25(fs.readFileSync(BLANK_FORM), fixture, 'flattened'));
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);

    // an account and an insured through the API (the journey test covers doing this by hand)
    const signup = await page.request.post(`${server.url}/api/v1/auth/signup`, {
      data: { email: uniqueEmail('review'), password: PASSWORD, name: 'Robin Reviewer', organizationName: 'Review Co' },
    });
    expect(signup.status()).toBe(201);
    const insured = await page.request.post(`${server.url}/api/v1/insureds`, { data: { legalName: 'Bayside Plumbing LLC' } });
    expect(insured.status(), await insured.text()).toBe(201);
    const insuredId = (await insured.json()).id as string;

    // the upload as a person does it
    await page.goto(`${server.url}/insureds/${insuredId}?tab=certificates`);
    await page.getByTestId('certificate-upload-button').setInputFiles({ name: 'bayside-acord25.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => page.getByTestId('certificate-card').count()).toBe(1);
    const list = await (await page.request.get(`${server.url}/api/v1/certificates?insuredId=${insuredId}`)).json();
    certificateId = list.items[0].id;

    await page.goto(`${server.url}/certificates/${certificateId}`);
    // the screen polls until the background reading has finished
    await page.getByTestId('certificate-read-state').waitFor({ timeout: 120_000 });
    const certificate = await (await page.request.get(`${server.url}/api/v1/certificates/${certificateId}`)).json();
    const box: Box = certificate.provenance.boxes['/insured/name'];
    const pageSize = certificate.provenance.pages[0] as { width: number; height: number };
    expect(box).toBeDefined();

    const image = page.getByTestId('page-image-1');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await page.getByTestId('source-box-active').count()).toBe(0);

    const insuredName = page.getByLabel('Insured name');
    await expect.poll(() => insuredName.inputValue()).toBe(fixture.extraction.insured.name);
    await insuredName.focus();
    const highlight = page.getByTestId('source-box-active');
    await highlight.waitFor();
    expect(await highlight.getAttribute('data-pointer')).toBe('/insured/name');

    // the highlight sits over the image where the value was read: page points scaled to the image's pixels
    const img = (await image.boundingBox())!;
    const mark = (await highlight.boundingBox())!;
    const scale = img.width / pageSize.width;
    const centre = (b: { x: number; y: number; width: number; height: number }) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
    const want = centre({ x: img.x + box.x * scale, y: img.y + box.y * scale, width: box.width * scale, height: box.height * scale });
    const got = centre(mark);
    expect(Math.abs(got.x - want.x)).toBeLessThan(4);
    expect(Math.abs(got.y - want.y)).toBeLessThan(4);
    expect(mark.width).toBeGreaterThan(box.width * scale);
    expect(mark.width).toBeLessThan(box.width * scale + 12);
    // and inside the visible part of the page pane
    const pane = (await page.getByTestId('source-pages').boundingBox())!;
    expect(mark.y).toBeGreaterThanOrEqual(pane.y);
    expect(mark.y + mark.height).toBeLessThanOrEqual(pane.y + pane.height);
    await page.screenshot({ path: '/tmp/review.png' });

    // hovering another field moves the highlight to that value
    await page.getByLabel('Holder name').hover();
    await expect.poll(() => highlight.getAttribute('data-pointer')).toBe('/certificateHolder/name');
    await page.mouse.move(0, 0);
    await expect.poll(() => highlight.getAttribute('data-pointer')).toBe('/insured/name');

    // every box, coloured by confidence
    await page.getByLabel('Show all boxes').check();
    const onPage1 = Object.values(certificate.provenance.boxes as Record<string, Box>).filter((b) => b.page === 1).length;
    await expect.poll(() => page.getByTestId('source-box').count()).toBe(onPage1);
    await page.screenshot({ path: '/tmp/review-all.png' });
  });

  it('still confirms, and fits a phone screen', async () => {
    // a reading with no doubts confirms itself; put it back to review so that a person confirms it here
    const reopened = await page.request.patch(`${server.url}/api/v1/certificates/${certificateId}`, { data: { status: 'needs_review' }, headers: { origin: server.url } });
    expect(reopened.status(), await reopened.text()).toBe(200);
    await page.reload();
    await page.getByLabel('Insured name').fill('Bayside Plumbing Corrected LLC');
    await page.getByTestId('certificate-confirm').click();
    await expect
      .poll(async () => (await (await page.request.get(`${server.url}/api/v1/certificates/${certificateId}`)).json()).status)
      .toBe('confirmed');
    const saved = await (await page.request.get(`${server.url}/api/v1/certificates/${certificateId}`)).json();
    expect(saved.insuredName).toBe('Bayside Plumbing Corrected LLC');
    expect(saved.provenance.boxes['/insured/name']).toBeDefined();

    // a warning that names a value flags that field, and its box on the page
    const naic = saved.insurers[0].naic as string;
    const warned = await page.request.patch(`${server.url}/api/v1/certificates/${certificateId}`, {
      data: { warnings: [`NAIC ${naic} belongs to Another Mutual, the certificate says ${saved.insurers[0].name}`] },
      headers: { origin: server.url },
    });
    expect(warned.status(), await warned.text()).toBe(200);
    await page.reload();
    const flagged = page.locator('[data-flagged="insurers.0.naic"]');
    await flagged.getByTestId('field-flag').waitFor();
    await flagged.locator('input').focus();
    await expect.poll(() => page.getByTestId('source-box-active').getAttribute('data-pointer')).toBe('/insurers/0/naic');
    await page.screenshot({ path: '/tmp/review-flag.png' });

    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    const image = page.getByTestId('page-image-1');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: '/tmp/review-375.png' });
    await page.getByLabel('Insured name').focus();
    await page.getByTestId('source-box-active').waitFor();
    await page.context().close();
  });
});

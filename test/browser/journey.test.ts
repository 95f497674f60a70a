/// <reference lib="dom" />
// The first journey a newcomer takes, in a real browser against the real server: sign up, create a location,
// create an insured there, upload a certificate on the insured's page, and see it listed. Then the same app on a
// phone-sized screen. Screenshots go to test-results/ for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail, PASSWORD } from '../helpers/app.js';
import { chromiumLaunchOptions, startTestServer } from '../helpers/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const shots = path.resolve('test-results');

// a small but well-formed PDF made here, so no external file is needed
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  server = await startTestServer();
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

describe('newcomer journey', () => {
  const email = uniqueEmail('browser');

  it('signs up, creates a location and an insured, and uploads a certificate', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${server.url}/signup`);
    await page.getByTestId('signup-name').fill('Pat Manager');
    await page.getByTestId('signup-email').fill(email);
    await page.getByTestId('signup-password').fill(PASSWORD);
    await page.getByTestId('signup-organization').fill('Harbor Properties');
    await page.getByTestId('signup-submit').click();
    await page.waitForURL(`${server.url}/`);

    await page.goto(`${server.url}/locations`);
    await page.getByTestId('new-location').click();
    await page.getByTestId('location-name').fill('Harbor Point Tower');
    await page.getByTestId('location-code').fill('HPT');
    await page.getByTestId('location-save').click();
    await expect.poll(() => page.getByText('Harbor Point Tower').count()).toBeGreaterThan(0);

    await page.goto(`${server.url}/insureds`);
    await page.getByTestId('new-insured').click();
    await page.getByTestId('insured-legal-name').fill('Bayside Plumbing LLC');
    await page.getByTestId('insured-location').click();
    await page.getByRole('option', { name: /Harbor Point Tower/ }).click();
    await page.getByTestId('insured-save').click();
    await page.waitForURL(/\/insureds\/[0-9a-f-]{36}/);
    const insuredId = page.url().split('/insureds/')[1]!.split(/[?#]/)[0]!;

    await page.getByRole('tab', { name: /Certificates/ }).click();
    await page.getByTestId('certificate-upload-button').setInputFiles({ name: 'bayside-coi.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => page.getByTestId('certificate-card').count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: path.join(shots, 'insured-certificates-1280.png'), fullPage: true });

    // what the browser did is what the server stored
    const api = await page.request.get(`${server.url}/api/v1/certificates?insuredId=${insuredId}`);
    const list = await api.json();
    expect(list.total).toBe(1);
    expect(list.items[0].file).toMatchObject({ contentType: 'application/pdf', originalName: 'bayside-coi.pdf', size: pdf.length });
    const assignments = await (await page.request.get(`${server.url}/api/v1/insureds/${insuredId}/assignments`)).json();
    expect(assignments.items.map((x: { locationName: string }) => x.locationName)).toEqual(['Harbor Point Tower']);
    await page.context().close();
  });

  it('works on a phone-sized screen', async () => {
    const page = await newPage({ width: 375, height: 812 });
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/insureds`);
    await expect.poll(() => page.getByText('Bayside Plumbing LLC').count()).toBeGreaterThan(0);
    // nothing wider than the screen: no sideways scrolling on a phone
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: path.join(shots, 'insureds-375.png'), fullPage: true });
    await page.context().close();
  });

  it('shows the API reference', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${server.url}/api/docs`);
    await expect.poll(() => page.getByText('/api/v1/certificates/upload').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.context().close();
  });
});

/// <reference lib="dom" />
// The compliance engine's screens in a real browser against the real server: a requirement set copied from a
// template (its plain-language preview following edits before saving), an insured whose certificate falls short,
// the finding in words on the insured's page, a waiver given there turning the status compliant, the dashboard
// counts opening the filtered list, the report for today with its CSV, a location's holder override becoming a
// finding, the waiver revoked, the insurer table's CSV import (a refused file naming its bad row, then a good one),
// and the same pages on a phone without sideways scrolling.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail, PASSWORD } from '../helpers/app.js';
import { chromiumLaunchOptions, startTestServer } from '../helpers/server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const shots = path.resolve('test-results');

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
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function api<T = any>(page: Page, method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> {
  const res = method === 'GET' ? await page.request.get(`${server.url}${url}`) : await page.request.post(`${server.url}${url}`, { data });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

describe('compliance screens', () => {
  const email = uniqueEmail('compliance');
  let insuredId = '';
  let locationId = '';

  it('copies a template, shows a shortfall in words, waives it and turns compliant', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${server.url}/signup`);
    await page.getByTestId('signup-name').fill('Robin Admin');
    await page.getByTestId('signup-email').fill(email);
    await page.getByTestId('signup-password').fill(PASSWORD);
    await page.getByTestId('signup-organization').fill('Quay Estates');
    await page.getByTestId('signup-submit').click();
    await page.waitForURL(`${server.url}/`);

    await page.goto(`${server.url}/locations`);
    await page.getByTestId('new-location').click();
    await page.getByTestId('location-name').fill('Quayside Mall');
    await page.getByTestId('location-save').click();
    await expect.poll(() => page.getByText('Quayside Mall').count()).toBeGreaterThan(0);
    locationId = (await api(page, 'GET', '/api/v1/locations')).items[0].id;

    // a requirement set from a template, under our own name
    await page.goto(`${server.url}/requirement-sets`);
    await page.getByTestId('new-from-template').click();
    await page.getByTestId('template-light_vendor').click();
    await expect.poll(() => page.getByTestId('template-light_vendor').textContent()).toContain('General liability: $1,000,000 each occurrence');
    await page.getByTestId('template-name').fill('Mall vendors');
    await page.getByTestId('template-create').click();
    await page.waitForURL(/\/requirement-sets\/[0-9a-f-]{36}$/);
    const setId = page.url().split('/requirement-sets/')[1]!;
    const preview = page.getByTestId('requirement-set-preview');
    await expect.poll(() => preview.textContent()).toContain('Policies ending within 30 days count as expiring');
    // the preview follows the form before anything is saved
    await page.getByLabel('Expiring within (days)').fill('45');
    await expect.poll(() => preview.textContent()).toContain('Policies ending within 45 days count as expiring');
    // the conditions beyond limits have inputs of their own, and the preview says them in words
    await page.getByLabel('Minimum insurer rating').fill('A- VII');
    await expect.poll(() => preview.textContent()).toContain('Insurers rated A- VII or better by AM Best');
    await page.getByTestId('requirement-mentions').fill('Quayside Mall');
    await page.getByTestId('requirement-mentions').press('Enter');
    await expect.poll(() => preview.textContent()).toContain('Description of operations must mention "Quayside Mall"');
    await page.getByLabel('General liability basis').click();
    await page.getByRole('option', { name: 'Occurrence' }).click();
    await expect.poll(() => preview.textContent()).toContain('occurrence basis');
    expect((await api(page, 'GET', `/api/v1/requirement-sets/${setId}`)).definition.expiringWithinDays).toBe(30);
    await page.screenshot({ path: path.join(shots, 'requirement-set-preview-1280.png'), fullPage: true });

    // an insured at the location under that set, with a certificate whose occurrence limit is too low
    const insured = await api(page, 'POST', '/api/v1/insureds', { legalName: 'Harborlight Cleaning Co' });
    insuredId = insured.id;
    await api(page, 'POST', `/api/v1/insureds/${insuredId}/assignments`, { locationId, requirementSetId: setId });
    const policy = { insurerLetter: 'A', effectiveDate: day(-30), expirationDate: day(300) };
    await api(page, 'POST', '/api/v1/certificates', {
      insuredId,
      status: 'confirmed',
      formType: 'ACORD 25',
      certificateDate: day(-5),
      insurers: [{ letter: 'A', name: 'Lighthouse Casualty Company', naic: '24681' }],
      policies: [
        { ...policy, coverage: 'general_liability', policyNumber: 'GL-77', additionalInsured: true, limits: { each_occurrence: 500_000, general_aggregate: 2_000_000 } },
        { ...policy, coverage: 'automobile_liability', policyNumber: 'AU-77', limits: { combined_single_limit: 1_000_000 } },
        { ...policy, coverage: 'workers_compensation', policyNumber: 'WC-77', limits: { el_each_accident: 500_000 }, details: { perStatute: true } },
      ],
    });
    const before = await api(page, 'GET', `/api/v1/insureds/${insuredId}/compliance`);
    expect(before.locations[0].status).toBe('non_compliant');
    expect(before.locations[0].findings.map((f: { code: string }) => f.code)).toEqual(['limit_below_minimum']);
    const sentence: string = before.locations[0].findings[0].message;
    expect(sentence).toMatch(/\$500,000.*\$1,000,000 is required/);

    await page.goto(`${server.url}/insureds/${insuredId}`);
    const panel = page.getByTestId('compliance-panel');
    await expect.poll(() => panel.getByTestId('compliance-finding').first().textContent()).toContain(sentence);
    expect(await panel.getByTestId('compliance-location-status').textContent()).toBe('Not compliant');
    // the certificate that satisfied general liability (as closely as any) is one click away
    expect(await panel.getByRole('link', { name: 'View certificate' }).count()).toBe(3);

    await panel.getByTestId('compliance-waive').click();
    await page.getByTestId('waiver-save').click();
    // a waiver needs a reason: nothing is sent without one
    await expect.poll(() => page.getByText('Say why this finding is accepted').count()).toBe(1);
    await page.getByTestId('waiver-reason').fill('Umbrella policy pending; landlord agreed until renewal');
    await page.getByTestId('waiver-save').click();
    await expect.poll(() => panel.getByTestId('compliance-location-status').textContent()).toBe('Compliant');
    expect(await panel.getByTestId('compliance-status').textContent()).toBe('Compliant');
    const waived = panel.locator('[data-testid="compliance-finding"][data-waived="true"]');
    expect(await waived.textContent()).toContain(sentence);
    expect(await waived.getByTestId('compliance-waived-note').textContent()).toContain('Umbrella policy pending');
    expect(await panel.getByTestId('waiver-list').textContent()).toContain('Quayside Mall');
    expect(await panel.getByTestId('compliance-history').textContent()).toContain('Not compliant → Compliant');
    expect(await panel.getByTestId('compliance-waive').count()).toBe(0);
    // the dialog is gone before the picture is taken
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.screenshot({ path: '/tmp/compliance.png', fullPage: true });

    const after = await api(page, 'GET', `/api/v1/insureds/${insuredId}/compliance`);
    expect(after.locations[0]).toMatchObject({ status: 'compliant', findings: [{ code: 'limit_below_minimum', waived: true }] });
    await page.context().close();
  });

  it('counts statuses on the dashboard and lists, reports today as CSV, overrides the holder, revokes the waiver', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}/`);

    await expect.poll(() => page.getByTestId('compliance-rate').textContent()).toBe('100%');
    await page.screenshot({ path: path.join(shots, 'compliance-dashboard-1280.png'), fullPage: true });
    await page.getByTestId('compliance-count-compliant').click();
    await page.waitForURL(/\/insureds\?complianceStatus=compliant/);
    await expect.poll(() => page.getByTestId('insured-compliance').allTextContents()).toEqual(['Compliant']);
    // the other statuses list nobody
    await page.getByTestId('compliance-count-non_compliant').click();
    await expect.poll(() => page.getByText('No insureds match these filters.').count()).toBe(1);

    await page.goto(`${server.url}/compliance-report`);
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'compliance-report-1280.png'), fullPage: true });
    const row = await page.getByTestId('report-row').textContent();
    expect(row).toContain('Harborlight Cleaning Co');
    expect(row).toContain('Quayside Mall');
    const download = page.waitForEvent('download');
    await page.getByTestId('report-export').click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Date,Insured,Location,Status,Meets requirements,Status since,Last change,Certificates,Findings');
    expect(csv).toContain('Harborlight Cleaning Co,Quayside Mall');
    expect(csv).toMatch(/\/certificates\/[0-9a-f-]{36}/);

    await page.goto(`${server.url}/locations/${locationId}`);
    await expect.poll(() => page.getByTestId('location-compliance-row').count()).toBe(1);
    expect(await page.getByTestId('location-compliance-row').textContent()).toContain('Harborlight Cleaning Co');
    // a holder per property: saved for the location (the statuses there are re-checked in the background)
    await page.getByTestId('override-holder-name').fill('Quayside Mall Owner LLC');
    await page.getByTestId('override-save').click();
    await expect
      .poll(async () => (await api(page, 'GET', `/api/v1/locations/${locationId}/requirement-overrides`)).certificateHolder?.name)
      .toBe('Quayside Mall Owner LLC');
    // the certificate names no holder, so the location's new holder is now a finding of its own
    await expect
      .poll(async () => (await api(page, 'GET', `/api/v1/insureds/${insuredId}/compliance`)).locations[0].findings.map((f: { code: string }) => f.code), { timeout: 30_000 })
      .toContain('holder_mismatch');
    await page.reload();
    await expect.poll(() => page.getByTestId('location-compliance-row').textContent()).toContain('Not compliant');
    await page.screenshot({ path: path.join(shots, 'compliance-location-1280.png'), fullPage: true });
    // the locations list carries the same tally
    await page.goto(`${server.url}/locations`);
    await expect.poll(() => page.getByRole('row', { name: /Quayside Mall/ }).textContent()).toContain('1 not compliant');

    // revoking the waiver puts the finding back in play, and it can be waived again
    await page.goto(`${server.url}/insureds/${insuredId}`);
    const panel = page.getByTestId('compliance-panel');
    await expect.poll(() => panel.getByTestId('compliance-waive').count()).toBe(1);
    await panel.getByTestId('waiver-list').getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => panel.getByTestId('waiver-list').textContent()).toContain('Revoked');
    await expect.poll(() => panel.getByTestId('compliance-waive').count()).toBe(2);
    expect(await panel.locator('[data-waived="true"]').count()).toBe(0);
    await page.context().close();
  });

  it('imports the insurer table from CSV, naming the rows at fault', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}/`);

    await page.goto(`${server.url}/insurers`);
    await page.getByTestId('insurers-import').click();
    await page.getByTestId('insurers-import-text').fill('naic,name,rating\n24681,Lighthouse Casualty Company,A VIII\n1357,Short Code Mutual,A-\n');
    await page.getByTestId('insurers-import-submit').click();
    await expect.poll(() => page.getByTestId('insurers-import-errors').textContent()).toContain('Row 2 (line 3)');
    expect(await page.getByTestId('insurers-import-errors').textContent()).toContain('naic must be a 5-digit NAIC code');
    await page.screenshot({ path: path.join(shots, 'insurers-import-errors-1280.png'), fullPage: true });
    expect((await api(page, 'GET', '/api/v1/insurers')).total).toBe(0);

    const good = 'naic,name,rating\n24681,Lighthouse Casualty Company,A VIII\n13579,Harbor Mutual Insurance,B+\n';
    await page.locator('input[type="file"]').setInputFiles({ name: 'insurers.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await expect.poll(() => page.getByTestId('insurers-import-text').inputValue()).toBe(good);
    await page.getByTestId('insurers-import-submit').click();
    await expect.poll(() => page.getByTestId('insurer-row').count()).toBe(2);
    await expect.poll(() => page.getByTestId('insurers-import-text').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'insurers-1280.png'), fullPage: true });
    expect(await page.getByTestId('insurers-table').textContent()).toContain('Harbor Mutual Insurance');
    expect(await page.getByTestId('insurers-table').textContent()).toContain('A VIII');
    await page.context().close();
  });

  it('fits a phone-sized screen', async () => {
    const page = await newPage({ width: 375, height: 812 });
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${server.url}/`);
    const pages: [string, string][] = [
      ['/', 'compliance-rate'],
      [`/insureds/${insuredId}`, 'compliance-history'],
      ['/insureds', 'compliance-counts'],
      ['/locations', 'new-location'],
      [`/locations/${locationId}`, 'location-overrides'],
      ['/compliance-report', 'report-table'],
      ['/insurers', 'insurers-table'],
    ];
    for (const [url, testId] of pages) {
      await page.goto(`${server.url}${url}`);
      await expect.poll(() => page.getByTestId(testId).count()).toBeGreaterThan(0);
      // nothing wider than the screen: tables scroll inside their own container
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, url).toBeLessThanOrEqual(1);
      await page.screenshot({ path: path.join(shots, `compliance-375-${testId}.png`), fullPage: true });
    }
    await page.context().close();
  });
});

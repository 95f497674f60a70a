// The compliance engine against the real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): statuses follow
// certificates, assignments, waivers, requirement-set edits, location overrides and the insurer table; several
// certificates combine; a newer certificate supersedes an older one; every change is in the history, and "who was
// compliant on date D, with which certificate" is answered from it; the daily sweep follows the calendar.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../domain/compliance/evaluate.js';
import { reevaluate } from '../../compliance/engine.js';
import { sweep } from '../../compliance/queries.js';
import { createTestApp, signUp, type Session, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app, { organizationName: 'Acme Property Group' });
});
afterAll(() => t?.close());

const today = () => localDate(new Date(), 'America/New_York');
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function post(url: string, body: unknown, status = 201) {
  const res = await owner.request('POST', url, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}
const get = async (url: string) => {
  const res = await owner.request('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const standard = {
  coverages: [
    { coverage: 'general_liability', limits: { each_occurrence: 1_000_000 } },
    { coverage: 'workers_compensation', perStatute: true },
  ],
};
const gl = (each: number, over: Record<string, unknown> = {}) => ({
  coverage: 'general_liability',
  insurerLetter: 'A',
  policyNumber: `GL-${each}`,
  effectiveDate: plusDays(today(), -100),
  expirationDate: plusDays(today(), 265),
  limits: { each_occurrence: each },
  ...over,
});
const wc = { coverage: 'workers_compensation', insurerLetter: 'A', policyNumber: 'WC-1', effectiveDate: plusDays(today(), -100), expirationDate: plusDays(today(), 265), details: { perStatute: true } };
const certificate = (insuredId: string, policies: unknown[], over: Record<string, unknown> = {}) =>
  post('/api/v1/certificates', {
    insuredId,
    formType: 'ACORD 25',
    certificateDate: plusDays(today(), -10),
    insurers: [{ letter: 'A', name: 'Acme Casualty Company', naic: '12345' }],
    holderName: 'Acme Property Group LLC',
    policies,
    ...over,
  });

async function setup(name: string, definition: unknown = standard) {
  const location = await post('/api/v1/locations', { name: `${name} site` });
  const set = await post('/api/v1/requirement-sets', { name: `${name} set`, definition });
  const insured = await post('/api/v1/insureds', { legalName: `${name} LLC` });
  await post(`/api/v1/insureds/${insured.id}/assignments`, { locationId: location.id, requirementSetId: set.id });
  return { locationId: location.id as string, setId: set.id as string, insuredId: insured.id as string };
}
const compliance = (insuredId: string) => get(`/api/v1/insureds/${insuredId}/compliance`);

describe('statuses follow what changes', () => {
  it('missing → non_compliant → compliant as certificates arrive, with findings in words and a history row per change', async () => {
    const { insuredId, locationId } = await setup('Blue Line');
    let c = await compliance(insuredId);
    expect(c.status).toBe('missing');
    expect(c.locations[0]).toMatchObject({ locationId, status: 'missing', findings: [{ code: 'certificate_missing' }] });

    const first = await certificate(insuredId, [gl(500_000)]);
    c = await compliance(insuredId);
    expect(c.locations[0].status).toBe('non_compliant');
    expect(c.locations[0].findings.map((f: { code: string }) => f.code)).toEqual(['limit_below_minimum', 'coverage_missing']);
    expect(c.locations[0].findings[0].message).toBe('General liability each occurrence limit is $500,000; $1,000,000 is required.');

    // workers' compensation on a second certificate combines with the first; GL still short
    const second = await certificate(insuredId, [wc]);
    c = await compliance(insuredId);
    expect(c.locations[0].findings.map((f: { code: string }) => f.code)).toEqual(['limit_below_minimum']);
    expect(c.locations[0].coverages.map((x: { certificateId: string }) => x.certificateId)).toEqual([first.id, second.id]);

    // a corrected limit on the first certificate
    const res = await owner.request('PATCH', `/api/v1/certificates/${first.id}`, { policies: [gl(1_000_000)] });
    expect(res.statusCode, res.body).toBe(200);
    c = await compliance(insuredId);
    expect(c.locations[0]).toMatchObject({ status: 'compliant', findings: [] });
    expect(c.history.map((h: { status: string }) => h.status)).toEqual(['compliant', 'non_compliant', 'missing']);
    expect(c.history[0]).toMatchObject({ previousStatus: 'non_compliant', cause: `certificate:${first.id}` });
  });

  it('a newer certificate showing every coverage of an older one supersedes it: the older is archived and stays in the record', async () => {
    const { insuredId } = await setup('Superseded');
    const old = await certificate(insuredId, [gl(1_000_000), wc], { certificateDate: plusDays(today(), -200) });
    const partial = await certificate(insuredId, [gl(2_000_000, { policyNumber: 'GL-NEW' })], { certificateDate: plusDays(today(), -5) });
    // the newer one lacks WC: the old one is still needed
    expect((await get(`/api/v1/certificates/${old.id}`)).archived).toBe(false);
    const full = await certificate(insuredId, [gl(2_000_000, { policyNumber: 'GL-NEWER' }), wc], { certificateDate: plusDays(today(), -1) });
    expect((await get(`/api/v1/certificates/${old.id}`)).archived).toBe(true);
    expect((await get(`/api/v1/certificates/${partial.id}`)).archived).toBe(true);
    expect((await get(`/api/v1/certificates/${full.id}`)).archived).toBe(false);
    const audit = await get(`/api/v1/audit-log?entityType=certificate&entityId=${old.id}`);
    expect(audit.items.map((a: { action: string }) => a.action)).toContain('certificate.superseded');
    expect((await compliance(insuredId)).locations[0].status).toBe('compliant');
  });

  it('an uploaded certificate awaiting review makes a shortfall pending_review', async () => {
    const { insuredId } = await setup('Pending');
    await certificate(insuredId, [gl(1_000_000)], { status: 'needs_review' });
    expect((await compliance(insuredId)).locations[0].status).toBe('pending_review');
  });

  it('waivers: a waived finding is shown but does not count; revoking it counts again', async () => {
    const { insuredId } = await setup('Waived');
    await certificate(insuredId, [gl(500_000), wc]);
    expect((await compliance(insuredId)).status).toBe('non_compliant');
    await post(`/api/v1/insureds/${insuredId}/waivers`, { code: 'limit_below_minimum', coverage: 'general_liability', reason: 'x', expiresOn: plusDays(today(), 30) });
    const c = await compliance(insuredId);
    expect(c.status).toBe('compliant');
    const waivers = await get(`/api/v1/insureds/${insuredId}/waivers`);
    expect(c.locations[0].findings).toMatchObject([{ code: 'limit_below_minimum', waived: true, waiverId: waivers.items[0].id }]);
    expect(waivers.items[0]).toMatchObject({ code: 'limit_below_minimum', reason: 'x', active: true, createdBy: { name: expect.any(String) } });
    const revoked = await owner.request('DELETE', `/api/v1/waivers/${waivers.items[0].id}`);
    expect(revoked.json()).toMatchObject({ active: false });
    expect((await compliance(insuredId)).status).toBe('non_compliant');
    // a waiver without a reason is refused with the field named
    const bad = await owner.request('POST', `/api/v1/insureds/${insuredId}/waivers`, { code: 'limit_below_minimum', reason: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/reason/);
  });

  it('an edited requirement set re-evaluates its insureds in the background', async () => {
    const { insuredId, setId } = await setup('Edited set');
    await certificate(insuredId, [gl(1_000_000), wc]);
    expect((await compliance(insuredId)).status).toBe('compliant');
    const res = await owner.request('PATCH', `/api/v1/requirement-sets/${setId}`, {
      definition: { coverages: [{ coverage: 'general_liability', limits: { each_occurrence: 2_000_000 } }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    let status = '';
    for (let i = 0; i < 60 && status !== 'non_compliant'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await compliance(insuredId)).status;
    }
    expect(status).toBe('non_compliant');
  });

  it('a location override (the holder per property) applies at that location only', async () => {
    const { insuredId, locationId, setId } = await setup('Override');
    const other = await post('/api/v1/locations', { name: 'Override other site' });
    await post(`/api/v1/insureds/${insuredId}/assignments`, { locationId: other.id, requirementSetId: setId });
    await certificate(insuredId, [gl(1_000_000), wc]);
    const put = await owner.request('PUT', `/api/v1/locations/${locationId}/requirement-overrides`, { certificateHolder: { name: 'Harbor Point Owner LLC' } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await get(`/api/v1/locations/${locationId}/requirement-overrides`)).certificateHolder.name).toBe('Harbor Point Owner LLC');
    // re-evaluated before the answer
    const c = await compliance(insuredId);
    const at = (id: string) => c.locations.find((l: { locationId: string }) => l.locationId === id);
    expect(at(locationId)).toMatchObject({ status: 'non_compliant', findings: [{ code: 'holder_mismatch' }] });
    expect(at(other.id).status).toBe('compliant');
    const bad = await owner.request('PUT', `/api/v1/locations/${locationId}/requirement-overrides`, { limits: { general_liability: { each_occurence: 5 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/each_occurence/);
  });

  it('the insurer table decides minimum ratings; import takes CSV and refuses bad rows, naming them', async () => {
    const { insuredId } = await setup('Rated', { ...standard, minimumInsurerRating: 'A- VII' });
    await certificate(insuredId, [gl(1_000_000), wc]);
    expect((await compliance(insuredId)).locations[0].findings.map((f: { code: string }) => f.code)).toEqual(['insurer_rating_unknown', 'insurer_rating_unknown']);
    const bad = await owner.request('POST', '/api/v1/insurers/import', { csv: 'naic,name,rating\n12345,Acme Casualty Company,Z+\n1234,Short Code,A\n' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['0.rating', '1.naic']);
    expect(await post('/api/v1/insurers/import', { csv: 'NAIC,Name,Rating\n12345,Acme Casualty Company,A VIII\n' }, 200)).toEqual({ created: 1, updated: 0 });
    await reevaluate(t.ctx.database.db, owner.organizationId, { insuredIds: [insuredId] }, { kind: 'test' }, new Date());
    expect((await compliance(insuredId)).status).toBe('compliant');
    const list = await get('/api/v1/insurers?q=acme');
    expect(list.items).toMatchObject([{ naic: '12345', rating: 'A VIII' }]);
  });
});

describe('history and time', () => {
  it('answers who was compliant at a location on a past date, and with which certificate', async () => {
    const { insuredId, locationId } = await setup('As of');
    const cert = await certificate(insuredId, [gl(1_000_000), wc]);
    const yesterday = plusDays(today(), -1);
    const before = await get(`/api/v1/compliance/as-of?date=${yesterday}&locationId=${locationId}`);
    // on the day before, the insured had its first status ('missing') only if it was assigned then: it was not
    expect(before.items).toEqual([]);
    const now = await get(`/api/v1/compliance/as-of?date=${today()}&locationId=${locationId}`);
    expect(now.items).toMatchObject([{ insuredId, status: 'compliant', certificateIds: [cert.id], certificates: [{ id: cert.id, certificateDate: plusDays(today(), -10), archived: false }] }]);
    const bad = await owner.request('GET', '/api/v1/compliance/as-of?date=2026-02-30');
    expect(bad.statusCode).toBe(400);
  });

  it('the daily sweep moves statuses with the calendar, once per organization day, and keeps daily counts', async () => {
    const { insuredId, locationId } = await setup('Sweep');
    const end = plusDays(today(), 20);
    await certificate(insuredId, [gl(1_000_000, { expirationDate: end }), { ...wc, expirationDate: end }]);
    expect((await compliance(insuredId)).status).toBe('expiring');
    const later = new Date(Date.parse(`${plusDays(end, 1)}T17:00:00Z`));
    const swept = await sweep(t.ctx.database.db, later);
    expect(swept.map((s) => s.organizationId)).toContain(owner.organizationId);
    // once per organization day (on a shared PostgreSQL database, other test files' organizations made since the
    // first sweep are swept now: only this organization's absence counts)
    expect((await sweep(t.ctx.database.db, later)).map((s) => s.organizationId)).not.toContain(owner.organizationId);
    const c = await compliance(insuredId);
    expect(c.status).toBe('expired');
    expect(c.history[0]).toMatchObject({ status: 'expired', cause: 'sweep', asOf: plusDays(end, 1) });
    // a history query for a day in between still sees it expiring
    const mid = await get(`/api/v1/compliance/as-of?date=${today()}&locationId=${locationId}`);
    expect(mid.items[0].status).toBe('expiring');
    // today's counts were kept as the statuses changed, the sweep's day by the sweep
    const rows = (await t.ctx.database.db.execute(sql`select day::text as day, expiring, expired from compliance_daily where location_id = ${locationId} order by day`)) as unknown as {
      rows: Array<{ day: string; expiring: number; expired: number }>;
    };
    expect(rows.rows).toEqual([
      { day: today(), expiring: 1, expired: 0 },
      { day: plusDays(end, 1), expiring: 0, expired: 1 },
    ]);
    const summary = await get('/api/v1/compliance/summary?days=730');
    expect(summary.locations.find((l: { locationId: string }) => l.locationId === locationId)).toMatchObject({ counts: { expired: 1 }, total: 1, rate: 0 });
  });

  it("the organization's time zone decides the day", async () => {
    const { insuredId } = await setup('Zoned');
    const instant = new Date(`${today()}T02:00:00Z`); // still the previous day in Los Angeles
    await certificate(insuredId, [gl(1_000_000, { expirationDate: plusDays(today(), -1) }), { ...wc, expirationDate: plusDays(today(), 300) }]);
    const res = await owner.request('PATCH', '/api/v1/organization', { timeZone: 'UTC' });
    expect(res.statusCode, res.body).toBe(200);
    await reevaluate(t.ctx.database.db, owner.organizationId, { insuredIds: [insuredId] }, { kind: 'test' }, instant);
    expect((await compliance(insuredId)).status).toBe('expired');
    await owner.request('PATCH', '/api/v1/organization', { timeZone: 'America/Los_Angeles' });
    await reevaluate(t.ctx.database.db, owner.organizationId, { insuredIds: [insuredId] }, { kind: 'test' }, instant);
    expect((await compliance(insuredId)).status).toBe('expiring');
    await owner.request('PATCH', '/api/v1/organization', { timeZone: 'America/New_York' });
  });

  it('removing the assignment ends the status and says so in the history', async () => {
    const { insuredId, locationId } = await setup('Unassigned');
    const assignments = await get(`/api/v1/insureds/${insuredId}/assignments`);
    const res = await owner.request('DELETE', `/api/v1/assignments/${assignments.items[0].id}`);
    expect(res.statusCode).toBe(204);
    const c = await compliance(insuredId);
    expect(c.locations).toEqual([]);
    expect(c.history[0]).toMatchObject({ locationId, status: 'unassigned', previousStatus: 'missing' });
  });
});

describe('templates', () => {
  it('lists the ready-made sets with their plain-language summary and copies one', async () => {
    const list = await get('/api/v1/requirement-set-templates');
    expect(list.items.map((i: { key: string }) => i.key)).toEqual(['subcontractor', 'high_risk_trade', 'tenant', 'light_vendor', 'professional_services']);
    expect(list.items[0].summary[0]).toMatch(/^General liability: \$1,000,000 each occurrence/);
    const copy = await post('/api/v1/requirement-sets/from-template', { template: 'tenant', name: 'Tenants, retail' });
    expect(copy).toMatchObject({ name: 'Tenants, retail', definition: { name: 'Tenants, retail' } });
    const unknown = await owner.request('POST', '/api/v1/requirement-sets/from-template', { template: 'nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toMatch(/subcontractor/);
  });
});

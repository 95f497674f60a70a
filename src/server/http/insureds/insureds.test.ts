import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, certificates, insureds, policies } from '../../db/schema.js';
import { createTestApp, signUp, withApiKey, type Session, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app, { organizationName: 'Acme Property Group' });
});
afterAll(() => t?.close());

/** The organization's calendar day, as the server computes "today" (organizations.time_zone). */
const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

// Certificates are written straight to the tables: their own routes are another module's concern.
async function addCertificate(session: Session, insuredId: string, expirations: (string | null)[], options: { archived?: boolean } = {}) {
  const { db } = t.ctx.database;
  const [cert] = await db
    .insert(certificates)
    .values({ organizationId: session.organizationId, insuredId, source: 'manual', archived: options.archived ?? false })
    .returning();
  if (expirations.length) {
    await db.insert(policies).values(
      expirations.map((expirationDate, position) => ({
        organizationId: session.organizationId,
        certificateId: cert!.id,
        position,
        coverage: 'general_liability' as const,
        expirationDate,
      })),
    );
  }
  return cert!.id;
}

const createInsured = async (session: Session, body: Record<string, unknown>) => {
  const res = await session.request('POST', '/api/v1/insureds', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const auditOf = (entityId: string) =>
  t.ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
const fieldsOf = (res: { json: () => { error: { details: { fields: { field: string }[] } } } }) =>
  res.json().error.details.fields.map((f) => f.field).sort();

describe('insureds', () => {
  it('creates, gets, updates and deletes an insured, auditing each change', async () => {
    const insured = await createInsured(owner, {
      legalName: 'Blue Line Plumbing, Inc.',
      dba: 'Blue Line',
      kind: 'subcontractor',
      address: { lines: ['12 Pipe St'], city: 'Austin', state: 'TX', postalCode: '78702' },
      tags: ['plumbing'],
      notes: 'Annual contract',
      externalId: 'V-100',
    });
    expect(insured).toMatchObject({
      legalName: 'Blue Line Plumbing, Inc.',
      dba: 'Blue Line',
      kind: 'subcontractor',
      address: { lines: ['12 Pipe St'], city: 'Austin', state: 'TX', postalCode: '78702' },
      mailingAddress: null,
      taxIdMasked: null,
      tags: ['plumbing'],
      externalId: 'V-100',
      status: 'active',
      certificateCount: 0,
      nextExpiration: null,
      coverageState: 'missing',
    });

    const got = await owner.request('GET', `/api/v1/insureds/${insured.id}`);
    expect(got.json()).toEqual(insured);

    const updated = await owner.request('PATCH', `/api/v1/insureds/${insured.id}`, { notes: 'Renewed', status: 'archived' });
    expect(updated.statusCode).toBe(200);
    // what the PATCH leaves out stays as it was
    expect(updated.json()).toMatchObject({ notes: 'Renewed', status: 'archived', kind: 'subcontractor', dba: 'Blue Line', tags: ['plumbing'], externalId: 'V-100' });
    expect(updated.json().address).toEqual(insured.address);

    expect((await owner.request('DELETE', `/api/v1/insureds/${insured.id}`)).statusCode).toBe(204);
    expect((await owner.request('GET', `/api/v1/insureds/${insured.id}`)).statusCode).toBe(404);
    expect((await owner.request('DELETE', `/api/v1/insureds/${insured.id}`)).statusCode).toBe(404);

    const audit = await auditOf(insured.id);
    expect(audit.map((a) => a.action)).toEqual(['insured.created', 'insured.updated', 'insured.deleted']);
    expect(audit[1]!.changes).toEqual({ notes: { from: 'Annual contract', to: 'Renewed' }, status: { from: 'active', to: 'archived' } });
  });

  it('keeps the tax id encrypted, shows it masked and never writes it to the audit trail', async () => {
    const insured = await createInsured(owner, { legalName: 'Tax Co', taxId: '12-3456789' });
    expect(insured.taxIdMasked).toBe('**-***6789');
    expect(JSON.stringify(insured)).not.toContain('3456789');

    const [row] = await t.ctx.database.db.select().from(insureds).where(eq(insureds.id, insured.id));
    expect(row!.taxIdEncrypted).not.toContain('3456789');
    expect(t.ctx.cipher.decrypt(row!.taxIdEncrypted!)).toBe('12-3456789');
    expect(row!.taxIdLast4).toBe('6789');

    const changed = await owner.request('PATCH', `/api/v1/insureds/${insured.id}`, { taxId: '987654321' });
    expect(changed.json().taxIdMasked).toBe('**-***4321');
    const cleared = await owner.request('PATCH', `/api/v1/insureds/${insured.id}`, { taxId: null });
    expect(cleared.json().taxIdMasked).toBeNull();
    const [after] = await t.ctx.database.db.select().from(insureds).where(eq(insureds.id, insured.id));
    expect(after).toMatchObject({ taxIdEncrypted: null, taxIdLast4: null });

    const audit = await auditOf(insured.id);
    expect(audit.map((a) => a.changes)).toEqual([
      { legalName: 'Tax Co', kind: 'vendor', externalId: null, taxId: '(set)' },
      { taxId: '(changed)' },
      { taxId: '(changed)' },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/3456789|987654321/);
  });

  it.each([['123-45-6789'], ['12-3456789'], ['123456789'], [' 123456789 ']])('accepts the tax id %j', async (taxId) => {
    const insured = await createInsured(owner, { legalName: `Tax format ${taxId}`, taxId });
    expect(insured.taxIdMasked).toBe(`**-***${taxId.trim().slice(-4)}`);
  });

  it.each([['12345678'], ['1234567890'], ['12-345-6789'], ['AB-3456789'], ['']])('refuses the tax id %j, naming taxId without echoing it', async (taxId) => {
    const res = await owner.request('POST', '/api/v1/insureds', { legalName: 'Bad tax', taxId });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['taxId']);
    if (taxId) expect(res.body).not.toContain(taxId);
  });

  it('names every field at fault and writes nothing', async () => {
    const res = await owner.request('POST', '/api/v1/insureds', {
      legalName: ' ',
      kind: 'landlord',
      address: { lines: ['1 Main St'], city: 5 },
      tags: ['ok', ''],
      status: 'gone',
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['address.city', 'kind', 'legalName', 'status', 'tags.1']);
    const unknown = await owner.request('PATCH', '/api/v1/insureds/00000000-0000-4000-8000-000000000000', { notes: 'x' });
    expect(unknown.statusCode).toBe(404);
    expect((await owner.request('GET', '/api/v1/insureds/not-a-uuid')).statusCode).toBe(400);
  });

  it('trims and dedupes tags, and refuses more than 50', async () => {
    const insured = await createInsured(owner, { legalName: 'Tagged', tags: [' hvac ', 'hvac', 'night', 'night '] });
    expect(insured.tags).toEqual(['hvac', 'night']);
    const many = Array.from({ length: 51 }, (_, i) => `t${i}`);
    const res = await owner.request('PATCH', `/api/v1/insureds/${insured.id}`, { tags: many });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['tags']);
    // duplicates do not count toward the limit
    const fifty = await owner.request('PATCH', `/api/v1/insureds/${insured.id}`, { tags: [...many.slice(0, 50), 't0'] });
    expect(fifty.json().tags).toHaveLength(50);
  });

  it('refuses an external id used by another insured with 409, on create and update, writing nothing', async () => {
    const first = await createInsured(owner, { legalName: 'External One', externalId: 'EXT-1' });
    const second = await createInsured(owner, { legalName: 'External Two' });
    const dup = await owner.request('POST', '/api/v1/insureds', { legalName: 'External Three', externalId: 'EXT-1' });
    expect(dup.statusCode).toBe(409);
    expect(fieldsOf(dup)).toEqual(['externalId']);
    const named = (legalName: string) => t.ctx.database.db.select().from(insureds).where(eq(insureds.legalName, legalName));
    expect(await named('External Three')).toEqual([]);

    const patch = await owner.request('PATCH', `/api/v1/insureds/${second.id}`, { externalId: 'EXT-1', notes: 'should not stick' });
    expect(patch.statusCode).toBe(409);
    expect(fieldsOf(patch)).toEqual(['externalId']);
    expect((await owner.request('GET', `/api/v1/insureds/${second.id}`)).json()).toMatchObject({ externalId: null, notes: null });
    expect((await auditOf(second.id)).map((a) => a.action)).toEqual(['insured.created']);
    expect(first.externalId).toBe('EXT-1');
  });
});

describe('insured search and filters', () => {
  let org: Session;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    org = await signUp(t.app, { organizationName: 'Search Org' });
    for (const [key, body] of Object.entries({
      apex: { legalName: 'Apex Roofing & Sheet Metal Inc.', kind: 'subcontractor', tags: ['roofing', 'high-risk'] },
      stormguard: { legalName: 'Stormguard Roofing LLC', kind: 'subcontractor', tags: ['roofing'] },
      cafe: { legalName: 'Morning Ritual Hospitality LLC', dba: 'Morning Ritual Café', kind: 'tenant' },
      sparkle: { legalName: 'Sparkle Janitorial Services LLC', kind: 'vendor', status: 'archived' },
      percent: { legalName: '100% Clean Co', kind: 'vendor' },
      formerly: { legalName: 'A1 Services, formerly Stormguard', kind: 'vendor' },
    })) {
      ids[key] = (await createInsured(org, body)).id;
    }
  });

  const namesOf = async (query: string) => {
    const res = await org.request('GET', `/api/v1/insureds?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((i: { legalName: string }) => i.legalName);
  };

  it.each([
    ['q=roofing', ['Apex Roofing & Sheet Metal Inc.', 'Stormguard Roofing LLC']],
    ['q=ROOF', ['Apex Roofing & Sheet Metal Inc.', 'Stormguard Roofing LLC']],
    // a typo still finds the name
    ['q=apex%20rofing', ['Apex Roofing & Sheet Metal Inc.']],
    ['q=sparkel', ['Sparkle Janitorial Services LLC']],
    // names that start with the query come first, before ones that merely contain it
    ['q=storm', ['Stormguard Roofing LLC', 'A1 Services, formerly Stormguard']],
    ['q=stormgard', ['A1 Services, formerly Stormguard', 'Stormguard Roofing LLC']],
    ['q=caf%C3%A9', ['Morning Ritual Hospitality LLC']],
    // LIKE wildcards in the query are plain characters
    ['q=100%25', ['100% Clean Co']],
    ['q=zzzz', []],
  ])('searches names and DBAs: %s', async (query, expected) => {
    expect(await namesOf(query)).toEqual(expected);
  });

  it.each([
    ['status=archived', ['Sparkle Janitorial Services LLC']],
    ['kind=tenant', ['Morning Ritual Hospitality LLC']],
    ['tag=high-risk', ['Apex Roofing & Sheet Metal Inc.']],
    ['tag=roofing&q=apex', ['Apex Roofing & Sheet Metal Inc.']],
    ['kind=vendor&status=active', ['100% Clean Co', 'A1 Services, formerly Stormguard']],
  ])('filters: %s', async (query, expected) => {
    expect(await namesOf(query)).toEqual(expected);
  });

  it('filters by location through assignments', async () => {
    const location = (await org.request('POST', '/api/v1/locations', { name: 'Riverside Plaza' })).json();
    await org.request('POST', `/api/v1/insureds/${ids.cafe}/assignments`, { locationId: location.id });
    expect(await namesOf(`locationId=${location.id}`)).toEqual(['Morning Ritual Hospitality LLC']);
    const bad = await org.request('GET', '/api/v1/insureds?locationId=nope');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['querystring.locationId']);
  });

  it('refuses unknown filter values, naming them', async () => {
    const res = await org.request('GET', '/api/v1/insureds?coverageState=fine&kind=landlord');
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['querystring.coverageState', 'querystring.kind']);
  });

  it('paginates with a stable order', async () => {
    const first = await org.request('GET', '/api/v1/insureds?limit=2');
    expect(first.json()).toMatchObject({ total: 6, limit: 2, offset: 0 });
    const rest = await org.request('GET', '/api/v1/insureds?limit=50&offset=2');
    const all = [...first.json().items, ...rest.json().items].map((i: { legalName: string }) => i.legalName);
    expect(all).toEqual([...all].sort((a, b) => (a < b ? -1 : 1)));
    expect(all).toHaveLength(6);
  });
});

describe('insured coverage', () => {
  let org: Session;
  let today: string;

  beforeAll(async () => {
    org = await signUp(t.app, { organizationName: 'Coverage Org' });
    today = todayIn('America/New_York');
  });

  it.each<[string, { policies: (number | null)[]; archived?: boolean }[], { certificateCount: number; nextExpiration: number | null; coverageState: string }]>([
    ['no certificate', [], { certificateCount: 0, nextExpiration: null, coverageState: 'missing' }],
    ['a certificate without policies', [{ policies: [] }], { certificateCount: 1, nextExpiration: null, coverageState: 'missing' }],
    ['only an archived certificate', [{ policies: [200], archived: true }], { certificateCount: 0, nextExpiration: null, coverageState: 'missing' }],
    ['every policy ended yesterday', [{ policies: [-1, -40] }], { certificateCount: 1, nextExpiration: null, coverageState: 'expired' }],
    ['a policy ending today', [{ policies: [0, -3] }], { certificateCount: 1, nextExpiration: 0, coverageState: 'expiring' }],
    ['the next ending in 30 days', [{ policies: [30, 200] }], { certificateCount: 1, nextExpiration: 30, coverageState: 'expiring' }],
    ['the next ending in 31 days', [{ policies: [31, 365] }], { certificateCount: 1, nextExpiration: 31, coverageState: 'current' }],
    [
      'the earliest in force across certificates, archived ones ignored',
      [{ policies: [90, -5] }, { policies: [45] }, { policies: [10], archived: true }],
      { certificateCount: 2, nextExpiration: 45, coverageState: 'current' },
    ],
    ['an undated policy', [{ policies: [null] }], { certificateCount: 1, nextExpiration: null, coverageState: 'expired' }],
  ])('%s', async (label, certs, expected) => {
    const insured = await createInsured(org, { legalName: `Coverage: ${label}` });
    for (const cert of certs) {
      await addCertificate(org, insured.id, cert.policies.map((d) => (d === null ? null : addDays(today, d))), { archived: cert.archived });
    }
    const want = { ...expected, nextExpiration: expected.nextExpiration === null ? null : addDays(today, expected.nextExpiration) };
    expect((await org.request('GET', `/api/v1/insureds/${insured.id}`)).json()).toMatchObject(want);
    const listed = await org.request('GET', `/api/v1/insureds?q=${encodeURIComponent(`Coverage: ${label}`)}&coverageState=${expected.coverageState}`);
    expect(listed.json().items.map((i: { id: string }) => i.id)).toContain(insured.id);
    expect(listed.json().items[0]).toMatchObject(want);
  });

  it('filters the list by coverage state, counting the total accordingly', async () => {
    const states = ['current', 'expiring', 'expired', 'missing'] as const;
    const counts = await Promise.all(states.map(async (s) => (await org.request('GET', `/api/v1/insureds?coverageState=${s}&limit=1`)).json().total));
    const all = (await org.request('GET', '/api/v1/insureds?limit=1')).json().total;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(all);
    expect(counts).toEqual([2, 2, 2, 3]);
  });

  it("reads today in the organization's time zone", async () => {
    const zoned = await signUp(t.app, { organizationName: 'Zoned Org' });
    // Pago Pago (UTC-11) is always at least a day behind Kiritimati (UTC+14)
    const pagoToday = todayIn('Pacific/Pago_Pago');
    const insured = await createInsured(zoned, { legalName: 'Ends today in Pago Pago' });
    await addCertificate(zoned, insured.id, [pagoToday]);
    const stateIn = async (timeZone: string) => {
      expect((await zoned.request('PATCH', '/api/v1/organization', { timeZone })).statusCode).toBe(200);
      return (await zoned.request('GET', `/api/v1/insureds/${insured.id}`)).json();
    };
    expect(await stateIn('Pacific/Pago_Pago')).toMatchObject({ coverageState: 'expiring', nextExpiration: pagoToday });
    expect(await stateIn('Pacific/Kiritimati')).toMatchObject({ coverageState: 'expired', nextExpiration: null });
  });
});

describe('insured access', () => {
  it("answers 404 to another organization for every row, and never lists them", async () => {
    const insured = await createInsured(owner, { legalName: 'Private Vendor LLC', tags: ['private'] });
    const other = await signUp(t.app, { organizationName: 'Other Org' });
    expect((await other.request('GET', `/api/v1/insureds/${insured.id}`)).statusCode).toBe(404);
    expect((await other.request('PATCH', `/api/v1/insureds/${insured.id}`, { notes: 'mine now' })).statusCode).toBe(404);
    expect((await other.request('DELETE', `/api/v1/insureds/${insured.id}`)).statusCode).toBe(404);
    const list = await other.request('GET', '/api/v1/insureds?tag=private');
    expect(list.json()).toMatchObject({ total: 0, items: [] });
    expect((await other.request('GET', '/api/v1/insureds?q=private%20vendor')).json().total).toBe(0);
    // another member's organization header is refused, not honoured
    const crossHeader = await other.request('GET', `/api/v1/insureds/${insured.id}`, undefined, { 'x-organization-id': owner.organizationId });
    expect(crossHeader.statusCode).toBe(404);
    expect((await owner.request('GET', `/api/v1/insureds/${insured.id}`)).json().notes).toBeNull();
  });

  it('lets a viewer read but not write, and keeps deletion to admins', async () => {
    const insured = await createInsured(owner, { legalName: 'Role Check Co' });
    const keyFor = async (role: string) => (await owner.request('POST', '/api/v1/api-keys', { name: `${role} key`, role })).json().key as string;
    const viewer = withApiKey(t.app, await keyFor('viewer'));
    expect((await viewer('GET', `/api/v1/insureds/${insured.id}`)).statusCode).toBe(200);
    expect((await viewer('POST', '/api/v1/insureds', { legalName: 'Nope' })).statusCode).toBe(403);
    expect((await viewer('PATCH', `/api/v1/insureds/${insured.id}`, { notes: 'x' })).statusCode).toBe(403);
    expect((await viewer('DELETE', `/api/v1/insureds/${insured.id}`)).statusCode).toBe(403);

    const editor = withApiKey(t.app, await keyFor('editor'));
    expect((await editor('PATCH', `/api/v1/insureds/${insured.id}`, { notes: 'by key' })).statusCode).toBe(200);
    expect((await editor('DELETE', `/api/v1/insureds/${insured.id}`)).statusCode).toBe(403);
    const [entry] = await t.ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, insured.id), eq(auditLog.action, 'insured.updated')));
    expect(entry!.actorApiKeyId).not.toBeNull();
  });

  it('deletes an insured with its contacts and assignments', async () => {
    const insured = await createInsured(owner, { legalName: 'Going Away LLC' });
    const location = (await owner.request('POST', '/api/v1/locations', { name: 'Cascade Site' })).json();
    const contact = (await owner.request('POST', `/api/v1/insureds/${insured.id}/contacts`, { name: 'Pat' })).json();
    const assignment = (await owner.request('POST', `/api/v1/insureds/${insured.id}/assignments`, { locationId: location.id })).json();
    await addCertificate(owner, insured.id, [addDays(todayIn('America/New_York'), 100)]);
    expect((await owner.request('DELETE', `/api/v1/insureds/${insured.id}`)).statusCode).toBe(204);
    expect((await owner.request('PATCH', `/api/v1/contacts/${contact.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await owner.request('DELETE', `/api/v1/assignments/${assignment.id}`)).statusCode).toBe(404);
  });
});

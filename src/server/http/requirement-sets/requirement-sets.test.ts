import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.js';
import { createTestApp, signUp, withApiKey, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { exportFileName } from './routes.js';

let t: TestApp;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app, { organizationName: 'Acme Property Group' });
});
afterAll(() => t?.close());

const generalLiability = {
  coverage: 'general_liability',
  limits: { each_occurrence: 1000000, general_aggregate: 2000000 },
  additionalInsured: true,
  subrogationWaived: true,
  primaryNonContributory: true,
};
// the example of shared/contracts/requirements.md
const contractExample = {
  schemaVersion: 1,
  name: 'Standard subcontractor',
  expiringWithinDays: 30,
  certificateHolder: { name: 'Acme Property Group LLC', address: { lines: ['1 Main St'], city: 'Austin', state: 'TX', postalCode: '78701' } },
  coverages: [
    { ...generalLiability, basis: 'occurrence', aggregateAppliesPer: ['project', 'location'], umbrellaMayApply: true },
    { coverage: 'automobile_liability', limits: { combined_single_limit: 1000000 }, umbrellaMayApply: true },
    { coverage: 'umbrella_liability', limits: { each_occurrence: 5000000 } },
    {
      coverage: 'workers_compensation',
      perStatute: true,
      limits: { el_each_accident: 1000000, el_disease_each_employee: 1000000, el_disease_policy_limit: 1000000 },
    },
    { coverage: 'other', description: 'Professional Liability', limits: { each_claim: 1000000 } },
  ],
  approvedInsurerNaics: null,
  minimumInsurerRating: null,
  descriptionMustMention: [],
};

const createSet = async (session: Session, body: Record<string, unknown>) => {
  const res = await session.request('POST', '/api/v1/requirement-sets', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const fieldsOf = (res: { json: () => { error: { details: { fields: { field: string }[] } } } }) =>
  res.json().error.details.fields.map((f) => f.field);
const listNames = async (session: Session, query = '') =>
  (await session.request('GET', `/api/v1/requirement-sets?limit=200${query}`)).json().items.map((s: { name: string }) => s.name);

describe('requirement sets', () => {
  it('creates, gets, updates and deletes a set, auditing each change', async () => {
    const set = await createSet(owner, {
      name: 'Tenant',
      description: 'Retail and restaurant tenants',
      definition: { schemaVersion: 1, name: 'whatever the editor had', coverages: [generalLiability] },
    });
    expect(set).toMatchObject({
      name: 'Tenant',
      description: 'Retail and restaurant tenants',
      coverageCount: 1,
      assignmentCount: 0,
      summary: [
        'General liability: $1,000,000 each occurrence, $2,000,000 general aggregate; additional insured; waiver of subrogation; primary and non-contributory',
        'Policies ending within 30 days count as expiring',
      ],
    });
    // the definition carries the set's own name, with the contract's defaults filled in
    expect(set.definition).toEqual({
      schemaVersion: 1,
      name: 'Tenant',
      expiringWithinDays: 30,
      coverages: [{ ...generalLiability, umbrellaMayApply: false }],
      approvedInsurerNaics: null,
      minimumInsurerRating: null,
      descriptionMustMention: [],
    });
    expect((await owner.request('GET', `/api/v1/requirement-sets/${set.id}`)).json()).toEqual(set);

    const renamed = await owner.request('PATCH', `/api/v1/requirement-sets/${set.id}`, { name: 'Retail tenant' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Retail tenant', description: 'Retail and restaurant tenants', definition: { name: 'Retail tenant' } });
    expect(renamed.json().definition.coverages).toEqual(set.definition.coverages);

    const tightened = await owner.request('PATCH', `/api/v1/requirement-sets/${set.id}`, {
      definition: { schemaVersion: 1, name: 'ignored', expiringWithinDays: 45, coverages: [{ coverage: 'automobile_liability', limits: { combined_single_limit: 500000 } }] },
    });
    expect(tightened.json()).toMatchObject({ name: 'Retail tenant', coverageCount: 1, definition: { name: 'Retail tenant', expiringWithinDays: 45 } });

    expect((await owner.request('DELETE', `/api/v1/requirement-sets/${set.id}`)).statusCode).toBe(204);
    expect((await owner.request('GET', `/api/v1/requirement-sets/${set.id}`)).statusCode).toBe(404);
    expect((await owner.request('DELETE', `/api/v1/requirement-sets/${set.id}`)).statusCode).toBe(404);

    const audit = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, set.id)).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['requirement_set.created', 'requirement_set.updated', 'requirement_set.updated', 'requirement_set.deleted']);
    expect(audit[1]!.changes).toEqual({ name: { from: 'Tenant', to: 'Retail tenant' } });
    // requirement changes are logged in plain language
    expect(audit[2]!.changes).toEqual({
      requirements: {
        from: set.summary,
        to: ['Automobile liability: $500,000 combined single limit', 'Policies ending within 45 days count as expiring'],
      },
    });
  });

  it('counts assignments, and leaves them without a set when the set is deleted', async () => {
    const set = await createSet(owner, { name: 'Counted', definition: { coverages: [] } });
    const insured = (await owner.request('POST', '/api/v1/insureds', { legalName: 'Counted Vendor' })).json();
    const location = (await owner.request('POST', '/api/v1/locations', { name: 'Counted Site' })).json();
    const assignment = (
      await owner.request('POST', `/api/v1/insureds/${insured.id}/assignments`, { locationId: location.id, requirementSetId: set.id })
    ).json();
    expect((await owner.request('GET', `/api/v1/requirement-sets/${set.id}`)).json().assignmentCount).toBe(1);
    expect((await owner.request('GET', '/api/v1/requirement-sets?q=counted')).json().items[0].assignmentCount).toBe(1);

    expect((await owner.request('DELETE', `/api/v1/requirement-sets/${set.id}`)).statusCode).toBe(204);
    const [after] = (await owner.request('GET', `/api/v1/insureds/${insured.id}/assignments`)).json().items;
    expect(after).toMatchObject({ id: assignment.id, locationId: location.id, requirementSetId: null, requirementSetName: null });
  });

  it('lists, searches and paginates by name', async () => {
    for (const name of ['Page B', 'page a', 'Page C']) await createSet(owner, { name, definition: { coverages: [] } });
    const first = await owner.request('GET', '/api/v1/requirement-sets?q=page&limit=2');
    expect(first.json()).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(first.json().items.map((s: { name: string }) => s.name)).toEqual(['page a', 'Page B']);
    expect((await owner.request('GET', '/api/v1/requirement-sets?q=page&limit=2&offset=2')).json().items).toHaveLength(1);
    expect((await owner.request('GET', '/api/v1/requirement-sets?limit=0')).statusCode).toBe(400);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a misspelt limit key', { coverages: [{ coverage: 'general_liability', limits: { each_occurence: 1000000 } }] }, 'definition.coverages.0.limits.each_occurence'],
    ['a zero limit', { coverages: [{ coverage: 'general_liability', limits: { each_occurrence: 0 } }] }, 'definition.coverages.0.limits.each_occurrence'],
    ['a fractional limit', { coverages: [{ coverage: 'automobile_liability', limits: { combined_single_limit: 99.5 } }] }, 'definition.coverages.0.limits.combined_single_limit'],
    ['an unknown coverage', { coverages: [{ coverage: 'cyber', limits: {} }] }, 'definition.coverages.0.coverage'],
    ['other without description', { coverages: [{ coverage: 'other', limits: { each_claim: 1 } }] }, 'definition.coverages.0.description'],
    ['the same coverage twice', { coverages: [{ coverage: 'umbrella_liability' }, { coverage: 'umbrella_liability' }] }, 'definition.coverages.1.coverage'],
    ['a bad insurer rating', { minimumInsurerRating: 'AAA' }, 'definition.minimumInsurerRating'],
    ['a bad NAIC code', { approvedInsurerNaics: ['123'] }, 'definition.approvedInsurerNaics.0'],
    ['an expiring window above a year', { expiringWithinDays: 366 }, 'definition.expiringWithinDays'],
  ])('refuses %s, naming %s, and writes nothing', async (_label, definition, field) => {
    const name = `Invalid ${Math.random()}`;
    const res = await owner.request('POST', '/api/v1/requirement-sets', { name, definition });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toContain(field);
    expect(await listNames(owner, `&q=${encodeURIComponent(name)}`)).toEqual([]);
  });

  it('refuses a name already used, whatever its case, on create and rename', async () => {
    await createSet(owner, { name: 'High-risk trade', definition: { coverages: [] } });
    const dup = await owner.request('POST', '/api/v1/requirement-sets', { name: 'HIGH-RISK TRADE', definition: { coverages: [] } });
    expect(dup.statusCode).toBe(409);
    expect(fieldsOf(dup)).toEqual(['name']);
    const other = await createSet(owner, { name: 'Low-risk trade', definition: { coverages: [] } });
    const rename = await owner.request('PATCH', `/api/v1/requirement-sets/${other.id}`, { name: 'high-risk trade', description: 'not saved' });
    expect(rename.statusCode).toBe(409);
    expect((await owner.request('GET', `/api/v1/requirement-sets/${other.id}`)).json()).toMatchObject({ name: 'Low-risk trade', description: null });
  });

  it('names the fields of the request itself', async () => {
    const res = await owner.request('POST', '/api/v1/requirement-sets', { name: '', definition: 'none' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res).sort()).toEqual(['definition', 'name']);
  });
});

describe('requirement set import and export', () => {
  it('imports the contract example and exports it back in the contract format', async () => {
    const res = await owner.request('POST', '/api/v1/requirement-sets/import', contractExample);
    expect(res.statusCode, res.body).toBe(201);
    const set = res.json();
    expect(set).toMatchObject({ name: 'Standard subcontractor', description: null, coverageCount: 5 });
    expect(set.summary).toContain('Professional Liability: $1,000,000 each claim');

    const exported = await owner.request('GET', `/api/v1/requirement-sets/${set.id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/json/);
    expect(exported.headers['content-disposition']).toBe('attachment; filename="standard-subcontractor.json"');
    // the example with the defaults it leaves out spelled out: nothing else added, nothing lost
    const [gl, auto, umbrella, comp, other] = contractExample.coverages;
    const off = { additionalInsured: false, subrogationWaived: false, primaryNonContributory: false, umbrellaMayApply: false };
    expect(exported.json()).toEqual({
      ...contractExample,
      coverages: [gl, { ...off, ...auto }, { ...off, ...umbrella }, { ...off, ...comp }, { ...off, ...other }],
    });

    const audit = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, set.id));
    expect(audit.map((a) => [a.action, a.changes])).toEqual([['requirement_set.imported', { name: 'Standard subcontractor' }]]);
  });

  it('refuses a name clash with 409 unless asked to rename, then numbers the copies', async () => {
    const definition = { schemaVersion: 1, name: 'Light vendor', coverages: [generalLiability] };
    const original = (await owner.request('POST', '/api/v1/requirement-sets/import', definition)).json();
    const clash = await owner.request('POST', '/api/v1/requirement-sets/import', { ...definition, name: 'LIGHT VENDOR' });
    expect(clash.statusCode).toBe(409);
    expect(fieldsOf(clash)).toEqual(['name']);
    expect(clash.json().error.message).toContain('rename=true');

    const copy = await owner.request('POST', '/api/v1/requirement-sets/import?rename=true', definition);
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ name: 'Light vendor (2)', definition: { name: 'Light vendor (2)' } });
    const third = await owner.request('POST', '/api/v1/requirement-sets/import?rename=true', definition);
    expect(third.json().name).toBe('Light vendor (3)');
    // a free name is kept as it is
    const fresh = await owner.request('POST', '/api/v1/requirement-sets/import?rename=true', { ...definition, name: 'Fresh vendor' });
    expect(fresh.json().name).toBe('Fresh vendor');
    expect(await listNames(owner, '&q=light%20vendor')).toEqual(['Light vendor', 'Light vendor (2)', 'Light vendor (3)']);

    const audit = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, copy.json().id));
    expect(audit[0]!.changes).toEqual({ name: 'Light vendor (2)', renamedFrom: 'Light vendor' });
    expect(original.name).toBe('Light vendor');
  });

  it('round-trips: an export imports as an equal set', async () => {
    const set = await createSet(owner, {
      name: 'Round trip',
      definition: { coverages: [generalLiability], minimumInsurerRating: 'A- VIII', approvedInsurerNaics: ['12345'], descriptionMustMention: ['Job 42'] },
    });
    const exported = (await owner.request('GET', `/api/v1/requirement-sets/${set.id}/export`)).json();
    const imported = (await owner.request('POST', '/api/v1/requirement-sets/import?rename=true', exported)).json();
    expect(imported.name).toBe('Round trip (2)');
    expect({ ...imported.definition, name: 'Round trip' }).toEqual(set.definition);
    expect(imported.summary).toEqual(set.summary);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a misspelt limit key', { coverages: [{ coverage: 'general_liability', limits: { each_occurence: 1 } }] }, 'coverages.0.limits.each_occurence'],
    ['a missing schema version', { schemaVersion: undefined }, 'schemaVersion'],
    ['schema version 2', { schemaVersion: 2 }, 'schemaVersion'],
    ['a missing name', { name: undefined }, 'name'],
    ['an unknown field', { extra: true }, ''],
  ])('refuses to import %s, naming %s', async (_label, change, field) => {
    const res = await owner.request('POST', '/api/v1/requirement-sets/import', { schemaVersion: 1, name: `Bad import ${Math.random()}`, ...change });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toContain(field || 'body');
  });

  it.each([
    ['Standard subcontractor', 'standard-subcontractor.json'],
    ['Café & Bar — tenants', 'cafe-bar-tenants.json'],
    ['  "quoted" / slashed  ', 'quoted-slashed.json'],
    ['日本', 'requirement-set.json'],
  ])('names the export of %j %s', (name, file) => {
    expect(exportFileName(name)).toBe(file);
  });
});

describe('requirement set access', () => {
  it("answers 404 to another organization for every row, and never lists them", async () => {
    const set = await createSet(owner, { name: 'Private set', definition: { coverages: [generalLiability] } });
    const other = await signUp(t.app, { organizationName: 'Other Org' });
    for (const [method, url, body] of [
      ['GET', `/api/v1/requirement-sets/${set.id}`],
      ['GET', `/api/v1/requirement-sets/${set.id}/export`],
      ['PATCH', `/api/v1/requirement-sets/${set.id}`, { name: 'Taken over' }],
      ['DELETE', `/api/v1/requirement-sets/${set.id}`],
    ] as const) {
      expect((await other.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await other.request('GET', '/api/v1/requirement-sets?q=private')).json()).toMatchObject({ total: 0, items: [] });
    // names are unique per organization only
    expect((await other.request('POST', '/api/v1/requirement-sets/import', { schemaVersion: 1, name: 'Private set' })).statusCode).toBe(201);
    expect((await owner.request('GET', `/api/v1/requirement-sets/${set.id}`)).json().name).toBe('Private set');
  });

  it('lets a viewer read and export but not write, and keeps deletion to admins', async () => {
    const set = await createSet(owner, { name: 'Role set', definition: { coverages: [] } });
    const keyFor = async (role: string) => (await owner.request('POST', '/api/v1/api-keys', { name: `${role} key`, role })).json().key as string;
    const viewer = withApiKey(t.app, await keyFor('viewer'));
    expect((await viewer('GET', `/api/v1/requirement-sets/${set.id}`)).statusCode).toBe(200);
    expect((await viewer('GET', `/api/v1/requirement-sets/${set.id}/export`)).statusCode).toBe(200);
    expect((await viewer('POST', '/api/v1/requirement-sets', { name: 'Nope', definition: { coverages: [] } })).statusCode).toBe(403);
    expect((await viewer('POST', '/api/v1/requirement-sets/import', { schemaVersion: 1, name: 'Nope' })).statusCode).toBe(403);
    expect((await viewer('PATCH', `/api/v1/requirement-sets/${set.id}`, { name: 'Nope' })).statusCode).toBe(403);
    expect((await viewer('DELETE', `/api/v1/requirement-sets/${set.id}`)).statusCode).toBe(403);

    const editor = withApiKey(t.app, await keyFor('editor'));
    expect((await editor('PATCH', `/api/v1/requirement-sets/${set.id}`, { description: 'by key' })).statusCode).toBe(200);
    expect((await editor('DELETE', `/api/v1/requirement-sets/${set.id}`)).statusCode).toBe(403);
    expect(await listNames(owner, '&q=nope')).toEqual([]);
  });
});

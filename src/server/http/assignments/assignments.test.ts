import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.js';
import { createTestApp, signUp, withApiKey, type Session, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
let owner: Session;
let other: Session;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app, { organizationName: 'Acme Property Group' });
  other = await signUp(t.app, { organizationName: 'Other Org' });
});
afterAll(() => t?.close());

const create = async (session: Session, url: string, body: Record<string, unknown>) => {
  const res = await session.request('POST', url, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const newInsured = (session: Session, legalName = 'Blue Line Plumbing, Inc.') => create(session, '/api/v1/insureds', { legalName });
const newLocation = (session: Session, name: string) => create(session, '/api/v1/locations', { name });
const newSet = (session: Session, name: string) => create(session, '/api/v1/requirement-sets', { name, definition: { coverages: [] } });
const assignmentsOf = async (insuredId: string) => (await owner.request('GET', `/api/v1/insureds/${insuredId}/assignments`)).json();

describe('assignments', () => {
  it('assigns an insured to locations, changes the requirement set and removes it, auditing each change', async () => {
    const insuredId = await newInsured(owner);
    const plaza = await newLocation(owner, 'Riverside Plaza');
    const tower = await newLocation(owner, 'Congress Tower');
    const standard = await newSet(owner, 'Standard subcontractor');
    const light = await newSet(owner, 'Light vendor');

    const res = await owner.request('POST', `/api/v1/insureds/${insuredId}/assignments`, { locationId: plaza, requirementSetId: standard });
    expect(res.statusCode).toBe(201);
    const assignment = res.json();
    expect(assignment).toMatchObject({
      insuredId,
      locationId: plaza,
      locationName: 'Riverside Plaza',
      requirementSetId: standard,
      requirementSetName: 'Standard subcontractor',
    });
    // the requirement set may be left for later
    await create(owner, `/api/v1/insureds/${insuredId}/assignments`, { locationId: tower });

    const list = await assignmentsOf(insuredId);
    expect(list).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(list.items.map((a: { locationName: string; requirementSetName: string | null }) => [a.locationName, a.requirementSetName])).toEqual([
      ['Congress Tower', null],
      ['Riverside Plaza', 'Standard subcontractor'],
    ]);

    const changed = await owner.request('PATCH', `/api/v1/assignments/${assignment.id}`, { requirementSetId: light });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ requirementSetId: light, requirementSetName: 'Light vendor', locationName: 'Riverside Plaza' });
    const cleared = await owner.request('PATCH', `/api/v1/assignments/${assignment.id}`, { requirementSetId: null });
    expect(cleared.json()).toMatchObject({ requirementSetId: null, requirementSetName: null });

    expect((await owner.request('DELETE', `/api/v1/assignments/${assignment.id}`)).statusCode).toBe(204);
    expect((await owner.request('DELETE', `/api/v1/assignments/${assignment.id}`)).statusCode).toBe(404);
    expect((await assignmentsOf(insuredId)).total).toBe(1);

    const audit = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, assignment.id)).orderBy(auditLog.id);
    expect(audit.map((a) => [a.action, a.changes])).toEqual([
      ['assignment.created', { insuredId, locationId: plaza, requirementSetId: standard }],
      ['assignment.updated', { requirementSetId: { from: standard, to: light } }],
      ['assignment.updated', { requirementSetId: { from: light, to: null } }],
      ['assignment.deleted', { insuredId, locationId: plaza }],
    ]);
  });

  it('refuses a second assignment to the same location with 409', async () => {
    const insuredId = await newInsured(owner, 'Twice Co');
    const locationId = await newLocation(owner, 'Twice Site');
    await create(owner, `/api/v1/insureds/${insuredId}/assignments`, { locationId });
    const again = await owner.request('POST', `/api/v1/insureds/${insuredId}/assignments`, { locationId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.fields[0].field).toBe('locationId');
    expect((await assignmentsOf(insuredId)).total).toBe(1);
  });

  it.each<[string, (ids: { foreignLocation: string; foreignSet: string; location: string }) => Record<string, unknown>, string]>([
    ["another organization's location", (ids) => ({ locationId: ids.foreignLocation }), 'Location not found'],
    ['an unknown location', () => ({ locationId: '00000000-0000-4000-8000-000000000000' }), 'Location not found'],
    ["another organization's requirement set", (ids) => ({ locationId: ids.location, requirementSetId: ids.foreignSet }), 'Requirement set not found'],
    ['an unknown requirement set', (ids) => ({ locationId: ids.location, requirementSetId: '00000000-0000-4000-8000-000000000000' }), 'Requirement set not found'],
  ])('never links %s: 404 naming it, nothing written', async (_label, body, message) => {
    const insuredId = await newInsured(owner, 'Linker Co');
    const ids = {
      foreignLocation: await newLocation(other, 'Their Site'),
      foreignSet: await newSet(other, `Their Set ${Math.random()}`),
      location: await newLocation(owner, 'Our Site'),
    };
    const res = await owner.request('POST', `/api/v1/insureds/${insuredId}/assignments`, body(ids));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe(message);
    expect((await assignmentsOf(insuredId)).total).toBe(0);
  });

  it("refuses to switch an assignment to another organization's requirement set", async () => {
    const insuredId = await newInsured(owner, 'Switch Co');
    const assignmentId = await create(owner, `/api/v1/insureds/${insuredId}/assignments`, { locationId: await newLocation(owner, 'Switch Site') });
    const foreignSet = await newSet(other, 'Their Switch Set');
    const res = await owner.request('PATCH', `/api/v1/assignments/${assignmentId}`, { requirementSetId: foreignSet });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Requirement set not found');
    expect((await assignmentsOf(insuredId)).items[0].requirementSetId).toBeNull();
  });

  it('names the field at fault', async () => {
    const insuredId = await newInsured(owner, 'Bad Input Co');
    const res = await owner.request('POST', `/api/v1/insureds/${insuredId}/assignments`, { locationId: 'plaza', requirementSetId: 7 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['locationId', 'requirementSetId']);
    const missing = await owner.request('PATCH', '/api/v1/assignments/00000000-0000-4000-8000-000000000000', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields[0].field).toBe('requirementSetId');
  });

  it('answers 404 for an unknown insured', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await owner.request('GET', `/api/v1/insureds/${unknown}/assignments`)).statusCode).toBe(404);
    const locationId = await newLocation(owner, 'Orphan Site');
    const res = await owner.request('POST', `/api/v1/insureds/${unknown}/assignments`, { locationId });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('Insured not found');
  });
});

describe('assignment access', () => {
  it("answers 404 to another organization for every row, and never lists them", async () => {
    const insuredId = await newInsured(owner, 'Private Assignments Co');
    const locationId = await newLocation(owner, 'Private Site');
    const assignmentId = await create(owner, `/api/v1/insureds/${insuredId}/assignments`, { locationId });
    const theirLocation = await newLocation(other, 'Their Other Site');
    expect((await other.request('GET', `/api/v1/insureds/${insuredId}/assignments`)).statusCode).toBe(404);
    expect((await other.request('POST', `/api/v1/insureds/${insuredId}/assignments`, { locationId: theirLocation })).statusCode).toBe(404);
    expect((await other.request('PATCH', `/api/v1/assignments/${assignmentId}`, { requirementSetId: null })).statusCode).toBe(404);
    expect((await other.request('DELETE', `/api/v1/assignments/${assignmentId}`)).statusCode).toBe(404);
    // nor can they find our insureds through our location
    expect((await other.request('GET', `/api/v1/insureds?locationId=${locationId}`)).json().total).toBe(0);
    expect((await assignmentsOf(insuredId)).total).toBe(1);
  });

  it('lets a viewer read but not write', async () => {
    const insuredId = await newInsured(owner, 'Viewer Assignments Co');
    const assignmentId = await create(owner, `/api/v1/insureds/${insuredId}/assignments`, { locationId: await newLocation(owner, 'Viewer Site') });
    const { key } = (await owner.request('POST', '/api/v1/api-keys', { name: 'viewer', role: 'viewer' })).json();
    const viewer = withApiKey(t.app, key);
    expect((await viewer('GET', `/api/v1/insureds/${insuredId}/assignments`)).statusCode).toBe(200);
    const locationId = await newLocation(owner, 'Viewer Site 2');
    expect((await viewer('POST', `/api/v1/insureds/${insuredId}/assignments`, { locationId })).statusCode).toBe(403);
    expect((await viewer('PATCH', `/api/v1/assignments/${assignmentId}`, { requirementSetId: null })).statusCode).toBe(403);
    expect((await viewer('DELETE', `/api/v1/assignments/${assignmentId}`)).statusCode).toBe(403);
    expect((await assignmentsOf(insuredId)).total).toBe(1);
  });
});

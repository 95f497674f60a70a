import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema.js';
import { createTestApp, signUp, withApiKey, type Session, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app, { organizationName: 'Acme Property Group' });
});
afterAll(() => t?.close());

const newInsured = async (session: Session, legalName = 'Blue Line Plumbing, Inc.') =>
  (await session.request('POST', '/api/v1/insureds', { legalName })).json().id as string;
const addContact = async (insuredId: string, body: Record<string, unknown>) => {
  const res = await owner.request('POST', `/api/v1/insureds/${insuredId}/contacts`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const contactsOf = async (insuredId: string) => (await owner.request('GET', `/api/v1/insureds/${insuredId}/contacts`)).json();
const primaries = async (insuredId: string) =>
  (await contactsOf(insuredId)).items.filter((c: { isPrimary: boolean }) => c.isPrimary).map((c: { name: string; kind: string }) => `${c.kind}:${c.name}`).sort();

describe('contacts', () => {
  it('adds, lists, updates and deletes contacts, auditing each change', async () => {
    const insuredId = await newInsured(owner);
    const contact = await addContact(insuredId, { name: 'Dana Reyes', email: 'dana@blueline.example', phone: '512-555-0100', title: 'Office Manager' });
    expect(contact).toMatchObject({
      insuredId,
      kind: 'vendor',
      name: 'Dana Reyes',
      email: 'dana@blueline.example',
      phone: '512-555-0100',
      title: 'Office Manager',
      company: null,
      isPrimary: false,
    });
    await addContact(insuredId, { kind: 'broker', name: 'Sam Agent', company: 'Lone Star Insurance Agency', email: '' });

    const list = await contactsOf(insuredId);
    expect(list).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(list.items.map((c: { name: string; email: string | null }) => [c.name, c.email])).toEqual([
      ['Dana Reyes', 'dana@blueline.example'],
      ['Sam Agent', null],
    ]);

    const updated = await owner.request('PATCH', `/api/v1/contacts/${contact.id}`, { title: 'Controller' });
    expect(updated.statusCode).toBe(200);
    // what the PATCH leaves out stays as it was
    expect(updated.json()).toMatchObject({ title: 'Controller', email: 'dana@blueline.example', phone: '512-555-0100', kind: 'vendor' });

    expect((await owner.request('DELETE', `/api/v1/contacts/${contact.id}`)).statusCode).toBe(204);
    expect((await owner.request('DELETE', `/api/v1/contacts/${contact.id}`)).statusCode).toBe(404);
    expect((await contactsOf(insuredId)).total).toBe(1);

    const audit = await t.ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, contact.id)).orderBy(auditLog.id);
    expect(audit.map((a) => [a.action, a.changes])).toEqual([
      ['contact.created', { insuredId, kind: 'vendor', name: 'Dana Reyes', isPrimary: false }],
      ['contact.updated', { title: { from: 'Office Manager', to: 'Controller' } }],
      ['contact.deleted', { insuredId, kind: 'vendor', name: 'Dana Reyes' }],
    ]);
  });

  it('keeps one primary contact per kind', async () => {
    const insuredId = await newInsured(owner, 'Primary Co');
    const first = await addContact(insuredId, { name: 'First', isPrimary: true });
    await addContact(insuredId, { kind: 'broker', name: 'Broker', isPrimary: true });
    const second = await addContact(insuredId, { name: 'Second', isPrimary: true });
    expect(await primaries(insuredId)).toEqual(['broker:Broker', 'vendor:Second']);

    await owner.request('PATCH', `/api/v1/contacts/${first.id}`, { isPrimary: true });
    expect(await primaries(insuredId)).toEqual(['broker:Broker', 'vendor:First']);

    // the primary broker becomes a vendor contact: it stays primary, and takes the flag from the vendor
    const broker = (await contactsOf(insuredId)).items.find((c: { kind: string }) => c.kind === 'broker');
    await owner.request('PATCH', `/api/v1/contacts/${broker.id}`, { kind: 'vendor' });
    expect(await primaries(insuredId)).toEqual(['vendor:Broker']);

    // another insured's primary is left alone
    const otherInsured = await newInsured(owner, 'Other Primary Co');
    await addContact(otherInsured, { name: 'Elsewhere', isPrimary: true });
    expect(await primaries(insuredId)).toEqual(['vendor:Broker']);
    expect(second.isPrimary).toBe(true);
  });

  it('names the field at fault and writes nothing', async () => {
    const insuredId = await newInsured(owner, 'Validation Co');
    const res = await owner.request('POST', `/api/v1/insureds/${insuredId}/contacts`, { name: '', email: 'not-an-email', kind: 'agent' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'kind', 'name']);
    const contact = await addContact(insuredId, { name: 'Valid' });
    const bad = await owner.request('PATCH', `/api/v1/contacts/${contact.id}`, { email: 'still@not' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('email');
    expect((await contactsOf(insuredId)).total).toBe(1);
  });

  it('answers 404 for unknown insureds and contacts', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await owner.request('GET', `/api/v1/insureds/${unknown}/contacts`)).statusCode).toBe(404);
    const create = await owner.request('POST', `/api/v1/insureds/${unknown}/contacts`, { name: 'Ghost' });
    expect(create.statusCode).toBe(404);
    expect(create.json().error.message).toBe('Insured not found');
    expect((await owner.request('PATCH', `/api/v1/contacts/${unknown}`, { name: 'Ghost' })).statusCode).toBe(404);
    expect((await owner.request('DELETE', `/api/v1/contacts/${unknown}`)).statusCode).toBe(404);
  });
});

describe('contact access', () => {
  it("answers 404 to another organization for every row, and never lists them", async () => {
    const insuredId = await newInsured(owner, 'Private Contacts Co');
    const contact = await addContact(insuredId, { name: 'Private Person', email: 'private@example.test' });
    const other = await signUp(t.app, { organizationName: 'Other Org' });
    expect((await other.request('GET', `/api/v1/insureds/${insuredId}/contacts`)).statusCode).toBe(404);
    expect((await other.request('POST', `/api/v1/insureds/${insuredId}/contacts`, { name: 'Intruder' })).statusCode).toBe(404);
    expect((await other.request('PATCH', `/api/v1/contacts/${contact.id}`, { name: 'Renamed' })).statusCode).toBe(404);
    expect((await other.request('DELETE', `/api/v1/contacts/${contact.id}`)).statusCode).toBe(404);
    const ownInsured = await newInsured(other, 'Their Own Co');
    expect((await other.request('GET', `/api/v1/insureds/${ownInsured}/contacts`)).json()).toMatchObject({ total: 0, items: [] });
    expect((await contactsOf(insuredId)).items.map((c: { name: string }) => c.name)).toEqual(['Private Person']);
  });

  it('lets a viewer read but not write', async () => {
    const insuredId = await newInsured(owner, 'Viewer Contacts Co');
    const contact = await addContact(insuredId, { name: 'Read Only' });
    const { key } = (await owner.request('POST', '/api/v1/api-keys', { name: 'viewer', role: 'viewer' })).json();
    const viewer = withApiKey(t.app, key);
    expect((await viewer('GET', `/api/v1/insureds/${insuredId}/contacts`)).statusCode).toBe(200);
    expect((await viewer('POST', `/api/v1/insureds/${insuredId}/contacts`, { name: 'Nope' })).statusCode).toBe(403);
    expect((await viewer('PATCH', `/api/v1/contacts/${contact.id}`, { name: 'Nope' })).statusCode).toBe(403);
    expect((await viewer('DELETE', `/api/v1/contacts/${contact.id}`)).statusCode).toBe(403);
    expect((await contactsOf(insuredId)).items.map((c: { name: string }) => c.name)).toEqual(['Read Only']);
  });
});

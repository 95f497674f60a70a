import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type Session, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t.app, { organizationName: 'Acme Property Group' });
});
afterAll(() => t?.close());

describe('locations', () => {
  it('creates, lists, searches, updates and deletes a location', async () => {
    const created = await owner.request('POST', '/api/v1/locations', {
      name: 'Riverside Plaza',
      code: 'RVP',
      kind: 'property',
      address: { lines: ['100 River Rd'], city: 'Austin', state: 'TX', postalCode: '78701' },
      activeFrom: '2026-01-01',
    });
    expect(created.statusCode).toBe(201);
    const location = created.json();
    expect(location).toMatchObject({ name: 'Riverside Plaza', code: 'RVP', kind: 'property', insuredCount: 0 });

    await owner.request('POST', '/api/v1/locations', { name: 'Warehouse 9' });
    const search = await owner.request('GET', '/api/v1/locations?q=river');
    expect(search.json()).toMatchObject({ total: 1, items: [{ id: location.id }] });

    const updated = await owner.request('PATCH', `/api/v1/locations/${location.id}`, { activeTo: '2027-06-30', archived: true });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ activeTo: '2027-06-30', archived: true });
    // fields a PATCH does not name keep their values
    expect(updated.json()).toMatchObject({ kind: 'property', code: 'RVP', activeFrom: '2026-01-01' });
    const active = await owner.request('GET', '/api/v1/locations?archived=false');
    expect(active.json().items.map((l: { name: string }) => l.name)).toEqual(['Warehouse 9']);

    const removed = await owner.request('DELETE', `/api/v1/locations/${location.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await owner.request('GET', `/api/v1/locations/${location.id}`)).statusCode).toBe(404);
  });

  it('counts the insureds assigned to a location', async () => {
    const location = (await owner.request('POST', '/api/v1/locations', { name: 'Counted' })).json();
    for (const legalName of ['One LLC', 'Two LLC']) {
      const insured = (await owner.request('POST', '/api/v1/insureds', { legalName })).json();
      await owner.request('POST', `/api/v1/insureds/${insured.id}/assignments`, { locationId: location.id });
    }
    expect((await owner.request('GET', `/api/v1/locations/${location.id}`)).json().insuredCount).toBe(2);
    const listed = (await owner.request('GET', '/api/v1/locations?q=Counted')).json().items[0];
    expect(listed.insuredCount).toBe(2);
  });

  it('names the field at fault', async () => {
    const res = await owner.request('POST', '/api/v1/locations', { name: '', activeFrom: '2026-02-30' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['activeFrom', 'name']);
  });

  it('refines end before start', async () => {
    const res = await owner.request('POST', '/api/v1/locations', { name: 'X', activeFrom: '2026-05-01', activeTo: '2026-04-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('activeTo');
  });

  it('refuses a duplicate code with 409 and writes nothing', async () => {
    expect((await owner.request('POST', '/api/v1/locations', { name: 'A', code: 'dup' })).statusCode).toBe(201);
    const again = await owner.request('POST', '/api/v1/locations', { name: 'B', code: 'DUP' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.fields[0].field).toBe('code');
    const list = await owner.request('GET', '/api/v1/locations?q=dup');
    expect(list.json().total).toBe(1);
  });

  it('paginates', async () => {
    for (let i = 0; i < 5; i++) await owner.request('POST', '/api/v1/locations', { name: `Page ${i}` });
    const first = await owner.request('GET', '/api/v1/locations?q=Page&limit=2');
    expect(first.json()).toMatchObject({ total: 5, limit: 2, offset: 0 });
    expect(first.json().items).toHaveLength(2);
    const last = await owner.request('GET', '/api/v1/locations?q=Page&limit=2&offset=4');
    expect(last.json().items).toHaveLength(1);
    expect((await owner.request('GET', '/api/v1/locations?limit=500')).statusCode).toBe(400);
  });
});

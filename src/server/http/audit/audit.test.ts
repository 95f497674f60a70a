import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, withApiKey, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { auditLog } from '../../db/schema.js';
import { apiKey, createInsured } from '../certificates/test-fixtures.js';

let t: TestApp;
let owner: Session;
let other: Session;

beforeAll(async () => {
  // nothing here queues jobs; without workers these apps cannot take other test files' jobs off a shared PostgreSQL queue
  t = await createTestApp({ workers: false });
  owner = await signUp(t.app, { organizationName: 'Acme Property Group', name: 'Olive Owner' });
  other = await signUp(t.app, { organizationName: 'Other Org', name: 'Oscar Other' });
});
afterAll(() => t?.close());

type Entry = { id: number; action: string; entityType: string; entityId: string | null; actor: { type: string; id: string | null; name: string | null } | null; changes: Record<string, unknown> | null; createdAt: string };
const itemsOf = async (session: Session, query = '') => (await session.request('GET', `/api/v1/audit-log${query}`)).json().items as Entry[];

describe('audit log', () => {
  it('lists the organization’s entries newest first, with who did what', async () => {
    const insuredId = await createInsured(t, owner, 'Acme Roofing LLC');
    const key = await apiKey(owner, 'editor');
    const viaKey = await withApiKey(t.app, key)('POST', '/api/v1/certificates', { insuredId });
    expect(viaKey.statusCode).toBe(201);
    const certificateId = viaKey.json().id;

    const entries = await itemsOf(owner);
    expect(entries[0]).toMatchObject({
      action: 'certificate.created',
      entityType: 'certificate',
      entityId: certificateId,
      actor: { type: 'api_key', name: 'editor key' },
      changes: { insuredId, source: 'manual' },
    });
    expect(entries[1]).toMatchObject({ action: 'api_key.created', actor: { type: 'user', id: owner.userId, name: 'Olive Owner' } });
    const times = entries.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(typeof entries[0]!.id).toBe('number');

    expect((await itemsOf(owner, `?entityId=${certificateId}`)).map((e) => e.action)).toEqual(['certificate.created']);
    expect((await itemsOf(owner, '?entityType=api_key')).every((e) => e.entityType === 'api_key')).toBe(true);
    expect((await itemsOf(owner, '?action=api_key.created')).length).toBe(1);
    const byUser = await itemsOf(owner, `?actorUserId=${owner.userId}`);
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.every((e) => e.actor?.id === owner.userId)).toBe(true);
  });

  it('filters by time (both ends inclusive) and paginates', async () => {
    const { db } = t.ctx.database;
    const at = (iso: string) => ({ organizationId: owner.organizationId, action: 'test.event', entityType: 'test', entityId: iso, createdAt: new Date(iso) });
    await db.insert(auditLog).values([at('2020-01-01T00:00:00Z'), at('2020-01-02T00:00:00Z'), at('2020-01-03T00:00:00Z')]);

    const window = await itemsOf(owner, '?from=2020-01-02T00:00:00Z&to=2020-01-03T00:00:00Z');
    expect(window.map((e) => e.entityId)).toEqual(['2020-01-03T00:00:00Z', '2020-01-02T00:00:00Z']);
    const offsetForm = await itemsOf(owner, `?to=${encodeURIComponent('2020-01-01T01:00:00+01:00')}`);
    expect(offsetForm.map((e) => e.entityId)).toEqual(['2020-01-01T00:00:00Z']);
    // written by the server itself: no user, no key
    expect(window[0]!.actor).toEqual({ type: 'system', id: null, name: null });

    const res = await owner.request('GET', '/api/v1/audit-log?action=test.event&limit=2&offset=2');
    expect(res.json()).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(res.json().items.map((e: Entry) => e.entityId)).toEqual(['2020-01-01T00:00:00Z']);

    const bad = await owner.request('GET', '/api/v1/audit-log?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('querystring.from');
    const reversed = await owner.request('GET', '/api/v1/audit-log?from=2020-01-03T00:00:00Z&to=2020-01-01T00:00:00Z');
    expect(reversed.statusCode).toBe(400);
  });

  it('is readable by a viewer', async () => {
    const viewer = withApiKey(t.app, await apiKey(owner, 'viewer'));
    const res = await viewer('GET', '/api/v1/audit-log');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
  });

  it('shows each organization only its own entries', async () => {
    await createInsured(t, other, 'Other Vendor');
    const mine = await owner.request('GET', '/api/v1/audit-log?limit=200');
    const theirs = await other.request('GET', '/api/v1/audit-log?limit=200');
    const mineIds = new Set(mine.json().items.map((e: Entry) => e.id));
    expect(theirs.json().items.length).toBeGreaterThan(0);
    expect(theirs.json().items.some((e: Entry) => mineIds.has(e.id))).toBe(false);
    expect(theirs.json().items.every((e: Entry) => e.actor?.type !== 'user' || e.actor.id === other.userId)).toBe(true);
    expect((await other.request('GET', `/api/v1/audit-log?actorUserId=${owner.userId}`)).json().total).toBe(0);
    // choosing the other organization by header is refused, not answered with its entries
    const crossing = await other.request('GET', '/api/v1/audit-log', undefined, { 'x-organization-id': owner.organizationId });
    expect(crossing.statusCode).toBe(404);
  });
});

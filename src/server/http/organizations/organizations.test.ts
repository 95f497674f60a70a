import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, signUp, uniqueEmail, withApiKey, type Session, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

async function addMember(owner: Session, role: 'admin' | 'editor' | 'viewer') {
  const email = uniqueEmail(role);
  const sent = await owner.request('POST', '/api/v1/invitations-sent', { email, role });
  const token = sent.json().link.split('/invite/')[1];
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: role, password: PASSWORD } });
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const userId = res.json().user.id as string;
  return {
    userId,
    request: (method: string, url: string, payload?: unknown) =>
      t.app.inject({ method: method as 'GET', url, payload: payload as object, headers: { cookie, 'x-organization-id': owner.organizationId } }),
  };
}

describe('organizations', () => {
  it('lets one user work across several organizations, chosen per request', async () => {
    const user = await signUp(t.app, { organizationName: 'Client A' });
    const created = await user.request('POST', '/api/v1/organizations', { name: 'Client B', timeZone: 'America/Chicago' });
    expect(created.statusCode).toBe(201);
    const orgB = created.json().id;
    await user.request('POST', '/api/v1/locations', { name: 'Only in A' });
    await user.request('POST', '/api/v1/locations', { name: 'Only in B' }, { 'x-organization-id': orgB });
    const inA = await user.request('GET', '/api/v1/locations');
    const inB = await user.request('GET', '/api/v1/locations', undefined, { 'x-organization-id': orgB });
    expect(inA.json().items.map((l: { name: string }) => l.name)).toEqual(['Only in A']);
    expect(inB.json().items.map((l: { name: string }) => l.name)).toEqual(['Only in B']);
    const orgs = await user.request('GET', '/api/v1/organizations');
    expect(orgs.json().items.map((o: { name: string }) => o.name)).toEqual(['Client A', 'Client B']);
  });

  it('refuses an unknown time zone, naming the field', async () => {
    const user = await signUp(t.app);
    const res = await user.request('PATCH', '/api/v1/organization', { timeZone: 'Mars/Olympus' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('timeZone');
  });
});

describe('roles', () => {
  it('enforces viewer < editor < admin < owner', async () => {
    const owner = await signUp(t.app, { organizationName: 'Roles Inc' });
    const viewer = await addMember(owner, 'viewer');
    const editor = await addMember(owner, 'editor');
    const admin = await addMember(owner, 'admin');

    expect((await viewer.request('GET', '/api/v1/locations')).statusCode).toBe(200);
    expect((await viewer.request('POST', '/api/v1/locations', { name: 'No' })).statusCode).toBe(403);
    const loc = await editor.request('POST', '/api/v1/locations', { name: 'Yes' });
    expect(loc.statusCode).toBe(201);
    expect((await editor.request('DELETE', `/api/v1/locations/${loc.json().id}`)).statusCode).toBe(403);
    expect((await editor.request('GET', '/api/v1/api-keys')).statusCode).toBe(403);
    expect((await admin.request('DELETE', `/api/v1/locations/${loc.json().id}`)).statusCode).toBe(204);

    // admins manage members but cannot touch owners
    expect((await admin.request('PATCH', `/api/v1/members/${viewer.userId}`, { role: 'editor' })).statusCode).toBe(200);
    expect((await admin.request('PATCH', `/api/v1/members/${owner.userId}`, { role: 'viewer' })).statusCode).toBe(403);
    expect((await admin.request('PATCH', `/api/v1/members/${viewer.userId}`, { role: 'owner' })).statusCode).toBe(403);
  });

  it('keeps at least one owner', async () => {
    const owner = await signUp(t.app);
    const res = await owner.request('PATCH', `/api/v1/members/${owner.userId}`, { role: 'admin' });
    expect(res.statusCode).toBe(409);
    expect((await owner.request('DELETE', `/api/v1/members/${owner.userId}`)).statusCode).toBe(409);
  });

  it('removes a member, who then loses access', async () => {
    const owner = await signUp(t.app);
    const editor = await addMember(owner, 'editor');
    expect((await owner.request('DELETE', `/api/v1/members/${editor.userId}`)).statusCode).toBe(204);
    expect((await editor.request('GET', '/api/v1/locations')).statusCode).toBe(404);
  });
});

describe('API keys', () => {
  it('creates a key shown once, authenticates with it in its organization, and revokes it', async () => {
    const owner = await signUp(t.app, { organizationName: 'Integrations' });
    const created = await owner.request('POST', '/api/v1/api-keys', { name: 'ERP sync', role: 'editor' });
    expect(created.statusCode).toBe(201);
    const { key, apiKey } = created.json();
    expect(key).toMatch(/^coi_/);
    expect(apiKey.prefix).toBe(key.slice(0, 10));
    const list = await owner.request('GET', '/api/v1/api-keys');
    expect(JSON.stringify(list.json())).not.toContain(key);

    const call = withApiKey(t.app, key);
    expect((await call('POST', '/api/v1/locations', { name: 'Via key' })).statusCode).toBe(201);
    expect((await call('GET', '/api/v1/organizations')).json().items).toMatchObject([{ name: 'Integrations' }]);
    // a key cannot create keys or act as a person
    expect((await call('GET', '/api/v1/auth/me')).statusCode).toBe(403);

    expect((await owner.request('DELETE', `/api/v1/api-keys/${apiKey.id}`)).statusCode).toBe(204);
    const after = await call('GET', '/api/v1/locations');
    expect(after.statusCode).toBe(401);
  });

  it('rejects a malformed or unknown bearer token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/locations', headers: { authorization: 'Bearer coi_nope' } });
    expect(res.statusCode).toBe(401);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/locations', headers: { authorization: 'Basic abc' } });
    expect(bad.statusCode).toBe(401);
  });

  it('records who did what in the audit log', async () => {
    const owner = await signUp(t.app);
    await owner.request('POST', '/api/v1/locations', { name: 'Audited' });
    const { rows } = await t.ctx.database.sql.executeSql(
      'SELECT action, actor_user_id FROM audit_log WHERE organization_id = $1 ORDER BY id',
      [owner.organizationId],
    );
    expect(rows.map((r) => r.action)).toEqual(['organization.created', 'location.created']);
    expect(rows[1].actor_user_id).toBe(owner.userId);
  });
});

// Tenant isolation, route by route. Organization A is populated with one of everything; a user of organization B
// then calls every API route with A's ids. Each must answer 404 (existence does not leak) or, for lists, show none
// of A's rows. The test fails when a route exists that has no case here, so a new route cannot skip the check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipart, signUp, uniqueEmail, withApiKey, PASSWORD, type Session, type TestApp } from '../helpers/app.js';

let t: TestApp;
let a: Session;
let b: Session;
const ids: Record<string, string> = {};

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function ok(res: { statusCode: number; body: string; json: () => any }, status = 201) {
  if (res.statusCode !== status) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function upload(s: Session, url: string, fields: Record<string, string>) {
  const body = multipart(fields, { name: 'coi.pdf', content: pdf, contentType: 'application/pdf' });
  return s.request('POST', url, body.payload, body.headers);
}

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app, { organizationName: 'Tenant A' });
  b = await signUp(t.app, { organizationName: 'Tenant B' });
  ids.organizationA = a.organizationId;
  ids.location = (await ok(await a.request('POST', '/api/v1/locations', { name: 'A Tower', code: 'AT' }))).id;
  ids.insured = (await ok(await a.request('POST', '/api/v1/insureds', { legalName: 'A Plumbing LLC', taxId: '12-3456789' }))).id;
  ids.contact = (await ok(await a.request('POST', `/api/v1/insureds/${ids.insured}/contacts`, { kind: 'broker', name: 'A Broker', email: 'broker@a.test' }))).id;
  ids.requirementSet = (
    await ok(
      await a.request('POST', '/api/v1/requirement-sets', {
        name: 'A Standard',
        definition: { schemaVersion: 1, name: 'A Standard', coverages: [{ coverage: 'general_liability', limits: { each_occurrence: 1000000 } }] },
      }),
    )
  ).id;
  ids.assignment = (await ok(await a.request('POST', `/api/v1/insureds/${ids.insured}/assignments`, { locationId: ids.location, requirementSetId: ids.requirementSet }))).id;
  ids.certificate = (await ok(await upload(a, '/api/v1/certificates/upload', { insuredId: ids.insured }))).id;
  const manual = await ok(
    await a.request('POST', '/api/v1/certificates', {
      insuredId: ids.insured,
      policies: [{ coverage: 'general_liability', policyNumber: 'A-GL-1', effectiveDate: '2026-01-01', expirationDate: '2027-01-01', limits: { each_occurrence: 1000000 } }],
    }),
  );
  ids.manualCertificate = manual.id;
  ids.document = (await ok(await upload(a, '/api/v1/documents/upload', { insuredId: ids.insured, kind: 'w9' }))).id;
  ids.waiver = (await ok(await a.request('POST', `/api/v1/insureds/${ids.insured}/waivers`, { code: 'holder_mismatch', reason: 'A accepts it' }))).id;
  ids.insurer = (await ok(await a.request('POST', '/api/v1/insurers', { naic: '12345', name: 'A Casualty Company', rating: 'A VIII' }))).id;
  await ok(await a.request('PUT', `/api/v1/locations/${ids.location}/requirement-overrides`, { certificateHolder: { name: 'A Tower Owner LLC' } }), 200);
  const invite = await ok(await a.request('POST', '/api/v1/invitations-sent', { email: uniqueEmail('a-invitee'), role: 'viewer' }));
  ids.invitation = invite.invitation.id;
  const key = await ok(await a.request('POST', '/api/v1/api-keys', { name: 'A key', role: 'editor' }));
  ids.apiKey = key.apiKey.id;
  ids.apiKeySecret = key.key;
  // a second member of A, whose membership B must not be able to touch
  const memberInvite = await ok(await a.request('POST', '/api/v1/invitations-sent', { email: uniqueEmail('a-member'), role: 'editor' }));
  const joined = await t.app.inject({
    method: 'POST',
    url: `/api/v1/invitations/${memberInvite.link.split('/invite/')[1]}/accept`,
    payload: { name: 'A Member', password: PASSWORD },
  });
  ids.memberUser = (await ok(joined, 200)).user.id;
});
afterAll(() => t?.close());

/** How organization B's call of each route is judged. `{id}` placeholders are filled with A's ids. */
type Case =
  | { kind: 'not_found'; url: string; body?: unknown; multipart?: Record<string, string> }
  | { kind: 'list'; url: string }
  | { kind: 'own'; url: string; body?: unknown; status: number; why: string }
  | { kind: 'public'; why: string };

const cases: Record<string, Case> = {
  // not tenant data: accounts and the public invitation link (its token is the secret)
  'POST /api/v1/auth/signup': { kind: 'public', why: 'creates a new account and organization' },
  'POST /api/v1/auth/login': { kind: 'public', why: 'authenticates a person' },
  'POST /api/v1/auth/logout': { kind: 'public', why: 'ends the caller’s own session' },
  'GET /api/v1/auth/me': { kind: 'own', url: '/api/v1/auth/me', status: 200, why: 'the caller’s own account' },
  'GET /api/v1/invitations/:token': { kind: 'public', why: 'readable only with the secret token' },
  'POST /api/v1/invitations/:token/accept': { kind: 'public', why: 'usable only with the secret token' },
  'GET /api/v1/organizations': { kind: 'list', url: '/api/v1/organizations' },
  'POST /api/v1/organizations': { kind: 'own', url: '/api/v1/organizations', body: { name: 'B2' }, status: 201, why: 'creates an organization of the caller' },
  'GET /api/v1/organization': { kind: 'list', url: '/api/v1/organization' },
  'PATCH /api/v1/organization': { kind: 'own', url: '/api/v1/organization', body: { name: 'Tenant B' }, status: 200, why: 'edits the caller’s own organization' },

  'GET /api/v1/members': { kind: 'list', url: '/api/v1/members' },
  'PATCH /api/v1/members/:userId': { kind: 'not_found', url: '/api/v1/members/{memberUser}', body: { role: 'viewer' } },
  'DELETE /api/v1/members/:userId': { kind: 'not_found', url: '/api/v1/members/{memberUser}' },
  'GET /api/v1/invitations-sent': { kind: 'list', url: '/api/v1/invitations-sent' },
  'POST /api/v1/invitations-sent': { kind: 'own', url: '/api/v1/invitations-sent', body: { email: 'b-invitee@example.test', role: 'viewer' }, status: 201, why: 'invites into the caller’s organization' },
  'DELETE /api/v1/invitations-sent/:id': { kind: 'not_found', url: '/api/v1/invitations-sent/{invitation}' },
  'GET /api/v1/api-keys': { kind: 'list', url: '/api/v1/api-keys' },
  'POST /api/v1/api-keys': { kind: 'own', url: '/api/v1/api-keys', body: { name: 'B key' }, status: 201, why: 'creates a key of the caller’s organization' },
  'DELETE /api/v1/api-keys/:id': { kind: 'not_found', url: '/api/v1/api-keys/{apiKey}' },

  'GET /api/v1/locations': { kind: 'list', url: '/api/v1/locations' },
  'POST /api/v1/locations': { kind: 'own', url: '/api/v1/locations', body: { name: 'B site', code: 'AT' }, status: 201, why: 'codes are unique per organization only' },
  'GET /api/v1/locations/:id': { kind: 'not_found', url: '/api/v1/locations/{location}' },
  'PATCH /api/v1/locations/:id': { kind: 'not_found', url: '/api/v1/locations/{location}', body: { name: 'hijacked' } },
  'DELETE /api/v1/locations/:id': { kind: 'not_found', url: '/api/v1/locations/{location}' },

  'GET /api/v1/insureds': { kind: 'list', url: '/api/v1/insureds' },
  'POST /api/v1/insureds': { kind: 'own', url: '/api/v1/insureds', body: { legalName: 'B Vendor' }, status: 201, why: 'creates in the caller’s organization' },
  'GET /api/v1/insureds/:id': { kind: 'not_found', url: '/api/v1/insureds/{insured}' },
  'PATCH /api/v1/insureds/:id': { kind: 'not_found', url: '/api/v1/insureds/{insured}', body: { legalName: 'hijacked' } },
  'DELETE /api/v1/insureds/:id': { kind: 'not_found', url: '/api/v1/insureds/{insured}' },
  'GET /api/v1/insureds/:id/contacts': { kind: 'not_found', url: '/api/v1/insureds/{insured}/contacts' },
  'POST /api/v1/insureds/:id/contacts': { kind: 'not_found', url: '/api/v1/insureds/{insured}/contacts', body: { kind: 'vendor', name: 'Intruder' } },
  'PATCH /api/v1/contacts/:id': { kind: 'not_found', url: '/api/v1/contacts/{contact}', body: { name: 'hijacked' } },
  'DELETE /api/v1/contacts/:id': { kind: 'not_found', url: '/api/v1/contacts/{contact}' },
  'GET /api/v1/insureds/:id/assignments': { kind: 'not_found', url: '/api/v1/insureds/{insured}/assignments' },
  'POST /api/v1/insureds/:id/assignments': { kind: 'not_found', url: '/api/v1/insureds/{insured}/assignments', body: { locationId: '{location}' } },
  'PATCH /api/v1/assignments/:id': { kind: 'not_found', url: '/api/v1/assignments/{assignment}', body: { requirementSetId: null } },
  'DELETE /api/v1/assignments/:id': { kind: 'not_found', url: '/api/v1/assignments/{assignment}' },

  'GET /api/v1/requirement-sets': { kind: 'list', url: '/api/v1/requirement-sets' },
  'POST /api/v1/requirement-sets': {
    kind: 'own',
    url: '/api/v1/requirement-sets',
    body: { name: 'A Standard', definition: { schemaVersion: 1, name: 'A Standard', coverages: [] } },
    status: 201,
    why: 'names are unique per organization only',
  },
  'POST /api/v1/requirement-sets/import': {
    kind: 'own',
    url: '/api/v1/requirement-sets/import',
    body: { schemaVersion: 1, name: 'Imported by B', coverages: [] },
    status: 201,
    why: 'imports into the caller’s organization',
  },
  'GET /api/v1/requirement-sets/:id': { kind: 'not_found', url: '/api/v1/requirement-sets/{requirementSet}' },
  'GET /api/v1/requirement-sets/:id/export': { kind: 'not_found', url: '/api/v1/requirement-sets/{requirementSet}/export' },
  'PATCH /api/v1/requirement-sets/:id': { kind: 'not_found', url: '/api/v1/requirement-sets/{requirementSet}', body: { description: 'hijacked' } },
  'DELETE /api/v1/requirement-sets/:id': { kind: 'not_found', url: '/api/v1/requirement-sets/{requirementSet}' },

  'GET /api/v1/certificates': { kind: 'list', url: '/api/v1/certificates' },
  'POST /api/v1/certificates': { kind: 'not_found', url: '/api/v1/certificates', body: { insuredId: '{insured}', policies: [] } },
  'POST /api/v1/certificates/upload': { kind: 'not_found', url: '/api/v1/certificates/upload', multipart: { insuredId: '{insured}' } },
  'GET /api/v1/certificates/:id': { kind: 'not_found', url: '/api/v1/certificates/{certificate}' },
  'PATCH /api/v1/certificates/:id': { kind: 'not_found', url: '/api/v1/certificates/{certificate}', body: { notes: 'hijacked' } },
  'DELETE /api/v1/certificates/:id': { kind: 'not_found', url: '/api/v1/certificates/{manualCertificate}' },
  'GET /api/v1/certificates/:id/file': { kind: 'not_found', url: '/api/v1/certificates/{certificate}/file' },
  'GET /api/v1/certificates/:id/pages/:n': { kind: 'not_found', url: '/api/v1/certificates/{certificate}/pages/1?width=400' },
  'GET /api/v1/certificates/:id/extraction': { kind: 'not_found', url: '/api/v1/certificates/{manualCertificate}/extraction' },
  'POST /api/v1/certificates/:id/read': { kind: 'not_found', url: '/api/v1/certificates/{certificate}/read' },
  'GET /api/v1/policies': { kind: 'list', url: '/api/v1/policies' },

  'GET /api/v1/documents': { kind: 'list', url: '/api/v1/documents' },
  'POST /api/v1/documents/upload': { kind: 'not_found', url: '/api/v1/documents/upload', multipart: { insuredId: '{insured}', kind: 'contract' } },
  'GET /api/v1/documents/:id': { kind: 'not_found', url: '/api/v1/documents/{document}' },
  'PATCH /api/v1/documents/:id': { kind: 'not_found', url: '/api/v1/documents/{document}', body: { title: 'hijacked' } },
  'DELETE /api/v1/documents/:id': { kind: 'not_found', url: '/api/v1/documents/{document}' },
  'GET /api/v1/documents/:id/file': { kind: 'not_found', url: '/api/v1/documents/{document}/file' },

  'GET /api/v1/audit-log': { kind: 'list', url: '/api/v1/audit-log' },
  // compliance
  'GET /api/v1/compliance/summary': { kind: 'list', url: '/api/v1/compliance/summary' },
  'GET /api/v1/compliance/statuses': { kind: 'list', url: '/api/v1/compliance/statuses' },
  'GET /api/v1/compliance/as-of': { kind: 'list', url: '/api/v1/compliance/as-of?date=2099-12-31' },
  'GET /api/v1/insureds/:id/compliance': { kind: 'not_found', url: '/api/v1/insureds/{insured}/compliance' },
  'POST /api/v1/compliance/reevaluate': { kind: 'own', url: '/api/v1/compliance/reevaluate', status: 200, why: 're-evaluates the caller’s organization' },
  'GET /api/v1/locations/:id/requirement-overrides': { kind: 'not_found', url: '/api/v1/locations/{location}/requirement-overrides' },
  'PUT /api/v1/locations/:id/requirement-overrides': { kind: 'not_found', url: '/api/v1/locations/{location}/requirement-overrides', body: { certificateHolder: { name: 'hijacked' } } },
  'GET /api/v1/requirement-set-templates': { kind: 'list', url: '/api/v1/requirement-set-templates' },
  'POST /api/v1/requirement-sets/from-template': { kind: 'own', url: '/api/v1/requirement-sets/from-template', body: { template: 'tenant', name: 'B from template' }, status: 201, why: 'copies into the caller’s organization' },
  'GET /api/v1/insureds/:id/waivers': { kind: 'not_found', url: '/api/v1/insureds/{insured}/waivers' },
  'POST /api/v1/insureds/:id/waivers': { kind: 'not_found', url: '/api/v1/insureds/{insured}/waivers', body: { code: 'limit_below_minimum', reason: 'hijacked' } },
  'DELETE /api/v1/waivers/:id': { kind: 'not_found', url: '/api/v1/waivers/{waiver}' },
  'GET /api/v1/insurers': { kind: 'list', url: '/api/v1/insurers' },
  'POST /api/v1/insurers': { kind: 'own', url: '/api/v1/insurers', body: { naic: '12345', name: 'B Mutual' }, status: 201, why: 'NAIC codes are unique per organization only' },
  'PATCH /api/v1/insurers/:id': { kind: 'not_found', url: '/api/v1/insurers/{insurer}', body: { name: 'hijacked' } },
  'DELETE /api/v1/insurers/:id': { kind: 'not_found', url: '/api/v1/insurers/{insurer}' },
  'POST /api/v1/insurers/import': { kind: 'own', url: '/api/v1/insurers/import', body: [{ naic: '12345', name: 'B Imported', rating: 'B+' }], status: 200, why: 'imports into the caller’s table' },
};

const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, k: string) => ids[k] ?? `missing-${k}`);
const fillBody = (body: unknown) => (body === undefined ? undefined : JSON.parse(fill(JSON.stringify(body))));
const aIds = () => Object.entries(ids).filter(([k]) => k !== 'apiKeySecret').map(([, v]) => v);

async function call(s: Session, method: string, c: Extract<Case, { url: string }>, headers: Record<string, string> = {}) {
  if ('multipart' in c && c.multipart) {
    const fields = Object.fromEntries(Object.entries(c.multipart).map(([k, v]) => [k, fill(v)]));
    const body = multipart(fields, { name: 'x.pdf', content: pdf, contentType: 'application/pdf' });
    return s.request(method, fill(c.url), body.payload, { ...body.headers, ...headers });
  }
  return s.request(method, fill(c.url), fillBody('body' in c ? c.body : undefined), headers);
}

describe('tenant isolation', () => {
  it('has a case for every API route', () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1')).map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((r) => !(r in cases));
    expect(missing, 'routes without a tenant-isolation case').toEqual([]);
    const stale = Object.keys(cases).filter((k) => !routes.includes(k));
    expect(stale, 'cases for routes that no longer exist').toEqual([]);
  });

  const entries = Object.entries(cases);
  // deletions last, so that every other case still finds A's rows in place
  entries.sort(([x], [y]) => Number(x.startsWith('DELETE')) - Number(y.startsWith('DELETE')));

  it.each(entries.filter(([, c]) => c.kind !== 'public'))('%s as another organization', async (route, c) => {
    const method = route.split(' ')[0]!;
    if (c.kind === 'public') return;
    const res = await call(b, method, c);
    if (c.kind === 'not_found') {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    } else if (c.kind === 'own') {
      expect(res.statusCode, res.body).toBe(c.status);
    } else {
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const id of aIds()) expect(res.body, `response leaks A's id ${id}`).not.toContain(id);
    expect(res.body).not.toContain('A Plumbing');
  });

  it.each(entries.filter(([, c]) => c.kind !== 'public' && !(c.kind === 'own' && c.url.startsWith('/api/v1/auth'))))(
    '%s naming A in X-Organization-Id answers 404',
    async (route, c) => {
      if (c.kind === 'public') return;
      const method = route.split(' ')[0]!;
      if (route === 'GET /api/v1/organizations' || route === 'POST /api/v1/organizations') return; // not organization-scoped
      const res = await call(b, method, c, { 'x-organization-id': a.organizationId });
      expect(res.statusCode, res.body).toBe(404);
      for (const id of aIds()) expect(res.body).not.toContain(id);
    },
  );

  it("refuses A's API key when it names B's organization", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/locations',
      headers: { authorization: `Bearer ${ids.apiKeySecret}`, 'x-organization-id': b.organizationId },
    });
    expect(res.statusCode).toBe(404);
    const own = await withApiKey(t.app, ids.apiKeySecret!)('GET', '/api/v1/locations');
    expect(own.json().items.map((l: { id: string }) => l.id)).toEqual([ids.location]);
  });

  it("leaves A's data untouched", async () => {
    for (const url of [
      `/api/v1/locations/${ids.location}`,
      `/api/v1/insureds/${ids.insured}`,
      `/api/v1/requirement-sets/${ids.requirementSet}`,
      `/api/v1/certificates/${ids.certificate}`,
      `/api/v1/certificates/${ids.manualCertificate}`,
      `/api/v1/documents/${ids.document}`,
    ]) {
      const res = await a.request('GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).not.toContain('hijacked');
    }
    const contacts = await a.request('GET', `/api/v1/insureds/${ids.insured}/contacts`);
    expect(contacts.json().items.map((c: { id: string }) => c.id)).toEqual([ids.contact]);
    const assignments = await a.request('GET', `/api/v1/insureds/${ids.insured}/assignments`);
    expect(assignments.json().items.map((x: { id: string }) => x.id)).toEqual([ids.assignment]);
    const members = await a.request('GET', '/api/v1/members');
    expect(members.json().items.map((m: { userId: string }) => m.userId)).toContain(ids.memberUser);
    const keys = await a.request('GET', '/api/v1/api-keys');
    expect(keys.json().items[0]).toMatchObject({ id: ids.apiKey, revokedAt: null });
    const invitations = await a.request('GET', '/api/v1/invitations-sent');
    expect(invitations.json().items.find((i: { id: string }) => i.id === ids.invitation)).toMatchObject({ revokedAt: null });
    const waivers = await a.request('GET', `/api/v1/insureds/${ids.insured}/waivers`);
    expect(waivers.json().items).toMatchObject([{ id: ids.waiver, active: true, reason: 'A accepts it' }]);
    const insurers = await a.request('GET', '/api/v1/insurers');
    expect(insurers.json().items).toMatchObject([{ id: ids.insurer, name: 'A Casualty Company', rating: 'A VIII' }]);
    const overrides = await a.request('GET', `/api/v1/locations/${ids.location}/requirement-overrides`);
    expect(overrides.json().certificateHolder.name).toBe('A Tower Owner LLC');
    const compliance = await a.request('GET', `/api/v1/insureds/${ids.insured}/compliance`);
    expect(compliance.json().locations.map((l: { locationId: string }) => l.locationId)).toEqual([ids.location]);
    const file = await a.request('GET', `/api/v1/certificates/${ids.certificate}/file`);
    expect(file.rawPayload.equals(pdf)).toBe(true);
  });
});

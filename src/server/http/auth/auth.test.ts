import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, sessionFrom, signUp, uniqueEmail, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('sign-up, log-in, log-out', () => {
  it('signs up, reads /me, logs out and back in', async () => {
    const email = uniqueEmail('signup');
    const res = await post('/api/v1/auth/signup', { email, password: PASSWORD, name: 'Dana', organizationName: 'Dana Builders' });
    expect(res.statusCode).toBe(201);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/coi_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(res.json().organizations).toMatchObject([{ name: 'Dana Builders', role: 'owner' }]);

    const session = sessionFrom(t.app, res, email);
    const me = await session.request('GET', '/api/v1/auth/me');
    expect(me.json().user.email).toBe(email);

    expect((await session.request('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await session.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);

    const login = await post('/api/v1/auth/login', { email: email.toUpperCase(), password: PASSWORD });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.email).toBe(email);
  });

  it('stores only a scrypt hash of the password', async () => {
    const s = await signUp(t.app);
    const { rows } = await t.ctx.database.sql.executeSql('SELECT password_hash FROM users WHERE id = $1', [s.userId]);
    expect(rows[0].password_hash).toMatch(/^scrypt\$/);
    expect(rows[0].password_hash).not.toContain(PASSWORD);
  });

  it('refuses a duplicate email, case-insensitively, and creates no second organization', async () => {
    const email = uniqueEmail('dup');
    await signUp(t.app, { email, organizationName: 'First' });
    const before = await t.ctx.database.sql.executeSql('SELECT count(*)::int AS n FROM organizations');
    const res = await post('/api/v1/auth/signup', { email: email.toUpperCase(), password: PASSWORD, name: 'X', organizationName: 'Second' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.fields[0].field).toBe('email');
    const after = await t.ctx.database.sql.executeSql('SELECT count(*)::int AS n FROM organizations');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it.each([
    ['short', 'must be at least 10 characters'],
    ['aaaaaaaaaaaa', 'is too repetitive'],
    ['password123', 'is too common'],
  ])('refuses the weak password %s', async (password, message) => {
    const res = await post('/api/v1/auth/signup', { email: uniqueEmail(), password, name: 'X', organizationName: 'Y' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: { fields: [{ field: 'password', message }] } });
  });

  it('names every invalid field', async () => {
    const res = await post('/api/v1/auth/signup', { email: 'not-an-email', password: PASSWORD, name: '' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['email', 'name', 'organizationName']);
  });

  it('answers malformed JSON with a 400 in the common error shape', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const s = await signUp(t.app);
    const wrong = await post('/api/v1/auth/login', { email: s.email, password: 'wrong password here' });
    const unknown = await post('/api/v1/auth/login', { email: uniqueEmail('nobody'), password: 'wrong password here' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('refuses cross-site writes made with the session cookie', async () => {
    const s = await signUp(t.app);
    const res = await s.request('POST', '/api/v1/locations', { name: 'Evil' }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
  });
});

describe('invitations', () => {
  it('invites by email link; the invitee creates an account and joins with the role', async () => {
    const owner = await signUp(t.app, { organizationName: 'Inviting Co' });
    const email = uniqueEmail('invitee');
    const sent = await owner.request('POST', '/api/v1/invitations-sent', { email, role: 'editor' });
    expect(sent.statusCode).toBe(201);
    const { link } = sent.json();
    const token = link.split('/invite/')[1];

    const info = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(info.json()).toMatchObject({ organizationName: 'Inviting Co', email, role: 'editor', expired: false });

    const accepted = await post(`/api/v1/invitations/${token}/accept`, { name: 'New Person', password: PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().organizations).toMatchObject([{ name: 'Inviting Co', role: 'editor' }]);

    // used once only
    expect((await post(`/api/v1/invitations/${token}/accept`, { name: 'Again', password: PASSWORD })).statusCode).toBe(404);

    const members = await owner.request('GET', '/api/v1/members');
    expect(members.json().items.map((m: { email: string }) => m.email)).toContain(email);
  });

  it('emails the invitation link through the job queue', async () => {
    const owner = await signUp(t.app);
    const email = uniqueEmail('mailed');
    const sent = await owner.request('POST', '/api/v1/invitations-sent', { email, role: 'viewer' });
    const { link } = sent.json();
    const outbox = path.join(t.config.dataDir, 'outbox');
    const deadline = Date.now() + 30_000;
    let found = '';
    while (!found && Date.now() < deadline) {
      if (fs.existsSync(outbox)) {
        for (const f of fs.readdirSync(outbox)) {
          // undo quoted-printable soft line breaks
          const text = fs.readFileSync(path.join(outbox, f), 'utf8').replace(/=\r?\n/g, '');
          if (text.includes(email)) found = text;
        }
      }
      if (!found) await new Promise((r) => setTimeout(r, 250));
    }
    expect(found).toContain(link);
  });

  it('lets an existing user accept while signed in', async () => {
    const owner = await signUp(t.app, { organizationName: 'Second Client' });
    const other = await signUp(t.app, { organizationName: 'Own Org' });
    const sent = await owner.request('POST', '/api/v1/invitations-sent', { email: other.email, role: 'viewer' });
    const token = sent.json().link.split('/invite/')[1];
    const accepted = await other.request('POST', `/api/v1/invitations/${token}/accept`, {});
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().organizations.map((o: { name: string }) => o.name)).toEqual(['Own Org', 'Second Client']);
  });

  it('revokes an invitation', async () => {
    const owner = await signUp(t.app);
    const sent = await owner.request('POST', '/api/v1/invitations-sent', { email: uniqueEmail(), role: 'viewer' });
    const { invitation, link } = sent.json();
    expect((await owner.request('DELETE', `/api/v1/invitations-sent/${invitation.id}`)).statusCode).toBe(204);
    const token = link.split('/invite/')[1];
    expect((await post(`/api/v1/invitations/${token}/accept`, { name: 'X', password: PASSWORD })).statusCode).toBe(404);
  });
});

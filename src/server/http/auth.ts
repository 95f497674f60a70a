// Who is calling, and on behalf of which organization. A request carries either a session cookie (a person)
// or `Authorization: Bearer coi_…` (an API key, bound to one organization).
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { randomToken, sha256 } from '../crypto.js';
import { apiKeys, memberships, organizations, sessions, users } from '../db/schema.js';
import { AppError } from '../errors.js';

export const SESSION_COOKIE = 'coi_session';

export type Role = 'owner' | 'admin' | 'editor' | 'viewer';
const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };
export const roleAtLeast = (role: Role, min: Role) => rank[role] >= rank[min];

export type Caller =
  | { type: 'user'; userId: string; email: string; name: string }
  | { type: 'api_key'; apiKeyId: string; organizationId: string; role: Role; name: string };

/** The organization a request acts in, with the caller's role there. Every tenant query is scoped by it. */
export type OrgScope = {
  organizationId: string;
  role: Role;
  userId: string | null;
  apiKeyId: string | null;
  ip: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

export async function resolveCaller(ctx: AppContext, request: FastifyRequest): Promise<Caller | null> {
  const { db } = ctx.database;
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('unauthenticated', 'Authorization header must be "Bearer <api key>"');
    const [key] = await db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, sha256(match[1]!)), isNull(apiKeys.revokedAt)))
      .limit(1);
    if (!key) throw new AppError('unauthenticated', 'The API key is not valid or has been revoked');
    // last use is informative only; keep it cheap by updating at most once a minute
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
      await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, key.id));
    }
    return { type: 'api_key', apiKeyId: key.id, organizationId: key.organizationId, role: key.role, name: key.name };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return row ? { type: 'user', ...row } : null;
}

export function requireUser(request: FastifyRequest): Extract<Caller, { type: 'user' }> {
  const caller = request.caller;
  if (!caller) throw new AppError('unauthenticated', 'Log in first');
  if (caller.type !== 'user') throw new AppError('forbidden', 'This action needs a signed-in user, not an API key');
  return caller;
}

/**
 * Resolves the organization of the request and checks the caller's role there.
 * People choose the organization with the X-Organization-Id header (default: their first one).
 * An organization the caller does not belong to answers 404, like a missing one.
 */
export async function requireOrg(ctx: AppContext, request: FastifyRequest, min: Role = 'viewer'): Promise<OrgScope> {
  const caller = request.caller;
  if (!caller) throw new AppError('unauthenticated', 'Log in first, or send an API key');
  const wanted = headerValue(request.headers['x-organization-id']);
  let scope: OrgScope;
  if (caller.type === 'api_key') {
    if (wanted && wanted !== caller.organizationId) throw new AppError('not_found', 'Organization not found');
    scope = { organizationId: caller.organizationId, role: caller.role, userId: null, apiKeyId: caller.apiKeyId, ip: request.ip };
  } else {
    const { db } = ctx.database;
    if (wanted && !isUuid(wanted)) throw new AppError('not_found', 'Organization not found');
    const conditions = [eq(memberships.userId, caller.userId)];
    if (wanted) conditions.push(eq(memberships.organizationId, wanted));
    const [m] = await db
      .select({ organizationId: memberships.organizationId, role: memberships.role })
      .from(memberships)
      .where(and(...conditions))
      .orderBy(asc(memberships.createdAt))
      .limit(1);
    if (!m) {
      throw wanted
        ? new AppError('not_found', 'Organization not found')
        : new AppError('not_found', 'You do not belong to any organization yet');
    }
    scope = { organizationId: m.organizationId, role: m.role, userId: caller.userId, apiKeyId: null, ip: request.ip };
  }
  if (!roleAtLeast(scope.role, min)) {
    throw new AppError('forbidden', `This action needs the ${min} role or higher; you are ${scope.role}`);
  }
  return scope;
}

export async function startSession(ctx: AppContext, reply: FastifyReply, userId: string): Promise<void> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + ctx.config.sessionDays * 86_400_000);
  await ctx.database.db.insert(sessions).values({ id: sha256(token), userId, expiresAt });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    expires: expiresAt,
  });
}

export async function endSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await ctx.database.db.delete(sessions).where(eq(sessions.id, sha256(token)));
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The organizations a user belongs to, as the /auth/me and login responses list them. */
export async function organizationsOf(ctx: AppContext, userId: string) {
  return ctx.database.db
    .select({ id: organizations.id, name: organizations.name, role: memberships.role, timeZone: organizations.timeZone })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

const headerValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

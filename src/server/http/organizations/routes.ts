// Organizations, their members, invitations, and API keys.
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { randomToken, sha256 } from '../../crypto.js';
import { apiKeys, invitations, memberships, organizations, users } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { sendEmailJob } from '../../jobs/definitions.js';
import { requireOrg, requireUser, roleAtLeast } from '../auth.js';
import { membershipSchema } from '../auth/routes.js';
import { type App, errors, idParams, page, paginationQuery, recordAudit, requiredText } from '../common.js';

const timeZone = z
  .string()
  .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', { message: 'must be an IANA time zone such as America/Chicago' });
const role = z.enum(['owner', 'admin', 'editor', 'viewer']);
const invitableRole = z.enum(['admin', 'editor', 'viewer']);

const organizationSchema = z
  .object({ id: z.uuid(), name: z.string(), timeZone: z.string(), createdAt: z.date() })
  .meta({ id: 'Organization' });
const memberSchema = z
  .object({ userId: z.uuid(), email: z.string(), name: z.string(), role, createdAt: z.date() })
  .meta({ id: 'Member' });
const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: invitableRole,
    createdAt: z.date(),
    expiresAt: z.date(),
    acceptedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
    invitedBy: z.string().nullable(),
  })
  .meta({ id: 'Invitation' });
const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    role: invitableRole,
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  })
  .meta({ id: 'ApiKey' });

const userIdParams = z.object({ userId: z.uuid({ error: 'must be a UUID' }) });

export async function organizationRoutes(app: App, ctx: AppContext) {
  const { db } = ctx.database;

  app.get(
    '/organizations',
    { schema: { tags: ['organizations'], summary: 'Organizations the signed-in user belongs to', response: { 200: z.object({ items: z.array(membershipSchema) }), ...errors(401) } } },
    async (request) => {
      const caller = request.caller;
      if (caller?.type === 'api_key') {
        const [org] = await db.select().from(organizations).where(eq(organizations.id, caller.organizationId));
        return { items: [{ id: org!.id, name: org!.name, role: caller.role, timeZone: org!.timeZone }] };
      }
      const user = requireUser(request);
      const rows = await db
        .select({ id: organizations.id, name: organizations.name, role: memberships.role, timeZone: organizations.timeZone })
        .from(memberships)
        .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
        .where(eq(memberships.userId, user.userId))
        .orderBy(asc(memberships.createdAt));
      return { items: rows };
    },
  );

  app.post(
    '/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Create an organization; the creator becomes its owner',
        body: z.object({ name: requiredText(200), timeZone: timeZone.optional() }),
        response: { 201: membershipSchema, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const org = await db.transaction(async (tx) => {
        const [org] = await tx.insert(organizations).values({ name: request.body.name, timeZone: request.body.timeZone }).returning();
        await tx.insert(memberships).values({ organizationId: org!.id, userId: user.userId, role: 'owner' });
        await recordAudit(tx, { organizationId: org!.id, userId: user.userId, apiKeyId: null, ip: request.ip }, {
          action: 'organization.created',
          entityType: 'organization',
          entityId: org!.id,
          changes: { name: org!.name },
        });
        return org!;
      });
      return reply.status(201).send({ id: org.id, name: org.name, role: 'owner' as const, timeZone: org.timeZone });
    },
  );

  app.get(
    '/organization',
    { schema: { tags: ['organizations'], summary: 'The current organization', response: { 200: organizationSchema, ...errors(401, 404) } } },
    async (request) => {
      const scope = await requireOrg(ctx, request);
      const [org] = await db.select().from(organizations).where(eq(organizations.id, scope.organizationId));
      return org!;
    },
  );

  app.patch(
    '/organization',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Rename the organization or change its time zone',
        body: z.object({ name: requiredText(200).optional(), timeZone: timeZone.optional() }),
        response: { 200: organizationSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const scope = await requireOrg(ctx, request, 'admin');
      return db.transaction(async (tx) => {
        const [org] = await tx
          .update(organizations)
          .set({ ...request.body, updatedAt: new Date() })
          .where(eq(organizations.id, scope.organizationId))
          .returning();
        await recordAudit(tx, scope, { action: 'organization.updated', entityType: 'organization', entityId: org!.id, changes: request.body });
        return org!;
      });
    },
  );

  // ---- members ----

  app.get(
    '/members',
    { schema: { tags: ['members'], summary: 'Members of the organization', querystring: paginationQuery, response: { 200: page(memberSchema), ...errors(401, 404) } } },
    async (request) => {
      const scope = await requireOrg(ctx, request);
      const where = eq(memberships.organizationId, scope.organizationId);
      const [rows, [total]] = await Promise.all([
        db
          .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, createdAt: memberships.createdAt })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(where)
          .orderBy(asc(memberships.createdAt))
          .limit(request.query.limit)
          .offset(request.query.offset),
        db.select({ n: count() }).from(memberships).where(where),
      ]);
      return { items: rows, total: total!.n, ...request.query };
    },
  );

  const loadMember = async (organizationId: string, userId: string) => {
    const [m] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
    if (!m) throw notFound('Member');
    return m;
  };
  const ownerCount = async (organizationId: string) => {
    const [row] = await db
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'owner')));
    return row!.n;
  };

  app.patch(
    '/members/:userId',
    {
      schema: {
        tags: ['members'],
        summary: "Change a member's role",
        params: userIdParams,
        body: z.object({ role }),
        response: { 200: memberSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const scope = await requireOrg(ctx, request, 'admin');
      const member = await loadMember(scope.organizationId, request.params.userId);
      const newRole = request.body.role;
      // only owners may make or unmake owners
      if ((newRole === 'owner' || member.role === 'owner') && scope.role !== 'owner') {
        throw new AppError('forbidden', 'Only an owner can grant or remove the owner role');
      }
      if (member.role === 'owner' && newRole !== 'owner' && (await ownerCount(scope.organizationId)) <= 1) {
        throw new AppError('conflict', 'The organization must keep at least one owner');
      }
      await db.transaction(async (tx) => {
        await tx
          .update(memberships)
          .set({ role: newRole })
          .where(and(eq(memberships.organizationId, scope.organizationId), eq(memberships.userId, member.userId)));
        await recordAudit(tx, scope, { action: 'member.role_changed', entityType: 'user', entityId: member.userId, changes: { role: { from: member.role, to: newRole } } });
      });
      const [row] = await db
        .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, createdAt: memberships.createdAt })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organizationId, scope.organizationId), eq(memberships.userId, member.userId)));
      return row!;
    },
  );

  app.delete(
    '/members/:userId',
    { schema: { tags: ['members'], summary: 'Remove a member (or leave, for yourself)', params: userIdParams, response: { 204: z.null(), ...errors(401, 403, 404, 409) } } },
    async (request, reply) => {
      const self = request.caller?.type === 'user' && request.caller.userId === request.params.userId;
      const scope = await requireOrg(ctx, request, self ? 'viewer' : 'admin');
      const member = await loadMember(scope.organizationId, request.params.userId);
      if (member.role === 'owner' && !self && scope.role !== 'owner') throw new AppError('forbidden', 'Only an owner can remove an owner');
      if (member.role === 'owner' && (await ownerCount(scope.organizationId)) <= 1) {
        throw new AppError('conflict', 'The organization must keep at least one owner');
      }
      await db.transaction(async (tx) => {
        await tx.delete(memberships).where(and(eq(memberships.organizationId, scope.organizationId), eq(memberships.userId, member.userId)));
        await recordAudit(tx, scope, { action: 'member.removed', entityType: 'user', entityId: member.userId, changes: { role: member.role } });
      });
      return reply.status(204).send(null);
    },
  );

  // ---- invitations ----

  app.get(
    '/invitations-sent',
    { schema: { tags: ['members'], summary: 'Invitations sent by the organization', querystring: paginationQuery, response: { 200: page(invitationSchema), ...errors(401, 403, 404) } } },
    async (request) => {
      const scope = await requireOrg(ctx, request, 'admin');
      const where = eq(invitations.organizationId, scope.organizationId);
      const [rows, [total]] = await Promise.all([
        db
          .select({
            id: invitations.id,
            email: invitations.email,
            role: invitations.role,
            createdAt: invitations.createdAt,
            expiresAt: invitations.expiresAt,
            acceptedAt: invitations.acceptedAt,
            revokedAt: invitations.revokedAt,
            invitedBy: users.name,
          })
          .from(invitations)
          .leftJoin(users, eq(users.id, invitations.invitedBy))
          .where(where)
          .orderBy(desc(invitations.createdAt))
          .limit(request.query.limit)
          .offset(request.query.offset),
        db.select({ n: count() }).from(invitations).where(where),
      ]);
      return { items: rows, total: total!.n, ...request.query };
    },
  );

  app.post(
    '/invitations-sent',
    {
      schema: {
        tags: ['members'],
        summary: 'Invite someone by email; the link is emailed and returned',
        body: z.object({ email: z.string().trim().toLowerCase().pipe(z.email({ error: 'must be an email address' })), role: invitableRole }),
        response: { 201: z.object({ invitation: invitationSchema, link: z.string() }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const scope = await requireOrg(ctx, request, 'admin');
      const { email, role: invitedRole } = request.body;
      const [already] = await db
        .select({ id: users.id })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organizationId, scope.organizationId), eq(sql`lower(${users.email})`, email)));
      if (already) throw new AppError('conflict', `${email} is already a member`, { fields: [{ field: 'email', message: 'is already a member' }] });
      const token = randomToken();
      const link = `${ctx.config.publicUrl}/invite/${token}`;
      const [org] = await db.select().from(organizations).where(eq(organizations.id, scope.organizationId));
      const inviter = scope.userId ? (await db.select().from(users).where(eq(users.id, scope.userId)))[0] : undefined;
      const invitation = await db.transaction(async (tx) => {
        const [inv] = await tx
          .insert(invitations)
          .values({
            organizationId: scope.organizationId,
            email,
            role: invitedRole,
            tokenHash: sha256(token),
            invitedBy: scope.userId,
            expiresAt: new Date(Date.now() + 14 * 86_400_000),
          })
          .returning();
        await recordAudit(tx, scope, { action: 'invitation.created', entityType: 'invitation', entityId: inv!.id, changes: { email, role: invitedRole } });
        return inv!;
      });
      await ctx.jobs.send(sendEmailJob, {
        to: email,
        subject: `You are invited to ${org!.name} on coi-tracker`,
        text:
          `${inviter?.name ?? 'An administrator'} invited you to join ${org!.name} on coi-tracker as ${invitedRole}.\n\n` +
          `Accept the invitation: ${link}\n\nThe link expires in 14 days.`,
      });
      return reply.status(201).send({ invitation: { ...invitation, invitedBy: inviter?.name ?? null }, link });
    },
  );

  app.delete(
    '/invitations-sent/:id',
    { schema: { tags: ['members'], summary: 'Revoke an invitation', params: idParams, response: { 204: z.null(), ...errors(400, 401, 403, 404) } } },
    async (request, reply) => {
      const scope = await requireOrg(ctx, request, 'admin');
      await db.transaction(async (tx) => {
        const [inv] = await tx
          .update(invitations)
          .set({ revokedAt: new Date() })
          .where(and(eq(invitations.id, request.params.id), eq(invitations.organizationId, scope.organizationId), isNull(invitations.revokedAt)))
          .returning();
        if (!inv) throw notFound('Invitation');
        await recordAudit(tx, scope, { action: 'invitation.revoked', entityType: 'invitation', entityId: inv.id, changes: { email: inv.email } });
      });
      return reply.status(204).send(null);
    },
  );

  // ---- API keys ----

  app.get(
    '/api-keys',
    { schema: { tags: ['api-keys'], summary: 'API keys of the organization', querystring: paginationQuery, response: { 200: page(apiKeySchema), ...errors(401, 403, 404) } } },
    async (request) => {
      const scope = await requireOrg(ctx, request, 'admin');
      const where = eq(apiKeys.organizationId, scope.organizationId);
      const [rows, [total]] = await Promise.all([
        db
          .select({
            id: apiKeys.id,
            name: apiKeys.name,
            prefix: apiKeys.prefix,
            role: apiKeys.role,
            createdAt: apiKeys.createdAt,
            lastUsedAt: apiKeys.lastUsedAt,
            revokedAt: apiKeys.revokedAt,
          })
          .from(apiKeys)
          .where(where)
          .orderBy(desc(apiKeys.createdAt))
          .limit(request.query.limit)
          .offset(request.query.offset),
        db.select({ n: count() }).from(apiKeys).where(where),
      ]);
      return { items: rows, total: total!.n, ...request.query };
    },
  );

  app.post(
    '/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key; the secret is returned once',
        body: z.object({ name: requiredText(100), role: invitableRole.default('editor') }),
        response: { 201: z.object({ apiKey: apiKeySchema, key: z.string() }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const scope = await requireOrg(ctx, request, 'admin');
      if (!roleAtLeast(scope.role, request.body.role)) throw new AppError('forbidden', 'A key cannot have more rights than its creator');
      const key = `coi_${randomToken(30)}`;
      const apiKey = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(apiKeys)
          .values({
            organizationId: scope.organizationId,
            name: request.body.name,
            role: request.body.role,
            prefix: key.slice(0, 10),
            keyHash: sha256(key),
            createdBy: scope.userId,
          })
          .returning();
        await recordAudit(tx, scope, { action: 'api_key.created', entityType: 'api_key', entityId: row!.id, changes: { name: row!.name, role: row!.role } });
        return row!;
      });
      const { keyHash: _hash, organizationId: _org, createdBy: _by, ...visible } = apiKey;
      return reply.status(201).send({ apiKey: visible, key });
    },
  );

  app.delete(
    '/api-keys/:id',
    { schema: { tags: ['api-keys'], summary: 'Revoke an API key', params: idParams, response: { 204: z.null(), ...errors(400, 401, 403, 404) } } },
    async (request, reply) => {
      const scope = await requireOrg(ctx, request, 'admin');
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(apiKeys)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiKeys.id, request.params.id), eq(apiKeys.organizationId, scope.organizationId), isNull(apiKeys.revokedAt)))
          .returning();
        if (!row) throw notFound('API key');
        await recordAudit(tx, scope, { action: 'api_key.revoked', entityType: 'api_key', entityId: row.id, changes: { name: row.name } });
      });
      return reply.status(204).send(null);
    },
  );
}

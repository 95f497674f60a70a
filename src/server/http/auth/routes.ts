// Sign-up, log-in, log-out, the current user, and accepting an invitation.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { hashPassword, passwordProblem, sha256, verifyPassword } from '../../crypto.js';
import { invitations, memberships, organizations, users } from '../../db/schema.js';
import { AppError, invalidField } from '../../errors.js';
import { endSession, organizationsOf, requireUser, startSession } from '../auth.js';
import { type App, errors, recordAudit, requiredText } from '../common.js';

const email = z.string().trim().toLowerCase().pipe(z.email({ error: 'must be an email address' })).pipe(z.string().max(254));
const password = z.string().min(1, { message: 'must not be empty' });

export const userSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string() }).meta({ id: 'User' });
export const membershipSchema = z
  .object({ id: z.uuid(), name: z.string(), role: z.enum(['owner', 'admin', 'editor', 'viewer']), timeZone: z.string() })
  .meta({ id: 'OrganizationMembership' });
const sessionResponse = z.object({ user: userSchema, organizations: z.array(membershipSchema) }).meta({ id: 'Session' });

// A fixed hash to compare against when the email is unknown, so timing does not reveal which emails exist.
const decoyHash = hashPassword('decoy-password-for-timing');

export async function authRoutes(app: App, ctx: AppContext) {
  const { db } = ctx.database;
  const tags = ['auth'];

  const session = async (userId: string) => {
    const [user] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
    return { user: user!, organizations: await organizationsOf(ctx, userId) };
  };

  app.post(
    '/auth/signup',
    {
      schema: {
        tags,
        summary: 'Create an account and its first organization',
        body: z.object({ email, password, name: requiredText(200), organizationName: requiredText(200) }),
        response: { 201: sessionResponse, ...errors(400, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const problem = passwordProblem(body.password, body.email);
      if (problem) throw invalidField('password', problem);
      const passwordHash = await hashPassword(body.password);
      const userId = await db.transaction(async (tx) => {
        const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, body.email));
        if (existing) throw new AppError('conflict', 'An account with this email already exists; log in instead', { fields: [{ field: 'email', message: 'is already registered' }] });
        const [user] = await tx.insert(users).values({ email: body.email, name: body.name, passwordHash }).returning();
        const [org] = await tx.insert(organizations).values({ name: body.organizationName }).returning();
        await tx.insert(memberships).values({ organizationId: org!.id, userId: user!.id, role: 'owner' });
        await recordAudit(tx, { organizationId: org!.id, userId: user!.id, apiKeyId: null, ip: request.ip }, {
          action: 'organization.created',
          entityType: 'organization',
          entityId: org!.id,
          changes: { name: body.organizationName },
        });
        return user!.id;
      });
      await startSession(ctx, reply, userId);
      return reply.status(201).send(await session(userId));
    },
  );

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Log in; sets the session cookie',
        body: z.object({ email, password }),
        response: { 200: sessionResponse, ...errors(400, 401) },
      },
    },
    async (request, reply) => {
      const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, request.body.email));
      const ok = await verifyPassword(request.body.password, user?.passwordHash ?? (await decoyHash));
      if (!user || !ok) throw new AppError('unauthenticated', 'The email or password is not correct');
      await startSession(ctx, reply, user.id);
      return session(user.id);
    },
  );

  app.post('/auth/logout', { schema: { tags, summary: 'Log out', response: { 204: z.null() } } }, async (request, reply) => {
    await endSession(ctx, request, reply);
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { tags, summary: 'The signed-in user and their organizations', response: { 200: sessionResponse, ...errors(401, 403) } } }, async (request) => {
    const caller = requireUser(request);
    return session(caller.userId);
  });

  const invitationToken = z.object({ token: z.string().min(10).max(100) });

  app.get(
    '/invitations/:token',
    {
      schema: {
        tags: ['members'],
        summary: 'What an invitation link offers (public)',
        params: invitationToken,
        response: {
          200: z.object({ organizationName: z.string(), email: z.string(), role: z.string(), expired: z.boolean(), accepted: z.boolean() }),
          ...errors(404),
        },
      },
    },
    async (request) => {
      const [row] = await db
        .select({ inv: invitations, organizationName: organizations.name })
        .from(invitations)
        .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
        .where(and(eq(invitations.tokenHash, sha256(request.params.token)), isNull(invitations.revokedAt)));
      if (!row) throw new AppError('not_found', 'This invitation does not exist or was revoked');
      return {
        organizationName: row.organizationName,
        email: row.inv.email,
        role: row.inv.role,
        expired: row.inv.expiresAt < new Date(),
        accepted: row.inv.acceptedAt !== null,
      };
    },
  );

  app.post(
    '/invitations/:token/accept',
    {
      schema: {
        tags: ['members'],
        summary: 'Accept an invitation: as the signed-in user, or by creating an account',
        params: invitationToken,
        body: z.object({ name: requiredText(200).optional(), password: password.optional() }).default({}),
        response: { 200: sessionResponse, ...errors(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const caller = request.caller?.type === 'user' ? request.caller : null;
      const body = request.body;
      const userId = await db.transaction(async (tx) => {
        const [inv] = await tx
          .select()
          .from(invitations)
          .where(
            and(
              eq(invitations.tokenHash, sha256(request.params.token)),
              isNull(invitations.revokedAt),
              isNull(invitations.acceptedAt),
              gt(invitations.expiresAt, new Date()),
            ),
          )
          .for('update');
        if (!inv) throw new AppError('not_found', 'This invitation does not exist, has expired, or was already used');
        let userId: string;
        if (caller) {
          userId = caller.userId;
        } else {
          const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, inv.email.toLowerCase()));
          if (existing) throw new AppError('unauthenticated', `An account for ${inv.email} exists: log in, then open the link again`);
          if (!body.name) throw invalidField('name', 'is required to create your account');
          if (!body.password) throw invalidField('password', 'is required to create your account');
          const problem = passwordProblem(body.password, inv.email);
          if (problem) throw invalidField('password', problem);
          const [user] = await tx.insert(users).values({ email: inv.email, name: body.name, passwordHash: await hashPassword(body.password) }).returning();
          userId = user!.id;
        }
        const [member] = await tx
          .select()
          .from(memberships)
          .where(and(eq(memberships.organizationId, inv.organizationId), eq(memberships.userId, userId)));
        if (!member) await tx.insert(memberships).values({ organizationId: inv.organizationId, userId, role: inv.role });
        await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, inv.id));
        await recordAudit(tx, { organizationId: inv.organizationId, userId, apiKeyId: null, ip: request.ip }, {
          action: 'invitation.accepted',
          entityType: 'invitation',
          entityId: inv.id,
          changes: { email: inv.email, role: inv.role },
        });
        return userId;
      });
      if (!caller) await startSession(ctx, reply, userId);
      return session(userId);
    },
  );
}

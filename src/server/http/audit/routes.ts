// The audit trail of the organization, newest first. Any member may read it; entries are written by each route
// through recordAudit (common.ts) and never changed.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import * as repo from '../../db/repositories/audit.js';
import { requireOrg } from '../auth.js';
import { type App, errors, page, paginationQuery } from '../common.js';

const auditEntrySchema = z
  .object({
    id: z.number().int(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    actor: z.object({ type: z.enum(['user', 'api_key', 'system']), id: z.string().nullable(), name: z.string().nullable() }).nullable(),
    changes: z.record(z.string(), z.unknown()).nullable(),
    ip: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'AuditEntry' });

const dateTime = z.iso
  .datetime({ offset: true, error: 'must be an ISO date-time such as 2026-03-01T00:00:00Z' })
  .transform((v) => new Date(v));

const listQuery = paginationQuery
  .extend({
    entityType: z.string().trim().min(1).max(100).optional(),
    entityId: z.string().trim().min(1).max(200).optional(),
    action: z.string().trim().min(1).max(100).optional(),
    actorUserId: z.uuid({ error: 'must be a UUID' }).optional(),
    // both ends are inclusive
    from: dateTime.optional(),
    to: dateTime.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be before from', path: ['to'] });

export async function auditRoutes(app: App, ctx: AppContext) {
  const { db } = ctx.database;

  app.get(
    '/audit-log',
    { schema: { tags: ['audit'], summary: 'The audit trail, newest first', querystring: listQuery, response: { 200: page(auditEntrySchema), ...errors(400, 401, 404) } } },
    async (request) => {
      const scope = await requireOrg(ctx, request);
      const result = await repo.listAuditEntries(db, scope.organizationId, request.query);
      return { ...result, limit: request.query.limit, offset: request.query.offset };
    },
  );
}

// Locations: the sites, properties, projects and jobsites where insureds work.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import * as repo from '../../db/repositories/locations.js';
import { AppError, notFound } from '../../errors.js';
import { requireOrg } from '../auth.js';
import {
  addressOut,
  addressSchema,
  type App,
  diff,
  errors,
  idParams,
  isoDate,
  isUniqueViolation,
  optionalText,
  page,
  paginationQuery,
  recordAudit,
  requiredText,
} from '../common.js';

const kind = z.enum(['site', 'property', 'project', 'jobsite', 'office', 'other']);

export const locationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    code: z.string().nullable(),
    kind,
    address: addressOut.nullable(),
    activeFrom: z.string().nullable(),
    activeTo: z.string().nullable(),
    archived: z.boolean(),
    insuredCount: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Location' });

// PATCH takes the same fields with no defaults, so that a field it does not name keeps its value
const locationFields = z.object({
  name: requiredText(200),
  code: optionalText(50),
  kind,
  address: addressSchema.nullable(),
  activeFrom: isoDate.nullable(),
  activeTo: isoDate.nullable(),
  archived: z.boolean(),
});
const checkDates = (v: { activeFrom?: string | null; activeTo?: string | null }) =>
  !v.activeFrom || !v.activeTo || v.activeFrom <= v.activeTo;
const datesMessage = { message: 'must not be before activeFrom', path: ['activeTo'] };

const createBody = locationFields
  .extend({
    kind: kind.default('site'),
    address: addressSchema.nullish().transform((v) => v ?? null),
    activeFrom: isoDate.nullish().transform((v) => v ?? null),
    activeTo: isoDate.nullish().transform((v) => v ?? null),
    archived: z.boolean().default(false),
  })
  .refine(checkDates, datesMessage);
const updateBody = locationFields.partial().refine(checkDates, datesMessage);

const listQuery = paginationQuery.extend({
  q: z.string().trim().max(200).optional(),
  archived: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

const codeTaken = (code: string | null | undefined) =>
  new AppError('conflict', `Another location already uses the code ${code}`, { fields: [{ field: 'code', message: 'is already used' }] });

export async function locationRoutes(app: App, ctx: AppContext) {
  const { db } = ctx.database;
  const tags = ['locations'];

  app.get('/locations', { schema: { tags, summary: 'List locations', querystring: listQuery, response: { 200: page(locationSchema), ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    const result = await repo.listLocations(db, scope.organizationId, request.query);
    return { ...result, limit: request.query.limit, offset: request.query.offset };
  });

  app.post('/locations', { schema: { tags, summary: 'Create a location', body: createBody, response: { 201: locationSchema, ...errors(400, 401, 403, 404, 409) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'editor');
    try {
      const row = await db.transaction(async (tx) => {
        const row = await repo.insertLocation(tx, scope.organizationId, request.body);
        await recordAudit(tx, scope, { action: 'location.created', entityType: 'location', entityId: row.id, changes: { name: row.name } });
        return row;
      });
      return reply.status(201).send({ ...row, insuredCount: 0 });
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(request.body.code);
      throw err;
    }
  });

  app.get('/locations/:id', { schema: { tags, summary: 'Get a location', params: idParams, response: { 200: locationSchema, ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    const row = await repo.getLocation(db, scope.organizationId, request.params.id);
    if (!row) throw notFound('Location');
    return row;
  });

  app.patch('/locations/:id', { schema: { tags, summary: 'Update a location', params: idParams, body: updateBody, response: { 200: locationSchema, ...errors(400, 401, 403, 404, 409) } } }, async (request) => {
    const scope = await requireOrg(ctx, request, 'editor');
    try {
      await db.transaction(async (tx) => {
        const before = await repo.getLocation(tx, scope.organizationId, request.params.id);
        if (!before) throw notFound('Location');
        const merged = { ...before, ...request.body };
        if (!checkDates(merged)) throw new AppError('validation_failed', 'activeTo: must not be before activeFrom', { fields: [{ field: 'activeTo', message: 'must not be before activeFrom' }] });
        await repo.updateLocation(tx, scope.organizationId, before.id, request.body);
        await recordAudit(tx, scope, { action: 'location.updated', entityType: 'location', entityId: before.id, changes: diff(before, request.body) });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(request.body.code);
      throw err;
    }
    return (await repo.getLocation(db, scope.organizationId, request.params.id))!;
  });

  app.delete('/locations/:id', { schema: { tags, summary: 'Delete a location and its assignments', params: idParams, response: { 204: z.null(), ...errors(400, 401, 403, 404) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'admin');
    await db.transaction(async (tx) => {
      const row = await repo.deleteLocation(tx, scope.organizationId, request.params.id);
      if (!row) throw notFound('Location');
      await recordAudit(tx, scope, { action: 'location.deleted', entityType: 'location', entityId: row.id, changes: { name: row.name } });
    });
    return reply.status(204).send(null);
  });
}

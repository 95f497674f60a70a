// Assignments: an insured works at a location, under the requirement set that applies there (or none yet).
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import * as repo from '../../db/repositories/assignments.js';
import { insuredExists } from '../../db/repositories/insureds.js';
import { getLocation } from '../../db/repositories/locations.js';
import { getRequirementSet } from '../../db/repositories/requirement-sets.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { requireOrg } from '../auth.js';
import { type App, diff, errors, idParams, isUniqueViolation, page, paginationQuery, recordAudit } from '../common.js';
import { complianceChanged } from '../../compliance/service.js';

export const assignmentSchema = z
  .object({
    id: z.uuid(),
    insuredId: z.uuid(),
    locationId: z.uuid(),
    locationName: z.string(),
    requirementSetId: z.uuid().nullable(),
    requirementSetName: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Assignment' });

const requirementSetId = z
  .uuid({ error: 'must be a UUID' })
  .nullable()
  .meta({ description: 'The requirement set that applies at this location; null for none yet' });
const createBody = z.object({ locationId: z.uuid({ error: 'must be a UUID' }), requirementSetId: requirementSetId.default(null) });
const updateBody = z.object({ requirementSetId });

// The foreign keys do not know about organizations, so every id is looked up in the caller's organization first:
// an id of another organization answers 404 like an unknown one and is never linked.
async function checkRequirementSet(tx: DbOrTx, organizationId: string, id: string | null) {
  if (id && !(await getRequirementSet(tx, organizationId, id))) throw notFound('Requirement set');
}

export async function assignmentRoutes(app: App, ctx: AppContext) {
  const { db } = ctx.database;
  const tags = ['assignments'];

  app.get('/insureds/:id/assignments', { schema: { tags, summary: "List an insured's locations and requirement sets", params: idParams, querystring: paginationQuery, response: { 200: page(assignmentSchema), ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    if (!(await insuredExists(db, scope.organizationId, request.params.id))) throw notFound('Insured');
    const result = await repo.listAssignments(db, scope.organizationId, request.params.id, request.query);
    return { ...result, limit: request.query.limit, offset: request.query.offset };
  });

  app.post('/insureds/:id/assignments', { schema: { tags, summary: 'Assign an insured to a location', params: idParams, body: createBody, response: { 201: assignmentSchema, ...errors(400, 401, 403, 404, 409) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'editor');
    const { locationId, requirementSetId } = request.body;
    const id = await db
      .transaction(async (tx) => {
        if (!(await insuredExists(tx, scope.organizationId, request.params.id))) throw notFound('Insured');
        if (!(await getLocation(tx, scope.organizationId, locationId))) throw notFound('Location');
        await checkRequirementSet(tx, scope.organizationId, requirementSetId);
        const row = await repo.insertAssignment(tx, scope.organizationId, request.params.id, { locationId, requirementSetId });
        await recordAudit(tx, scope, {
          action: 'assignment.created',
          entityType: 'assignment',
          entityId: row.id,
          changes: { insuredId: request.params.id, locationId, requirementSetId },
        });
        return row.id;
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'assignments_insured_location_key')) {
          throw new AppError('conflict', 'The insured is already assigned to this location', {
            fields: [{ field: 'locationId', message: 'is already assigned' }],
          });
        }
        throw err;
      });
    await complianceChanged(ctx, scope.organizationId, { insuredIds: [request.params.id] }, { kind: 'assignment', id }, request.log);
    return reply.status(201).send((await repo.getAssignment(db, scope.organizationId, id))!);
  });

  app.patch('/assignments/:id', { schema: { tags, summary: 'Change the requirement set of an assignment', params: idParams, body: updateBody, response: { 200: assignmentSchema, ...errors(400, 401, 403, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request, 'editor');
    const insuredId = await db.transaction(async (tx) => {
      const before = await repo.getAssignment(tx, scope.organizationId, request.params.id);
      if (!before) throw notFound('Assignment');
      await checkRequirementSet(tx, scope.organizationId, request.body.requirementSetId);
      await repo.updateAssignment(tx, scope.organizationId, before.id, request.body);
      await recordAudit(tx, scope, { action: 'assignment.updated', entityType: 'assignment', entityId: before.id, changes: diff(before, request.body) });
      return before.insuredId;
    });
    await complianceChanged(ctx, scope.organizationId, { insuredIds: [insuredId] }, { kind: 'assignment', id: request.params.id }, request.log);
    return (await repo.getAssignment(db, scope.organizationId, request.params.id))!;
  });

  app.delete('/assignments/:id', { schema: { tags, summary: 'Remove an insured from a location', params: idParams, response: { 204: z.null(), ...errors(400, 401, 403, 404) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'editor');
    const removed = await db.transaction(async (tx) => {
      const row = await repo.deleteAssignment(tx, scope.organizationId, request.params.id);
      if (!row) throw notFound('Assignment');
      await recordAudit(tx, scope, {
        action: 'assignment.deleted',
        entityType: 'assignment',
        entityId: row.id,
        changes: { insuredId: row.insuredId, locationId: row.locationId },
      });
      return row;
    });
    await complianceChanged(ctx, scope.organizationId, { insuredIds: [removed.insuredId] }, { kind: 'assignment', id: removed.id }, request.log);
    return reply.status(204).send(null);
  });
}

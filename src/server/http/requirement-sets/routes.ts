// Requirement sets: the minimum insurance an insured must carry, one "level" per set (e.g. "Standard subcontractor"),
// kept in the interchange format of shared/contracts/requirements.md and importable/exportable as such.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import {
  describeRequirementSet,
  requirementSetDefinition,
  requirementSetDefinitionInput,
  type RequirementSetDefinition,
  type RequirementSetDefinitionInput,
} from '../../../domain/requirements.js';
import * as repo from '../../db/repositories/requirement-sets.js';
import { AppError, notFound } from '../../errors.js';
import { requireOrg } from '../auth.js';
import { type App, diff, errors, idParams, isUniqueViolation, optionalText, page, paginationQuery, recordAudit, requiredText } from '../common.js';
import { complianceChangedLater } from '../../compliance/service.js';

export const requirementSetSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    definition: requirementSetDefinition,
    summary: z.array(z.string()).meta({ description: 'The requirements in plain language, one line each' }),
    coverageCount: z.number().int(),
    assignmentCount: z.number().int().meta({ description: 'Assignments (insured at a location) that use this set' }),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'RequirementSet' });

const name = requiredText(200);
const description = optionalText(2000);
const createBody = z.object({
  name,
  description,
  definition: requirementSetDefinitionInput.meta({ description: "The set's own name replaces definition.name" }),
});
const updateBody = createBody.partial();
const listQuery = paginationQuery.extend({ q: z.string().trim().max(200).optional() });
const importQuery = z.object({
  rename: z.enum(['true', 'false']).optional().meta({ description: 'On a name clash, import as "name (2)" instead of answering 409' }),
});

/** The stored definition always carries the set's name, first after schemaVersion as the contract writes it. */
function named(definition: RequirementSetDefinitionInput | RequirementSetDefinition, setName: string): RequirementSetDefinition {
  const { schemaVersion: _version, name: _name, ...rest } = definition;
  return { schemaVersion: 1, name: setName, ...rest };
}

function present(row: repo.RequirementSetRecord) {
  // parsed again on the way out: fills defaults, and catches definitions written to the table by other means
  const parsed = requirementSetDefinition.safeParse(row.definition);
  if (!parsed.success) {
    throw new Error(`requirement set ${row.id} holds a definition outside the contract: ${parsed.error.message}`);
  }
  const definition = parsed.data;
  return { ...row, definition, summary: describeRequirementSet(definition), coverageCount: definition.coverages.length };
}

const nameTaken = (taken: string, hint = '') =>
  new AppError('conflict', `Another requirement set is already named ${taken}${hint}`, {
    fields: [{ field: 'name', message: 'is already used' }],
  });

/** "Name (2)", or the next number free: the first copy is the second of its name. */
function copyName(base: string, taken: Set<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** A file name for the export: the set's name in lower-case ASCII words joined by dashes. */
export const exportFileName = (setName: string) =>
  `${
    setName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'requirement-set'
  }.json`;

export async function requirementSetRoutes(app: App, ctx: AppContext) {
  const { db } = ctx.database;
  const tags = ['requirement-sets'];

  app.get('/requirement-sets', { schema: { tags, summary: 'List requirement sets', querystring: listQuery, response: { 200: page(requirementSetSchema), ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    const result = await repo.listRequirementSets(db, scope.organizationId, request.query);
    return { items: result.items.map(present), total: result.total, limit: request.query.limit, offset: request.query.offset };
  });

  app.post('/requirement-sets', { schema: { tags, summary: 'Create a requirement set', body: createBody, response: { 201: requirementSetSchema, ...errors(400, 401, 403, 404, 409) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'editor');
    const { name: setName, description: setDescription, definition } = request.body;
    const id = await db
      .transaction(async (tx) => {
        const row = await repo.insertRequirementSet(tx, scope.organizationId, { name: setName, description: setDescription, definition: named(definition, setName) });
        await recordAudit(tx, scope, { action: 'requirement_set.created', entityType: 'requirement_set', entityId: row.id, changes: { name: setName } });
        return row.id;
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'requirement_sets_org_name_key')) throw nameTaken(setName);
        throw err;
      });
    return reply.status(201).send(present((await repo.getRequirementSet(db, scope.organizationId, id))!));
  });

  app.post(
    '/requirement-sets/import',
    {
      schema: {
        tags,
        summary: 'Import a requirement set from its interchange format (shared/contracts/requirements.md)',
        querystring: importQuery,
        body: requirementSetDefinition,
        response: { 201: requirementSetSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const scope = await requireOrg(ctx, request, 'editor');
      const wanted = request.body.name;
      const rename = request.query.rename === 'true';
      let setName = wanted;
      const id = await db
        .transaction(async (tx) => {
          if (rename) {
            const taken = await repo.takenCopyNames(tx, scope.organizationId, wanted);
            if (taken.has(wanted.toLowerCase())) setName = copyName(wanted, taken);
          }
          const row = await repo.insertRequirementSet(tx, scope.organizationId, { name: setName, definition: named(request.body, setName) });
          await recordAudit(tx, scope, {
            action: 'requirement_set.imported',
            entityType: 'requirement_set',
            entityId: row.id,
            changes: setName === wanted ? { name: setName } : { name: setName, renamedFrom: wanted },
          });
          return row.id;
        })
        .catch((err: unknown) => {
          if (isUniqueViolation(err, 'requirement_sets_org_name_key')) {
            throw nameTaken(setName, rename ? '' : '; import with ?rename=true to keep both');
          }
          throw err;
        });
      return reply.status(201).send(present((await repo.getRequirementSet(db, scope.organizationId, id))!));
    },
  );

  app.get('/requirement-sets/:id', { schema: { tags, summary: 'Get a requirement set', params: idParams, response: { 200: requirementSetSchema, ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    const row = await repo.getRequirementSet(db, scope.organizationId, request.params.id);
    if (!row) throw notFound('Requirement set');
    return present(row);
  });

  app.get(
    '/requirement-sets/:id/export',
    {
      schema: {
        tags,
        summary: 'Download a requirement set in its interchange format',
        params: idParams,
        response: { 200: requirementSetDefinition, ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const scope = await requireOrg(ctx, request);
      const row = await repo.getRequirementSet(db, scope.organizationId, request.params.id);
      if (!row) throw notFound('Requirement set');
      reply.header('content-disposition', `attachment; filename="${exportFileName(row.name)}"`);
      return present(row).definition;
    },
  );

  app.patch('/requirement-sets/:id', { schema: { tags, summary: 'Update a requirement set', params: idParams, body: updateBody, response: { 200: requirementSetSchema, ...errors(400, 401, 403, 404, 409) } } }, async (request) => {
    const scope = await requireOrg(ctx, request, 'editor');
    const body = request.body;
    await db
      .transaction(async (tx) => {
        const row = await repo.getRequirementSet(tx, scope.organizationId, request.params.id);
        if (!row) throw notFound('Requirement set');
        const before = present(row);
        const setName = body.name ?? before.name;
        const definition = named(body.definition ?? before.definition, setName);
        await repo.updateRequirementSet(tx, scope.organizationId, before.id, { name: body.name, description: body.description, definition });
        // the requirements are audited in plain language, which reads better in the log than two JSON documents
        const changes = diff(
          { name: before.name, description: before.description, requirements: before.summary },
          { name: body.name, description: body.description, requirements: body.definition ? describeRequirementSet(definition) : undefined },
        );
        await recordAudit(tx, scope, { action: 'requirement_set.updated', entityType: 'requirement_set', entityId: before.id, changes });
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'requirement_sets_org_name_key')) throw nameTaken(body.name ?? '');
        throw err;
      });
    // every insured held to the set is re-evaluated, in the background: a set can apply to thousands
    if (body.definition) await complianceChangedLater(ctx, scope.organizationId, { requirementSetIds: [request.params.id] }, { kind: 'requirement_set', id: request.params.id });
    return present((await repo.getRequirementSet(db, scope.organizationId, request.params.id))!);
  });

  app.delete('/requirement-sets/:id', { schema: { tags, summary: 'Delete a requirement set; its assignments keep their location without a set', params: idParams, response: { 204: z.null(), ...errors(400, 401, 403, 404) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'admin');
    await db.transaction(async (tx) => {
      const row = await repo.deleteRequirementSet(tx, scope.organizationId, request.params.id);
      if (!row) throw notFound('Requirement set');
      await recordAudit(tx, scope, { action: 'requirement_set.deleted', entityType: 'requirement_set', entityId: row.id, changes: { name: row.name } });
    });
    // its assignments are left without a set, so their statuses end: the whole organization is swept for them
    await complianceChangedLater(ctx, scope.organizationId, {}, { kind: 'requirement_set', id: request.params.id });
    return reply.status(204).send(null);
  });
}

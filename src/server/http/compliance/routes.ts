// Compliance: each insured's status per location with its findings in plain words, counts and rates, "who was
// compliant on date D", re-evaluation on demand, location overrides of requirement sets, and the ready-made
// requirement-set templates.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { COVERAGES } from '../../../domain/coverage.js';
import { FINDING_CODES, localDate } from '../../../domain/compliance/evaluate.js';
import { worstOf } from '../../../domain/compliance/codes.js';
import { locationOverridesSchema } from '../../../domain/compliance/overrides.js';
import { REQUIREMENT_TEMPLATES, findTemplate } from '../../../domain/compliance/templates.js';
import { describeRequirementSet } from '../../../domain/requirements.js';
import { reevaluate } from '../../compliance/engine.js';
import { getLocationOverrides, historyOf, listStatuses, organizationTimeZone, putLocationOverrides, statusesOn, summary, STATUSES } from '../../compliance/queries.js';
import { insuredExists } from '../../db/repositories/insureds.js';
import { getLocation } from '../../db/repositories/locations.js';
import { complianceChanged } from '../../compliance/service.js';
import * as requirementSetsRepo from '../../db/repositories/requirement-sets.js';
import { AppError, notFound } from '../../errors.js';
import { requireOrg } from '../auth.js';
import { type App, errors, idParams, isoDate, isUniqueViolation, page, paginationQuery, recordAudit } from '../common.js';
import { requirementSetSchema } from '../requirement-sets/routes.js';

const status = z.enum(STATUSES as [string, ...string[]]).meta({ description: 'compliant, expiring, expired, non_compliant, missing, or pending_review while a certificate awaits confirmation' });

export const findingSchema = z
  .object({
    code: z.enum(FINDING_CODES),
    message: z.string(),
    coverage: z.enum(COVERAGES).optional(),
    description: z.string().optional(),
    limit: z.string().optional(),
    required: z.union([z.number(), z.string(), z.boolean()]).optional(),
    actual: z.union([z.number(), z.string(), z.boolean(), z.null()]).optional(),
    waived: z.literal(true).optional(),
    waiverId: z.string().optional().meta({ description: 'The waiver that covers a waived finding' }),
  })
  .meta({ id: 'Finding' });

const coverageOutcome = z.object({
  coverage: z.enum(COVERAGES),
  description: z.string().optional(),
  certificateId: z.string().nullable(),
  policyNumber: z.string().nullable(),
  expirationDate: z.string().nullable(),
});

const statusRow = z
  .object({
    insuredId: z.uuid(),
    insuredName: z.string(),
    locationId: z.uuid(),
    locationName: z.string(),
    requirementSetId: z.uuid().nullable(),
    requirementSetName: z.string().nullable(),
    status,
    findings: z.array(findingSchema),
    coverages: z.array(coverageOutcome).meta({ description: 'Which certificate and policy satisfied (or came closest to) each required coverage' }),
    certificateIds: z.array(z.string()),
    since: z.date().meta({ description: 'When the current status began' }),
    asOf: z.string().meta({ description: "The organization's day it was evaluated for" }),
    evaluatedAt: z.date(),
  })
  .meta({ id: 'ComplianceStatus' });

const counts = z.object(Object.fromEntries(STATUSES.map((s) => [s, z.number().int()])) as Record<string, z.ZodNumber>);
const tally = z.object({ counts, total: z.number().int(), rate: z.number().nullable().meta({ description: 'Share compliant or expiring (meeting the requirements today); null with nothing to count' }) });

const summarySchema = z.object({
  asOf: z.string(),
  organization: tally.meta({ description: 'Insured-at-location pairs' }),
  insureds: tally.meta({ description: 'Insureds, each at its worst status across its locations' }),
  locations: z.array(tally.extend({ locationId: z.uuid(), name: z.string() })),
  history: z.array(z.object({ day: z.string(), counts, rate: z.number().nullable() })).meta({ description: 'Daily counts kept by the sweep' }),
});

const statusQuery = paginationQuery.extend({ locationId: z.uuid().optional(), insuredId: z.uuid().optional(), status: status.optional() });
const asOfQuery = z.object({ date: isoDate, locationId: z.uuid().optional() });
const asOfRow = z.object({
  insuredId: z.uuid(),
  insuredName: z.string(),
  locationId: z.uuid(),
  locationName: z.string(),
  status,
  certificateIds: z.array(z.string()).meta({ description: 'The certificates that satisfied the requirements then' }),
  certificates: z
    .array(
      z.object({
        id: z.string(),
        certificateNumber: z.string().nullable(),
        certificateDate: z.string().nullable(),
        producerName: z.string().nullable(),
        archived: z.boolean().meta({ description: 'Archived since (superseded, or by hand)' }),
        deleted: z.boolean().optional().meta({ description: 'Deleted since: only its id is known' }),
      }),
    )
    .meta({ description: 'Those certificates, described for an auditor' }),
  findings: z.array(findingSchema),
  since: z.date(),
  cause: z.string(),
});
const historyRow = z.object({
  locationId: z.uuid(),
  locationName: z.string(),
  status: z.string(),
  previousStatus: z.string().nullable(),
  cause: z.string(),
  changedAt: z.date(),
  asOf: z.string(),
  certificateIds: z.array(z.string()),
});

const templateSchema = z.object({ key: z.string(), name: z.string(), description: z.string(), definition: z.record(z.string(), z.unknown()), summary: z.array(z.string()) }).meta({ id: 'RequirementTemplate' });

export async function complianceRoutes(app: App, ctx: AppContext) {
  const { db } = ctx.database;
  const tags = ['compliance'];

  app.get('/compliance/summary', { schema: { tags, summary: 'Compliance counts and rates for the organization and each location, and over time', querystring: z.object({ days: z.coerce.number().int().min(1).max(730).default(90) }), response: { 200: summarySchema, ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    const today = localDate(new Date(), await organizationTimeZone(db, scope.organizationId));
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - request.query.days * 86_400_000).toISOString().slice(0, 10);
    return { asOf: today, ...(await summary(db, scope.organizationId, from)) };
  });

  app.get('/compliance/statuses', { schema: { tags, summary: 'Current status of each insured at each location, with findings', querystring: statusQuery, response: { 200: page(statusRow), ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    const q = request.query;
    const result = await listStatuses(db, scope.organizationId, { ...q, status: q.status as never });
    return { ...result, limit: q.limit, offset: q.offset };
  });

  app.get(
    '/compliance/as-of',
    {
      schema: {
        tags,
        summary: 'Who was compliant on a past date, and with which certificates',
        description: "Each insured's status at each location at the end of `date` (the organization's day), from the status history.",
        querystring: asOfQuery,
        response: { 200: z.object({ date: z.string(), items: z.array(asOfRow) }), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const scope = await requireOrg(ctx, request);
      return { date: request.query.date, items: await statusesOn(db, scope.organizationId, request.query.date, request.query.locationId) };
    },
  );

  app.get(
    '/insureds/:id/compliance',
    {
      schema: {
        tags,
        summary: "An insured's status, findings and history at each of its locations",
        params: idParams,
        response: { 200: z.object({ insuredId: z.uuid(), status: status.nullable(), locations: z.array(statusRow), history: z.array(historyRow) }), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const scope = await requireOrg(ctx, request);
      if (!(await insuredExists(db, scope.organizationId, request.params.id))) throw notFound('Insured');
      const { items } = await listStatuses(db, scope.organizationId, { insuredId: request.params.id, limit: 1000, offset: 0 });
      const worst = worstOf(items.map((i) => i.status));
      return { insuredId: request.params.id, status: worst, locations: items, history: await historyOf(db, scope.organizationId, request.params.id) };
    },
  );

  app.post(
    '/compliance/reevaluate',
    {
      schema: {
        tags,
        summary: 'Re-evaluate every insured now',
        description: 'Normally not needed: statuses follow every change and a daily sweep follows the calendar.',
        response: { 200: z.object({ asOf: z.string(), evaluated: z.number().int(), changed: z.number().int(), superseded: z.number().int() }), ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const scope = await requireOrg(ctx, request, 'admin');
      const report = await db.transaction((tx) => reevaluate(tx, scope.organizationId, {}, { kind: 'manual' }, new Date()));
      await recordAudit(db, scope, { action: 'compliance.reevaluated', entityType: 'organization', entityId: scope.organizationId, changes: report });
      return report;
    },
  );

  app.get(
    '/locations/:id/requirement-overrides',
    { schema: { tags, summary: "A location's overrides of the requirement sets applied there", params: idParams, response: { 200: locationOverridesSchema, ...errors(400, 401, 404) } } },
    async (request) => {
      const scope = await requireOrg(ctx, request);
      if (!(await getLocation(db, scope.organizationId, request.params.id))) throw notFound('Location');
      return locationOverridesSchema.parse((await getLocationOverrides(db, scope.organizationId, request.params.id)) ?? {});
    },
  );

  app.put(
    '/locations/:id/requirement-overrides',
    {
      schema: {
        tags,
        summary: "Set a location's overrides (holder name, phrases, expiring window, limits)",
        params: idParams,
        body: locationOverridesSchema,
        response: { 200: locationOverridesSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const scope = await requireOrg(ctx, request, 'editor');
      if (!(await getLocation(db, scope.organizationId, request.params.id))) throw notFound('Location');
      await db.transaction(async (tx) => {
        await putLocationOverrides(tx, scope.organizationId, request.params.id, request.body);
        await recordAudit(tx, scope, { action: 'location.requirements_overridden', entityType: 'location', entityId: request.params.id, changes: request.body as Record<string, unknown> });
      });
      // re-evaluated before answering, so the location's statuses already show the change
      await complianceChanged(ctx, scope.organizationId, { locationIds: [request.params.id] }, { kind: 'location', id: request.params.id }, request.log);
      return request.body;
    },
  );

  app.get('/requirement-set-templates', { schema: { tags: ['requirement-sets'], summary: 'Ready-made requirement sets to copy', response: { 200: z.object({ items: z.array(templateSchema) }), ...errors(401, 404) } } }, async (request) => {
    await requireOrg(ctx, request);
    return { items: REQUIREMENT_TEMPLATES.map((t) => ({ ...t, definition: t.definition as unknown as Record<string, unknown>, summary: describeRequirementSet(t.definition) })) };
  });

  app.post(
    '/requirement-sets/from-template',
    {
      schema: {
        tags: ['requirement-sets'],
        summary: 'Create a requirement set as a copy of a template',
        body: z.object({ template: z.string().min(1), name: z.string().trim().min(1).max(200).optional() }),
        response: { 201: requirementSetSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const scope = await requireOrg(ctx, request, 'editor');
      const template = findTemplate(request.body.template);
      if (!template) {
        throw new AppError('validation_failed', `Unknown template "${request.body.template}"`, {
          fields: [{ field: 'template', message: `must be one of ${REQUIREMENT_TEMPLATES.map((t) => t.key).join(', ')}` }],
        });
      }
      const setName = request.body.name ?? template.name;
      const id = await db
        .transaction(async (tx) => {
          const row = await requirementSetsRepo.insertRequirementSet(tx, scope.organizationId, { name: setName, description: template.description, definition: { ...template.definition, name: setName } });
          await recordAudit(tx, scope, { action: 'requirement_set.created', entityType: 'requirement_set', entityId: row.id, changes: { name: setName, template: template.key } });
          return row.id;
        })
        .catch((err: unknown) => {
          if (isUniqueViolation(err, 'requirement_sets_org_name_key')) {
            throw new AppError('conflict', `Another requirement set is already named ${setName}`, { fields: [{ field: 'name', message: 'is already used' }] });
          }
          throw err;
        });
      const row = (await requirementSetsRepo.getRequirementSet(db, scope.organizationId, id))!;
      const definition = template.definition;
      return reply.status(201).send({ ...row, definition: { ...definition, name: setName }, summary: describeRequirementSet(definition), coverageCount: definition.coverages.length });
    },
  );
}

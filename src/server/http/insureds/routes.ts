// Insureds: the vendors, contractors, tenants and suppliers whose certificates of insurance are tracked.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import * as repo from '../../db/repositories/insureds.js';
import { AppError, notFound } from '../../errors.js';
import { requireOrg } from '../auth.js';
import { complianceChanged } from '../../compliance/service.js';
import {
  addressOut,
  addressSchema,
  type App,
  diff,
  errors,
  idParams,
  isUniqueViolation,
  optionalText,
  page,
  paginationQuery,
  recordAudit,
  requiredText,
} from '../common.js';

const kind = z.enum(['vendor', 'contractor', 'subcontractor', 'tenant', 'supplier', 'other']);
const status = z.enum(['active', 'archived']);
const coverageState = z.enum(repo.COVERAGE_STATES);

export const insuredSchema = z
  .object({
    id: z.uuid(),
    legalName: z.string(),
    dba: z.string().nullable(),
    kind,
    address: addressOut.nullable(),
    mailingAddress: addressOut.nullable(),
    taxIdMasked: z.string().nullable().meta({ description: 'The tax id with all but its last four digits hidden' }),
    tags: z.array(z.string()),
    notes: z.string().nullable(),
    externalId: z.string().nullable(),
    status,
    certificateCount: z.number().int().meta({ description: 'Certificates on file, archived ones excepted' }),
    nextExpiration: z.string().nullable().meta({ description: 'The earliest policy expiration on or after today (YYYY-MM-DD)' }),
    coverageState: coverageState.meta({
      description: `missing: no policy on file; expired: none in force; expiring: the next ends within ${repo.EXPIRING_WITHIN_DAYS} days; current otherwise`,
    }),
    complianceStatus: z.enum(repo.COMPLIANCE_STATUSES).nullable().meta({
      description: 'The worst compliance status across its locations (missing, expired, non_compliant, pending_review, expiring, compliant); null when it is checked nowhere',
    }),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Insured' });

// EIN as 12-3456789, SSN or ITIN as 123-45-6789, or the nine digits alone. The message never repeats the value.
const TAX_ID = /^(?:\d{2}-\d{7}|\d{3}-\d{2}-\d{4}|\d{9})$/;
const taxId = z
  .string()
  .trim()
  .regex(TAX_ID, { message: 'must be an EIN (12-3456789), an SSN or ITIN (123-45-6789), or 9 digits' })
  .meta({ description: 'Stored encrypted; responses show only taxIdMasked. null clears it.' });

const tagList = z
  .array(z.string().trim().min(1, { message: 'must not be empty' }).max(100))
  .transform((tags) => [...new Set(tags)])
  .pipe(z.array(z.string()).max(50, { message: 'must hold at most 50 tags' }));

// No defaults here: the update body is these fields made optional, and a default would overwrite what a PATCH leaves out.
const insuredFields = {
  legalName: requiredText(300),
  dba: optionalText(300),
  kind,
  address: addressSchema.nullable(),
  mailingAddress: addressSchema.nullable(),
  taxId: taxId.nullable(),
  tags: tagList,
  notes: optionalText(5000),
  externalId: optionalText(100),
  status,
};
const createBody = z.object({
  ...insuredFields,
  kind: kind.default('vendor'),
  address: insuredFields.address.optional(),
  mailingAddress: insuredFields.mailingAddress.optional(),
  taxId: insuredFields.taxId.optional(),
  tags: tagList.default([]),
  status: status.default('active'),
});
const updateBody = z.object(insuredFields).partial();
type InsuredInput = z.output<typeof updateBody>;

const listQuery = paginationQuery.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'Searches the legal name and DBA, tolerating small typos' }),
  locationId: z.uuid({ error: 'must be a UUID' }).optional().meta({ description: 'Only insureds assigned to this location' }),
  status: status.optional(),
  tag: z.string().trim().min(1).max(100).optional(),
  kind: kind.optional(),
  coverageState: coverageState.optional(),
  complianceStatus: z.enum(repo.COMPLIANCE_STATUSES).optional().meta({ description: 'Only insureds whose worst status is this' }),
});

/** The database values of a request: the tax id is encrypted, and only its last four digits are kept in clear. */
function toValues(ctx: AppContext, input: InsuredInput): Partial<repo.InsuredValues> {
  const { taxId: plain, ...values } = input;
  if (plain === undefined) return values;
  return {
    ...values,
    taxIdEncrypted: plain === null ? null : ctx.cipher.encrypt(plain),
    taxIdLast4: plain === null ? null : plain.replace(/\D/g, '').slice(-4),
  };
}

export const maskTaxId = (last4: string | null) => (last4 ? `**-***${last4}` : null);
const present = ({ taxIdLast4, ...row }: repo.InsuredRecord) => ({ ...row, taxIdMasked: maskTaxId(taxIdLast4) });

/** What the audit trail compares: the insured's fields, with the tax id reduced to whether one is set. */
const auditView = (row: repo.InsuredRecord) => ({
  legalName: row.legalName,
  dba: row.dba,
  kind: row.kind,
  address: row.address,
  mailingAddress: row.mailingAddress,
  taxId: row.taxIdLast4 ? '(set)' : null,
  tags: row.tags,
  notes: row.notes,
  externalId: row.externalId,
  status: row.status,
});

const externalIdTaken = (externalId: string | null | undefined) =>
  new AppError('conflict', `Another insured already has the external id ${externalId}`, {
    fields: [{ field: 'externalId', message: 'is already used' }],
  });
const rethrow = (externalId: string | null | undefined) => (err: unknown) => {
  if (isUniqueViolation(err, 'insureds_org_external_key')) throw externalIdTaken(externalId);
  throw err;
};

export async function insuredRoutes(app: App, ctx: AppContext) {
  const { db } = ctx.database;
  const tags = ['insureds'];

  app.get('/insureds', { schema: { tags, summary: 'List insureds', querystring: listQuery, response: { 200: page(insuredSchema), ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    const result = await repo.listInsureds(db, scope.organizationId, request.query);
    return { items: result.items.map(present), total: result.total, limit: request.query.limit, offset: request.query.offset };
  });

  app.post('/insureds', { schema: { tags, summary: 'Create an insured', body: createBody, response: { 201: insuredSchema, ...errors(400, 401, 403, 404, 409) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'editor');
    const body = request.body;
    const id = await db
      .transaction(async (tx) => {
        const row = await repo.insertInsured(tx, scope.organizationId, { legalName: body.legalName, ...toValues(ctx, body) });
        await recordAudit(tx, scope, {
          action: 'insured.created',
          entityType: 'insured',
          entityId: row.id,
          changes: { legalName: body.legalName, kind: body.kind, externalId: body.externalId ?? null, ...(body.taxId ? { taxId: '(set)' } : {}) },
        });
        return row.id;
      })
      .catch(rethrow(body.externalId));
    return reply.status(201).send(present((await repo.getInsured(db, scope.organizationId, id))!));
  });

  app.get('/insureds/:id', { schema: { tags, summary: 'Get an insured', params: idParams, response: { 200: insuredSchema, ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    const row = await repo.getInsured(db, scope.organizationId, request.params.id);
    if (!row) throw notFound('Insured');
    return present(row);
  });

  app.patch('/insureds/:id', { schema: { tags, summary: 'Update an insured', params: idParams, body: updateBody, response: { 200: insuredSchema, ...errors(400, 401, 403, 404, 409) } } }, async (request) => {
    const scope = await requireOrg(ctx, request, 'editor');
    await db
      .transaction(async (tx) => {
        const before = await repo.getInsured(tx, scope.organizationId, request.params.id);
        if (!before) throw notFound('Insured');
        await repo.updateInsured(tx, scope.organizationId, before.id, toValues(ctx, request.body));
        await recordAudit(tx, scope, {
          action: 'insured.updated',
          entityType: 'insured',
          entityId: before.id,
          changes: diff(auditView(before), request.body, ['taxId']),
        });
      })
      .catch(rethrow(request.body.externalId));
    // archiving ends its statuses; restoring starts them again
    if (request.body.status !== undefined) await complianceChanged(ctx, scope.organizationId, { insuredIds: [request.params.id] }, { kind: 'insured', id: request.params.id }, request.log);
    return present((await repo.getInsured(db, scope.organizationId, request.params.id))!);
  });

  app.delete('/insureds/:id', { schema: { tags, summary: 'Delete an insured with its certificates, contacts, assignments and documents', params: idParams, response: { 204: z.null(), ...errors(400, 401, 403, 404) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'admin');
    await db.transaction(async (tx) => {
      const row = await repo.deleteInsured(tx, scope.organizationId, request.params.id);
      if (!row) throw notFound('Insured');
      await recordAudit(tx, scope, { action: 'insured.deleted', entityType: 'insured', entityId: row.id, changes: { legalName: row.legalName } });
    });
    return reply.status(204).send(null);
  });
}

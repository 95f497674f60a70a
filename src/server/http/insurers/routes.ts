// The organization's insurer table: NAIC code, name and AM Best-style rating. Ratings are not printed on
// certificates, so people enter them or import a list (CSV or JSON). Requirement sets with a minimum rating are
// checked against it; a change re-evaluates the organization in the background.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { parseInsurerRating, AM_BEST_LETTERS } from '../../../domain/requirements.js';
import { complianceChangedLater } from '../../compliance/service.js';
import * as repo from '../../db/repositories/insurers.js';
import { AppError, notFound } from '../../errors.js';
import { requireOrg } from '../auth.js';
import { type App, errors, idParams, isUniqueViolation, page, paginationQuery, recordAudit } from '../common.js';

const naic = z.string().trim().regex(/^\d{5}$/, { message: 'must be a 5-digit NAIC code' });
const rating = z
  .string()
  .trim()
  .refine((v) => parseInsurerRating(v) !== null, { message: `must be an AM Best rating: ${AM_BEST_LETTERS.join(', ')}, optionally with a size category I to XV (e.g. "A- VIII")` });

export const insurerSchema = z
  .object({ id: z.uuid(), naic: z.string(), name: z.string(), rating: z.string().nullable(), notes: z.string().nullable(), createdAt: z.date(), updatedAt: z.date() })
  .meta({ id: 'InsurerRating' });
const createBody = z.object({ naic, name: z.string().trim().min(1).max(300), rating: rating.nullish(), notes: z.string().trim().max(2000).nullish() });
const updateBody = createBody.partial();
const importRow = z.object({ naic, name: z.string().trim().min(1).max(300), rating: z.union([rating, z.literal('')]).nullish() });

export async function insurerRoutes(app: App, ctx: AppContext) {
  const { db } = ctx.database;
  const tags = ['insurers'];
  const naicTaken = (code: string) => new AppError('conflict', `NAIC ${code} is already in the insurer table`, { fields: [{ field: 'naic', message: 'is already listed' }] });

  app.get('/insurers', { schema: { tags, summary: "The organization's insurer table", querystring: paginationQuery.extend({ q: z.string().trim().max(200).optional() }), response: { 200: page(insurerSchema), ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    const { limit, offset } = request.query;
    return { ...(await repo.listInsurers(db, scope.organizationId, request.query)), limit, offset };
  });

  app.post('/insurers', { schema: { tags, summary: 'Add an insurer', body: createBody, response: { 201: insurerSchema, ...errors(400, 401, 403, 404, 409) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'editor');
    const b = request.body;
    const row = await db
      .transaction(async (tx) => {
        const r = await repo.insertInsurer(tx, scope.organizationId, b);
        await recordAudit(tx, scope, { action: 'insurer.created', entityType: 'insurer', entityId: r.id, changes: b });
        return r;
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'insurer_ratings_org_naic_key')) throw naicTaken(b.naic);
        throw err;
      });
    await complianceChangedLater(ctx, scope.organizationId, {}, { kind: 'insurer', id: row.id });
    return reply.status(201).send(row);
  });

  app.patch('/insurers/:id', { schema: { tags, summary: 'Change an insurer', params: idParams, body: updateBody, response: { 200: insurerSchema, ...errors(400, 401, 403, 404, 409) } } }, async (request) => {
    const scope = await requireOrg(ctx, request, 'editor');
    const before = await repo.getInsurer(db, scope.organizationId, request.params.id);
    if (!before) throw notFound('Insurer');
    const b = request.body;
    const row = await db
      .transaction(async (tx) => {
        const r = await repo.updateInsurer(tx, scope.organizationId, before.id, {
          naic: b.naic ?? before.naic,
          name: b.name ?? before.name,
          rating: b.rating === undefined ? before.rating : b.rating,
          notes: b.notes === undefined ? before.notes : b.notes,
        });
        await recordAudit(tx, scope, { action: 'insurer.updated', entityType: 'insurer', entityId: before.id, changes: b });
        return r;
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'insurer_ratings_org_naic_key')) throw naicTaken(b.naic ?? '');
        throw err;
      });
    await complianceChangedLater(ctx, scope.organizationId, {}, { kind: 'insurer', id: row.id });
    return row;
  });

  app.delete('/insurers/:id', { schema: { tags, summary: 'Remove an insurer', params: idParams, response: { 204: z.null(), ...errors(400, 401, 403, 404) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'editor');
    const deleted = await db.transaction(async (tx) => {
      const gone = await repo.deleteInsurer(tx, scope.organizationId, request.params.id);
      if (gone) await recordAudit(tx, scope, { action: 'insurer.deleted', entityType: 'insurer', entityId: request.params.id, changes: gone });
      return gone !== null;
    });
    if (!deleted) throw notFound('Insurer');
    await complianceChangedLater(ctx, scope.organizationId, {}, { kind: 'insurer', id: request.params.id });
    return reply.status(204).send(null);
  });

  app.post(
    '/insurers/import',
    {
      schema: {
        tags,
        summary: 'Import insurers: a JSON list, or CSV text with columns naic, name, rating',
        description: 'Rows are added, or update the insurer with the same NAIC code. The whole import is refused, with each bad row named, if any row is invalid.',
        body: z.union([z.array(z.record(z.string(), z.unknown())).max(50_000), z.object({ csv: z.string().max(20_000_000) })]),
        response: { 200: z.object({ created: z.number().int(), updated: z.number().int() }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const scope = await requireOrg(ctx, request, 'editor');
      let raw: unknown[];
      if (Array.isArray(request.body)) raw = request.body;
      else {
        const { parse } = await import('csv-parse/sync');
        try {
          raw = parse(request.body.csv, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true });
        } catch (err) {
          throw new AppError('validation_failed', `The CSV could not be read: ${(err as Error).message}`, { fields: [{ field: 'csv', message: (err as Error).message }] });
        }
      }
      const fields: Array<{ field: string; message: string }> = [];
      const rows: Array<{ naic: string; name: string; rating: string | null }> = [];
      raw.forEach((r, i) => {
        const parsed = importRow.safeParse(r);
        if (!parsed.success) for (const issue of parsed.error.issues) fields.push({ field: `${i}.${issue.path.join('.')}`, message: issue.message });
        else rows.push({ naic: parsed.data.naic, name: parsed.data.name, rating: parsed.data.rating || null });
      });
      if (fields.length > 0) throw new AppError('validation_failed', `${new Set(fields.map((f) => f.field.split('.')[0])).size} row(s) are not valid; nothing was imported`, { fields: fields.slice(0, 100) });
      const result = await db.transaction(async (tx) => {
        const report = await repo.upsertInsurers(tx, scope.organizationId, rows);
        await recordAudit(tx, scope, { action: 'insurer.imported', entityType: 'organization', entityId: scope.organizationId, changes: report });
        return report;
      });
      await complianceChangedLater(ctx, scope.organizationId, {}, { kind: 'insurer' });
      return result;
    },
  );
}

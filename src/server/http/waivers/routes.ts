// Waivers: an admin accepts a finding for an insured (at one location or all), with a reason, who, and until when.
// A waived finding is still shown, marked waived, and does not count toward the status; the waiver lapses by itself
// after its last day, and can be revoked. Both re-evaluate the insured at once.
import * as repo from '../../db/repositories/waivers.js';
import { insuredExists } from '../../db/repositories/insureds.js';
import { getLocation } from '../../db/repositories/locations.js';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { COVERAGES } from '../../../domain/coverage.js';
import { FINDING_CODES, localDate } from '../../../domain/compliance/evaluate.js';
import { complianceChanged } from '../../compliance/service.js';
import { organizationTimeZone } from '../../compliance/queries.js';
import { notFound } from '../../errors.js';
import { requireOrg } from '../auth.js';
import { type App, errors, idParams, isoDate, recordAudit } from '../common.js';

export const waiverSchema = z
  .object({
    id: z.uuid(),
    insuredId: z.uuid(),
    locationId: z.uuid().nullable().meta({ description: 'null: at every location' }),
    code: z.enum(FINDING_CODES),
    coverage: z.enum(COVERAGES).nullable(),
    description: z.string().nullable().meta({ description: 'For an `other` coverage: its description' }),
    limit: z.string().nullable(),
    reason: z.string(),
    expiresOn: z.string().nullable().meta({ description: 'Last day the waiver applies (organization time zone); null: until revoked' }),
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.date(),
    revokedAt: z.date().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Waiver' });

const createBody = z.object({
  code: z.enum(FINDING_CODES),
  coverage: z.enum(COVERAGES).nullish(),
  description: z.string().trim().max(200).nullish(),
  limit: z.string().trim().max(100).nullish(),
  locationId: z.uuid().nullish(),
  reason: z.string().trim().min(1, { message: 'must say why the finding is accepted' }).max(2000),
  expiresOn: isoDate.nullish(),
});

/** Active: not revoked, and its last day not passed in the organization's calendar. */
const present = (w: repo.WaiverRecord, today: string) => ({ ...w, active: w.revokedAt === null && (w.expiresOn === null || w.expiresOn >= today) });

export async function waiverRoutes(app: App, ctx: AppContext) {
  const { db } = ctx.database;
  const tags = ['compliance'];
  const today = async (organizationId: string) => localDate(new Date(), await organizationTimeZone(db, organizationId));

  app.get('/insureds/:id/waivers', { schema: { tags, summary: "An insured's waivers, active and past", params: idParams, response: { 200: z.object({ items: z.array(waiverSchema) }), ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    if (!(await insuredExists(db, scope.organizationId, request.params.id))) throw notFound('Insured');
    const day = await today(scope.organizationId);
    return { items: (await repo.listWaivers(db, scope.organizationId, request.params.id)).map((w) => present(w, day)) };
  });

  app.post(
    '/insureds/:id/waivers',
    { schema: { tags, summary: 'Waive a finding for an insured (admin)', params: idParams, body: createBody, response: { 201: waiverSchema, ...errors(400, 401, 403, 404) } } },
    async (request, reply) => {
      const scope = await requireOrg(ctx, request, 'admin');
      const b = request.body;
      if (!(await insuredExists(db, scope.organizationId, request.params.id))) throw notFound('Insured');
      if (b.locationId && !(await getLocation(db, scope.organizationId, b.locationId))) throw notFound('Location');
      const id = await db.transaction(async (tx) => {
        const waiverId = await repo.insertWaiver(tx, scope.organizationId, request.params.id, b, scope.userId);
        await recordAudit(tx, scope, { action: 'waiver.created', entityType: 'insured', entityId: request.params.id, changes: { waiver: waiverId, ...b } });
        return waiverId;
      });
      await complianceChanged(ctx, scope.organizationId, { insuredIds: [request.params.id] }, { kind: 'waiver', id }, request.log);
      return reply.status(201).send(present((await repo.getWaiver(db, scope.organizationId, id))!, await today(scope.organizationId)));
    },
  );

  app.delete('/waivers/:id', { schema: { tags, summary: 'Revoke a waiver (admin); kept in the record as revoked', params: idParams, response: { 200: waiverSchema, ...errors(400, 401, 403, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request, 'admin');
    const found = await repo.getWaiver(db, scope.organizationId, request.params.id);
    if (!found) throw notFound('Waiver');
    if (!found.revokedAt) {
      await db.transaction(async (tx) => {
        await repo.revokeWaiver(tx, scope.organizationId, found.id, scope.userId);
        await recordAudit(tx, scope, { action: 'waiver.revoked', entityType: 'insured', entityId: found.insuredId, changes: { waiver: found.id, code: found.code } });
      });
      await complianceChanged(ctx, scope.organizationId, { insuredIds: [found.insuredId] }, { kind: 'waiver', id: found.id }, request.log);
    }
    return present((await repo.getWaiver(db, scope.organizationId, request.params.id))!, await today(scope.organizationId));
  });
}

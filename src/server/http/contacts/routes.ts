// Contacts of an insured: its own people (kind vendor) and its insurance brokers (kind broker), with at most one
// primary contact of each kind.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import * as repo from '../../db/repositories/contacts.js';
import { insuredExists } from '../../db/repositories/insureds.js';
import { notFound } from '../../errors.js';
import { requireOrg } from '../auth.js';
import { type App, diff, errors, idParams, optionalText, page, paginationQuery, recordAudit, requiredText } from '../common.js';

const kind = z.enum(['vendor', 'broker']);

export const contactSchema = z
  .object({
    id: z.uuid(),
    insuredId: z.uuid(),
    kind,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    title: z.string().nullable(),
    company: z.string().nullable(),
    isPrimary: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Contact' });

// No defaults here: the update body is these fields made optional, and a default would overwrite what a PATCH leaves out.
const contactFields = {
  kind,
  name: requiredText(200),
  email: optionalText(320).pipe(z.email({ error: 'must be an email address' }).nullable()),
  phone: optionalText(50),
  title: optionalText(200),
  company: optionalText(200),
  isPrimary: z.boolean().meta({ description: 'Setting it takes the flag from the other contacts of the same kind' }),
};
const createBody = z.object({ ...contactFields, kind: kind.default('vendor'), isPrimary: z.boolean().default(false) });
const updateBody = z.object(contactFields).partial();

export async function contactRoutes(app: App, ctx: AppContext) {
  const { db } = ctx.database;
  const tags = ['contacts'];

  app.get('/insureds/:id/contacts', { schema: { tags, summary: "List an insured's contacts", params: idParams, querystring: paginationQuery, response: { 200: page(contactSchema), ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    if (!(await insuredExists(db, scope.organizationId, request.params.id))) throw notFound('Insured');
    const result = await repo.listContacts(db, scope.organizationId, request.params.id, request.query);
    return { ...result, limit: request.query.limit, offset: request.query.offset };
  });

  app.post('/insureds/:id/contacts', { schema: { tags, summary: 'Add a contact to an insured', params: idParams, body: createBody, response: { 201: contactSchema, ...errors(400, 401, 403, 404) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'editor');
    const row = await db.transaction(async (tx) => {
      if (!(await insuredExists(tx, scope.organizationId, request.params.id, { lock: true }))) throw notFound('Insured');
      const row = await repo.insertContact(tx, scope.organizationId, request.params.id, request.body);
      if (row.isPrimary) await repo.clearOtherPrimaries(tx, scope.organizationId, row);
      await recordAudit(tx, scope, {
        action: 'contact.created',
        entityType: 'contact',
        entityId: row.id,
        changes: { insuredId: row.insuredId, kind: row.kind, name: row.name, isPrimary: row.isPrimary },
      });
      return row;
    });
    return reply.status(201).send(row);
  });

  app.patch('/contacts/:id', { schema: { tags, summary: 'Update a contact', params: idParams, body: updateBody, response: { 200: contactSchema, ...errors(400, 401, 403, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request, 'editor');
    return db.transaction(async (tx) => {
      const before = await repo.getContact(tx, scope.organizationId, request.params.id);
      if (!before) throw notFound('Contact');
      await insuredExists(tx, scope.organizationId, before.insuredId, { lock: true });
      const row = (await repo.updateContact(tx, scope.organizationId, before.id, request.body))!;
      // also when only the kind changed: a primary broker turned vendor must not make two primary vendors
      if (row.isPrimary) await repo.clearOtherPrimaries(tx, scope.organizationId, row);
      await recordAudit(tx, scope, { action: 'contact.updated', entityType: 'contact', entityId: row.id, changes: diff(before, request.body) });
      return row;
    });
  });

  app.delete('/contacts/:id', { schema: { tags, summary: 'Delete a contact', params: idParams, response: { 204: z.null(), ...errors(400, 401, 403, 404) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'editor');
    await db.transaction(async (tx) => {
      const row = await repo.deleteContact(tx, scope.organizationId, request.params.id);
      if (!row) throw notFound('Contact');
      await recordAudit(tx, scope, {
        action: 'contact.deleted',
        entityType: 'contact',
        entityId: row.id,
        changes: { insuredId: row.insuredId, kind: row.kind, name: row.name },
      });
    });
    return reply.status(204).send(null);
  });
}

// Supporting documents of an insured: policies, endorsements, contracts, W-9s, leases. Each is one uploaded file with
// a title, a kind and an optional expiry; the file itself is never replaced (upload a new document instead).
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { findInsured } from '../../db/repositories/certificates.js';
import * as repo from '../../db/repositories/documents.js';
import * as filesRepo from '../../db/repositories/files.js';
import { notFound } from '../../errors.js';
import { fileQuery, receiveUpload, sendStoredFile } from '../../files.js';
import { documentKinds } from '../../storage/sniff.js';
import { requireOrg } from '../auth.js';
import { type App, diff, errors, idParams, isoDate, optionalText, page, paginationQuery, recordAudit, requiredText } from '../common.js';
import { fileRefSchema } from '../certificates/schemas.js';

const kind = z.enum(['policy', 'endorsement', 'contract', 'w9', 'lease', 'other']);
const insuredId = z.uuid({ error: 'must be a UUID' });

export const documentSchema = z
  .object({
    id: z.uuid(),
    insuredId: z.uuid(),
    kind,
    title: z.string(),
    expiresOn: z.string().nullable(),
    notes: z.string().nullable(),
    file: fileRefSchema,
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Document' });

// multipart fields are all text, and a form sends an empty string for an empty input: that means "not given"
const uploadFields = z.strictObject({
  insuredId,
  kind,
  title: optionalText(300),
  expiresOn: z
    .union([z.literal(''), isoDate])
    .optional()
    .transform((v) => v || null),
  notes: optionalText(5_000),
});

const updateBody = z
  .object({
    insuredId,
    kind,
    title: requiredText(300),
    expiresOn: isoDate.nullable(),
    notes: optionalText(5_000),
  })
  .partial();

const listQuery = paginationQuery.extend({
  insuredId: insuredId.optional(),
  kind: kind.optional(),
  expiringBefore: isoDate.optional(),
});

export async function documentRoutes(app: App, ctx: AppContext) {
  const { db } = ctx.database;
  const tags = ['documents'];
  const insuredNotFound = () => notFound('Insured');

  app.get('/documents', { schema: { tags, summary: 'List documents', querystring: listQuery, response: { 200: page(documentSchema), ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    const result = await repo.listDocuments(db, scope.organizationId, request.query);
    return { ...result, limit: request.query.limit, offset: request.query.offset };
  });

  app.post(
    '/documents/upload',
    {
      schema: {
        tags,
        summary: 'Upload a document (PDF, image or Office file)',
        description:
          'multipart/form-data: the text fields `insuredId`, `kind`, and optionally `title` (default: the file name), ' +
          '`expiresOn` (YYYY-MM-DD) and `notes` first, then the file in the field `file`.',
        consumes: ['multipart/form-data'],
        response: { 201: documentSchema, ...errors(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const scope = await requireOrg(ctx, request, 'editor');
      const upload = await receiveUpload(ctx, request, {
        kinds: documentKinds,
        fields: uploadFields,
        beforeFile: async (f) => {
          if (!(await findInsured(db, scope.organizationId, f.insuredId))) throw insuredNotFound();
        },
      });
      const { fields } = upload;
      const id = await db.transaction(async (tx) => {
        // checked again inside the transaction: the insured may have gone while the file was arriving
        if (!(await findInsured(tx, scope.organizationId, fields.insuredId))) throw insuredNotFound();
        const file = await filesRepo.insertFile(tx, scope.organizationId, upload.file);
        const title = fields.title ?? file.originalName ?? 'Untitled document';
        const id = await repo.insertDocument(tx, scope.organizationId, { ...fields, title, fileId: file.id });
        await recordAudit(tx, scope, {
          action: 'document.created',
          entityType: 'document',
          entityId: id,
          changes: { insuredId: fields.insuredId, kind: fields.kind, title, file: { id: file.id, name: file.originalName, sha256: file.sha256, size: file.size, contentType: file.contentType } },
        });
        return id;
      });
      return reply.status(201).send((await repo.getDocument(db, scope.organizationId, id))!);
    },
  );

  app.get('/documents/:id', { schema: { tags, summary: 'Get a document', params: idParams, response: { 200: documentSchema, ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    const row = await repo.getDocument(db, scope.organizationId, request.params.id);
    if (!row) throw notFound('Document');
    return row;
  });

  app.patch('/documents/:id', { schema: { tags, summary: 'Update a document', params: idParams, body: updateBody, response: { 200: documentSchema, ...errors(400, 401, 403, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request, 'editor');
    await db.transaction(async (tx) => {
      const before = await repo.getDocument(tx, scope.organizationId, request.params.id);
      if (!before) throw notFound('Document');
      const target = request.body.insuredId;
      if (target && target !== before.insuredId && !(await findInsured(tx, scope.organizationId, target))) throw insuredNotFound();
      await repo.updateDocument(tx, scope.organizationId, before.id, request.body);
      await recordAudit(tx, scope, { action: 'document.updated', entityType: 'document', entityId: before.id, changes: diff(before, request.body) });
    });
    return (await repo.getDocument(db, scope.organizationId, request.params.id))!;
  });

  app.delete('/documents/:id', { schema: { tags, summary: 'Delete a document', params: idParams, response: { 204: z.null(), ...errors(400, 401, 403, 404) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'admin');
    await db.transaction(async (tx) => {
      const row = await repo.deleteDocument(tx, scope.organizationId, request.params.id);
      if (!row) throw notFound('Document');
      // the file record goes with its document; the bytes stay in the content-addressed store
      await filesRepo.deleteFileIfUnused(tx, scope.organizationId, row.fileId);
      await recordAudit(tx, scope, { action: 'document.deleted', entityType: 'document', entityId: row.id, changes: { insuredId: row.insuredId, kind: row.kind, title: row.title } });
    });
    return reply.status(204).send(null);
  });

  app.get(
    '/documents/:id/file',
    { schema: { tags, summary: 'The stored document file (inline; `?download=1` for an attachment)', params: idParams, querystring: fileQuery, response: errors(400, 401, 404) } },
    async (request, reply) => {
      const scope = await requireOrg(ctx, request);
      const row = await repo.getDocument(db, scope.organizationId, request.params.id);
      if (!row) throw notFound('Document');
      return sendStoredFile(ctx, reply, row.file, { download: request.query.download, fallbackName: `document-${row.id.slice(0, 8)}` });
    },
  );
}

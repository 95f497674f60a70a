// Certificates of insurance: entered by hand, or uploaded as a file whose fields are filled in later; their stored
// file; the certificate in the extraction format; and policies across certificates for expiry views.
// Uploads store no fields: reading the file is a separate step (nothing here guesses at its content).
import { complianceChanged } from '../../compliance/service.js';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type PolicyFields, toExtraction } from '../../../domain/certificate.js';
import type { AppContext } from '../../context.js';
import * as repo from '../../db/repositories/certificates.js';
import * as filesRepo from '../../db/repositories/files.js';
import { AppError, notFound } from '../../errors.js';
import { fileQuery, receiveUpload, sendStoredFile } from '../../files.js';
import { readCertificateJob } from '../../jobs/definitions.js';
import { MAX_RENDER_WIDTH, MIN_RENDER_WIDTH } from '../../../extraction/worker/protocol.js';
import { certificateKinds } from '../../storage/sniff.js';
import { requireOrg } from '../auth.js';
import { type App, diff, errors, idParams, page, recordAudit } from '../common.js';
import { warningFlags } from './flags.js';
import { pageImage, type PageImage } from './pages.js';
import {
  certificateDetailSchema,
  certificateSchema,
  createCertificateBody,
  extractionSchema,
  listCertificatesQuery,
  listPoliciesQuery,
  pageParams,
  pageQuery,
  policyListItemSchema,
  updateCertificateBody,
  uploadFields,
} from './schemas.js';

/** Policies compared by content for the audit trail: ids change on every replace, and jsonb reorders keys. */
const comparablePolicies = (list: (PolicyFields & { id?: string })[]) =>
  list.map(({ id: _id, ...p }) => ({ ...p, limits: sortKeys(p.limits), details: sortKeys(p.details) }));
const sortKeys = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/** A rendered page: the same bytes for as long as the file exists, so the browser may keep it a while. */
function sendPage(reply: FastifyReply, image: PageImage) {
  return reply
    .header('content-type', 'image/png')
    .header('x-page-count', String(image.pages))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .send(image.png);
}

export async function certificateRoutes(app: App, ctx: AppContext) {
  const { db } = ctx.database;
  const tags = ['certificates'];
  const insuredNotFound = () => notFound('Insured');

  /** A certificate as the review screen needs it: with where its values were read, and the values warnings name. */
  const detail = async (organizationId: string, id: string) => {
    const row = await repo.getCertificate(db, organizationId, id);
    if (!row) throw notFound('Certificate');
    return { ...row, provenance: await repo.getProvenance(db, organizationId, id), flags: warningFlags(row.warnings, row) };
  };

  /** Queues the reading of a certificate's file. Called after the rows are committed, so the job finds them. */
  const queueReading = async (organizationId: string, certificateId: string, log: { error(o: unknown, msg?: string): void }) => {
    try {
      await ctx.jobs.send(readCertificateJob, { organizationId, certificateId });
    } catch (err) {
      // the certificate and its file are kept; a person can ask for a reading again
      log.error({ err, certificateId }, 'could not queue the reading of a certificate');
      await repo.updateCertificate(db, organizationId, certificateId, {
        status: 'needs_review',
        readError: 'The file could not be queued for reading; use "Read again", or fill the fields in by hand.',
      });
    }
  };

  app.get('/certificates', { schema: { tags, summary: 'List certificates', querystring: listCertificatesQuery, response: { 200: page(certificateSchema), ...errors(400, 401, 404) } } }, async (request) => {
    const scope = await requireOrg(ctx, request);
    const result = await repo.listCertificates(db, scope.organizationId, request.query);
    return { ...result, limit: request.query.limit, offset: request.query.offset };
  });

  app.post('/certificates', { schema: { tags, summary: 'Enter a certificate by hand', body: createCertificateBody, response: { 201: certificateDetailSchema, ...errors(400, 401, 403, 404) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'editor');
    const { policies, ...fields } = request.body;
    const id = await db.transaction(async (tx) => {
      if (!(await repo.findInsured(tx, scope.organizationId, fields.insuredId))) throw insuredNotFound();
      const id = await repo.insertCertificate(tx, scope.organizationId, { ...fields, receivedAt: new Date() }, policies);
      await recordAudit(tx, scope, {
        action: 'certificate.created',
        entityType: 'certificate',
        entityId: id,
        changes: { insuredId: fields.insuredId, source: fields.source, status: fields.status, policies: policies.length },
      });
      return id;
    });
    await complianceChanged(ctx, scope.organizationId, { insuredIds: [fields.insuredId] }, { kind: 'certificate', id }, request.log);
    return reply.status(201).send(await detail(scope.organizationId, id));
  });

  app.post(
    '/certificates/upload',
    {
      schema: {
        tags,
        summary: 'Upload a certificate file (PDF, PNG, JPEG or TIFF)',
        description:
          'multipart/form-data: the text field `insuredId` (and optionally `source`) first, then the file in the field `file`. ' +
          'The certificate is stored with status `received` and no fields; they are filled in by reading it or by hand.',
        consumes: ['multipart/form-data'],
        response: { 201: certificateDetailSchema, ...errors(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const scope = await requireOrg(ctx, request, 'editor');
      const upload = await receiveUpload(ctx, request, {
        kinds: certificateKinds,
        fields: uploadFields,
        beforeFile: async (f) => {
          if (!(await repo.findInsured(db, scope.organizationId, f.insuredId))) throw insuredNotFound();
        },
      });
      const { insuredId, source } = upload.fields;
      const id = await db.transaction(async (tx) => {
        // checked again inside the transaction: the insured may have gone while the file was arriving
        if (!(await repo.findInsured(tx, scope.organizationId, insuredId))) throw insuredNotFound();
        const file = await filesRepo.insertFile(tx, scope.organizationId, upload.file);
        const id = await repo.insertCertificate(tx, scope.organizationId, { insuredId, source, fileId: file.id, status: 'received', receivedAt: new Date() }, []);
        await recordAudit(tx, scope, {
          action: 'certificate.created',
          entityType: 'certificate',
          entityId: id,
          changes: { insuredId, source, status: 'received', file: { id: file.id, name: file.originalName, sha256: file.sha256, size: file.size, contentType: file.contentType } },
        });
        return id;
      });
      await queueReading(scope.organizationId, id, request.log);
      // received, not yet read: the insured is pending review until the reading (or a person) fills it in
      await complianceChanged(ctx, scope.organizationId, { insuredIds: [insuredId] }, { kind: 'certificate', id }, request.log);
      return reply.status(201).send(await detail(scope.organizationId, id));
    },
  );

  app.post(
    '/certificates/:id/read',
    {
      schema: {
        tags,
        summary: 'Read the certificate file again',
        description:
          'Queues a new reading of the stored file. The certificate returns to status `received` with `readAt` null until the reading ' +
          'finishes; the reading then replaces its fields and policies (a file that gives no fields leaves them and sets `readError`).',
        params: idParams,
        response: { 202: certificateDetailSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const scope = await requireOrg(ctx, request, 'editor');
      await db.transaction(async (tx) => {
        const before = await repo.getCertificate(tx, scope.organizationId, request.params.id);
        if (!before) throw notFound('Certificate');
        if (!before.file) throw new AppError('conflict', 'This certificate was entered by hand; it has no file to read');
        await repo.updateCertificate(tx, scope.organizationId, before.id, { status: 'received', readAt: null, readMethod: null, readError: null });
        await recordAudit(tx, scope, {
          action: 'certificate.read_requested',
          entityType: 'certificate',
          entityId: before.id,
          changes: { status: { from: before.status, to: 'received' } },
        });
      });
      await queueReading(scope.organizationId, request.params.id, request.log);
      return reply.status(202).send(await detail(scope.organizationId, request.params.id));
    },
  );

  app.get(
    '/certificates/:id',
    {
      schema: {
        tags,
        summary: 'Get a certificate, with where each value was read (`provenance`) and the values its warnings name (`flags`)',
        params: idParams,
        response: { 200: certificateDetailSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const scope = await requireOrg(ctx, request);
      return detail(scope.organizationId, request.params.id);
    },
  );

  app.patch(
    '/certificates/:id',
    {
      schema: {
        tags,
        summary: 'Update a certificate; `policies`, when given, replaces all its policies',
        params: idParams,
        body: updateCertificateBody,
        response: { 200: certificateDetailSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const scope = await requireOrg(ctx, request, 'editor');
      const { policies, ...fields } = request.body;
      const previousInsured = await db.transaction(async (tx) => {
        const before = await repo.getCertificate(tx, scope.organizationId, request.params.id);
        if (!before) throw notFound('Certificate');
        if (fields.insuredId && fields.insuredId !== before.insuredId && !(await repo.findInsured(tx, scope.organizationId, fields.insuredId))) {
          throw insuredNotFound();
        }
        await repo.updateCertificate(tx, scope.organizationId, before.id, fields);
        if (policies) await repo.replacePolicies(tx, scope.organizationId, before.id, policies);
        const changes = diff(
          { ...before, policies: comparablePolicies(before.policies) },
          { ...fields, policies: policies && comparablePolicies(policies) },
        );
        await recordAudit(tx, scope, { action: 'certificate.updated', entityType: 'certificate', entityId: before.id, changes });
        return before.insuredId;
      });
      const insuredIds = [...new Set([previousInsured, fields.insuredId ?? previousInsured])];
      await complianceChanged(ctx, scope.organizationId, { insuredIds }, { kind: 'certificate', id: request.params.id }, request.log);
      return detail(scope.organizationId, request.params.id);
    },
  );

  app.delete('/certificates/:id', { schema: { tags, summary: 'Delete a certificate and its policies', params: idParams, response: { 204: z.null(), ...errors(400, 401, 403, 404) } } }, async (request, reply) => {
    const scope = await requireOrg(ctx, request, 'admin');
    const removed = await db.transaction(async (tx) => {
      const row = await repo.deleteCertificate(tx, scope.organizationId, request.params.id);
      if (!row) throw notFound('Certificate');
      // the file record goes with its certificate; the bytes stay in the content-addressed store
      if (row.fileId) await filesRepo.deleteFileIfUnused(tx, scope.organizationId, row.fileId);
      await recordAudit(tx, scope, {
        action: 'certificate.deleted',
        entityType: 'certificate',
        entityId: row.id,
        changes: { insuredId: row.insuredId, source: row.source, fileId: row.fileId },
      });
      return row;
    });
    await complianceChanged(ctx, scope.organizationId, { insuredIds: [removed.insuredId] }, { kind: 'certificate_removed', id: removed.id }, request.log);
    return reply.status(204).send(null);
  });

  app.get(
    '/certificates/:id/file',
    {
      schema: {
        tags,
        summary: 'The stored certificate file (inline; `?download=1` for an attachment)',
        params: idParams,
        querystring: fileQuery,
        response: errors(400, 401, 404),
      },
    },
    async (request, reply) => {
      const scope = await requireOrg(ctx, request);
      const found = await repo.getCertificateFile(db, scope.organizationId, request.params.id);
      if (!found) throw notFound('Certificate');
      if (!found.file) throw notFound('File of this certificate');
      return sendStoredFile(ctx, reply, found.file, { download: request.query.download, fallbackName: `certificate-${found.id.slice(0, 8)}` });
    },
  );

  app.get(
    '/certificates/:id/pages/:n',
    {
      schema: {
        tags,
        summary: 'Page n of the certificate file as a PNG image, `width` pixels wide',
        description:
          `A greyscale PNG of page \`n\` (1-based) of the stored PDF, PNG, JPEG or TIFF, \`width\` pixels wide (${MIN_RENDER_WIDTH}–${MAX_RENDER_WIDTH}; ` +
          'upright as its reading turned it, where it was scanned sideways or upside down (`provenance.pages[].turned`); ' +
          'a very tall page comes narrower). `X-Page-Count` says how many pages the file has. A page the file does not have is 404; ' +
          'a file that cannot be rendered (damaged, locked, too slow or too large) is 409 with the reason.',
        params: pageParams,
        querystring: pageQuery,
        response: errors(400, 401, 404, 409),
      },
    },
    async (request, reply) => {
      const scope = await requireOrg(ctx, request);
      const found = await repo.getCertificateFile(db, scope.organizationId, request.params.id);
      if (!found) throw notFound('Certificate');
      if (!found.file) throw notFound('File of this certificate');
      // (a page its reading found scanned sideways or upside down is shown upright, as its boxes are placed)
      const provenance = await repo.getProvenance(db, scope.organizationId, request.params.id);
      const turned = provenance?.pages.find((p) => p.page === request.params.n)?.turned;
      const image = await pageImage(ctx, found.file.sha256, request.params.n, request.query.width, turned);
      return sendPage(reply, image);
    },
  );

  app.get(
    '/certificates/:id/extraction',
    {
      schema: {
        tags,
        summary: 'The certificate in the extraction format (shared/contracts/coi-extraction.md, version 1)',
        params: idParams,
        response: { 200: extractionSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const scope = await requireOrg(ctx, request);
      const row = await repo.getCertificate(db, scope.organizationId, request.params.id);
      if (!row) throw notFound('Certificate');
      return toExtraction(row, row.file);
    },
  );

  app.get(
    '/policies',
    {
      schema: {
        tags: ['policies'],
        summary: 'Policies across certificates, soonest expiry first',
        querystring: listPoliciesQuery,
        response: { 200: page(policyListItemSchema), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const scope = await requireOrg(ctx, request);
      const result = await repo.listPolicies(db, scope.organizationId, request.query);
      return { ...result, limit: request.query.limit, offset: request.query.offset };
    },
  );
}

// Builds the Fastify application: plugins, error shape, authentication, the API routes, OpenAPI, and the web UI.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyServerOptions } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { resolveCaller } from './auth.js';
import type { App } from './common.js';
import { apiRoutes } from './routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: { method: string; url: string }[];
  }
}

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export async function buildApp(ctx: AppContext, options: { logger?: FastifyServerOptions['logger'] } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: true,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: ctx.config.maxUploadBytes, files: 1, fields: 20, fieldSize: 100_000 },
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const { status, body } = toErrorResponse(err, ctx);
    if (status >= 500) request.log.error({ err }, 'request failed');
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !fs.existsSync(path.join(webDist, 'index.html'))) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
    }
    // the single-page app routes everything else itself
    return reply.type('text/html').sendFile('index.html', webDist);
  });

  // the route table, for the tenant-isolation test that proves every API route is covered
  const routeTable: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url });
  });
  app.decorate('routeTable', routeTable);

  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.caller = await resolveCaller(ctx, request);
    // cookie-authenticated writes must come from our own pages (SameSite=Lax covers most, this covers the rest)
    if (request.caller?.type === 'user' && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const origin = request.headers.origin;
      if (origin && new URL(origin).host !== request.headers.host) {
        throw new AppError('forbidden', `Cross-site request from ${origin} refused`);
      }
    }
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'coi-tracker API',
        version: '1',
        description:
          'Certificates of insurance: organizations, locations, insureds, requirement sets, certificates, documents. ' +
          'Authenticate with a session cookie or `Authorization: Bearer <API key>`. People choose an organization ' +
          'with the `X-Organization-Id` header.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An organization API key (coi_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'coi_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/health',
    { schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) } } },
    async () => {
      await ctx.database.sql.executeSql('SELECT 1');
      return { status: 'ok' as const, database: ctx.database.kind };
    },
  );

  await app.register(async (api) => apiRoutes(api as App, ctx), { prefix: '/api/v1' });

  if (fs.existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  return app;
}

function toErrorResponse(err: FastifyError, ctx: AppContext): { status: number; body: unknown } {
  const shape = (code: string, message: string, details?: Record<string, unknown>) => ({
    error: details ? { code, message, details } : { code, message },
  });
  if (err instanceof AppError) return { status: err.status, body: shape(err.code, err.message, err.details) };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? 'body';
    const fields = err.validation.map((v) => {
      const field = [where === 'body' ? '' : where, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.') || where;
      return { field, message: v.message ?? 'is invalid' };
    });
    const message = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return { status: 400, body: shape('validation_failed', message, { fields }) };
  }
  if (isResponseSerializationError(err)) {
    return { status: 500, body: shape('internal', 'The server produced an invalid response') };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return {
        status: 413,
        body: shape('payload_too_large', `The upload is larger than the limit of ${Math.round(ctx.config.maxUploadBytes / 1048576)} MB`),
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: shape('unsupported_media_type', err.message) };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 400, body: shape('bad_request', err.message) };
  }
  if (err instanceof SyntaxError) return { status: 400, body: shape('bad_request', `Malformed JSON: ${err.message}`) };
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  return { status, body: shape(status === 500 ? 'internal' : 'bad_request', status === 500 ? 'Internal server error' : err.message) };
}

// Schemas and helpers every resource shares: ids, pagination, addresses, dates, the audit trail.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DbOrTx } from '../db/client.js';
import { auditLog } from '../db/schema.js';
import type { OrgScope } from './auth.js';

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

export const idParams = z.object({ id: z.uuid({ error: 'must be a UUID' }) });

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

/** A calendar date as YYYY-MM-DD that exists (rejects 2026-02-30). */
export const isoDate = z.string().refine(isRealDate, { message: 'must be a date as YYYY-MM-DD' });
function isRealDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

const trimmed = (max: number) => z.string().trim().max(max);
export const requiredText = (max = 300) => trimmed(max).min(1, { message: 'must not be empty' });
/** Optional free text: empty strings become null. */
export const optionalText = (max = 300) =>
  trimmed(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const addressSchema = z
  .object({
    lines: z.array(trimmed(200)).max(6).default([]),
    city: optionalText(100),
    state: optionalText(50),
    postalCode: optionalText(20),
  })
  .meta({ id: 'Address' });
export type AddressInput = z.infer<typeof addressSchema>;
/** Response schemas must be free of transforms (they are encoded, not parsed), hence a separate output shape. */
export const addressOut = z
  .object({ lines: z.array(z.string()), city: z.string().nullable(), state: z.string().nullable(), postalCode: z.string().nullable() })
  .meta({ id: 'AddressOut' });

export const errorResponse = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
  })
  .meta({ id: 'Error' });

/** Standard error responses for the OpenAPI document. */
export const errors = (...codes: (400 | 401 | 403 | 404 | 409 | 413 | 415)[]) =>
  Object.fromEntries(codes.map((c) => [c, errorResponse]));

export async function recordAudit(
  tx: DbOrTx,
  scope: Pick<OrgScope, 'organizationId' | 'userId' | 'apiKeyId' | 'ip'>,
  entry: { action: string; entityType: string; entityId?: string | null; changes?: Record<string, unknown> | null },
): Promise<void> {
  await tx.insert(auditLog).values({
    organizationId: scope.organizationId,
    actorUserId: scope.userId,
    actorApiKeyId: scope.apiKeyId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    changes: entry.changes ?? null,
    ip: scope.ip,
  });
}

/** The fields of `after` that differ from `before`, for the audit trail. Secrets are named, never copied. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>, secret: string[] = []) {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (JSON.stringify(before[key]) === JSON.stringify(value)) continue;
    changes[key] = secret.includes(key) ? '(changed)' : { from: before[key] ?? null, to: value };
  }
  return changes;
}

/** Postgres unique violation, as both drivers report it. */
export const isUniqueViolation = (err: unknown, constraint?: string) => {
  const e = (err as { cause?: unknown })?.cause ?? err;
  const code = (e as { code?: string })?.code;
  const name = (e as { constraint?: string })?.constraint;
  return code === '23505' && (!constraint || name === constraint);
};

export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

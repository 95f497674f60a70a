// Reading the audit trail of one organization (entries are written by recordAudit in http/common.ts).
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { apiKeys, auditLog, users } from '../schema.js';

export type AuditFilter = {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorUserId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
};

export type Actor = { type: 'user' | 'api_key' | 'system'; id: string | null; name: string | null };

export async function listAuditEntries(db: DbOrTx, organizationId: string, filter: AuditFilter) {
  const conditions: SQL[] = [eq(auditLog.organizationId, organizationId)];
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actorUserId) conditions.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from));
  if (filter.to) conditions.push(lte(auditLog.createdAt, filter.to));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        entry: auditLog,
        userName: users.name,
        apiKeyName: apiKeys.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      // the key must be of the same organization, so that an id can never pull a name across organizations
      .leftJoin(apiKeys, and(eq(apiKeys.id, auditLog.actorApiKeyId), eq(apiKeys.organizationId, auditLog.organizationId)))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map(({ entry, userName, apiKeyName }) => ({
      id: entry.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      actor: actorOf(entry, userName, apiKeyName),
      changes: entry.changes,
      ip: entry.ip,
      createdAt: entry.createdAt,
    })),
    total: total!.n,
  };
}

function actorOf(entry: typeof auditLog.$inferSelect, userName: string | null, apiKeyName: string | null): Actor {
  if (entry.actorUserId) return { type: 'user', id: entry.actorUserId, name: userName };
  if (entry.actorApiKeyId) return { type: 'api_key', id: entry.actorApiKeyId, name: apiKeyName };
  // No actor column is set for work the server does itself. The table has no actor type, so an entry whose user
  // was since deleted (the reference is set null) reads as system too.
  return { type: 'system', id: null, name: null };
}

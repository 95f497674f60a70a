// Data access for waivers. Every function takes the organization id and never crosses it.
import { sql } from 'drizzle-orm';
import type { FindingCode } from '../../../domain/compliance/evaluate.js';
import type { Coverage } from '../../../domain/coverage.js';
import type { DbOrTx } from '../client.js';
import { rowsOf } from '../raw.js';

export type WaiverRecord = {
  id: string;
  insuredId: string;
  locationId: string | null;
  code: FindingCode;
  coverage: Coverage | null;
  description: string | null;
  limit: string | null;
  reason: string;
  expiresOn: string | null;
  createdBy: { id: string; name: string } | null;
  createdAt: Date;
  revokedAt: Date | null;
};
export type WaiverValues = { code: FindingCode; coverage?: Coverage | null; description?: string | null; limit?: string | null; locationId?: string | null; reason: string; expiresOn?: string | null };

const rows = rowsOf;

type Row = {
  id: string;
  insured_id: string;
  location_id: string | null;
  code: FindingCode;
  coverage: Coverage | null;
  description: string | null;
  limit_key: string | null;
  reason: string;
  expires_on: string | null;
  created_by: string | null;
  creator_name: string | null;
  created_at: string;
  revoked_at: string | null;
};
const columns = sql`w.id, w.insured_id, w.location_id, w.code, w.coverage, w.description, w.limit_key, w.reason, w.expires_on::text as expires_on, w.created_by,
  u.name as creator_name, w.created_at::text as created_at, w.revoked_at::text as revoked_at`;
const record = (r: Row): WaiverRecord => ({
  id: r.id,
  insuredId: r.insured_id,
  locationId: r.location_id,
  code: r.code,
  coverage: r.coverage,
  description: r.description,
  limit: r.limit_key,
  reason: r.reason,
  expiresOn: r.expires_on,
  createdBy: r.created_by ? { id: r.created_by, name: r.creator_name ?? '' } : null,
  createdAt: new Date(r.created_at),
  revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
});

export async function listWaivers(db: DbOrTx, organizationId: string, insuredId: string): Promise<WaiverRecord[]> {
  const found = await rows<Row>(db, sql`select ${columns} from waivers w left join users u on u.id = w.created_by
    where w.organization_id = ${organizationId} and w.insured_id = ${insuredId} order by w.created_at desc, w.id`);
  return found.map(record);
}

export async function getWaiver(db: DbOrTx, organizationId: string, id: string): Promise<WaiverRecord | null> {
  const [found] = await rows<Row>(db, sql`select ${columns} from waivers w left join users u on u.id = w.created_by where w.id = ${id} and w.organization_id = ${organizationId}`);
  return found ? record(found) : null;
}

export async function insertWaiver(db: DbOrTx, organizationId: string, insuredId: string, v: WaiverValues, createdBy: string | null): Promise<string> {
  const [row] = await rows<{ id: string }>(
    db,
    sql`insert into waivers (organization_id, insured_id, location_id, code, coverage, description, limit_key, reason, expires_on, created_by)
      values (${organizationId}, ${insuredId}, ${v.locationId ?? null}, ${v.code}, ${v.coverage ?? null}, ${v.description ?? null}, ${v.limit ?? null}, ${v.reason}, ${v.expiresOn ?? null}, ${createdBy})
      returning id`,
  );
  return row!.id;
}

export async function revokeWaiver(db: DbOrTx, organizationId: string, id: string, revokedBy: string | null): Promise<void> {
  await db.execute(sql`update waivers set revoked_at = now(), revoked_by = ${revokedBy} where id = ${id} and organization_id = ${organizationId} and revoked_at is null`);
}

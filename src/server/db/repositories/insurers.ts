// Data access for the organization's insurer table (NAIC code, name, AM Best-style rating).
import { sql } from 'drizzle-orm';
import { likePattern } from '../../http/common.js';
import type { DbOrTx } from '../client.js';
import { rowsOf } from '../raw.js';

export type InsurerRecord = { id: string; naic: string; name: string; rating: string | null; notes: string | null; createdAt: Date; updatedAt: Date };
export type InsurerValues = { naic: string; name: string; rating?: string | null; notes?: string | null };

type Row = { id: string; naic: string; name: string; rating: string | null; notes: string | null; created_at: string; updated_at: string };
const rows = rowsOf;
const columns = sql`id, naic, name, rating, notes, created_at::text as created_at, updated_at::text as updated_at`;
const record = (r: Row): InsurerRecord => ({ id: r.id, naic: r.naic, name: r.name, rating: r.rating, notes: r.notes, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at) });

export async function listInsurers(db: DbOrTx, organizationId: string, f: { q?: string; limit: number; offset: number }) {
  const match = f.q ? sql`and (name ilike ${likePattern(f.q)} or naic like ${likePattern(f.q)})` : sql``;
  const [total] = await rows<{ n: number }>(db, sql`select count(*)::int as n from insurer_ratings where organization_id = ${organizationId} ${match}`);
  const items = await rows<Row>(db, sql`select ${columns} from insurer_ratings where organization_id = ${organizationId} ${match} order by name, naic limit ${f.limit} offset ${f.offset}`);
  return { items: items.map(record), total: total?.n ?? 0 };
}

export async function getInsurer(db: DbOrTx, organizationId: string, id: string): Promise<InsurerRecord | null> {
  const [r] = await rows<Row>(db, sql`select ${columns} from insurer_ratings where id = ${id} and organization_id = ${organizationId}`);
  return r ? record(r) : null;
}

export async function insertInsurer(db: DbOrTx, organizationId: string, v: InsurerValues): Promise<InsurerRecord> {
  const [r] = await rows<Row>(db, sql`insert into insurer_ratings (organization_id, naic, name, rating, notes) values (${organizationId}, ${v.naic}, ${v.name}, ${v.rating ?? null}, ${v.notes ?? null}) returning ${columns}`);
  return record(r!);
}

export async function updateInsurer(db: DbOrTx, organizationId: string, id: string, v: InsurerValues): Promise<InsurerRecord> {
  const [r] = await rows<Row>(
    db,
    sql`update insurer_ratings set naic = ${v.naic}, name = ${v.name}, rating = ${v.rating ?? null}, notes = ${v.notes ?? null}, updated_at = now()
      where id = ${id} and organization_id = ${organizationId} returning ${columns}`,
  );
  return record(r!);
}

export async function deleteInsurer(db: DbOrTx, organizationId: string, id: string): Promise<{ naic: string; name: string } | null> {
  const [r] = await rows<{ naic: string; name: string }>(db, sql`delete from insurer_ratings where id = ${id} and organization_id = ${organizationId} returning naic, name`);
  return r ?? null;
}

/** Adds rows, or updates the row with the same NAIC code (the last of duplicates in the list wins). */
export async function upsertInsurers(db: DbOrTx, organizationId: string, list: Array<{ naic: string; name: string; rating: string | null }>) {
  const latest = [...new Map(list.map((r) => [r.naic, r])).values()];
  const out = await rows<{ inserted: boolean }>(
    db,
    sql`insert into insurer_ratings (organization_id, naic, name, rating)
      select ${organizationId}, r.naic, r.name, r.rating from jsonb_to_recordset(${JSON.stringify(latest)}::jsonb) as r(naic text, name text, rating text)
      on conflict (organization_id, naic) do update set name = excluded.name, rating = excluded.rating, updated_at = now()
      returning (xmax = 0) as inserted`,
  );
  const created = out.filter((r) => r.inserted).length;
  return { created, updated: out.length - created };
}

/** The table as the compliance check reads it: NAIC → name and rating. */
export async function insurerTable(db: DbOrTx, organizationId: string): Promise<Map<string, { name: string; rating: string | null }>> {
  const found = await rows<{ naic: string; name: string; rating: string | null }>(db, sql`select naic, name, rating from insurer_ratings where organization_id = ${organizationId}`);
  return new Map(found.map((r) => [r.naic, { name: r.name, rating: r.rating }]));
}

// Small helpers for the few places that write set-based SQL by hand (the compliance engine and its repositories):
// rows of a raw query, and values that node-postgres and PGlite hand back or take in differently.
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.js';

/** The rows of a raw query (both drivers answer `{ rows }`). */
export async function rowsOf<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A jsonb column's value: parsed by node-postgres, possibly still text from PGlite. */
export const jsonValue = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** A text[] or uuid[] column's value: an array from node-postgres, possibly the '{a,b}' literal from PGlite. */
export function textArray(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === 'string') return v.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
  return [];
}

/** A uuid[] literal: one parameter whatever the count (both drivers take it as text; cast it with ::uuid[]). */
export function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error(`not a uuid: ${id}`);
  return `{${ids.join(',')}}`;
}

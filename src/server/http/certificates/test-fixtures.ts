// Test helpers for certificate and document tests: small files built in code, insureds, uploads, API keys.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { multipart, type Session, type TestApp } from '../../../../test/helpers/app.js';
import { insureds } from '../../db/schema.js';

/** A minimal one-page PDF, written out so that no sample file is needed. */
export function tinyPdf(label = 'Certificate'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
  ];
  const stream = `BT /F1 12 Tf 72 720 Td (${label}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG from its bytes: signature, IHDR, IDAT, IEND. */
export const tinyPng = (): Buffer =>
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export const tinyGif = (): Buffer => Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export const sha256 = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex');

/** Creates an insured through the API when its routes exist, else straight in the table. */
export async function createInsured(t: TestApp, session: Session, legalName = 'Acme Roofing LLC'): Promise<string> {
  const res = await session.request('POST', '/api/v1/insureds', { legalName });
  if (res.statusCode === 201) return res.json().id;
  const [row] = await t.ctx.database.db.insert(insureds).values({ organizationId: session.organizationId, legalName }).returning();
  return row!.id;
}

export function upload(
  session: Session,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; content: Buffer; contentType?: string; field?: string },
): Promise<LightMyRequestResponse> {
  const body = multipart(fields, file);
  return session.request('POST', url, body.payload, body.headers);
}

export async function apiKey(session: Session, role: 'admin' | 'editor' | 'viewer'): Promise<string> {
  const res = await session.request('POST', '/api/v1/api-keys', { name: `${role} key`, role });
  if (res.statusCode !== 201) throw new Error(`api key: ${res.statusCode} ${res.body}`);
  return res.json().key;
}

/** Every blob in the store, wherever it sits (including half-written ones in tmp/). */
export function storedBlobs(t: TestApp): string[] {
  const root = path.join(t.config.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((d) => d.isFile()).map((d) => d.name);
}

export const fieldsOf = (res: LightMyRequestResponse): string[] =>
  (res.json().error?.details?.fields ?? []).map((f: { field: string }) => f.field).sort();

// Accepting an uploaded file, and serving a stored one back.
// An upload is multipart/form-data: its text fields first, then one file part named "file". The fields are validated
// before a byte of the file is read, the type is judged by the bytes (never the name or the claimed type), and the
// bytes are durable in the blob store before any row refers to them. A rejected upload (bad fields, too large, empty,
// wrong type) stores nothing.
import type { Multipart } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from './context.js';
import type { FileValues } from './db/repositories/files.js';
import { AppError } from './errors.js';
import { describeKinds, sniff, type SniffedKind } from './storage/sniff.js';

export const FILE_FIELD = 'file';

export type ReceivedUpload<T> = { fields: T; file: FileValues };

/**
 * Reads a multipart upload and stores its file. `fields` validates the text fields that precede the file;
 * `beforeFile` runs once they are valid and before the file is read (e.g. to check that the insured exists), so that
 * a request that will be refused never gets its bytes stored.
 */
export async function receiveUpload<S extends z.ZodType<Record<string, unknown>>>(
  ctx: AppContext,
  request: FastifyRequest,
  options: { kinds: SniffedKind[]; fields: S; beforeFile?: (fields: z.output<S>) => Promise<void> },
): Promise<ReceivedUpload<z.output<S>>> {
  const raw: Record<string, string> = {};
  let received: { fields: z.output<S>; bytes: Buffer; contentType: string; originalName: string | null } | null = null;

  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (received) throw invalid(part.fieldname, `must be sent before the ${FILE_FIELD} part`);
      if (Object.hasOwn(raw, part.fieldname)) throw invalid(part.fieldname, 'was sent more than once');
      if (part.valueTruncated) throw invalid(part.fieldname, 'is too long');
      if (typeof part.value !== 'string') throw invalid(part.fieldname, 'must be text');
      raw[part.fieldname] = part.value;
      continue;
    }
    if (part.fieldname !== FILE_FIELD) {
      discard(part);
      throw invalid(part.fieldname, `is not expected; send the file in the field "${FILE_FIELD}"`);
    }
    const fields = parseFields(options.fields, raw, part);
    if (options.beforeFile) {
      try {
        await options.beforeFile(fields);
      } catch (err) {
        discard(part);
        throw err;
      }
    }
    // over the size limit this throws FST_REQ_FILE_TOO_LARGE (answered 413) and the partial bytes are dropped
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw new AppError('payload_too_large', `The file is larger than the limit of ${ctx.config.maxUploadBytes} bytes`);
    if (bytes.length === 0) throw invalid(FILE_FIELD, 'is empty');
    const sniffed = sniff(bytes);
    if (!sniffed || !options.kinds.includes(sniffed.kind)) {
      throw new AppError(
        'unsupported_file_type',
        `The file is ${sniffed ? `a ${sniffed.label}` : 'of a type that is not recognized'}; accepted types are ${describeKinds(options.kinds)}`,
        { detectedType: sniffed?.contentType ?? null, acceptedTypes: options.kinds },
      );
    }
    received = { fields, bytes, contentType: sniffed.contentType, originalName: cleanFileName(part.filename) };
  }

  if (!received) {
    const issues = options.fields.safeParse(raw).error?.issues ?? [];
    throw failure([...fieldProblems(issues, raw), { field: FILE_FIELD, message: 'is required' }]);
  }
  // durable before the caller inserts rows that point at it
  const sha256 = await ctx.store.put(received.bytes);
  return {
    fields: received.fields,
    file: { sha256, size: received.bytes.length, contentType: received.contentType, originalName: received.originalName },
  };
}

function parseFields<S extends z.ZodType>(schema: S, raw: Record<string, string>, part: Multipart): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  discard(part);
  throw failure(fieldProblems(parsed.error.issues, raw));
}

type Problem = { field: string; message: string };

function fieldProblems(issues: z.core.$ZodIssue[], raw: Record<string, string>): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: key, message: 'is not a known field' }));
    const field = issue.path.map(String).join('.');
    if (field && !Object.hasOwn(raw, field)) return [{ field, message: 'is required' }];
    return [{ field: field || 'body', message: issue.message }];
  });
}

const failure = (fields: Problem[]) =>
  new AppError('validation_failed', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
const invalid = (field: string, message: string) => failure([{ field, message }]);

/** Lets the parser run through a file part the request will not use. */
function discard(part: Multipart) {
  if (part.type === 'file') part.file.resume();
}

/** The name as the uploader's system gave it, without any folder, control or direction-override characters. */
export function cleanFileName(name: string | undefined | null): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .slice(0, 255);
  return cleaned || null;
}

const extensions: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * A Content-Disposition value that is safe whatever the stored name holds: an ASCII fallback for old clients, and
 * the exact name in RFC 5987 encoding.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** `?download=1` asks for an attachment; by default a file opens in the browser. */
export const fileQuery = z.object({
  download: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export type StoredFile = { id: string; sha256: string; size: number; contentType: string; originalName: string | null };

/** Streams a stored file. `fallbackName` names a file uploaded without a name (no extension: it is added here). */
export async function sendStoredFile(
  ctx: AppContext,
  reply: FastifyReply,
  file: StoredFile,
  options: { download: boolean; fallbackName: string },
) {
  let stream;
  try {
    stream = await ctx.store.stream(file.sha256);
  } catch (err) {
    // a row without its bytes is a broken store, not a missing resource: report it as a server fault
    throw Object.assign(new AppError('internal', 'The bytes of this file are missing from storage'), { cause: err });
  }
  const ext = extensions[file.contentType];
  const name = cleanFileName(file.originalName) ?? (ext ? `${options.fallbackName}.${ext}` : options.fallbackName);
  return reply
    .header('content-type', file.contentType)
    .header('content-length', file.size)
    .header('content-disposition', contentDisposition(options.download ? 'attachment' : 'inline', name))
    // the stored type was sniffed from the bytes; the browser must not second-guess it into something executable
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-cache')
    .send(stream);
}

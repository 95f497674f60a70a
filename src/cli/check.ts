// `coi check --requirements REQ.json --as-of YYYY-MM-DD CERT.json [CERT.json …]`: checks one insured's certificates
// (extraction format, shared/contracts/coi-extraction.md) against a requirement set (shared/contracts/requirements.md)
// and prints the contract's findings JSON: {"status": …, "findings": […]}.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { COVERAGES } from '../domain/coverage.js';
import { requirementSetDefinition } from '../domain/requirements.js';
import { evaluate, FINDING_CODES, type CertificateInput, type Finding, type InsurerTable, type Waiver } from '../domain/compliance/evaluate.js';

export const checkUsage = `Usage: coi check --requirements REQ.json --as-of YYYY-MM-DD CERT.json [CERT.json ...]

Checks one insured's certificates (extraction format) against a requirement set and prints
{"status": ..., "findings": [...]} (shared/contracts/requirements.md). Several certificates combine.
  --requirements FILE  the requirement set (JSON, contract format)
  --as-of DATE         the day to check (YYYY-MM-DD; "today" for the insured)
  --insurers FILE      optional insurer table: JSON [{"naic": "12345", "name": "...", "rating": "A- VIII"}]
                       or CSV with columns naic,name,rating
  --waivers FILE       optional JSON [{"code": "...", "coverage": "...", "limit": "...", "until": "YYYY-MM-DD"}]`;

export type CheckIo = { out: (line: string) => void; err: (line: string) => void };
const defaultIo: CheckIo = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

class UsageError extends Error {}

/** zod issues as "path: message" lines. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`).join('\n');
}

const isoDateOrNull = z
  .union([z.string(), z.null()])
  .optional()
  // a date not in the extraction format's ISO form counts as not shown, which the check reports as missing dates
  .transform((v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null));

const certificateFile = z.looseObject({
  certificateDate: isoDateOrNull,
  insurers: z.array(z.looseObject({ letter: z.string().nullable().optional().default(null), name: z.string().nullable().default('').transform((n) => n ?? ''), naic: z.string().nullable().optional().default(null) })).default([]),
  policies: z
    .array(
      z.looseObject({
        coverage: z.enum(COVERAGES, { error: `must be one of ${COVERAGES.join(', ')}` }),
        description: z.string().nullable().optional().default(null),
        insurerLetter: z.string().nullable().optional().default(null),
        policyNumber: z.string().nullable().optional().default(null),
        effectiveDate: isoDateOrNull,
        expirationDate: isoDateOrNull,
        additionalInsured: z.boolean().nullable().optional().transform((v) => v === true),
        subrogationWaived: z.boolean().nullable().optional().transform((v) => v === true),
        basis: z.enum(['occurrence', 'claims_made']).nullable().optional().default(null),
        limits: z.record(z.string(), z.unknown()).nullable().optional().transform((l) => Object.fromEntries(Object.entries(l ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])))),
        details: z.record(z.string(), z.unknown()).nullable().optional().transform((d) => d ?? {}),
      }),
    )
    .default([]),
  descriptionOfOperations: z.string().nullable().optional().default(null),
  certificateHolder: z
    .looseObject({ name: z.string().nullable().optional().default(null), address: z.looseObject({ postalCode: z.string().nullable().optional() }).nullable().optional().default(null) })
    .nullable()
    .optional()
    .default(null),
});

const waiverFile = z.array(
  z.strictObject({
    code: z.enum(FINDING_CODES),
    coverage: z.enum(COVERAGES).nullable().optional(),
    description: z.string().nullable().optional(),
    limit: z.string().nullable().optional(),
    until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' }).nullable().optional(),
  }),
);

const insurerRow = z.looseObject({ naic: z.string().regex(/^\d{5}$/, { message: 'must be a 5-digit NAIC code' }), name: z.string().nullable().optional(), rating: z.string().nullable().optional() });

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: cannot read the ${what}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file}: the ${what} is not valid JSON: ${(err as Error).message}`);
  }
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, file: string, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(`${file}: the ${what} is not valid:\n${describeIssues(r.error)}`);
  return r.data;
}

async function readInsurers(file: string): Promise<InsurerTable> {
  let rows: unknown;
  if (file.toLowerCase().endsWith('.csv')) {
    const { parse } = await import('csv-parse/sync');
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      throw new UsageError(`${file}: cannot read the insurer table: ${err.code ?? String(err)}`);
    });
    try {
      rows = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true });
    } catch (err) {
      throw new UsageError(`${file}: the insurer table is not valid CSV: ${(err as Error).message}`);
    }
  } else rows = await readJson(file, 'insurer table');
  const list = parsed(z.array(insurerRow), rows, file, 'insurer table');
  return new Map(list.map((r) => [r.naic, { name: r.name ?? null, rating: r.rating?.trim() || null }]));
}

/** The contract's key order, for output people read. */
function ordered(f: Finding): Finding {
  const { code, coverage, description, limit, required, actual, message, waived, waiverId } = f;
  return Object.fromEntries(
    Object.entries({ code, coverage, description, limit, required, actual, message, waived, waiverId }).filter(([, v]) => v !== undefined),
  ) as Finding;
}

/** Runs the command; returns the exit code (0 checked, 1 bad input file, 2 usage). */
export async function runCheck(args: string[], io: CheckIo = defaultIo): Promise<number> {
  let values;
  let files: string[];
  try {
    ({ values, positionals: files } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        requirements: { type: 'string' },
        'as-of': { type: 'string' },
        insurers: { type: 'string' },
        waivers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${checkUsage}`);
    return 2;
  }
  if (values.help) {
    io.out(checkUsage);
    return 0;
  }
  const asOf = values['as-of'];
  if (!values.requirements) return usage(io, '--requirements is required');
  if (!asOf) return usage(io, '--as-of is required');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)) || new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) !== asOf) {
    return usage(io, `--as-of must be a date as YYYY-MM-DD, not "${asOf}"`);
  }
  try {
    const requirements = parsed(requirementSetDefinition, await readJson(values.requirements, 'requirement set'), values.requirements, 'requirement set');
    const certificates: CertificateInput[] = [];
    for (const file of files) {
      const cert = parsed(certificateFile, await readJson(file, 'certificate'), file, 'certificate');
      certificates.push({ ...cert, id: file });
    }
    const insurers = values.insurers ? await readInsurers(values.insurers) : undefined;
    const waivers: Waiver[] = values.waivers ? parsed(waiverFile, await readJson(values.waivers, 'waiver list'), values.waivers, 'waiver list') : [];
    const result = evaluate({ requirements, certificates, asOf, insurers, waivers });
    io.out(JSON.stringify({ status: result.status, findings: result.findings.map(ordered) }, null, 2));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message);
      return 1;
    }
    throw err;
  }
}

function usage(io: CheckIo, message: string): number {
  io.err(`${message}\n\n${checkUsage}`);
  return 2;
}

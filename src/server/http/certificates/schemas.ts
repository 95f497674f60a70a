// Request and response schemas of certificates and policies. Requests are checked against the extraction contract
// (shared/contracts/coi-extraction.md): coverages, limit keys per coverage, details per coverage, dates, NAIC codes.
// Response schemas hold no transforms: they are encoded, not parsed.
import { z } from 'zod';
import {
  BASES,
  CERTIFICATE_SOURCES,
  CERTIFICATE_STATUSES,
  COVERAGES,
  DETAILS_SCHEMAS,
  FORM_TYPES,
  limitKeyProblem,
} from '../../../domain/certificate.js';
import { MAX_RENDER_PAGES, MAX_RENDER_WIDTH, MIN_RENDER_WIDTH } from '../../../extraction/worker/protocol.js';
import { addressOut, addressSchema, isoDate, optionalText, paginationQuery, requiredText } from '../common.js';

export const coverage = z.enum(COVERAGES);
export const certificateStatus = z.enum(CERTIFICATE_STATUSES);
export const certificateSource = z.enum(CERTIFICATE_SOURCES);
const basis = z.enum(BASES);

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);
const nullableDate = nullable(isoDate);
const insurerLetter = z.string().trim().toUpperCase().regex(/^[A-F]$/, { message: 'must be a letter from A to F' });
const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

// ---- requests

const limits = z.record(
  z.string(),
  z
    .number({ error: 'must be a whole number of dollars' })
    .int({ message: 'must be a whole number of dollars' })
    .min(0, { message: 'must not be negative' })
    .max(Number.MAX_SAFE_INTEGER),
);

export const policyInput = z
  .object({
    coverage,
    description: optionalText(200),
    insurerLetter: nullable(insurerLetter),
    policyNumber: optionalText(100),
    effectiveDate: nullableDate,
    expirationDate: nullableDate,
    additionalInsured: z.boolean().default(false),
    subrogationWaived: z.boolean().default(false),
    basis: nullable(basis),
    limits: limits.default({}),
    details: z.record(z.string(), z.unknown()).default({}),
  })
  .superRefine((policy, ctx) => {
    if (policy.effectiveDate && policy.expirationDate && policy.effectiveDate > policy.expirationDate) {
      ctx.addIssue({ code: 'custom', path: ['expirationDate'], message: 'must not be before effectiveDate' });
    }
    for (const key of Object.keys(policy.limits)) {
      const problem = limitKeyProblem(policy.coverage, key);
      if (problem) ctx.addIssue({ code: 'custom', path: ['limits', key], message: problem });
    }
    const details = DETAILS_SCHEMAS[policy.coverage].safeParse(policy.details);
    for (const issue of details.error?.issues ?? []) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) ctx.addIssue({ code: 'custom', path: ['details', key], message: `is not a detail of ${policy.coverage}` });
      } else {
        ctx.addIssue({ code: 'custom', path: ['details', ...issue.path.map(String)], message: issue.message });
      }
    }
  });
export type PolicyInput = z.output<typeof policyInput>;

const producerInput = z.object({
  name: optionalText(300),
  address: nullable(addressSchema),
  contactName: optionalText(200),
  phone: optionalText(50),
  fax: optionalText(50),
  email: optionalText(200),
});

const insurerInput = z.object({
  letter: nullable(insurerLetter),
  name: requiredText(300),
  naic: nullable(z.string().trim().regex(/^\d{5}$/, { message: 'must be 5 digits' })),
});

const insurers = z
  .array(insurerInput)
  .max(10)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((insurer, i) => {
      if (!insurer.letter) return;
      if (seen.has(insurer.letter)) ctx.addIssue({ code: 'custom', path: [i, 'letter'], message: `letter ${insurer.letter} is used twice` });
      seen.add(insurer.letter);
    });
  });

/** The fields a person may set on a certificate. No defaults here: PATCH must leave what it does not name alone. */
const certificateFields = z.object({
  insuredId: z.uuid({ error: 'must be a UUID' }),
  status: certificateStatus,
  archived: z.boolean(),
  formType: nullable(z.enum(FORM_TYPES)),
  formEdition: optionalText(30),
  certificateDate: nullableDate,
  certificateNumber: optionalText(100),
  revisionNumber: optionalText(100),
  producer: nullable(producerInput),
  insuredName: optionalText(300),
  insuredAddress: nullable(addressSchema),
  insurers,
  descriptionOfOperations: optionalText(10_000),
  holderName: optionalText(300),
  holderAddress: nullable(addressSchema),
  warnings: z.array(z.string().trim().min(1, { message: 'must not be empty' }).max(500)).max(50),
  notes: optionalText(5_000),
  policies: z.array(policyInput).max(30, { message: 'must hold at most 30 policies' }),
});

export const createCertificateBody = certificateFields.extend({
  source: certificateSource.default('manual'),
  // the caller typed the fields in: nothing is left for a reader, so the certificate is confirmed unless said otherwise
  status: certificateStatus.default('confirmed'),
  archived: z.boolean().default(false),
  insurers: insurers.default([]),
  warnings: certificateFields.shape.warnings.default([]),
  policies: certificateFields.shape.policies.default([]),
});
export type CreateCertificateBody = z.output<typeof createCertificateBody>;

// provenance (source, receivedAt, the file) is not editable
export const updateCertificateBody = certificateFields.partial();
export type UpdateCertificateBody = z.output<typeof updateCertificateBody>;

export const uploadFields = z.strictObject({
  insuredId: z.uuid({ error: 'must be a UUID' }),
  source: certificateSource.default('upload'),
});

export const listCertificatesQuery = paginationQuery.extend({
  insuredId: z.uuid({ error: 'must be a UUID' }).optional(),
  status: certificateStatus.optional(),
  archived: booleanQuery.optional(),
  source: certificateSource.optional(),
  expiringBefore: isoDate.optional(),
});

export const listPoliciesQuery = paginationQuery
  .extend({
    expiringFrom: isoDate.optional(),
    expiringTo: isoDate.optional(),
    coverage: coverage.optional(),
    insuredId: z.uuid({ error: 'must be a UUID' }).optional(),
    status: certificateStatus.optional(),
    archived: booleanQuery.optional(),
  })
  .refine((q) => !q.expiringFrom || !q.expiringTo || q.expiringFrom <= q.expiringTo, {
    message: 'must not be before expiringFrom',
    path: ['expiringTo'],
  });

// ---- responses

export const fileRefSchema = z
  .object({ id: z.uuid(), contentType: z.string(), size: z.number().int(), originalName: z.string().nullable(), sha256: z.string() })
  .meta({ id: 'StoredFile' });

const policyContentOut = {
  coverage,
  description: z.string().nullable(),
  insurerLetter: z.string().nullable(),
  policyNumber: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  expirationDate: z.string().nullable(),
  additionalInsured: z.boolean(),
  subrogationWaived: z.boolean(),
  basis: basis.nullable(),
  limits: z.record(z.string(), z.number()),
  details: z.record(z.string(), z.unknown()),
};
export const policySchema = z.object({ id: z.uuid(), ...policyContentOut }).meta({ id: 'Policy' });

export const policyListItemSchema = z
  .object({
    id: z.uuid(),
    ...policyContentOut,
    certificateId: z.uuid(),
    certificateStatus: certificateStatus,
    certificateArchived: z.boolean(),
    insuredId: z.uuid(),
    insuredLegalName: z.string(),
  })
  .meta({ id: 'PolicyListItem' });

const producerSchema = z
  .object({
    name: z.string().nullable(),
    address: addressOut.nullable(),
    contactName: z.string().nullable(),
    phone: z.string().nullable(),
    fax: z.string().nullable(),
    email: z.string().nullable(),
  })
  .meta({ id: 'Producer' });

export const certificateSchema = z
  .object({
    id: z.uuid(),
    insuredId: z.uuid(),
    insuredLegalName: z.string(),
    source: certificateSource,
    receivedAt: z.date(),
    status: certificateStatus,
    archived: z.boolean(),
    file: fileRefSchema.nullable(),
    formType: z.string().nullable(),
    formEdition: z.string().nullable(),
    certificateDate: z.string().nullable(),
    certificateNumber: z.string().nullable(),
    revisionNumber: z.string().nullable(),
    producer: producerSchema.nullable(),
    insuredName: z.string().nullable(),
    insuredAddress: addressOut.nullable(),
    insurers: z.array(z.object({ letter: z.string().nullable(), name: z.string(), naic: z.string().nullable() })),
    descriptionOfOperations: z.string().nullable(),
    holderName: z.string().nullable(),
    holderAddress: addressOut.nullable(),
    warnings: z.array(z.string()),
    notes: z.string().nullable(),
    confidence: z
      .record(z.string(), z.number())
      .describe('Confidence of the values read from the file, by JSON pointer into the extraction format (e.g. /policies/0/policyNumber), 0..1'),
    readAt: z.date().nullable().describe('When the file was last read; null until a reading finishes'),
    readMethod: z.string().nullable().describe('How the file was read: acroform, text, ocr or mixed'),
    readError: z.string().nullable().describe('Why the last reading gave no fields; null when it did, or none finished'),
    policies: z.array(policySchema),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Certificate' });

const pointSize = z.number().describe('PDF points (1/72 inch)');
export const provenanceSchema = z
  .object({
    pages: z
      .array(
        z.object({
          page: z.number().int(),
          width: pointSize,
          height: pointSize,
          turned: z
            .union([z.literal(1), z.literal(2), z.literal(3)])
            .optional()
            .describe('Quarter turns clockwise the page was read turned (scanned sideways or upside down): its size and boxes are on the upright page, as its image from /certificates/{id}/pages/{n} shows it'),
        }),
      )
      .describe('The size of each page read'),
    boxes: z
      .record(z.string(), z.object({ page: z.number().int(), x: pointSize, y: pointSize, width: pointSize, height: pointSize }))
      .describe('Where each value was read, by the same JSON pointers as `confidence`; x and y from the top-left corner of the page'),
  })
  .meta({ id: 'CertificateProvenance' });

/** One certificate with where its values came from: what the review screen shows. */
export const certificateDetailSchema = certificateSchema
  .extend({
    provenance: provenanceSchema.nullable().describe('Where the last reading found each value; null until a reading finishes'),
    flags: z
      .record(z.string(), z.array(z.string()))
      .describe('The warnings that name a value, by its JSON pointer (e.g. a NAIC code that does not match its insurer)'),
  })
  .meta({ id: 'CertificateDetail' });

export const pageParams = z.object({
  id: z.uuid({ error: 'must be a UUID' }),
  n: z.coerce.number({ error: 'must be a page number' }).int({ message: 'must be a page number' }).min(1, { message: 'must be 1 or more' }).max(MAX_RENDER_PAGES, { message: `must be at most ${MAX_RENDER_PAGES}` }),
});

export const pageQuery = z.object({
  width: z.coerce
    .number({ error: 'must be a number of pixels' })
    .int({ message: 'must be a whole number of pixels' })
    .min(MIN_RENDER_WIDTH, { message: `must be at least ${MIN_RENDER_WIDTH}` })
    .max(MAX_RENDER_WIDTH, { message: `must be at most ${MAX_RENDER_WIDTH}` })
    .default(1000),
});

/** shared/contracts/coi-extraction.schema.json, loosely: the domain function builds it, this documents it. */
export const extractionSchema = z
  .object({
    schemaVersion: z.literal(1),
    source: z
      .object({ file: z.string().optional(), pages: z.number().int().optional(), method: z.enum(['acroform', 'text', 'ocr', 'mixed']).optional() })
      .optional(),
    form: z.object({ type: z.enum(FORM_TYPES), edition: z.string().nullable() }),
    certificateDate: z.string().nullable(),
    certificateNumber: z.string().nullable(),
    revisionNumber: z.string().nullable(),
    producer: producerSchema,
    insured: z.object({ name: z.string().nullable(), address: addressOut.nullable() }),
    insurers: z.array(z.object({ letter: z.string().nullable(), name: z.string().nullable(), naic: z.string().nullable() })),
    policies: z.array(z.object(policyContentOut)),
    descriptionOfOperations: z.string().nullable(),
    certificateHolder: z.object({ name: z.string().nullable(), address: addressOut.nullable() }),
    warnings: z.array(z.string()),
    confidence: z.record(z.string(), z.number()).optional(),
  })
  .meta({ id: 'CertificateExtraction' });

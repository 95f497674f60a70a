// Certificates of insurance as the domain sees them: coverages, their limit keys and details (from
// shared/contracts/coi-extraction.md), and the conversion of a stored certificate to the extraction format.
// Pure: no I/O, no clock.
import { z } from 'zod';
import { COVERAGES, LIMIT_KEYS, type Coverage } from './coverage.js';

export { COVERAGES, LIMIT_KEYS, type Coverage };

export const FORM_TYPES = ['ACORD 25', 'ACORD 24', 'ACORD 27', 'ACORD 28', 'ACORD 101', 'other'] as const;
export type FormType = (typeof FORM_TYPES)[number];

export const BASES = ['occurrence', 'claims_made'] as const;
export const CERTIFICATE_STATUSES = ['received', 'needs_review', 'confirmed', 'rejected'] as const;
export const CERTIFICATE_SOURCES = ['upload', 'email', 'vendor_link', 'embed', 'api', 'manual', 'import', 'demo'] as const;

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** Why `key` cannot be a limit of `coverage`, or null when it can. */
export function limitKeyProblem(coverage: Coverage, key: string): string | null {
  if (coverage === 'other') return SNAKE_CASE.test(key) ? null : 'must be the printed label in snake_case, e.g. professional_liability';
  const keys = LIMIT_KEYS[coverage];
  return keys.includes(key) ? null : `is not a ${coverage} limit; use one of ${keys.join(', ')}`;
}

/** The `details` each coverage may carry. Coverages the contract gives no details keep an empty object. */
export const DETAILS_SCHEMAS: Record<Coverage, z.ZodType<Record<string, unknown>>> = {
  general_liability: z.strictObject({
    aggregateAppliesPer: z.enum(['policy', 'project', 'location', 'other']).nullable().optional(),
  }),
  automobile_liability: z.strictObject({
    anyAuto: z.boolean().optional(),
    ownedAutosOnly: z.boolean().optional(),
    scheduledAutos: z.boolean().optional(),
    hiredAutosOnly: z.boolean().optional(),
    nonOwnedAutosOnly: z.boolean().optional(),
  }),
  umbrella_liability: z.strictObject({}),
  excess_liability: z.strictObject({}),
  workers_compensation: z.strictObject({
    perStatute: z.boolean().optional(),
    proprietorExcluded: z.boolean().nullable().optional(),
  }),
  other: z.strictObject({}),
};

export type Address = { lines: string[]; city: string | null; state: string | null; postalCode: string | null };
export type Producer = {
  name: string | null;
  address: Address | null;
  contactName: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
};
export type Insurer = { letter: string | null; name: string; naic: string | null };
export type PolicyFields = {
  coverage: Coverage;
  description: string | null;
  insurerLetter: string | null;
  policyNumber: string | null;
  effectiveDate: string | null;
  expirationDate: string | null;
  additionalInsured: boolean;
  subrogationWaived: boolean;
  basis: (typeof BASES)[number] | null;
  limits: Record<string, number>;
  details: Record<string, unknown>;
};
/** What a certificate says, whatever its provenance (a reader or a person). */
export type CertificateFields = {
  formType: string | null;
  formEdition: string | null;
  certificateDate: string | null;
  certificateNumber: string | null;
  revisionNumber: string | null;
  producer: Producer | null;
  insuredName: string | null;
  insuredAddress: Address | null;
  insurers: Insurer[];
  descriptionOfOperations: string | null;
  holderName: string | null;
  holderAddress: Address | null;
  warnings: string[];
  confidence?: Record<string, number>;
  policies: PolicyFields[];
};

/** Version 1 of shared/contracts/coi-extraction.schema.json. */
export type Extraction = {
  schemaVersion: 1;
  source?: { file?: string; pages?: number; method?: 'acroform' | 'text' | 'ocr' | 'mixed' };
  form: { type: FormType; edition: string | null };
  certificateDate: string | null;
  certificateNumber: string | null;
  revisionNumber: string | null;
  producer: Producer;
  insured: { name: string | null; address: Address | null };
  insurers: Insurer[];
  policies: PolicyFields[];
  descriptionOfOperations: string | null;
  certificateHolder: { name: string | null; address: Address | null };
  warnings: string[];
  confidence?: Record<string, number>;
};

export const FORM_TYPE_NOT_RECORDED = 'form type not recorded; reported as other';

/**
 * A stored certificate in the extraction format. `source.pages` and `source.method` describe how a reader got the
 * fields; nothing has read the file yet, so they are left out rather than guessed (the schema makes them optional).
 */
export function toExtraction(certificate: CertificateFields, file: { originalName: string | null } | null): Extraction {
  const known = (FORM_TYPES as readonly string[]).includes(certificate.formType ?? '');
  // the schema requires a form type; an unrecorded one becomes 'other', and the warning keeps that visible
  const warnings = [...certificate.warnings];
  if (!known) warnings.push(certificate.formType === null ? FORM_TYPE_NOT_RECORDED : `form type "${certificate.formType}" is not one of ${FORM_TYPES.join(', ')}; reported as other`);
  const extraction: Extraction = {
    schemaVersion: 1,
    ...(file?.originalName ? { source: { file: file.originalName } } : {}),
    form: { type: known ? (certificate.formType as FormType) : 'other', edition: certificate.formEdition },
    certificateDate: certificate.certificateDate,
    certificateNumber: certificate.certificateNumber,
    revisionNumber: certificate.revisionNumber,
    producer: certificate.producer ?? { name: null, address: null, contactName: null, phone: null, fax: null, email: null },
    insured: { name: certificate.insuredName, address: certificate.insuredAddress },
    insurers: certificate.insurers.map((i) => ({ letter: i.letter, name: i.name, naic: i.naic })),
    policies: certificate.policies.map((p) => ({
      coverage: p.coverage,
      description: p.description,
      insurerLetter: p.insurerLetter,
      policyNumber: p.policyNumber,
      effectiveDate: p.effectiveDate,
      expirationDate: p.expirationDate,
      additionalInsured: p.additionalInsured,
      subrogationWaived: p.subrogationWaived,
      basis: p.basis,
      limits: { ...p.limits },
      details: { ...p.details },
    })),
    descriptionOfOperations: certificate.descriptionOfOperations,
    certificateHolder: { name: certificate.holderName, address: certificate.holderAddress },
    warnings,
  };
  if (certificate.confidence && Object.keys(certificate.confidence).length > 0) extraction.confidence = { ...certificate.confidence };
  return extraction;
}

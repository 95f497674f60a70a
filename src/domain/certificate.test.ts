import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { type CertificateFields, DETAILS_SCHEMAS, FORM_TYPE_NOT_RECORDED, limitKeyProblem, toExtraction } from './certificate.js';

// the contract lives beside the repository (shared/contracts); without it only the hand-written checks run
const schemaPath = path.resolve(import.meta.dirname, '../../../shared/contracts/coi-extraction.schema.json');
const hasContract = fs.existsSync(schemaPath);
const validate = hasContract ? new Ajv2020({ strict: false }).compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8'))) : null;

const address = { lines: ['100 Main St', 'Suite 2'], city: 'Austin', state: 'TX', postalCode: '78701' };
const full: CertificateFields = {
  formType: 'ACORD 25',
  formEdition: '2016/03',
  certificateDate: '2026-03-01',
  certificateNumber: '123',
  revisionNumber: null,
  producer: { name: 'Broker LLC', address, contactName: 'Pat', phone: '555-0100', fax: null, email: 'pat@example.test' },
  insuredName: 'Acme Roofing',
  insuredAddress: address,
  insurers: [
    { letter: 'A', name: 'Hartford Fire', naic: '19682' },
    { letter: 'B', name: 'Travelers', naic: null },
  ],
  descriptionOfOperations: 'Roof repairs',
  holderName: 'Riverside Plaza LLC',
  holderAddress: null,
  warnings: [],
  confidence: { '/policies/0/policyNumber': 0.97 },
  policies: [
    {
      coverage: 'general_liability',
      description: null,
      insurerLetter: 'A',
      policyNumber: 'CGL 123-45',
      effectiveDate: '2026-01-01',
      expirationDate: '2027-01-01',
      additionalInsured: true,
      subrogationWaived: false,
      basis: 'occurrence',
      limits: { each_occurrence: 1_000_000, general_aggregate: 2_000_000 },
      details: { aggregateAppliesPer: 'project' },
    },
    {
      coverage: 'other',
      description: 'Professional Liability',
      insurerLetter: null,
      policyNumber: null,
      effectiveDate: null,
      expirationDate: null,
      additionalInsured: false,
      subrogationWaived: false,
      basis: null,
      limits: { professional_liability: 500_000 },
      details: {},
    },
  ],
};
const empty: CertificateFields = {
  formType: null,
  formEdition: null,
  certificateDate: null,
  certificateNumber: null,
  revisionNumber: null,
  producer: null,
  insuredName: null,
  insuredAddress: null,
  insurers: [],
  descriptionOfOperations: null,
  holderName: null,
  holderAddress: null,
  warnings: [],
  policies: [],
};

describe('toExtraction', () => {
  it.skipIf(!hasContract).each([
    ['a fully entered certificate', full, { originalName: 'acme.pdf' }],
    ['an upload nobody has read yet', empty, { originalName: null }],
    ['a manual entry without a file', empty, null],
  ])('produces a document valid against the contract schema: %s', (_label, certificate, file) => {
    const doc = toExtraction(certificate, file);
    expect(validate!(doc), JSON.stringify(validate!.errors)).toBe(true);
  });

  it.skipIf(!hasContract)('the schema check is live: a broken document fails it', () => {
    const doc = toExtraction(full, null);
    expect(validate!({ ...doc, form: { type: null, edition: null } })).toBe(false);
    expect(validate!({ ...doc, policies: [{ ...doc.policies[0], limits: { each_occurrence: -1 } }] })).toBe(false);
  });

  it('has every required key and maps the parties', () => {
    const doc = toExtraction(full, { originalName: 'acme.pdf' });
    for (const key of ['schemaVersion', 'form', 'certificateDate', 'producer', 'insured', 'insurers', 'policies', 'certificateHolder', 'warnings']) {
      expect(doc).toHaveProperty(key);
    }
    expect(doc).toMatchObject({
      schemaVersion: 1,
      source: { file: 'acme.pdf' },
      form: { type: 'ACORD 25', edition: '2016/03' },
      insured: { name: 'Acme Roofing', address },
      certificateHolder: { name: 'Riverside Plaza LLC', address: null },
      confidence: { '/policies/0/policyNumber': 0.97 },
      warnings: [],
    });
    // nothing has read the file, so how it was read is not claimed
    expect(doc.source).not.toHaveProperty('method');
    expect(doc.source).not.toHaveProperty('pages');
  });

  it('reports an unrecorded form type as other and says so', () => {
    const doc = toExtraction(empty, null);
    expect(doc.form).toEqual({ type: 'other', edition: null });
    expect(doc.warnings).toEqual([FORM_TYPE_NOT_RECORDED]);
    expect(doc).not.toHaveProperty('source');
    expect(doc.producer).toEqual({ name: null, address: null, contactName: null, phone: null, fax: null, email: null });
    expect(empty.warnings).toEqual([]);
  });
});

describe('limit keys and details', () => {
  it.each([
    ['general_liability', 'each_occurrence', true],
    ['general_liability', 'combined_single_limit', false],
    ['automobile_liability', 'combined_single_limit', true],
    ['umbrella_liability', 'retention', true],
    ['excess_liability', 'general_aggregate', false],
    ['workers_compensation', 'el_each_accident', true],
    ['other', 'professional_liability', true],
    ['other', 'Professional Liability', false],
    ['other', 'cyber__limit', false],
  ] as const)('%s / %s allowed: %s', (coverage, key, ok) => {
    expect(limitKeyProblem(coverage, key) === null).toBe(ok);
  });

  it('checks details by coverage', () => {
    expect(DETAILS_SCHEMAS.general_liability.safeParse({ aggregateAppliesPer: 'project' }).success).toBe(true);
    expect(DETAILS_SCHEMAS.general_liability.safeParse({ aggregateAppliesPer: 'county' }).success).toBe(false);
    expect(DETAILS_SCHEMAS.automobile_liability.safeParse({ anyAuto: true, hiredAutosOnly: false }).success).toBe(true);
    expect(DETAILS_SCHEMAS.automobile_liability.safeParse({ anyAuto: 'yes' }).success).toBe(false);
    expect(DETAILS_SCHEMAS.workers_compensation.safeParse({ perStatute: true, proprietorExcluded: null }).success).toBe(true);
    expect(DETAILS_SCHEMAS.umbrella_liability.safeParse({ anyAuto: true }).success).toBe(false);
  });
});

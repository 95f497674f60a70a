// Fills the blank ACORD 25 (2016/03) of ../shared/corpus with pdf-lib at test time (never committed: ACORD's layout
// is its copyright), reads it back with extractCertificate, and compares with what was filled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { PDFCheckBox, PDFDocument, PDFTextField } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { extractCertificate, readCertificate } from '../extract.js';
import { acord25FromFields, FORM_VALUE_CONFIDENCE, readAcord25Fields } from './acroform.js';
import { ACORD25_FIELDS, ACORD25_FIELD_NAMES, acord25Field, normalizeFieldName, xfaFieldName } from './fields.js';

const FORMS = path.resolve(__dirname, '../../../../shared/corpus/forms');
const ACROFORM = path.join(FORMS, 'acord25-2016-03-acroform.pdf');
const HYBRID = path.join(FORMS, 'acord25-2016-03-xfa-hybrid-encrypted.pdf');
const SCHEMA = path.resolve(FORMS, '../../contracts/coi-extraction.schema.json');

/** Validates against shared/contracts/coi-extraction.schema.json when it is present; returns its errors. */
function schemaErrors(extraction: unknown): unknown[] {
  if (!fs.existsSync(SCHEMA)) return [];
  const validate = new Ajv2020({ strict: false }).compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
  return validate(extraction) ? [] : (validate.errors ?? []);
}

describe('ACORD25_FIELDS', () => {
  it('maps all 129 fields of the 2016/03 AcroForm', () => {
    expect(ACORD25_FIELD_NAMES).toHaveLength(129);
    expect(Object.values(ACORD25_FIELDS).filter((f) => f.type === 'checkbox')).toHaveLength(24);
  });
  it('normalizes XFA-hybrid names', () => {
    expect(normalizeFieldName('F[0].P1[0].Insurer_FullName_A[0]')).toBe('Insurer_FullName_A');
    expect(normalizeFieldName('Insurer_FullName_A')).toBe('Insurer_FullName_A');
    expect(acord25Field(xfaFieldName('Insurer_NAICCode_C'))).toEqual({ section: 'insurer', letter: 'C', part: 'naic', type: 'code' });
    expect(acord25Field('Not_A_Field')).toBeUndefined();
  });
});

describe('acord25FromFields', () => {
  const read = (values: Record<string, string | boolean>) => acord25FromFields(new Map(Object.entries(values)), { pages: 1, edition: '2016/03' });

  it('reports the fields each value came from, and the doubt of fields whose two halves disagree', () => {
    const values = new Map<string, string | boolean>(Object.entries({
      NamedInsured_FullName_A: 'Acme Roofing LLC',
      Policy_GeneralLiability_PolicyNumberIdentifier_A: 'GL-1',
      GeneralLiability_EachOccurrence_LimitAmount_A: '1,000,000',
      OtherPolicy_PolicyNumberIdentifier_A: 'PL 9',
      OtherPolicy_CoverageCode_A: 'Each Claim',
      OtherPolicy_CoverageLimitAmount_A: '2,000,000',
    }));
    const { extraction, sources } = readAcord25Fields(values, { pages: 1, edition: null, fieldConfidence: new Map([['Policy_GeneralLiability_PolicyNumberIdentifier_A', 0.5]]) });
    expect(sources['/insured/name']).toEqual(['NamedInsured_FullName_A']);
    expect(sources['/policies/0/policyNumber']).toEqual(['Policy_GeneralLiability_PolicyNumberIdentifier_A']);
    expect(sources['/policies/0/limits/each_occurrence']).toEqual(['GeneralLiability_EachOccurrence_LimitAmount_A']);
    expect(sources['/policies/1/limits/each_claim']).toEqual(['OtherPolicy_CoverageLimitAmount_A']);
    expect(extraction.confidence?.['/insured/name']).toBe(1);
    expect(extraction.confidence?.['/policies/0/policyNumber']).toBe(0.5);
    // every pointer with a confidence names its fields, and nothing blank has either
    expect(Object.keys(sources).sort()).toEqual(Object.keys(extraction.confidence ?? {}).sort());
    expect(sources['/certificateHolder/name']).toBeUndefined();
  });

  it('gives no policies for a blank form', () => {
    expect(read({ Form_CompletionDate_A: 'MM/DD/YYYY' }).policies).toEqual([]);
  });

  it('reads an excess row as excess only when EXCESS alone is marked', () => {
    const row = { Policy_ExcessLiability_PolicyNumberIdentifier_A: 'XS-1' };
    expect(read({ ...row, Policy_PolicyType_ExcessIndicator_A: true }).policies[0].coverage).toBe('excess_liability');
    expect(read({ ...row, Policy_PolicyType_ExcessIndicator_A: true, Policy_PolicyType_UmbrellaIndicator_A: true }).policies[0].coverage).toBe('umbrella_liability');
    expect(read(row).policies[0].coverage).toBe('umbrella_liability');
  });

  it('splits an other row holding two policies', () => {
    const x = read({
      OtherPolicy_InsurerLetterCode_A: 'C/D',
      OtherPolicy_OtherPolicyDescription_A: 'Professional Liability\n3rd Party Crime',
      OtherPolicy_PolicyNumberIdentifier_A: 'PL-100\nCR-200',
      OtherPolicy_PolicyEffectiveDate_A: '1/1/26',
      OtherPolicy_PolicyExpirationDate_A: '1/1/27',
      OtherPolicy_CoverageCode_A: 'Each Claim',
      OtherPolicy_CoverageLimitAmount_A: '$1,000,000',
      OtherPolicy_CoverageCode_B: 'Per Loss',
      OtherPolicy_CoverageLimitAmount_B: '250000',
    });
    expect(x.policies.map((p) => [p.coverage, p.description, p.insurerLetter, p.policyNumber, p.effectiveDate, p.limits])).toEqual([
      ['other', 'Professional Liability', 'C', 'PL-100', '2026-01-01', { each_claim: 1_000_000 }],
      ['other', '3rd Party Crime', 'D', 'CR-200', '2026-01-01', { per_loss: 250_000 }],
    ]);
  });

  it('reads WC details and leaves non-numeric limits out', () => {
    const x = read({
      Policy_WorkersCompensationAndEmployersLiability_PolicyNumberIdentifier_A: 'WC 1',
      WorkersCompensationEmployersLiability_WorkersCompensationStatutoryLimitIndicator_A: true,
      WorkersCompensationEmployersLiability_AnyPersonsExcludedIndicator_A: 'N',
      WorkersCompensationEmployersLiability_EmployersLiability_EachAccidentLimitAmount_A: 'Statutory',
      WorkersCompensationEmployersLiability_EmployersLiability_DiseasePolicyLimitAmount_A: '500,000',
    });
    expect(x.policies[0]).toMatchObject({
      coverage: 'workers_compensation',
      additionalInsured: false,
      subrogationWaived: false,
      limits: { el_disease_policy_limit: 500_000 },
      details: { perStatute: true, proprietorExcluded: false },
    });
  });
});

/** A fill covering every row, with the values a reader must give back. */
const FILL: Record<string, string | boolean> = {
  Form_CompletionDate_A: '03/01/2026',
  CertificateOfInsurance_CertificateNumberIdentifier_A: 'CERT-77',
  Producer_FullName_A: 'Lone Star Insurance Agency',
  Producer_MailingAddress_LineOne_A: '100 Congress Ave',
  Producer_MailingAddress_CityName_A: 'Austin',
  Producer_MailingAddress_StateOrProvinceCode_A: 'TX',
  Producer_MailingAddress_PostalCode_A: '78701',
  Producer_ContactPerson_FullName_A: 'Dana Reyes',
  Producer_ContactPerson_EmailAddress_A: 'dana@example.com',
  NamedInsured_FullName_A: 'Acme Builders, LLC',
  NamedInsured_MailingAddress_LineOne_A: '5 Elm St',
  NamedInsured_MailingAddress_LineTwo_A: 'Suite 2',
  NamedInsured_MailingAddress_CityName_A: 'Dallas',
  NamedInsured_MailingAddress_StateOrProvinceCode_A: 'TX',
  NamedInsured_MailingAddress_PostalCode_A: '75201',
  Insurer_FullName_A: 'Hartford Fire Insurance Company',
  Insurer_NAICCode_A: '19682',
  Insurer_FullName_B: 'Travelers Indemnity Company',
  Insurer_NAICCode_B: '25658',
  Insurer_FullName_C: 'Markel American Insurance Company',
  Insurer_NAICCode_C: '28932',
  GeneralLiability_InsurerLetterCode_A: 'A',
  GeneralLiability_CoverageIndicator_A: true,
  GeneralLiability_OccurrenceIndicator_A: true,
  GeneralLiability_GeneralAggregate_LimitAppliesPerProjectIndicator_A: true,
  CertificateOfInsurance_GeneralLiability_AdditionalInsuredCode_A: 'Y',
  Policy_GeneralLiability_SubrogationWaivedCode_A: 'Y',
  Policy_GeneralLiability_PolicyNumberIdentifier_A: 'CGL 123-45',
  Policy_GeneralLiability_EffectiveDate_A: '01/01/2026',
  Policy_GeneralLiability_ExpirationDate_A: '1/1/27',
  GeneralLiability_EachOccurrence_LimitAmount_A: '$1,000,000',
  GeneralLiability_FireDamageRentedPremises_EachOccurrenceLimitAmount_A: '100,000',
  GeneralLiability_MedicalExpense_EachPersonLimitAmount_A: '5000',
  GeneralLiability_PersonalAndAdvertisingInjury_LimitAmount_A: '$ 1,000,000',
  GeneralLiability_GeneralAggregate_LimitAmount_A: '2 000 000',
  GeneralLiability_ProductsAndCompletedOperations_AggregateLimitAmount_A: '2,000,000',
  Vehicle_InsurerLetterCode_A: 'B',
  Vehicle_AnyAutoIndicator_A: true,
  Vehicle_HiredAutosIndicator_A: true,
  CertificateOfInsurance_AutomobileLiability_AdditionalInsuredCode_A: 'X',
  Policy_AutomobileLiability_PolicyNumberIdentifier_A: 'BA-9988',
  Policy_AutomobileLiability_EffectiveDate_A: '2026-01-01',
  Policy_AutomobileLiability_ExpirationDate_A: '2027-01-01',
  Vehicle_CombinedSingleLimit_EachAccidentAmount_A: '1,000,000',
  Policy_PolicyType_ExcessIndicator_A: true,
  ExcessUmbrella_OccurrenceIndicator_A: true,
  ExcessUmbrella_InsurerLetterCode_A: 'A',
  Policy_ExcessLiability_PolicyNumberIdentifier_A: 'XS 555',
  Policy_ExcessLiability_EffectiveDate_A: '01/01/2026',
  Policy_ExcessLiability_ExpirationDate_A: '01/01/2027',
  ExcessUmbrella_Umbrella_EachOccurrenceAmount_A: '5,000,000',
  ExcessUmbrella_Umbrella_AggregateAmount_A: '5,000,000',
  ExcessUmbrella_Umbrella_DeductibleOrRetentionAmount_A: '10,000',
  WorkersCompensationEmployersLiability_InsurerLetterCode_A: 'B',
  WorkersCompensationEmployersLiability_WorkersCompensationStatutoryLimitIndicator_A: true,
  WorkersCompensationEmployersLiability_AnyPersonsExcludedIndicator_A: 'N',
  Policy_WorkersCompensation_SubrogationWaivedCode_A: 'Y',
  Policy_WorkersCompensationAndEmployersLiability_PolicyNumberIdentifier_A: 'WC-42',
  Policy_WorkersCompensationAndEmployersLiability_EffectiveDate_A: '02/15/2026',
  Policy_WorkersCompensationAndEmployersLiability_ExpirationDate_A: '02/15/2027',
  WorkersCompensationEmployersLiability_EmployersLiability_EachAccidentLimitAmount_A: '1,000,000',
  WorkersCompensationEmployersLiability_EmployersLiability_DiseaseEachEmployeeLimitAmount_A: '1,000,000',
  WorkersCompensationEmployersLiability_EmployersLiability_DiseasePolicyLimitAmount_A: '1,000,000',
  OtherPolicy_InsurerLetterCode_A: 'C',
  OtherPolicy_OtherPolicyDescription_A: 'Professional Liability',
  OtherPolicy_PolicyNumberIdentifier_A: 'PL 777',
  OtherPolicy_PolicyEffectiveDate_A: '03/01/2026',
  OtherPolicy_PolicyExpirationDate_A: '03/01/2027',
  OtherPolicy_CoverageCode_A: 'Each Claim',
  OtherPolicy_CoverageLimitAmount_A: '$2,000,000',
  CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A: 'Certificate holder is additional insured per written contract.',
  CertificateHolder_FullName_A: 'City of Austin',
  CertificateHolder_MailingAddress_LineOne_A: 'PO Box 1088',
  CertificateHolder_MailingAddress_CityName_A: 'Austin',
  CertificateHolder_MailingAddress_StateOrProvinceCode_A: 'TX',
  CertificateHolder_MailingAddress_PostalCode_A: '78767',
};

async function fillForm(blank: Uint8Array, values: Record<string, string | boolean>): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(blank);
  const form = pdf.getForm();
  for (const [name, value] of Object.entries(values)) {
    const field = form.getField(name);
    if (field instanceof PDFCheckBox) {
      if (value === true) field.check();
    } else if (field instanceof PDFTextField) field.setText(String(value));
  }
  return pdf.save();
}

describe.skipIf(!fs.existsSync(ACROFORM))(`reading a filled ACORD 25 AcroForm${fs.existsSync(ACROFORM) ? '' : ' (skipped: ../shared/corpus/forms is not present)'}`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coi-acroform-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives back every value filled', async () => {
    const file = path.join(dir, 'filled.pdf');
    fs.writeFileSync(file, await fillForm(fs.readFileSync(ACROFORM), FILL));
    const x = await extractCertificate(fs.readFileSync(file), 'filled.pdf');

    expect(x.source).toEqual({ file: 'filled.pdf', pages: 1, method: 'acroform' });
    expect(x.form).toEqual({ type: 'ACORD 25', edition: '2016/03' });
    expect(x.certificateDate).toBe('2026-03-01');
    expect(x.certificateNumber).toBe('CERT-77');
    expect(x.producer).toEqual({
      name: 'Lone Star Insurance Agency',
      address: { lines: ['100 Congress Ave'], city: 'Austin', state: 'TX', postalCode: '78701' },
      contactName: 'Dana Reyes',
      phone: null,
      fax: null,
      email: 'dana@example.com',
    });
    expect(x.insured).toEqual({ name: 'Acme Builders, LLC', address: { lines: ['5 Elm St', 'Suite 2'], city: 'Dallas', state: 'TX', postalCode: '75201' } });
    expect(x.insurers).toEqual([
      { letter: 'A', name: 'Hartford Fire Insurance Company', naic: '19682' },
      { letter: 'B', name: 'Travelers Indemnity Company', naic: '25658' },
      { letter: 'C', name: 'Markel American Insurance Company', naic: '28932' },
    ]);
    expect(x.policies).toEqual([
      {
        coverage: 'general_liability', description: null, insurerLetter: 'A', policyNumber: 'CGL 123-45',
        effectiveDate: '2026-01-01', expirationDate: '2027-01-01', additionalInsured: true, subrogationWaived: true, basis: 'occurrence',
        limits: { each_occurrence: 1_000_000, damage_to_rented_premises: 100_000, medical_expense: 5000, personal_advertising_injury: 1_000_000, general_aggregate: 2_000_000, products_completed_operations_aggregate: 2_000_000 },
        details: { aggregateAppliesPer: 'project' },
      },
      {
        coverage: 'automobile_liability', description: null, insurerLetter: 'B', policyNumber: 'BA-9988',
        effectiveDate: '2026-01-01', expirationDate: '2027-01-01', additionalInsured: true, subrogationWaived: false, basis: null,
        limits: { combined_single_limit: 1_000_000 },
        details: { anyAuto: true, ownedAutosOnly: false, scheduledAutos: false, hiredAutosOnly: true, nonOwnedAutosOnly: false },
      },
      {
        coverage: 'excess_liability', description: null, insurerLetter: 'A', policyNumber: 'XS 555',
        effectiveDate: '2026-01-01', expirationDate: '2027-01-01', additionalInsured: false, subrogationWaived: false, basis: 'occurrence',
        limits: { each_occurrence: 5_000_000, aggregate: 5_000_000, retention: 10_000 },
        details: {},
      },
      {
        coverage: 'workers_compensation', description: null, insurerLetter: 'B', policyNumber: 'WC-42',
        effectiveDate: '2026-02-15', expirationDate: '2027-02-15', additionalInsured: false, subrogationWaived: true, basis: null,
        limits: { el_each_accident: 1_000_000, el_disease_each_employee: 1_000_000, el_disease_policy_limit: 1_000_000 },
        details: { perStatute: true, proprietorExcluded: false },
      },
      {
        coverage: 'other', description: 'Professional Liability', insurerLetter: 'C', policyNumber: 'PL 777',
        effectiveDate: '2026-03-01', expirationDate: '2027-03-01', additionalInsured: false, subrogationWaived: false, basis: null,
        limits: { each_claim: 2_000_000 },
        details: {},
      },
    ]);
    expect(x.descriptionOfOperations).toBe('Certificate holder is additional insured per written contract.');
    expect(x.certificateHolder).toEqual({ name: 'City of Austin', address: { lines: ['PO Box 1088'], city: 'Austin', state: 'TX', postalCode: '78767' } });
    expect(x.warnings).toEqual([]);
    expect(x.confidence?.['/policies/0/policyNumber']).toBe(FORM_VALUE_CONFIDENCE);
    expect(schemaErrors(x)).toEqual([]);
  });

  it("gives each value's box: the widget of the field it was read from, top-left origin", async () => {
    const bytes = await fillForm(fs.readFileSync(ACROFORM), FILL);
    const { extraction, provenance } = await readCertificate(Buffer.from(bytes), 'filled.pdf');
    const form = (await PDFDocument.load(bytes)).getForm();
    const widget = (name: string) => {
      const r = form.getField(name).acroField.getWidgets()[0]!.getRectangle();
      return { page: 1, x: r.x, y: 792 - r.y - r.height, width: r.width, height: r.height };
    };
    const close = (a: { x: number; y: number; width: number; height: number } | undefined, b: { x: number; y: number; width: number; height: number }) => {
      expect(a).toBeDefined();
      for (const k of ['x', 'y', 'width', 'height'] as const) expect(a![k]).toBeCloseTo(b[k], 1);
    };
    expect(provenance.pages).toEqual([{ page: 1, width: 612, height: 792 }]);
    close(provenance.boxes['/insured/name'], widget('NamedInsured_FullName_A'));
    close(provenance.boxes['/policies/0/policyNumber'], widget('Policy_GeneralLiability_PolicyNumberIdentifier_A'));
    close(provenance.boxes['/insurers/0/naic'], widget('Insurer_NAICCode_A'));
    // the 'other' row's limit comes from the amount box of its line
    const other = extraction.policies.findIndex((p) => p.coverage === 'other');
    close(provenance.boxes[`/policies/${other}/limits/each_claim`], widget('OtherPolicy_CoverageLimitAmount_A'));
    // every value with a confidence has a box (but the WC row's ADDL INSD, printed N/A, has no field), none off the page
    const wc = extraction.policies.findIndex((p) => p.coverage === 'workers_compensation');
    for (const pointer of Object.keys(extraction.confidence ?? {}).filter((p) => p !== `/policies/${wc}/additionalInsured`)) {
      const b = provenance.boxes[pointer];
      expect(b, pointer).toBeDefined();
      expect(b!.x >= 0 && b!.y >= 0 && b!.x + b!.width <= 612 && b!.y + b!.height <= 792).toBe(true);
    }
  });

  it('gives no policies and a warning for the blank form', async () => {
    const x = await extractCertificate(fs.readFileSync(ACROFORM), 'blank.pdf');
    expect(x.policies).toEqual([]);
    expect(x.warnings).toContain('the ACORD 25 form fields are all blank');
  });
});

describe.skipIf(!fs.existsSync(HYBRID))(`the owner-password-encrypted XFA hybrid${fs.existsSync(HYBRID) ? '' : ' (skipped: ../shared/corpus/forms is not present)'}`, () => {
  it('opens without a password and gives an extraction with no policies', async () => {
    const x = await extractCertificate(fs.readFileSync(HYBRID), 'hybrid.pdf');
    expect(x.form).toEqual({ type: 'ACORD 25', edition: '2016/03' });
    expect(x.source?.method).toBe('acroform');
    expect(x.policies).toEqual([]);
    expect(x.insurers).toEqual([]);
    expect(schemaErrors(x)).toEqual([]);
  });
});

const ACORD24 = path.join(FORMS, 'acord24-2016-03-acroform.pdf');
describe.skipIf(!fs.existsSync(ACORD24))(`the ACORD 24 AcroForm, which shares ACORD 25 field names${fs.existsSync(ACORD24) ? '' : ' (skipped: ../shared/corpus/forms is not present)'}`, () => {
  it('is labelled ACORD 24 and never read as liability', async () => {
    const x = await extractCertificate(fs.readFileSync(ACORD24), 'acord24.pdf');
    expect(x.form).toEqual({ type: 'ACORD 24', edition: '2016/03' });
    expect(x.policies).toEqual([]);
    expect(x.warnings).toContain('ACORD 24 is a property form: its coverages are not read');
  });
});

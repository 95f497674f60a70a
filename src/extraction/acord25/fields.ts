// The ACORD 25 (2016/03) AcroForm data interface as data: what each of its 129 field names means in the extraction
// format (shared/contracts/coi-extraction.md). Written by hand from shared/corpus/forms/acord25-2016-03-fields.txt.
// The XFA+AcroForm hybrid wraps every name as F[0].P1[0].<name>[0]; normalizeFieldName() undoes that.
// The fixture generator fills forms from this table, and the acroform reader reads them with it, so both agree.
import { LIMIT_KEYS } from '../../domain/certificate.js';

export const INSURER_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type InsurerLetter = (typeof INSURER_LETTERS)[number];

/** The five coverage row blocks of the form's grid. The umbrella/excess block becomes umbrella_ or excess_liability. */
export const ACORD25_ROWS = ['general_liability', 'automobile_liability', 'umbrella_excess', 'workers_compensation', 'other'] as const;
export type Acord25Row = (typeof ACORD25_ROWS)[number];

/**
 * How a field's value is written: free `text`; a `date` (MM/DD/YYYY); a dollar `amount`; a `yesNo` text box of
 * MaxLen 1 (Y/N, printed certificates also show X); a `checkbox` (on-state /1); an insurer `letter` (A-F); a NAIC `code`.
 */
export type FieldValueType = 'text' | 'date' | 'amount' | 'yesNo' | 'checkbox' | 'letter' | 'code';

export type PartyPart = 'name' | 'addressLine1' | 'addressLine2' | 'city' | 'state' | 'postalCode';

export type Acord25Field =
  | { section: 'form'; part: 'edition' | 'certificateDate' | 'certificateNumber' | 'revisionNumber' | 'descriptionOfOperations' | 'authorizedRepresentative'; type: FieldValueType; maxLength?: number }
  | { section: 'producer' | 'insured' | 'certificateHolder'; part: PartyPart; type: 'text' }
  | { section: 'producerContact'; part: 'contactName' | 'phone' | 'fax' | 'email'; type: 'text' }
  | { section: 'insurer'; letter: InsurerLetter; part: 'name' | 'naic'; type: 'text' | 'code' }
  | {
      section: 'policy';
      row: Acord25Row;
      part: 'insurerLetter' | 'policyNumber' | 'effectiveDate' | 'expirationDate' | 'additionalInsured' | 'subrogationWaived';
      type: FieldValueType;
      maxLength?: number;
    }
  /** A printed, labelled limit box; `limitKey` is the contract's key (LIMIT_KEYS). */
  | { section: 'limit'; row: Acord25Row; limitKey: string; type: 'amount' }
  /** An unlabelled limit line: `label` is the text typed in the label box, `amount` the dollar box beside it. */
  | { section: 'extraLimit'; row: Acord25Row; line: 1 | 2 | 3; part: 'label' | 'amount'; type: 'text' | 'amount' }
  /** Checkboxes and small texts of a coverage row that become `basis`, `details`, or the row's kind. */
  | { section: 'rowOption'; row: Acord25Row; option: RowOption; type: 'checkbox' | 'text' | 'yesNo' | 'amount' };

export type RowOption =
  // general liability
  | 'commercialGeneralLiability'
  | 'claimsMade'
  | 'occurrence'
  | 'otherCoverage1'
  | 'otherCoverage1Text'
  | 'otherCoverage2'
  | 'otherCoverage2Text'
  | 'aggregatePerPolicy'
  | 'aggregatePerProject'
  | 'aggregatePerLocation'
  | 'aggregatePerOther'
  | 'aggregatePerOtherText'
  // automobile
  | 'anyAuto'
  | 'ownedAutosOnly'
  | 'scheduledAutos'
  | 'hiredAutosOnly'
  | 'nonOwnedAutosOnly'
  | 'otherAuto1'
  | 'otherAuto1Text'
  | 'otherAuto2'
  | 'otherAuto2Text'
  // umbrella / excess
  | 'umbrella'
  | 'excess'
  | 'deductible'
  | 'retention'
  // workers compensation
  | 'perStatute'
  | 'otherWc'
  | 'otherWcText'
  | 'proprietorExcluded'
  // other row: the printed type of insurance (2-line box)
  | 'coverageDescription';

const text = 'text' as const;
const date = { type: 'date', maxLength: 10 } as const;
const yn = { type: 'yesNo', maxLength: 1 } as const;

function party(prefix: string, section: 'producer' | 'insured' | 'certificateHolder'): Record<string, Acord25Field> {
  return {
    [`${prefix}_FullName_A`]: { section, part: 'name', type: text },
    [`${prefix}_MailingAddress_LineOne_A`]: { section, part: 'addressLine1', type: text },
    [`${prefix}_MailingAddress_LineTwo_A`]: { section, part: 'addressLine2', type: text },
    [`${prefix}_MailingAddress_CityName_A`]: { section, part: 'city', type: text },
    [`${prefix}_MailingAddress_StateOrProvinceCode_A`]: { section, part: 'state', type: text },
    [`${prefix}_MailingAddress_PostalCode_A`]: { section, part: 'postalCode', type: text },
  };
}

function insurers(): Record<string, Acord25Field> {
  const out: Record<string, Acord25Field> = {};
  for (const letter of INSURER_LETTERS) {
    out[`Insurer_FullName_${letter}`] = { section: 'insurer', letter, part: 'name', type: 'text' };
    out[`Insurer_NAICCode_${letter}`] = { section: 'insurer', letter, part: 'naic', type: 'code' };
  }
  return out;
}

const policy = (row: Acord25Row, part: Extract<Acord25Field, { section: 'policy' }>['part'], spec: { type: FieldValueType; maxLength?: number }): Acord25Field => ({
  section: 'policy',
  row,
  part,
  ...spec,
});
const limit = (row: Acord25Row, limitKey: string): Acord25Field => ({ section: 'limit', row, limitKey, type: 'amount' });
const option = (row: Acord25Row, opt: RowOption, type: 'checkbox' | 'text' | 'yesNo' | 'amount' = 'checkbox'): Acord25Field => ({
  section: 'rowOption',
  row,
  option: opt,
  type,
});
const extra = (row: Acord25Row, line: 1 | 2 | 3, part: 'label' | 'amount'): Acord25Field => ({
  section: 'extraLimit',
  row,
  line,
  part,
  type: part === 'label' ? 'text' : 'amount',
});

const GL = 'general_liability';
const AUTO = 'automobile_liability';
const UMB = 'umbrella_excess';
const WC = 'workers_compensation';
const OTHER = 'other';

/** Every AcroForm field of ACORD 25 (2016/03), by its plain (non-XFA) name. 129 entries. */
export const ACORD25_FIELDS: Readonly<Record<string, Acord25Field>> = Object.freeze({
  // header
  Form_EditionIdentifier_A: { section: 'form', part: 'edition', type: 'text' }, // hidden; 'ACORD 0025 2016-03 Acroform'; absent from the XFA hybrid
  Form_CompletionDate_A: { section: 'form', part: 'certificateDate', ...date },
  CertificateOfInsurance_CertificateNumberIdentifier_A: { section: 'form', part: 'certificateNumber', type: 'text' },
  CertificateOfInsurance_RevisionNumberIdentifier_A: { section: 'form', part: 'revisionNumber', type: 'text' },

  // producer and its contact block
  ...party('Producer', 'producer'),
  Producer_ContactPerson_FullName_A: { section: 'producerContact', part: 'contactName', type: 'text' },
  Producer_ContactPerson_PhoneNumber_A: { section: 'producerContact', part: 'phone', type: 'text' },
  Producer_FaxNumber_A: { section: 'producerContact', part: 'fax', type: 'text' },
  Producer_ContactPerson_EmailAddress_A: { section: 'producerContact', part: 'email', type: 'text' },

  ...party('NamedInsured', 'insured'),
  ...insurers(),

  // row 1: commercial general liability
  GeneralLiability_InsurerLetterCode_A: policy(GL, 'insurerLetter', { type: 'letter' }),
  GeneralLiability_CoverageIndicator_A: option(GL, 'commercialGeneralLiability'),
  GeneralLiability_ClaimsMadeIndicator_A: option(GL, 'claimsMade'),
  GeneralLiability_OccurrenceIndicator_A: option(GL, 'occurrence'),
  GeneralLiability_OtherCoverageIndicator_A: option(GL, 'otherCoverage1'),
  GeneralLiability_OtherCoverageDescription_A: option(GL, 'otherCoverage1Text', 'text'),
  GeneralLiability_OtherCoverageIndicator_B: option(GL, 'otherCoverage2'),
  GeneralLiability_OtherCoverageDescription_B: option(GL, 'otherCoverage2Text', 'text'),
  GeneralLiability_GeneralAggregate_LimitAppliesPerPolicyIndicator_A: option(GL, 'aggregatePerPolicy'),
  GeneralLiability_GeneralAggregate_LimitAppliesPerProjectIndicator_A: option(GL, 'aggregatePerProject'),
  GeneralLiability_GeneralAggregate_LimitAppliesPerLocationIndicator_A: option(GL, 'aggregatePerLocation'),
  GeneralLiability_GeneralAggregate_LimitAppliesToOtherIndicator_A: option(GL, 'aggregatePerOther'),
  GeneralLiability_GeneralAggregate_LimitAppliesToCode_A: option(GL, 'aggregatePerOtherText', 'text'),
  CertificateOfInsurance_GeneralLiability_AdditionalInsuredCode_A: policy(GL, 'additionalInsured', yn),
  Policy_GeneralLiability_SubrogationWaivedCode_A: policy(GL, 'subrogationWaived', yn),
  Policy_GeneralLiability_PolicyNumberIdentifier_A: policy(GL, 'policyNumber', { type: 'text' }),
  Policy_GeneralLiability_EffectiveDate_A: policy(GL, 'effectiveDate', date),
  Policy_GeneralLiability_ExpirationDate_A: policy(GL, 'expirationDate', date),
  GeneralLiability_EachOccurrence_LimitAmount_A: limit(GL, 'each_occurrence'),
  GeneralLiability_FireDamageRentedPremises_EachOccurrenceLimitAmount_A: limit(GL, 'damage_to_rented_premises'),
  GeneralLiability_MedicalExpense_EachPersonLimitAmount_A: limit(GL, 'medical_expense'),
  GeneralLiability_PersonalAndAdvertisingInjury_LimitAmount_A: limit(GL, 'personal_advertising_injury'),
  GeneralLiability_GeneralAggregate_LimitAmount_A: limit(GL, 'general_aggregate'),
  GeneralLiability_ProductsAndCompletedOperations_AggregateLimitAmount_A: limit(GL, 'products_completed_operations_aggregate'),
  GeneralLiability_OtherCoverageLimitDescription_A: extra(GL, 1, 'label'),
  GeneralLiability_OtherCoverageLimitAmount_A: extra(GL, 1, 'amount'),

  // row 2: automobile liability
  Vehicle_InsurerLetterCode_A: policy(AUTO, 'insurerLetter', { type: 'letter' }),
  Vehicle_AnyAutoIndicator_A: option(AUTO, 'anyAuto'),
  Vehicle_AllOwnedAutosIndicator_A: option(AUTO, 'ownedAutosOnly'), // printed ALL OWNED AUTOS before 2016/03
  Vehicle_ScheduledAutosIndicator_A: option(AUTO, 'scheduledAutos'),
  Vehicle_HiredAutosIndicator_A: option(AUTO, 'hiredAutosOnly'),
  Vehicle_NonOwnedAutosIndicator_A: option(AUTO, 'nonOwnedAutosOnly'),
  Vehicle_OtherCoveredAutoIndicator_A: option(AUTO, 'otherAuto1'),
  Vehicle_OtherCoveredAutoDescription_A: option(AUTO, 'otherAuto1Text', 'text'),
  Vehicle_OtherCoveredAutoIndicator_B: option(AUTO, 'otherAuto2'),
  Vehicle_OtherCoveredAutoDescription_B: option(AUTO, 'otherAuto2Text', 'text'),
  CertificateOfInsurance_AutomobileLiability_AdditionalInsuredCode_A: policy(AUTO, 'additionalInsured', yn),
  Policy_AutomobileLiability_SubrogationWaivedCode_A: policy(AUTO, 'subrogationWaived', yn),
  Policy_AutomobileLiability_PolicyNumberIdentifier_A: policy(AUTO, 'policyNumber', { type: 'text' }),
  Policy_AutomobileLiability_EffectiveDate_A: policy(AUTO, 'effectiveDate', date),
  Policy_AutomobileLiability_ExpirationDate_A: policy(AUTO, 'expirationDate', date),
  Vehicle_CombinedSingleLimit_EachAccidentAmount_A: limit(AUTO, 'combined_single_limit'),
  Vehicle_BodilyInjury_PerPersonLimitAmount_A: limit(AUTO, 'bodily_injury_per_person'),
  Vehicle_BodilyInjury_PerAccidentLimitAmount_A: limit(AUTO, 'bodily_injury_per_accident'),
  Vehicle_PropertyDamage_PerAccidentLimitAmount_A: limit(AUTO, 'property_damage_per_accident'),
  Vehicle_OtherCoverage_CoverageDescription_A: extra(AUTO, 1, 'label'),
  Vehicle_OtherCoverage_LimitAmount_A: extra(AUTO, 1, 'amount'),

  // row 3: umbrella / excess
  ExcessUmbrella_InsurerLetterCode_A: policy(UMB, 'insurerLetter', { type: 'letter' }),
  Policy_PolicyType_UmbrellaIndicator_A: option(UMB, 'umbrella'),
  Policy_PolicyType_ExcessIndicator_A: option(UMB, 'excess'),
  ExcessUmbrella_OccurrenceIndicator_A: option(UMB, 'occurrence'),
  ExcessUmbrella_ClaimsMadeIndicator_A: option(UMB, 'claimsMade'),
  ExcessUmbrella_DeductibleIndicator_A: option(UMB, 'deductible'),
  ExcessUmbrella_RetentionIndicator_A: option(UMB, 'retention'),
  // the amount right of "RETENTION $" (a deductible when only DED is marked)
  ExcessUmbrella_Umbrella_DeductibleOrRetentionAmount_A: limit(UMB, 'retention'),
  CertificateOfInsurance_ExcessLiability_AdditionalInsuredCode_A: policy(UMB, 'additionalInsured', yn),
  Policy_ExcessLiability_SubrogationWaivedCode_A: policy(UMB, 'subrogationWaived', yn),
  Policy_ExcessLiability_PolicyNumberIdentifier_A: policy(UMB, 'policyNumber', { type: 'text' }),
  Policy_ExcessLiability_EffectiveDate_A: policy(UMB, 'effectiveDate', date),
  Policy_ExcessLiability_ExpirationDate_A: policy(UMB, 'expirationDate', date),
  ExcessUmbrella_Umbrella_EachOccurrenceAmount_A: limit(UMB, 'each_occurrence'),
  ExcessUmbrella_Umbrella_AggregateAmount_A: limit(UMB, 'aggregate'),
  ExcessUmbrella_OtherCoverageDescription_A: extra(UMB, 1, 'label'),
  ExcessUmbrella_OtherCoverageLimitAmount_A: extra(UMB, 1, 'amount'),

  // row 4: workers compensation and employers' liability (ADDL INSD is pre-printed N/A: no field)
  WorkersCompensationEmployersLiability_InsurerLetterCode_A: policy(WC, 'insurerLetter', { type: 'letter' }),
  WorkersCompensationEmployersLiability_AnyPersonsExcludedIndicator_A: option(WC, 'proprietorExcluded', 'yesNo'),
  Policy_WorkersCompensation_SubrogationWaivedCode_A: policy(WC, 'subrogationWaived', yn),
  Policy_WorkersCompensationAndEmployersLiability_PolicyNumberIdentifier_A: policy(WC, 'policyNumber', { type: 'text' }),
  Policy_WorkersCompensationAndEmployersLiability_EffectiveDate_A: policy(WC, 'effectiveDate', date),
  Policy_WorkersCompensationAndEmployersLiability_ExpirationDate_A: policy(WC, 'expirationDate', date),
  WorkersCompensationEmployersLiability_WorkersCompensationStatutoryLimitIndicator_A: option(WC, 'perStatute'),
  WorkersCompensationEmployersLiability_OtherCoverageIndicator_A: option(WC, 'otherWc'),
  WorkersCompensationEmployersLiability_OtherCoverageDescription_A: option(WC, 'otherWcText', 'text'),
  WorkersCompensationEmployersLiability_EmployersLiability_EachAccidentLimitAmount_A: limit(WC, 'el_each_accident'),
  WorkersCompensationEmployersLiability_EmployersLiability_DiseaseEachEmployeeLimitAmount_A: limit(WC, 'el_disease_each_employee'),
  WorkersCompensationEmployersLiability_EmployersLiability_DiseasePolicyLimitAmount_A: limit(WC, 'el_disease_policy_limit'),

  // row 5: the blank "other" row; its limits are label/amount pairs keyed by the label in snake_case
  OtherPolicy_InsurerLetterCode_A: policy(OTHER, 'insurerLetter', { type: 'letter' }),
  OtherPolicy_OtherPolicyDescription_A: option(OTHER, 'coverageDescription', 'text'),
  CertificateOfInsurance_OtherPolicy_AdditionalInsuredCode_A: policy(OTHER, 'additionalInsured', yn),
  OtherPolicy_SubrogationWaivedCode_A: policy(OTHER, 'subrogationWaived', yn),
  OtherPolicy_PolicyNumberIdentifier_A: policy(OTHER, 'policyNumber', { type: 'text' }),
  OtherPolicy_PolicyEffectiveDate_A: policy(OTHER, 'effectiveDate', date),
  OtherPolicy_PolicyExpirationDate_A: policy(OTHER, 'expirationDate', date),
  OtherPolicy_CoverageCode_A: extra(OTHER, 1, 'label'),
  OtherPolicy_CoverageLimitAmount_A: extra(OTHER, 1, 'amount'),
  OtherPolicy_CoverageCode_B: extra(OTHER, 2, 'label'),
  OtherPolicy_CoverageLimitAmount_B: extra(OTHER, 2, 'amount'),
  OtherPolicy_CoverageCode_C: extra(OTHER, 3, 'label'),
  OtherPolicy_CoverageLimitAmount_C: extra(OTHER, 3, 'amount'),

  // description of operations, holder, signature
  CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A: { section: 'form', part: 'descriptionOfOperations', type: 'text' },
  ...party('CertificateHolder', 'certificateHolder'),
  Producer_AuthorizedRepresentative_Signature_A: { section: 'form', part: 'authorizedRepresentative', type: 'text' },
} satisfies Record<string, Acord25Field>);

/** The plain field names, in table order. */
export const ACORD25_FIELD_NAMES: readonly string[] = Object.freeze(Object.keys(ACORD25_FIELDS));

/** `F[0].P1[0].Insurer_FullName_A[0]` (XFA hybrid) → `Insurer_FullName_A`; plain names are returned unchanged. */
export function normalizeFieldName(name: string): string {
  const last = name.split('.').pop() ?? name;
  return last.replace(/\[\d+\]$/, '');
}

/** The XFA-hybrid spelling of a plain field name. */
export function xfaFieldName(name: string): string {
  return `F[0].P1[0].${name}[0]`;
}

/** The descriptor of a field under either spelling, or undefined when the name is not an ACORD 25 field. */
export function acord25Field(name: string): Acord25Field | undefined {
  return Object.hasOwn(ACORD25_FIELDS, normalizeFieldName(name)) ? ACORD25_FIELDS[normalizeFieldName(name)] : undefined;
}

/** The field name of a labelled limit box, e.g. ('general_liability', 'each_occurrence'); undefined if there is none. */
export function limitFieldName(row: Acord25Row, limitKey: string): string | undefined {
  return ACORD25_FIELD_NAMES.find((n) => {
    const f = ACORD25_FIELDS[n];
    return f.section === 'limit' && f.row === row && f.limitKey === limitKey;
  });
}

/** The field name of a policy part of a row, e.g. ('automobile_liability', 'policyNumber'). */
export function policyFieldName(row: Acord25Row, part: Extract<Acord25Field, { section: 'policy' }>['part']): string | undefined {
  return ACORD25_FIELD_NAMES.find((n) => {
    const f = ACORD25_FIELDS[n];
    return f.section === 'policy' && f.row === row && f.part === part;
  });
}

/** The field name of a row option (checkbox or small text), e.g. ('general_liability', 'occurrence'). */
export function rowOptionFieldName(row: Acord25Row, opt: RowOption): string | undefined {
  return ACORD25_FIELD_NAMES.find((n) => {
    const f = ACORD25_FIELDS[n];
    return f.section === 'rowOption' && f.row === row && f.option === opt;
  });
}

// Guard the table against drift from the contract's limit keys: every labelled limit must be a known key.
for (const [name, f] of Object.entries(ACORD25_FIELDS)) {
  if (f.section !== 'limit') continue;
  const coverages = f.row === 'umbrella_excess' ? (['umbrella_liability', 'excess_liability'] as const) : f.row === 'other' ? [] : [f.row];
  for (const c of coverages) {
    if (!LIMIT_KEYS[c].includes(f.limitKey)) throw new Error(`ACORD25_FIELDS.${name}: ${f.limitKey} is not a ${c} limit key`);
  }
}

// ACORD 25 form-field values → the extraction format (method 'acroform'). Pure: the caller reads the PDF.
// Rules from shared/contracts/coi-extraction.md: policies only for rows with content, 'other' rows described by
// their printed type, two policies in a row whose policy number box holds two, umbrella unless only EXCESS is marked,
// Y/N boxes false when blank, limits that are not numbers left out.
import type { Address, Coverage, Extraction, Insurer, PolicyFields } from '../../domain/certificate.js';
import {
  cleanMultiline,
  cleanText,
  limitLabelKey,
  normalizeDate,
  normalizeFlag,
  normalizeInsurerLetter,
  normalizeLimit,
  normalizeNaic,
  normalizeNameLine,
} from '../normalize.js';
import { ACORD25_FIELDS, ACORD25_ROWS, INSURER_LETTERS, type Acord25Field, type Acord25Row, type PartyPart, type RowOption } from './fields.js';

/** Field values by plain ACORD 25 field name: text boxes as strings, checkboxes as booleans. */
export type Acord25Values = ReadonlyMap<string, string | boolean>;

export type AcroformContext = {
  fileName?: string;
  pages: number;
  edition: string | null;
  warnings?: string[];
  /** Confidence of the fields whose value is in doubt (an XFA half that disagrees); other fields get FORM_VALUE_CONFIDENCE. */
  fieldConfidence?: ReadonlyMap<string, number>;
};

/** Confidence given to a value read from a form field: the value is exactly what the field holds. */
export const FORM_VALUE_CONFIDENCE = 1;

/** The fields each value of the extraction was read from: JSON pointer (as in `confidence`) → field names. */
export type FieldSources = Record<string, string[]>;

type PolicyPart = Extract<Acord25Field, { section: 'policy' }>['part'];

/** The ACORD 25 field values of a row, looked up by meaning. */
class RowValues {
  constructor(
    private readonly values: Acord25Values,
    readonly row: Acord25Row,
  ) {}
  private find(pred: (f: Acord25Field) => boolean): string | boolean | undefined {
    const name = this.nameOf(pred);
    return name === undefined ? undefined : this.values.get(name);
  }
  /** The name of the first field that matches. */
  nameOf(pred: (f: Acord25Field) => boolean): string | undefined {
    for (const [name, f] of Object.entries(ACORD25_FIELDS)) if (pred(f)) return name;
    return undefined;
  }
  /** The field of one part of the row's policy columns. */
  partField(part: PolicyPart): string | undefined {
    return this.nameOf((f) => f.section === 'policy' && f.row === this.row && f.part === part);
  }
  /** The field a limit was read from: a labelled limit box, or the amount box of an 'other' row's line. */
  limitField(key: string, line?: number): string | undefined {
    if (line !== undefined) return this.nameOf((f) => f.section === 'extraLimit' && f.row === this.row && f.line === line && f.part === 'amount');
    return this.nameOf((f) => f.section === 'limit' && f.row === this.row && f.limitKey === key);
  }
  text(part: PolicyPart): string | null {
    const v = this.find((f) => f.section === 'policy' && f.row === this.row && f.part === part);
    return typeof v === 'string' ? v : null;
  }
  option(opt: RowOption): string | boolean | undefined {
    return this.find((f) => f.section === 'rowOption' && f.row === this.row && f.option === opt);
  }
  checked(opt: RowOption): boolean {
    const v = this.option(opt);
    return v === true || (typeof v === 'string' && normalizeFlag(v) === true);
  }
  limit(key: string): string | null {
    const v = this.find((f) => f.section === 'limit' && f.row === this.row && f.limitKey === key);
    return typeof v === 'string' ? v : null;
  }
  extraLines(): { line: number; label: string | null; amount: string | null }[] {
    const out: { line: number; label: string | null; amount: string | null }[] = [];
    for (const line of [1, 2, 3] as const) {
      const label = this.find((f) => f.section === 'extraLimit' && f.row === this.row && f.line === line && f.part === 'label');
      const amount = this.find((f) => f.section === 'extraLimit' && f.row === this.row && f.line === line && f.part === 'amount');
      if (label === undefined && amount === undefined) continue;
      out.push({ line, label: typeof label === 'string' ? label : null, amount: typeof amount === 'string' ? amount : null });
    }
    return out;
  }
  /** Whether anything in the row is filled or marked (template placeholders do not count). */
  hasContent(): boolean {
    for (const [name, f] of Object.entries(ACORD25_FIELDS)) {
      if (!('row' in f) || f.row !== this.row) continue;
      const v = this.values.get(name);
      if (v === true) return true;
      if (typeof v === 'string' && cleanText(v) !== null) return true;
    }
    return false;
  }
}

const LIMIT_KEYS_BY_ROW: Record<Exclude<Acord25Row, 'other'>, string[]> = (() => {
  const out: Record<string, string[]> = {};
  for (const f of Object.values(ACORD25_FIELDS)) if (f.section === 'limit') (out[f.row] ??= []).push(f.limitKey);
  return out as Record<Exclude<Acord25Row, 'other'>, string[]>;
})();

/** Splits a box that holds several values (two policy numbers in one row) on line breaks, ';', ',' and ' / '. */
export function splitMulti(value: string | null, { commas = true }: { commas?: boolean } = {}): string[] {
  if (value === null) return [];
  const sep = commas ? /\s*(?:\r?\n|;|,|\s\/\s|\s&\s)\s*/ : /\s*(?:\r?\n|;|\s\/\s)\s*/;
  return value
    .split(sep)
    .map((s) => cleanText(s))
    .filter((s): s is string => s !== null);
}

function splitLetters(value: string | null): string[] {
  const text = cleanText(value);
  if (text === null) return [];
  const t = text.toUpperCase();
  if (/^[A-F](?:[\s,/;&]+[A-F])*$/.test(t)) return t.match(/[A-F]/g) ?? [];
  return [];
}

function pick<T>(list: T[], i: number): T | null {
  return list.length === 0 ? null : (list[i] ?? list[0]);
}

export function acord25FromFields(values: Acord25Values, context: AcroformContext): Extraction {
  return readAcord25Fields(values, context).extraction;
}

/** As acord25FromFields, with the fields each value came from (for the boxes of their widgets). */
export function readAcord25Fields(values: Acord25Values, context: AcroformContext): { extraction: Extraction; sources: FieldSources } {
  const warnings = [...(context.warnings ?? [])];
  const confidence: Record<string, number> = {};
  const sources: FieldSources = {};
  const text = (name: string): string | null => {
    const v = values.get(name);
    return typeof v === 'string' ? v : null;
  };
  /** Records a value's confidence (its least certain field) and the fields it was read from. */
  const sure = (pointer: string, value: unknown, ...names: (string | undefined)[]) => {
    if (value === null || value === undefined || value === '') return;
    const from = names.filter((n): n is string => n !== undefined);
    confidence[pointer] = Math.min(FORM_VALUE_CONFIDENCE, ...from.map((n) => context.fieldConfidence?.get(n) ?? FORM_VALUE_CONFIDENCE));
    if (from.length > 0) sources[pointer] = from;
  };
  const fieldOf = (pred: (f: Acord25Field) => boolean) => Object.entries(ACORD25_FIELDS).find(([, f]) => pred(f))?.[0];
  const partyFields = (section: 'producer' | 'insured' | 'certificateHolder', parts: PartyPart[]) => parts.map((p) => fieldOf((f) => f.section === section && f.part === p));
  const formField = (part: string) => fieldOf((f) => f.section === 'form' && f.part === part);
  const contactField = (part: string) => fieldOf((f) => f.section === 'producerContact' && f.part === part);
  const date = (raw: string | null, where: string): string | null => {
    const iso = normalizeDate(raw);
    if (iso === null && cleanText(raw) !== null && !/^MM\/DD\/YYYY$/i.test(cleanText(raw) ?? '')) warnings.push(`${where}: "${cleanText(raw)}" is not a date`);
    return iso;
  };

  const party = (section: 'producer' | 'insured' | 'certificateHolder') => {
    const part = (p: PartyPart) => {
      const name = Object.entries(ACORD25_FIELDS).find(([, f]) => f.section === section && f.part === p)?.[0];
      return name ? text(name) : null;
    };
    const lines = [cleanText(part('addressLine1')), cleanText(part('addressLine2'))].filter((l): l is string => l !== null);
    const city = cleanText(part('city'));
    const state = cleanText(part('state'));
    const postalCode = cleanText(part('postalCode'));
    const address: Address | null = lines.length || city || state || postalCode ? { lines, city, state, postalCode } : null;
    return { name: normalizeNameLine(part('name')), address };
  };

  const producerParty = party('producer');
  const insured = party('insured');
  const holder = party('certificateHolder');
  const extraction: Extraction = {
    schemaVersion: 1,
    source: { ...(context.fileName ? { file: context.fileName } : {}), pages: context.pages, method: 'acroform' },
    form: { type: 'ACORD 25', edition: context.edition },
    certificateDate: date(text('Form_CompletionDate_A'), 'certificate date'),
    certificateNumber: cleanText(text('CertificateOfInsurance_CertificateNumberIdentifier_A')),
    revisionNumber: cleanText(text('CertificateOfInsurance_RevisionNumberIdentifier_A')),
    producer: {
      ...producerParty,
      contactName: normalizeNameLine(text('Producer_ContactPerson_FullName_A')),
      phone: cleanText(text('Producer_ContactPerson_PhoneNumber_A')),
      fax: cleanText(text('Producer_FaxNumber_A')),
      email: cleanText(text('Producer_ContactPerson_EmailAddress_A')),
    },
    insured,
    insurers: [],
    policies: [],
    descriptionOfOperations: cleanMultiline(text('CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A')),
    certificateHolder: holder,
    warnings,
  };
  sure('/certificateDate', extraction.certificateDate, formField('certificateDate'));
  sure('/certificateNumber', extraction.certificateNumber, formField('certificateNumber'));
  sure('/revisionNumber', extraction.revisionNumber, formField('revisionNumber'));
  sure('/descriptionOfOperations', extraction.descriptionOfOperations, formField('descriptionOfOperations'));
  for (const [key, party] of [['producer', extraction.producer], ['insured', insured], ['certificateHolder', holder]] as const) {
    sure(`/${key}/name`, party.name, ...partyFields(key, ['name']));
    sure(`/${key}/address`, party.address, ...partyFields(key, ['addressLine1', 'addressLine2', 'city', 'state', 'postalCode']).filter((n) => n !== undefined && text(n)?.trim()));
  }
  for (const key of ['contactName', 'phone', 'fax', 'email'] as const) sure(`/producer/${key}`, extraction.producer[key], contactField(key));

  for (const letter of INSURER_LETTERS) {
    const name = normalizeNameLine(text(`Insurer_FullName_${letter}`));
    const naic = normalizeNaic(text(`Insurer_NAICCode_${letter}`));
    if (name === null && naic === null) continue;
    const insurer: Insurer = { letter, name: name ?? '', naic };
    if (name === null) warnings.push(`insurer ${letter} has a NAIC code but no name`);
    const i = extraction.insurers.push(insurer) - 1;
    sure(`/insurers/${i}/name`, name, `Insurer_FullName_${letter}`);
    sure(`/insurers/${i}/naic`, naic, `Insurer_NAICCode_${letter}`);
  }

  for (const row of ACORD25_ROWS) {
    const r = new RowValues(values, row);
    if (!r.hasContent()) continue;
    const lines = limitLines(r);
    for (const policy of rowPolicies(r, date, warnings)) {
      const i = extraction.policies.push(policy) - 1;
      for (const key of ['policyNumber', 'effectiveDate', 'expirationDate', 'insurerLetter', 'additionalInsured', 'subrogationWaived'] as const) {
        sure(`/policies/${i}/${key}`, policy[key], r.partField(key));
      }
      for (const key of Object.keys(policy.limits)) sure(`/policies/${i}/limits/${key}`, policy.limits[key], r.limitField(key, lines.get(key)));
      if (policy.description !== null) sure(`/policies/${i}/description`, policy.description, r.nameOf((f) => f.section === 'rowOption' && f.row === row && f.option === 'coverageDescription'));
    }
  }
  const letters = new Set(extraction.insurers.map((i) => i.letter));
  for (const p of extraction.policies) {
    if (p.insurerLetter !== null && !letters.has(p.insurerLetter)) warnings.push(`${p.coverage} policy names insurer ${p.insurerLetter}, which the certificate does not list`);
  }
  if (Object.keys(confidence).length > 0) extraction.confidence = confidence;
  return { extraction, sources };
}

/** For an 'other' row: which of its limit lines each limit key was read from. */
function limitLines(r: RowValues): Map<string, number> {
  const out = new Map<string, number>();
  if (r.row !== 'other') return out;
  for (const line of r.extraLines()) {
    const key = limitLabelKey(line.label);
    // as limitsOf: a later line with the same label replaces an earlier one
    if (key !== null && normalizeLimit(line.amount) !== null) out.set(key, line.line);
  }
  return out;
}

function rowPolicies(r: RowValues, date: (raw: string | null, where: string) => string | null, warnings: string[]): PolicyFields[] {
  const row = r.row;
  const where = row.replace(/_/g, ' ');
  const numbers = splitMulti(r.text('policyNumber'));
  const count = Math.max(1, numbers.length);
  const letters = splitLetters(r.text('insurerLetter'));
  if (letters.length === 0 && cleanText(r.text('insurerLetter')) !== null) warnings.push(`${where}: "${cleanText(r.text('insurerLetter'))}" is not an insurer letter`);
  const effective = count > 1 ? splitMulti(r.text('effectiveDate')) : [r.text('effectiveDate') ?? ''];
  const expiration = count > 1 ? splitMulti(r.text('expirationDate')) : [r.text('expirationDate') ?? ''];
  const descriptions = row === 'other' ? (count > 1 ? splitMulti(cleanMultiline(stringOf(r.option('coverageDescription'))), { commas: false }) : [stringOf(r.option('coverageDescription')) ?? '']) : [];

  const coverage: Coverage =
    row === 'umbrella_excess' ? (r.checked('excess') && !r.checked('umbrella') ? 'excess_liability' : 'umbrella_liability') : row;
  const basis = row === 'general_liability' || row === 'umbrella_excess' ? basisOf(r, where, warnings) : null;
  const { limits, perLine } = limitsOf(r, warnings);
  const details = detailsOf(r);
  const flag = (part: 'additionalInsured' | 'subrogationWaived') => {
    const raw = r.text(part);
    const v = normalizeFlag(raw);
    if (v === null) warnings.push(`${where}: ${part === 'additionalInsured' ? 'ADDL INSD' : 'SUBR WVD'} "${raw}" is not Y or N; read as not marked`);
    return v === true;
  };
  const additionalInsured = row === 'workers_compensation' ? false : flag('additionalInsured');
  const subrogationWaived = flag('subrogationWaived');

  const policies: PolicyFields[] = [];
  for (let i = 0; i < count; i++) {
    const description = row === 'other' ? cleanText(pick(descriptions, i)) : null;
    policies.push({
      coverage,
      description,
      insurerLetter: pick(letters, i) ?? normalizeInsurerLetter(r.text('insurerLetter')),
      policyNumber: numbers[i] ?? null,
      effectiveDate: date(pick(effective, i), `${where} effective date`),
      expirationDate: date(pick(expiration, i), `${where} expiration date`),
      additionalInsured,
      subrogationWaived,
      basis,
      // when each policy of a shared row has its own limit line, give each its own; otherwise all share the row's limits
      limits: count > 1 && perLine.length === count ? perLine[i] : { ...limits },
      details: { ...details },
    });
  }
  return policies;
}

function stringOf(v: string | boolean | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

function basisOf(r: RowValues, where: string, warnings: string[]): 'occurrence' | 'claims_made' | null {
  const claims = r.checked('claimsMade');
  const occur = r.checked('occurrence');
  if (claims && occur) {
    warnings.push(`${where}: both CLAIMS-MADE and OCCUR are marked`);
    return null;
  }
  return claims ? 'claims_made' : occur ? 'occurrence' : null;
}

function limitsOf(r: RowValues, warnings: string[]): { limits: Record<string, number>; perLine: Record<string, number>[] } {
  const limits: Record<string, number> = {};
  const perLine: Record<string, number>[] = [];
  if (r.row !== 'other') {
    for (const key of LIMIT_KEYS_BY_ROW[r.row]) {
      const n = normalizeLimit(r.limit(key));
      if (n !== null) limits[key] = n;
    }
    return { limits, perLine };
  }
  // the other row's limits are keyed by their printed label
  for (const line of r.extraLines()) {
    const key = limitLabelKey(line.label);
    const n = normalizeLimit(line.amount);
    if (key === null || n === null) {
      if (n !== null) warnings.push(`other row: amount ${n} has no label; left out`);
      continue;
    }
    limits[key] = n;
    perLine.push({ [key]: n });
  }
  return { limits, perLine };
}

function detailsOf(r: RowValues): Record<string, unknown> {
  switch (r.row) {
    case 'general_liability': {
      const per = r.checked('aggregatePerPolicy')
        ? 'policy'
        : r.checked('aggregatePerProject')
          ? 'project'
          : r.checked('aggregatePerLocation')
            ? 'location'
            : r.checked('aggregatePerOther')
              ? 'other'
              : null;
      return { aggregateAppliesPer: per };
    }
    case 'automobile_liability':
      return {
        anyAuto: r.checked('anyAuto'),
        ownedAutosOnly: r.checked('ownedAutosOnly'),
        scheduledAutos: r.checked('scheduledAutos'),
        hiredAutosOnly: r.checked('hiredAutosOnly'),
        nonOwnedAutosOnly: r.checked('nonOwnedAutosOnly'),
      };
    case 'workers_compensation': {
      const raw = r.option('proprietorExcluded');
      const excluded = typeof raw === 'string' && cleanText(raw) !== null ? normalizeFlag(raw) : null;
      return { perStatute: r.checked('perStatute'), proprietorExcluded: excluded };
    }
    default:
      return {};
  }
}

// Which values a certificate's warnings are about, so the review screen can flag them beside the field: each warning
// the readers write names its value in its own way (an ACORD field name, a coverage row, a NAIC code, a policy number
// in the job's own checks); this turns those into the JSON pointers of the extraction format that `confidence` uses.
// A warning that names no value ("text layer disagrees with the rendered page: page 1 "…"") stays only in the list.
import { ACORD25_FIELDS, type Acord25Row } from '../../../extraction/acord25/fields.js';
import type { CertificateView } from '../../db/repositories/certificates.js';

type Values = Pick<CertificateView, 'insurers' | 'policies'>;

const ROW_COVERAGES: Record<Acord25Row, string[]> = {
  general_liability: ['general_liability'],
  automobile_liability: ['automobile_liability'],
  umbrella_excess: ['umbrella_liability', 'excess_liability'],
  workers_compensation: ['workers_compensation'],
  other: ['other'],
};

const POINTERS = /(?:^|\s)(\/(?:policies|insurers|producer|insured|certificateHolder|form|certificateDate|certificateNumber|revisionNumber|descriptionOfOperations)(?:\/[\w~]+)*)/g;

/** JSON pointer → the warnings that name that value. */
export function warningFlags(warnings: string[], values: Values): Record<string, string[]> {
  const flags: Record<string, string[]> = {};
  for (const warning of warnings) {
    for (const pointer of new Set(pointersOf(warning, values))) (flags[pointer] ??= []).push(warning);
  }
  return flags;
}

function pointersOf(warning: string, values: Values): string[] {
  const policyOfRow = (row: string) => {
    const coverages = ROW_COVERAGES[row.replace(/ /g, '_') as Acord25Row] ?? [];
    const i = values.policies.findIndex((p) => coverages.includes(p.coverage));
    return i < 0 ? null : `/policies/${i}`;
  };
  const insurerWhere = (pred: (insurer: Values['insurers'][number]) => boolean) =>
    values.insurers.flatMap((insurer, i) => (pred(insurer) ? [`/insurers/${i}/naic`] : []));

  // the AcroForm and the XFA half of a hybrid hold different values for one field
  let m = /^(\w+): the AcroForm and XFA values disagree$/.exec(warning);
  if (m) return fieldPointer(m[1]!, values, policyOfRow);
  // the job's own check of a policy: "policy 2: expirationDate must not be before effectiveDate"
  m = /^policy (\d+): ([\w.]+)\s/.exec(warning);
  if (m) return [`/policies/${Number(m[1]) - 1}/${m[2]!.replace(/\./g, '/')}`];
  // NAIC checks name the code as printed and as corrected, and the insurer's name
  if (/^NAIC\b/.test(warning)) {
    const codes = new Set(warning.match(/\b\d{5}\b/g) ?? []);
    const quoted = /^NAIC "([^"]*)"/.exec(warning)?.[1];
    const says = /the certificate says (.+)$/.exec(warning)?.[1];
    return insurerWhere((insurer) => (insurer.naic !== null && (codes.has(insurer.naic) || insurer.naic === quoted)) || (says !== undefined && insurer.name === says));
  }
  m = /^(\w+) policy names insurer ([A-F]),/.exec(warning);
  if (m) {
    const i = values.policies.findIndex((p) => p.coverage === m![1] && p.insurerLetter === m![2]);
    return i < 0 ? [] : [`/policies/${i}/insurerLetter`];
  }
  // a coverage row's own problems: "general liability: ADDL INSD "Q" is not Y or N", "…: both CLAIMS-MADE and OCCUR are marked"
  m = /^(general liability|automobile liability|umbrella excess|workers compensation|other): (.*)$/.exec(warning);
  if (m) {
    const policy = policyOfRow(m[1]!);
    if (!policy) return [];
    const what = m[2]!;
    if (/^ADDL INSD|additional ?insured/i.test(what)) return [`${policy}/additionalInsured`];
    if (/^SUBR WVD|subrogation/i.test(what)) return [`${policy}/subrogationWaived`];
    if (/insurer letter/.test(what)) return [`${policy}/insurerLetter`];
    if (/CLAIMS-MADE|OCCUR/.test(what)) return [`${policy}/basis`];
    return [];
  }
  // a reader that names the values by their pointers: "text layer disagrees with the rendered page: /insured/name, …"
  return [...warning.matchAll(POINTERS)].map((found) => found[1]!);
}

/** The pointer of an ACORD 25 field's value on this certificate, when it has one. */
function fieldPointer(name: string, values: Values, policyOfRow: (row: string) => string | null): string[] {
  const field = Object.hasOwn(ACORD25_FIELDS, name) ? ACORD25_FIELDS[name] : undefined;
  if (!field) return [];
  switch (field.section) {
    case 'form':
      if (field.part === 'edition') return ['/form/edition'];
      return field.part === 'authorizedRepresentative' ? [] : [`/${field.part}`];
    case 'producer':
    case 'insured':
    case 'certificateHolder':
      return [field.part === 'name' ? `/${field.section}/name` : `/${field.section}/address`];
    case 'producerContact':
      return [`/producer/${field.part}`];
    case 'insurer': {
      const i = values.insurers.findIndex((insurer) => insurer.letter === field.letter);
      return i < 0 ? [] : [`/insurers/${i}/${field.part}`];
    }
    case 'policy': {
      const policy = policyOfRow(field.row);
      return policy ? [`${policy}/${field.part}`] : [];
    }
    case 'limit': {
      const policy = policyOfRow(field.row);
      return policy ? [`${policy}/limits/${field.limitKey}`] : [];
    }
    case 'rowOption': {
      const policy = policyOfRow(field.row);
      if (!policy) return [];
      return field.option === 'claimsMade' || field.option === 'occurrence' ? [`${policy}/basis`] : [];
    }
    default:
      return [];
  }
}

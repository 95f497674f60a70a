// The certificate form's values and their conversion to and from the API's Certificate.
// Limits are edited as NumberInput values (number, or '' while empty) and sent as whole dollars.
import type {
  Certificate,
  CertificateStatus,
  CertificateUpdate,
  CoverageType,
  Insurer,
  Policy,
  PolicyBasis,
  PolicyInput,
} from '../../api/types';
import { fromAddressForm, toAddressForm, type AddressFormValues } from '../../lib/address';
import { blankToNull } from '../../lib/format';

export type LimitValue = number | string;

export interface PolicyFormValues {
  /** Stable React key for the editor; not sent (PATCH replaces all policies). */
  key: string;
  coverage: CoverageType;
  description: string;
  insurerLetter: string;
  policyNumber: string;
  effectiveDate: string | null;
  expirationDate: string | null;
  additionalInsured: boolean;
  subrogationWaived: boolean;
  basis: PolicyBasis | null;
  limits: Record<string, LimitValue>;
  /** Kept as read, so fields this editor does not show survive a save. */
  details: Record<string, unknown>;
}

export interface InsurerFormValues {
  letter: string;
  name: string;
  naic: string;
}

export interface CertificateFormValues {
  status: CertificateStatus;
  formType: string;
  formEdition: string;
  certificateDate: string | null;
  certificateNumber: string;
  revisionNumber: string;
  insuredName: string;
  insuredAddress: AddressFormValues;
  producerName: string;
  producerContactName: string;
  producerPhone: string;
  producerFax: string;
  producerEmail: string;
  producerAddress: AddressFormValues;
  insurers: InsurerFormValues[];
  descriptionOfOperations: string;
  holderName: string;
  holderAddress: AddressFormValues;
  notes: string;
  policies: PolicyFormValues[];
}

let keySeed = 0;
export const newKey = () => `p${++keySeed}`;

export function policyFormValues(policy?: Policy): PolicyFormValues {
  return {
    key: newKey(),
    coverage: policy?.coverage ?? 'general_liability',
    description: policy?.description ?? '',
    insurerLetter: policy?.insurerLetter ?? '',
    policyNumber: policy?.policyNumber ?? '',
    effectiveDate: policy?.effectiveDate ?? null,
    expirationDate: policy?.expirationDate ?? null,
    additionalInsured: policy?.additionalInsured ?? false,
    subrogationWaived: policy?.subrogationWaived ?? false,
    basis: policy?.basis ?? null,
    limits: { ...(policy?.limits ?? {}) },
    details: { ...(policy?.details ?? {}) },
  };
}

export function certificateFormValues(c: Certificate): CertificateFormValues {
  return {
    status: c.status,
    formType: c.formType ?? '',
    formEdition: c.formEdition ?? '',
    certificateDate: c.certificateDate,
    certificateNumber: c.certificateNumber ?? '',
    revisionNumber: c.revisionNumber ?? '',
    insuredName: c.insuredName ?? '',
    insuredAddress: toAddressForm(c.insuredAddress),
    producerName: c.producer?.name ?? '',
    producerContactName: c.producer?.contactName ?? '',
    producerPhone: c.producer?.phone ?? '',
    producerFax: c.producer?.fax ?? '',
    producerEmail: c.producer?.email ?? '',
    producerAddress: toAddressForm(c.producer?.address),
    insurers: c.insurers.map((i) => ({ letter: i.letter ?? '', name: i.name, naic: i.naic ?? '' })),
    descriptionOfOperations: c.descriptionOfOperations ?? '',
    holderName: c.holderName ?? '',
    holderAddress: toAddressForm(c.holderAddress),
    notes: c.notes ?? '',
    policies: c.policies.map(policyFormValues),
  };
}

function limitsInput(limits: Record<string, LimitValue>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(limits)) {
    const amount = typeof value === 'number' ? value : Number(String(value).replace(/[$,\s]/g, ''));
    // an emptied input means "not shown on the certificate", so the key is left out
    if (value !== '' && Number.isFinite(amount)) out[key] = Math.round(amount);
  }
  return out;
}

export function policyInput(p: PolicyFormValues): PolicyInput {
  return {
    coverage: p.coverage,
    description: blankToNull(p.description),
    insurerLetter: blankToNull(p.insurerLetter)?.toUpperCase() ?? null,
    policyNumber: blankToNull(p.policyNumber),
    effectiveDate: p.effectiveDate || null,
    expirationDate: p.expirationDate || null,
    additionalInsured: p.additionalInsured,
    subrogationWaived: p.subrogationWaived,
    basis: p.basis,
    limits: limitsInput(p.limits),
    details: p.details,
  };
}

export function certificateUpdate(v: CertificateFormValues): CertificateUpdate {
  const producer = {
    name: blankToNull(v.producerName),
    address: fromAddressForm(v.producerAddress),
    contactName: blankToNull(v.producerContactName),
    phone: blankToNull(v.producerPhone),
    fax: blankToNull(v.producerFax),
    email: blankToNull(v.producerEmail),
  };
  const hasProducer = Object.values(producer).some((value) => value !== null);
  const insurers: Insurer[] = v.insurers
    .filter((i) => i.name.trim())
    .map((i) => ({ letter: blankToNull(i.letter)?.toUpperCase() ?? null, name: i.name.trim(), naic: blankToNull(i.naic) }));
  return {
    status: v.status,
    formType: blankToNull(v.formType),
    formEdition: blankToNull(v.formEdition),
    certificateDate: v.certificateDate || null,
    certificateNumber: blankToNull(v.certificateNumber),
    revisionNumber: blankToNull(v.revisionNumber),
    insuredName: blankToNull(v.insuredName),
    insuredAddress: fromAddressForm(v.insuredAddress),
    producer: hasProducer ? producer : null,
    insurers,
    descriptionOfOperations: blankToNull(v.descriptionOfOperations),
    holderName: blankToNull(v.holderName),
    holderAddress: fromAddressForm(v.holderAddress),
    notes: blankToNull(v.notes),
    policies: v.policies.map(policyInput),
  };
}

/** Server field paths like policies.0.limits.each_occurrence map straight onto the form, except these. */
export const certificateFieldAliases: Record<string, string> = {
  'producer.name': 'producerName',
  'producer.contactName': 'producerContactName',
  'producer.phone': 'producerPhone',
  'producer.fax': 'producerFax',
  'producer.email': 'producerEmail',
};

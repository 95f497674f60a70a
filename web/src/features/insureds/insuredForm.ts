// The insured form's values and their conversion to and from the API's Insured.
import type { Insured, InsuredInput, InsuredKind, InsuredStatus } from '../../api/types';
import { emptyAddress, fromAddressForm, toAddressForm, type AddressFormValues } from '../../lib/address';
import { blankToNull } from '../../lib/format';

export interface InsuredFormValues {
  legalName: string;
  dba: string;
  kind: InsuredKind;
  /** Empty means "leave the stored tax id as it is"; the stored one is only ever shown masked. */
  taxId: string;
  externalId: string;
  tags: string[];
  notes: string;
  address: AddressFormValues;
  mailingAddress: AddressFormValues;
  status: InsuredStatus;
}

export function insuredFormValues(insured?: Insured): InsuredFormValues {
  return {
    legalName: insured?.legalName ?? '',
    dba: insured?.dba ?? '',
    kind: insured?.kind ?? 'vendor',
    taxId: '',
    externalId: insured?.externalId ?? '',
    tags: insured?.tags ?? [],
    notes: insured?.notes ?? '',
    address: insured ? toAddressForm(insured.address) : { ...emptyAddress },
    mailingAddress: insured ? toAddressForm(insured.mailingAddress) : { ...emptyAddress },
    status: insured?.status ?? 'active',
  };
}

export function insuredInput(values: InsuredFormValues): InsuredInput {
  const taxId = values.taxId.trim();
  return {
    legalName: values.legalName.trim(),
    dba: blankToNull(values.dba),
    kind: values.kind,
    ...(taxId ? { taxId } : {}),
    externalId: blankToNull(values.externalId),
    tags: values.tags.map((t) => t.trim()).filter(Boolean),
    notes: blankToNull(values.notes),
    address: fromAddressForm(values.address),
    mailingAddress: fromAddressForm(values.mailingAddress),
    status: values.status,
  };
}

export const validateInsured = {
  legalName: (v: string) => (v.trim() ? null : 'Enter the legal name'),
};

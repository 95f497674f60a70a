// Converting between the API's Address ({lines[], city, state, postalCode}) and a flat form group.
import type { Address } from '../api/types';
import { blankToNull } from './format';

export interface AddressFormValues {
  line1: string;
  line2: string;
  city: string;
  state: string;
  postalCode: string;
}

export const emptyAddress: AddressFormValues = { line1: '', line2: '', city: '', state: '', postalCode: '' };

export function toAddressForm(address: Address | null | undefined): AddressFormValues {
  if (!address) return { ...emptyAddress };
  return {
    line1: address.lines[0] ?? '',
    // the form has two lines; any further lines are joined so nothing is lost on save
    line2: address.lines.slice(1).join(', '),
    city: address.city ?? '',
    state: address.state ?? '',
    postalCode: address.postalCode ?? '',
  };
}

/** null when every field is blank, so an untouched address is not stored as an empty object. */
export function fromAddressForm(values: AddressFormValues): Address | null {
  const lines = [values.line1, values.line2].map((l) => l.trim()).filter(Boolean);
  const address: Address = {
    lines,
    city: blankToNull(values.city),
    state: blankToNull(values.state),
    postalCode: blankToNull(values.postalCode),
  };
  return lines.length === 0 && !address.city && !address.state && !address.postalCode ? null : address;
}

export function formatAddress(address: Address | null | undefined): string {
  if (!address) return '';
  const cityLine = [address.city, [address.state, address.postalCode].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [...address.lines, cityLine].filter(Boolean).join('\n');
}

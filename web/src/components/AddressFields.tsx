// The address inputs shared by locations, insureds and certificates (two street lines, city, state, ZIP).
import { Fieldset, Grid, TextInput } from '@mantine/core';
import type { AddressFormValues } from '../lib/address';

type Field = keyof AddressFormValues;

interface AddressFieldsProps {
  legend: string;
  /** Returns the form's input props for one address field (e.g. form.getInputProps(`address.${f}`)). */
  inputProps: (field: Field) => object;
  readOnly?: boolean;
  /** Prefix for data-testid, so tests can tell several address blocks apart. */
  testId?: string;
}

export function AddressFields({ legend, inputProps, readOnly, testId = 'address' }: AddressFieldsProps) {
  // short visible labels; the accessible name carries the legend so two address blocks stay distinguishable.
  // "ZIP" rather than "Postal code" so that a field labelled "Code" beside an address stays unambiguous
  const field = (name: Field, label: string) => ({
    ...inputProps(name),
    label,
    'aria-label': `${legend} ${label.toLowerCase()}`,
    readOnly,
    'data-testid': `${testId}-${name}`,
  });
  return (
    <Fieldset legend={legend}>
      <Grid gap="xs">
        <Grid.Col span={12}>
          <TextInput {...field('line1', 'Street')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput {...field('line2', 'Line 2')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput {...field('city', 'City')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <TextInput {...field('state', 'State')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <TextInput {...field('postalCode', 'ZIP')} />
        </Grid.Col>
      </Grid>
    </Fieldset>
  );
}

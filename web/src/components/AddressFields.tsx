// The address inputs shared by locations, insureds and certificates (two street lines, city, state, ZIP).
import { Fieldset, Grid, TextInput } from '@mantine/core';
import type { AddressFormValues } from '../lib/address';

type Field = keyof AddressFormValues;

interface AddressFieldsProps {
  legend: string;
  /** Returns the form's input props for one address field (e.g. form.getInputProps(`address.${f}`)). */
  inputProps: (field: Field) => object;
  disabled?: boolean;
  /** Prefix for data-testid, so tests can tell several address blocks apart. */
  testId?: string;
}

export function AddressFields({ legend, inputProps, disabled, testId = 'address' }: AddressFieldsProps) {
  // short visible labels; the accessible name carries the legend so two address blocks stay distinguishable
  const field = (name: Field, label: string) => ({
    ...inputProps(name),
    label,
    'aria-label': `${legend} ${label.toLowerCase()}`,
    disabled,
    'data-testid': `${testId}-${name}`,
  });
  return (
    <Fieldset legend={legend} disabled={disabled}>
      <Grid gutter="xs">
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
          <TextInput {...field('postalCode', 'Postal code')} />
        </Grid.Col>
      </Grid>
    </Fieldset>
  );
}

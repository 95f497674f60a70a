// What this location changes in every requirement set applied here: the certificate holder (a holder per
// property), phrases the description of operations must mention, the expiring window, and minimum limits.
// Empty inputs mean "as the requirement set says".
import { Accordion, Button, Card, Grid, Group, NumberInput, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useLocationOverrides, useSaveLocationOverrides, type LocationOverrides, type OverrideCoverage } from '../../api/compliance';
import { coverageTypes } from '../../api/types';
import { AddressFields } from '../../components/AddressFields';
import { QueryState } from '../../components/QueryState';
import { emptyAddress, fromAddressForm, toAddressForm, type AddressFormValues } from '../../lib/address';
import { coverageLabel, limitKeysByCoverage, limitLabel } from '../../lib/coverage';
import { notifySuccess, showFormError } from '../../lib/errors';
import { usePermissions } from '../auth/session';

const overrideCoverages = coverageTypes.filter((c): c is OverrideCoverage => c !== 'other');

type LimitInputs = Record<OverrideCoverage, Record<string, number | string>>;

interface OverrideValues {
  holderName: string;
  holderAddress: AddressFormValues;
  phrases: string[];
  expiringWithinDays: number | string;
  limits: LimitInputs;
}

function formValues(o: LocationOverrides): OverrideValues {
  const limits = Object.fromEntries(
    overrideCoverages.map((c) => [c, Object.fromEntries(limitKeysByCoverage[c].map((k) => [k, o.limits?.[c]?.[k] ?? '']))]),
  ) as LimitInputs;
  return {
    holderName: o.certificateHolder?.name ?? '',
    holderAddress: o.certificateHolder?.address ? toAddressForm(o.certificateHolder.address) : { ...emptyAddress },
    phrases: o.descriptionMustMention ?? [],
    expiringWithinDays: o.expiringWithinDays ?? '',
    limits,
  };
}

function overridesOf(values: OverrideValues): LocationOverrides {
  const limits: NonNullable<LocationOverrides['limits']> = {};
  for (const coverage of overrideCoverages) {
    const set: Record<string, number> = {};
    for (const [key, value] of Object.entries(values.limits[coverage])) {
      if (value !== '' && Number.isFinite(Number(value))) set[key] = Math.round(Number(value));
    }
    if (Object.keys(set).length > 0) limits[coverage] = set;
  }
  const name = values.holderName.trim();
  const phrases = values.phrases.map((p) => p.trim()).filter(Boolean);
  return {
    certificateHolder: name ? { name, address: fromAddressForm(values.holderAddress) } : null,
    descriptionMustMention: phrases.length ? phrases : null,
    expiringWithinDays: values.expiringWithinDays === '' ? null : Number(values.expiringWithinDays),
    limits: Object.keys(limits).length ? limits : null,
  };
}

// the server names fields by the API's paths; the form nests them differently (limits.<coverage>.<key> match)
const aliases: Record<string, string> = {
  'certificateHolder.name': 'holderName',
  'certificateHolder.address.lines.0': 'holderAddress.line1',
  'certificateHolder.address.lines.1': 'holderAddress.line2',
  'certificateHolder.address.city': 'holderAddress.city',
  'certificateHolder.address.state': 'holderAddress.state',
  'certificateHolder.address.postalCode': 'holderAddress.postalCode',
  ...Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`descriptionMustMention.${i}`, 'phrases'])),
};

export function RequirementOverrides({ locationId }: { locationId: string }) {
  const overrides = useLocationOverrides(locationId);
  return (
    <Card withBorder data-testid="location-overrides">
      <Title order={4} mb={4}>
        Requirement overrides
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Changes every requirement set applied at this location. Leave a field empty to keep what the set says.
      </Text>
      <QueryState query={overrides}>{(data) => <OverridesForm locationId={locationId} overrides={data} />}</QueryState>
    </Card>
  );
}

function OverridesForm({ locationId, overrides }: { locationId: string; overrides: LocationOverrides }) {
  const { canEdit } = usePermissions();
  const save = useSaveLocationOverrides(locationId);
  const form = useForm<OverrideValues>({ initialValues: formValues(overrides) });

  const submit = form.onSubmit((values) =>
    save.mutate(overridesOf(values), {
      onSuccess: (saved) => {
        notifySuccess('Overrides saved; statuses here are being re-checked');
        form.setValues(formValues(saved));
        form.resetDirty(formValues(saved));
      },
      onError: (err) => showFormError(form, err, aliases),
    }),
  );

  const limitsSet = (c: OverrideCoverage) => Object.values(form.values.limits[c]).filter((v) => v !== '').length;

  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput
                label="Certificate holder"
                description="The name certificates for this location must show as holder"
                data-testid="override-holder-name"
                {...form.getInputProps('holderName')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput
                label="Expiring within (days)"
                description="Replaces the set's window"
                min={0}
                max={365}
                allowDecimal={false}
                data-testid="override-expiring"
                {...form.getInputProps('expiringWithinDays')}
              />
            </Grid.Col>
          </Grid>
          <AddressFields
            legend="Holder address"
            inputProps={(f) => form.getInputProps(`holderAddress.${f}`)}
            testId="override-holder-address"
          />
          <TagsInput
            label="Description must mention"
            description="Added to the set's phrases, e.g. the project's name; press Enter after each"
            data-testid="override-phrases"
            {...form.getInputProps('phrases')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Minimum limits
            </Text>
            <Text size="xs" c="dimmed">
              Replace the set's minimums, for sets that require the coverage.
            </Text>
            <Accordion variant="contained" multiple>
              {overrideCoverages.map((coverage) => (
                <Accordion.Item key={coverage} value={coverage}>
                  <Accordion.Control>
                    {coverageLabel(coverage)}
                    {limitsSet(coverage) > 0 && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({limitsSet(coverage)} set)
                      </Text>
                    )}
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Grid gap="xs">
                      {limitKeysByCoverage[coverage].map((key) => (
                        <Grid.Col key={key} span={{ base: 12, sm: 6 }}>
                          <NumberInput
                            label={limitLabel(key)}
                            prefix="$"
                            thousandSeparator=","
                            min={1}
                            allowDecimal={false}
                            allowNegative={false}
                            {...form.getInputProps(`limits.${coverage}.${key}`)}
                          />
                        </Grid.Col>
                      ))}
                    </Grid>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </Stack>
          {canEdit && (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
                Undo changes
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="override-save">
                Save overrides
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

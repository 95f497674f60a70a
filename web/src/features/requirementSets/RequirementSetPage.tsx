// Creating or editing a requirement set: a form for the common parts, and the raw JSON for the rest.
import { useState } from 'react';
import { Alert, Anchor, Button, Grid, Group, JsonInput, NumberInput, Stack, Tabs, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useParams } from 'react-router';
import { useRequirementSet, useSaveRequirementSet } from '../../api/requirementSets';
import type { RequirementSet } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { notifySuccess } from '../../lib/errors';
import { usePermissions } from '../auth/session';
import { CoverageRequirementsEditor } from './CoverageRequirementsEditor';
import { showRequirementSetError } from './requirementErrors';
import {
  definitionOf,
  emptyDefinition,
  parseDefinition,
  requirementFormValues,
  requirementSetInput,
  type RequirementFormValues,
} from './requirementForm';
import { RequirementSummaryCard } from './RequirementSummaryCard';

/** The holder's postal code, kept in certificateHolder.address (the rest of the address is carried through). */
function holderPostalCode(holderExtra: Record<string, unknown>): string {
  const address = holderExtra.address as { postalCode?: string | null } | null | undefined;
  return address?.postalCode ?? '';
}
function withHolderPostalCode(holderExtra: Record<string, unknown>, code: string): Record<string, unknown> {
  const address = (holderExtra.address as Record<string, unknown> | null | undefined) ?? { lines: [], city: null, state: null };
  const next: Record<string, unknown> = { ...address, postalCode: code.trim() || null };
  const empty = !next.postalCode && !(next.lines as unknown[] | undefined)?.length && !next.city && !next.state;
  const { address: _old, ...rest } = holderExtra;
  return empty ? rest : { ...rest, address: next };
}

export function RequirementSetPage() {
  const { requirementSetId } = useParams();
  const requirementSet = useRequirementSet(requirementSetId);
  if (!requirementSetId) return <RequirementSetEditor />;
  return <QueryState query={requirementSet}>{(data) => <RequirementSetEditor requirementSet={data} />}</QueryState>;
}

function RequirementSetEditor({ requirementSet }: { requirementSet?: RequirementSet }) {
  const { canEdit } = usePermissions();
  const navigate = useNavigate();
  const save = useSaveRequirementSet();
  const form = useForm<RequirementFormValues>({
    initialValues: requirementFormValues(requirementSet?.definition ?? emptyDefinition(), requirementSet),
    validate: {
      name: (v) => (v.trim() ? null : 'Name the requirement set'),
      expiringWithinDays: (v) => (Number(v) >= 0 && Number.isInteger(Number(v)) ? null : 'Enter a whole number of days'),
    },
  });
  const [tab, setTab] = useState<string | null>('form');
  const setExtra = (key: string, value: unknown) => form.setFieldValue('extra', { ...form.values.extra, [key]: value });
  const [json, setJson] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);

  const openJson = () => {
    setJson(JSON.stringify(definitionOf(form.values), null, 2));
    setJsonError(null);
    setTab('json');
  };

  // leaving the JSON tab (or saving from it) applies what was typed there, so neither view silently loses edits
  const applyJson = (): RequirementFormValues | null => {
    try {
      const definition = parseDefinition(json);
      const next = requirementFormValues(definition, {
        name: definition.name || form.values.name,
        description: form.values.description,
      });
      form.setValues(next);
      setJsonError(null);
      return next;
    } catch (err) {
      setJsonError(err instanceof Error ? err.message : 'Not valid JSON');
      return null;
    }
  };

  // the preview follows whichever view is being edited; half-typed JSON leaves it on the form's values
  const previewDefinition = () => {
    if (tab === 'json') {
      try {
        return parseDefinition(json);
      } catch {
        // not JSON yet
      }
    }
    return definitionOf(form.values);
  };

  const onTabChange = (value: string | null) => {
    if (value === 'json') openJson();
    else if (tab === 'json' && applyJson()) setTab(value);
  };

  const submit = form.onSubmit((formValues) => {
    const values = tab === 'json' ? applyJson() : formValues;
    if (!values) return;
    save.mutate(
      { id: requirementSet?.id, ...requirementSetInput(values) },
      {
        onSuccess: (saved) => {
          notifySuccess('Requirement set saved');
          form.resetDirty(values);
          if (!requirementSet) navigate(`/requirement-sets/${saved.id}`, { replace: true });
        },
        onError: (err) => showRequirementSetError(form, err, tab === 'form'),
      },
    );
  });

  return (
    <>
      <PageHeader
        title={requirementSet ? requirementSet.name : 'New requirement set'}
        description={
          <Anchor component={Link} to="/requirement-sets" size="sm">
            ← All requirement sets
          </Anchor>
        }
      />
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <form onSubmit={submit} noValidate>
            <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Stack>
                <Grid gap="sm">
                  <Grid.Col span={{ base: 12, sm: 8 }}>
                    <TextInput label="Name" data-testid="requirement-set-name" {...form.getInputProps('name')} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <NumberInput
                      label="Expiring within (days)"
                      description="A policy ending this soon counts as expiring"
                      min={0}
                      allowDecimal={false}
                      {...form.getInputProps('expiringWithinDays')}
                    />
                  </Grid.Col>
                  <Grid.Col span={12}>
                    <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
                  </Grid.Col>
                </Grid>
                <Tabs value={tab} onChange={onTabChange}>
                  <Tabs.List>
                    <Tabs.Tab value="form">Coverages</Tabs.Tab>
                    <Tabs.Tab value="json">Raw JSON</Tabs.Tab>
                  </Tabs.List>
                  <Tabs.Panel value="form" pt="md">
                    <Stack>
                      <Grid gap="sm">
                        <Grid.Col span={{ base: 12, sm: 8 }}>
                          <TextInput
                            label="Certificate holder"
                            description="Optional: the name the certificate must show as holder"
                            {...form.getInputProps('holderName')}
                          />
                        </Grid.Col>
                        <Grid.Col span={{ base: 12, sm: 4 }}>
                          <TextInput
                            label="Holder postal code"
                            description="Optional: must match too"
                            disabled={!form.values.holderName.trim()}
                            value={holderPostalCode(form.values.holderExtra)}
                            onChange={(e) => form.setFieldValue('holderExtra', withHolderPostalCode(form.values.holderExtra, e.currentTarget.value))}
                          />
                        </Grid.Col>
                        <Grid.Col span={{ base: 12, sm: 4 }}>
                          <TextInput
                            label="Minimum insurer rating"
                            description="AM Best, e.g. A- VII; checked against your insurer table"
                            placeholder="Any"
                            value={typeof form.values.extra.minimumInsurerRating === 'string' ? form.values.extra.minimumInsurerRating : ''}
                            onChange={(e) => setExtra('minimumInsurerRating', e.currentTarget.value.trim() ? e.currentTarget.value : null)}
                          />
                        </Grid.Col>
                        <Grid.Col span={{ base: 12, sm: 8 }}>
                          <TagsInput
                            label="Approved insurers (NAIC codes)"
                            description="Leave empty to accept any insurer; press Enter after each code"
                            placeholder="e.g. 19682"
                            value={Array.isArray(form.values.extra.approvedInsurerNaics) ? (form.values.extra.approvedInsurerNaics as string[]) : []}
                            onChange={(v) => setExtra('approvedInsurerNaics', v.length ? v.map((c) => c.trim()) : null)}
                          />
                        </Grid.Col>
                        <Grid.Col span={12}>
                          <TagsInput
                            label="The description of operations must mention"
                            data-testid="requirement-mentions"
                            description="Words or phrases, e.g. the project's name; press Enter after each"
                            value={Array.isArray(form.values.extra.descriptionMustMention) ? (form.values.extra.descriptionMustMention as string[]) : []}
                            onChange={(v) => setExtra('descriptionMustMention', v)}
                          />
                        </Grid.Col>
                      </Grid>
                      <CoverageRequirementsEditor form={form} />
                    </Stack>
                  </Tabs.Panel>
                  <Tabs.Panel value="json" pt="md">
                    <Stack>
                      <Alert color="blue" variant="light">
                        The full definition in the interchange format (shared/contracts/requirements.md), as it
                        is imported and exported; the holder's full address can be edited here.
                      </Alert>
                      <JsonInput
                        label="Definition JSON"
                        autosize
                        minRows={16}
                        maxRows={40}
                        formatOnBlur
                        value={json}
                        onChange={setJson}
                        error={jsonError}
                        validationError="Not valid JSON"
                      />
                    </Stack>
                  </Tabs.Panel>
                </Tabs>
                {canEdit && (
                  <Group justify="flex-end">
                    <Button variant="default" onClick={() => navigate('/requirement-sets')}>
                      Cancel
                    </Button>
                    <Button type="submit" loading={save.isPending} data-testid="requirement-set-save">
                      Save requirement set
                    </Button>
                  </Group>
                )}
              </Stack>
            </fieldset>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <RequirementSummaryCard requirementSet={requirementSet} definition={previewDefinition()} />
        </Grid.Col>
      </Grid>
    </>
  );
}

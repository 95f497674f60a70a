// The certificate's policies as an accordion, one editor per policy; saving sends the whole list.
import { useState } from 'react';
import { Accordion, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { coverageLabel } from '../../lib/coverage';
import { formatDate } from '../../lib/format';
import { policyFormValues, type CertificateFormValues } from './certificateForm';
import { PolicyEditor } from './PolicyEditor';
import { useReviewSources } from './review';

export function PoliciesEditor({ form }: { form: UseFormReturnType<CertificateFormValues> }) {
  const policies = form.values.policies;
  const insurerLetters = form.values.insurers.map((i) => i.letter.trim().toUpperCase()).filter(Boolean);
  // a lone policy starts open; a newly added one opens so it can be filled in
  const [open, setOpen] = useState<string[]>(policies.length === 1 ? [policies[0].key] : []);
  // a closed policy says when it holds values to check, so the reviewer knows to open it
  const sources = useReviewSources();
  const toCheck = (index: number) => {
    const prefix = `policies.${index}.`;
    return [...sources.low.keys(), ...sources.flags.keys()].some((path) => path.startsWith(prefix));
  };

  const addPolicy = () => {
    const policy = policyFormValues();
    form.insertListItem('policies', policy);
    setOpen((keys) => [...keys, policy.key]);
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>Policies</Title>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlus size={14} />}
          onClick={addPolicy}
          data-testid="policy-add"
        >
          Add policy
        </Button>
      </Group>
      {policies.length === 0 ? (
        <Text size="sm" c="dimmed">
          No policies recorded. Add the policies shown on the certificate.
        </Text>
      ) : (
        <Accordion variant="separated" multiple value={open} onChange={setOpen}>
          {policies.map((policy, index) => (
            <Accordion.Item key={policy.key} value={policy.key}>
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" pr="sm">
                  <Text size="sm" fw={500}>
                    {policy.coverage === 'other' && policy.description ? policy.description : coverageLabel(policy.coverage)}
                    {policy.policyNumber ? ` · ${policy.policyNumber}` : ''}
                  </Text>
                  <Group gap="xs" wrap="nowrap">
                    {toCheck(index) && (
                      <Badge size="xs" color="orange" variant="light" data-testid="policy-to-check">
                        check
                      </Badge>
                    )}
                    <Text size="xs" c="dimmed">
                      {formatDate(policy.effectiveDate)} – {formatDate(policy.expirationDate)}
                    </Text>
                  </Group>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <PolicyEditor form={form} index={index} insurerLetters={insurerLetters} />
                <Group justify="flex-end" mt="sm">
                  <Button
                    size="xs"
                    color="red"
                    variant="subtle"
                    leftSection={<IconTrash size={14} />}
                    onClick={() => form.removeListItem('policies', index)}
                  >
                    Remove policy
                  </Button>
                </Group>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}

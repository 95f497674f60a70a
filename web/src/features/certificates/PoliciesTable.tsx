// A read-only summary of a certificate's policies: coverage, number, dates and limits.
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { Policy } from '../../api/types';
import { coverageLabel, limitLabel } from '../../lib/coverage';
import { formatDate, formatMoney } from '../../lib/format';

const today = () => new Date().toISOString().slice(0, 10);

export function PoliciesTable({ policies }: { policies: Policy[] }) {
  if (policies.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No policies recorded on this certificate.
      </Text>
    );
  }
  const asOf = today();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder={false} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Coverage</Table.Th>
            <Table.Th>Policy number</Table.Th>
            <Table.Th>Effective</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Limits</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {policies.map((policy, index) => (
            <Table.Tr key={policy.id ?? index}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {policy.coverage === 'other' && policy.description ? policy.description : coverageLabel(policy.coverage)}
                </Text>
                <Group gap={4} mt={2}>
                  {policy.insurerLetter && (
                    <Badge size="xs" variant="outline">
                      Insurer {policy.insurerLetter}
                    </Badge>
                  )}
                  {policy.additionalInsured && (
                    <Badge size="xs" variant="light">
                      Addl insd
                    </Badge>
                  )}
                  {policy.subrogationWaived && (
                    <Badge size="xs" variant="light">
                      Subr wvd
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{policy.policyNumber ?? '—'}</Table.Td>
              <Table.Td>{formatDate(policy.effectiveDate)}</Table.Td>
              <Table.Td>
                <Text size="sm" c={policy.expirationDate && policy.expirationDate < asOf ? 'red' : undefined}>
                  {formatDate(policy.expirationDate)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {Object.entries(policy.limits).map(([key, amount]) => (
                    <Text key={key} size="xs">
                      {limitLabel(key)}: <b>{formatMoney(amount)}</b>
                    </Text>
                  ))}
                  {Object.keys(policy.limits).length === 0 && '—'}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

// The audit log: every change in the organization, who made it and when, newest first.
import { useState } from 'react';
import { Anchor, Badge, Code, Group, Paper, Select, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useAuditLog } from '../../api/auditLog';
import type { AuditEntry } from '../../api/types';
import { ListPagination, usePage } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, humanize } from '../../lib/format';
import { EmptyRow } from '../../components/EmptyRow';

const entityTypes = [
  'organization',
  'member',
  'invitation',
  'api_key',
  'location',
  'insured',
  'contact',
  'assignment',
  'requirement_set',
  'certificate',
  'document',
];

// entity pages that exist in the UI, so log rows can link to what they changed
const entityLinks: Record<string, (id: string) => string> = {
  location: (id) => `/locations/${id}`,
  insured: (id) => `/insureds/${id}`,
  certificate: (id) => `/certificates/${id}`,
  requirement_set: (id) => `/requirement-sets/${id}`,
};

export function AuditLogPage() {
  const [entityType, setEntityType] = useState<string | null>(null);
  const { page, setPage, limit, offset } = usePage(entityType ?? '');
  const log = useAuditLog({ entityType: entityType ?? undefined, limit, offset });

  return (
    <>
      <PageHeader title="Audit log" description="Every change made in this organization, by people and API keys." />
      <Group mb="md">
        <Select
          aria-label="Filter by entity type"
          placeholder="All entity types"
          data={entityTypes.map((t) => ({ value: t, label: humanize(t) }))}
          value={entityType}
          onChange={setEntityType}
          clearable
          w={{ base: '100%', sm: 240 }}
        />
      </Group>
      <QueryState query={log}>
        {(data) => (
          <>
            <Paper withBorder>
              <Table.ScrollContainer minWidth={720}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>When</Table.Th>
                      <Table.Th>Who</Table.Th>
                      <Table.Th>Action</Table.Th>
                      <Table.Th>What</Table.Th>
                      <Table.Th>Changes</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((entry) => (
                      <AuditRow key={entry.id} entry={entry} />
                    ))}
                    {data.items.length === 0 && (
                      <EmptyRow colSpan={5}>Nothing logged yet.</EmptyRow>
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <ListPagination total={data.total} limit={limit} page={page} onChange={setPage} noun="entries" />
          </>
        )}
      </QueryState>
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const link = entry.entityId ? entityLinks[entry.entityType]?.(entry.entityId) : undefined;
  const changes = entry.changes && Object.keys(entry.changes).length > 0 ? JSON.stringify(entry.changes) : '';
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.createdAt)}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {entry.actor?.name ?? 'System'}
          {entry.actor?.type === 'api_key' && (
            <Badge size="xs" variant="outline">
              API key
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Code>{entry.action}</Code>
      </Table.Td>
      <Table.Td>
        {humanize(entry.entityType)}{' '}
        {link ? (
          <Anchor component={Link} to={link} size="sm">
            open
          </Anchor>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="xs" ff="monospace" lineClamp={2} title={changes} maw={360} style={{ wordBreak: 'break-all' }}>
          {changes}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

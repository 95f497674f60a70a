// All requirement sets, with import from and export to the JSON interchange format, and new sets copied from
// ready-made templates.
import { useState } from 'react';
import { ActionIcon, Anchor, Button, Group, Modal, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconFileImport, IconPlus, IconTemplate, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { saveBlob } from '../../api/files';
import { useOrgId } from '../../api/orgScope';
import { exportRequirementSet, useDeleteRequirementSet, useRequirementSets } from '../../api/requirementSets';
import type { RequirementSet } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ListPagination, usePage } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { notifyError, notifyOutcome } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { usePermissions } from '../auth/session';
import { ImportRequirementSet } from './ImportRequirementSet';
import { NewFromTemplate } from './NewFromTemplate';
import { RequirementSummaryLines } from './RequirementSummaryLines';
import { EmptyRow } from '../../components/EmptyRow';

export function RequirementSetsPage() {
  const { canEdit } = usePermissions();
  const navigate = useNavigate();
  const { page, setPage, limit, offset } = usePage('');
  const requirementSets = useRequirementSets({ limit, offset });
  const [importing, setImporting] = useState(false);
  const [fromTemplate, setFromTemplate] = useState(false);

  return (
    <>
      <PageHeader
        title="Requirement sets"
        description="The insurance an insured must carry: coverages, minimum limits and endorsements."
        actions={
          canEdit && (
            <>
              <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
                Import
              </Button>
              <Button
                variant="default"
                leftSection={<IconTemplate size={16} />}
                onClick={() => setFromTemplate(true)}
                data-testid="new-from-template"
              >
                New from template
              </Button>
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => navigate('/requirement-sets/new')}
                data-testid="new-requirement-set"
              >
                New requirement set
              </Button>
            </>
          )
        }
      />
      <QueryState query={requirementSets}>
        {(data) => (
          <>
            <Paper withBorder>
              <Table.ScrollContainer minWidth={760}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Requirements</Table.Th>
                      <Table.Th>Assignments</Table.Th>
                      <Table.Th>Updated</Table.Th>
                      <Table.Th w={90} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((set) => (
                      <RequirementSetRow key={set.id} requirementSet={set} canEdit={canEdit} />
                    ))}
                    {data.items.length === 0 && (
                      <EmptyRow colSpan={5}>No requirement sets yet.</EmptyRow>
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <ListPagination total={data.total} limit={limit} page={page} onChange={setPage} noun="requirement sets" />
          </>
        )}
      </QueryState>
      <Modal opened={fromTemplate} onClose={() => setFromTemplate(false)} title="New requirement set from a template" size="lg">
        {fromTemplate && (
          <NewFromTemplate
            onDone={(set) => {
              setFromTemplate(false);
              navigate(`/requirement-sets/${set.id}`);
            }}
          />
        )}
      </Modal>
      <Modal opened={importing} onClose={() => setImporting(false)} title="Import requirement set" size="lg">
        {importing && (
          <ImportRequirementSet
            onDone={(set) => {
              setImporting(false);
              navigate(`/requirement-sets/${set.id}`);
            }}
          />
        )}
      </Modal>
    </>
  );
}

function RequirementSetRow({ requirementSet, canEdit }: { requirementSet: RequirementSet; canEdit: boolean }) {
  const orgId = useOrgId();
  const remove = useDeleteRequirementSet();

  const exportJson = () =>
    exportRequirementSet(orgId, requirementSet.id)
      .then((blob) => saveBlob(blob, `${requirementSet.name.replace(/[^\w.-]+/g, '-').toLowerCase()}.json`))
      .catch((err: unknown) => notifyError(err, 'Export failed'));

  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={0}>
          <Anchor component={Link} to={`/requirement-sets/${requirementSet.id}`}>
            {requirementSet.name}
          </Anchor>
          {requirementSet.description && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {requirementSet.description}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <RequirementSummaryLines requirementSet={requirementSet} />
      </Table.Td>
      <Table.Td data-testid="requirement-set-assignments">{requirementSet.assignmentCount}</Table.Td>
      <Table.Td>{formatDateTime(requirementSet.updatedAt)}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Tooltip label="Export JSON">
            <ActionIcon variant="subtle" aria-label={`Export ${requirementSet.name}`} onClick={() => void exportJson()}>
              <IconDownload size={16} />
            </ActionIcon>
          </Tooltip>
          {canEdit && (
            <ConfirmAction
              label={`Delete ${requirementSet.name}`}
              title="Delete requirement set"
              message={`Delete “${requirementSet.name}”? Locations that use it will have no requirement set.`}
              confirmLabel="Delete"
              icon={<IconTrash size={16} />}
              onConfirm={() =>
                notifyOutcome(remove.mutateAsync(requirementSet.id), 'Requirement set deleted', 'Could not delete')
              }
            />
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

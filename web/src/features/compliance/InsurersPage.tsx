// The insurer table: each insurer's NAIC code and AM Best rating, which requirement sets with a minimum rating or
// approved insurers check certificates against. Search, add, edit, delete, and import a CSV (a file or pasted text);
// a refused import names each bad row, and nothing is imported then.
import { useState } from 'react';
import { ActionIcon, Alert, Button, FileButton, Group, Modal, Paper, Stack, Table, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPencil, IconPlus, IconSearch, IconTrash, IconUpload } from '@tabler/icons-react';
import { ApiError } from '../../api/client';
import { useDeleteInsurerRating, useImportInsurers, useInsurerRatings, useSaveInsurerRating, type InsurerRating } from '../../api/insurers';
import type { FieldError } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { EmptyRow } from '../../components/EmptyRow';
import { ListPagination, usePage } from '../../components/ListPagination';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { notifyError, notifyOutcome, notifySuccess, showFormError } from '../../lib/errors';
import { blankToNull, formatDateTime } from '../../lib/format';
import { usePermissions } from '../auth/session';

export function InsurersPage() {
  const { canEdit } = usePermissions();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const { page, setPage, limit, offset } = usePage(q);
  const insurers = useInsurerRatings({ q, limit, offset });
  const remove = useDeleteInsurerRating();
  // undefined: closed; null: a new insurer
  const [editing, setEditing] = useState<InsurerRating | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);

  return (
    <>
      <PageHeader
        title="Insurers"
        description="NAIC codes and AM Best ratings that requirement sets check insurers against."
        actions={
          canEdit && (
            <>
              <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)} data-testid="insurers-import">
                Import CSV
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="insurers-add">
                Add insurer
              </Button>
            </>
          )
        }
      />
      <TextInput
        aria-label="Search insurers"
        placeholder="Search by name or NAIC code"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={{ base: '100%', sm: 320 }}
        mb="md"
      />
      <QueryState query={insurers}>
        {(data) => (
          <>
            <Paper withBorder>
              <Table.ScrollContainer minWidth={640}>
                <Table data-testid="insurers-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>NAIC</Table.Th>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>AM Best rating</Table.Th>
                      <Table.Th>Notes</Table.Th>
                      <Table.Th>Updated</Table.Th>
                      {canEdit && <Table.Th w={80} />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((insurer) => (
                      <Table.Tr key={insurer.id} data-testid="insurer-row">
                        <Table.Td ff="monospace">{insurer.naic}</Table.Td>
                        <Table.Td>{insurer.name}</Table.Td>
                        <Table.Td>{insurer.rating ?? <Text c="dimmed" size="sm">Not rated</Text>}</Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={2}>
                            {insurer.notes}
                          </Text>
                        </Table.Td>
                        <Table.Td>{formatDateTime(insurer.updatedAt)}</Table.Td>
                        {canEdit && (
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              <Tooltip label="Edit">
                                <ActionIcon variant="subtle" aria-label={`Edit ${insurer.name}`} onClick={() => setEditing(insurer)}>
                                  <IconPencil size={16} />
                                </ActionIcon>
                              </Tooltip>
                              <ConfirmAction
                                label={`Delete ${insurer.name}`}
                                title="Delete insurer"
                                message={`Remove ${insurer.name} (NAIC ${insurer.naic}) from the table? Certificates from it will count as unrated.`}
                                confirmLabel="Delete"
                                icon={<IconTrash size={16} />}
                                onConfirm={() => notifyOutcome(remove.mutateAsync(insurer.id), 'Insurer removed', 'Could not delete')}
                              />
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                    {data.items.length === 0 && (
                      <EmptyRow colSpan={canEdit ? 6 : 5}>{q ? 'No insurers match.' : 'No insurers yet. Add one or import a CSV.'}</EmptyRow>
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <ListPagination total={data.total} limit={limit} page={page} onChange={setPage} noun="insurers" />
          </>
        )}
      </QueryState>
      <Modal opened={editing !== undefined} onClose={() => setEditing(undefined)} title={editing ? 'Edit insurer' : 'Add insurer'} centered>
        {editing !== undefined && <InsurerForm insurer={editing} onDone={() => setEditing(undefined)} />}
      </Modal>
      <Modal opened={importing} onClose={() => setImporting(false)} title="Import insurers" size="lg">
        {importing && <ImportInsurers onDone={() => setImporting(false)} />}
      </Modal>
    </>
  );
}

interface InsurerValues {
  naic: string;
  name: string;
  rating: string;
  notes: string;
}

function InsurerForm({ insurer, onDone }: { insurer: InsurerRating | null; onDone: () => void }) {
  const save = useSaveInsurerRating();
  const form = useForm<InsurerValues>({
    initialValues: { naic: insurer?.naic ?? '', name: insurer?.name ?? '', rating: insurer?.rating ?? '', notes: insurer?.notes ?? '' },
    validate: {
      naic: (v) => (/^\d{5}$/.test(v.trim()) ? null : 'Enter the 5-digit NAIC code'),
      name: (v) => (v.trim() ? null : 'Enter the insurer’s name'),
    },
  });
  const submit = form.onSubmit((values) =>
    save.mutate(
      { id: insurer?.id, naic: values.naic.trim(), name: values.name.trim(), rating: blankToNull(values.rating), notes: blankToNull(values.notes) },
      {
        onSuccess: () => {
          notifySuccess(insurer ? 'Insurer saved' : 'Insurer added');
          onDone();
        },
        onError: (err) => showFormError(form, err),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="NAIC code" required maxLength={5} data-testid="insurer-naic" {...form.getInputProps('naic')} />
        <TextInput label="Name" required data-testid="insurer-name" {...form.getInputProps('name')} />
        <TextInput
          label="AM Best rating"
          description='Letter and optional size category, e.g. "A- VIII"; empty when unrated'
          data-testid="insurer-rating"
          {...form.getInputProps('rating')}
        />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="insurer-save">
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "3.rating" → row 4 of the data (line 5 of the file, after the header). */
function describeRowError({ field, message }: FieldError): { row: string; message: string } {
  const [index, ...rest] = field.split('.');
  const n = Number(index);
  if (!Number.isInteger(n)) return { row: field, message };
  return { row: `Row ${n + 1} (line ${n + 2})`, message: `${rest.length ? `${rest.join('.')} ` : ''}${message}` };
}

function ImportInsurers({ onDone }: { onDone: () => void }) {
  const importInsurers = useImportInsurers();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<FieldError[]>([]);

  const pick = (file: File | null) => {
    if (!file) return;
    file
      .text()
      .then((text) => {
        setCsv(text);
        setFileName(file.name);
        setRowErrors([]);
      })
      .catch((err: unknown) => notifyError(err, 'Could not read the file'));
  };

  const submit = () =>
    importInsurers.mutate(
      { csv },
      {
        onSuccess: ({ created, updated }) => {
          notifySuccess(`Imported: ${created} added, ${updated} updated`);
          onDone();
        },
        onError: (err) => {
          setRowErrors(err instanceof ApiError ? err.fields : []);
          notifyError(err, 'Nothing was imported');
        },
      },
    );

  return (
    <Stack>
      <Text size="sm">
        A CSV with a header row <code>naic,name,rating</code>. Rows with a NAIC code already in the table update it.
        If any row is not valid, nothing is imported and the rows at fault are listed.
      </Text>
      <Group>
        <FileButton onChange={pick} accept=".csv,text/csv,text/plain">
          {(props) => (
            <Button variant="default" leftSection={<IconUpload size={16} />} {...props} data-testid="insurers-import-file">
              Choose CSV file
            </Button>
          )}
        </FileButton>
        {fileName && (
          <Text size="sm" c="dimmed">
            {fileName}
          </Text>
        )}
      </Group>
      <Textarea
        label="Or paste the CSV"
        autosize
        minRows={6}
        maxRows={16}
        value={csv}
        onChange={(e) => {
          setCsv(e.currentTarget.value);
          setRowErrors([]);
        }}
        placeholder={'naic,name,rating\n12345,Acme Casualty Company,A- VIII'}
        styles={{ input: { fontFamily: 'monospace' } }}
        data-testid="insurers-import-text"
      />
      {rowErrors.length > 0 && (
        <Alert color="red" title="Rows at fault" data-testid="insurers-import-errors">
          <Table.ScrollContainer minWidth={360}>
            <Table fz="sm" verticalSpacing={2}>
              <Table.Tbody>
                {rowErrors.map((error, index) => {
                  const described = describeRowError(error);
                  return (
                    <Table.Tr key={index}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{described.row}</Table.Td>
                      <Table.Td>{described.message}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={submit} disabled={!csv.trim()} loading={importInsurers.isPending} data-testid="insurers-import-submit">
          Import
        </Button>
      </Group>
    </Stack>
  );
}

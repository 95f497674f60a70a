// The documents tab: other papers kept for the insured (policies, endorsements, contracts, W-9s, leases).
import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Grid, Paper, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { documentFilePath, useDeleteDocument, useDocuments, useUploadDocument } from '../../api/documents';
import { downloadFile } from '../../api/files';
import { useOrgId } from '../../api/orgScope';
import { documentKinds, type DocumentKind, type InsuredDocument } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { DateField } from '../../components/DateField';
import { FileDrop } from '../../components/FileDrop';
import { ListPagination, usePage } from '../../components/ListPagination';
import { QueryState } from '../../components/QueryState';
import { notifyError, notifyOutcome, notifySuccess } from '../../lib/errors';
import { enumOptions, formatBytes, formatDate } from '../../lib/format';
import { usePermissions } from '../auth/session';
import { EmptyRow } from '../../components/EmptyRow';

const documentFileTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/msword',
  'application/vnd.ms-excel',
];

const kindLabels: Record<DocumentKind, string> = {
  policy: 'Policy',
  endorsement: 'Endorsement',
  contract: 'Contract',
  w9: 'W-9',
  lease: 'Lease',
  other: 'Other',
};

export function DocumentsPanel({ insuredId }: { insuredId: string }) {
  const { canEdit } = usePermissions();
  const { page, setPage, limit, offset } = usePage(insuredId);
  const documents = useDocuments({ insuredId, limit, offset });

  return (
    <Stack>
      {canEdit && <DocumentUpload insuredId={insuredId} />}
      <QueryState query={documents}>
        {(data) => (
          <>
            <Paper withBorder>
              <Table.ScrollContainer minWidth={600}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Title</Table.Th>
                      <Table.Th>Kind</Table.Th>
                      <Table.Th>Expires</Table.Th>
                      <Table.Th>File</Table.Th>
                      <Table.Th w={90} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((item) => (
                      <DocumentRow key={item.id} item={item} canEdit={canEdit} />
                    ))}
                    {data.items.length === 0 && (
                      <EmptyRow colSpan={5}>No documents yet.</EmptyRow>
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <ListPagination total={data.total} limit={limit} page={page} onChange={setPage} noun="documents" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function DocumentUpload({ insuredId }: { insuredId: string }) {
  const upload = useUploadDocument();
  const [kind, setKind] = useState<DocumentKind>('policy');
  const [title, setTitle] = useState('');
  const [expiresOn, setExpiresOn] = useState<string | null>(null);

  const onFile = (file: File) =>
    upload.mutate(
      { insuredId, kind, title: title.trim() || file.name, expiresOn, file },
      {
        onSuccess: () => {
          notifySuccess('Document uploaded');
          setTitle('');
          setExpiresOn(null);
        },
        onError: (err) => notifyError(err, 'Upload failed'),
      },
    );

  return (
    <Paper withBorder p="sm">
      <Grid gap="sm" mb="sm">
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <Select
            label="Document kind"
            data={enumOptions(documentKinds, (k) => kindLabels[k])}
            value={kind}
            onChange={(v) => v && setKind(v as DocumentKind)}
            allowDeselect={false}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="Document title"
            placeholder="Defaults to the file name"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <DateField label="Expires on" value={expiresOn} onChange={setExpiresOn} />
        </Grid.Col>
      </Grid>
      <FileDrop
        onFile={onFile}
        accept={documentFileTypes}
        hint="PDF, image, Word or Excel file"
        loading={upload.isPending}
        testId="document-upload"
        label="Upload document"
      />
    </Paper>
  );
}

function DocumentRow({ item, canEdit }: { item: InsuredDocument; canEdit: boolean }) {
  const orgId = useOrgId();
  const remove = useDeleteDocument();
  const fileName = item.file.originalName ?? item.title;
  const download = () =>
    downloadFile(orgId, documentFilePath(item.id), fileName).catch((err: unknown) => notifyError(err, 'Download failed'));

  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component="button" type="button" onClick={() => void download()}>
          {item.title}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Badge variant="light">{kindLabels[item.kind] ?? item.kind}</Badge>
      </Table.Td>
      <Table.Td>{formatDate(item.expiresOn)}</Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {fileName} · {formatBytes(item.file.size)}
        </Text>
      </Table.Td>
      <Table.Td>
        <ActionIcon.Group>
          <Tooltip label="Download">
            <ActionIcon variant="subtle" aria-label={`Download ${item.title}`} onClick={() => void download()}>
              <IconDownload size={16} />
            </ActionIcon>
          </Tooltip>
          {canEdit && (
            <ConfirmAction
              label={`Delete ${item.title}`}
              title="Delete document"
              message={`Delete “${item.title}”?`}
              confirmLabel="Delete"
              icon={<IconTrash size={16} />}
              onConfirm={() =>
                notifyOutcome(remove.mutateAsync(item.id), 'Document deleted', 'Could not delete')
              }
            />
          )}
        </ActionIcon.Group>
      </Table.Td>
    </Table.Tr>
  );
}

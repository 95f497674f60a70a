// The certificates tab: upload a certificate file, and see each certificate with its policies.
import { useState } from 'react';
import { Anchor, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useCertificates, useUploadCertificate } from '../../api/certificates';
import type { Certificate, Insured } from '../../api/types';
import { FileDrop } from '../../components/FileDrop';
import { ListPagination, usePage } from '../../components/ListPagination';
import { QueryState } from '../../components/QueryState';
import { CertificateStatusBadge } from '../../components/StatusBadge';
import { notifySuccess, notifyError } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePermissions } from '../auth/session';
import { PoliciesTable } from '../certificates/PoliciesTable';

// what the server reads as a certificate: PDFs and scans
export const certificateFileTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'];

export function CertificatesPanel({ insured }: { insured: Insured }) {
  const { canEdit } = usePermissions();
  const [archived, setArchived] = useState(false);
  const { page, setPage, offset } = usePage(String(archived), 20);
  const certificates = useCertificates({ insuredId: insured.id, archived, limit: 20, offset });
  const upload = useUploadCertificate();

  const onFile = (file: File) =>
    upload.mutate(
      { insuredId: insured.id, file },
      {
        onSuccess: (certificate) =>
          notifySuccess(
            certificate.warnings.length
              ? `Certificate uploaded, with ${certificate.warnings.length} warning(s) to review`
              : 'Certificate uploaded',
          ),
        onError: (err) => notifyError(err, 'Upload failed'),
      },
    );

  return (
    <Stack>
      {canEdit && (
        <FileDrop
          onFile={onFile}
          accept={certificateFileTypes}
          hint="A certificate of insurance as PDF, PNG, JPEG or TIFF"
          loading={upload.isPending}
          testId="certificate-upload"
          label="Upload certificate"
        />
      )}
      <Group justify="flex-end">
        <Switch label="Show archived" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
      </Group>
      <QueryState query={certificates}>
        {(data) => (
          <>
            {data.items.map((certificate) => (
              <CertificateCard key={certificate.id} certificate={certificate} />
            ))}
            {data.items.length === 0 && (
              <Text c="dimmed" ta="center" py="md">
                {archived ? 'No archived certificates.' : 'No certificates yet.'}
              </Text>
            )}
            <ListPagination total={data.total} limit={20} page={page} onChange={setPage} noun="certificates" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function CertificateCard({ certificate }: { certificate: Certificate }) {
  return (
    <Paper withBorder p="md" data-testid="certificate-card">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Group gap="sm">
          <Anchor component={Link} to={`/certificates/${certificate.id}`} fw={600}>
            {certificate.formType ?? 'Certificate'}
            {certificate.certificateDate ? ` of ${formatDate(certificate.certificateDate)}` : ''}
          </Anchor>
          <CertificateStatusBadge status={certificate.status} />
        </Group>
        <Text size="xs" c="dimmed">
          {certificate.file?.originalName ? `${certificate.file.originalName} · ` : ''}received{' '}
          {formatDateTime(certificate.receivedAt)}
        </Text>
      </Group>
      {certificate.warnings.length > 0 && (
        <Text size="xs" c="orange" mb="xs">
          {certificate.warnings.length} warning(s): {certificate.warnings[0]}
        </Text>
      )}
      <PoliciesTable policies={certificate.policies} />
    </Paper>
  );
}

// One certificate: the file on the left, and on the right the fields read from it and its
// policies, which an editor can correct and confirm.
import { useEffect } from 'react';
import { Alert, Anchor, Badge, Button, Grid, Group, List, Paper, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { certificateFilePath, useCertificate, useDeleteCertificate, useUpdateCertificate } from '../../api/certificates';
import { downloadFile } from '../../api/files';
import { useOrgId } from '../../api/orgScope';
import type { Certificate } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { FilePreview } from '../../components/FilePreview';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { CertificateStatusBadge } from '../../components/StatusBadge';
import { notifyError, notifySuccess, showFormError } from '../../lib/errors';
import { formatBytes, formatDateTime, humanize } from '../../lib/format';
import { usePermissions } from '../auth/session';
import { CertificateFields } from './CertificateFields';
import { certificateFieldAliases, certificateFormValues, certificateUpdate, type CertificateFormValues } from './certificateForm';
import { PoliciesEditor } from './PoliciesEditor';

export function CertificatePage() {
  const { certificateId = '' } = useParams();
  const certificate = useCertificate(certificateId);
  return <QueryState query={certificate}>{(data) => <CertificateDetail certificate={data} />}</QueryState>;
}

function CertificateDetail({ certificate }: { certificate: Certificate }) {
  const { canEdit } = usePermissions();
  const orgId = useOrgId();
  const navigate = useNavigate();
  const update = useUpdateCertificate();
  const remove = useDeleteCertificate();
  const form = useForm<CertificateFormValues>({ initialValues: certificateFormValues(certificate) });

  // reload when the certificate changes elsewhere, unless the person is mid-edit
  useEffect(() => {
    if (form.isDirty()) return;
    const fresh = certificateFormValues(certificate);
    form.setValues(fresh);
    form.resetDirty(fresh);
  }, [certificate.updatedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = (values: CertificateFormValues) =>
    update.mutate(
      { id: certificate.id, ...certificateUpdate(values) },
      {
        onSuccess: (saved) => {
          notifySuccess('Certificate saved');
          const fresh = certificateFormValues(saved);
          form.setValues(fresh);
          form.resetDirty(fresh);
        },
        onError: (err) => showFormError(form, err, certificateFieldAliases),
      },
    );

  const setArchived = (archived: boolean) =>
    update.mutate(
      { id: certificate.id, archived },
      {
        onSuccess: () => notifySuccess(archived ? 'Certificate archived' : 'Certificate restored'),
        onError: (err) => notifyError(err),
      },
    );

  const onDelete = () =>
    remove.mutateAsync(certificate.id).then(
      () => {
        notifySuccess('Certificate deleted');
        navigate(`/insureds/${certificate.insuredId}?tab=certificates`);
      },
      (err: unknown) => {
        notifyError(err, 'Could not delete');
        throw err;
      },
    );

  const file = certificate.file;

  return (
    <>
      <PageHeader
        title={certificate.formType ?? 'Certificate'}
        badge={
          <>
            <CertificateStatusBadge status={certificate.status} size="lg" />
            {certificate.archived && <Badge color="gray">archived</Badge>}
          </>
        }
        description={
          <>
            <Anchor component={Link} to={`/insureds/${certificate.insuredId}?tab=certificates`} size="sm">
              ← {certificate.insuredLegalName}
            </Anchor>
            <Text span size="sm" c="dimmed">
              {' '}
              · {humanize(certificate.source)}, received {formatDateTime(certificate.receivedAt)}
            </Text>
          </>
        }
        actions={
          canEdit && (
            <>
              <Switch
                label="Archived"
                checked={certificate.archived}
                onChange={(e) => setArchived(e.currentTarget.checked)}
                disabled={update.isPending}
              />
              <ConfirmAction
                label="Delete"
                title="Delete certificate"
                message="Delete this certificate and its policies? Archiving keeps it in the history instead."
                onConfirm={onDelete}
              />
            </>
          )
        }
      />
      {certificate.warnings.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Check these when reviewing" mb="md">
          <List size="sm">
            {certificate.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xs" pos="sticky" top={72}>
            {file ? (
              <>
                <FilePreview file={file} path={certificateFilePath(certificate.id)} />
                <Group justify="space-between">
                  <Text size="xs" c="dimmed">
                    {file.originalName ?? 'file'} · {formatBytes(file.size)}
                  </Text>
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconDownload size={14} />}
                    onClick={() =>
                      downloadFile(orgId, certificateFilePath(certificate.id), file.originalName ?? 'certificate').catch(
                        (err: unknown) => notifyError(err, 'Download failed'),
                      )
                    }
                  >
                    Download
                  </Button>
                </Group>
              </>
            ) : (
              <Paper withBorder p="md">
                <Text size="sm" c="dimmed">
                  Entered by hand; there is no file.
                </Text>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <form onSubmit={form.onSubmit(save)} noValidate>
            {/* a disabled fieldset makes every input read-only for viewers in one place */}
            <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
              <Stack>
                <CertificateFields form={form} />
                <PoliciesEditor form={form} />
                {canEdit && (
                  <Group justify="flex-end" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)">
                    <Button
                      variant="default"
                      disabled={!form.isDirty()}
                      onClick={() => form.setValues(certificateFormValues(certificate))}
                    >
                      Discard changes
                    </Button>
                    <Button type="submit" loading={update.isPending} data-testid="certificate-save">
                      Save certificate
                    </Button>
                  </Group>
                )}
              </Stack>
            </fieldset>
          </form>
        </Grid.Col>
      </Grid>
    </>
  );
}

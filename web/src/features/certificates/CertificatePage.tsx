// One certificate: the file on the left, as page images with the box each value was read from, and on the right the
// fields read from it and its policies, which an editor can correct and confirm. Pointing at a field (focus or hover)
// shows where on the page its value came from; low-confidence values and values named in warnings are flagged.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Grid, Group, List, Loader, Paper, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCheck, IconDownload, IconFileAlert, IconRefresh } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  certificateFilePath,
  isBeingRead,
  useCertificate,
  useDeleteCertificate,
  useReadCertificate,
  useUpdateCertificate,
} from '../../api/certificates';
import { downloadFile } from '../../api/files';
import { useOrgId } from '../../api/orgScope';
import type { Certificate, CertificateDetail as CertificateForReview } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { FilePreview } from '../../components/FilePreview';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { CertificateStatusBadge } from '../../components/StatusBadge';
import { notifyError, notifyOutcome, notifySuccess, showFormError } from '../../lib/errors';
import { formatBytes, formatDateTime, humanize } from '../../lib/format';
import { usePermissions } from '../auth/session';
import { CertificateFields } from './CertificateFields';
import { certificateFieldAliases, certificateFormValues, certificateUpdate, type CertificateFormValues } from './certificateForm';
import { PoliciesEditor } from './PoliciesEditor';
import { createPointerStore, PointerProvider, ReviewSourcesProvider } from './review';
import { LOW_CONFIDENCE, reviewSources } from './sources';
import { SourcePages } from './SourcePages';

export function CertificatePage() {
  const { certificateId = '' } = useParams();
  const certificate = useCertificate(certificateId);
  return <QueryState query={certificate}>{(data) => <CertificateDetail certificate={data} />}</QueryState>;
}

function CertificateDetail({ certificate }: { certificate: CertificateForReview }) {
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

  const sources = useMemo(() => reviewSources(certificate), [certificate.confidence, certificate.flags, certificate.provenance]); // eslint-disable-line react-hooks/exhaustive-deps
  const [pointer] = useState(createPointerStore);
  const [view, setView] = useState<'pages' | 'original'>('pages');

  const save = (values: CertificateFormValues, message = 'Certificate saved') =>
    update.mutate(
      { id: certificate.id, ...certificateUpdate(values) },
      {
        onSuccess: (saved) => {
          notifySuccess(message);
          const fresh = certificateFormValues(saved);
          form.setValues(fresh);
          form.resetDirty(fresh);
        },
        onError: (err) => showFormError(form, err, certificateFieldAliases),
      },
    );

  // confirming saves the reviewed values too, so corrections and the confirmation go together
  const confirm = form.onSubmit((values) => save({ ...values, status: 'confirmed' }, 'Certificate confirmed'));

  const setArchived = (archived: boolean) =>
    update.mutate(
      { id: certificate.id, archived },
      {
        onSuccess: () => notifySuccess(archived ? 'Certificate archived' : 'Certificate restored'),
        onError: (err) => notifyError(err),
      },
    );

  const onDelete = () =>
    notifyOutcome(remove.mutateAsync(certificate.id), 'Certificate deleted', 'Could not delete').then(() => navigate(`/insureds/${certificate.insuredId}?tab=certificates`));

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
      {file && <ReadingState certificate={certificate} canEdit={canEdit} />}
      {certificate.warnings.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Check these when reviewing" mb="md">
          <List size="sm">
            {certificate.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <ReviewSourcesProvider value={sources}>
        <PointerProvider value={pointer}>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="xs" pos="sticky" top={72}>
                {file ? (
                  <>
                    <SegmentedControl
                      size="xs"
                      value={view}
                      onChange={(v) => setView(v as 'pages' | 'original')}
                      data={[
                        { value: 'pages', label: 'Pages and sources' },
                        { value: 'original', label: 'Original file' },
                      ]}
                      data-testid="file-view"
                    />
                    {view === 'pages' ? (
                      <SourcePages certificateId={certificate.id} fileName={file.originalName ?? 'the file'} />
                    ) : (
                      <FilePreview file={file} path={certificateFilePath(certificate.id)} />
                    )}
                    <Group justify="space-between" wrap="nowrap">
                      <Text size="xs" c="dimmed" truncate>
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
              <form onSubmit={form.onSubmit((values) => save(values))} noValidate>
                {/* a disabled fieldset makes every input read-only for viewers in one place */}
                <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                  <Stack>
                    {sources.low.size > 0 && (
                      <Text size="sm" c="dimmed" data-testid="low-confidence-note">
                        Values highlighted in yellow were read with less than {Math.round(LOW_CONFIDENCE * 100)}% confidence; check them against the file.
                      </Text>
                    )}
                    {sources.flags.size > 0 && (
                      <Text size="sm" c="dimmed" data-testid="flagged-note">
                        Values highlighted in orange with a flag are named in a warning above.
                      </Text>
                    )}
                    {sources.boxes.size > 0 && (
                      <Text size="sm" c="dimmed" visibleFrom="md">
                        Point at a field to see where on the page its value was read.
                      </Text>
                    )}
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
                        <Button type="submit" variant={certificate.status === 'confirmed' ? 'filled' : 'default'} loading={update.isPending} data-testid="certificate-save">
                          Save certificate
                        </Button>
                        {certificate.status !== 'confirmed' && (
                          <Button
                            color="green"
                            leftSection={<IconCheck size={16} />}
                            loading={update.isPending}
                            disabled={isBeingRead(certificate)}
                            onClick={() => confirm()}
                            data-testid="certificate-confirm"
                          >
                            Confirm
                          </Button>
                        )}
                      </Group>
                    )}
                  </Stack>
                </fieldset>
              </form>
            </Grid.Col>
          </Grid>
        </PointerProvider>
      </ReviewSourcesProvider>
    </>
  );
}

const methodLabels: Record<string, string> = {
  acroform: 'its form fields',
  text: 'its text layer',
  ocr: 'OCR',
  mixed: 'form fields, text and OCR',
};

/** Where the reading of the file stands: under way, done (how and when), or failed (why), with "Read again". */
function ReadingState({ certificate, canEdit }: { certificate: Certificate; canEdit: boolean }) {
  const read = useReadCertificate();
  const readAgain = canEdit && (
    <Button
      size="xs"
      variant="default"
      leftSection={<IconRefresh size={14} />}
      loading={read.isPending}
      onClick={() =>
        read.mutate(certificate.id, {
          onSuccess: () => notifySuccess('Reading the file again'),
          onError: (err) => notifyError(err, 'Could not start reading'),
        })
      }
      data-testid="certificate-read-again"
    >
      Read again
    </Button>
  );
  if (isBeingRead(certificate)) {
    return (
      <Alert color="blue" icon={<Loader size={16} />} mb="md" data-testid="certificate-reading">
        Reading the file… The fields fill in when it is done.
      </Alert>
    );
  }
  if (certificate.readError) {
    return (
      <Alert color="red" icon={<IconFileAlert size={18} />} title="Could not read this file" mb="md" data-testid="certificate-read-error">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{certificate.readError}</Text>
          <Text size="sm" c="dimmed">
            Fill the fields in by hand from the file, or try reading it again.
          </Text>
          {readAgain}
        </Stack>
      </Alert>
    );
  }
  if (!certificate.readAt) return null;
  return (
    <Group justify="space-between" mb="md" data-testid="certificate-read-state">
      <Text size="sm" c="dimmed">
        Read by {methodLabels[certificate.readMethod ?? ''] ?? certificate.readMethod ?? 'the reader'} at {formatDateTime(certificate.readAt)}
        {certificate.status === 'needs_review' && ' · needs review'}
      </Text>
      {readAgain}
    </Group>
  );
}

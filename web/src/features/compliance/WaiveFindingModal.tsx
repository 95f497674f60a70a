// Waiving one finding for an insured: why (required), until when (optional), and at this location or at all.
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCreateWaiver, type ComplianceRow, type Finding } from '../../api/compliance';
import { DateField } from '../../components/DateField';
import { notifySuccess, showFormError } from '../../lib/errors';

interface WaiveFindingModalProps {
  insuredId: string;
  /** The finding to waive and the location it was found at; null keeps the modal closed. */
  target: { finding: Finding; row: ComplianceRow } | null;
  onClose: () => void;
}

interface WaiveValues {
  reason: string;
  expiresOn: string | null;
  scope: 'location' | 'all';
}

export function WaiveFindingModal({ insuredId, target, onClose }: WaiveFindingModalProps) {
  return (
    <Modal opened={target !== null} onClose={onClose} title="Waive finding" centered>
      {/* a fresh form per finding, so a reason typed for one never carries over to the next */}
      {target && <WaiveForm key={`${target.row.locationId}|${target.finding.message}`} insuredId={insuredId} target={target} onClose={onClose} />}
    </Modal>
  );
}

function WaiveForm({ insuredId, target, onClose }: { insuredId: string; target: { finding: Finding; row: ComplianceRow }; onClose: () => void }) {
  const create = useCreateWaiver(insuredId);
  const form = useForm<WaiveValues>({
    initialValues: { reason: '', expiresOn: null, scope: 'location' },
    validate: { reason: (v) => (v.trim() ? null : 'Say why this finding is accepted') },
  });
  const { finding, row } = target;

  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        code: finding.code,
        coverage: finding.coverage ?? null,
        description: finding.description ?? null,
        limit: finding.limit ?? null,
        locationId: values.scope === 'location' ? row.locationId : null,
        reason: values.reason.trim(),
        expiresOn: values.expiresOn || null,
      },
      {
        onSuccess: () => {
          notifySuccess('Finding waived');
          onClose();
        },
        onError: (err) => showFormError(form, err, {}, 'Could not waive'),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{finding.message}</Text>
        <Textarea
          label="Reason"
          description="Kept with the waiver and shown beside the finding"
          autosize
          minRows={2}
          required
          data-testid="waiver-reason"
          {...form.getInputProps('reason')}
        />
        <DateField
          label="Until"
          description="Last day the waiver applies; leave empty to keep it until revoked"
          data-testid="waiver-until"
          {...form.getInputProps('expiresOn')}
        />
        <Radio.Group label="Applies" {...form.getInputProps('scope')}>
          <Stack gap={6} mt={4}>
            <Radio value="location" label={`At ${row.locationName} only`} />
            <Radio value="all" label="At all of this insured's locations" data-testid="waiver-all-locations" />
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="waiver-save">
            Waive
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

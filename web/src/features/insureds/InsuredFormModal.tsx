// Adding an insured, optionally assigning it to a location right away.
import { useState } from 'react';
import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useCreateAssignment } from '../../api/assignments';
import { useCreateInsured } from '../../api/insureds';
import { useLocations } from '../../api/locations';
import { notifyError, notifySuccess, showFormError } from '../../lib/errors';
import { InsuredFields } from './InsuredFields';
import { insuredFormValues, insuredInput, validateInsured, type InsuredFormValues } from './insuredForm';

interface InsuredFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Pre-selected location (e.g. the list's location filter). */
  locationId?: string | null;
}

export function InsuredFormModal({ opened, onClose, locationId }: InsuredFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="New insured" size="lg">
      {opened && <NewInsuredForm onClose={onClose} locationId={locationId ?? null} />}
    </Modal>
  );
}

function NewInsuredForm({ onClose, locationId }: { onClose: () => void; locationId: string | null }) {
  const navigate = useNavigate();
  const create = useCreateInsured();
  const assign = useCreateAssignment();
  const locations = useLocations({ archived: false, limit: 200 });
  const [assignTo, setAssignTo] = useState<string | null>(locationId);
  const form = useForm<InsuredFormValues>({
    initialValues: insuredFormValues(),
    validate: validateInsured,
  });

  const submit = form.onSubmit((values) =>
    create.mutate(insuredInput(values), {
      onSuccess: async (insured) => {
        if (assignTo) {
          // assignment is a separate resource; a failure here still leaves the insured created
          await assign
            .mutateAsync({ insuredId: insured.id, locationId: assignTo, requirementSetId: null })
            .catch((err: unknown) => notifyError(err, 'Insured created, but not assigned to the location'));
        }
        notifySuccess(`Insured “${insured.legalName}” created`);
        onClose();
        navigate(`/insureds/${insured.id}`);
      },
      onError: (err) => showFormError(form, err),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {/* the create form keeps to the essentials; the mailing address is on the insured's page */}
        <InsuredFields form={form} compact />
        <Select
          label="Assign to location"
          description="Optional; more locations can be added on the insured's page"
          placeholder="No location"
          data={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
          searchable
          clearable
          data-testid="insured-location"
          value={assignTo}
          onChange={setAssignTo}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || assign.isPending} data-testid="insured-save">
            Create insured
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

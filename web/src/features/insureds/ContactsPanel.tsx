// The contacts tab: the insured's own people and their brokers (who usually send the certificates).
import { useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Grid, Group, Modal, Paper, SegmentedControl, Stack, Table, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconStarFilled, IconTrash } from '@tabler/icons-react';
import { useContacts, useDeleteContact, useSaveContact } from '../../api/contacts';
import type { Contact, ContactKind } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { QueryState } from '../../components/QueryState';
import { notifyOutcome, notifySuccess, showFormError } from '../../lib/errors';
import { blankToNull } from '../../lib/format';
import { usePermissions } from '../auth/session';
import { EmptyRow } from '../../components/EmptyRow';

export function ContactsPanel({ insuredId }: { insuredId: string }) {
  const { canEdit } = usePermissions();
  const contacts = useContacts(insuredId);
  const remove = useDeleteContact(insuredId);
  // undefined: closed; null: adding; a contact: editing it
  const [editing, setEditing] = useState<Contact | null | undefined>(undefined);

  return (
    <Stack>
      {canEdit && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="new-contact">
            Add contact
          </Button>
        </Group>
      )}
      <QueryState query={contacts}>
        {(items) => (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={640}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Type</Table.Th>
                    <Table.Th>Company / title</Table.Th>
                    <Table.Th>Email</Table.Th>
                    <Table.Th>Phone</Table.Th>
                    {canEdit && <Table.Th w={90} />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((contact) => (
                    <Table.Tr key={contact.id}>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          {contact.name}
                          {contact.isPrimary && (
                            <Tooltip label="Primary contact">
                              <IconStarFilled size={14} color="var(--mantine-color-yellow-6)" aria-label="Primary" />
                            </Tooltip>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={contact.kind === 'broker' ? 'violet' : 'blue'}>
                          {contact.kind}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{[contact.company, contact.title].filter(Boolean).join(' · ')}</Table.Td>
                      <Table.Td>{contact.email}</Table.Td>
                      <Table.Td>{contact.phone}</Table.Td>
                      {canEdit && (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <ActionIcon variant="subtle" aria-label={`Edit ${contact.name}`} onClick={() => setEditing(contact)}>
                              <IconPencil size={16} />
                            </ActionIcon>
                            <ConfirmAction
                              label={`Delete ${contact.name}`}
                              title="Delete contact"
                              message={`Delete the contact ${contact.name}?`}
                              confirmLabel="Delete"
                              icon={<IconTrash size={16} />}
                              onConfirm={() =>
                                notifyOutcome(remove.mutateAsync(contact.id), 'Contact deleted', 'Could not delete')
                              }
                            />
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                  {items.length === 0 && (
                    <EmptyRow colSpan={canEdit ? 6 : 5}>No contacts yet.</EmptyRow>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryState>
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? 'Edit contact' : 'Add contact'}
      >
        {editing !== undefined && (
          <ContactForm insuredId={insuredId} contact={editing} onClose={() => setEditing(undefined)} />
        )}
      </Modal>
    </Stack>
  );
}

interface ContactFormValues {
  kind: ContactKind;
  name: string;
  email: string;
  phone: string;
  title: string;
  company: string;
  isPrimary: boolean;
}

function ContactForm({ insuredId, contact, onClose }: { insuredId: string; contact: Contact | null; onClose: () => void }) {
  const save = useSaveContact(insuredId);
  const form = useForm<ContactFormValues>({
    initialValues: {
      kind: contact?.kind ?? 'vendor',
      name: contact?.name ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      title: contact?.title ?? '',
      company: contact?.company ?? '',
      isPrimary: contact?.isPrimary ?? false,
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter a name'),
      email: (v) => (!v.trim() || /^\S+@\S+$/.test(v.trim()) ? null : 'Enter a valid email address'),
    },
  });

  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        id: contact?.id,
        kind: values.kind,
        name: values.name.trim(),
        email: blankToNull(values.email),
        phone: blankToNull(values.phone),
        title: blankToNull(values.title),
        company: blankToNull(values.company),
        isPrimary: values.isPrimary,
      },
      {
        onSuccess: () => {
          notifySuccess(contact ? 'Contact saved' : 'Contact added');
          onClose();
        },
        onError: (err) => showFormError(form, err),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SegmentedControl
          aria-label="Contact type"
          data={[
            { value: 'vendor', label: 'Vendor contact' },
            { value: 'broker', label: 'Broker / agent' },
          ]}
          {...form.getInputProps('kind')}
        />
        <Grid gap="sm">
          <Grid.Col span={12}>
            <TextInput label="Name" data-autofocus {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Email" type="email" {...form.getInputProps('email')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Company" {...form.getInputProps('company')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Title" {...form.getInputProps('title')} />
          </Grid.Col>
        </Grid>
        <Checkbox label="Primary contact" {...form.getInputProps('isPrimary', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="contact-save">
            Save contact
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

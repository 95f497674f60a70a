// Starting a requirement set from a ready-made template: each template with its requirements in plain language,
// copied under a name of one's choosing. The copy is the organization's own to edit.
import { useState } from 'react';
import { Button, Card, Group, List, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useCreateFromTemplate, useRequirementTemplates } from '../../api/compliance';
import type { RequirementSet } from '../../api/types';
import { QueryState } from '../../components/QueryState';
import { notifySuccess, showFormError } from '../../lib/errors';

export function NewFromTemplate({ onDone }: { onDone: (set: RequirementSet) => void }) {
  const templates = useRequirementTemplates();
  const create = useCreateFromTemplate();
  const [key, setKey] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);

  const choose = (next: string) => {
    const template = templates.data?.find((t) => t.key === next);
    // follow the template's name until the person types their own
    if (!name || templates.data?.some((t) => t.name === name)) setName(template?.name ?? '');
    setKey(next);
  };

  const submit = () => {
    if (!key) return;
    create.mutate(
      { template: key, name: name.trim() || undefined },
      {
        onSuccess: (set) => {
          notifySuccess(`Requirement set “${set.name}” created`);
          onDone(set);
        },
        onError: (err) =>
          showFormError({ setErrors: (errors) => setNameError(errors.name ?? null) }, err, {}, 'Could not create'),
      },
    );
  };

  return (
    <QueryState query={templates}>
      {(items) => (
        <Stack>
          <Radio.Group value={key} onChange={choose} aria-label="Template">
            <Stack gap="sm">
              {items.map((t) => (
                <Card
                  key={t.key}
                  withBorder
                  padding="sm"
                  style={{ cursor: 'pointer', borderColor: key === t.key ? 'var(--mantine-color-blue-6)' : undefined }}
                  onClick={() => choose(t.key)}
                  data-testid={`template-${t.key}`}
                >
                  <Group align="flex-start" wrap="nowrap" gap="sm">
                    <Radio value={t.key} aria-label={t.name} mt={2} />
                    <Stack gap={4} style={{ minWidth: 0 }}>
                      <Text fw={600}>{t.name}</Text>
                      <Text size="sm" c="dimmed">
                        {t.description}
                      </Text>
                      <List size="xs" spacing={2}>
                        {t.summary.map((line, index) => (
                          <List.Item key={index}>{line}</List.Item>
                        ))}
                      </List>
                    </Stack>
                  </Group>
                </Card>
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label="Name of the copy"
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setNameError(null);
            }}
            error={nameError}
            disabled={!key}
            data-testid="template-name"
          />
          <Group justify="flex-end">
            <Button onClick={submit} disabled={!key} loading={create.isPending} data-testid="template-create">
              Create requirement set
            </Button>
          </Group>
        </Stack>
      )}
    </QueryState>
  );
}

// Importing a requirement set from its JSON definition, pasted or chosen as a file.
import { useState } from 'react';
import { Button, FileButton, Group, JsonInput, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useImportRequirementSet } from '../../api/requirementSets';
import type { RequirementSet } from '../../api/types';
import { notifyError, notifySuccess } from '../../lib/errors';
import { parseDefinition } from './requirementForm';

export function ImportRequirementSet({ onDone }: { onDone: (set: RequirementSet) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const importSet = useImportRequirementSet();

  const submit = () => {
    let definition;
    try {
      definition = parseDefinition(text);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Not valid JSON');
      return;
    }
    setError(null);
    importSet.mutate(definition, {
      onSuccess: (set) => {
        notifySuccess(`Imported “${set.name}”`);
        onDone(set);
      },
      onError: (err) => notifyError(err, 'Import failed'),
    });
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Paste a requirement set definition (schemaVersion 1), or load it from a .json file.
      </Text>
      <JsonInput
        label="Definition"
        autosize
        minRows={10}
        maxRows={24}
        formatOnBlur
        validationError="Not valid JSON"
        value={text}
        onChange={setText}
        error={error}
      />
      <Group justify="space-between">
        <FileButton accept="application/json,.json" onChange={(file) => file && void file.text().then(setText)}>
          {(props) => (
            <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>
              Load file
            </Button>
          )}
        </FileButton>
        <Button onClick={submit} loading={importSet.isPending} disabled={!text.trim()}>
          Import
        </Button>
      </Group>
    </Stack>
  );
}

// File picking for uploads: a drop zone (which holds a real <input type=file>) and, for people and
// tests that prefer it, a plain "Choose file" button. Both hand a single file to onFile.
import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconFileUpload, IconUpload, IconX } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';

interface FileDropProps {
  onFile: (file: File) => void;
  /** MIME types the server accepts; anything else is refused before upload. */
  accept: string[];
  hint: string;
  loading?: boolean;
  disabled?: boolean;
  /** data-testid of the drop zone's file input; the fallback button's input gets `${testId}-button`. */
  testId: string;
  label?: string;
}

export function FileDrop({ onFile, accept, hint, loading, disabled, testId, label = 'Upload file' }: FileDropProps) {
  const onReject = (rejections: FileRejection[]) => {
    const message = rejections[0]?.errors[0]?.message ?? 'That file cannot be uploaded.';
    notifications.show({ color: 'red', title: 'File not accepted', message });
  };

  return (
    <Stack gap="xs">
      <Dropzone
        onDrop={(files) => files[0] && onFile(files[0])}
        onReject={onReject}
        accept={accept}
        multiple={false}
        loading={loading}
        disabled={disabled}
        inputProps={{ 'aria-label': label, ...({ 'data-testid': testId } as object) }}
      >
        <Group justify="center" gap="md" mih={90} style={{ pointerEvents: 'none' }}>
          <Dropzone.Accept>
            <IconUpload size={36} />
          </Dropzone.Accept>
          <Dropzone.Reject>
            <IconX size={36} />
          </Dropzone.Reject>
          <Dropzone.Idle>
            <IconFileUpload size={36} stroke={1.5} />
          </Dropzone.Idle>
          <div>
            <Text size="md">Drag a file here or click to select one</Text>
            <Text size="sm" c="dimmed">
              {hint}
            </Text>
          </div>
        </Group>
      </Dropzone>
      <Group justify="flex-end">
        <FileButton
          onChange={(file) => file && onFile(file)}
          accept={accept.join(',')}
          disabled={disabled || loading}
          inputProps={{ 'aria-label': `${label} (choose file)`, ...({ 'data-testid': `${testId}-button` } as object) }}
        >
          {(props) => (
            <Button variant="default" size="xs" leftSection={<IconUpload size={14} />} {...props}>
              Choose file
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  );
}

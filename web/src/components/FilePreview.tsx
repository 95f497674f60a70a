// Shows a stored file inline: PDFs in an <object>, images in an <img>, anything else as a download link.
import { Anchor, Center, Loader, Paper, Text } from '@mantine/core';
import { downloadFile, useFileObjectUrl } from '../api/files';
import { useOrgId } from '../api/orgScope';
import type { StoredFile } from '../api/types';
import { notifyError } from '../lib/errors';
import { ErrorAlert } from './ErrorAlert';

interface FilePreviewProps {
  file: StoredFile;
  path: string;
  height?: number | string;
}

// on a phone the page is narrow, so a letter-size page needs less height than 75vh
export function FilePreview({ file, path, height = 'min(75vh, 140vw)' }: FilePreviewProps) {
  const { url, isLoading, error } = useFileObjectUrl(path);
  const orgId = useOrgId();
  const name = file.originalName ?? 'file';

  if (error) return <ErrorAlert error={error} title="Could not load the file" />;
  if (isLoading || !url) {
    return (
      <Center h={200}>
        <Loader aria-label="Loading file" />
      </Center>
    );
  }

  const download = (
    <Anchor
      component="button"
      type="button"
      size="sm"
      onClick={() => downloadFile(orgId, path, name).catch((err: unknown) => notifyError(err, 'Download failed'))}
    >
      Download {name}
    </Anchor>
  );

  if (file.contentType === 'application/pdf') {
    return (
      <Paper withBorder h={height} style={{ overflow: 'hidden' }}>
        <object data={url} type="application/pdf" width="100%" height="100%" aria-label={`Preview of ${name}`}>
          <Center h="100%" p="md">
            <Text size="sm">This browser cannot show PDFs inline. {download}</Text>
          </Center>
        </object>
      </Paper>
    );
  }
  // browsers cannot render TIFF, so it falls through to the link
  if (file.contentType.startsWith('image/') && file.contentType !== 'image/tiff') {
    return (
      <Paper withBorder p="xs">
        <img src={url} alt={`Preview of ${name}`} style={{ maxWidth: '100%', display: 'block' }} />
      </Paper>
    );
  }
  return (
    <Paper withBorder p="md">
      <Text size="sm">No preview for this file type. {download}</Text>
    </Paper>
  );
}

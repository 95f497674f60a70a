// Stored files (certificate scans, documents). The download endpoints need the organization header,
// so files are fetched as blobs and shown or saved through object URLs rather than plain links.
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { apiBlob } from './client';
import { orgKey, useOrgId } from './orgScope';

/** An object URL for a file endpoint, valid while the calling component is mounted. */
export function useFileObjectUrl(path: string | null) {
  const orgId = useOrgId();
  const blob = useQuery({
    queryKey: orgKey(orgId, 'file', path),
    queryFn: () => apiBlob(path ?? '', { orgId }),
    enabled: path !== null,
    staleTime: Infinity, // a stored file never changes under the same id
    gcTime: 60_000,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob.data) return undefined;
    const objectUrl = URL.createObjectURL(blob.data);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [blob.data]);
  return { url, isLoading: blob.isLoading, error: blob.error };
}

/** Fetches a file and hands it to the browser as a download named like the original. */
export async function downloadFile(orgId: string, path: string, fileName: string): Promise<void> {
  const blob = await apiBlob(path, { orgId });
  saveBlob(blob, fileName);
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // revoke after the click has been handled, or some browsers cancel the download
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

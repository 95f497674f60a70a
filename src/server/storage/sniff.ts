// Recognizes a file's type from its leading bytes, never from its name or the client's claimed type.
export type SniffedType = { contentType: string; extension: string; label: string };

const types = {
  pdf: { contentType: 'application/pdf', extension: 'pdf', label: 'PDF' },
  png: { contentType: 'image/png', extension: 'png', label: 'PNG image' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg', label: 'JPEG image' },
  tiff: { contentType: 'image/tiff', extension: 'tif', label: 'TIFF image' },
  gif: { contentType: 'image/gif', extension: 'gif', label: 'GIF image' },
  webp: { contentType: 'image/webp', extension: 'webp', label: 'WebP image' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    label: 'Word document',
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    label: 'Excel workbook',
  },
  ole: { contentType: 'application/x-ole-storage', extension: 'doc', label: 'legacy Office document' },
} satisfies Record<string, SniffedType>;

export type SniffedKind = keyof typeof types;

const startsWith = (buf: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);

export function sniff(buf: Buffer): (SniffedType & { kind: SniffedKind }) | null {
  const kind = sniffKind(buf);
  return kind ? { kind, ...types[kind] } : null;
}

function sniffKind(buf: Buffer): SniffedKind | null {
  // PDF readers accept the header anywhere in the first 1024 bytes
  if (buf.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (buf.subarray(0, 6).toString('latin1') === 'GIF87a' || buf.subarray(0, 6).toString('latin1') === 'GIF89a') return 'gif';
  if (buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // an OOXML package names its main part in the first entries of the zip directory
    const head = buf.subarray(0, Math.min(buf.length, 64 * 1024)).toString('latin1');
    if (head.includes('word/')) return 'docx';
    if (head.includes('xl/')) return 'xlsx';
  }
  return null;
}

/** What certificates may be: documents a reader can turn into fields. */
export const certificateKinds: SniffedKind[] = ['pdf', 'png', 'jpeg', 'tiff'];
/** Supporting documents may also be office files. */
export const documentKinds: SniffedKind[] = ['pdf', 'png', 'jpeg', 'tiff', 'gif', 'webp', 'docx', 'xlsx', 'ole'];

export const describeKinds = (kinds: SniffedKind[]) => kinds.map((k) => types[k].label).join(', ');

import { describe, expect, it } from 'vitest';
import { sniff } from './sniff.js';

describe('sniff', () => {
  it.each([
    ['pdf', Buffer.from('%PDF-1.7\n...')],
    ['pdf', Buffer.concat([Buffer.from('garbage before the header\n'), Buffer.from('%PDF-1.4\n')])],
    ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
    ['tiff', Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0])],
    ['tiff', Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 8])],
    ['gif', Buffer.from('GIF89a....')],
    ['webp', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')])],
    ['docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....word/document.xml')])],
    ['xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....xl/workbook.xml')])],
  ])('recognizes %s by its bytes', (kind, bytes) => {
    expect(sniff(bytes)?.kind).toBe(kind);
  });

  it.each([
    ['plain text', Buffer.from('hello, this is not a certificate')],
    ['an HTML page named .pdf', Buffer.from('<html><body>%PDF</body></html>')],
    ['an empty file', Buffer.alloc(0)],
    ['a zip that is not an office file', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....photos/a.jpg')])],
    ['a truncated PNG signature', Buffer.from([0x89, 0x50, 0x4e])],
  ])('refuses %s', (_label, bytes) => {
    expect(sniff(bytes)).toBeNull();
  });
});

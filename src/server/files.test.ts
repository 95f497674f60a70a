import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition, fileQuery } from './files.js';

describe('cleanFileName', () => {
  it.each([
    ['coi.pdf', 'coi.pdf'],
    ['C:\\Users\\pat\\coi.pdf', 'coi.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['bad\r\nname.pdf', 'badname.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['  spaced.pdf  ', 'spaced.pdf'],
    ['folder/', null],
    ['', null],
    [undefined, null],
  ])('%j → %j', (input, expected) => {
    expect(cleanFileName(input)).toBe(expected);
  });

  it('keeps names to 255 characters', () => {
    expect(cleanFileName(`${'a'.repeat(300)}.pdf`)).toHaveLength(255);
  });
});

describe('contentDisposition', () => {
  it('quotes a plain name as is', () => {
    expect(contentDisposition('inline', 'coi.pdf')).toBe(`inline; filename="coi.pdf"; filename*=UTF-8''coi.pdf`);
  });

  it('cannot be broken out of by quotes, backslashes, semicolons or non-ASCII', () => {
    const value = contentDisposition('attachment', 'a"b\\c; filename=evil.html é.pdf');
    expect(value).toBe(`attachment; filename="a_b_c; filename=evil.html _.pdf"; filename*=UTF-8''a%22b%5Cc%3B%20filename%3Devil.html%20%C3%A9.pdf`);
    // the quoted part holds no quote of its own
    expect(value.split('"')).toHaveLength(3);
  });
});

describe('fileQuery', () => {
  it.each([
    [{}, false],
    [{ download: '0' }, false],
    [{ download: '1' }, true],
    [{ download: 'true' }, true],
  ])('%j → download %s', (query, download) => {
    expect(fileQuery.parse(query).download).toBe(download);
  });

  it('refuses other values', () => {
    expect(fileQuery.safeParse({ download: 'yes' }).success).toBe(false);
  });
});

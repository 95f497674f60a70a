// Bad input: each case gives a typed ExtractionError with a clear code, never a crash.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { detectFileKind, extractCertificate, ExtractionError, formFromStamp, mergeXfa } from './extract.js';

/** A minimal PDF assembled by hand, with a correct xref table. */
function buildPdf(objects: string[], trailerExtra = ''): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A PDF whose Standard security handler (RC4, R2) requires a user password: its /O and /U entries match no empty
 * password, so no reader can open it without one. pdf-lib cannot encrypt and no PDF tool is installed, so it is
 * assembled here; its single page is empty, which does not matter because opening must fail first.
 */
function userPasswordPdf(): Buffer {
  const hex = (byte: string) => byte.repeat(32);
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
      `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex('5a')}> /U <${hex('a5')}> >>`,
    ],
    `/Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`,
  );
}

async function codeOf(bytes: Buffer): Promise<string> {
  try {
    await extractCertificate(bytes, 'x');
  } catch (err) {
    if (err instanceof ExtractionError) return `${err.code}: ${err.message}`;
    throw err;
  }
  throw new Error('expected an ExtractionError');
}

async function textPdf(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 792]);
  page.drawText(text, { x: 50, y: 700, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await pdf.save());
}

describe('extractCertificate on bad input', () => {
  it('an empty file is corrupt', async () => {
    expect(await codeOf(Buffer.alloc(0))).toMatch(/^corrupt:/);
  });

  it('a truncated PDF is corrupt', async () => {
    const whole = await textPdf('CERTIFICATE OF LIABILITY INSURANCE');
    expect(await codeOf(whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(/^corrupt:/);
  });

  it('a PDF header followed by garbage is corrupt', async () => {
    expect(await codeOf(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]))).toMatch(/^corrupt:/);
  });

  it('random bytes are not a supported file', async () => {
    let seed = 42;
    const random = Buffer.from(Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed & 0xff)));
    expect(await codeOf(random)).toBe('unsupported: not a PDF, PNG, JPEG or TIFF file');
  });

  it('a PDF locked with a user password is encrypted', async () => {
    expect(await codeOf(userPasswordPdf())).toBe('encrypted: the PDF is locked with a password');
  });

  it('a PDF with no pages is empty', async () => {
    const empty = Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }));
    expect(await codeOf(empty)).toBe('empty: the PDF has no pages');
    const handBuilt = buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);
    expect(await codeOf(handBuilt)).toBe('empty: the PDF has no pages');
  });

  it('a PDF with a certificate title and nothing else is refused, not returned empty', async () => {
    expect(await codeOf(await textPdf('CERTIFICATE OF LIABILITY INSURANCE ACORD 25 (2016/03)'))).toMatch(
      /^unsupported: no certificate content could be read/,
    );
  }, 60_000);

  it('truncated and damaged images are refused before any decoder sees them', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(await codeOf(png)).toBe('corrupt: the PNG image is truncated or damaged: its header declares no size');
    expect(await codeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('corrupt: the JPEG image is truncated or damaged: its header declares no size');
    // a well-formed header over a garbage body: a native decoder would crash the process here
    const header = Buffer.from('89504e470d0a1a0a0000000d49484452000003e8000003e80806000000', 'hex');
    expect(await codeOf(Buffer.concat([header, Buffer.alloc(4000, 7)]))).toMatch(/^corrupt: the PNG image could not be decoded/);
  });
});

describe('detection', () => {
  it.each([
    [[0x25, 0x50, 0x44, 0x46, 0x2d], 'pdf'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'png'],
    [[0xff, 0xd8, 0xff, 0xdb], 'jpeg'],
    [[0x49, 0x49, 0x2a, 0x00], 'tiff'],
    [[0x4d, 0x4d, 0x00, 0x2a], 'tiff'],
    [[0x50, 0x4b, 0x03, 0x04], 'unknown'],
  ])('%j → %s', (bytes, kind) => {
    expect(detectFileKind(Uint8Array.from(bytes))).toBe(kind);
  });

  it.each([
    ['ACORD 0025 2016-03 Acroform', { type: 'ACORD 25', edition: '2016/03' }],
    ['ACORD 0024 2016-03 Acroform', { type: 'ACORD 24', edition: '2016/03' }],
    ['ACORD 25 2014-01', { type: 'ACORD 25', edition: '2014/01' }],
    ['ACORD 0130 2016-03', null],
    ['something else', null],
    [undefined, null],
  ])('formFromStamp(%j) → %j', (value, form) => {
    expect(formFromStamp(value)).toEqual(form);
  });
});

describe('mergeXfa', () => {
  it('keeps the AcroForm value where the halves disagree, warns, and marks the field doubtful', () => {
    const values = new Map<string, string | boolean>([
      ['NamedInsured_FullName_A', 'Acme Roofing LLC'],
      ['Policy_GeneralLiability_PolicyNumberIdentifier_A', ''],
      ['Insurer_NAICCode_A', '12345'],
      ['GeneralLiability_OccurrenceIndicator_A', false],
    ]);
    const xfa = new Map([
      ['NamedInsured_FullName_A', 'Acme Roofing Inc'],
      ['Policy_GeneralLiability_PolicyNumberIdentifier_A', 'GL-9'],
      ['Insurer_NAICCode_A', '12345'],
      ['GeneralLiability_OccurrenceIndicator_A', '1'],
    ]);
    const { warnings, doubtful } = mergeXfa(values, xfa);
    expect(values.get('NamedInsured_FullName_A')).toBe('Acme Roofing LLC');
    expect(warnings).toEqual(['NamedInsured_FullName_A: the AcroForm and XFA values disagree']);
    expect(doubtful.get('NamedInsured_FullName_A')).toBe(0.5);
    // a blank the XFA half fills is taken, with less confidence than a field the widget shows
    expect(values.get('Policy_GeneralLiability_PolicyNumberIdentifier_A')).toBe('GL-9');
    expect(doubtful.get('Policy_GeneralLiability_PolicyNumberIdentifier_A')).toBe(0.8);
    expect(values.get('GeneralLiability_OccurrenceIndicator_A')).toBe(true);
    expect(doubtful.has('Insurer_NAICCode_A')).toBe(false);
    expect(mergeXfa(new Map([['NamedInsured_FullName_A', 'x']]), null)).toEqual({ warnings: [], doubtful: new Map() });
  });
});

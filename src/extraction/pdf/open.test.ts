import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rc4 } from './decrypt.js';
import { openPdf, parseXfaLeaves, pdfjs } from './open.js';

describe('rc4', () => {
  it.each([
    ['Key', 'Plaintext', 'bbf316e8d940af0ad3'],
    ['Wiki', 'pedia', '1021bf0420'],
    ['Secret', 'Attack at dawn', '45a01f645fc35b383552544b9bf5'],
  ])('rc4(%s, %s)', (key, text, hex) => {
    expect(Buffer.from(rc4(Buffer.from(key), Buffer.from(text))).toString('hex')).toBe(hex);
  });
});

describe('parseXfaLeaves', () => {
  it('reads leaf elements, empty ones, and XML escapes; the first occurrence wins', () => {
    const xml = '<xfa:datasets xmlns:xfa="x"><xfa:data><F><P1><Producer_FullName_A>Smith &amp; Sons</Producer_FullName_A><Insurer_FullName_B/><Vehicle_AnyAutoIndicator_A>1</Vehicle_AnyAutoIndicator_A><Producer_FullName_A>later</Producer_FullName_A></P1></F></xfa:data></xfa:datasets>';
    const leaves = parseXfaLeaves(xml);
    expect(leaves.get('Producer_FullName_A')).toBe('Smith & Sons');
    expect(leaves.get('Insurer_FullName_B')).toBe('');
    expect(leaves.get('Vehicle_AnyAutoIndicator_A')).toBe('1');
  });
});

const HYBRID = path.resolve(__dirname, '../../../../shared/corpus/forms/acord25-2016-03-xfa-hybrid-encrypted.pdf');
describe.skipIf(!fs.existsSync(HYBRID))(`openPdf on the owner-password XFA hybrid${fs.existsSync(HYBRID) ? '' : ' (skipped: ../shared/corpus/forms is not present)'}`, () => {
  it('reads both the AcroForm fields and the decrypted XFA datasets', async () => {
    const pdf = await openPdf(fs.readFileSync(HYBRID));
    try {
      expect(pdf.hasXfa).toBe(true);
      expect(pdf.fields.get('F[0].P1[0].Producer_FullName_A[0]')).toEqual({ kind: 'text', value: '' });
      expect(pdf.fields.get('F[0].P1[0].GeneralLiability_OccurrenceIndicator_A[0]')).toEqual({ kind: 'checkbox', checked: false });
      expect(pdf.xfaDatasets?.get('Form_EditionIdentifier_A')).toBe('ACORD 0025 2016-03');
      expect(pdf.xfaDatasets?.get('Producer_FullName_A')).toBe('');
      expect(pdf.warnings).toEqual([]);
    } finally {
      await pdf.close();
    }
  });
});

describe('pdfjs', () => {
  it('is loaded once, with its worker code on this thread, and is the module an import gives', async () => {
    expect(await import('pdfjs-dist/legacy/build/pdf.mjs')).toBe(pdfjs);
    expect((globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker?.WorkerMessageHandler).toBeTypeOf('function');
  });
});

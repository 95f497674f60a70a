// ACORD 27/28 parties by their printed labels: on made-up words laid out as those forms print their boxes, and on the
// labelled samples of ../shared/corpus/dev when they are there (read through extractCertificate; skipped otherwise).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../layout/words.js';
import { extractCertificate } from '../extract.js';
import { readPropertyParties } from './property.js';

const DEV = fileURLToPath(new URL('../../../../shared/corpus/dev/', import.meta.url));

/** Words of one printed line: each word 5 pt per character, one space apart, 7 pt high. */
function line(text: string, x: number, y: number): Word[] {
  const out: Word[] = [];
  let at = x;
  for (const t of text.split(' ')) {
    out.push({ text: t, x: at, y, width: 5 * t.length, height: 7, confidence: 1 });
    at += 5 * t.length + 3;
  }
  return out;
}

function pageOf(lines: [string, number, number][]): PageWords {
  return { page: 1, width: 612, height: 792, source: 'text', words: lines.flatMap(([t, x, y]) => line(t, x, y)) };
}

describe('readPropertyParties', () => {
  it('reads an ACORD 27-like page: agency, insured beside its label, the one company, the additional interest', () => {
    const page = pageOf([
      ['EVIDENCE OF PROPERTY INSURANCE', 170, 35],
      ['AGENCY', 22, 100], ['PHONE', 140, 96], ['(A/C, No, Ext):', 140, 102], ['COMPANY', 320, 100],
      ['Harbor Risk Partners', 320, 110],
      ['Lakeside Brokerage LLC', 22, 112], ['77 Pier Road', 22, 120], ['Portland, OR 97201', 22, 128],
      ['FAX', 22, 157], ['E-MAIL', 140, 157],
      ['CODE:', 22, 174], ['SUB CODE:', 170, 174],
      ['INSURED', 22, 195], ['Maple Street Bakery Inc', 75, 195], ['LOAN NUMBER', 320, 195],
      ['12 Maple St', 75, 204], ['Salem, OR 97301', 75, 213],
      ['PROPERTY INFORMATION', 22, 267],
      ['ADDITIONAL INTEREST', 22, 657],
      ['NAME AND ADDRESS', 22, 670], ['ADDITIONAL INSURED', 320, 670], ['MORTGAGEE', 320, 682],
      ['First Valley Bank', 85, 687], ['LOAN #', 306, 694], ['PO Box 900', 85, 696], ['Eugene, OR 97401', 85, 705],
      ['AUTHORIZED REPRESENTATIVE', 306, 718],
      ['ACORD 27 (2016/03)', 22, 752],
    ]);
    const r = readPropertyParties(page);
    expect(r.producer?.value).toEqual({ name: 'Lakeside Brokerage LLC', address: { lines: ['77 Pier Road'], city: 'Portland', state: 'OR', postalCode: '97201' } });
    expect(r.insured?.value.name).toBe('Maple Street Bakery Inc');
    expect(r.insured?.value.address).toEqual({ lines: ['12 Maple St'], city: 'Salem', state: 'OR', postalCode: '97301' });
    expect(r.insurer?.insurer).toEqual({ letter: null, name: 'Harbor Risk Partners', naic: null });
    expect(r.certificateHolder?.value.name).toBe('First Valley Bank');
  });

  it('reads an ACORD 28-like page: producer box with sub-labels, NAIC inside the company box, holder under the interest types', () => {
    const page = pageOf([
      ['EVIDENCE OF COMMERCIAL PROPERTY INSURANCE', 130, 35],
      ['PRODUCER NAME,', 22, 96], ['PHONE', 140, 96], ['COMPANY NAME AND ADDRESS', 320, 96], ['NAIC NO: 24517', 493, 96],
      ['CONTACT PERSON AND ADDRESS', 22, 104],
      ['Dana Whitfield', 22, 110], ['Granite Mutual Insurance', 320, 110],
      ['5 Court Sq', 22, 117], ['1 Insurance Plaza', 320, 117],
      ['Boston, MA 02108', 22, 124],
      ['CODE:', 22, 172], ['POLICY TYPE', 320, 172],
      ['NAMED INSURED AND ADDRESS', 22, 196], ['LOAN NUMBER', 320, 196],
      ['Harborview Condominium Trust', 67, 211], ['9 Harbor Way', 67, 218], ['Boston, MA 02110', 67, 225],
      ['ADDITIONAL NAMED INSURED(S)', 22, 244],
      ['ADDITIONAL INTEREST', 22, 651],
      ["CONTRACT OF SALE LENDER'S LOSS PAYABLE LOSS PAYEE", 36, 664], ['LENDER SERVICING AGENT NAME AND ADDRESS', 306, 664],
      ['MORTGAGEE', 36, 672],
      ['NAME AND ADDRESS', 22, 689],
      ['Beacon Property Management', 83, 704], ['100 State St', 83, 713], ['Boston, MA 02109', 83, 722], ['AUTHORIZED REPRESENTATIVE', 306, 722],
      ['ACORD 28 (2016/03)', 22, 752],
    ]);
    const r = readPropertyParties(page);
    expect(r.producer?.value.name).toBe('Dana Whitfield');
    expect(r.insured?.value.name).toBe('Harborview Condominium Trust');
    expect(r.insurer?.insurer).toEqual({ letter: null, name: 'Granite Mutual Insurance', naic: '24517' });
    expect(r.certificateHolder?.value).toEqual({ name: 'Beacon Property Management', address: { lines: ['100 State St'], city: 'Boston', state: 'MA', postalCode: '02109' } });
  });

  it("takes the name at the box's left, not a phone under a sub-label OCR garbled, a NAIC code under a garbled label, and the holder under a garbled NAME AND ADDRESS", () => {
    // a scan's reading: PHONE (A/C, No, Ext) read 'FONE, exe.' and NAIC NO 'Nacho', neither found as its label
    const page = pageOf([
      ['EVIDENCE OF COMMERCIAL PROPERTY INSURANCE', 130, 35],
      ['PRODUCER NAME,', 22, 96], ['FONE, exe. (123) 123-1234', 132, 96], ['COMPANY NAME AND ADDRESS', 312, 96], ['Nacho: 24517', 495, 96],
      ['Dana Whitfield', 22, 110], ['Granite Mutual Insurance', 312, 110],
      ['5 Court Sq', 22, 117], ['Boston, MA 02108', 22, 124],
      ['CODE:', 22, 172], ['POLICY TYPE', 312, 172],
      ['NAMED INSURED AND ADDRESS', 22, 196], ['LOAN NUMBER', 312, 196],
      ['Harborview Condominium Trust', 67, 211], ['9 Harbor Way', 67, 218], ['Boston, MA 02110', 67, 225],
      ['ADDITIONAL NAMED INSURED(S)', 22, 244],
      // and NAME AND ADDRESS read with a slip, under ADDITIONAL INTEREST
      ['ADDITIONAL INTEREST', 22, 651],
      ['NAME ANG ADDRESS', 22, 689],
      ['Beacon Property Management', 83, 704], ['100 State St', 83, 713], ['Boston, MA 02109', 83, 722], ['AUTHORIZED REPRESENTATIVE', 306, 722],
    ]);
    const r = readPropertyParties({ ...page, source: 'ocr' });
    expect(r.producer?.value).toEqual({ name: 'Dana Whitfield', address: { lines: ['5 Court Sq'], city: 'Boston', state: 'MA', postalCode: '02108' } });
    expect(r.insurer?.insurer).toEqual({ letter: null, name: 'Granite Mutual Insurance', naic: '24517' });
    expect(r.certificateHolder?.value.name).toBe('Beacon Property Management');
  });
});

describe.skipIf(!fs.existsSync(`${DEV}sensible-acord28.pdf`))('the labelled ACORD 27 and 28 samples', () => {
  it.each(['sensible-acord27', 'sensible-acord28'])('%s gives its labelled parties and company', async (name) => {
    const expected = JSON.parse(fs.readFileSync(`${DEV}${name}.expected.json`, 'utf8'));
    const x = await extractCertificate(fs.readFileSync(`${DEV}${name}.pdf`), `${name}.pdf`);
    expect(x.form.type).toBe(expected.form.type);
    expect(x.policies).toEqual([]);
    expect(x.producer.name).toBe(expected.producer.name);
    expect(x.insured.name).toBe(expected.insured.name);
    expect(x.certificateHolder.name).toBe(expected.certificateHolder.name);
    expect(x.insurers.map((i) => [i.letter, i.name, i.naic])).toEqual(expected.insurers.map((i: { letter: null; name: string; naic: string | null }) => [i.letter, i.name, i.naic]));
  });
});

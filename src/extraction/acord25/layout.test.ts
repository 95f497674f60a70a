// The ACORD 25 layout mapper on small hand-made pages of positioned words: the labels are placed as a printed
// certificate places them, but shifted and rescaled, so only label-relative reading passes. No ACORD file is used.
import { describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../layout/words.js';
import { acord25FromWords, acord25LayoutPage, digitSlips, looseIso, formFromWords, insurerRowsByPosition, limitByLine, ocrDates, ocrLimit, ocrPolicyNumber, mendPolicyYears, plausiblePolicyDates, otherRowsTerm, withoutRuleDigit, readAcord25Layout, roundLimit, stampedAcord25, withoutDollarDigit, withoutPhantomDigit, withoutTypedDollar, ocrCompanySuffix, producerLabel, datePrintOf, fitsPrint, showsDate } from './layout.js';
import { groupLines, segmentOf } from '../text/lines.js';

type Place = [text: string, x: number, y: number, size?: number, confidence?: number];

/** Words of a phrase laid out left to right at 0.5 × size per character (y is the top of the line). */
function phrase([text, x, y, size = 6, confidence = 1]: Place, dx: number, dy: number): Word[] {
  const out: Word[] = [];
  let cx = x + dx;
  for (const t of text.split(' ')) {
    if (t !== '') out.push({ text: t, x: cx, y: y + dy, width: t.length * size * 0.5, height: size, confidence });
    cx += (t.length + 1) * size * 0.5;
  }
  return out;
}

const page = (places: Place[], { dx = 0, dy = 0, source = 'text' as const } = {}): PageWords => ({
  page: 1,
  width: 612,
  height: 792,
  source,
  words: places.flatMap((p) => phrase(p, dx, dy)),
});

/** The printed labels of an ACORD 25, where a 2016/03 certificate prints them (top-left origin). */
const LABELS: Place[] = [
  ['CERTIFICATE OF LIABILITY INSURANCE', 162, 27, 14],
  ['DATE (MM/DD/YYYY)', 521, 26],
  ['PRODUCER', 22, 121],
  ['CONTACT', 310, 119],
  ['NAME:', 310, 125],
  ['PHONE', 310, 131],
  ['FAX', 486, 131],
  ['(A/C, No, Ext):', 310, 137],
  ['(A/C, No):', 486, 137],
  ['INSURER(S) AFFORDING COVERAGE', 369, 160],
  ['NAIC #', 557, 160],
  ['INSURER A :', 310, 173],
  ['INSURED', 22, 181],
  ['INSURER B :', 310, 185],
  ['INSURER C :', 310, 197],
  ['INSURER D :', 310, 209],
  ['INSURER E :', 310, 221],
  ['INSURER F :', 310, 233],
  ['COVERAGES', 22, 241, 8],
  ['CERTIFICATE NUMBER:', 158, 241, 8],
  ['REVISION NUMBER:', 425, 241, 8],
  ['INSR', 20, 287],
  ['ADDL', 177, 287],
  ['SUBR', 195, 287],
  ['POLICY EFF', 337, 287],
  ['POLICY EXP', 384, 287],
  ['LTR', 21, 292],
  ['TYPE OF INSURANCE', 75, 292],
  ['INSD', 178, 292],
  ['WVD', 196, 292],
  ['POLICY NUMBER', 247, 292],
  ['(MM/DD/YYYY)', 334, 292],
  ['(MM/DD/YYYY)', 381, 292],
  ['LIMITS', 500, 292],
  ['COMMERCIAL GENERAL LIABILITY', 54, 301],
  ['EACH OCCURRENCE', 428, 301],
  ['DAMAGE TO RENTED', 428, 311],
  ['CLAIMS-MADE', 68, 313],
  ['OCCUR', 133, 313],
  ['PREMISES (Ea occurrence)', 428, 317],
  ['MED EXP (Any one person)', 428, 325],
  ['PERSONAL & ADV INJURY', 428, 337],
  ['GENERAL AGGREGATE', 428, 349],
  ['POLICY', 54, 360],
  ['PRO-', 97, 358],
  ['JECT', 97, 364],
  ['LOC', 140, 360],
  ['PRODUCTS - COMP/OP AGG', 428, 360],
  ['AUTOMOBILE LIABILITY', 40, 386],
  ['COMBINED SINGLE LIMIT', 428, 384],
  ['(Ea accident)', 428, 390],
  ['ANY AUTO', 54, 398],
  ['BODILY INJURY (Per person)', 428, 398],
  ['BODILY INJURY (Per accident)', 428, 410],
  ['PROPERTY DAMAGE', 428, 419],
  ['(Per accident)', 428, 425],
  ['UMBRELLA LIAB', 54, 446],
  ['OCCUR', 133, 446],
  ['EACH OCCURRENCE', 428, 446],
  ['EXCESS LIAB', 54, 458],
  ['CLAIMS-MADE', 133, 458],
  ['AGGREGATE', 428, 458],
  ['DED', 54, 472],
  ['RETENTION $', 90, 472],
  ['WORKERS COMPENSATION', 38, 480],
  ['PER', 443, 480],
  ['OTH-', 493, 480],
  ['STATUTE', 443, 486],
  ['ER', 493, 486],
  ["AND EMPLOYERS' LIABILITY", 38, 488],
  ['Y / N', 159, 490],
  ['E.L. EACH ACCIDENT', 428, 493],
  ['OFFICER/MEMBER EXCLUDED?', 38, 499],
  ['N / A', 179, 499],
  ['(Mandatory in NH)', 38, 505],
  ['E.L. DISEASE - EA EMPLOYEE', 428, 505],
  ['If yes, describe under', 38, 511],
  ['DESCRIPTION OF OPERATIONS below', 38, 517],
  ['E.L. DISEASE - POLICY LIMIT', 428, 517],
  ['DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES (ACORD 101, Additional Remarks Schedule, may be attached)', 22, 566],
  ['CERTIFICATE HOLDER', 22, 650, 8],
  ['CANCELLATION', 310, 650, 8],
  ['AUTHORIZED REPRESENTATIVE', 310, 710],
  ['ACORD 25 (2016/03)', 22, 756, 8],
];

/** A filled certificate's values. */
const VALUES: Place[] = [
  ['03/02/2026', 530, 37, 8],
  ['Pinnacle Risk Partners', 23, 131, 8],
  ['2100 Ross Ave', 23, 144, 8],
  ['Dallas, TX 75201', 23, 157, 8],
  ['Aaron Feld', 347, 121, 8],
  ['Prairie States Assurance Company', 350, 169, 8],
  ['14702', 556, 169, 8],
  ['Harborview Specialty Insurance Company', 350, 181, 8],
  ['41298', 556, 181, 8],
  ['Delgado Coffee Company LLC', 73, 193, 8],
  ['DBA Delgado Cafe', 73, 205, 8],
  ['4329 W Broad St', 73, 217, 8],
  ['Columbus', 73, 229, 8],
  ['OH', 241, 229, 8],
  ['43219', 257, 229, 8],
  // GL: CGL and OCCUR marked, aggregate per project; Y in both flag columns
  ['X', 41, 300, 8],
  ['X', 120, 312, 8],
  ['X', 86, 359, 8],
  ['A', 24, 337, 8],
  ['Y', 182, 337, 8],
  ['Y', 200, 337, 8],
  ['PKG 4601985-24', 217, 337, 8],
  ['02/26/2026', 334, 337, 8],
  ['02/26/2027', 381, 337, 8],
  ['$', 518, 302],
  ['1,000,000', 527, 300, 8],
  ['$', 518, 314],
  ['300,000', 527, 312, 8],
  ['$', 518, 326],
  ['5,000', 527, 324, 8],
  ['$', 518, 338],
  ['1,000,000', 527, 336, 8],
  ['$', 518, 350],
  ['2,000,000', 527, 348, 8],
  ['$', 518, 362],
  ['2,000,000', 527, 360, 8],
  // auto: two policies in one row, each with its own letter and dates
  ['X', 41, 397, 8],
  ['A', 24, 402, 8],
  ['B', 24, 414, 8],
  ['BA 1111-26', 217, 402, 8],
  ['BA 2222-26', 217, 414, 8],
  ['02/26/2026', 334, 402, 8],
  ['03/01/2026', 334, 414, 8],
  ['02/26/2027', 381, 402, 8],
  ['03/01/2027', 381, 414, 8],
  ['$', 518, 386],
  ['1,000,000', 527, 385, 8],
  // umbrella row: only EXCESS marked → excess_liability; retention printed beside its label
  ['X', 41, 457, 8],
  ['X', 120, 445, 8],
  ['B', 24, 457, 8],
  ['XS 8177620', 217, 457, 8],
  ['MM/DD/YYYY', 334, 457, 8],
  ['02/26/2027', 381, 457, 8],
  ['$', 518, 447],
  ['5,000,000', 527, 445, 8],
  ['$', 518, 459],
  ['5,000,000', 527, 457, 8],
  ['X', 75, 471, 8],
  ['10,000', 134, 471, 8],
  // WC: PER STATUTE marked, N in the proprietor box, subrogation waived
  ['X', 430, 481, 8],
  ['C', 24, 499, 8],
  ['N', 163, 499, 8],
  ['Y', 200, 499, 8],
  ['WC 2269963-26', 217, 499, 8],
  ['03/17/2026', 334, 499, 8],
  ['03/17/2027', 381, 499, 8],
  ['$', 518, 494],
  ['1,000,000', 527, 493, 8],
  ['$', 518, 506],
  ['1,000,000', 527, 505, 8],
  ['$', 518, 518],
  ['1,000,000', 527, 517, 8],
  // two 'other' policies, each with its own limit line
  ['Professional Liability', 41, 530, 8],
  ['D', 24, 530, 8],
  ['PL-1', 217, 530, 8],
  ['02/26/2026', 334, 530, 8],
  ['02/26/2027', 381, 530, 8],
  ['Each Claim', 433, 530, 8],
  ['2,000,000', 527, 530, 8],
  ['Cyber Liability', 41, 545, 8],
  ['D', 24, 545, 8],
  ['CY-2', 217, 545, 8],
  ['02/26/2026', 334, 545, 8],
  ['02/26/2027', 381, 545, 8],
  ['Aggregate', 433, 545, 8],
  ['3,000,000', 527, 545, 8],
  ['Cafe operations. Holder is additional insured.', 23, 578, 8],
  ['Underwood Enterprises, Inc.', 73, 691, 8],
  ['2264 Wilkinson Blvd', 73, 703, 8],
  ['Concord', 73, 715, 8],
  ['NC', 241, 715, 8],
  ['28025', 257, 715, 8],
  ['Aaron Feld', 311, 722, 8],
];

describe('acord25FromWords', () => {
  const read = (places: Place[], opts?: { dx?: number; dy?: number }) => acord25FromWords([page(places, opts)], { pages: 1, method: 'text' });

  it('reads a certificate by its labels, wherever the page puts them', () => {
    for (const shift of [{}, { dx: 14, dy: -9 }, { dx: -6, dy: 25 }]) {
      const x = read([...LABELS, ...VALUES], shift);
      expect(x.form).toEqual({ type: 'ACORD 25', edition: '2016/03' });
      expect(x.certificateDate).toBe('2026-03-02');
      expect(x.producer.name).toBe('Pinnacle Risk Partners');
      expect(x.producer.address).toEqual({ lines: ['2100 Ross Ave'], city: 'Dallas', state: 'TX', postalCode: '75201' });
      expect(x.producer.contactName).toBe('Aaron Feld');
      expect(x.insured).toEqual({ name: 'Delgado Coffee Company LLC', address: { lines: ['DBA Delgado Cafe', '4329 W Broad St'], city: 'Columbus', state: 'OH', postalCode: '43219' } });
      expect(x.certificateHolder.name).toBe('Underwood Enterprises, Inc.');
      expect(x.insurers).toEqual([
        { letter: 'A', name: 'Prairie States Assurance Company', naic: '14702' },
        { letter: 'B', name: 'Harborview Specialty Insurance Company', naic: '41298' },
      ]);
      expect(x.descriptionOfOperations).toBe('Cafe operations. Holder is additional insured.');
      const [gl, auto1, auto2, xs, wc, other1, other2, ...rest] = x.policies;
      expect(rest).toEqual([]);
      expect(gl).toMatchObject({
        coverage: 'general_liability',
        insurerLetter: 'A',
        policyNumber: 'PKG 4601985-24',
        effectiveDate: '2026-02-26',
        expirationDate: '2027-02-26',
        additionalInsured: true,
        subrogationWaived: true,
        basis: 'occurrence',
        details: { aggregateAppliesPer: 'project' },
        limits: {
          each_occurrence: 1_000_000,
          damage_to_rented_premises: 300_000,
          medical_expense: 5_000,
          personal_advertising_injury: 1_000_000,
          general_aggregate: 2_000_000,
          products_completed_operations_aggregate: 2_000_000,
        },
      });
      expect([auto1, auto2].map((p) => [p!.policyNumber, p!.insurerLetter, p!.effectiveDate])).toEqual([
        ['BA 1111-26', 'A', '2026-02-26'],
        ['BA 2222-26', 'B', '2026-03-01'],
      ]);
      expect(auto1!.details).toMatchObject({ anyAuto: true, scheduledAutos: false });
      expect(xs).toMatchObject({ coverage: 'excess_liability', basis: 'occurrence', effectiveDate: null, limits: { each_occurrence: 5_000_000, aggregate: 5_000_000, retention: 10_000 } });
      expect(wc).toMatchObject({ coverage: 'workers_compensation', insurerLetter: 'C', additionalInsured: false, subrogationWaived: true, details: { perStatute: true, proprietorExcluded: false } });
      expect(wc!.limits).toEqual({ el_each_accident: 1_000_000, el_disease_each_employee: 1_000_000, el_disease_policy_limit: 1_000_000 });
      expect([other1, other2].map((p) => [p!.coverage, p!.description, p!.policyNumber, p!.limits])).toEqual([
        ['other', 'Professional Liability', 'PL-1', { each_claim: 2_000_000 }],
        ['other', 'Cyber Liability', 'CY-2', { aggregate: 3_000_000 }],
      ]);
    }
  });

  it('gives each value a confidence and a box', () => {
    const { extraction, provenance } = readAcord25Layout([page([...LABELS, ...VALUES])], { pages: 1, method: 'text' });
    expect(extraction.confidence?.['/policies/0/policyNumber']).toBeGreaterThan(0.9);
    expect(provenance['/policies/0/policyNumber']).toMatchObject({ page: 1, x: 217, y: 337 });
    expect(provenance['/insured/name']).toMatchObject({ x: 73, y: 193 });
  });

  it('reads OCR words with slips in the labels, and carries their confidence', () => {
    const slips: Record<string, string> = {
      'EACH OCCURRENCE': 'EACH OCCURENCE',
      'POLICY NUMBER': 'P0LICY NUMBER',
      'AUTOMOBILE LIABILITY': 'AUTOMOBlLE LIABILITY',
      'WORKERS COMPENSATION': 'WORKERS C0MPENSATION',
      'E.L. DISEASE - POLICY LIMIT': 'E.L DISEASE POLICY LIMlT',
      'CERTIFICATE HOLDER': 'CERTIFICATE H0LDER',
    };
    const ocr = [...LABELS.map(([t, ...rest]): Place => [slips[t] ?? t.toLowerCase(), ...rest]), ...VALUES.map(([t, x, y, s]): Place => [t, x, y, s, 0.8])];
    const x = acord25FromWords([page(ocr, { source: 'ocr' } as never)], { pages: 1, method: 'ocr' });
    expect(x.source?.method).toBe('ocr');
    expect(x.policies.map((p) => p.policyNumber)).toEqual(['PKG 4601985-24', 'BA 1111-26', 'BA 2222-26', 'XS 8177620', 'WC 2269963-26', 'PL-1', 'CY-2']);
    expect(x.policies[0]!.limits.each_occurrence).toBe(1_000_000);
    expect(x.policies[4]!.limits.el_disease_policy_limit).toBe(1_000_000);
    expect(x.certificateHolder.name).toBe('Underwood Enterprises, Inc.');
    expect(x.confidence?.['/policies/0/policyNumber']).toBeCloseTo(0.8 * 0.97, 3);
  });

  it('leaves out rows that show only an insurer letter, and a blank page gives no policies', () => {
    const onlyLetters: Place[] = [...LABELS, ['C', 24, 457, 8], ['A', 24, 499, 8]];
    expect(read(onlyLetters).policies).toEqual([]);
  });

  it('names ACORD 24, 27 and 28 by their stamp or title and reads no coverages', () => {
    const a27: Place[] = [['EVIDENCE OF PROPERTY INSURANCE', 150, 30, 14], ['AGENCY', 22, 120], ['Sensible Inc', 23, 130, 8], ['ACORD 27 (2016/03)', 22, 756, 8]];
    const x = read(a27);
    expect(x.form).toEqual({ type: 'ACORD 27', edition: '2016/03' });
    expect(x.policies).toEqual([]);
    expect(x.producer.name).toBe('Sensible Inc');
    expect(formFromWords(page([['EVIDENCE OF COMMERCIAL PROPERTY INSURANCE', 150, 30, 14]]))).toEqual({ type: 'ACORD 28', edition: null });
    expect(formFromWords(page([['ACORD 25 (2O16/O3)', 22, 756, 8]]))).toEqual({ type: 'ACORD 25', edition: '2016/03' });
  });

  it("takes the producer box's label garbled at the form's left ('FRODUCER:') over PRODUCER read whole mid-page (an ACORD 24's customer ID)", () => {
    const places: Place[] = [['FRODUCER:', 22, 99], ['CONTACT', 310, 99], ['Some Company LLC', 24, 107], ['PRODUCER', 310, 133], ['TEST0', 372, 133], ['CUSTOMER ID', 310, 139]];
    const at = (p: Place[]) => producerLabel(groupLines(page(p, { source: 'ocr' } as never).words));
    expect(at(places)?.x).toBe(22);
    // (read whole at the left, it is the label; garbled only a little left of one read whole, it is not)
    expect(at(places.map((p): Place => (p[0] === 'FRODUCER:' ? ['PRODUCER', 22, 99] : p)))?.x).toBe(22);
    expect(at(places.map((p): Place => (p[0] === 'FRODUCER:' ? ['FRODUCER:', 250, 99] : p)))?.x).toBe(310);
  });

  it("reads a property form's date whose slashes OCR read as ones ('71212021' for 7/2/2021), with a warning; never on text", () => {
    const a27: Place[] = [['EVIDENCE OF PROPERTY INSURANCE', 150, 30, 14], ['DATE (MM/DD/YYYY)', 521, 26], ['71212021', 534, 35, 10], ['AGENCY', 22, 120], ['Sensible Inc', 23, 130, 8], ['ACORD 27 (2016/03)', 22, 756, 8]];
    const ocr = acord25FromWords([page(a27, { source: 'ocr' } as never)], { pages: 1, method: 'ocr' });
    expect(ocr.form.type).toBe('ACORD 27');
    expect(ocr.certificateDate).toBe('2021-07-02');
    expect(ocr.warnings).toContain('certificate date read as "71212021", its slashes read as digits: taken for 2021-07-02');
    // (a date after next year is no certificate's; printed text is as printed)
    expect(read(a27).certificateDate).toBeNull();
    const later: Place[] = a27.map((p) => (p[0] === '71212021' ? ['71212091', 534, 35, 10] : p));
    expect(acord25FromWords([page(later, { source: 'ocr' } as never)], { pages: 1, method: 'ocr' }).certificateDate).toBeNull();
  });

  it('does not take a layout that only claims to be an ACORD 25 for one', () => {
    const fake: Place[] = [
      ['CERTIFICATE OF LIABILITY INSURANCE', 150, 42, 14],
      ['ACORD 25 (2016/03)', 193, 76, 8],
      ['PRODUCER', 60, 123, 8],
      ['INSURED', 60, 165, 8],
      ['INSR LTR TYPE OF INSURANCE', 60, 237, 8],
      ['POLICY NUMBER', 229, 237, 8],
      ['POLICY EFF', 308, 237, 8],
      ['POLICY EXP', 370, 237, 8],
      ['COMMERCIAL GENERAL LIABILITY', 100, 255, 8],
      ['AUTOMOBILE LIABILITY', 100, 285, 8],
      ['CERTIFICATE HOLDER', 60, 386, 8],
    ];
    expect(acord25LayoutPage([page(fake)])).toBeNull();
    expect(acord25LayoutPage([page([...LABELS, ...VALUES])])?.form.type).toBe('ACORD 25');
  });

  it("does not take a scan of a carrier's table stamped ACORD 25 for one, though it shows the grid's header and coverage labels", () => {
    // a synthetic certificate's own table under ACORD's stamp, as OCR read its scan: the grid header's POLICY NUMBER,
    // POLICY EFF and POLICY EXP, the coverage names and its limits in words of its own; none of ACORD's insurer box,
    // ADDL, SUBR, auto classes or employer's liability labels
    const table: Place[] = [
      ['CERTIFICATE OF LIABILITY INSURANCE', 146, 40, 14],
      ['ACORD 25 (2016/03)', 190, 62, 8],
      ['DATE (MM/DDIYYYY)', 57, 90],
      ['03/15/2026', 150, 90, 8],
      ['PRODUCER', 57, 104],
      ['Summit Insurance Agency LLC', 150, 104, 8],
      ['INSURED', 57, 146],
      ['Greenfield Property Management Inc.', 150, 146, 8],
      ['COVERAGE', 75, 190],
      ['CERTIFICATE NUMBER: COI-2026-TEST-001', 146, 190],
      ['INSRLTF TYPE OF INSURANCE', 57, 210],
      ['POLICY NUMBER', 226, 210],
      ['POLICY EFF', 305, 210],
      ['POLICY EXP', 366, 210],
      ['LIMITS', 428, 210],
      ['COMMERCIAL GENERAL LIABILITY', 96, 226, 8],
      ['CGL-8847291', 226, 226, 8],
      ['Each Occurrence: 1,000,000', 428, 226, 8],
      ['General Aggregate: 2,000,000', 428, 238, 8],
      ['AUTOMOBILE LIABILITY', 96, 252, 8],
      ['Combined Single Limit: 1,000,000', 428, 252, 8],
      ['WORKERS COMPENSATION', 96, 278, 8],
      ['UMBRELLA LIABILITY', 97, 304, 8],
      ['Each Occurrence: 5,000,000', 428, 304, 8],
      ['CERTIFICATE HOLDER', 57, 340],
      ['CANCELLATION', 309, 340],
    ];
    const ocr = (places: Place[]) => page(places, { source: 'ocr' } as never);
    expect(acord25LayoutPage([ocr(table)])).toBeNull();
    // the form's own wording beside the same labels is an ACORD 25's, its small grid labels lost to OCR
    const wording: Place[] = [
      ['INSURER(S) AFFORDING COVERAGE', 320, 104],
      ['CLAIMS-MADE', 100, 236],
      ['DAMAGE TO RENTED', 428, 236],
      ['MED EXP (Any one person)', 428, 246],
      ['PERSONAL & ADV INJURY', 428, 256],
      ['E.L. EACH ACCIDENT', 428, 280],
      ['DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES', 57, 320],
    ];
    expect(acord25LayoutPage([ocr([...table, ...wording])])?.form).toEqual({ type: 'ACORD 25', edition: '2016/03' });
  });

  it("takes a photo whose OCR lost most of the grid's small labels by its column of INSURER A..F boxes", () => {
    // what a photo's OCR kept: the grid header's ADDL, SUBR and date labels garbled, two row labels split
    const lost = new Set(['ADDL', 'SUBR', 'INSD', 'WVD', 'POLICY EFF', 'POLICY EXP', 'COMMERCIAL GENERAL LIABILITY', 'UMBRELLA LIAB', 'NAIC #']);
    const garbled = (labels: Place[]) => labels.filter(([t]) => !lost.has(t));
    const ocrPage = (places: Place[]) => page(places, { source: 'ocr' } as never);
    expect(acord25LayoutPage([ocrPage([...garbled(LABELS), ...VALUES])])?.form.type).toBe('ACORD 25');
    // the same page showing only three insurer boxes, as a carrier's certificate that borrows ACORD's title does
    const threeInsurers = garbled(LABELS).filter(([t]) => !/^INSURER [D-F] :$/.test(t));
    expect(acord25LayoutPage([ocrPage([...threeInsurers, ...VALUES])])).toBeNull();
    // and insurer labels that are not one column under another are no insurer boxes
    const scattered = garbled(LABELS).map(([t, x, ...rest]): Place => (/^INSURER [BDF] :$/.test(t) ? [t, x + 150, ...rest] : [t, x, ...rest]));
    expect(acord25LayoutPage([ocrPage([...scattered, ...VALUES])])).toBeNull();
  });
});

describe('a stamped ACORD 25 the first OCR reading could not tell', () => {
  const ocrPage = (places: Place[]) => page(places, { source: 'ocr' } as never);
  // the whole-page pass lost the grid header's date labels, ADDL and SUBR and four insurer boxes
  const lost = new Set(['ADDL', 'SUBR', 'INSD', 'WVD', 'POLICY EFF', 'POLICY EXP', 'COMMERCIAL GENERAL LIABILITY', 'UMBRELLA LIAB', 'NAIC #', 'INSURER C :', 'INSURER D :', 'INSURER E :', 'INSURER F :']);
  const first = ocrPage([...LABELS, ...VALUES].filter(([t]) => !lost.has(t)));

  it('is the page read again when that reading shows the grid', async () => {
    expect(acord25LayoutPage([first])).toBeNull();
    const whole = ocrPage([...LABELS, ...VALUES]);
    const calls: PageWords[] = [];
    const again = await stampedAcord25(first, async (w) => (calls.push(w), whole));
    expect(calls).toEqual([first]);
    expect(again).toBe(whole);
  });

  it('is taken at once where it shows most of the grid, however many of the grid header and insurer labels OCR lost', () => {
    // a photo of the 2025/12 print: ADDL, SUBR, POLICY EXP and every INSURER label garbled, the rest of the grid read
    const header = new Set(['ADDL', 'SUBR', 'INSD', 'WVD', 'POLICY EXP', 'NAIC #', 'INSURER A :', 'INSURER B :', 'INSURER C :', 'INSURER D :', 'INSURER E :', 'INSURER F :']);
    const places = [...LABELS, ...VALUES].filter(([t]) => !header.has(t));
    expect(acord25LayoutPage([ocrPage(places)])?.form).toEqual({ type: 'ACORD 25', edition: '2016/03' });
    // not without its stamp
    expect(acord25LayoutPage([ocrPage(places.filter(([t]) => !t.startsWith('ACORD 25')))])).toBeNull();
  });

  it("is null when the page read again still shows no grid, or carries no ACORD 25 stamp (its title alone is a carrier's too)", async () => {
    expect(await stampedAcord25(first, async (w) => ({ ...w }))).toBeNull();
    const unstamped = ocrPage([...LABELS, ...VALUES].filter(([t]) => !lost.has(t) && !t.startsWith('ACORD 25')));
    let read = false;
    expect(await stampedAcord25(unstamped, async () => ((read = true), ocrPage([...LABELS, ...VALUES])))).toBeNull();
    expect(read).toBe(false);
  });
});

describe('OCR slips the layout reader works around', () => {
  const ocrRead = (places: Place[]) => acord25FromWords([page(places, { source: 'ocr' } as never)], { pages: 1, method: 'ocr' });
  const withInsurers = (garble: Record<string, string>, extra: Place[] = []): Place[] => [
    ...LABELS.map(([t, ...rest]): Place => [garble[t] ?? t, ...rest]),
    ...VALUES,
    ['Keystone Employers Assurance Co.', 350, 193, 8],
    ['16193', 556, 193, 8],
    ['Union Trades Comp Insurance Company', 350, 205, 8],
    ['26044', 556, 205, 8],
    ...extra,
  ];

  it('keeps the insurers whose INSURER labels OCR garbled, by their row in the A..F sequence', () => {
    const x = ocrRead(withInsurers({ 'INSURER C :': 'INSURER', 'INSURER D :': 'lNSURFR 0 ;' }));
    expect(x.insurers.map((i) => [i.letter, i.name, i.naic])).toEqual([
      ['A', 'Prairie States Assurance Company', '14702'],
      ['B', 'Harborview Specialty Insurance Company', '41298'],
      ['C', 'Keystone Employers Assurance Co.', '16193'],
      ['D', 'Union Trades Comp Insurance Company', '26044'],
    ]);
  });

  it("keeps the insurers when OCR garbled the labels of every row that holds a name ('wsuRer A:', 'msurero:')", () => {
    const photo = { 'INSURER A :': 'wsuRer A:', 'INSURER B :': 'wsurer 8:', 'INSURER C :': 'wsurerc:', 'INSURER D :': 'msurero:', 'INSURER E :': '_msurer €:' };
    const expected = [
      ['A', 'Prairie States Assurance Company', '14702'],
      ['B', 'Harborview Specialty Insurance Company', '41298'],
      ['C', 'Keystone Employers Assurance Co.', '16193'],
      ['D', 'Union Trades Comp Insurance Company', '26044'],
    ];
    // the empty row's INSURER F read whole counts the rows; with it garbled too, the box's header above INSURER A does
    expect(ocrRead(withInsurers(photo)).insurers.map((i) => [i.letter, i.name, i.naic])).toEqual(expected);
    expect(ocrRead(withInsurers({ ...photo, 'INSURER F :': 'msurer F:' })).insurers.map((i) => [i.letter, i.name, i.naic])).toEqual(expected);
    // INSURED, at the page's left edge, is no insurer's label
    const insured = ocrRead(withInsurers({ ...photo, 'INSURER F :': 'msurer F:', INSURED: 'INSURER' }));
    expect(insured.insurers.map((i) => i.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect(insured.insured.name).not.toBeNull();
  });

  it('takes a NAIC code read at the end of the name when the NAIC # label is lost, and drops a label remnant', () => {
    const places = withInsurers({ 'NAIC #': 'NA1K' }).filter(([t]) => !/^\d{5}$/.test(t)).map(([t, x, ...rest]): Place =>
      t === 'Prairie States Assurance Company' ? ['A: # Prairie States Assurance Company 14702', 338, ...rest] : [t, x, ...rest],
    );
    const x = ocrRead(places);
    expect(x.insurers[0]).toEqual({ letter: 'A', name: 'Prairie States Assurance Company', naic: '14702' });
    // a lone letter before the name is such a remnant too
    const lone = ocrRead(withInsurers({}).map(([t, x, ...rest]): Place => (t === 'Prairie States Assurance Company' ? ['L Prairie States Assurance Company', 342, ...rest] : [t, x, ...rest])));
    expect(lone.insurers[0]!.name).toBe('Prairie States Assurance Company');
  });

  it("takes digits closing a name, its row's code column empty, off the name ('… Co. {6193'): a code when it has five", () => {
    // the codes set against the column's left rule, read into the names' column; insurer C's first digit lost
    const places = withInsurers({}).map(([t, x, ...rest]): Place =>
      t === '16193' ? ['Keystone Employers Assurance Co. {6193', 350, ...rest] : t === '26044' ? ['Union Trades Comp Insurance Company |26044', 350, ...rest] : [t, x, ...rest],
    ).filter(([t]) => !['Keystone Employers Assurance Co.', 'Union Trades Comp Insurance Company'].includes(t));
    const x = ocrRead(places);
    expect(x.insurers.slice(2).map((i) => [i.name, i.naic])).toEqual([
      ['Keystone Employers Assurance Co.', null],
      ['Union Trades Comp Insurance Company', '26044'],
    ]);
    // a Lloyd's syndicate's number is its name's
    const lloyds = ocrRead(withInsurers({}).map(([t, x, ...rest]): Place => (t === 'Keystone Employers Assurance Co.' ? ["Lloyd's Syndicate 2623", x, ...rest] : [t, x, ...rest])).filter(([t]) => t !== '16193'));
    expect(lloyds.insurers[2]!.name).toBe("Lloyd's Syndicate 2623");
  });

  it("repairs a name's word one slip from a word printed elsewhere on the page ('Caffee' where the description says 'Coffee')", () => {
    const misread = (extra: Place[]) => withInsurers({}, extra).map(([t, ...rest]): Place => [t === 'Delgado Coffee Company LLC' ? 'Delgado Caffee Company LLC' : t, ...rest]);
    expect(ocrRead(misread([['Coffee bar operations at the owner\'s sites.', 22, 578]])).insured.name).toBe('Delgado Coffee Company LLC');
    expect(ocrRead(misread([])).insured.name).toBe('Delgado Caffee Company LLC');
    // an English word, where the page prints the word meant beside the same neighbour ('Harbor Point')
    const english = (extra: Place[]) => withInsurers({}, extra).map(([t, ...rest]): Place => [t === 'Delgado Coffee Company LLC' ? 'Harbor Paint Company LLC' : t, ...rest]);
    expect(ocrRead(english([['Re: Harbor Point Office Park.', 22, 592]])).insured.name).toBe('Harbor Point Company LLC');
    expect(ocrRead(english([['Re: Easton Point Office Park.', 22, 592]])).insured.name).toBe('Harbor Paint Company LLC');
  });

  it("reads a date with a rule's piece beside it read as a dash ('- 02/26/2027')", () => {
    const gl = (x: ReturnType<typeof ocrRead>) => x.policies.find((p) => p.coverage === 'general_liability')!;
    const x = ocrRead(withInsurers({}, [['-', 377, 337, 8]]));
    expect(gl(x).expirationDate).toBe('2027-02-26');
    expect(x.warnings.filter((w) => w.includes('not a date'))).toEqual([]);
  });

  it("drops a stroke left of the box's label opening a party's row, the box's rule ('I Pinnacle Risk Partners')", () => {
    const x = ocrRead(withInsurers({}).map(([t, x, ...rest]): Place => (t === 'Pinnacle Risk Partners' ? ['I Pinnacle Risk Partners', 17, ...rest] : [t, x, ...rest])));
    expect(x.producer.name).toBe('Pinnacle Risk Partners');
    // a name that begins with I, where the box's type begins, keeps it
    const named = ocrRead(withInsurers({}).map(([t, ...rest]): Place => (t === 'Pinnacle Risk Partners' ? ['I Pinnacle Risk Partners', ...rest] : [t, ...rest])));
    expect(named.producer.name).toBe('I Pinnacle Risk Partners');
  });

  it("takes a lone '8' in the insurer letter column for B, which tesseract reads a scan's B as", () => {
    const eight = withInsurers({}).map(([t, x, y, ...rest]): Place => (t === 'B' && y === 457 ? ['8', x, y, ...rest] : [t, x, y, ...rest]));
    const x = ocrRead(eight);
    expect(x.policies.find((p) => p.policyNumber === 'XS 8177620')!.insurerLetter).toBe('B');
    expect(x.warnings.some((w) => w.includes('not an insurer letter'))).toBe(false);
    // a text layer's '8' is what the certificate prints: no letter
    const text = acord25FromWords([page(eight)], { pages: 1, method: 'text' });
    expect(text.policies.find((p) => p.policyNumber === 'XS 8177620')!.insurerLetter).toBeNull();
  });

  it("drops a speck read as a short word at 0%, apart from an insurer's name before its code ('Mutual Co', 'Co. Inc')", () => {
    const name = (extra: Place) => ocrRead(withInsurers({}, [extra])).insurers.find((i) => i.letter === 'C')!.name;
    expect(name(['Inc', 520, 193, 8, 0])).toBe('Keystone Employers Assurance Co.');
    // a word read surely there is the name's
    expect(name(['Ltd', 520, 193, 8, 0.9])).toBe('Keystone Employers Assurance Co. Ltd');
  });

  it("takes the NAIC code, not a speck read as a digit nearer the INSURER label's middle ('4' beside '14702')", () => {
    const x = ocrRead(withInsurers({}, [['4', 593, 175.5, 3.6]]));
    expect(x.insurers[0]).toEqual({ letter: 'A', name: 'Prairie States Assurance Company', naic: '14702' });
  });

  it('reads limits whose first thousands comma OCR lost, and labels split where a hyphen dropped out', () => {
    const places = withInsurers({ 'PRODUCTS - COMP/OP AGG': 'PRODUCTS', 'E.L. DISEASE - EA EMPLOYEE': 'E.L. DISEASE' }, [['COMP/OP AGG', 470, 360], ['EA EMPLOYEE', 475, 505]]).map(
      ([t, ...rest]): Place => [t === '1,000,000' ? '1000 000' : t, ...rest],
    );
    const x = ocrRead(places);
    expect(x.policies[0]!.limits.each_occurrence).toBe(1_000_000);
    expect(x.policies[0]!.limits.products_completed_operations_aggregate).toBe(2_000_000);
    const wc = x.policies.find((p) => p.coverage === 'workers_compensation')!;
    expect(Object.keys(wc.limits)).toContain('el_disease_each_employee');
  });

  it("finds the INSURED box by its garbled label ('msureo'), so the producer's box stops above it", () => {
    const plain = ocrRead(withInsurers({}));
    const x = ocrRead(withInsurers({ INSURED: 'msureo' }));
    expect(plain.insured.name).not.toBeNull();
    expect(x.insured).toEqual(plain.insured);
    expect(x.producer.address).toEqual(plain.producer.address);
  });

  it("takes the PRODUCER box label, not the paragraph's 'PRODUCER,' that OCR set on a line of its own, garbled or not", () => {
    const plain = ocrRead(withInsurers({}));
    const disclaimer: Place[] = [['REPRESENTATIVE OR', 26, 76], ['PRODUCER,', 78, 74, 14], ['AND THE CERTIFICATE HOLDER.', 164, 76]];
    const x = ocrRead(withInsurers({}, disclaimer));
    expect(plain.producer.name).toBe('Pinnacle Risk Partners');
    expect(x.producer).toEqual(plain.producer);
    // the box label one letter off ('PRCDUCER'), with or without the disclaimer's
    expect(ocrRead(withInsurers({ PRODUCER: 'PRCDUCER' })).producer).toEqual(plain.producer);
    expect(ocrRead(withInsurers({ PRODUCER: 'PRCDUCER' }, disclaimer)).producer).toEqual(plain.producer);
  });

  it("reads COMBINED SINGLE LIMIT by COMBINED alone when OCR lost the rest", () => {
    const x = ocrRead(withInsurers({ 'COMBINED SINGLE LIMIT': 'COMBINED,', '(Ea accident)': '{Ean' }));
    expect(x.policies.find((p) => p.coverage === 'automobile_liability')!.limits.combined_single_limit).toBe(1_000_000);
  });

  it("takes the letter read in the letter column over a rule remnant there ('Il')", () => {
    const x = ocrRead(withInsurers({}, [['Il', 17, 482, 8]]));
    expect(x.policies.find((p) => p.coverage === 'workers_compensation')!.insurerLetter).toBe('C');
  });

  it("takes the letter read in one cell with a remnant of the column's left rule before it ('II C')", () => {
    const places = withInsurers({}).map(([t, x, y, ...rest]): Place => (t === 'C' && x === 24 && y === 499 ? ['II C', 17, y, ...rest] : [t, x, y, ...rest]));
    expect(places.some(([t]) => t === 'II C')).toBe(true);
    const x = ocrRead(places);
    expect(x.policies.find((p) => p.coverage === 'workers_compensation')!.insurerLetter).toBe('C');
    expect(x.warnings.filter((w) => w.includes('insurer letter'))).toEqual([]);
  });

  it("repairs a date whose slash OCR lost only when the row's other date confirms its month and day", () => {
    const gl = (x: ReturnType<typeof ocrRead>) => x.policies.find((p) => p.coverage === 'general_liability')!;
    const expiration = VALUES.find(([t, x, y]) => /^\d\d\/\d\d\/\d{4}$/.test(t) && x > 370 && y > 330 && y < 345)!;
    const effective = VALUES.find(([t, x, y]) => /^\d\d\/\d\d\/\d{4}$/.test(t) && x < 370 && y > 330 && y < 345)!;
    const lose = (date: string) => date.replace('/', '');
    const repaired = ocrRead(withInsurers({}).map(([t, ...rest]): Place => [t === expiration[0] && rest[0] === expiration[1] ? lose(t) : t, ...rest]));
    expect(gl(repaired).expirationDate).toBe(gl(ocrRead(withInsurers({}))).expirationDate);
    // the same slip where the effective date is not read: nothing confirms it
    const alone = ocrRead(
      withInsurers({})
        .filter(([t, x, y]) => !(t === effective[0] && x === effective[1] && y === effective[2]))
        .map(([t, ...rest]): Place => [t === expiration[0] && rest[0] === expiration[1] ? lose(t) : t, ...rest]),
    );
    expect(gl(alone).expirationDate).toBeNull();
  });

  it('keeps the date columns apart when OCR ran the two (MM/DD/YYYY) header lines into one', () => {
    // (and POLICY EXP read as 'POLICY' alone: its column is placed by the dates typed in it)
    const places = withInsurers({ 'POLICY EXP': 'POLICY' })
      .filter(([t, x]) => !(t === '(MM/DD/YYYY)' && x === 381))
      .map(([t, ...rest]): Place => (t === '(MM/DD/YYYY)' ? ['(MM/DD/YYYY) (MM/DD/YYYY)', ...rest] : [t, ...rest]));
    const plain = ocrRead(withInsurers({})).policies.map((p) => [p.effectiveDate, p.expirationDate]);
    expect(ocrRead(places).policies.map((p) => [p.effectiveDate, p.expirationDate])).toEqual(plain);
  });

  it("reads a row's two dates that OCR ran together into one column", () => {
    const gl = (x: ReturnType<typeof ocrRead>) => x.policies.find((p) => p.coverage === 'general_liability')!;
    const plain = gl(ocrRead(withInsurers({})));
    const dates = VALUES.filter(([t, x, y]) => /^\d\d\/\d\d\/\d{4}$/.test(t) && y > 330 && y < 345).sort((a, b) => a[1] - b[1]);
    expect(dates).toHaveLength(2);
    const [effective, expiration] = dates as [Place, Place];
    const places = withInsurers({})
      .filter((p) => p !== effective && p !== expiration && !(p[0] === effective[0] && p[1] === effective[1] && p[2] === effective[2]) && !(p[0] === expiration[0] && p[1] === expiration[1] && p[2] === expiration[2]))
      .concat([[`${effective[0]}${expiration[0]}`, effective[1], effective[2], 5]]);
    const x = gl(ocrRead(places));
    expect([x.effectiveDate, x.expirationDate]).toEqual([plain.effectiveDate, plain.expirationDate]);
    // as two words in the effective column, the second with a slash misread: each read as its own date
    const misread = expiration[0].replace(/\/(\d{4})$/, '1$1');
    const two = withInsurers({})
      .filter((p) => !(p[0] === expiration[0] && p[1] === expiration[1] && p[2] === expiration[2]))
      .map((p): Place => (p[0] === effective[0] && p[1] === effective[1] && p[2] === effective[2] ? [`${effective[0]} ${misread}`, effective[1], effective[2], 5] : p));
    const y = gl(ocrRead(two));
    expect([y.effectiveDate, y.expirationDate]).toEqual([plain.effectiveDate, plain.expirationDate]);
    // and typed with two-digit years ('2/8/24 2/8/25')
    const short = (d: string) => d.replace(/\/\d\d(\d\d)$/, '/$1');
    const twoShort = withInsurers({})
      .filter((p) => !(p[0] === expiration[0] && p[1] === expiration[1] && p[2] === expiration[2]))
      .map((p): Place => (p[0] === effective[0] && p[1] === effective[1] && p[2] === effective[2] ? [`${short(effective[0])} ${short(expiration[0])}`, effective[1], effective[2], 5] : p));
    const z = gl(ocrRead(twoShort));
    expect([z.effectiveDate, z.expirationDate]).toEqual([plain.effectiveDate, plain.expirationDate]);
  });

  it('places the amounts of illegible limit labels by their lines, the WC row keeping its last line', () => {
    const garble = { 'BODILY INJURY (Per person)': 'BODILY mur', 'E.L. DISEASE - POLICY LIMIT': '£1. DISEASE LMT', 'DESCRIPTION OF OPERATIONS below': 'OF OPERATIONS bela' };
    const x = ocrRead(withInsurers(garble, [['250,000', 527, 397, 8]]));
    const auto = x.policies.find((p) => p.coverage === 'automobile_liability')!;
    expect(auto.limits.bodily_injury_per_person).toBe(250_000);
    expect(auto.limits.combined_single_limit).toBe(1_000_000);
    const wc = x.policies.find((p) => p.coverage === 'workers_compensation')!;
    expect(wc.limits.el_disease_policy_limit).toBe(1_000_000);
    // the 'other' rows are the typed ones, none made of the WC row's last line
    expect(x.policies.filter((p) => p.coverage === 'other').map((p) => [p.description, Object.keys(p.limits)])).toEqual([
      ['Professional Liability', ['each_claim']],
      ['Cyber Liability', ['aggregate']],
    ]);
    expect(x.warnings.some((w) => w.includes('bodily injury per person by its line'))).toBe(true);
  });

  it("ends the grid at the description box's header when OCR kept only its remarks ('101, Additional Remarks Schedule')", () => {
    const header = 'DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES (ACORD 101, Additional Remarks Schedule, may be attached)';
    const plain = ocrRead(withInsurers({}));
    const x = ocrRead(withInsurers({ [header]: '101, Additional Remarks Schedule, may be I 1 VEHICLES' }));
    expect(x.policies.map((p) => p.coverage)).toEqual(plain.policies.map((p) => p.coverage));
  });

  it("ends the grid at the description box's header read with slips in its remarks ('Additiona Remarks', 'artached')", () => {
    const header = 'DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES (ACORD 101, Additional Remarks Schedule, may be attached)';
    const plain = ocrRead(withInsurers({}));
    const x = ocrRead(withInsurers({ [header]: 'OF n VEHICLES (ACORD 101, Additiona Remarks Schedule, may be artached' }));
    expect(x.policies.map((p) => p.coverage)).toEqual(plain.policies.map((p) => p.coverage));
    expect(x.policies.filter((p) => p.coverage === 'other').map((p) => p.description)).toEqual(['Professional Liability', 'Cyber Liability']);
  });

  it("places the WC row's E.L. lines by its name, level with PER STATUTE, when OCR garbled every E.L. label", () => {
    const garble = {
      'E.L. EACH ACCIDENT': 'eacH AccioenT',
      'E.L. DISEASE - EA EMPLOYEE': 'eaempLovee',
      'E.L. DISEASE - POLICY LIMIT': '£.L. POLICY LWT',
      'OFFICER/MEMBER EXCLUDED?': 'ANYPROPRIE TOR/IPARTNER',
      '(Mandatory in NH)': 'Siandatory in Ni)',
      'If yes, describe under': 'ir',
      'DESCRIPTION OF OPERATIONS below': 'ATION &8 OPERATIONS',
    };
    const x = ocrRead(withInsurers(garble));
    const wc = x.policies.find((p) => p.coverage === 'workers_compensation')!;
    expect(wc.policyNumber).toBe('WC 2269963-26');
    expect(wc.limits).toEqual({ el_each_accident: 1_000_000, el_disease_each_employee: 1_000_000, el_disease_policy_limit: 1_000_000 });
    expect(x.policies.filter((p) => p.coverage === 'other').map((p) => p.description)).toEqual(['Professional Liability', 'Cyber Liability']);
  });

  it("drops a first digit read where the '$' is printed ('11,000,000' for '$1,000,000'), and keeps one right of it", () => {
    const x = ocrRead(
      withInsurers({}).flatMap((p): Place[] => {
        if (p[0] === '$' && p[2] === 302) return [];
        if (p[0] === '1,000,000' && p[2] === 300) return [['11,000,000', 518, 300, 8]];
        return [p];
      }),
    );
    expect(x.policies.find((p) => p.coverage === 'general_liability')!.limits.each_occurrence).toBe(1_000_000);
    // the same read a character before where the other amounts begin, its '$' still read on its own
    const before = ocrRead(withInsurers({}).map(([t, ...rest]): Place => (t === '1,000,000' && rest[1] === 300 ? ['11,000,000', 523, 300, 8] : [t, ...rest])));
    expect(before.policies.find((p) => p.coverage === 'general_liability')!.limits.each_occurrence).toBe(1_000_000);
    const real = ocrRead(withInsurers({}).map(([t, ...rest]): Place => [t === '1,000,000' && rest[1] === 300 ? '11,000,000' : t, ...rest]));
    expect(real.policies.find((p) => p.coverage === 'general_liability')!.limits.each_occurrence).toBe(11_000_000);
    // and with every amount read without its commas ('1300000' for '$300,000')
    const plain = (places: Place[]) => places.map(([t, ...rest]): Place => [/^\d{1,3}(?:,\d{3})+$/.test(t) && rest[0] > 500 ? t.replace(/,/g, '') : t, ...rest]);
    const bare = ocrRead(plain(withInsurers({})).map(([t, x, y, size]): Place => (t === '300000' ? ['1300000', 523, y, size] : [t, x, y, size])));
    expect(bare.policies.find((p) => p.coverage === 'general_liability')!.limits.damage_to_rented_premises).toBe(300_000);
    const bareReal = ocrRead(plain(withInsurers({})).map(([t, ...rest]): Place => [t === '300000' ? '1300000' : t, ...rest]));
    expect(bareReal.policies.find((p) => p.coverage === 'general_liability')!.limits.damage_to_rented_premises).toBe(1_300_000);
  });

  it("reads amounts with the limit line's '$' glued on as a word of its own ('is 100,000', 'js: 250,000')", () => {
    const glued: Record<string, string> = { '5,000': ',s 5,000', '1,000,000': '(S 1,000,000', '2,000,000': '"5 2,000,000', '5,000,000': '5 5,000,000', '3,000,000': '3 3000,000', '10,000': '8 10000', '300,000': '3 300,000' };
    // and a '$' typed with the amount after the printed one, read with it
    const typed: Record<string, string> = { '5,000': "i's $5.000", '300,000': 's_$300,000', '2,000,000': '5 $2,000,000', '1,000,000': 'Ss. $1,000,000' };
    // (the typed '$' read as a 5: '55,000', '52,000,000'; a limit of 5 and another digit keeps its comma, '5,500,000')
    const fives = ocrRead(
      withInsurers({}).map(([text, ...rest]): Place => [({ '5,000': 's 55,000', '2,000,000': 's 52,000,000', '300,000': '5,500,000' } as Record<string, string>)[text] ?? text, ...rest]),
    );
    const f = fives.policies.find((p) => p.coverage === 'general_liability')!;
    expect([f.limits.medical_expense, f.limits.general_aggregate, f.limits.damage_to_rented_premises]).toEqual([5_000, 2_000_000, 5_500_000]);
    // and with its commas lost too
    expect(['51000000', '5100000', '5000000', '5500000', '5,000,000', '51,000'].map((t) => withoutTypedDollar(t))).toEqual([1_000_000, 100_000, null, 500_000, null, 1_000]);
    // a 3 or 8 only where the page shows typed '$'s
    expect(['35,000,000', '85,000', '32000000'].map((t) => withoutTypedDollar(t))).toEqual([null, null, null]);
    expect(['35,000,000', '85,000', '32000000', '30,000,000'].map((t) => withoutTypedDollar(t, '358'))).toEqual([5_000_000, 5_000, 2_000_000, null]);
    const typedAs = (reads: Record<string, string>) => ocrRead(withInsurers({}).map(([text, ...rest]): Place => [reads[text] ?? text, ...rest])).policies.find((p) => p.coverage === 'general_liability')!;
    const eights = typedAs({ '5,000': '85,000', '2,000,000': '32,000,000' });
    expect([eights.limits.medical_expense, eights.limits.general_aggregate]).toEqual([5_000, 2_000_000]);
    expect(typedAs({ '5,000': '85,000' }).limits.medical_expense).toBe(85_000);
    const t = ocrRead(withInsurers({}).map(([text, ...rest]): Place => [typed[text] ?? text, ...rest])).policies.find((p) => p.coverage === 'general_liability')!;
    expect([t.limits.medical_expense, t.limits.damage_to_rented_premises, t.limits.general_aggregate, t.limits.each_occurrence]).toEqual([5_000, 300_000, 2_000_000, 1_000_000]);
    const x = ocrRead(withInsurers({}).map(([t, ...rest]): Place => [glued[t] ?? t, ...rest]));
    const gl = x.policies.find((p) => p.coverage === 'general_liability')!;
    // (where it is placed at all, the amount is the next line's)
    for (const [key, amount] of Object.entries(gl.limits)) if (amount === 300_000) expect(key).toBe('damage_to_rented_premises');
    expect(gl.limits.medical_expense).toBe(5_000);
    expect(gl.limits.general_aggregate).toBe(2_000_000);
    expect(gl.limits.each_occurrence).toBe(1_000_000);
    // (the '$' read as a stroke and a 3 on a photo, '13')
    const thirteen = ocrRead(withInsurers({}).map(([t, ...rest]): Place => [t === '2,000,000' ? '13 2,000,000' : t, ...rest])).policies.find((p) => p.coverage === 'general_liability')!;
    expect(thirteen.limits.general_aggregate).toBe(2_000_000);
    // a bare 3 or 5 before a whole amount grouped by commas is the '$' too
    expect(x.policies.find((p) => p.coverage === 'umbrella_liability' || p.coverage === 'excess_liability')!.limits.each_occurrence).toBe(5_000_000);
    expect(x.policies.find((p) => p.policyNumber === 'CY-2')!.limits).toEqual(expect.objectContaining({ aggregate: 3_000_000 }));
    expect(x.policies.find((p) => p.policyNumber === 'XS 8177620')!.limits.retention).toBe(10_000);
    // an amount printed with spaces for separators keeps its first digit
    const spaced = ocrRead(withInsurers({}).map(([t, ...rest]): Place => [t === '5,000' ? '5 000' : t, ...rest]));
    expect(spaced.policies.find((p) => p.coverage === 'general_liability')!.limits.medical_expense).toBe(5_000);
  });

  it("drops a '$' OCR read as any two marks and an s ('os', \";'s\", '1S', 'y s') before an amount", () => {
    const x = ocrRead(withInsurers({}).map(([t, ...rest]): Place => [({ '2,000,000': 'os 2,000,000', '1,000,000': ";'s 1000000", '5,000': '1S 5,000', '300,000': 'y s 300,000' } as Record<string, string>)[t] ?? t, ...rest]));
    const gl = x.policies.find((p) => p.coverage === 'general_liability')!;
    expect([gl.limits.each_occurrence, gl.limits.general_aggregate, gl.limits.medical_expense, gl.limits.damage_to_rented_premises]).toEqual([1_000_000, 2_000_000, 5_000, 300_000]);
  });

  it("drops a '$' OCR read as a 3 after a bracket or before an s ('(3 2,000,000', '3s 100,000'), and keeps the 1 of '10,000' boxed from the '$'", () => {
    const x = ocrRead(withInsurers({}).map(([t, ...rest]): Place => [({ '2,000,000': '(3 2,000,000', '300,000': '3s 300,000' } as Record<string, string>)[t] ?? t, ...rest]));
    const gl = x.policies.find((p) => p.coverage === 'general_liability')!;
    expect([gl.limits.general_aggregate, gl.limits.damage_to_rented_premises]).toEqual([2_000_000, 300_000]);
    expect(withoutDollarDigit(segmentOf([{ text: '10,000', x: 518, y: 100, width: 30, height: 6, confidence: 0.9 }]), 518).text).toBe('10,000');
    expect(withoutDollarDigit(segmentOf([{ text: '11,000,000', x: 518, y: 100, width: 40, height: 6, confidence: 0.9 }]), 518).text).toBe('1,000,000');
  });

  it("reads a two-line limit label by its second line when OCR garbled its first, and a '$' read as 's'", () => {
    const places = withInsurers({ 'DAMAGE TO RENTED': 'AMAGE 10 RENTED' }).map(([t, ...rest]): Place => [t === '$' ? 's' : t, ...rest]);
    const x = ocrRead(places);
    const gl = x.policies.find((p) => p.coverage === 'general_liability')!;
    // (where it is placed at all, the amount is the next line's)
    for (const [key, amount] of Object.entries(gl.limits)) if (amount === 300_000) expect(key).toBe('damage_to_rented_premises');
    expect(gl.limits.each_occurrence).toBe(1_000_000);
  });

  it("joins a policy number OCR split over two lines, its letters' box taller than the line", () => {
    const places = withInsurers({}).flatMap(([t, x, y, ...rest]): Place[] => (t === 'PKG 4601985-24' ? [['PKG', 217, 330, 12], ['4601985-24', 236, 337, 8]] : [[t, x, y, ...rest]]));
    const x = ocrRead(places);
    expect(x.policies.filter((p) => p.coverage === 'general_liability').map((p) => p.policyNumber)).toEqual(['PKG 4601985-24']);
  });

  it('gives no row a limit label above the rows printed before it when OCR lost both row labels', () => {
    // the GL row's EACH OCCURRENCE, above the automobile row, is not the umbrella's
    const lost = ocrRead(withInsurers({ 'COMMERCIAL GENERAL LIABILITY': 'xx', 'UMBRELLA LIAB': 'uu' }));
    expect(lost.policies.find((p) => p.policyNumber === 'PKG 4601985-24')!.coverage).toBe('general_liability');
    expect(lost.policies.find((p) => p.policyNumber === 'PKG 4601985-24')!.limits.each_occurrence).toBe(1_000_000);
  });

  it("gives a label no amount from the next limit line when OCR lost its own amount and the next line's label", () => {
    const places = withInsurers({ 'DAMAGE TO RENTED': 'OAAGE', 'PREMISES (Ea occurrence)': 'PRE!' })
      .filter(([t, , y]) => !(t === '1,000,000' && y === 300))
      .map(([t, x, y, ...rest]): Place => (t === '300,000' ? [t, 527, 308, 6] : [t, x, y, ...rest]));
    const gl = ocrRead(places).policies.find((p) => p.coverage === 'general_liability')!;
    expect(gl.limits.each_occurrence).toBeUndefined();
    // (where it is placed at all, the amount is the next line's)
    for (const [key, amount] of Object.entries(gl.limits)) if (amount === 300_000) expect(key).toBe('damage_to_rented_premises');
  });

  it('keeps each amount with its own label when OCR set the limit lines close together', () => {
    // DAMAGE TO RENTED / PREMISES pressed up under EACH OCCURRENCE, the first amount a little above its label
    const moved: Record<string, [number, number]> = { 'DAMAGE TO RENTED': [428, 306], 'PREMISES (Ea occurrence)': [428, 309.5], '300,000': [527, 305] };
    const places = withInsurers({}).map(([t, x, y, ...rest]): Place => (moved[t] ? [t, ...moved[t]!, ...rest] : t === '1,000,000' && y === 300 ? [t, x, 297, ...rest] : [t, x, y, ...rest]));
    const gl = ocrRead(places).policies.find((p) => p.coverage === 'general_liability')!;
    expect(gl.limits.each_occurrence).toBe(1_000_000);
    // (where it is placed at all, the amount is the next line's)
    for (const [key, amount] of Object.entries(gl.limits)) if (amount === 300_000) expect(key).toBe('damage_to_rented_premises');
  });

  it("reads a retention OCR set a little high with a '.' for its comma, and takes no '+' for a policy number", () => {
    const places = withInsurers({ 'RETENTION $': 'ReTENTIONS' }).map(([t, x, y, ...rest]): Place => (t === '10,000' ? ['10.000', x, 467, ...rest] : [t, x, y, ...rest]));
    places.push(['+', 232, 305, 8]);
    const x = ocrRead(places);
    const umbrella = x.policies.find((p) => p.coverage === 'umbrella_liability' || p.coverage === 'excess_liability')!;
    expect(umbrella.limits.retention).toBe(10_000);
    expect(x.policies.map((p) => p.policyNumber)).not.toContain('+');
    expect(x.policies.filter((p) => p.coverage === 'general_liability')).toHaveLength(1);
  });

  it("reads a retention whose label OCR ran into the DED box's marks ('OED XX\" RETENTIONS'), or set below the next row's top", () => {
    const retention = (places: Place[]) => ocrRead(places).policies.find((p) => p.policyNumber === 'XS 8177620')!.limits.retention;
    const joined = withInsurers({}).flatMap(([t, x, y, ...rest]): Place[] => (t === 'DED' ? [] : t === 'RETENTION $' ? [['OED XX" RETENTIONS', 54, y, ...rest]] : [[t, x, y, ...rest]]));
    expect(retention(joined)).toBe(10_000);
    // the WORKERS COMPENSATION label boxed from a little above the RETENTION line, which falls in the WC row's band
    const low = withInsurers({}).map(([t, x, y, ...rest]): Place => (t === 'WORKERS COMPENSATION' ? [t, x, 473, 15] : [t, x, y, ...rest]));
    expect(retention(low)).toBe(10_000);
  });

  it("takes a retention the strip read as no amount ('10,00': a typed '$10,000' cut short) by its whole-page reading", () => {
    const read = (text: string, readings?: string[]) => {
      const p = page(withInsurers({}), { source: 'ocr' } as never);
      p.words = p.words.map((w) => (w.text === '10,000' ? { ...w, text, readings } : w));
      return acord25FromWords([p], { pages: 1, method: 'ocr' }).policies.find((q) => q.policyNumber === 'XS 8177620')!.limits.retention;
    };
    expect(read('10,00', ['$10,000'])).toBe(10_000);
    expect(read('10,00')).toBeUndefined();
  });

  it("takes the amount on the umbrella row's last line in the TYPE column for the retention when its label is illegible ('rerenmons')", () => {
    const x = ocrRead(withInsurers({ 'RETENTION $': 'rerenmons', DED: 'oeo' }));
    expect(x.policies.find((p) => p.policyNumber === 'XS 8177620')!.limits.retention).toBe(10_000);
    expect(x.warnings.some((w) => /RETENTION label was not legible/.test(w))).toBe(true);
    // no amount there, no retention
    const none = ocrRead(withInsurers({ 'RETENTION $': 'rerenmons', DED: 'oeo' }).filter(([t]) => t !== '10,000'));
    expect(none.policies.find((p) => p.policyNumber === 'XS 8177620')!.limits.retention).toBeUndefined();
    // the garbled label and the amount after its '$' read as one segment ('Retenmons $25,000')
    const joined = ocrRead(withInsurers({ 'RETENTION $': 'Retenmons $10,000', DED: 'oeo' }).filter(([t]) => t !== '10,000'));
    expect(joined.policies.find((p) => p.policyNumber === 'XS 8177620')!.limits.retention).toBe(10_000);
    // or its '$' lost, the amount grouped by a point ('revenmions 10.000')
    const bare = ocrRead(withInsurers({ 'RETENTION $': 'revenmions 10.000', DED: 'oeo' }).filter(([t]) => t !== '10,000'));
    expect(bare.policies.find((p) => p.policyNumber === 'XS 8177620')!.limits.retention).toBe(10_000);
  });

  it("takes the retention beside its label past a speck read '0' nearer the label's line", () => {
    const places = withInsurers({}).map(([t, x, y, ...rest]): Place => (t === '10,000' ? [t, x, 467, ...rest] : [t, x, y, ...rest]));
    places.push(['0', 150, 474, 3]);
    expect(ocrRead(places).policies.find((p) => p.policyNumber === 'XS 8177620')!.limits.retention).toBe(10_000);
  });

  it('takes no speck read as a digit beside RETENTION $ in an empty umbrella row for a policy', () => {
    const umbrellaRow = new Set(['XS 8177620', 'MM/DD/YYYY', '5,000,000', '10,000']);
    const places = withInsurers({}).flatMap(([t, x, y, ...rest]): Place[] => (umbrellaRow.has(t) || (y >= 440 && y <= 472 && t !== 'RETENTION $' && !/[A-Z]{3}/.test(t)) ? [] : [[t, x, y, ...rest]]));
    places.push(['3', 134, 471, 6]);
    const x = ocrRead(places);
    expect(x.policies.filter((p) => p.coverage === 'umbrella_liability' || p.coverage === 'excess_liability')).toEqual([]);
    // a retention read there is kept
    places.pop();
    places.push(['XS 1', 217, 457, 8], ['25,000', 134, 471, 8]);
    expect(ocrRead(places).policies.find((p) => p.policyNumber === 'XS 1')!.limits.retention).toBe(25_000);
  });

  it("takes a limit read with a 6 or 8 for its second digit ('1,600,000') for the round amount read elsewhere in the grid", () => {
    const slip = (to: string) => ocrRead(withInsurers({}).map(([t, x, y, ...rest]): Place => [t === '1,000,000' && y === 493 ? to : t, x, y, ...rest]));
    const wc = (x: ReturnType<typeof ocrRead>) => x.policies.find((p) => p.coverage === 'workers_compensation')!.limits;
    expect(wc(slip('1,600,000')).el_each_accident).toBe(1_000_000);
    expect(wc(slip('1,800,000')).el_each_accident).toBe(1_000_000);
    // no such round amount read elsewhere, or no such slip: kept
    expect(wc(slip('4,600,000')).el_each_accident).toBe(4_600_000);
    expect(wc(slip('1,500,000')).el_each_accident).toBe(1_500_000);
  });

  it("keeps an insurer letter OCR ran into the row's printed label on its line ('C OFFICER/MEMBER EXCLUDED?')", () => {
    const places = withInsurers({}).flatMap(([t, x, y, ...rest]): Place[] => {
      if (t === 'C' && x === 24 && y === 499) return [];
      if (t === 'OFFICER/MEMBER EXCLUDED?') return [['C OFFICER/MEMBER EXCLUDED?', 24, 499, 6]];
      return [[t, x, y, ...rest]];
    });
    expect(ocrRead(places).policies.find((p) => p.coverage === 'workers_compensation')!.insurerLetter).toBe('C');
  });

  it("keeps a limit label OCR boxed with a mark under it, twice a line high, in its own row", () => {
    // (the row's other limit labels garbled, so that the amount is placed by its label alone)
    const garbled = { 'BODILY INJURY (Per person)': 'sooty', 'BODILY INJURY (Per accident)': 'so', 'COMBINED SINGLE LIMIT': 'GOMB', '(Ea accident)': '(Ea' };
    const p = page([...withInsurers(garbled), ['100,000', 527, 419, 8]], { source: 'ocr' } as never);
    // PROPERTY DAMAGE (y 419) boxed 14 pt high: twice that reaches the umbrella row's label (446)
    for (const w of p.words) if ((w.text === 'PROPERTY' || w.text === 'DAMAGE') && w.y === 419) w.height = 14;
    const autos = acord25FromWords([p], { pages: 1, method: 'ocr' }).policies.filter((x) => x.coverage === 'automobile_liability');
    expect(autos[0]!.limits.property_damage_per_accident ?? autos[1]!.limits.property_damage_per_accident).toBe(100_000);
  });

  it("takes the flag read in a flag column over a speck above it ('t'), and no stroke for a flag", () => {
    const places = [...withInsurers({}), ['t', 200, 310, 3] as Place];
    const gl = ocrRead(places).policies.find((p) => p.policyNumber === 'PKG 4601985-24')!;
    expect(gl.subrogationWaived).toBe(true);
    // a stroke read as '1' where no flag was read is no flag (a form field's 1 is)
    const stroke = ocrRead([...withInsurers({}), ['1', 203, 457, 6] as Place]).policies.find((p) => p.policyNumber === 'XS 8177620')!;
    expect(stroke.subrogationWaived).toBe(false);
    // a Y read as '¥' (its arm gone with the column's rule) is a Y
    const yen = ocrRead([...withInsurers({}), ['¥', 203, 457, 6] as Place]);
    expect(yen.policies.find((p) => p.policyNumber === 'XS 8177620')!.subrogationWaived).toBe(true);
    expect(yen.warnings.some((w) => w.includes('¥'))).toBe(false);
    // a Y read doubled (typed against the rule, the printed 'N/A' beside it), or with the rule's remnant as an X, is a
    // mark; a Y and an N are no flag
    expect(ocrRead([...withInsurers({}), ['YY', 203, 457, 6] as Place]).policies.find((p) => p.policyNumber === 'XS 8177620')!.subrogationWaived).toBe(true);
    expect(ocrRead([...withInsurers({}), ['XY', 203, 457, 6] as Place]).policies.find((p) => p.policyNumber === 'XS 8177620')!.subrogationWaived).toBe(true);
    expect(ocrRead([...withInsurers({}), ['NY', 203, 457, 6] as Place]).policies.find((p) => p.policyNumber === 'XS 8177620')!.subrogationWaived).toBe(false);
  });

  it("takes a row's dates read as no one-year term for other rows' term a confused digit away ('02/28/2027' for 02/26/2027)", () => {
    const places = withInsurers({}).map((p): Place => (p[0] === '02/26/2027' && p[2] === 337 ? ['02/28/2027', ...p.slice(1)] as Place : p));
    const read = ocrRead(places);
    expect(read.policies.find((p) => p.policyNumber === 'PKG 4601985-24')!.expirationDate).toBe('2027-02-26');
    expect(read.warnings.some((w) => w.includes("another row's term"))).toBe(true);
  });

  it("leaves a row's dates read surely as one day as printed, with a warning, and mends them where read unsurely", () => {
    const sameDay = (confidence: number) => withInsurers({}).map((p): Place => (p[0] === '02/26/2027' && p[2] === 337 ? ['02/26/2026', p[1], p[2], p[3], confidence] : p));
    const surely = ocrRead(sameDay(0.95));
    const pkg = (x: typeof surely) => x.policies.find((p) => p.policyNumber === 'PKG 4601985-24')!;
    expect([pkg(surely).effectiveDate, pkg(surely).expirationDate]).toEqual(['2026-02-26', '2026-02-26']);
    expect(surely.warnings).toContain('general liability: dates read 2026-02-26 to 2026-02-26, one day, both surely: left as printed');
    const unsurely = ocrRead(sameDay(0.6));
    expect([pkg(unsurely).effectiveDate, pkg(unsurely).expirationDate]).toEqual(['2026-02-26', '2027-02-26']);
  });

  it("takes no speck read as a digit in an empty row's date column ('1') for a policy", () => {
    const otherRow = new Set(['Professional Liability', 'PL-1', 'Each Claim', 'Cyber Liability', 'CY-2', 'Aggregate', '3,000,000']);
    const places = withInsurers({}).filter(([t, , y]) => !otherRow.has(t) && !(y >= 528 && y <= 547 && /^(D|\d.*)$/.test(t)));
    expect(ocrRead(places).policies.filter((p) => p.coverage === 'other')).toEqual([]);
    places.push(['1', 390, 535, 4]);
    expect(ocrRead(places).policies.filter((p) => p.coverage === 'other')).toEqual([]);
  });

  it("takes the holder's box by its label in capitals, not a description's 'certificate holder' set on a segment of its own", () => {
    for (const method of ['ocr', 'text'] as const) {
      const places = withInsurers({}).filter(([t]) => t !== 'Cafe operations. Holder is additional insured.');
      // (the description's words parted where OCR parts a typewriter's line: 'certificate holder' alone on its segment)
      places.push(['Waiver of subrogation applies in favor of the', 23, 578, 8], ['certificate holder', 23, 590, 8], ['on general liability and auto liability.', 120, 590, 8]);
      places.push(['Notice of cancellation', 23, 602, 8], ['per policy provisions.', 140, 602, 8]);
      const x = acord25FromWords([page(places, { source: method } as never)], { pages: 1, method });
      expect(x.certificateHolder.name).toBe('Underwood Enterprises, Inc.');
      expect(x.descriptionOfOperations).toContain('on general liability and auto liability.');
      expect(x.descriptionOfOperations).toContain('per policy provisions.');
    }
  });

  it('parts a name and its street run over the line break, by the company form word between them', () => {
    const holder = (a: string, b: string) =>
      withInsurers({}).map(([t, ...rest]): Place => [t === 'Underwood Enterprises, Inc.' ? a : t === '2264 Wilkinson Blvd' ? b : t, ...rest]);
    for (const method of ['ocr', 'text'] as const) {
      const read = (places: Place[]) => acord25FromWords([page(places, { source: method } as never)], { pages: 1, method }).certificateHolder;
      // the street begun on the name's line
      const run = read(holder('Underwood Enterprises, Inc. 8 Three', 'Chopt Rd Suite 14'));
      expect([run.name, run.address?.lines, run.address?.city]).toEqual(['Underwood Enterprises, Inc.', ['8 Three', 'Chopt Rd Suite 14'], 'Concord']);
      // the form word begun on the street's line
      const wrapped = read(holder('Underwood Enterprises', 'Inc 2264 Wilkinson Blvd'));
      expect([wrapped.name, wrapped.address?.lines]).toEqual(['Underwood Enterprises Inc', ['2264 Wilkinson Blvd']]);
      // a number that is part of the name stays in it
      const named = read(holder('Property Company 1 LLC', '2264 Wilkinson Blvd'));
      expect([named.name, named.address?.lines]).toEqual(['Property Company 1 LLC', ['2264 Wilkinson Blvd']]);
    }
  });

  it("mends a company's closing Inc. run into the word before it, and LLC after a comma read one letter wrong", () => {
    expect(['Meridian Umbrella Underwritersinc.', 'Easton Corporate Center Owner, ELC', 'Acme, LLG', 'Acme Zinc.', 'Acme Holdings, Inc.', 'Acme ELC', 'Sparkle Services LL.C', 'Acme L.LC', 'Acme L.L.C.', 'Yates Holdings LL.C DBA Okafor Electric', 'Meridian Umbrella Underwriters Ine', 'Flow Wellness Studios, Ing.', 'Acme, Ine.', 'Acme Ing', 'Acme Inc', 'Ine', 'Sunrise Property Services LLG', 'LLG'].map(ocrCompanySuffix)).toEqual([
      'Meridian Umbrella Underwriters Inc.',
      'Easton Corporate Center Owner, LLC',
      'Acme, LLC',
      'Acme Zinc.',
      'Acme Holdings, Inc.',
      'Acme ELC',
      'Sparkle Services LLC',
      'Acme LLC',
      'Acme L.L.C.',
      'Yates Holdings LLC DBA Okafor Electric',
      'Meridian Umbrella Underwriters Inc.',
      'Flow Wellness Studios, Inc.',
      'Acme, Inc.',
      'Acme Ing',
      'Acme Inc',
      'Ine',
      'Sunrise Property Services LLC',
      'LLG',
    ]);
    const places = withInsurers({}).map(([t, ...rest]): Place => [t === 'Underwood Enterprises, Inc.' ? 'Underwood Enterprises, ELC' : t === 'Keystone Employers Assurance Co.' ? 'Keystone Employers Assuranceinc.' : t, ...rest]);
    const x = ocrRead(places);
    expect(x.certificateHolder.name).toBe('Underwood Enterprises, LLC');
    expect(x.insurers.map((i) => i.name)).toContain('Keystone Employers Assurance Inc.');
  });

  it("mends an insurer's closing 'Co.' read one letter wrong, and keeps it", () => {
    const places = withInsurers({}).map(([t, ...rest]): Place => [t === 'Keystone Employers Assurance Co.' ? 'Keystone Employers Assurance Ce.' : t, ...rest]);
    expect(ocrRead(places).insurers.map((i) => i.name)).toContain('Keystone Employers Assurance Co.');
    const go = withInsurers({}).map(([t, ...rest]): Place => [t === 'Keystone Employers Assurance Co.' ? 'Keystone Employers Assurance Go.' : t, ...rest]);
    expect(ocrRead(go).insurers.map((i) => i.name)).toContain('Keystone Employers Assurance Co.');
  });

  it("mends an insurer's word OCR read as another English word ('Specially' for Specialty, 'CASUALLY' for CASUALTY)", () => {
    const places = withInsurers({}).map(([t, ...rest]): Place => [
      t === 'Keystone Employers Assurance Co.' ? 'Keystone Specially Assurance Co.' : t === 'Union Trades Comp Insurance Company' ? 'UNION FIRE & CASUALLY COMPANY' : t,
      ...rest,
    ]);
    const names = ocrRead(places).insurers.map((i) => i.name);
    expect(names).toContain('Keystone Specialty Assurance Co.');
    expect(names).toContain('UNION FIRE & CASUALTY COMPANY');
  });

  it("drops a stray mark OCR read after an insurer's closing word", () => {
    const places = withInsurers({}).map(([t, ...rest]): Place => [t === 'Union Trades Comp Insurance Company' ? 'Union Trades Comp Insurance Company r' : t === 'Keystone Employers Assurance Co.' ? 'Keystone Employers Assurance Co. of' : t, ...rest]);
    const names = ocrRead(places).insurers.map((i) => i.name);
    expect(names).toContain('Union Trades Comp Insurance Company');
    expect(names).toContain('Keystone Employers Assurance Co.');
    // marks of mixed case and punctuation ('oY', 'oo!'); a company's own suffix after its closing word stays
    const mixed = withInsurers({}).map(([t, ...rest]): Place => [
      ({ 'Union Trades Comp Insurance Company': 'Union Trades Comp Insurance Company oo!', 'Keystone Employers Assurance Co.': 'Keystone Employers Assurance Co. oY', 'Harborview Specialty Insurance Company': 'Harborview Specialty Insurance Company Inc.' } as Record<string, string>)[t] ?? t,
      ...rest,
    ]);
    const mixedNames = ocrRead(mixed).insurers.map((i) => i.name);
    expect(mixedNames).toEqual(expect.arrayContaining(['Union Trades Comp Insurance Company', 'Keystone Employers Assurance Co.', 'Harborview Specialty Insurance Company Inc.']));
    // (the closing word read twice, 'Co. Co': one is kept; what is left of a garbled INSURER label before the name,
    // 'y: ', '3: '; two marks after it, 'oo I'; 'Co' after 'Company')
    const marks: Record<string, string> = { 'Union Trades Comp Insurance Company': 'y: Union Trades Comp Insurance Company Co', 'Harborview Specialty Insurance Company': '3: Harborview Specialty Insurance Company oo I' };
    const marked = ocrRead(withInsurers({}).map(([t, ...rest]): Place => [marks[t] ?? t, ...rest])).insurers.map((i) => i.name);
    expect(marked).toEqual(expect.arrayContaining(['Union Trades Comp Insurance Company', 'Harborview Specialty Insurance Company']));
    expect(ocrRead(withInsurers({}).map(([t, ...rest]): Place => [t === 'Keystone Employers Assurance Co.' ? 'Keystone Employers Assurance Co. Co' : t, ...rest])).insurers.map((i) => i.name)).toContain('Keystone Employers Assurance Co.');
    // (two marks neither of them a rule's piece, 'oo r', and a quote OCR made of a speck before the name)
    const quoted = ocrRead(withInsurers({}).map(([t, ...rest]): Place => [t === 'Union Trades Comp Insurance Company' ? '"Union Trades Comp Insurance Company oo r' : t, ...rest]));
    expect(quoted.insurers.map((i) => i.name)).toContain('Union Trades Comp Insurance Company');
  });

  it("takes the amount on an auto row's first line for its combined single limit when OCR garbled every label above the last", () => {
    const garble = { 'COMBINED SINGLE LIMIT': 'cowamen', '(Ea accident)': 'E accuse', 'BODILY INJURY (Per person)': '“Bonen UY', 'BODILY INJURY (Per accident)': 'acoden)', '(Per accident)': 'Pe' };
    // (its amount set a little low, as a photo's OCR boxes it: two and a half lines above PROPERTY DAMAGE, on none)
    const x = ocrRead(withInsurers(garble).filter(([t, x, y]) => !(t === '1,000,000' && x === 527 && y === 385)).concat([['1,000,000', 527, 388, 8]]));
    const autos = x.policies.filter((p) => p.coverage === 'automobile_liability');
    expect(autos.map((p) => p.limits.combined_single_limit)).toContain(1_000_000);
    expect(x.warnings.some((w) => w.includes('taken for combined single limit by its line'))).toBe(true);
  });

  it("places an amount by a two-line label's middle, its second line's bracket read '{' ('{Per accident)')", () => {
    // only PROPERTY DAMAGE read of the auto row's labels, its second line '{Per accident)'; its amount between the two
    // lines, and another on the BODILY INJURY (Per accident) line
    const garble = { 'COMBINED SINGLE LIMIT': 'cowamen', '(Ea accident)': 'E accuse', 'BODILY INJURY (Per person)': '“Bonen UY', 'BODILY INJURY (Per accident)': 'acoden)', '(Per accident)': '{Per accident)' };
    const places = withInsurers(garble)
      .filter(([t, x, y]) => !(t === '1,000,000' && x === 527 && y === 385))
      .concat([['500,000', 527, 410, 8], ['100,000', 527, 423, 8]]);
    const autos = ocrRead(places).policies.filter((p) => p.coverage === 'automobile_liability');
    expect(autos.flatMap((p) => Object.entries(p.limits))).toEqual(expect.arrayContaining([['bodily_injury_per_accident', 500_000], ['property_damage_per_accident', 100_000]]));
  });

  it('places an amount whose label OCR garbled by the labels read around it, though their lines are blank', () => {
    // the auto row's only amount is on the BODILY INJURY (Per accident) line, whose label is garbled
    const places = withInsurers({ 'BODILY INJURY (Per accident)': 'acoden)' })
      .filter(([t, x, y]) => !(t === '1,000,000' && x === 527 && y === 385))
      .concat([['500,000', 527, 409, 8]]);
    const autos = ocrRead(places).policies.filter((p) => p.coverage === 'automobile_liability');
    expect(autos.map((p) => p.limits.bodily_injury_per_accident)).toContain(500_000);
  });

  it('takes the reading of a date cell read twice that is a date, or that the row confirms', () => {
    const gl = (x: ReturnType<typeof ocrRead>) => x.policies.find((p) => p.coverage === 'general_liability')!;
    const plain = gl(ocrRead(withInsurers({})));
    const at = (w: Word, x: number, y: number) => Math.abs(w.x - x) < 0.5 && Math.abs(w.y - y) < 0.5;
    // the strip read '2127126'-like slips for both of the GL row's dates; the whole-page pass read the effective date
    // plainly and the expiration date with a slip of its own
    const reread = (readings: [string, string]) => {
      const p = page(withInsurers({}), { source: 'ocr' } as never);
      p.words = p.words.map((w) =>
        at(w, 334, 337) ? { ...w, text: '0212612026', readings: [readings[0]] } : at(w, 381, 337) ? { ...w, text: '0212612023', readings: [readings[1]] } : w,
      );
      return gl(acord25FromWords([p], { pages: 1, method: 'ocr' }));
    };
    const both = reread(['02/26/2026', '0212612027']);
    expect([both.effectiveDate, both.expirationDate]).toEqual([plain.effectiveDate, plain.expirationDate]);
    expect(plain.expirationDate).toBe('2027-02-26');
    // a cell read with too few digits to be a date ('026') whose other reading is one
    const p3 = page(withInsurers({}), { source: 'ocr' } as never);
    p3.words = p3.words.map((w) => (at(w, 334, 337) ? { ...w, text: '026', readings: ['02/26/2026'] } : w));
    expect(gl(acord25FromWords([p3], { pages: 1, method: 'ocr' })).effectiveDate).toBe(plain.effectiveDate);
    // readings the row does not confirm give no date
    const neither = reread(['0212612026', '0211612028']);
    expect([neither.effectiveDate, neither.expirationDate]).toEqual([null, null]);
    // the certificate date's cell likewise
    const p = page(withInsurers({}), { source: 'ocr' } as never);
    p.words = p.words.map((w) => (at(w, 530, 37) ? { ...w, text: '0310212026', readings: ['03/02/2026'] } : w));
    expect(acord25FromWords([p], { pages: 1, method: 'ocr' }).certificateDate).toBe('2026-03-02');
  });

  /** The certificate read by OCR with the certificate date's cell as given: its text and other readings. */
  const readCertificateDate = (text: string, readings?: string[]) => {
    const at = (w: Word) => Math.abs(w.x - 530) < 0.5 && Math.abs(w.y - 37) < 0.5;
    const p = page(withInsurers({}), { source: 'ocr' } as never);
    p.words = p.words.map((w) => (at(w) ? { ...w, text, readings } : w));
    return acord25FromWords([p], { pages: 1, method: 'ocr' });
  };
  /** The certificate read by OCR with the GL row's date cells as given: each its text and other readings. */
  const readGlDates = (eff: [string, string[]?], exp: [string, string[]?]) => {
    const at = (w: Word, x: number, y: number) => Math.abs(w.x - x) < 0.5 && Math.abs(w.y - y) < 0.5;
    const p = page(withInsurers({}), { source: 'ocr' } as never);
    p.words = p.words.map((w) => (at(w, 334, 337) ? { ...w, text: eff[0], readings: eff[1] } : at(w, 381, 337) ? { ...w, text: exp[0], readings: exp[1] } : w));
    return acord25FromWords([p], { pages: 1, method: 'ocr' });
  };
  const gl = (x: ReturnType<typeof acord25FromWords>) => x.policies.find((p) => p.coverage === 'general_liability')!;

  it("takes the other reading of a row's date when the two read are dates a term of no whole year apart and it makes one", () => {
    const read = readGlDates;
    // the strip read 03/26 for the effective date's 02/26, the whole-page pass read it right
    const x = read(['03/26/2026', ['02/26/2026']], ['02/26/2027']);
    expect([gl(x).effectiveDate, gl(x).expirationDate]).toEqual(['2026-02-26', '2027-02-26']);
    expect(x.warnings.some((w) => w.includes('03/26/2026'))).toBe(true);
    // likewise for the expiration date
    const y = read(['02/26/2026'], ['02/28/2027', ['02/26/2027']]);
    expect(gl(y).expirationDate).toBe('2027-02-26');
    // with no reading that makes a whole year, or two that do, the dates stay as read
    expect(gl(read(['03/26/2026', ['03/28/2026']], ['02/26/2027'])).effectiveDate).toBe('2026-03-26');
    const two = read(['03/26/2026', ['02/26/2026']], ['02/28/2027', ['03/26/2027', '02/26/2027']]);
    expect([gl(two).effectiveDate, gl(two).expirationDate]).toEqual(['2026-03-26', '2027-02-28']);
    // a six-month term read so stays: it is no whole year, but nothing read says otherwise
    expect(gl(read(['02/26/2026'], ['08/26/2026'])).expirationDate).toBe('2026-08-26');
    // an effective date read as none ('7737074', the 2s read 7s), beside an expiration date read plainly but wrong
    // ('7/23/2025') whose other reading makes the term with the effective cell's ('2/23/2025', '2/23/2024')
    const z = read(['7737074', ['2/23/2024', '2737074']], ['7/23/2025', ['2/23/2025']]);
    expect([gl(z).effectiveDate, gl(z).expirationDate]).toEqual(['2024-02-23', '2025-02-23']);
  });

  it("takes the term of a row read after it for a row whose two cells read as no term ('8212025' and '3212026', an 8 read 3)", () => {
    // every policy runs 08/21/2025 to 08/21/2026, the GL row's read first: its cells read without their slashes, the
    // expiration's 8 as 3
    const glRow = (x: number, y: number) => y === 337 && (x === 334 || x === 381);
    const read = (effective: string, expiration: string) =>
      ocrRead(
        withInsurers({}).map(([t, x, y, ...rest]): Place => {
          if (!/^\d\d\/\d\d\/\d{4}$/.test(t) || y < 300) return [t, x, y, ...rest];
          return [glRow(x, y) ? (x === 334 ? effective : expiration) : x === 334 ? '08/21/2025' : '08/21/2026', x, y, ...rest];
        }),
      );
    // (two confused digits in the expiration, '3212028': one is a reading dates() takes from other rows itself)
    const x = read('8212025', '3212028');
    expect([gl(x).effectiveDate, gl(x).expirationDate]).toEqual(['2025-08-21', '2026-08-21']);
    expect(x.warnings.filter((w) => w.startsWith('general liability'))).toEqual(['general liability: dates "8212025" and "3212028" taken for 2025-08-21 to 2026-08-21, another row\'s term, digits OCR confuses away']);
    // three confused digits from every term: no date, as before
    const far = read('8212025', '3212099');
    expect([gl(far).effectiveDate, gl(far).expirationDate]).toEqual([null, null]);
    expect(far.warnings.filter((w) => w.startsWith('general liability')).length).toBe(2);
  });

  it("takes a row's date without a stroke read as 1 before it where that makes the row's dates a whole year apart ('12/26/2026')", () => {
    const x = readGlDates(['12/26/2026'], ['02/26/2027']);
    expect([gl(x).effectiveDate, gl(x).expirationDate]).toEqual(['2026-02-26', '2027-02-26']);
    expect(x.warnings.some((w) => w.includes('"12/26/2026"') && w.includes('without a stroke'))).toBe(true);
    // no whole year without it either: as read
    const y = readGlDates(['12/26/2026'], ['02/27/2027']);
    expect([gl(y).effectiveDate, gl(y).expirationDate]).toEqual(['2026-12-26', '2027-02-27']);
  });

  it('takes the one term of a year among readings of a row that give terms as cheap and as many times', () => {
    const x = readGlDates(['2232024'], ['2232025', ['2232028']]);
    expect([gl(x).effectiveDate, gl(x).expirationDate]).toEqual(['2024-02-23', '2025-02-23']);
    expect(x.warnings).toContain('general liability: dates "2232024" and "2232025" read as 2024-02-23 to 2025-02-23, the one term of a year their readings give');
    // two terms of a year as cheap: no date
    const two = readGlDates(['2232024', ['2232027']], ['2232025', ['2232028']]);
    expect([gl(two).effectiveDate, gl(two).expirationDate]).toEqual([null, null]);
  });

  it("takes a lone policy's date from the segment read as a date, not a speck above it that was given another reading", () => {
    const p = page(withInsurers({}), { source: 'ocr' } as never);
    const date = p.words.find((w) => Math.abs(w.x - 381) < 0.5 && Math.abs(w.y - 337) < 0.5)!;
    // a speck read '1' above the expiration date, which the strip's pass gave the whole-page pass's misreading of the date
    p.words.push({ text: '1', x: date.x - 2, y: date.y - 7.7, width: 0.5, height: 2.6, confidence: 0.4, readings: ['02042099'] });
    const x = gl(acord25FromWords([p], { pages: 1, method: 'ocr' }));
    expect([x.effectiveDate, x.expirationDate]).toEqual(['2026-02-26', '2027-02-26']);
  });

  it("takes another row's term for a date cell read as none two confused digits from it, beside the term's other date read plainly ('9/76/75')", () => {
    const x = readGlDates(['02/76/2076'], ['02/26/2027']);
    expect([gl(x).effectiveDate, gl(x).expirationDate]).toEqual(['2026-02-26', '2027-02-26']);
    expect(x.warnings.some((w) => w.includes("another row's term"))).toBe(true);
    // not three digits away, nor beside a plain date the term does not hold
    expect(gl(readGlDates(['02/76/2079'], ['02/26/2027'])).effectiveDate).toBeNull();
    expect(gl(readGlDates(['02/76/2076'], ['02/27/2027'])).effectiveDate).toBeNull();
    expect(looseIso('9/76/75')).toBe('2075-09-76');
    expect(looseIso('9/76')).toBeNull();
  });

  it("takes of a row's repairs as cheap as each other the term more of its cells' readings give ('3117727': 3/17/27, not 3/1/27)", () => {
    const read = readGlDates;
    // '3/1726' is 3/17/26 with a slash lost or 3/1/26 with a slash read as 7; '31727' likewise; '3117727' only 3/17/27
    const x = read(['31726', ['3/1726']], ['31727', ['3117727']]);
    expect([gl(x).effectiveDate, gl(x).expirationDate]).toEqual(['2026-03-17', '2027-03-17']);
    expect(x.warnings.some((w) => w.includes('most readings'))).toBe(true);
    // readings as many for each: none taken
    const y = read(['31726', ['3/1726']], ['31727']);
    expect([gl(y).effectiveDate, gl(y).expirationDate]).toEqual([null, null]);
  });

  it("takes the whole-page pass's reading of an amount the strip read as none (',000,000': its first digit blanked with the '$')", () => {
    const at = (w: Word) => Math.abs(w.x - 527) < 0.5 && Math.abs(w.y - 300) < 0.5;
    const read = (text: string, readings?: string[]) => {
      const p = page(withInsurers({}), { source: 'ocr' } as never);
      p.words = p.words.map((w) => (at(w) ? { ...w, text, readings } : w));
      return acord25FromWords([p], { pages: 1, method: 'ocr' }).policies.find((q) => q.coverage === 'general_liability')!.limits;
    };
    expect(read('1,000,000').each_occurrence).toBe(1_000_000);
    expect(read(',000,000').each_occurrence).toBeUndefined();
    expect(read(',000,000', ['$1,000,000']).each_occurrence).toBe(1_000_000);
    // an amount read stays as read, whatever the other reading
    expect(read('2,000,000', ['$1,000,000']).each_occurrence).toBe(2_000_000);
    // a reading that is no amount either, or a stray digit, gives none
    expect(read(',000,000', ['$', '5']).each_occurrence).toBeUndefined();
    // and so is one opening with a 0 ('000,000': tesseract dropped the thin 1 before it)
    expect(read('000,000', ['1.000.000']).each_occurrence).toBe(1_000_000);
    // and one whose '$' the page read as two glyphs glued to it ('$S1.000,000' beside the strip's '00')
    expect(read('00', ['$S1.000,000']).each_occurrence).toBe(1_000_000);
    // with a 0 read as the letter O too ('$S1O00.000')
    expect(read('00000', ['$S1O00.000']).each_occurrence).toBe(1_000_000);
  });

  it("takes the certificate date read with a slash lost ('116/26') for the one of its repairs within the policies' term", () => {
    const read = readCertificateDate;
    // 1/6/26, 1/16/26 or 11/6/26: the policies run from 2/26/2026 to 3/17/2027
    const x = read('116/26');
    expect(x.certificateDate).toBe('2026-11-06');
    expect(x.warnings.some((w) => w.includes('116/26'))).toBe(true);
    // the strip's reading lost more ('16/26'), the block's kept it
    expect(read('16/26', ['116/26']).certificateDate).toBe('2026-11-06');
    // none of them in the term: no date
    expect(read('116/29').certificateDate).toBeNull();
    // both slashes lost, one read as 7 ('107122026' for 10/12/2026): two slips, taken only as no repair of one fits
    expect(read('107122026').certificateDate).toBe('2026-10-12');
    // a slash lost and the year's 2 read as 7 ('4/1576'), and both slashes lost ('41526': 4/15/26, or 4/5/26 with a
    // slash read as 1): of the two within the term, the one both readings give
    const y = read('4/1576', ['41526']);
    expect(y.certificateDate).toBe('2026-04-15');
    // (one slip, 10/2/2026 or 10/12/2026, both within the term, the dearer repairs not tried: the one whose digits the
    // reading shows, its slash lost, rather than one read as 1)
    expect(read('1012/2026').certificateDate).toBe('2026-10-12');
    expect(read('412/26').certificateDate).toBe('2026-04-12');
    const shown = read('41526');
    expect(shown.certificateDate).toBe('2026-04-15');
    expect(shown.warnings).toContain(`certificate date read "41526" taken for 2026-04-15, the one reading of it within the policies' term whose digits a reading shows, only its slashes lost`);
    // (a slash lost, 3/17/26, rather than one read as 7, 3/1/26: '3/1726')
    expect(read('3/1726').certificateDate).toBe('2026-03-17');
    // both slashes lost ('10082026': 10/8/2026) beside a reading that lost the month too ('082026': 8/20/2026): the one
    // whose digits, as the page prints dates ('02/26/2026'), a reading shows whole
    const z = read('10082026', ['10', '082026']);
    expect(z.certificateDate).toBe('2026-10-08');
    expect(z.warnings).toContain(`certificate date read "10082026" or "10" or "082026" taken for 2026-10-08, the one date within the policies' term whose digits a reading shows as the page prints dates, only its slashes lost`);
    // so however many slips: '110212026' is 11/02/2026 at two, a stroke before, and 10/21/2026 only beside '10212026'
    expect(read('110212026', ['10212026']).certificateDate).toBe('2026-10-21');
    // but not over a reading with a slash that is a date within the term at one slip ('102/2026': 10/2/2026, a slash
    // read as 1)
    expect(read('1012/2026', ['10122026']).certificateDate).toBe('2026-10-12');
    expect(read('102/2026', ['10212026']).certificateDate).toBe('2026-10-02');
  });

  it("judges no policy's years by a certificate date read in a year after the next ('11/06/76' for 11/06/26)", () => {
    const at = (w: Word, x: number, y: number) => Math.abs(w.x - x) < 0.5 && Math.abs(w.y - y) < 0.5;
    const read = (texts: Record<string, string>, today?: string) => {
      const p = page(withInsurers({}), { source: 'ocr' } as never);
      const place: Record<string, [number, number]> = { date: [530, 37], eff: [334, 337], exp: [381, 337] };
      p.words = p.words.map((w) => {
        const key = Object.keys(texts).find((k) => at(w, ...place[k]!));
        return key ? { ...w, text: texts[key]! } : w;
      });
      return acord25FromWords([p], { pages: 1, method: 'ocr', today });
    };
    const gl = (x: ReturnType<typeof read>) => x.policies.find((q) => q.coverage === 'general_liability')!;
    // the GL row's effective date read 2076 and its expiration no date: the row's repairs within the years a policy
    // read on 2026-11-30 may have
    const x = read({ date: '11/06/2076', eff: '02/26/2076', exp: '02/76/2027' }, '2026-11-30');
    expect(x.certificateDate).toBe('2026-11-06');
    expect([gl(x).effectiveDate, gl(x).expirationDate]).toEqual(['2026-02-26', '2027-02-26']);
    // read in 2080, 2076 is a year a policy may have: the row is left as read
    const y = read({ date: '11/06/2076', eff: '02/26/2076', exp: '02/76/2027' }, '2080-01-01');
    expect(gl(y).effectiveDate).toBe('2076-02-26');
  });

  it("takes a certificate date read whole but outside the policies' term for the one date a confused digit away within it ('2028' for 2025)", () => {
    const read = readCertificateDate;
    // the policies run from 2/26/2026 to 3/17/2027: 11/06/2028 is 11/06/2026 with its 6 read as 8
    const x = read('11/06/2028');
    expect(x.certificateDate).toBe('2026-11-06');
    expect(x.warnings.some((w) => w.includes('2028-11-06'))).toBe(true);
    // within the term: as read
    expect(read('11/06/2026').certificateDate).toBe('2026-11-06');
    // two such dates within the term (04/15/2026 and 07/15/2026): none taken
    expect(read('01/15/2026').certificateDate).toBe('2026-01-15');
    // no confused digit brings it within the term: as read
    expect(read('11/06/2031').certificateDate).toBe('2031-11-06');
    expect(digitSlips('2025-07-09')).toContain('2028-07-09');
    // a year of no century a certificate has ('7076': both its 2s read as 7): two confused digits away
    expect(read('11/06/7076').certificateDate).toBe('2026-11-06');
    expect(read('11/06/7031').certificateDate).toBe('7031-11-06');
    // one confused digit from a date within the term ('7026'): that date, though other days within it are two away
    // (11/08/2026, its 6 read as 8 too)
    expect(read('11/06/7026').certificateDate).toBe('2026-11-06');
  });

  it("takes of two dates a confused digit from a certificate date read outside the term the one another reading of its cell begins with", () => {
    const read = readCertificateDate;
    // the policies run from 2/26/2026 to 3/17/2027: 07/22/2027 is 01/22/2027 or 02/22/2027, its 7 read for a 1 or a 2
    const x = read('07/22/2027', ['02/22', '027']);
    expect(x.certificateDate).toBe('2027-02-22');
    expect(x.warnings).toContain("certificate date read as 2027-07-22, after or long before every policy's term, taken for 2027-02-22: one digit apart, the one such date within the term another reading of the cell begins with");
    // with no such reading, or one that begins with neither ('2/227'), it stays as read
    expect(read('07/22/2027').certificateDate).toBe('2027-07-22');
    expect(read('07/22/2027', ['2/227']).certificateDate).toBe('2027-07-22');
  });

  it("takes a certificate date read outside the policies' term for another reading of its cell that is a date within it", () => {
    const read = readCertificateDate;
    // the policies run from 2/26/2026 to 3/17/2027: the cell read '11/01/2079', the whole page '11/06/2026' (two
    // digits apart, which no one-slip repair reaches)
    const x = read('11/01/2079', ['11/06/2026']);
    expect(x.certificateDate).toBe('2026-11-06');
    expect(x.warnings).toContain("certificate date read as 2079-11-01, after or long before every policy's term, and as 2026-11-06, within it: taken for 2026-11-06");
    // a reading outside the term too, or two different dates within it: as read
    expect(read('11/01/2079', ['11/06/2029']).certificateDate).toBe('2079-11-01');
    expect(read('11/01/2079', ['11/06/2026', '12/06/2026']).certificateDate).toBe('2079-11-01');
  });

  it("takes a 7 read as 1 for a slip, and of two readings as cheap, the term other rows read", () => {
    // every policy runs 02/27/2026 to 02/27/2027; the GL row's dates read '2121126' (2/21/26, or 2/27/26 with its 7
    // read as 1) and '2127127' (2/27/27, or 2/21/27 the other way)
    const term = withInsurers({}).map(([t, ...rest]): Place => [({ '02/26/2026': '02/27/2026', '02/26/2027': '02/27/2027' } as Record<string, string>)[t] ?? t, ...rest]);
    const glRow = (t: string, x: number, y: number) => y === 337 && (x === 334 || x === 381) && /^\d\d\/\d\d\/\d{4}$/.test(t);
    const x = ocrRead(term.map(([t, x, y, ...rest]): Place => [glRow(t, x, y) ? (x === 334 ? '2121126' : '2127127') : t, x, y, ...rest]));
    const gl = x.policies.find((p) => p.coverage === 'general_liability')!;
    expect([gl.effectiveDate, gl.expirationDate]).toEqual(['2026-02-27', '2027-02-27']);
    expect(x.warnings.some((w) => w.includes('the term of another row'))).toBe(true);
    // other rows' dates count when they read with one slip too ('2127126', '2127127': 2/27/26 and 2/27/27 alone)
    const slipped = (t: string) => (t === '02/27/2026' ? '2127126' : t === '02/27/2027' ? '2127127' : t);
    const y = ocrRead(term.map(([t, x, y, ...rest]): Place => [glRow(t, x, y) ? (x === 334 ? '2121126' : '2127127') : slipped(t), x, y, ...rest]));
    const gl2 = y.policies.find((p) => p.coverage === 'general_liability')!;
    expect([gl2.effectiveDate, gl2.expirationDate]).toEqual(['2026-02-27', '2027-02-27']);
  });

  it("takes a date other rows read for a cell's reading a confused digit from it, where that ties the row's cheapest term", () => {
    // every other policy runs 02/26/2026 to 02/26/2027; the GL row's effective cell read '272672026' (2/26/2026, both
    // slashes read as 7) and '2282026', its expiration cell only '2282027' (2/28/2027, an 6 read as 8)
    const x = readGlDates(['272672026', ['2282026']], ['2282027']);
    const gl = x.policies.find((p) => p.coverage === 'general_liability')!;
    expect([gl.effectiveDate, gl.expirationDate]).toEqual(['2026-02-26', '2027-02-26']);
    expect(x.warnings.some((w) => w.includes('the term of another row'))).toBe(true);
    // a date no other row reads is no such reading: the row's own term stands
    const own = readGlDates(['272672026', ['2242026']], ['2242027']);
    const gl2 = own.policies.find((p) => p.coverage === 'general_liability')!;
    expect([gl2.effectiveDate, gl2.expirationDate]).toEqual(['2026-02-24', '2027-02-24']);
  });

  it("takes of a row's dates read with no slashes those whose digits the cells show as the page prints its dates, else another row's term a slip dearer", () => {
    // every other policy runs 03/11/2024 to 03/11/2025; the GL row's cells read '037112024' and '031122025' (03/01/2024
    // to 03/01/2025 at two slips, reading slashes as 1s; 03/11/2024 to 03/11/2025 at three)
    const term = withInsurers({}).map(([t, ...rest]): Place => [({ '02/26/2026': '03/11/2024', '02/26/2027': '03/11/2025' } as Record<string, string>)[t] ?? t, ...rest]);
    const glCells = (eff: [string, string[]], exp: [string, string[]], places: Place[], unevenDates = false) => {
      const at = (w: Word, x: number, y: number) => Math.abs(w.x - x) < 0.5 && Math.abs(w.y - y) < 0.5;
      const p = page(places, { source: 'ocr' } as never);
      // (with `unevenDates`, the other rows' dates boxed at widths that tell no printed style)
      let n = 0;
      p.words = p.words.map((w) => (unevenDates && /^\d\d\/\d\d\/\d{4}$/.test(w.text) ? { ...w, width: n++ % 2 ? 40 : 60 } : w));
      p.words = p.words.map((w) => (at(w, 334, 337) ? { ...w, text: eff[0], readings: eff[1] } : at(w, 381, 337) ? { ...w, text: exp[0], readings: exp[1] } : w));
      return acord25FromWords([p], { pages: 1, method: 'ocr' });
    };
    const eff: [string, string[]] = ['037112024', ['0311/2024', '03112024']];
    const exp: [string, string[]] = ['031122025', ['031112025']];
    // the page prints '03/11/2024': 03/01/2024 would show '0301', which no reading shows
    const x = glCells(eff, exp, term);
    expect([gl(x).effectiveDate, gl(x).expirationDate]).toEqual(['2024-03-11', '2025-03-11']);
    // the printed style not told: the other rows' term, a slip dearer
    const y = glCells(eff, exp, term, true);
    expect([gl(y).effectiveDate, gl(y).expirationDate]).toEqual(['2024-03-11', '2025-03-11']);
    expect(y.warnings.some((w) => w.includes("another row's term, a slip from the cheapest reading"))).toBe(true);
    // where the other rows run another term, the cheapest stands
    const other = term.map(([t, ...rest]): Place => [({ '03/11/2024': '04/11/2024', '03/11/2025': '04/11/2025' } as Record<string, string>)[t] ?? t, ...rest]);
    const z = glCells(eff, exp, other, true);
    expect([gl(z).effectiveDate, gl(z).expirationDate]).toEqual(['2024-03-01', '2025-03-01']);
    // unless the page's print tells: '04/11/2024' is zero-padded, and only 03/11 shows so in the readings
    const printed = glCells(eff, exp, other);
    expect([gl(printed).effectiveDate, gl(printed).expirationDate]).toEqual(['2024-03-11', '2025-03-11']);
    const padded = { padded: true, yearDigits: 4 } as const;
    expect([showsDate('031112025', '2025-03-11', padded), showsDate('031112025', '2025-03-01', padded)]).toEqual([true, false]);
    // unpadded, both show; and a 7 read for a 1 shows the 1 ('2127127' is 2/21/27 and 2/27/27)
    expect(showsDate('031112025', '2025-03-01', { padded: false, yearDigits: 4 })).toBe(true);
    expect(showsDate('2127127', '2027-02-21', { padded: false, yearDigits: 2 })).toBe(true);
  });

  it("takes what OCR read in an empty insurer row, under four letters or none it was sure of, for specks", () => {
    const x = ocrRead(withInsurers({}, [['Elo.', 350, 217, 8, 0.29], ['f', 400, 229, 8, 0.47]]));
    expect(x.insurers.map((i) => i.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect(x.warnings.some((w) => w.includes('insurer E: "Elo."'))).toBe(true);
  });

  it("keeps a policy number's first letters in its column when OCR ran POLICY NUMBER's box into a rule", () => {
    const tall = withInsurers({}).filter(([t]) => t !== 'POLICY NUMBER').concat([
      ['POLICY', 247, 292],
      ['NuMBER', 266, 287.5, 15],
    ]);
    expect(ocrRead(tall).policies.map((p) => p.policyNumber)).toEqual(ocrRead(withInsurers({})).policies.map((p) => p.policyNumber));
  });

  it("drops a row of one character under a party's name, or one standing apart beside it: what is left of its box's rules", () => {
    const x = ocrRead(withInsurers({}, [['I', 72, 727, 8]]));
    expect(x.certificateHolder.address).toEqual({ lines: ['2264 Wilkinson Blvd'], city: 'Concord', state: 'NC', postalCode: '28025' });
    // and one standing apart at the end of the name's row, or a speck read as a small letter closing it
    expect(ocrRead(withInsurers({}, [['I', 300, 691, 8]])).certificateHolder.name).toBe('Underwood Enterprises, Inc.');
    expect(ocrRead(withInsurers({}).map(([t, ...rest]): Place => [t === 'Underwood Enterprises, Inc.' ? 'Underwood Enterprises, Inc. f' : t, ...rest])).certificateHolder.name).toBe('Underwood Enterprises, Inc.');
  });

  it("reads a state's code whose I or O OCR read as a digit ('1A', '0H'), and no other digits as a state", () => {
    const holder = (state: string) => ocrRead(withInsurers({}).map(([t, x, y, ...rest]): Place => [t === 'NC' && y === 715 ? state : t, x, y, ...rest])).certificateHolder.address;
    expect(holder('1A')).toMatchObject({ city: 'Concord', state: 'IA', postalCode: '28025' });
    expect(holder('0H')).toMatchObject({ city: 'Concord', state: 'OH', postalCode: '28025' });
    expect(holder('N0')).toMatchObject({ city: null, state: null, postalCode: null });
  });

  it('finds the automobile and umbrella rows by their first word when OCR garbled or split off the second', () => {
    // (with the first limit label of each row garbled too, the row starts at its label: the amount on its first line
    // is then the row's first limit)
    const garbled = { 'UMBRELLA LIAB': 'UMBRELLA HAS', 'COMBINED SINGLE LIMIT': 'SOMBINED SINGLE um', '(Ea accident)': '(Ea' };
    const places = withInsurers(garbled).flatMap(([t, x, y, ...rest]): Place[] =>
      t === 'AUTOMOBILE LIABILITY' ? [['AUTOMOBILE A', x, y, ...rest], ['LIABILITY', x + 60, y, ...rest]] : t === 'EACH OCCURRENCE' && y === 446 ? [['EAGH OGGUNENGE', x, y, ...rest]] : [[t, x, y, ...rest]],
    );
    const x = ocrRead(places);
    const autos = x.policies.filter((p) => p.coverage === 'automobile_liability');
    expect(autos.map((p) => p.policyNumber)).toEqual(['BA 1111-26', 'BA 2222-26']);
    expect(autos[0]!.limits.combined_single_limit).toBe(1_000_000);
    const xs = x.policies.find((p) => p.policyNumber === 'XS 8177620')!;
    expect(xs.coverage).toBe('excess_liability');
    expect(xs.limits.each_occurrence).toBe(5_000_000);
  });

  it("gives the GL row's EACH OCCURRENCE to the GL row alone when the automobile and umbrella labels are both lost", () => {
    const x = ocrRead(withInsurers({ 'AUTOMOBILE LIABILITY': 'xxxxxxxxx', 'UMBRELLA LIAB': 'uu', 'EXCESS LIAB': 'ee' }));
    const gl = x.policies.find((p) => p.policyNumber === 'PKG 4601985-24')!;
    expect(gl.coverage).toBe('general_liability');
    expect(gl.limits.each_occurrence).toBe(1_000_000);
  });

  it("keeps the GL row's limits in the GL row when UMBRELLA LIAB is garbled", () => {
    const x = ocrRead(withInsurers({ 'UMBRELLA LIAB': 'umereLiALae' }));
    const gl = x.policies.find((p) => p.policyNumber === 'PKG 4601985-24')!;
    expect(gl.coverage).toBe('general_liability');
    expect(gl.limits.each_occurrence).toBe(1_000_000);
  });
});

describe("a round limit OCR read with a zero too few or too many, by its digits' ink", () => {
  // the amounts' ink: 4 points a digit, 2 a comma (as the page prints them); `read` replaces the GL row's first amount
  const ocrPage = (read: string, ink: string, withCommas = true): PageWords => {
    const p = page([...LABELS, ...VALUES], { source: 'ocr' } as never);
    const words = p.words.map((w): Word => {
      if (!/^\d[\d,]{3,}$/.test(w.text)) return w;
      const printed = withCommas ? w.text : w.text.replace(/,/g, '');
      const atFirst = w.x === 527 && w.y === 300;
      const shown = atFirst ? ink : printed;
      return { ...w, text: atFirst ? read : printed, inkWidth: 4 * shown.replace(/,/g, '').length + 2 * (shown.length - shown.replace(/,/g, '').length) };
    });
    return { ...p, words };
  };
  const occurrence = (read: string, ink: string, withCommas = true) => {
    const x = acord25FromWords([ocrPage(read, ink, withCommas)], { pages: 1, method: 'ocr' });
    return { limit: x.policies.find((p) => p.coverage === 'general_liability')!.limits.each_occurrence, warnings: x.warnings.filter((w) => w.includes('ink')) };
  };

  it("takes the limit the ink shows: a zero lost between two that touch, or one read as two ('10060000')", () => {
    expect(occurrence('100000', '1000000', false)).toEqual({ limit: 1_000_000, warnings: ['limit read "100000" taken for 1000000: its digits\' ink is as wide as 1000000'] });
    expect(occurrence('10060000', '1000000', false).limit).toBe(1_000_000);
    expect(occurrence('100,000', '1,000,000').limit).toBe(1_000_000);
    // a comma OCR lost is still printed: '1000000' on a page of grouped amounts is as wide as 1,000,000
    expect(occurrence('1000000', '1,000,000')).toEqual({ limit: 1_000_000, warnings: [] });
  });

  it('leaves an amount whose ink fits it, or fits no limit a zero away, or that is not round', () => {
    expect(occurrence('100,000', '100,000')).toEqual({ limit: 100_000, warnings: [] });
    // half a digit more (a speck the ink took in): neither reading fits
    expect(occurrence('100,000', '100,0000').limit).toBe(100_000);
    expect(occurrence('1,250,000', '12,500,000').limit).toBe(1_250_000);
    expect(occurrence('1,234,000', '12,340,000').limit).toBe(1_234_000);
  });
});

describe('a round limit with a 0 OCR read as 6, 8 or 9', () => {
  it('reads the 6s, 8s and 9s among the zeros of an otherwise round amount as zeros', () => {
    expect(roundLimit(1_000_006)).toBe(1_000_000);
    expect(roundLimit(1_008_000)).toBe(1_000_000);
    expect(roundLimit(2_500_060)).toBe(2_500_000);
    expect(roundLimit(506_000)).toBe(500_000);
    expect(roundLimit(1_080_000)).toBe(1_000_000);
    // and 9s: only 0s and 9s after the first two digits, a second digit 9 a 0 too
    expect(roundLimit(5_009)).toBe(5_000);
    expect(roundLimit(5_999)).toBe(5_000);
    expect(roundLimit(2_999_900)).toBe(2_000_000);
    expect(roundLimit(1_000_999)).toBe(1_000_000);
    expect(roundLimit(2_599_000)).toBe(2_500_000);
    expect(roundLimit(1_900_000)).toBeNull();
    expect(roundLimit(1_999_500)).toBeNull();
    // round already, or not round even so: left alone
    expect(roundLimit(1_000_000)).toBeNull();
    expect(roundLimit(1_600_000)).toBeNull();
    expect(roundLimit(1_234_567)).toBeNull();
    expect(roundLimit(250_000)).toBeNull();
    expect(roundLimit(160_000)).toBeNull();
  });
});

describe('policy years OCR misread', () => {
  it('mends the one year digit that puts the expiration before the effective date, when one repair does', () => {
    // 2028 may be 2025 misread, or 2026 may be 2029: the year OCR was less sure of is the misread one
    expect(mendPolicyYears('2028-02-10', '2026-02-10', 0.6, 0.9)).toEqual(['2025-02-10', '2026-02-10']);
    expect(mendPolicyYears('2025-02-10', '2023-02-10', 0.95, 0.7)).toEqual(['2025-02-10', '2026-02-10']);
    expect(mendPolicyYears('2028-02-10', '2026-02-10')).toBeNull();

    // the same date twice: either year may be the misread one
    expect(mendPolicyYears('2025-02-10', '2025-02-10')).toBeNull();
    // in order, or on different days: nothing to mend
    expect(mendPolicyYears('2025-02-10', '2026-02-10')).toBeNull();
    expect(mendPolicyYears('2028-02-10', '2026-03-10')).toBeNull();
    // two digits off
    expect(mendPolicyYears('2031-02-10', '2026-02-10')).toBeNull();
  });

  it('never mends into a year no policy read today can have yet', () => {
    // '8/25/73' to '8/25/24' (a serif 2 read as 7): 2023 to 2024, not 2073 to 2074
    expect(mendPolicyYears('2073-08-25', '2024-08-25')).toBeNull();
    expect(mendPolicyYears('2073-08-25', '2024-08-25', 1, 1, 2032)).toEqual(['2023-08-25', '2024-08-25']);
  });
});

describe("a NAIC code read with its column's rule before it", () => {
  it.each([
    ['137540', '37540'],
    ['|37540', '37540'],
    [',11570', '11570'],
    ['111570', '11570'],
    // five digits, or six not opening with a stroke: as read
    ['11570', '11570'],
    ['237540', '237540'],
  ])('reads %s as %s', (text, code) => {
    expect(withoutRuleDigit(text)).toBe(code);
  });
});

describe("a row's dates read as no one-year term", () => {
  const others = ['2024-05-13', '2025-05-13', '2024-05-13', '2025-05-13'];
  it("takes another row's term a digit or two OCR confuses away ('2028' for 2025, '11/28' for 11/29)", () => {
    expect(otherRowsTerm('2024-05-13', '2028-05-13', others)).toEqual(['2024-05-13', '2025-05-13']);
    expect(otherRowsTerm('2023-11-29', '2024-11-28', ['2023-11-29', '2024-11-29'])).toEqual(['2023-11-29', '2024-11-29']);
    // (a slip in each date)
    expect(otherRowsTerm('2024-05-18', '2028-05-13', others)).toEqual(['2024-05-13', '2025-05-13']);
    // (a serif 9 read as 5, and as 8: '05/08' for 09/09)
    expect(otherRowsTerm('2025-09-09', '2026-05-08', ['2025-09-09', '2026-09-09'])).toEqual(['2025-09-09', '2026-09-09']);
  });

  it("leaves a row read as one year, or whose term no other row has within two slips, as read", () => {
    expect(otherRowsTerm('2024-06-01', '2025-06-01', others)).toBeNull();
    // a three-year policy beside one-year ones, its years no digit OCR confuses away
    expect(otherRowsTerm('2024-05-13', '2027-05-13', others)).toBeNull();
    // three slips away
    expect(otherRowsTerm('2024-05-18', '2028-08-13', others)).toBeNull();
    // only one of the term's dates read in another row
    expect(otherRowsTerm('2024-05-13', '2028-05-13', ['2024-05-13'])).toBeNull();
  });
});

describe('policy dates with a year no policy on the certificate has', () => {
  it("takes the cell's other reading, or a digit OCR confuses, that gives a plausible term ('2076' beside 2025 for 2026)", () => {
    // the expiration's year read 2076 on a certificate of 2026; the whole-page pass read 2026
    expect(plausiblePolicyDates('2025-04-16', '2076-04-16', [], ['04/16/2026'], 2026)).toEqual(['2025-04-16', '2026-04-16']);
    // both years misread alike (a serif 2 read as 7): each one confused digit away
    expect(plausiblePolicyDates('2074-10-09', '2075-10-09', [], [], 2025)).toEqual(['2024-10-09', '2025-10-09']);
    expect(plausiblePolicyDates('7025-04-16', '7026-04-16', [], [], null)).toEqual(['2025-04-16', '2026-04-16']);
    // a term of eleven years: the other readings ('107022024': its slash read as 7) mend both, on one month and day
    expect(plausiblePolicyDates('2014-10-07', '2025-10-07', ['107022024'], ['10/02/2025'], 2025)).toEqual(['2024-10-02', '2025-10-02']);
    // one date of the row read
    expect(plausiblePolicyDates(null, '7026-02-28', [], [], 2026)).toEqual([null, '2026-02-28']);
  });

  it('leaves plausible dates, and implausible ones no single pair mends, as read', () => {
    expect(plausiblePolicyDates('2025-04-16', '2026-04-16', [], ['04/16/2076'], 2026)).toBeNull();
    // a three-year policy is plausible
    expect(plausiblePolicyDates('2024-01-01', '2027-01-01', [], [], 2025)).toBeNull();
    expect(plausiblePolicyDates(null, null, [], [], 2025)).toBeNull();
    // '2099' is no slip of a plausible year for a certificate of 2025
    expect(plausiblePolicyDates('2025-03-01', '2099-03-01', [], [], 2025)).toBeNull();
  });

  it("takes years after the latest a policy read today can run to for misread, when the certificate's date gives none", () => {
    // both years read with a 2 as 7 (the whole-page pass read the first right), the certificate's date unread:
    // plausible this century, not by 2032
    expect(plausiblePolicyDates('2073-08-25', '2074-08-25', ['8/25/23'], [], null)).toBeNull();
    expect(plausiblePolicyDates('2073-08-25', '2074-08-25', ['8/25/23'], [], null, 2032)).toEqual(['2023-08-25', '2024-08-25']);
  });
});

describe('an amount with a digit OCR made of the blanked-out $', () => {
  const amount = (text: string, width: number) => segmentOf([{ text, x: 524, y: 300, width, height: 6, confidence: 0.9 }]);
  it('drops a first digit when the box is only as wide as the amount without it', () => {
    // digits 5 wide, a comma half that: '500,000' is 32.5 wide, '1,000,000' 40
    expect(withoutPhantomDigit(amount('3500,000', 33), 5).text).toBe('500,000');
    expect(withoutPhantomDigit(amount('31,000,000', 40), 5).text).toBe('1,000,000');
    // a real eleven million, as wide as its ten digits
    expect(withoutPhantomDigit(amount('11,000,000', 45), 5).text).toBe('11,000,000');
    expect(withoutPhantomDigit(amount('2000', 15), 5).text).toBe('2000');
    // never one that leaves an amount beginning with 0: the digit width came out too wide, from boxes holding a '$'
    expect(withoutPhantomDigit(amount('100,000', 28), 5.5).text).toBe('100,000');
  });
});

describe('ocrLimit and insurerRowsByPosition', () => {
  it('accepts a lost or misread separator only where the groups are thousands', () => {
    expect(ocrLimit('1000 000')).toBe(1_000_000);
    expect(ocrLimit('$ 2000,000')).toBe(2_000_000);
    expect(ocrLimit('1.000.000')).toBe(1_000_000);
    expect(ocrLimit('1,00 000')).toBeNull();
    expect(ocrLimit('2,000000')).toBe(2_000_000);
    expect(ocrLimit('2,00000')).toBeNull();
    expect(ocrLimit('4,000,000000')).toBeNull();
    expect(ocrLimit('12345 678')).toBeNull();
    expect(ocrLimit('abc')).toBeNull();
  });

  it('places the rows of missing letters at the pitch of the labels found, and drops a label out of step', () => {
    const hit = (letter: string, y: number) => {
      const [w] = phrase([`INSURER ${letter}`, 310, y], 0, 0);
      return { letter, hit: { words: [w!], text: `INSURER ${letter}`, x: 310, y, right: 340, bottom: y + 6, height: 6, confidence: 1, score: 1, line: { words: [], segments: [], y, bottom: y + 6 }, rest: null } };
    };
    const rows = insurerRowsByPosition([hit('A', 173), hit('B', 185), hit('E', 221), hit('C', 260)]);
    expect(rows.map((r) => [r.letter, Math.round(r.hit.y)])).toEqual([
      ['A', 173],
      ['B', 185],
      ['C', 197],
      ['D', 209],
      ['E', 221],
      ['F', 233],
    ]);
  });
});

describe('a limit whose label OCR could not read, placed by its line', () => {
  // the automobile row's lines 12 pt apart: COMBINED SINGLE LIMIT at 385, BODILY INJURY (Per accident) at 409
  const placed = [
    { key: 'combined_single_limit', y: 385 },
    { key: 'bodily_injury_per_accident', y: 409 },
  ];

  it('takes the line between two placed limits for the one printed there', () => {
    expect(limitByLine('automobile_liability', 397, placed, 12)).toBe('bodily_injury_per_person');
    expect(limitByLine('automobile_liability', 421.5, placed, 12)).toBe('property_damage_per_accident');
  });

  it("takes the line two others agree on where the nearest is off the pitch (a two-line label's first line, its second lost)", () => {
    // BODILY INJURY (Per person)'s amount and label at 412-414, PROPERTY DAMAGE's label at 434 (its '(Per accident)'
    // under it not read) and its amount at 438.6; an amount at 427 is on the Per accident line
    const around = [
      { key: 'bodily_injury_per_person', y: 416.2 },
      { key: 'property_damage_per_accident', y: 438.6 },
      { key: 'bodily_injury_per_person', y: 414.5 },
      { key: 'property_damage_per_accident', y: 434.15 },
    ];
    expect(limitByLine('automobile_liability', 427.1, around, 11.5)).toBe('bodily_injury_per_accident');
    // two others that disagree: none
    expect(limitByLine('automobile_liability', 427.1, [...around.slice(2), { key: 'combined_single_limit', y: 414 }], 11.5)).toBeNull();
  });

  it('gives none off the lines, past the row\'s last line, or without a pitch', () => {
    expect(limitByLine('automobile_liability', 403, placed, 12)).toBeNull();
    expect(limitByLine('automobile_liability', 433, placed, 12)).toBeNull();
    expect(limitByLine('automobile_liability', 397, placed, null)).toBeNull();
    expect(limitByLine('automobile_liability', 397, [], 12)).toBeNull();
  });
});

describe('a typed date as OCR reads it with its slashes lost or read as a digit', () => {
  const cheapest = (text: string) => ocrDates(text).filter((d, _, all) => d.cost === all[0]!.cost).map((d) => d.iso);

  it.each([
    ['1221/2024', ['2024-12-21']],
    ['12121/2024', ['2024-12-21']],
    ['12/2112024', ['2024-12-21']],
    ['21712023', ['2023-02-07']],
    ['2/7/2023', ['2023-02-07']],
    // a slip either way: the row's other date decides
    ['12/212024', ['2024-12-21', '2024-12-02']],
    ['1125/26', ['2026-11-25', '2026-01-25']],
    // a piece of the column's rule before it
    ['102/21/2025', ['2025-02-21']],
    ['l02/21/2025', ['2025-02-21']],
    // a thin serif slash broken into a colon
    ['10:28/2025', ['2025-10-28']],
  ])('reads %s as %s', (text, isos) => {
    expect(cheapest(text).sort()).toEqual([...isos].sort());
  });

  it("takes a 7 for a 2 whose foot went with the cell's rule, one slip more ('8/75/24' for 8/25/24)", () => {
    expect(ocrDates('8/75/24')).toContainEqual({ iso: '2024-08-25', cost: 1 });
    expect(ocrDates('8/25/74')).toContainEqual({ iso: '2024-08-25', cost: 1 });
  });

  it('finds a two-digit year too, read with both slashes lost or misread', () => {
    expect(ocrDates('1125126').map((d) => d.iso)).toContain('2026-11-25');
    expect(ocrDates('1125126').every((d) => d.iso.startsWith('20'))).toBe(true);
  });

  it.each(['13/45/2024', '2024', '99/99/2024'])('gives no date for %s', (text) => {
    expect(ocrDates(text)).toEqual([]);
  });
});

describe('a policy number as OCR reads it', () => {
  it('takes small letters that differ from capitals only in size for the capitals printed', () => {
    expect(ocrPolicyNumber('cup 6254097-26')).toBe('CUP 6254097-26');
    expect(ocrPolicyNumber('CUP 6254097-26')).toBe('CUP 6254097-26');
    expect(ocrPolicyNumber('WC §729787-24')).toBe('WC 5729787-24');
    // (the last small letter read a second time as a capital)
    expect(ocrPolicyNumber('wcC-888888')).toBe('WC-888888');
    expect(ocrPolicyNumber('cpC 1234')).toBe('cpC 1234');
    expect(ocrPolicyNumber('abB-1234')).toBe('abB-1234');
    // 'ba' is not read for capitals: b and a have small forms of their own
    expect(ocrPolicyNumber('ba 0343393-26')).toBe('ba 0343393-26');
  });
});

describe("a row's dates told apart by their printed width", () => {
  const word = (text: string, width: number, y = 100): Word => ({ text, x: 330, y, width, height: 6, confidence: 0.6 });
  // a photo's date cells as OCR read them, slashes lost or read as 1: 3/11/26 to 3/11/27 in two rows, 5/10/26 to 5/10/27
  const cells = [word('3126', 24), word('31126', 24.24), word('5/1026', 24.24), word('31127', 23.76), word('3/1127', 24), word('51027', 24)];

  it('learns how the page prints its dates from the cells whose reading is one date, in one style', () => {
    const print = datePrintOf(cells)!;
    expect(print).toMatchObject({ padded: false, yearDigits: 2 });
    // 24.24 pt for the 7 characters of '5/10/26'
    expect(print.pitch).toBeCloseTo(24.24 / 7, 1);
    // dates read whole, zero-padded with four-digit years
    expect(datePrintOf([word('03/11/2026', 40), word('05/10/2027', 40.4)])).toMatchObject({ padded: true, yearDigits: 4 });
    // one date tells nothing; nor do dates whose widths disagree
    expect(datePrintOf([word('5/1026', 24.24)])).toBeNull();
    expect(datePrintOf([word('5/10/26', 24), word('5/10/27', 34)])).toBeNull();
  });

  it("takes of two tied terms the one whose printed width the cells' ink has, and neither where both fit or none does", () => {
    const print = datePrintOf(cells)!;
    const tied = [
      { e: '2026-03-01', x: '2027-03-01' },
      { e: '2026-03-11', x: '2027-03-11' },
    ];
    const seg = (text: string, width: number) => segmentOf([word(text, width)]);
    expect(fitsPrint(tied, seg('3126', 24), seg('31127', 23.76), print)).toEqual(tied[1]);
    // cells as narrow as '3/1/26' take the other
    expect(fitsPrint(tied, seg('3126', 20.8), seg('3127', 20.8), print)).toEqual(tied[0]);
    // half a character off either way: neither
    expect(fitsPrint(tied, seg('3126', 22.5), seg('31127', 22.5), print)).toBeNull();
    // zero-padded, both print '03/01/2026' and '03/11/2026' alike wide
    expect(fitsPrint(tied, seg('031126', 40), seg('0311127', 40), { padded: true, yearDigits: 4, pitch: 4 })).toBeNull();
  });
});

// The parties of the lender-evidence property forms, ACORD 27 (Evidence of Property Insurance) and ACORD 28 (Evidence
// of Commercial Property Insurance), read from positioned words by their printed box labels. These forms share no
// layout with ACORD 25: one COMPANY box (an insurer with no letter, its NAIC code printed inside the box on ACORD 28),
// the AGENCY or PRODUCER box with its PHONE / FAX / E-MAIL sub-labels in a column beside the name, the INSURED or
// NAMED INSURED AND ADDRESS box, and ADDITIONAL INTEREST (the certificate holder: lender, mortgagee, loss payee),
// whose NAME AND ADDRESS sits under a row of interest-type check boxes. Pure.
import type { Address, Extraction, Insurer } from '../../domain/certificate.js';
import type { Box, PageWords, Word } from '../layout/words.js';
import { cleanText, normalizeNaic, normalizeNameLine } from '../normalize.js';
import { boxOf, centerY, findLabel, groupLines, type LabelHit, type Line, type Segment } from '../text/lines.js';

type Party = { name: string | null; address: Address | null };

/** A value with the words it was read from (for confidence and provenance). */
type Read<T> = { value: T; words: Word[] };

export type PropertyParties = {
  producer: Read<Party> | null;
  insured: Read<Party> | null;
  insurer: { insurer: Insurer; nameWords: Word[]; naicWords: Word[] } | null;
  certificateHolder: Read<Party> | null;
};

/** Discount for a value placed by layout rather than read from a field (as the ACORD 25 layout reader does). */
const LAYOUT_FACTOR = 0.97;

const PRODUCER_LABELS = ['PRODUCER NAME, CONTACT PERSON AND ADDRESS', 'PRODUCER NAME,', 'PRODUCER', 'AGENCY'];
const INSURED_LABELS = ['NAMED INSURED AND ADDRESS', 'NAME AND ADDRESS OF INSURED', 'NAMED INSURED', 'INSURED'];
const COMPANY_LABELS = ['COMPANY NAME AND ADDRESS', 'COMPANY'];
/** Printed words inside the boxes that are never a party's name. */
const SUB_LABEL = /^(?:\(|PHONE\b|FAX\b|E-?MAIL\b|ADDRESS:|CODE:|SUB CODE|AGENCY\b|CUSTOMER\s*ID|CONTACT (?:PERSON|NAME)|NAME AND ADDRESS$|NAIC|IF MULTIPLE COMPANIES)/i;
/** Labels that end the COMPANY box downwards. */
const BELOW_COMPANY = ['LOAN NUMBER', 'POLICY TYPE', 'POLICY NUMBER', 'IF MULTIPLE COMPANIES, COMPLETE SEPARATE FORM FOR EACH'];
/** Labels that end the left-hand boxes downwards. */
const BELOW_LEFT = ['FAX', 'CODE:', 'AGENCY CUSTOMER ID', 'CUSTOMER ID #:', 'ADDITIONAL NAMED INSURED(S)', 'PROPERTY INFORMATION', 'LOCATION / DESCRIPTION', 'LOCATION/DESCRIPTION'];

/** Reads the producer, insured, company and additional interest of an ACORD 27 or 28 page. */
export function readPropertyParties(page: PageWords): PropertyParties {
  const lines = groupLines(page.words);
  // several boxes ask for the same labels; each search folds and compares every segment of the page
  const cache = new Map<string, LabelHit[]>();
  const label = (l: string | string[], opts?: { exact?: boolean; anywhere?: boolean }) => {
    const key = JSON.stringify([l, opts ?? {}]);
    let hits = cache.get(key);
    if (!hits) cache.set(key, (hits = findLabel(lines, l, opts)));
    return hits;
  };
  const firstOf = (labels: string[], pred: (h: LabelHit) => boolean = () => true) => {
    for (const l of labels) {
      const hit = label(l).find(pred);
      if (hit) return hit;
    }
    return null;
  };

  const company = firstOf(COMPANY_LABELS, (h) => h.x > page.width * 0.3 && h.y < page.height * 0.4);
  // the right-hand column (company, loan and policy numbers) starts at the company label
  const rightX = company ? company.x - 2 : page.width / 2;
  const producer = firstOf(PRODUCER_LABELS, (h) => h.x < rightX && h.y < page.height * 0.35);
  const insured = firstOf(INSURED_LABELS, (h) => h.x < rightX && (!producer || h.y > producer.bottom) && h.rest === null);
  const phone = label('PHONE').find((h) => producer && h.x > producer.x + 20 && h.x < rightX && Math.abs(h.y - producer.y) < 30);

  const leftStop = (after: LabelHit) => {
    const below = BELOW_LEFT.flatMap((l) => label(l)).filter((h) => h.y > after.bottom + 1 && h.x < rightX);
    return Math.min(...below.map((h) => h.y), page.height);
  };

  const out: PropertyParties = { producer: null, insured: null, insurer: null, certificateHolder: null };
  if (producer) {
    const y1 = Math.min(leftStop(producer), insured ? insured.y : page.height);
    // the phone / fax / e-mail column beside the name starts at PHONE
    out.producer = party(lines, { x0: 0, x1: (phone ? phone.x : rightX) - 1, y0: producer.y - 0.5, y1: y1 - 0.5 }, producer);
  }
  if (insured) out.insured = party(lines, { x0: 0, x1: rightX - 1, y0: insured.y - 0.5, y1: leftStop(insured) - 0.5 }, insured);
  if (company) out.insurer = readCompany(lines, page, company, label);
  out.certificateHolder = readInterest(lines, page, label);
  return out;
}

function readCompany(lines: Line[], page: PageWords, company: LabelHit, label: (l: string | string[], o?: { exact?: boolean; anywhere?: boolean }) => LabelHit[]): PropertyParties['insurer'] {
  const stops = BELOW_COMPANY.flatMap((l) => label(l)).filter((h) => h.y > company.bottom + 1 && h.x > company.x - 20);
  const y1 = Math.min(...stops.map((h) => h.y), company.bottom + 80);
  const region = { x0: company.x - 4, x1: page.width, y0: company.y - 0.5, y1: y1 - 0.5 };
  const segs = segmentsIn(lines, region, new Set(company.words));
  // NAIC NO: 12345, NAIC # 12345, NAICNO:12345: printed in the box, beside the label or under it
  let naic: string | null = null;
  let naicWords: Word[] = [];
  for (const s of segs) {
    // (or its label garbled by OCR, 'Nacho: 12345': a short word and a colon before five digits)
    const m = /NAIC\s*(?:NO\.?|#|CODE)?\s*:?\s*(\d{3,6})\b/i.exec(s.text) ?? /^\S{2,8}:\s*(\d{5})$/.exec(s.text.trim());
    if (m) {
      naic = normalizeNaic(m[1]!);
      naicWords = s.words;
      break;
    }
  }
  const rows = rowsOf(segs.filter((s) => !/NAIC/i.test(s.text) && !naicWords.includes(s.words[0]!)));
  const nameRow = rows.find((r) => isName(rowText(r)));
  const name = nameRow ? normalizeNameLine(rowText(nameRow)) : null;
  if (!name && !naic) return null;
  return { insurer: { letter: null, name: name ?? '', naic }, nameWords: nameRow?.flatMap((s) => s.words) ?? [], naicWords };
}

/** ADDITIONAL INTEREST: the NAME AND ADDRESS box under it, left of the interest types and the representative's box. */
function readInterest(lines: Line[], page: PageWords, label: (l: string | string[], o?: { exact?: boolean; anywhere?: boolean }) => LabelHit[]): Read<Party> | null {
  const interest = label('ADDITIONAL INTEREST').find((h) => h.rest === null);
  if (!interest) return null;
  // (its label with the slip OCR may make in a label of its length: 'NAME ANG ADDRESS')
  const nameLabel = label('NAME AND ADDRESS').find((h) => h.y > interest.y && h.x < interest.right);
  const anchor = nameLabel ?? interest;
  // the right-hand column of the box: interest types, loan number, lender servicing agent, representative
  const right = label(['AUTHORIZED REPRESENTATIVE', 'LENDER SERVICING AGENT NAME AND ADDRESS', 'LOAN #', 'MORTGAGEE', 'ADDITIONAL INSURED'])
    .filter((h) => h.y > interest.y - 2 && h.x > anchor.right + 20)
    .map((h) => h.x);
  const x1 = Math.min(...right, page.width / 2 + 20) - 1;
  const footer = label(['ACORD 27', 'ACORD 28', 'ACORD CORPORATION']).filter((h) => h.y > anchor.bottom)[0];
  const y0 = nameLabel ? nameLabel.y - 0.5 : interest.bottom + 0.5;
  const read = party(lines, { x0: 0, x1, y0, y1: footer ? footer.y - 0.5 : page.height }, nameLabel ?? interest);
  return read.value.name ? read : null;
}

function segmentsIn(lines: Line[], r: { x0: number; x1: number; y0: number; y1: number }, skip: ReadonlySet<Word>): Segment[] {
  const out: Segment[] = [];
  for (const line of lines) {
    for (const seg of line.segments) {
      const words = seg.words.filter((w) => !skip.has(w) && w.x + w.width / 2 >= r.x0 && w.x + w.width / 2 < r.x1 && w.y + w.height / 2 >= r.y0 && w.y + w.height / 2 < r.y1);
      if (words.length) out.push({ ...seg, words, text: words.map((w) => w.text).join(' '), x: Math.min(...words.map((w) => w.x)), right: Math.max(...words.map((w) => w.x + w.width)) });
    }
  }
  return out;
}

function rowsOf(segs: Segment[]): Segment[][] {
  const rows: Segment[][] = [];
  for (const s of [...segs].sort((a, b) => centerY(a) - centerY(b) || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(centerY(r[0]!) - centerY(s)) < 0.5 * Math.min(r[0]!.height, s.height));
    if (row) row.push(s);
    else rows.push([s]);
  }
  for (const row of rows) row.sort((a, b) => a.x - b.x);
  return rows;
}

const rowText = (row: Segment[]) => row.map((s) => s.text).join(' ');

function isName(text: string): boolean {
  const t = text.trim();
  if (SUB_LABEL.test(t) || /:$/.test(t)) return false;
  if (/@|^\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}$/.test(t) || /^[#\d\s-]+$/.test(t)) return false;
  return /[A-Za-z]/.test(t);
}

/** How far right of a box's leftmost line (points) a line may begin and still be the party's name. */
const SUB_COLUMN_PT = 40;

/** A party box: its first name-like line, then address lines with the city line parsed. */
function party(lines: Line[], r: { x0: number; x1: number; y0: number; y1: number }, label: LabelHit): Read<Party> {
  const rows = rowsOf(segmentsIn(lines, r, new Set(label.words))).filter((row) => !SUB_LABEL.test(rowText(row).trim()));
  // (the name stands at the box's left, with its address under it: a row that begins well right of the others is a
  // column of the box's own, its phone number under a sub-label OCR garbled, 'FONE, exe. (123) 123-1234')
  const named = rows.filter((row) => isName(rowText(row)));
  const left = Math.min(...named.map((row) => row[0]!.x));
  const nameRow = named.find((row) => row[0]!.x <= left + SUB_COLUMN_PT);
  if (!nameRow) return { value: { name: null, address: null }, words: [] };
  const nameAt = rows.indexOf(nameRow);
  const rest = rows.slice(nameAt + 1).map(rowText).map((t) => cleanText(t)).filter((t): t is string => t !== null);
  // a ZIP code alone on the last line belongs to the city line above it
  if (rest.length >= 2 && /^\d{5}(?:-\d{4})?$/.test(rest[rest.length - 1]!)) rest.splice(-2, 2, `${rest[rest.length - 2]} ${rest[rest.length - 1]}`);
  let address: Address | null = null;
  if (rest.length > 0) {
    const city = parseCityLine(rest[rest.length - 1]!);
    address = { lines: city ? rest.slice(0, -1) : rest, city: city?.city ?? null, state: city?.state ?? null, postalCode: city?.postalCode ?? null };
  }
  return { value: { name: normalizeNameLine(rowText(nameRow)), address }, words: nameRow.flatMap((s) => s.words) };
}

function parseCityLine(text: string): { city: string; state: string; postalCode: string | null } | null {
  const m = /^(.+?),?\s+([A-Z]{2})\.?(?:\s+(\d{5}(?:-\d{4})?))?$/.exec(text.trim());
  return m ? { city: m[1]!.replace(/,$/, ''), state: m[2]!, postalCode: m[3] ?? null } : null;
}

/** Confidence of a value read from these words (lowest word confidence, discounted for layout). */
export function layoutConfidence(words: readonly Word[]): number {
  return Math.round(Math.min(...words.map((w) => w.confidence)) * LAYOUT_FACTOR * 1000) / 1000;
}

/** The box of some words on a page, for provenance. */
export function wordsBox(page: number, words: readonly Word[]): Box {
  return boxOf(page, words);
}

/**
 * Puts the parties read by their ACORD 27/28 labels into an extraction (and their confidence and boxes), where they
 * were found; what the labels do not give is left as the caller had it.
 */
export function applyPropertyParties(extraction: Extraction, boxes: Record<string, Box>, page: PageWords): void {
  const read = readPropertyParties(page);
  const confidence = { ...(extraction.confidence ?? {}) };
  const note = (pointer: string, words: readonly Word[]) => {
    if (words.length === 0) return;
    confidence[pointer] = layoutConfidence(words);
    boxes[pointer] = wordsBox(page.page, words);
  };
  if (read.producer?.value.name) {
    extraction.producer = { ...extraction.producer, name: read.producer.value.name, address: read.producer.value.address ?? extraction.producer.address };
    note('/producer/name', read.producer.words);
  }
  if (read.insured?.value.name) {
    extraction.insured = { name: read.insured.value.name, address: read.insured.value.address ?? extraction.insured.address };
    note('/insured/name', read.insured.words);
  }
  if (read.certificateHolder?.value.name) {
    extraction.certificateHolder = { name: read.certificateHolder.value.name, address: read.certificateHolder.value.address ?? extraction.certificateHolder.address };
    note('/certificateHolder/name', read.certificateHolder.words);
  }
  if (read.insurer) {
    // one company per form ("if multiple companies, complete separate form for each"): it replaces any insurer list
    for (const key of Object.keys(confidence)) if (key.startsWith('/insurers/')) delete confidence[key];
    for (const key of Object.keys(boxes)) if (key.startsWith('/insurers/')) delete boxes[key];
    extraction.insurers = [read.insurer.insurer];
    if (read.insurer.insurer.name) note('/insurers/0/name', read.insurer.nameWords);
    if (read.insurer.insurer.naic) note('/insurers/0/naic', read.insurer.naicWords);
  }
  if (Object.keys(confidence).length > 0) extraction.confidence = confidence;
}

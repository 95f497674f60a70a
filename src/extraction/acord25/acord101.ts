// ACORD 101 (Additional Remarks Schedule): the overflow page of a certificate's DESCRIPTION OF OPERATIONS. A page is
// one when it prints the title ADDITIONAL REMARKS SCHEDULE or the stamp ACORD 101 (yyyy/mm). Its free text sits
// below the header boxes (AGENCY, NAMED INSURED, POLICY NUMBER, CARRIER, NAIC CODE, EFFECTIVE DATE) and the line
// "THIS ADDITIONAL REMARKS FORM IS A SCHEDULE TO ACORD FORM, FORM NUMBER: __ FORM TITLE: __", and above the footer.
// Pure: positioned words (text layer or OCR) in, remarks out; a filled 101 gives its remarks as form-field values.
import type { Extraction } from '../../domain/certificate.js';
import type { PageWords } from '../layout/words.js';
import { footerStamp } from '../forms.js';
import { cleanMultiline } from '../normalize.js';
import { centerY, findLabel, groupLines, type Line } from '../text/lines.js';

/** Header labels of the 101; the remarks are below the lowest of them when the FORM TITLE line is not found. */
const HEADER_LABELS = ['AGENCY CUSTOMER ID', 'LOC #', 'AGENCY', 'NAMED INSURED', 'POLICY NUMBER', 'CARRIER', 'NAIC CODE', 'EFFECTIVE DATE'];
/** Printed lines inside the remarks area that are the form's, not the remarks. */
const PRINTED_LINE = /^(?:ADDITIONAL REMARKS\b|THIS ADDITIONAL REMARKS FORM IS A SCHEDULE|FORM NUMBER|FORM TITLE|Page\s+\d+\s+of\s+\d+$|ACORD\s*101\b|©|\(c\)|The ACORD name and logo|ACORD CORPORATION)/i;

/** Whether a page is an ACORD 101, by its title or its footer stamp. */
export function isAcord101Page(page: PageWords): boolean {
  const lines = groupLines(page.words);
  return titleOf(lines) !== null || footerStamp(lines.map(lineText).join('\n'))?.type === 'ACORD 101';
}

function titleOf(lines: Line[]) {
  // the title stands alone; the ACORD 25 names the schedule inside a sentence of its description box
  return findLabel(lines, 'ADDITIONAL REMARKS SCHEDULE')[0] ?? null;
}

const lineText = (l: Line) => l.words.map((w) => w.text).join(' ');

/** The area of a 101 page that holds the free-text remarks (points, top-left origin). */
export function remarksArea(page: PageWords): { y0: number; y1: number } {
  const lines = groupLines(page.words);
  // the schedule line names the form and its title; the remarks begin under it
  const schedule = findLabel(lines, ['FORM TITLE:', 'FORM TITLE', 'FORM NUMBER:'], { anywhere: true });
  const bar = findLabel(lines, ['THIS ADDITIONAL REMARKS FORM IS A SCHEDULE TO ACORD FORM', 'ADDITIONAL REMARKS'], { exact: false }).filter((h) => h.rest === null || /SCHEDULE TO/i.test(h.line.words.map((w) => w.text).join(' ')));
  const footer = lines.find((l) => /ACORD\s*1\s*[O0]\s*1\s*\(/i.test(lineText(l)) || /ACORD CORPORATION/i.test(lineText(l)));
  const y1 = footer ? footer.y - 0.5 : page.height;
  let y0: number;
  if (schedule.length > 0) y0 = Math.max(...schedule.map((h) => h.line.bottom));
  else if (bar.length > 0) y0 = Math.max(...bar.map((h) => h.line.bottom));
  else {
    const title = titleOf(lines);
    const headers = HEADER_LABELS.flatMap((l) => findLabel(lines, l)).filter((h) => !title || h.y >= title.y);
    // each header label's value is printed on the line under it
    y0 = headers.length > 0 ? Math.max(...headers.map((h) => h.bottom + 2 * h.height)) : title ? title.bottom : 0;
  }
  return { y0, y1 };
}

/** The free-text remarks of a 101 page's text layer or OCR words, line by line; null when it holds none. */
export function remarksFromWords(page: PageWords): string | null {
  const lines = groupLines(page.words);
  const { y0, y1 } = remarksArea(page);
  const rows = lines.filter((l) => centerY(l) > y0 && centerY(l) < y1).map(lineText).filter((t) => !PRINTED_LINE.test(t.trim()));
  return cleanMultiline(rows.join('\n'));
}

/** Appends remarks to the certificate's description of operations, each block on its own lines. */
export function appendRemarks(extraction: Extraction, remarks: (string | null)[]): void {
  const blocks = remarks.map((r) => cleanMultiline(r)).filter((r): r is string => r !== null);
  if (blocks.length === 0) return;
  extraction.descriptionOfOperations = cleanMultiline([extraction.descriptionOfOperations ?? '', ...blocks].join('\n'));
}

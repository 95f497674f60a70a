// Bytes of one certificate file → one extraction (shared/contracts/coi-extraction.md). Detects the file type by its
// magic bytes and picks the reading method per document: ACORD 25 form fields (AcroForm-only and XFA+AcroForm
// hybrids); otherwise each page's text layer, or OCR where a page has none (scans, and PNG/JPEG/TIFF images), read by
// the ACORD 25/24/27/28 layout mapper anchored on printed labels, else by the generic carrier-certificate reader.
// On the way: a text layer that disagrees with the rendered page (values painted over after issue) gives way to what
// the page shows (tamper/), ACORD 27/28 parties are read by their own boxes (acord25/property.ts), and ACORD 101
// remarks pages anywhere in the file are appended to the description of operations (acord25/acord101.ts).
// A file that is not a certificate throws ExtractionError('unsupported') with the reason.
import type { PageViewport } from 'pdfjs-dist/types/src/display/display_utils.js';
import { FORM_TYPES, type Extraction, type FormType } from '../domain/certificate.js';
import { readAcord25Fields, type Acord25Values, type FieldSources } from './acord25/acroform.js';
import { acord25LayoutPage, hasTextCheckMarks, readAcord25Layout, type LayoutPage, type Provenance } from './acord25/layout.js';
import { ACORD25_FIELDS, normalizeFieldName } from './acord25/fields.js';
import { applyPropertyParties } from './acord25/property.js';
import { appendRemarks, isAcord101Page, remarksArea, remarksFromWords } from './acord25/acord101.js';
import { pageWidgets } from './acord25/widgets.js';
import { ExtractionError } from './errors.js';
import type { Box, PageWords } from './layout/words.js';
import { openPdf, pageText, type OpenedPdf } from './pdf/open.js';
import { textLayerWords, vectorMarks } from './text/words.js';
import { recognizeForm } from './forms.js';
import { genericFromWords } from './generic/carrier.js';
import { locateValues } from './generic/locate.js';
import { mendOcrToken } from './generic/values.js';
import { findInstructionText, INSTRUCTION_TEXT_WARNING } from './guard.js';
import { checkInsurer } from './naic/check.js';
import { ocrImage, ocrPdfPages } from './ocr/index.js';
import { checkTextLayer, DISAGREEMENT_CONFIDENCE, disagreementWarning, hasOverlappingWords, savedAgain, type Disagreement } from './tamper/index.js';

export { ExtractionError } from './errors.js';
export type { ExtractionErrorCode } from './errors.js';

export type ExtractOptions = {
  /** Files larger than this are refused with 'unsupported' before parsing. Default 100 MB. */
  maxBytes?: number;
};

export type FileKind = 'pdf' | 'png' | 'jpeg' | 'tiff' | 'unknown';

const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;
/** Fewer coverage-grid field names than this and a form is not taken for an ACORD 25 (a vendor's own form may reuse a few). */
const MIN_ACORD25_GRID_FIELDS = 20;

/** The kind of a file by its first bytes. A PDF header may follow up to 1 KB of junk, as readers allow. */
export function detectFileKind(bytes: Uint8Array): FileKind {
  const head = bytes.subarray(0, 1024);
  const starts = (...sig: number[]) => sig.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (Buffer.from(head).indexOf('%PDF-') >= 0) return 'pdf';
  return 'unknown';
}

/**
 * Where the values of a reading came from, for the review screen: each page's size (PDF points; image pixels scaled to
 * points) and, per JSON pointer of the extraction (the same pointers as `confidence`), the box the value was read from
 * (PDF points, origin at the page's top-left). A page OCR read turned (`turned` quarter turns clockwise: scanned
 * sideways or upside down) has its size and boxes on the page turned upright.
 */
export type ReadProvenance = { pages: Array<{ page: number; width: number; height: number; turned?: 1 | 2 | 3 }>; boxes: Provenance };

export type CertificateReading = { extraction: Extraction; provenance: ReadProvenance };

/** Reads one certificate file. Throws ExtractionError (with a code) when the file gives no extraction. */
export async function extractCertificate(bytes: Buffer, fileName: string, options: ExtractOptions = {}): Promise<Extraction> {
  return (await readCertificate(bytes, fileName, options)).extraction;
}

/** As extractCertificate, with the provenance of each value. */
export async function readCertificate(bytes: Buffer, fileName: string, options: ExtractOptions = {}): Promise<CertificateReading> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new ExtractionError('corrupt', 'the file is empty');
  if (bytes.length > maxBytes) throw new ExtractionError('unsupported', `the file is ${bytes.length} bytes; the limit is ${maxBytes}`);
  const kind = detectFileKind(bytes);
  switch (kind) {
    case 'pdf':
      return extractPdf(bytes, fileName).catch((err: unknown) => {
        throw asFileError(err);
      });
    case 'png':
    case 'jpeg':
    case 'tiff': {
      const pages = await ocrImage(bytes);
      return readWords(pages, { fileName, pages: pages.length, method: 'ocr', warnings: [], marks: null });
    }
    default:
      throw new ExtractionError('unsupported', 'not a PDF, PNG, JPEG or TIFF file');
  }
}

/** pdfjs's own failures deep in a document (a broken object met late, a stack overflow) are the file's fault. */
const PDFJS_FILE_ERRORS = new Set(['InvalidPDFException', 'FormatError', 'UnknownErrorException', 'MissingPDFException', 'RangeError']);
function asFileError(err: unknown): unknown {
  if (err instanceof ExtractionError || !(err instanceof Error) || !PDFJS_FILE_ERRORS.has(err.name)) return err;
  return new ExtractionError('corrupt', `the PDF could not be read: ${err.message}`);
}

async function extractPdf(bytes: Buffer, fileName: string): Promise<CertificateReading> {
  const pdf = await openPdf(bytes);
  try {
    const values = acord25Values(pdf);
    const xfa = mergeXfa(values, pdf.xfaDatasets);
    const form = await identifyForm(values, pdf);
    if (form === null) return await extractFromWords(pdf, fileName, { edited: savedAgain(bytes) });
    const warnings = [...pdf.warnings, ...xfa.warnings];
    const filled = [...values].filter(([name, v]) => name !== 'Form_EditionIdentifier_A' && (v === true || (typeof v === 'string' && v.trim() !== '')));
    if (filled.length === 0) warnings.push(`the ${form.type} form fields are all blank`);
    const context = { fileName, pages: pdf.pages, edition: form.edition, warnings, fieldConfidence: xfa.doubtful };
    const widgets = await acord25Widgets(pdf);
    const sizes = await pageSizes(pdf);
    if (form.type === 'ACORD 25') {
      const { extraction, sources } = readAcord25Fields(values, context);
      // a flattened (or filled) ACORD 101 after the fillable certificate continues its description
      if (pdf.pages > 1) appendRemarks(extraction, await remarksPages(pdf, new Set([...widgets.values()].map((b) => b.page)), []));
      return { extraction, provenance: { pages: sizes.pages, boxes: widgetBoxes(sources, widgets) } };
    }
    // a property form sharing ACORD 25's field names: label it, read the parties, never read it as liability
    const header = new Map([...values].filter(([name]) => SHARED_SECTIONS.has(ACORD25_FIELDS[name].section) || name === 'Form_CompletionDate_A'));
    const { extraction, sources } = readAcord25Fields(header, context);
    extraction.warnings.push(`${form.type} is a property form: its coverages are not read`);
    return { extraction: { ...extraction, form, policies: [] }, provenance: { pages: sizes.pages, boxes: widgetBoxes(sources, widgets) } };
  } finally {
    await pdf.close();
  }
}

/**
 * Widget boxes of the ACORD 25 fields, by plain field name (the first widget of a field that has several). From
 * pdfjs's field objects, which openPdf has already fetched (pdfjs keeps them), so this parses nothing again.
 */
async function acord25Widgets(pdf: OpenedPdf): Promise<Map<string, Box>> {
  const out = new Map<string, Box>();
  const objects = ((await pdf.doc.getFieldObjects()) ?? {}) as Record<string, Array<{ rect?: number[]; page?: number }>>;
  const viewports = new Map<number, PageViewport>();
  for (const [name, widgets] of Object.entries(objects)) {
    const plain = normalizeFieldName(name);
    const w = widgets.find((x) => Array.isArray(x.rect) && x.rect.length >= 4 && typeof x.page === 'number' && x.page >= 0 && x.page < pdf.pages);
    if (!Object.hasOwn(ACORD25_FIELDS, plain) || out.has(plain) || !w) continue;
    const n = w.page! + 1;
    let viewport = viewports.get(n);
    if (!viewport) {
      viewport = (await pdf.doc.getPage(n)).getViewport({ scale: 1 });
      viewports.set(n, viewport);
    }
    const [x0, y0, x1, y1] = viewport.convertToViewportRectangle(w.rect!) as number[];
    out.set(plain, { page: n, x: Math.min(x0!, x1!), y: Math.min(y0!, y1!), width: Math.abs(x1! - x0!), height: Math.abs(y1! - y0!) });
  }
  return out;
}

/** Each value's box: around the widgets of the fields it was read from (on the page of the first of them). */
function widgetBoxes(sources: FieldSources, widgets: Map<string, Box>): Record<string, Box> {
  const boxes: Record<string, Box> = {};
  for (const [pointer, names] of Object.entries(sources)) {
    const found = names.map((n) => widgets.get(n)).filter((b): b is Box => b !== undefined);
    const page = found[0]?.page;
    const same = found.filter((b) => b.page === page);
    if (same.length === 0) continue;
    const x = Math.min(...same.map((b) => b.x));
    const y = Math.min(...same.map((b) => b.y));
    boxes[pointer] = { page: page!, x, y, width: Math.max(...same.map((b) => b.x + b.width)) - x, height: Math.max(...same.map((b) => b.y + b.height)) - y };
  }
  return boxes;
}

/** Pages read for a flattened certificate: the certificate is the first page, or close to it in a package. */
const MAX_LAYOUT_PAGES = 4;
/** A page with fewer words than this has no usable text layer (a scan with a stray OCR word or a stamp). */
const MIN_TEXT_LAYER_WORDS = 40;

/**
 * The positioned words of page `n`: its text layer when it has a usable one, else null. The seam for OCR: an image-only
 * page will be OCRed here. (A text layer that disagrees with the rendered page is checked by the caller, on the
 * certificate's page only: see tamper/.)
 * `marks` adds check marks drawn as vector paths (a second pass over the page, so only for the page that is read).
 */
export async function wordsForPage(pdf: OpenedPdf, n: number, options: { marks?: boolean } = {}): Promise<PageWords | null> {
  const page = await pdf.doc.getPage(n);
  const words = await textLayerWords(page, { marks: options.marks ?? true });
  return words.words.length >= MIN_TEXT_LAYER_WORDS ? words : null;
}

/**
 * A PDF without ACORD form fields: each page's text layer, or OCR for pages that have none, then the reader that
 * fits what the words show (the ACORD 25/24/27/28 layout by its printed labels, else a carrier's own certificate).
 */
async function extractFromWords(pdf: OpenedPdf, fileName: string, options: { edited: boolean }): Promise<CertificateReading> {
  const count = Math.min(pdf.pages, MAX_LAYOUT_PAGES);
  const pages: PageWords[] = [];
  const imageOnly: number[] = [];
  for (let n = 1; n <= count; n++) {
    const words = await wordsForPage(pdf, n, { marks: false });
    if (words) pages.push(words);
    else imageOnly.push(n);
  }
  // values painted over after issue: the page's own words replace a text layer that disagrees with it. The check
  // walks the page's operator list, which costs pdfjs as much again as the text layer (fonts and images are shipped
  // for rendering), so it runs only where that list is fetched anyway (vector check marks to add), where the text
  // layer itself shows two values at one place, or where the file was saved again after it was made (an
  // incremental update). Only the certificate's page when the ACORD layout finds one, else every text page.
  const disagreements: Disagreement[] = [];
  const found = acord25LayoutPage(pages);
  const certificate = found?.page;
  let replaced = false;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    if (certificate && page !== certificate) continue;
    const marksNeeded = found !== null && page === certificate && found.form.type === 'ACORD 25' && !hasTextCheckMarks(found);
    if (!marksNeeded && !options.edited && !hasOverlappingWords(page.words)) continue;
    const checked = await checkTextLayer(pdf, page);
    if (checked.words !== page) replaced = true;
    pages[i] = checked.words;
    disagreements.push(...checked.disagreements);
  }
  if (imageOnly.length > 0) pages.push(...(await ocrPdfPages(await pdf.renderable(), imageOnly)));
  pages.sort((a, b) => a.page - b.page);
  const method = imageOnly.length === 0 ? 'text' : imageOnly.length === count ? 'ocr' : 'mixed';
  // check boxes a flattener drew as vector ticks (pdf-lib) are not in the text layer: fetched for the certificate page
  const marks = async (page: PageWords) => (page.source === 'text' ? vectorMarks(await pdf.doc.getPage(page.page)) : []);
  const remarks = (certificatePage: number, read: PageWords[]) => remarksPages(pdf, new Set([certificatePage]), read);
  // the layout page found above still holds when no page was replaced or added (it is a search over every label)
  const unchanged = imageOnly.length === 0 && !replaced;
  const reading = await readWords(pages, { fileName, pages: pdf.pages, method, warnings: [...pdf.warnings], marks, remarks, ...(unchanged ? { found } : {}) });
  return flagDisagreements(reading, disagreements);
}

/** Names the fields read where the text layer and the rendered page disagree, and lowers their confidence. */
function flagDisagreements(reading: CertificateReading, disagreements: Disagreement[]): CertificateReading {
  const found = disagreementWarning(disagreements, reading.provenance.boxes);
  if (!found) return reading;
  const { extraction } = reading;
  extraction.warnings.push(found.warning);
  const confidence = { ...(extraction.confidence ?? {}) };
  for (const pointer of found.pointers) confidence[pointer] = Math.min(confidence[pointer] ?? 1, DISAGREEMENT_CONFIDENCE);
  if (Object.keys(confidence).length > 0) extraction.confidence = confidence;
  return reading;
}

type WordsContext = {
  fileName: string;
  pages: number;
  method: 'text' | 'ocr' | 'mixed';
  warnings: string[];
  marks: ((page: PageWords) => Promise<PageWords['words']>) | null;
  /** The remarks of the ACORD 101 pages of the file other than the certificate's page (null: only the pages given). */
  remarks?: (certificatePage: number, read: PageWords[]) => Promise<string[]>;
  /** acord25LayoutPage(pages), when the caller has it already. */
  found?: LayoutPage | null;
};

/** Positioned words of a document → an extraction, by the reader that fits the form they show. */
async function readWords(pages: PageWords[], context: WordsContext): Promise<CertificateReading> {
  const ctx = { ...context, warnings: [...context.warnings, ...pages.flatMap(turnedWarning)] };
  const sizes = pages.map((p) => ({ page: p.page, width: p.width, height: p.height, ...(p.turned ? { turned: p.turned } : {}) }));
  const wordCount = pages.reduce((n, p) => n + p.words.length, 0);
  if (wordCount === 0) throw new ExtractionError('unsupported', 'no readable text was found in the file');
  const found = ctx.found !== undefined ? ctx.found : acord25LayoutPage(pages);
  if (found !== null) {
    const needMarks = ctx.marks !== null && found.form.type === 'ACORD 25' && !hasTextCheckMarks(found);
    const marked: PageWords = needMarks ? { ...found.page, words: [...found.page.words, ...(await ctx.marks!(found.page))] } : found.page;
    const { extraction, provenance } = readAcord25Layout([marked], { fileName: ctx.fileName, pages: ctx.pages, method: ctx.method, warnings: ctx.warnings });
    // ACORD 27/28 print their parties in boxes of their own (one COMPANY, ADDITIONAL INTEREST as the holder)
    if (found.form.type === 'ACORD 27' || found.form.type === 'ACORD 28') applyPropertyParties(extraction, provenance, found.page);
    // ACORD 101 pages continue the description of operations
    const others = pages.filter((p) => p !== found.page);
    appendRemarks(extraction, ctx.remarks ? await ctx.remarks(found.page.page, pages) : others.filter(isAcord101Page).map(remarksFromWords));
    return { extraction: checked(extraction, pages, ctx.method), provenance: { pages: sizes, boxes: provenance } };
  }
  const form = recognizeForm(pages);
  if (!form.isCertificate) throw new ExtractionError('unsupported', form.reason);
  // (OCR's slips that no certificate prints mended first: '$1,00C,000', 'W(345678')
  const mended = pages.map((p) => (p.source === 'ocr' ? { ...p, words: p.words.map((w) => ({ ...w, text: mendOcrToken(w.text) })) } : p));
  const extraction = genericFromWords(mended, { fileName: ctx.fileName, pages: ctx.pages, method: ctx.method });
  // a page that looks like a certificate but yields nothing a certificate shows is reported, not returned empty
  if (extraction.policies.length === 0 && !extraction.insured.name && extraction.insurers.length === 0 && !extraction.producer.name) {
    throw new ExtractionError('unsupported', `no certificate content could be read (${form.reason})`);
  }
  extraction.warnings.unshift(...ctx.warnings);
  // the generic reader works on text: its values are found again among the words for their boxes
  return { extraction, provenance: { pages: sizes, boxes: locateValues(extraction, mended) } };
}

/** The warning that OCR read a page turned (scanned sideways or upside down), if it did. */
function turnedWarning(page: PageWords): string[] {
  if (!page.turned) return [];
  const how = page.turned === 2 ? 'upside down: it was read turned over' : `sideways: it was read turned 90° ${page.turned === 1 ? 'clockwise' : 'anticlockwise'}`;
  return [`page ${page.page} is ${how}`];
}

/** Warnings every layout reading gets: instruction-like text, and (for OCR) insurers checked against the NAIC table (codes and names' slips mended). */
function checked(extraction: Extraction, pages: PageWords[], method: WordsContext['method']): Extraction {
  const text = pages.map((p) => p.words.map((w) => w.text).join(' ')).join('\n');
  if (findInstructionText(text).length > 0) extraction.warnings.push(INSTRUCTION_TEXT_WARNING);
  if (method !== 'text') {
    extraction.insurers = extraction.insurers.map((insurer) => {
      const c = checkInsurer(insurer.name, insurer.naic);
      extraction.warnings.push(...c.warnings);
      return { ...insurer, name: c.name, naic: c.naic };
    });
  }
  return extraction;
}

const SHARED_SECTIONS = new Set(['producer', 'producerContact', 'insured', 'insurer', 'certificateHolder']);
const PROPERTY_FORMS = new Set(['ACORD 24', 'ACORD 27', 'ACORD 28']);

/**
 * Which ACORD form the fields belong to: by the hidden edition identifier ('ACORD 0024 2016-03 Acroform'), else by
 * the footer stamp 'ACORD 25 (2016/03)' in the text, else ACORD 25 when enough of its coverage-grid fields exist.
 * Null when the fields are not an ACORD 25 (or a property form using the same names).
 */
async function identifyForm(values: Map<string, string | boolean>, pdf: OpenedPdf): Promise<{ type: FormType; edition: string | null } | null> {
  const gridFields = [...values.keys()].filter((name) => GRID_SECTIONS.has(ACORD25_FIELDS[name].section)).length;
  if (values.size === 0) return null;
  const stamped = formFromStamp(values.get('Form_EditionIdentifier_A')) ?? (await formFromText(pdf));
  if (stamped && PROPERTY_FORMS.has(stamped.type)) return stamped;
  if (gridFields < MIN_ACORD25_GRID_FIELDS) return null;
  return { type: 'ACORD 25', edition: stamped?.type === 'ACORD 25' ? stamped.edition : null };
}

const GRID_SECTIONS = new Set(['policy', 'limit', 'extraLimit', 'rowOption']);

/** 'ACORD 0025 2016-03 Acroform' → ACORD 25, 2016/03. */
export function formFromStamp(value: string | boolean | undefined): { type: FormType; edition: string | null } | null {
  if (typeof value !== 'string') return null;
  const m = /ACORD\s*0*(\d+)\D+(\d{4})[-/](\d{2})/i.exec(value);
  if (!m) return null;
  const type = `ACORD ${m[1]}`;
  return (FORM_TYPES as readonly string[]).includes(type) ? { type: type as FormType, edition: `${m[2]}/${m[3]}` } : null;
}

/** The footer stamp 'ACORD 25 (2016/03)' of the first page (of three) that has one. */
async function formFromText(pdf: OpenedPdf): Promise<{ type: FormType; edition: string | null } | null> {
  for (let n = 1; n <= Math.min(pdf.pages, 3); n++) {
    const text = await pageText(pdf.doc, n).catch(() => '');
    const m = /ACORD\s*(2[4578]|101)\s*\((\d{4})\/(\d{2})\)/.exec(text);
    if (m) return { type: `ACORD ${m[1]}` as FormType, edition: `${m[2]}/${m[3]}` };
  }
  return null;
}

/** Pages of a package searched for ACORD 101 remarks (a certificate with its endorsements runs to a dozen or so). */
const MAX_REMARKS_PAGES = 30;

/**
 * The remarks of each ACORD 101 page of the file, in page order, except the pages in `skip`. Pages already read are
 * taken from `read` (text layer or OCR); others by their text layer only (an image-only page past those read is not
 * OCRed for this). A filled 101 gives its remarks as field values inside the remarks area.
 */
async function remarksPages(pdf: OpenedPdf, skip: Set<number>, read: PageWords[]): Promise<string[]> {
  const out: string[] = [];
  for (let n = 1; n <= Math.min(pdf.pages, MAX_REMARKS_PAGES); n++) {
    if (skip.has(n)) continue;
    const page = await pdf.doc.getPage(n);
    const words = read.find((p) => p.page === n) ?? (await textLayerWords(page, { marks: false }));
    if (words.words.length === 0 || !isAcord101Page(words)) continue;
    const area = remarksArea(words);
    const fields = (await pageWidgets(page))
      .filter((w) => typeof w.value === 'string' && w.value.trim() !== '' && w.box.y + w.box.height / 2 > area.y0 && w.box.y + w.box.height / 2 < area.y1)
      .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)
      .map((w) => w.value as string);
    const text = [remarksFromWords(words), ...fields].filter((t): t is string => t !== null && t.trim() !== '').join('\n');
    if (text) out.push(text);
  }
  return out;
}

/** Each page's size in PDF points (the crop box as pdfjs views it). */
async function pageSizes(pdf: OpenedPdf): Promise<ReadProvenance> {
  const pages: ReadProvenance['pages'] = [];
  for (let n = 1; n <= Math.min(pdf.pages, MAX_LAYOUT_PAGES); n++) {
    const viewport = (await pdf.doc.getPage(n)).getViewport({ scale: 1 });
    pages.push({ page: n, width: viewport.width, height: viewport.height });
  }
  return { pages, boxes: {} };
}

/** The AcroForm values of the ACORD 25 fields, by plain field name. */
function acord25Values(pdf: OpenedPdf): Map<string, string | boolean> {
  const values = new Map<string, string | boolean>();
  for (const [name, field] of pdf.fields) {
    const plain = normalizeFieldName(name);
    if (!Object.hasOwn(ACORD25_FIELDS, plain)) continue;
    values.set(plain, field.kind === 'checkbox' ? field.checked : field.value);
  }
  return values;
}

/** Confidence of a value the AcroForm and XFA halves of a hybrid disagree on (the AcroForm value is kept). */
const XFA_DISAGREEMENT_CONFIDENCE = 0.5;
/** Confidence of a value only the XFA half holds (a viewer that shows the AcroForm half shows the box blank). */
const XFA_ONLY_CONFIDENCE = 0.8;

/**
 * Fills blanks from the XFA datasets (an XFA-aware filler may have updated only those) and warns where the two
 * halves of a hybrid disagree; the AcroForm value is kept then, since it is what the widget shows. `doubtful` gives
 * those fields' confidence.
 */
export function mergeXfa(values: Map<string, string | boolean>, datasets: ReadonlyMap<string, string> | null): { warnings: string[]; doubtful: Map<string, number> } {
  const warnings: string[] = [];
  const doubtful = new Map<string, number>();
  if (!datasets || values.size === 0) return { warnings, doubtful };
  // fields only the XFA half has (the hybrid's edition stamp)
  for (const [name, f] of Object.entries(ACORD25_FIELDS)) {
    const xfa = datasets.get(name);
    if (!values.has(name) && xfa !== undefined) values.set(name, f.type === 'checkbox' ? xfa.trim() === '1' : xfa);
  }
  const disagree = (name: string) => {
    warnings.push(`${name}: the AcroForm and XFA values disagree`);
    doubtful.set(name, XFA_DISAGREEMENT_CONFIDENCE);
  };
  for (const [name, current] of values) {
    const xfa = datasets.get(name);
    if (xfa === undefined) continue;
    if (typeof current === 'boolean') {
      const checked = xfa.trim() === '1';
      if (!current && checked) {
        values.set(name, true);
        doubtful.set(name, XFA_ONLY_CONFIDENCE);
      } else if (current && xfa.trim() === '0') disagree(name);
      continue;
    }
    if (current.trim() === '' && xfa.trim() !== '') {
      values.set(name, xfa);
      doubtful.set(name, XFA_ONLY_CONFIDENCE);
    } else if (xfa.trim() !== '' && xfa.trim() !== current.trim()) disagree(name);
  }
  return { warnings, doubtful };
}

export type { Acord25Values };

// Bytes of one certificate file → one extraction (shared/contracts/coi-extraction.md). Detects the file type by its
// magic bytes and picks the reading method per document: ACORD 25 form fields (AcroForm-only and XFA+AcroForm
// hybrids); otherwise each page's text layer, or OCR where a page has none (scans, and PNG/JPEG/TIFF images), read by
// the ACORD 25/24/27/28 layout mapper anchored on printed labels, else by the generic carrier-certificate reader.
// A file that is not a certificate throws ExtractionError('unsupported') with the reason.
import { FORM_TYPES, type Extraction, type FormType } from '../domain/certificate.js';
import { acord25FromFields, type Acord25Values } from './acord25/acroform.js';
import { acord25LayoutPage, hasTextCheckMarks, readAcord25Layout, type Provenance } from './acord25/layout.js';
import { ACORD25_FIELDS, normalizeFieldName } from './acord25/fields.js';
import { ExtractionError } from './errors.js';
import type { PageWords } from './layout/words.js';
import { openPdf, pageText, type OpenedPdf } from './pdf/open.js';
import { textLayerWords, vectorMarks } from './text/words.js';
import { recognizeForm } from './forms.js';
import { genericFromWords } from './generic/carrier.js';
import { findInstructionText, INSTRUCTION_TEXT_WARNING } from './guard.js';
import { checkInsurer } from './naic/check.js';
import { ocrImage, ocrPdfPages } from './ocr/index.js';

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
 * (PDF points, origin at the page's top-left).
 */
export type ReadProvenance = { pages: Array<{ page: number; width: number; height: number }>; boxes: Provenance };

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
      return extractPdf(bytes, fileName);
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

async function extractPdf(bytes: Buffer, fileName: string): Promise<CertificateReading> {
  const pdf = await openPdf(bytes);
  try {
    const values = acord25Values(pdf);
    const xfaWarnings = mergeXfa(values, pdf);
    const form = await identifyForm(values, pdf);
    if (form === null) return await extractFromWords(pdf, fileName);
    const warnings = [...pdf.warnings, ...xfaWarnings];
    const filled = [...values].filter(([name, v]) => name !== 'Form_EditionIdentifier_A' && (v === true || (typeof v === 'string' && v.trim() !== '')));
    if (filled.length === 0) warnings.push(`the ${form.type} form fields are all blank`);
    // form fields: the boxes of their widgets are not collected yet
    const noBoxes = await pageSizes(pdf);
    if (form.type === 'ACORD 25') return { extraction: acord25FromFields(values, { fileName, pages: pdf.pages, edition: form.edition, warnings }), provenance: noBoxes };
    // a property form sharing ACORD 25's field names: label it, read the parties, never read it as liability
    const header = new Map([...values].filter(([name]) => SHARED_SECTIONS.has(ACORD25_FIELDS[name].section) || name === 'Form_CompletionDate_A'));
    const extraction = acord25FromFields(header, { fileName, pages: pdf.pages, edition: form.edition, warnings });
    extraction.warnings.push(`${form.type} is a property form: its coverages are not read`);
    return { extraction: { ...extraction, form, policies: [] }, provenance: noBoxes };
  } finally {
    await pdf.close();
  }
}

/** Pages read for a flattened certificate: the certificate is the first page, or close to it in a package. */
const MAX_LAYOUT_PAGES = 4;
/** A page with fewer words than this has no usable text layer (a scan with a stray OCR word or a stamp). */
const MIN_TEXT_LAYER_WORDS = 40;

/**
 * The positioned words of page `n`: its text layer when it has a usable one, else null. The seam for OCR: an image-only
 * page will be OCRed here (and a text layer that disagrees with the rendered page checked here; not done yet).
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
async function extractFromWords(pdf: OpenedPdf, fileName: string): Promise<CertificateReading> {
  const count = Math.min(pdf.pages, MAX_LAYOUT_PAGES);
  const pages: PageWords[] = [];
  const imageOnly: number[] = [];
  for (let n = 1; n <= count; n++) {
    const words = await wordsForPage(pdf, n, { marks: false });
    if (words) pages.push(words);
    else imageOnly.push(n);
  }
  if (imageOnly.length > 0) pages.push(...(await ocrPdfPages(pdf.doc, imageOnly)));
  pages.sort((a, b) => a.page - b.page);
  const method = imageOnly.length === 0 ? 'text' : imageOnly.length === count ? 'ocr' : 'mixed';
  // check boxes a flattener drew as vector ticks (pdf-lib) are not in the text layer: fetched for the certificate page
  const marks = async (page: PageWords) => (page.source === 'text' ? vectorMarks(await pdf.doc.getPage(page.page)) : []);
  return readWords(pages, { fileName, pages: pdf.pages, method, warnings: [...pdf.warnings], marks });
}

type WordsContext = {
  fileName: string;
  pages: number;
  method: 'text' | 'ocr' | 'mixed';
  warnings: string[];
  marks: ((page: PageWords) => Promise<PageWords['words']>) | null;
};

/** Positioned words of a document → an extraction, by the reader that fits the form they show. */
async function readWords(pages: PageWords[], ctx: WordsContext): Promise<CertificateReading> {
  const sizes = pages.map((p) => ({ page: p.page, width: p.width, height: p.height }));
  const wordCount = pages.reduce((n, p) => n + p.words.length, 0);
  if (wordCount === 0) throw new ExtractionError('unsupported', 'no readable text was found in the file');
  const found = acord25LayoutPage(pages);
  if (found !== null) {
    const needMarks = ctx.marks !== null && found.form.type === 'ACORD 25' && !hasTextCheckMarks(found);
    const marked: PageWords = needMarks ? { ...found.page, words: [...found.page.words, ...(await ctx.marks!(found.page))] } : found.page;
    const { extraction, provenance } = readAcord25Layout([marked], { fileName: ctx.fileName, pages: ctx.pages, method: ctx.method, warnings: ctx.warnings });
    // not yet: text painted over after issue (a text layer that disagrees with the rendered page) is not detected
    return { extraction: checked(extraction, pages, ctx.method), provenance: { pages: sizes, boxes: provenance } };
  }
  const form = recognizeForm(pages);
  if (!form.isCertificate) throw new ExtractionError('unsupported', form.reason);
  const extraction = genericFromWords(pages, { fileName: ctx.fileName, pages: ctx.pages, method: ctx.method });
  // a page that looks like a certificate but yields nothing a certificate shows is reported, not returned empty
  if (extraction.policies.length === 0 && !extraction.insured.name && extraction.insurers.length === 0 && !extraction.producer.name) {
    throw new ExtractionError('unsupported', `no certificate content could be read (${form.reason})`);
  }
  extraction.warnings.unshift(...ctx.warnings);
  // the generic reader does not record boxes yet
  return { extraction, provenance: { pages: sizes, boxes: {} } };
}

/** Warnings every layout reading gets: instruction-like text, and (for OCR) insurer codes checked against the NAIC table. */
function checked(extraction: Extraction, pages: PageWords[], method: WordsContext['method']): Extraction {
  const text = pages.map((p) => p.words.map((w) => w.text).join(' ')).join('\n');
  if (findInstructionText(text).length > 0) extraction.warnings.push(INSTRUCTION_TEXT_WARNING);
  if (method !== 'text') {
    extraction.insurers = extraction.insurers.map((insurer) => {
      const c = checkInsurer(insurer.name, insurer.naic);
      extraction.warnings.push(...c.warnings);
      return { ...insurer, naic: c.naic };
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

/**
 * Fills blanks from the XFA datasets (an XFA-aware filler may have updated only those) and warns where the two
 * halves of a hybrid disagree; the AcroForm value is kept then, since it is what the widget shows.
 */
function mergeXfa(values: Map<string, string | boolean>, pdf: OpenedPdf): string[] {
  const warnings: string[] = [];
  if (!pdf.xfaDatasets || values.size === 0) return warnings;
  // fields only the XFA half has (the hybrid's edition stamp)
  for (const [name, f] of Object.entries(ACORD25_FIELDS)) {
    const xfa = pdf.xfaDatasets.get(name);
    if (!values.has(name) && xfa !== undefined) values.set(name, f.type === 'checkbox' ? xfa.trim() === '1' : xfa);
  }
  for (const [name, current] of values) {
    const xfa = pdf.xfaDatasets.get(name);
    if (xfa === undefined) continue;
    if (typeof current === 'boolean') {
      const checked = xfa.trim() === '1';
      if (!current && checked) values.set(name, true);
      else if (current && xfa.trim() === '0') warnings.push(`${name}: the AcroForm and XFA values disagree`);
      continue;
    }
    if (current.trim() === '' && xfa.trim() !== '') values.set(name, xfa);
    else if (xfa.trim() !== '' && xfa.trim() !== current.trim()) warnings.push(`${name}: the AcroForm and XFA values disagree`);
  }
  return warnings;
}

export type { Acord25Values };

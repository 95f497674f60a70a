// Opening PDF bytes with pdfjs-dist (no worker thread, no network, no eval) and reading their form fields:
// AcroForm values and checkbox states, plus the XFA datasets of XFA+AcroForm hybrids when they can be read.
// Failures become ExtractionErrors with a code: 'encrypted' (user password), 'corrupt', 'empty', and 'unsupported'
// for files past the limits of limits.ts and inflate.ts (decompression bombs, absurd images, deep nesting).
import { createRequire } from 'node:module';
import path from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument as PdfLibDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { ExtractionError } from '../errors.js';
import { emptyPasswordStreamDecrypter } from './decrypt.js';
import { inflateLimitError, installBoundedInflate, withInflateBudget } from './inflate.js';
import { MAX_IMAGE_PIXELS, pdfLimitProblem } from './limits.js';

const require = createRequire(import.meta.url);

/**
 * pdfjs, loaded with require (Node 20.19+ loads an ES module synchronously that way) with source maps off while it
 * loads, and never through import. Under tsx (the CLI, the server and its reader worker, the bench) an import passes
 * through tsx's loader, which rewrites every dynamic import() in the module and writes a source map of the whole file,
 * and with source maps on Node parses the map of every module it loads: for pdfjs's 3.3 MB of code (pdf.mjs and the
 * worker module it imports when it first opens a document) that held about 300 MB for the life of the process. The
 * worker module is loaded here too: it leaves its handler on globalThis.pdfjsWorker, where pdfjs looks before importing
 * the module itself (under Node it runs its worker's code on this thread). Other modules take pdfjs from here.
 */
function loadPdfjs(): typeof import('pdfjs-dist/legacy/build/pdf.mjs') {
  const sourceMaps = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  try {
    const api = require('pdfjs-dist/legacy/build/pdf.mjs') as typeof import('pdfjs-dist/legacy/build/pdf.mjs');
    require('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return api;
  } finally {
    process.setSourceMapsEnabled(sourceMaps);
  }
}

export const pdfjs = loadPdfjs();

installBoundedInflate();

// pdfjs asks for its standard fonts by URL when it renders or reads text; point it at the package's own folder.
const STANDARD_FONT_DATA_URL = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;

export type PdfFieldValue = { kind: 'text'; value: string } | { kind: 'checkbox'; checked: boolean };

export type OpenedPdf = {
  doc: PDFDocumentProxy;
  pages: number;
  /** Field values by the field's full name as the PDF spells it (XFA hybrids: F[0].P1[0].X[0]). */
  fields: Map<string, PdfFieldValue>;
  /** Leaf values of the XFA datasets, by element name, when the PDF carries them and they could be read. */
  xfaDatasets: Map<string, string> | null;
  /** Whether the PDF declares XFA at all (hybrid or pure). */
  hasXfa: boolean;
  warnings: string[];
  /**
   * The document to render pages of: `doc` itself when it was opened for rendering, else the same bytes opened again
   * with pdfjs's standard fonts, once, on the first call (closed by close()).
   */
  renderable(): Promise<PDFDocumentProxy>;
  close(): Promise<void>;
};

/**
 * pdfjs's options for the bytes. `fonts`: the glyph programs of the standard 14 fonts that a PDF names without
 * embedding them (Helvetica: the values a filler or flattener writes) are loaded from pdfjs's standard_fonts folder.
 * Only drawing needs them: a text layer's positions come from the font's /Widths or pdfjs's built-in metrics, and its
 * characters from the encoding. Parsing them again for every document (Type1 to OpenType) cost a flattened certificate
 * a third of its reading time, so a document is opened without them unless it is to be rendered.
 */
function documentOptions(bytes: Uint8Array, fonts: boolean) {
  return {
    // pdfjs transfers (detaches) the buffer it is given; hand it a copy so the caller's bytes stay usable
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    ...(fonts ? { standardFontDataUrl: STANDARD_FONT_DATA_URL } : {}),
    // images past the pixel limit are skipped, not decoded (limits.ts refuses the ones it can see up front)
    maxImageSize: MAX_IMAGE_PIXELS,
    stopAtErrors: false,
    verbosity: 0,
  };
}

/**
 * Opens PDF bytes, for reading (`render`: for rendering its pages first of all, see documentOptions). The caller must
 * call close().
 */
export async function openPdf(bytes: Uint8Array, options: { render?: boolean } = {}): Promise<OpenedPdf> {
  const problem = pdfLimitProblem(bytes);
  if (problem) throw new ExtractionError('unsupported', `the PDF is refused: ${problem}`);
  const render = options.render ?? false;
  let doc: PDFDocumentProxy;
  try {
    doc = await pdfjs.getDocument(documentOptions(bytes, render)).promise;
  } catch (err) {
    throw classifyOpenError(err);
  }
  try {
    const { value, budget } = await withInflateBudget(() => readDocument(doc));
    const overflow = inflateLimitError(budget);
    if (overflow) throw overflow;
    const { fields, hasXfa } = value;
    const warnings: string[] = [];
    let xfaDatasets: Map<string, string> | null = null;
    if (hasXfa) {
      const read = await readXfaDatasets(bytes).catch((err: unknown) => ({ datasets: null, warning: `XFA datasets not read: ${errorMessage(err)}` }));
      xfaDatasets = read.datasets;
      if (read.warning) warnings.push(read.warning);
    }
    let second: Promise<PDFDocumentProxy> | null = null;
    const renderable = () => (render ? Promise.resolve(doc) : (second ??= pdfjs.getDocument(documentOptions(bytes, true)).promise.catch((err: unknown) => Promise.reject(classifyOpenError(err)))));
    const close = async () => {
      await doc.destroy();
      if (second) await (await second.catch(() => null))?.destroy();
    };
    return { doc, pages: doc.numPages, fields, xfaDatasets, hasXfa, warnings, renderable, close };
  } catch (err) {
    await doc.destroy();
    if (err instanceof ExtractionError) throw err;
    throw new ExtractionError('corrupt', `the PDF could not be read: ${errorMessage(err)}`, { cause: err });
  }
}

async function readDocument(doc: PDFDocumentProxy): Promise<{ fields: Map<string, PdfFieldValue>; hasXfa: boolean }> {
  if (doc.numPages === 0) throw new ExtractionError('empty', 'the PDF has no pages');
  const meta = await doc.getMetadata().catch(() => null);
  const info = (meta?.info ?? {}) as { IsXFAPresent?: boolean };
  const hasXfa = info.IsXFAPresent === true;
  const fields = await readAcroFormFields(doc);
  // a page tree whose /Count claims a page its /Kids do not hold: pdfjs counts the page but cannot find it
  if (doc.numPages === 1 && fields.size === 0) {
    await doc.getPage(1).catch((err: unknown) => {
      throw new ExtractionError('empty', `the PDF has no pages (${errorMessage(err)})`, { cause: err });
    });
  }
  return { fields, hasXfa };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function classifyOpenError(err: unknown): ExtractionError {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new ExtractionError('encrypted', 'the PDF is locked with a password', { cause: err });
  return new ExtractionError('corrupt', `not a readable PDF: ${errorMessage(err)}`, { cause: err });
}

type PdfjsFieldObject = { name?: string; type?: string; value?: unknown; exportValues?: unknown; kidIds?: unknown };

async function readAcroFormFields(doc: PDFDocumentProxy): Promise<Map<string, PdfFieldValue>> {
  const fields = new Map<string, PdfFieldValue>();
  const objects = (await doc.getFieldObjects()) as Record<string, PdfjsFieldObject[]> | null;
  if (!objects) return fields;
  for (const [name, widgets] of Object.entries(objects)) {
    const widget = widgets.find((w) => w.type !== undefined && w.type !== '');
    if (!widget) continue; // a parent node (F[0], F[0].P1[0]) with no value of its own
    if (widget.type === 'checkbox' || widget.type === 'radiobutton') {
      const checked = widgets.some((w) => typeof w.value === 'string' && w.value !== 'Off' && w.value !== '' && (w.exportValues === undefined || w.value === w.exportValues));
      fields.set(name, { kind: 'checkbox', checked });
    } else if (widget.type === 'text' || widget.type === 'combobox' || widget.type === 'listbox') {
      const value = Array.isArray(widget.value) ? widget.value.join('\n') : typeof widget.value === 'string' ? widget.value : '';
      fields.set(name, { kind: 'text', value });
    }
  }
  return fields;
}

// pdf-lib's parser reports objects it cannot parse (every object stream of an encrypted file) with console.warn,
// which would litter the CLI's stderr; while it loads, those messages (and only those) are dropped.
const PDF_LIB_PARSER_NOISE = /^(Trying to parse invalid object|Invalid object ref|Removing parsed object)/;
let quietLoads = 0;
const consoleWarn = console.warn;

async function loadWithPdfLib(bytes: Uint8Array): Promise<PdfLibDocument> {
  if (quietLoads++ === 0) {
    console.warn = (...args: unknown[]) => {
      if (!(typeof args[0] === 'string' && PDF_LIB_PARSER_NOISE.test(args[0]))) consoleWarn(...args);
    };
  }
  try {
    return await PdfLibDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } finally {
    if (--quietLoads === 0) console.warn = consoleWarn;
  }
}

/**
 * The leaf elements of the XFA `datasets` packet (e.g. `<Producer_FullName_A>…`), by element name. The XFA entry is
 * either one XDP stream or an array of (packet name, stream) pairs. Owner-password-only RC4 files are decrypted here.
 */
async function readXfaDatasets(bytes: Uint8Array): Promise<{ datasets: Map<string, string> | null; warning?: string }> {
  const lib = await loadWithPdfLib(bytes);
  const acroForm = lib.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const xfa = acroForm?.get(PDFName.of('XFA'));
  const refs: PDFRef[] = [];
  const resolved = xfa instanceof PDFRef ? lib.context.lookup(xfa) : xfa;
  if (xfa instanceof PDFRef && resolved instanceof PDFRawStream) refs.push(xfa);
  else if (resolved instanceof PDFArray) {
    for (let i = 1; i < resolved.size(); i += 2) {
      const item = resolved.get(i);
      if (item instanceof PDFRef) refs.push(item);
    }
  }
  if (refs.length === 0) return { datasets: null };
  const decrypt = lib.isEncrypted ? emptyPasswordStreamDecrypter(lib) : null;
  if (lib.isEncrypted && !decrypt) return { datasets: null, warning: 'XFA datasets not read: the PDF uses an encryption this reader does not decrypt; its AcroForm values were used' };
  for (const ref of refs) {
    const stream = lib.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const raw = decrypt ? PDFRawStream.of(stream.dict, decrypt(ref, stream.contents)) : stream;
    const xml = new TextDecoder('utf-8').decode(decodePDFRawStream(raw).decode());
    const start = xml.search(/<xfa:datasets[\s>]/);
    if (start < 0) continue;
    const end = xml.indexOf('</xfa:datasets>', start);
    return { datasets: parseXfaLeaves(xml.slice(start, end < 0 ? undefined : end)) };
  }
  return { datasets: null };
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : XML_ENTITIES[e],
  );
}

/** Leaf elements `<Name>text</Name>` and empty `<Name/>` of an XML document; the first occurrence of a name wins. */
export function parseXfaLeaves(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const leaf = /<([A-Za-z_][\w.-]*)(?:\s[^<>]*?)?(?:\/>|>([^<]*)<\/\1\s*>)/g;
  for (const m of xml.matchAll(leaf)) {
    if (!out.has(m[1])) out.set(m[1], unescapeXml(m[2] ?? ''));
  }
  return out;
}

/** The text of page `n` (1-based) as one string, items joined by spaces. */
export async function pageText(doc: PDFDocumentProxy, n: number): Promise<string> {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  return content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
}

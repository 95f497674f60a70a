// Optical character recognition of page bitmaps with tesseract.js, entirely from local files: the wasm core comes
// from tesseract.js-core and the English model from @tesseract.js-data/eng in node_modules, so nothing is ever
// downloaded (tesseract.js would otherwise fetch both from a CDN). One worker thread is created on first use and
// reused; jobs run one at a time; after OCR_IDLE_MS without a job it is stopped. Word boxes are mapped back to page
// points (top-left origin).
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { roundPoints, type PageWords, type Word } from '../layout/words.js';
import { withoutParagraphs, type TextBlock } from './boilerplate.js';
import { cleanPage, type CleanedPage } from './preprocess.js';
import { isBlackAndWhite, type GreyBitmap, type PageBitmap } from './render.js';
import { repairWord } from './vocabulary.js';

const require = createRequire(import.meta.url);

/**
 * Where the English model is read from: the package's LSTM-only integer model (smaller and faster to load than the
 * legacy+LSTM one beside it), gzipped as shipped.
 */
export const ENG_LANG_PATH = path.join(path.dirname(require.resolve('@tesseract.js-data/eng')), '4.0.0_best_int');

/** The options createWorker is given; exported so a test can check that every path is local. */
export const WORKER_OPTIONS = {
  langPath: ENG_LANG_PATH,
  gzip: true,
  // the model is read from node_modules each time a worker starts; never written to a cache directory
  cacheMethod: 'none',
  workerPath: path.join(path.dirname(require.resolve('tesseract.js/package.json')), 'src', 'worker-script', 'node', 'index.js'),
} as const;

/** Words below this confidence (0..100) that are also not alphanumeric are dropped as noise from line remnants. */
const NOISE_CONFIDENCE = 40;

/**
 * No letter or digit is printed flatter than this (points): a lower-case 'o' of the smallest type on a certificate
 * (4 pt) stands about 2 pt tall.
 */
const MIN_GLYPH_PT = 1.2;

/** A one-stroke glyph (I, l, 1) of 6 pt type or larger is boxed wider than this (points): a narrower one is a rule. */
const HAIRLINE_PT = 0.3;

/** Words below this confidence (0..100) that are one OCR slip from an English word are taken for it (vocabulary.ts). */
const REPAIR_CONFIDENCE = 90;

/**
 * The worker is stopped once it has had no job for this long: it holds about 120 MB (the model, and wasm memory grown
 * to the largest page it has read) that a server between uploads has no use for. Within a batch the next page comes
 * long before; restarting costs about a second.
 */
export const OCR_IDLE_MS = 30_000;

let workerPromise: Promise<Worker> | null = null;
let queue: Promise<unknown> = Promise.resolve();
/** Calls of recognizeBitmap not yet answered (including those waiting for the worker to start). */
let busy = 0;
let idleTimer: NodeJS.Timeout | null = null;

function getWorker(): Promise<Worker> {
  if (!workerPromise) {
    workerPromise = (async () => {
      const worker = await createWorker('eng', OEM.LSTM_ONLY, { ...WORKER_OPTIONS, errorHandler: () => {} });
      await worker.setParameters({
        // forms are islands of text in boxes: sparse text finds more of them than whole-page layout analysis
        tessedit_pageseg_mode: PSM.SPARSE_TEXT,
        user_defined_dpi: '300',
        // a line read with low confidence is otherwise read a second time turned white on black, in case it was
        // printed inverted; the pages are black on white once cleaned, and rule remnants and specks make many such lines
        tessedit_do_invert: '0',
        // a search for music staves (five parallel lines) over the whole page before layout analysis: a form's rules
        // are gone by then, and no certificate carries music
        pageseg_apply_music_mask: '0',
        // tesseract's own messages ('Detected 119 diacritics') go nowhere, not into the process's stderr or stdout
        debug_file: '/dev/null',
      });
      current = { psm: PSM.SPARSE_TEXT, whitelist: '' };
      return worker;
    })();
    workerPromise.catch(() => {
      workerPromise = null;
    });
  }
  return workerPromise;
}

/** Whether an OCR worker is running or starting. */
export function ocrWorkerRunning(): boolean {
  return workerPromise !== null;
}

/** Stops the shared OCR worker (its thread keeps the process alive). The next OCR call starts a new one. */
export async function terminateOcr(): Promise<void> {
  clearIdle();
  const pending = workerPromise;
  workerPromise = null;
  if (!pending) return;
  await queue.catch(() => {});
  const worker = await pending.catch(() => null);
  await worker?.terminate();
}

function clearIdle(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
}

/** Arms the idle stop once the last job is answered; the timer never keeps the process alive by itself. */
function armIdle(): void {
  clearIdle();
  if (busy > 0 || !workerPromise) return;
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (busy === 0) void terminateOcr();
  }, OCR_IDLE_MS);
  idleTimer.unref();
}

/** Runs one job at a time on the shared worker. */
function serially<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => {});
  return run;
}

/**
 * The bitmap as a file leptonica reads without an image codec: a bitmap of pure black and white (a cleaned page, or a
 * crop of one) as a 1-bit PBM (P4), which tesseract takes as already binarized (it skips its own thresholding of the
 * page, a few hundred ms at 300 dpi, and reads the same words), anything else as a PGM (P5) for tesseract to threshold.
 */
export function toNetpbm(bitmap: GreyBitmap): Uint8Array {
  return isBlackAndWhite(bitmap) ? toPbm(bitmap) : toPgm(bitmap);
}

/** A binary PBM (P4) file of a black-and-white bitmap: 1 is ink, rows padded to whole bytes. */
export function toPbm(bitmap: GreyBitmap): Uint8Array {
  const { width, height, data } = bitmap;
  const header = Buffer.from(`P4\n${width} ${height}\n`, 'ascii');
  const rowBytes = (width + 7) >> 3;
  const out = new Uint8Array(header.length + rowBytes * height);
  out.set(header, 0);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const at = header.length + y * rowBytes;
    for (let x = 0; x < width; x += 8) {
      let byte = 0;
      const end = Math.min(8, width - x);
      for (let b = 0; b < end; b++) if (data[row + x + b]! < 128) byte |= 0x80 >> b;
      out[at + (x >> 3)] = byte;
    }
  }
  return out;
}

/** A binary PGM (P5) file of the bitmap. */
export function toPgm(bitmap: GreyBitmap): Uint8Array {
  const header = Buffer.from(`P5\n${bitmap.width} ${bitmap.height}\n255\n`, 'ascii');
  const out = new Uint8Array(header.length + bitmap.data.length);
  out.set(header, 0);
  out.set(bitmap.data, header.length);
  return out;
}

/** Tesseract's words on a bitmap, in the bitmap's pixels. */
export type PixelWord = { text: string; left: number; top: number; width: number; height: number; confidence: number };

/** How tesseract is to read a bitmap: a page segmentation mode and, for value cells, the characters allowed. */
export type RecognizeOptions = { psm?: PSM; whitelist?: string };

/** Parameters as the worker last had them, so a call sets only what changes. */
let current = { psm: PSM.SPARSE_TEXT as PSM, whitelist: '' };

export async function recognizeBitmap(bitmap: GreyBitmap, options: RecognizeOptions = {}): Promise<PixelWord[]> {
  // (a bitmap without ink has no words; tesseract given a blank cell to read as one character prints its empty
  // statistics to the process's standard output, into a JSON Lines batch)
  if (!hasInk(bitmap)) return [];
  busy++;
  clearIdle();
  try {
    const worker = await getWorker();
    return await serially(async () => {
      const wanted = { psm: options.psm ?? PSM.SPARSE_TEXT, whitelist: options.whitelist ?? '' };
      if (wanted.psm !== current.psm || wanted.whitelist !== current.whitelist) {
        await worker.setParameters({ tessedit_pageseg_mode: wanted.psm, tessedit_char_whitelist: wanted.whitelist });
        current = wanted;
      }
      // handed over as a Buffer view of the file, not a copy of it (tesseract.js makes its own copy to post to its thread)
      const file = toNetpbm(bitmap);
      const { data } = await worker.recognize(Buffer.from(file.buffer, file.byteOffset, file.byteLength), {}, { text: false, blocks: false, tsv: true });
      return parseTsv(data.tsv ?? '');
    });
  } finally {
    busy--;
    armIdle();
  }
}

/** Whether any pixel of the bitmap is darker than mid-grey. */
function hasInk(bitmap: GreyBitmap): boolean {
  for (let i = 0; i < bitmap.data.length; i++) if (bitmap.data[i]! < 128) return true;
  return false;
}

/** Word rows (level 5) of tesseract's TSV output. */
export function parseTsv(tsv: string): PixelWord[] {
  const words: PixelWord[] = [];
  for (const line of tsv.split('\n')) {
    const cols = line.split('\t');
    if (cols.length < 12 || cols[0] !== '5') continue;
    const text = cols.slice(11).join('\t').trim();
    if (text === '') continue;
    words.push({ text, left: Number(cols[6]), top: Number(cols[7]), width: Number(cols[8]), height: Number(cols[9]), confidence: Number(cols[10]) });
  }
  return words;
}

/**
 * OCR of one page bitmap: cleaned, recognized, and its words placed in page points. Words keep the straightened
 * page's coordinates: turned back onto the crooked scan, a line's words would climb or fall across the page (4 pt over
 * a letter page at 0.4°) and no longer group into rows; the boxes differ from the scan's by at most that much.
 */
export async function ocrPageBitmap(page: PageBitmap): Promise<PageWords> {
  return (await ocrPageWithBitmap(page)).words;
}

/** A page's whole-page reading, with what the page's later passes work from (ocrPageWithBitmap). */
export type FirstReading = { words: PageWords; cleaned: GreyBitmap; binary: GreyBitmap; grey: GreyBitmap; paragraphs: TextBlock[]; page: CleanedPage; read: GreyBitmap };

/**
 * As ocrPageBitmap, with the page as cleaned (`page`; `cleaned`, `binary` and `grey` its parts: for a second pass over
 * value cells), the printed paragraphs blanked before the whole-page pass (`paragraphs`) and the bitmap read (`read`).
 */
export async function ocrPageWithBitmap(page: PageBitmap): Promise<FirstReading> {
  // (a photo's hairlines are left to Otsu: its evened-out paper's grain makes ridges of its own)
  const cleaned = cleanPage(page.bitmap, page.pixelsPerPoint, { hairlines: page.photo !== true });
  // the page is read as rendered, at 300 dpi: a 200 dpi scan or a phone photo enlarged to it reads better than at its
  // own resolution (taller letters for tesseract, at about the same time; carrier scans and photos 78.3 → 80.0% of
  // fields, ACORD 25 scans 99.0 → 99.7%)
  // (the form's printed paragraphs blanked: a third of its characters, which no field comes from; boilerplate.ts)
  const { bitmap: read, blanked } = await withoutParagraphs(cleaned.bitmap, page.pixelsPerPoint, recognizeBitmap);
  const words = toPageWords(await recognizeBitmap(read), page.pixelsPerPoint, 0, 0);
  return { words: { page: page.page, width: page.widthPt, height: page.heightPt, source: 'ocr', words }, cleaned: cleaned.bitmap, binary: cleaned.binary, grey: cleaned.grey, paragraphs: blanked, page: cleaned, read };
}

/** Tesseract's words, found in a crop whose top-left is (`left`, `top`) on the page bitmap, in page points. */
export function toPageWords(pixelWords: PixelWord[], pixelsPerPoint: number, left: number, top: number): Word[] {
  const words: Word[] = [];
  const s = pixelsPerPoint;
  for (const w of pixelWords) {
    const cleaned = cleanWordText(w.text);
    if (cleaned === null || (w.confidence < NOISE_CONFIDENCE && !/[\p{L}\p{N}]/u.test(cleaned))) continue;
    // letters or digits in a box flatter than any printed letter are what tesseract made of a speck or a rule's edge
    // ('oo' half a point tall beside an insurer's name)
    if (w.height < MIN_GLYPH_PT * s && /[\p{L}\p{N}]/u.test(cleaned)) continue;
    // a stroke in a box a pixel or a hairline wide is a rule's edge ('I' before a policy number on a photo), not type
    if (/^[Il1|!]$/.test(cleaned) && (w.width <= 1 || w.width < HAIRLINE_PT * s)) continue;
    // only a word tesseract doubted: a name it read with confidence ("Horne") stays as read, English or not
    const text = capitalIReadAsL(w.confidence < REPAIR_CONFIDENCE ? repairWord(cleaned) : cleaned);
    words.push({
      text,
      x: roundPoints((w.left + left) / s),
      y: roundPoints((w.top + top) / s),
      width: roundPoints(w.width / s),
      height: roundPoints(w.height / s),
      confidence: Math.max(0, Math.min(1, w.confidence / 100)),
    });
  }
  return words;
}

/**
 * A word's first letter I where OCR read it as a lower-case l: no English word starts with l and a consonant other
 * than l or y ('lronbridge', 'lnc.'), and no word of capitals starts with a lower-case letter ('lNSURED'). Words with
 * anything but letters (a policy number) are left, as are the abbreviations 'lbs' and 'ltd'.
 */
export function capitalIReadAsL(text: string): string {
  const m = /^([("'‘“]?)l([A-Za-z]+)([.,:;)'’"”]*)$/.exec(text);
  if (!m) return text;
  const [, before, rest, after] = m as unknown as [string, string, string, string];
  const capitals = /^[A-Z]{2,}$/.test(rest);
  const consonant = /^[bcdfghjkmnpqrstvwxz][a-z]+$/.test(rest);
  if ((!capitals && !consonant) || /^(?:bs|td)$/.test(rest)) return text;
  return `${before}I${rest}${after}`;
}

/** Marks that are never a printed word on their own: what is left of ruled lines and box edges. */
const RULE_REMNANT = /^(?:[|\[\]{}()_—=~'"‘’“”`.,:;!i¦]+|[-–]{2,})$/u;

/**
 * A word's text without the rule remnants tesseract glues to it ("|X|", "|S", "1,000,000|", "Tampa_"), or null when nothing but
 * remnants is left. A checked box read as "[X]" is kept whole: the layout reader knows it.
 */
export function cleanWordText(text: string): string | null {
  const t = text.trim();
  if (t === '' || RULE_REMNANT.test(t)) return null;
  if (/^\[[Xx]\]$/.test(t)) return t;
  const stripped = t.replace(/^[|¦[\]_]+/u, '').replace(/[|¦[\]_]+$/u, '');
  return stripped === '' ? null : stripped;
}


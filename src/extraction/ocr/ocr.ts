// Optical character recognition of page bitmaps with tesseract.js, entirely from local files: the wasm core comes
// from tesseract.js-core and the English model from @tesseract.js-data/eng in node_modules, so nothing is ever
// downloaded (tesseract.js would otherwise fetch both from a CDN). One worker thread is created on first use and
// reused; jobs run one at a time. Word boxes are mapped back to page points (top-left origin).
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { PageWords, Word } from '../layout/words.js';
import { cleanPage } from './preprocess.js';
import type { GreyBitmap, PageBitmap } from './render.js';

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

let workerPromise: Promise<Worker> | null = null;
let queue: Promise<unknown> = Promise.resolve();

function getWorker(): Promise<Worker> {
  if (!workerPromise) {
    workerPromise = (async () => {
      const worker = await createWorker('eng', OEM.LSTM_ONLY, { ...WORKER_OPTIONS, errorHandler: () => {} });
      await worker.setParameters({
        // forms are islands of text in boxes: sparse text finds more of them than whole-page layout analysis
        tessedit_pageseg_mode: PSM.SPARSE_TEXT,
        user_defined_dpi: '300',
      });
      return worker;
    })();
    workerPromise.catch(() => {
      workerPromise = null;
    });
  }
  return workerPromise;
}

/** Stops the shared OCR worker (its thread keeps the process alive). The next OCR call starts a new one. */
export async function terminateOcr(): Promise<void> {
  const pending = workerPromise;
  workerPromise = null;
  if (!pending) return;
  await queue.catch(() => {});
  const worker = await pending.catch(() => null);
  await worker?.terminate();
}

/** Runs one job at a time on the shared worker. */
function serially<T>(job: () => Promise<T>): Promise<T> {
  const run = queue.then(job, job);
  queue = run.catch(() => {});
  return run;
}

/** A binary PGM (P5) file of the bitmap: leptonica reads it without an image codec, and it costs nothing to write. */
export function toPgm(bitmap: GreyBitmap): Uint8Array {
  const header = Buffer.from(`P5\n${bitmap.width} ${bitmap.height}\n255\n`, 'ascii');
  const out = new Uint8Array(header.length + bitmap.data.length);
  out.set(header, 0);
  out.set(bitmap.data, header.length);
  return out;
}

/** Tesseract's words on a bitmap, in the bitmap's pixels. */
export type PixelWord = { text: string; left: number; top: number; width: number; height: number; confidence: number };

export async function recognizeBitmap(bitmap: GreyBitmap): Promise<PixelWord[]> {
  const worker = await getWorker();
  return serially(async () => {
    const { data } = await worker.recognize(Buffer.from(toPgm(bitmap)), {}, { text: false, blocks: false, tsv: true });
    return parseTsv(data.tsv ?? '');
  });
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

/** OCR of one page bitmap: cleaned, recognized, and its words placed in page points. */
export async function ocrPageBitmap(page: PageBitmap): Promise<PageWords> {
  const cleaned = cleanPage(page.bitmap, page.pixelsPerPoint);
  const pixelWords = await recognizeBitmap(cleaned.bitmap);
  const { width, height } = page.bitmap;
  const a = (cleaned.skewDegrees * Math.PI) / 180;
  const sin = Math.sin(a);
  const cos = Math.cos(a);
  const words: Word[] = [];
  for (const w of pixelWords) {
    if (w.confidence < NOISE_CONFIDENCE && !/[\p{L}\p{N}]/u.test(w.text)) continue;
    // the cleaned bitmap is the page turned by -skew about its centre: turn the word's centre back by +skew
    const cx = w.left + w.width / 2 - width / 2;
    const cy = w.top + w.height / 2 - height / 2;
    const ox = cx * cos - cy * sin + width / 2;
    const oy = cx * sin + cy * cos + height / 2;
    const s = page.pixelsPerPoint;
    words.push({
      text: w.text,
      x: round2((ox - w.width / 2) / s),
      y: round2((oy - w.height / 2) / s),
      width: round2(w.width / s),
      height: round2(w.height / s),
      confidence: Math.max(0, Math.min(1, w.confidence / 100)),
    });
  }
  return { page: page.page, width: page.widthPt, height: page.heightPt, source: 'ocr', words };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

// Which way up a page is. A sheet is fed into a scanner sideways or upside down, and a phone stores a photo as its
// sensor saw it with an EXIF tag saying how to turn it: tesseract reads only upright type, and turned type is read as
// confident-looking garbage. Three checks: the image's own orientation tag (EXIF in a JPEG or PNG, the TIFF tag), the
// direction the page's lines of type run (a projection profile: across, or down), and, for a page upside down,
// tesseract's own confidence in its first reading (an upright page's words are read at a median of 0.9 and over; the
// same page turned over, at 0.2).
import { binarize, INK, projectionSharpness, transpose, withoutRuns } from './preprocess.js';
import type { GreyBitmap, PageBitmap } from './render.js';
import type { Word } from '../layout/words.js';

/** Quarter turns clockwise. */
export type QuarterTurns = 0 | 1 | 2 | 3;

/**
 * The bitmap as it is to be seen under EXIF orientation `orientation` (1–8, TIFF's tag 274): 1 as stored, 3 turned
 * half round, 6 a quarter clockwise, 8 a quarter anticlockwise, and 2, 4, 5, 7 those mirrored.
 */
export function orientBitmap(b: GreyBitmap, orientation: number): GreyBitmap {
  const { width: W, height: H, data } = b;
  if (!Number.isInteger(orientation) || orientation < 2 || orientation > 8) return b;
  const swap = orientation >= 5;
  const width = swap ? H : W;
  const height = swap ? W : H;
  // (an input pixel for each output one: x, y of the output → x, y of the input)
  const at: (x: number, y: number) => number = {
    2: (x: number, y: number) => y * W + (W - 1 - x),
    3: (x: number, y: number) => (H - 1 - y) * W + (W - 1 - x),
    4: (x: number, y: number) => (H - 1 - y) * W + x,
    5: (x: number, y: number) => x * W + y,
    6: (x: number, y: number) => (H - 1 - x) * W + y,
    7: (x: number, y: number) => (H - 1 - x) * W + (W - 1 - y),
    8: (x: number, y: number) => x * W + (W - 1 - y),
  }[orientation]!;
  const out = new Uint8Array(width * height);
  if (orientation === 5) out.set(transpose(data, W, H));
  else if (orientation === 3) for (let i = 0, n = data.length; i < n; i++) out[i] = data[n - 1 - i]!;
  else for (let y = 0; y < height; y++) for (let x = 0, row = y * width; x < width; x++) out[row + x] = data[at(x, y)]!;
  return { width, height, data: out };
}

/** The bitmap turned `quarters` quarter turns clockwise. */
export function turnBitmap(b: GreyBitmap, quarters: QuarterTurns): GreyBitmap {
  return quarters === 0 ? b : orientBitmap(b, [1, 6, 3, 8][quarters]!);
}

/** The page turned `quarters` quarter turns clockwise: a quarter turn swaps its width and height. */
export function turnPage(page: PageBitmap, quarters: QuarterTurns): PageBitmap {
  if (quarters === 0) return page;
  const odd = quarters % 2 === 1;
  return { ...page, bitmap: turnBitmap(page.bitmap, quarters), widthPt: odd ? page.heightPt : page.widthPt, heightPt: odd ? page.widthPt : page.heightPt };
}

/**
 * The orientation (1–8) an image's EXIF data gives: a JPEG's APP1 'Exif' segment, or a PNG's eXIf chunk; 1 (as
 * stored) where it has none or it cannot be read. Only the tag is read: the bytes are never trusted further.
 */
export function exifOrientation(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number, n: number) => String.fromCharCode(...bytes.subarray(at, at + n));
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    // JPEG: the markers before the image data (SOS), each with its length
    for (let i = 2; i + 4 <= bytes.length && bytes[i] === 0xff; ) {
      const marker = bytes[i + 1]!;
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
        i += marker === 0xff ? 1 : 2;
        continue;
      }
      if (marker === 0xda || marker === 0xd9) break;
      const length = view.getUint16(i + 2);
      if (marker === 0xe1 && length >= 8 && ascii(i + 4, 6) === 'Exif\0\0') return tiffOrientation(view, i + 10, i + 2 + length);
      i += 2 + length;
    }
    return 1;
  }
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') {
    for (let i = 8; i + 8 <= bytes.length; ) {
      const length = view.getUint32(i);
      const type = ascii(i + 4, 4);
      if (type === 'eXIf') return tiffOrientation(view, i + 8, i + 8 + length);
      if (type === 'IDAT' || type === 'IEND') break;
      i += 12 + length;
    }
  }
  return 1;
}

/** The orientation tag (274) of the first IFD of TIFF-structured data at [start, end) of `view`; 1 where it has none. */
function tiffOrientation(view: DataView, start: number, end: number): number {
  end = Math.min(end, view.byteLength);
  if (end - start < 8) return 1;
  const order = view.getUint16(start);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  const ifd = start + view.getUint32(start + 4, little);
  if (ifd + 2 > end) return 1;
  const count = view.getUint16(ifd, little);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + 12 * k;
    if (entry + 12 > end) return 1;
    if (view.getUint16(entry, little) !== 274) continue;
    const value = view.getUint16(entry + 8, little);
    return value >= 1 && value <= 8 ? value : 1;
  }
  return 1;
}

/** Lines of type are found on the page shrunk to about this many pixels an inch (a line of 8 pt type is 11 high). */
const PROFILE_DPI = 100;
/**
 * The page's type runs down when its columns' profile is this much more banded than its rows' (an upright page's rows
 * come out 4 to 60 times more banded than its columns; on the project's scans and photos).
 */
const RUNS_DOWN_RATIO = 2;

/**
 * Whether the page's lines of type run down it (a page turned a quarter): the page shrunk (dark wins), black and
 * white, its rules taken out, and its ink projected onto its rows and onto its columns, each at the angle that gives
 * the sharpest profile (a scan's few degrees of skew); lines of type make one profile banded, the other flat.
 */
export function typeRunsDown(page: PageBitmap): boolean {
  const k = Math.max(1, Math.round(page.pixelsPerPoint / (PROFILE_DPI / 72)));
  const small = binarize(shrinkDark(page.bitmap, k));
  const rule = Math.round((30 * page.pixelsPerPoint) / k);
  const glyphs = withoutRuns(small, rule, rule);
  let ink = 0;
  for (let i = 0; i < glyphs.data.length; i++) if (glyphs.data[i] === INK) ink++;
  if (ink < 200) return false;
  // (half a degree apart: near enough the sharpest for the comparison)
  const rows = banding(projectionSharpness(glyphs, 5));
  const columns = banding(projectionSharpness({ width: glyphs.height, height: glyphs.width, data: transpose(glyphs.data, glyphs.width, glyphs.height) }, 5));
  return columns > RUNS_DOWN_RATIO * rows;
}

/**
 * How banded a profile is: its sharpness (ink gathered in few rows) times how steeply it changes from row to row (the
 * sum of its squared steps over the sum of its squares: lines of type go from paper to ink and back at every line,
 * where the columns under many lines of type change little from one to the next). Either alone is fooled by a page
 * of short lines at its left (sharp columns), or a grid (steep columns); their product not.
 */
function banding({ score, profile }: { score: number; profile: Float64Array }): number {
  let steps = 0;
  let squares = 0;
  for (let i = 0; i < profile.length; i++) {
    squares += profile[i]! * profile[i]!;
    if (i > 0) steps += (profile[i]! - profile[i - 1]!) ** 2;
  }
  return squares === 0 ? 0 : score * (steps / squares);
}

/** The bitmap shrunk `k` times each way, each pixel the darkest of its k × k (thin strokes stay). */
function shrinkDark(b: GreyBitmap, k: number): GreyBitmap {
  if (k === 1) return b;
  const width = Math.floor(b.width / k);
  const height = Math.floor(b.height / k);
  const out = new Uint8Array(width * height).fill(255);
  const src = b.data;
  for (let y = 0; y < height * k; y++) {
    const row = y * b.width;
    const outRow = ((y / k) | 0) * width;
    for (let ox = 0, x = 0; ox < width; ox++) {
      let dark = out[outRow + ox]!;
      for (const end = x + k; x < end; x++) if (src[row + x]! < dark) dark = src[row + x]!;
      out[outRow + ox] = dark;
    }
  }
  return { width, height, data: out };
}

/** A first reading whose words' median confidence is under this was of a page upside down (or of no type at all). */
export const LEGIBLE = 0.6;
/** A reading of fewer words than this (a blank page, a logo) is not taken for one of type upside down. */
export const ILLEGIBLE_WORDS = 15;

/** The median confidence of the words of three letters or digits or more (0 when there are none). */
export function medianConfidence(words: readonly Word[]): number {
  const confidences = words
    .filter((w) => /[\p{L}\p{N}]{3}/u.test(w.text))
    .map((w) => w.confidence)
    .sort((a, b) => a - b);
  return confidences.length === 0 ? 0 : confidences[confidences.length >> 1]!;
}

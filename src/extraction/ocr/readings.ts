// Two OCR readings of one page, row by row the better kept. A carrier's page is read twice: once cleaned as an ACORD
// form is (every rule taken out, broken rules and their fringes too), once with the gentler removal that spares text
// standing on a rule (ocr/index.ts). Neither is better everywhere: the gentle page keeps a scan's broken rules and a
// dark band's ragged edge as dashes, which tesseract reads into the row beside them ('Harborview' as 'torview', 'I-01
// EO mE 0624774'); the thorough one cuts an underlined heading's feet. Each row band of the page is taken from the
// reading that tesseract is surer of, letter by letter.
import type { PageWords, Word } from '../layout/words.js';
import { median } from '../text/lines.js';

/** A letter read with this confidence (0..1) or more counts for its reading; below it, against. */
const SURE = 0.6;

/** A word's letters and digits. */
const letters = (w: Word) => w.text.replace(/[^\p{L}\p{N}]/gu, '').length;

/** How much a reading's words in a band are worth: each letter counts by how far its word's confidence is from SURE. */
const worth = (words: Word[]) => words.reduce((n, w) => n + letters(w) * (w.confidence - SURE), 0);

/**
 * A word tesseract made of a rule's shreds (a dark band's ragged edge, a broken rule's dashes): letters under
 * SHRED_PT tall, read with less than SHRED_CONFIDENCE ('new wl na n' along the foot of a table's header band).
 */
const SHRED_PT = 3.2;
const SHRED_CONFIDENCE = 0.5;
const isRuleShred = (w: Word) => w.height < SHRED_PT && w.confidence < SHRED_CONFIDENCE && /[\p{L}\p{N}]/u.test(w.text);

type Band = { top: number; bottom: number };

/**
 * The page's row bands: words of both readings (no taller than twice the median word, a rule read as a tall '|' joins
 * no rows) sorted by their middles, a word that overlaps the band above by a third of its height going into it.
 */
function rowBands(words: Word[]): Band[] {
  const h = median(words.map((w) => w.height)) || 8;
  const bands: Band[] = [];
  for (const w of words.filter((x) => x.height <= 2 * h).sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2))) {
    const last = bands.at(-1);
    if (last && w.y < last.bottom - w.height / 3) last.bottom = Math.max(last.bottom, w.y + w.height);
    else bands.push({ top: w.y, bottom: w.y + w.height });
  }
  return bands;
}

/** The band holding a word's middle, else the nearest one. */
function bandOf(bands: Band[], w: Word): number {
  const mid = w.y + w.height / 2;
  let best = 0;
  let distance = Infinity;
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i]!;
    const d = mid < b.top ? b.top - mid : mid > b.bottom ? mid - b.bottom : 0;
    if (d < distance) {
      distance = d;
      best = i;
    }
  }
  return best;
}

/**
 * `gentle`'s words, each row band where `thorough` reads surer taken from `thorough` instead. Both readings are of the
 * same page, in the same points.
 */
export function surerReading(thorough: PageWords, gentle: PageWords): PageWords {
  const bands = rowBands([...thorough.words, ...gentle.words]);
  if (bands.length === 0) return gentle;
  const byBand = (words: Word[]) => {
    const out: Word[][] = bands.map(() => []);
    for (const w of words) out[bandOf(bands, w)]!.push(w);
    return out;
  };
  const a = byBand(thorough.words);
  const b = byBand(gentle.words);
  const words = bands.flatMap((_, i) => (worth(a[i]!) > worth(b[i]!) ? a[i]! : b[i]!));
  return { ...gentle, words: words.filter((w) => !isRuleShred(w)) };
}

// Insurer name ↔ NAIC code, checked against the project's table (companies.ts): corrects OCR slips in the code
// (letters read for digits, one digit wrong when the name confirms it) and flags a code printed with another
// company's name. Never invents a code the certificate does not print.
import { editDistance, nearestListWord } from '../text/lines.js';
import { NAIC_COMPANIES } from './companies.js';

export type CheckedInsurer = { name: string; naic: string | null; warnings: string[]; confidence: number };

const OCR_DIGITS: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', I: '1', l: '1', i: '1', '|': '1', L: '1', Z: '2', z: '2', S: '5', s: '5', B: '8', G: '6', b: '6', g: '9', q: '9', T: '7' };

/** Company-name words that say nothing about which company it is. */
const FILLER = new Set(['THE', 'OF', 'AND', 'INSURANCE', 'INS', 'COMPANY', 'CO', 'CORP', 'CORPORATION', 'INC', 'LTD', 'LIMITED', 'A', 'AN', 'MUTUAL', 'PA', 'LLC', 'AMERICA']);

export function nameKey(name: string): string[] {
  return name
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/[^A-Z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !FILLER.has(w));
}

/** 0..1: how alike two company names are, by their distinctive words (word order and filler ignored). */
export function nameSimilarity(a: string, b: string): number {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka.length === 0 || kb.length === 0) return 0;
  let hits = 0;
  for (const w of ka) if (kb.some((v) => v === w || (w.length > 4 && editDistance(v, w, 1) <= 1))) hits++;
  return (2 * hits) / (ka.length + kb.length);
}

const SAME_NAME = 0.75;

/**
 * Checks one insurer line. `naic` is as printed (may hold OCR letters); the result's naic is five digits when it
 * could be read, the printed text otherwise, or null. Confidence falls when the code was corrected or disagrees.
 */
export function checkInsurer(printedName: string, naic: string | null, table: Readonly<Record<string, string>> = NAIC_COMPANIES): CheckedInsurer {
  const warnings: string[] = [];
  // the name's words OCR misspelt, where the table lists the company (by its code, else by its name alone)
  const name = repairedName(printedName, naic, table);
  if (name !== printedName) warnings.push(`insurer name "${printedName}" read as "${name}"`);
  const printed = naic?.trim() ?? '';
  if (printed === '') return { name, naic: null, warnings, confidence: 0.9 };
  let code = printed.replace(/[\s-]/g, '');
  const fixed = [...code].map((c) => (/\d/.test(c) ? c : (OCR_DIGITS[c] ?? c))).join('');
  let confidence = 0.95;
  if (fixed !== code && /^\d{5}$/.test(fixed)) {
    warnings.push(`NAIC "${printed}" read as ${fixed}`);
    code = fixed;
    confidence = 0.8;
  }
  if (!/^\d{5}$/.test(code)) return { name, naic: printed, warnings: [...warnings, `NAIC "${printed}" is not a five-digit code`], confidence: 0.4 };

  const listed = table[code];
  if (listed !== undefined) {
    if (nameSimilarity(listed, name) >= SAME_NAME) return { name, naic: code, warnings, confidence: Math.max(confidence, 0.98) };
    // one digit off from the code of the company the certificate names: an OCR slip, corrected
    const near = nearCodeFor(name, code, table);
    if (near) return { name, naic: near, warnings: [...warnings, `NAIC ${code} corrected to ${near} (${table[near]})`], confidence: 0.75 };
    return { name, naic: code, warnings: [...warnings, `NAIC ${code} belongs to ${listed}, the certificate says ${name}`], confidence: 0.5 };
  }
  const near = nearCodeFor(name, code, table);
  if (near) return { name, naic: near, warnings: [...warnings, `NAIC ${code} corrected to ${near} (${table[near]})`], confidence: 0.75 };
  return { name, naic: code, warnings, confidence };
}

/** A listed code one digit (or one swap) away from `code` whose company is `name`. */
function nearCodeFor(name: string, code: string, table: Readonly<Record<string, string>>): string | null {
  for (const [other, company] of Object.entries(table)) {
    if (other === code || nameSimilarity(company, name) < SAME_NAME) continue;
    const diff = [...other].filter((c, i) => c !== code[i]).length;
    const swapped = [...code].some((_, i) => i < 4 && code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2) === other);
    if (diff === 1 || swapped) return other;
  }
  return null;
}

/**
 * The printed name with each word of five letters or more that is a letter off (two, at eight letters or more) a word
 * of the listed company's name spelt as that word, in the printed word's case ('Hartford Fire Insurunce Company').
 * The listed company is the code's, when its name is the printed one's (SAME_NAME), else the one company whose name
 * is. Words the listed name has, and its abbreviations ('Co.'), are left as printed.
 */
function repairedName(name: string, naic: string | null, table: Readonly<Record<string, string>>): string {
  const code = naic?.replace(/[\s-]/g, '') ?? '';
  let listed = table[code] !== undefined && nameSimilarity(table[code], name) >= SAME_NAME ? table[code] : undefined;
  if (listed === undefined) {
    const alike = Object.values(table).filter((company) => nameSimilarity(company, name) >= SAME_NAME);
    if (alike.length !== 1) return name;
    listed = alike[0]!;
  }
  const own = listed.toUpperCase().split(/[^A-Z]+/).filter((w) => w.length >= 5);
  return name.replace(/[A-Za-z]{5,}/g, (word) => {
    const upper = word.toUpperCase();
    if (own.includes(upper)) return word;
    // (a word of the listed name beginning with the same letter)
    const start = own.filter((w) => w[0] === upper[0]);
    return nearestListWord(word, start, () => (word.length >= 8 ? 2 : 1)) ?? word;
  });
}

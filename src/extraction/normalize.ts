// Pure normalizers from what a certificate prints to the extraction format's values: ISO dates, whole-dollar
// limits, Y/X/N flags, cleaned name lines. Each returns null for a value that is absent, a template placeholder,
// or not what it should be; none of them guesses.

const PLACEHOLDERS = new Set(['MM/DD/YYYY', 'MM/DD/YY', 'NAME', 'N/A', 'NA', 'NONE', 'TBD', '-', '--']);

/** Trimmed text with runs of white space folded, or null when empty or a template placeholder. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const folded = value.replace(/\s+/g, ' ').trim();
  if (folded === '' || PLACEHOLDERS.has(folded.toUpperCase())) return null;
  return folded;
}

/** Multi-line text (description of operations): lines trimmed, blank lines at the ends dropped, or null. */
export function cleanMultiline(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const lines = value.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim());
  const text = lines.join('\n').trim();
  return text === '' ? null : text;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A printed date as ISO YYYY-MM-DD: M/D/YY, MM/DD/YYYY (also with - or .), and ISO. Two-digit years are 20YY
 * (certificates are recent; a 19YY policy would not be on a live certificate). Impossible dates and placeholders → null.
 */
export function normalizeDate(value: string | null | undefined): string | null {
  const text = cleanText(value);
  if (text === null) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return isoDate(year, Number(m[1]), Number(m[2]));
  }
  return null;
}

/**
 * A printed limit as whole dollars: "$1,000,000", "1,000,000", "1000000", "$ 2,000,000", "1 000 000", "1,000,000.00".
 * Words ("Included", "Statutory", "N/A", "Excluded") and anything that is not plainly one amount → null.
 */
export function normalizeLimit(value: string | null | undefined): number | null {
  const text = cleanText(value);
  if (text === null) return null;
  const m = /^(?:USD\s*)?\$?\s*(\d{1,3}(?:[, \u00a0]\d{3})+|\d+)(?:\.(\d{2}))?$/.exec(text);
  if (!m) return null;
  if (m[2] !== undefined && m[2] !== '00') return null; // cents: not a whole-dollar limit
  const n = Number(m[1].replace(/[, \u00a0]/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** A Y/N box or a checkbox mark: Y, YES, X, ✓, ✔, ✖, 1, On → true; N, NO, blank, Off, 0 → false. Anything else → null. */
export function normalizeFlag(value: string | boolean | null | undefined): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return false;
  const t = value.trim().toUpperCase();
  if (t === '' || t === 'N' || t === 'NO' || t === 'OFF' || t === '0' || t === 'FALSE') return false;
  if (['Y', 'YES', 'X', '✓', '✔', '✖', '✗', '1', 'ON', 'TRUE'].includes(t)) return true;
  return null;
}

/** A name line as printed: white space folded, stray separators at the ends removed, placeholders → null. */
export function normalizeNameLine(value: string | null | undefined): string | null {
  const text = cleanText(value);
  if (text === null) return null;
  const trimmed = text.replace(/^[\s,;:|]+|[\s,;:|]+$/g, '');
  return trimmed === '' || PLACEHOLDERS.has(trimmed.toUpperCase()) ? null : trimmed;
}

/**
 * A company's LLC with a speck read as a period inside it ('LL.C', 'L.LC'), closing a name or before the rest of it
 * ('Yates Holdings LL.C DBA Okafor Electric'), as LLC: the form is written LLC or L.L.C. and never so.
 */
export function specklessLlc(name: string): string {
  return name.replace(/(^|\s)(?:LL\.C|L\.LC)(?=$|[\s,])/u, '$1LLC');
}

/** A NAIC company code: its digits when it has 5 of them (the usual form), else the cleaned text, or null. */
export function normalizeNaic(value: string | null | undefined): string | null {
  const text = cleanText(value);
  if (text === null) return null;
  const digits = text.replace(/\D/g, '');
  return /^\d{5}$/.test(digits) ? digits : text;
}

/** An insurer letter A-F, upper-cased; anything else → null. */
export function normalizeInsurerLetter(value: string | null | undefined): string | null {
  const text = cleanText(value);
  if (text === null) return null;
  const t = text.toUpperCase();
  return /^[A-F]$/.test(t) ? t : null;
}

/** A printed limit label ("Each Claim", "Aggregate") as a snake_case limit key, or null when it has no letters. */
export function limitLabelKey(label: string | null | undefined): string | null {
  const text = cleanText(label);
  if (text === null) return null;
  const key = text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(key) ? key : key === '' ? null : `limit_${key}`;
}

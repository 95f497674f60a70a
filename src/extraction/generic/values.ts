// Value patterns of carrier certificates: dollar amounts (including prose "$1 000 000 Occurrence"), dates in
// numeric and month-name forms, and limit labels mapped to the contract's limit keys by coverage.
import type { Coverage } from '../../domain/coverage.js';
import { limitLabelKey, normalizeDate } from '../normalize.js';
import type { Word } from '../layout/words.js';
import { isEnglishWord } from '../ocr/vocabulary.js';
import { editDistance, inCaseOf, nearestListWord } from '../text/lines.js';

export type Found<T> = { value: T; index: number; end: number };

const AMOUNT = /(?<![\w\\,.$])(?:USD\s*)?(\$\s?)?([1-9]\d{0,2}(?:[,\u00a0 ]\d{3})+|[1-9]\d*)(?:\.00)?(?:\s?(MM|M|MIL|MILLION|K|THOUSAND)\b)?(?![\d,]*\d)/gi;

/** Dollar amounts in `text`: "$1,000,000", "1 000 000", "$5,000", "$1M", "$2 million". Bare numbers need a $ or groups. */
export function findAmounts(text: string): Found<number>[] {
  const out: Found<number>[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const hasDollar = m[1] !== undefined;
    const grouped = /[,\u00a0 ]/.test(m[2]);
    const unit = m[3]?.toUpperCase();
    if (!hasDollar && !grouped) continue;
    if (grouped && / /.test(m[2]) && !/^\d{1,3}( \d{3})+$/.test(m[2])) continue;
    let n = Number(m[2].replace(/[,\u00a0 ]/g, ''));
    if (unit === 'M' || unit === 'MM' || unit === 'MIL' || unit === 'MILLION') n *= 1_000_000;
    else if (unit === 'K' || unit === 'THOUSAND') n *= 1_000;
    if (!Number.isSafeInteger(n)) continue;
    out.push({ value: n, index: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3));
/** A month's name or its abbreviation, as a pattern's source: 'Feb', 'Sept.', 'February'. */
export const MONTH_WORD = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const pad = (n: number) => String(n).padStart(2, '0');

const DATE_RE =
  /(?<![\d/.-])(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(?![\d/])|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?:[,.]\s*|\s+)(?:\|\s+)?(\d{4})\b|\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b/gi;

/** Dates in `text` as ISO strings, in order: M/D/YY, MM/DD/YYYY, ISO, "August 03, 2025", "3 Aug 2025" (years 1950 to 2099). */
export function findDates(text: string): Found<string>[] {
  const out: Found<string>[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    let iso: string | null = null;
    if (m[1]) iso = normalizeDate(m[1]);
    else if (m[2]) iso = monthDate(Number(m[4]), m[2], Number(m[3]));
    else if (m[5]) iso = monthDate(Number(m[7]), m[6], Number(m[5]));
    // (a year no certificate bears: a policy number shaped like an ISO date, '6541-04-01')
    if (iso && plausibleYear(iso)) out.push({ value: iso, index: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/** The words a carrier's headings and labels are made of (lower case). */
const LABEL_WORDS = [
  'policy', 'number', 'period', 'certificate', 'effective', 'expiration', 'insured', 'insurer', 'holder', 'producer', 'agency',
  'company', 'coverage', 'limits', 'liability', 'aggregate', 'occurrence', 'additional', 'subrogation', 'waiver', 'description',
  'operations', 'issued', 'date', 'named', 'employer', 'compensation', 'workers', 'premises', 'products', 'completed', 'injury',
  'damage', 'accident', 'disease', 'employee', 'combined', 'single', 'umbrella', 'excess', 'retention', 'automobile', 'general',
  'underwriter', 'carrier', 'statutory', 'deductible', 'retained', 'personal', 'advertising', 'medical',
];
const LABEL_WORD_SET = new Set(LABEL_WORDS);

/**
 * A line of OCR words with its garbled label words mended ('Policy Nutnber | Policy Petiod' → 'Policy Number | Policy
 * Period'), where the line holds a label word read whole (a line of headings, not a name: 'Holden Construction' has
 * none): a word of four letters or more that is no English word, nearer one label word than any other (one letter
 * off, two in a word of six letters or more, three in one of nine or more).
 */
export function mendLabelWords(words: Word[]): Word[] {
  const core = (w: Word) => w.text.toLowerCase().replace(/[^a-z]/g, '');
  if (!words.some((w) => LABEL_WORD_SET.has(core(w)))) return words;
  return words.map((w) => {
    // (a speck read as an apostrophe inside the word: 'P’alicy')
    const m = /^([^A-Za-z]*)([A-Za-z]{4,})([^A-Za-z]*)$/.exec(w.text.replace(/(?<=[A-Za-z])['’`‘](?=[A-Za-z])/g, ''));
    if (!m || LABEL_WORD_SET.has(m[2]!.toLowerCase()) || isEnglishWord(m[2]!)) return w;
    const mended = nearestListWord(m[2]!, LABEL_WORDS, (t) => (t.length >= 9 ? 3 : t.length >= 6 ? 2 : 1));
    return mended === null ? w : { ...w, text: `${m[1]}${mended}${m[3]}` };
  });
}

/**
 * A line of OCR words with a label word it split into pieces joined again ('NAMED INSU RE D' → 'NAMED INSURED'): two to
 * four pieces of letters alone, each under a space and a half of the line's height from the next, whose letters make a
 * label word and of which one at least is none.
 */
export function joinSplitLabelWords(words: Word[]): Word[] {
  const out: Word[] = [];
  for (let k = 0; k < words.length; k++) {
    let joined: Word | null = null;
    for (let n = 4; n >= 2 && !joined; n--) {
      const run = words.slice(k, k + n);
      if (run.length < n || !run.every((w) => /^[A-Za-z]+$/.test(w.text))) continue;
      const apart = run.slice(1).every((w, j) => w.x - (run[j]!.x + run[j]!.width) < 1.5 * Math.max(w.height, run[j]!.height));
      const text = run.map((w) => w.text).join('');
      if (!apart || !LABEL_WORD_SET.has(text.toLowerCase()) || run.every((w) => LABEL_WORD_SET.has(w.text.toLowerCase()))) continue;
      const last = run.at(-1)!;
      joined = { ...run[0]!, text, width: last.x + last.width - run[0]!.x, height: Math.max(...run.map((w) => w.height)), confidence: Math.min(...run.map((w) => w.confidence)) };
      k += n - 1;
    }
    out.push(joined ?? words[k]!);
  }
  return out;
}

/**
 * A line of OCR words with a date's month name it garbled mended ('Occ 3, 2025' beside 'Dec 3, 2024'): a word that is
 * no month, before a day and a year, the month of the line's other dates where it is two letters or fewer from its
 * name or first three letters, else the one month it is one letter from.
 */
export function mendMonthNames(words: Word[]): Word[] {
  const monthOf = (t: string) => MONTH_NAMES.findIndex((m) => m.startsWith(t.toLowerCase().replace(/\.$/, '')) && t.replace(/\.$/, '').length >= 3);
  const dated = words.map((w, k) => {
    const core = w.text.replace(/\.$/, '');
    const day = words[k + 1]?.text;
    const year = words[k + 2]?.text;
    if (!/^[A-Za-z]{3,9}$/.test(core) || monthOf(core) >= 0 || !day || !year || !/^\d{1,2}[,.]?$/.test(day) || !/^(19|20)\d\d\b/.test(year)) return null;
    const lower = core.toLowerCase();
    return MONTH_NAMES.map((m, i) => ({ i, d: Math.min(editDistance(lower, m, 2), editDistance(lower, m.slice(0, 3), 2)) })).filter((c) => c.d <= 2 && lower.length <= MONTH_NAMES[c.i]!.length + 1);
  });
  if (!dated.some((c) => c !== null && c.length > 0)) return words;
  const others = words.map((w) => monthOf(w.text)).filter((i) => i >= 0);
  return words.map((w, k) => {
    const c = dated[k];
    if (!c || c.length === 0) return w;
    const near = c.filter((x) => x.d <= 1);
    const pick = c.map((x) => x.i).find((i) => others.includes(i)) ?? (near.length === 1 ? near[0]!.i : undefined);
    if (pick === undefined) return w;
    const name = MONTH_NAMES[pick]!;
    const text = w.text.replace(/\.$/, '').length <= 4 ? name.slice(0, 3) : name;
    return { ...w, text: text[0]!.toUpperCase() + text.slice(1) };
  });
}

/** A numeric date whose slashes OCR read as a degree sign, a colon or an apostrophe: '12°14:2025'. */
const ODD_SEPARATORS = /^(?=.*[°:;’'`])(\d{1,2})[°:;’'`/](\d{1,2})[°:;’'`/]((?:19|20)\d\d)$/;

/** A word OCR made of a numeric date with its slashes lost or read as sevens or ones: '832025', '87372026' (8/3/2025). */
const SLASHLESS = /^(\d{2,5})((?:19[5-9]|20\d)\d)$/;

/**
 * The dates a word OCR made of a numeric date can be, its slashes lost or read as sevens or ones: the months and days
 * and the year as printed ('832025' → 8/3 of 2025; '32624' → 3/26 of 24, '372625' → 3/26 of 25; '9/5724' keeps its
 * first slash → 9/5 of 24; '83/2025' its second → 8/3 of 2025, `confirm`: only as the line's other dates confirm it).
 * Null when it is no such word.
 */
function slashlessDate(text: string): { days: [number, number][]; year: string; twoDigit?: boolean; confirm?: boolean } | null {
  // (its second slash kept, the first lost or read as 7 or 1: '83/2025', '873/2025'; as a month and year '12/2025'
  // are printed, so it is one only as the line's other dates confirm it)
  const second = /^(\d{2,4})\/((?:19[5-9]|20\d)\d)$/.exec(text);
  if (second) {
    const days = slashlessDays(second[1]!);
    return days.length > 0 ? { days, year: second[2]!, confirm: true } : null;
  }
  const one = /^(\d{1,2})\/(\d{3,7})$/.exec(text);
  if (one) {
    const month = Number(one[1]);
    if (month < 1 || month > 12) return null;
    for (const year of [4, 2]) {
      const rest = one[2]!;
      const y = rest.slice(-year);
      if (year === 4 && !/^(19[5-9]|20\d)\d$/.test(y)) continue;
      const before = rest.slice(0, -year);
      const days = [before, /[71]$/.test(before) ? before.slice(0, -1) : null]
        .filter((d): d is string => d !== null && /^\d{1,2}$/.test(d) && Number(d) >= 1 && Number(d) <= 31)
        .map((d) => [month, Number(d)] as [number, number]);
      if (days.length > 0) return { days, year: y };
    }
    return null;
  }
  if (!/^\d{5,9}$/.test(text)) return null;
  const four = SLASHLESS.exec(text);
  const long = four ? slashlessDays(four[1]!) : [];
  if (four && long.length > 0) return { days: long, year: four[2]! };
  // (a two-digit year: five or six digits)
  if (text.length > 6) return null;
  const short = slashlessDays(text.slice(0, -2));
  return short.length > 0 ? { days: short, year: text.slice(-2), twoDigit: true } : null;
}

/**
 * The ISO date a word OCR made of a numeric date with its slashes lost or misread is, where a label says it is a
 * date (a certificate's 'ISSUE DATE' over it) so that no other reading need be ruled out: its one reading, or where
 * it has several, the one reading with both slashes read as the same mark ('21712026' is 2/7/2026 with both slashes
 * read as ones, rather than 2/17 with one lost). Null when it is no such word or stays in doubt.
 */
export function labelledSlashlessDate(text: string): string | null {
  const t = text.replace(/[,;.]$/, '');
  const m = slashlessDate(t);
  if (!m || m.twoDigit || m.confirm) return null;
  const iso = ([month, day]: [number, number]) => normalizeDate(`${m.year}-${pad(month)}-${pad(day)}`);
  if (m.days.length === 1) return iso(m.days[0]!);
  const digits = t.slice(0, -4);
  const alike = m.days.filter(([month, day]) => {
    const c = digits[String(month).length];
    return (c === '1' || c === '7') && digits === `${month}${c}${day}${c}`;
  });
  return alike.length === 1 ? iso(alike[0]!) : null;
}

/** The months and days a slashless date's digits before its year can be: '83' → 8/3, '873' → 8/3, '112' → 1/12, 11/2, 1/2. */
function slashlessDays(digits: string): [number, number][] {
  const out = new Map<string, [number, number]>();
  const slash = (c: string | undefined) => c === '7' || c === '1';
  for (let m = 1; m <= 2; m++) {
    for (const skip of [0, 1]) {
      if (skip && !slash(digits[m])) continue;
      const rest = digits.slice(m + skip);
      for (const tail of [0, 1]) {
        if (tail && !slash(rest.at(-1))) continue;
        const day = rest.slice(0, rest.length - tail);
        if (day.length < 1 || day.length > 2) continue;
        const month = Number(digits.slice(0, m));
        const d = Number(day);
        if (month >= 1 && month <= 12 && d >= 1 && d <= 31) out.set(`${month}/${d}`, [month, d]);
      }
    }
  }
  return [...out.values()];
}

/**
 * A line of OCR words (left to right) with its slashless dates written out ('832025' → '8/3/2025'), each alone in its
 * cell (no word within `cellGap` of it), where the line holds two dates or more, slashless or not (a policy's period):
 * a number alone ending in a year may be a policy number. A word that can be more than one date takes the month and
 * day of the line's other date, or stays as read.
 */
export function mendSlashlessDates(words: Word[], cellGap: number): Word[] {
  // (a date's slashes read as other marks, '12°14:2025', is one wherever it stands)
  words = words.map((w) => {
    const m = ODD_SEPARATORS.exec(w.text.replace(/[,;.]$/, ''));
    return m && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= 31 ? { ...w, text: `${Number(m[1])}/${Number(m[2])}/${m[3]}` } : w;
  });
  // (a word alone in its cell: 'WC 1202025' is a policy number)
  const alone = (k: number) => [words[k - 1], words[k + 1]].every((n, side) => !n || (side === 0 ? words[k]!.x - (n.x + n.width) : n.x - (words[k]!.x + words[k]!.width)) > cellGap);
  // (one that kept a slash need not be: 'Issue Date: 9/5724')
  const dated = words.map((w, k) => {
    const whole = findDates(w.text)[0]?.value ?? null;
    return { w, whole, m: (alone(k) || w.text.includes('/')) && whole === null ? slashlessDate(w.text.replace(/[,;.]$/, '')) : null };
  });
  // (one slash kept, 'Issue Date: 9/5724', and one date it can be: a date wherever it stands)
  const slashed = (d: (typeof dated)[number]) => d.m !== null && d.w.text.includes('/') && d.m.days.length === 1 && !d.m.confirm;
  if ((dated.filter((d) => d.m !== null || d.whole !== null).length < 2 && !dated.some(slashed)) || !dated.some((d) => d.m !== null)) return words;
  const known = dated.flatMap((d) => (d.whole === null ? [] : [d.whole.slice(5)]));
  // (five or six digits with a two-digit year, as many as a NAIC code has ('40312' is no 4/3/12), and a date that kept
  // only its second slash ('12/2025' may be a month): only a month and day the line's other dates have, a policy's period)
  const key = ([m, d]: [number, number]) => `${pad(m)}-${pad(d)}`;
  const choices = dated.map((d, k) => {
    const days = d.m?.days ?? [];
    if (!d.m?.twoDigit && !d.m?.confirm) return days;
    const others = new Set([...known, ...dated.flatMap((o, j) => (j === k ? [] : (o.m?.days ?? []).map(key)))]);
    return days.filter((day) => others.has(key(day)));
  });
  // (a month and day all the line's slashless dates can be: a policy's period starts and ends on one day of the year)
  const shared = choices.filter((c) => c.length > 0).reduce<string[] | null>((acc, c) => {
    const keys = c.map(key);
    return acc === null ? keys : acc.filter((k) => keys.includes(k));
  }, null);
  return dated.map((d, k) => {
    const c = choices[k]!;
    if (!d.m || c.length === 0) return d.w;
    const pick =
      c.length === 1
        ? c[0]!
        : (c.find((day) => known.includes(key(day))) ?? (shared?.length === 1 ? c.find((day) => key(day) === shared[0]) : undefined));
    return pick ? { ...d.w, text: `${pick[0]}/${pick[1]}/${d.m.year}` } : d.w;
  });
}

function plausibleYear(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= 1950 && year <= 2099;
}

function monthDate(year: number, month: string, day: number): string | null {
  const mi = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  if (mi < 0) return null;
  return normalizeDate(`${year}-${pad(mi + 1)}-${pad(day)}`);
}

type KeyRule = [RegExp, string];
const LIMIT_RULES: Partial<Record<Coverage, KeyRule[]>> = {
  general_liability: [
    [/RENT|FIRE\s*DAMAGE|PREMISES/, 'damage_to_rented_premises'],
    [/MED/, 'medical_expense'],
    [/PERS|ADV/, 'personal_advertising_injury'],
    [/PROD|COMP\s*\/?\s*OP/, 'products_completed_operations_aggregate'],
    [/AGG/, 'general_aggregate'],
    [/OCC|PER\s+CLAIM|EACH\s+CLAIM/, 'each_occurrence'],
  ],
  automobile_liability: [
    [/COMBINED|\bCSL\b|SINGLE\s+LIMIT/, 'combined_single_limit'],
    // (and 'BI' whose I OCR read as a lower-case l: 'Bl Each Person')
    [/BODILY.*PERSON|BI.*PERSON|\bB[L1|]\b.*PERSON/, 'bodily_injury_per_person'],
    [/BODILY.*ACC|BI.*ACC|\bB[L1|]\b.*ACC/, 'bodily_injury_per_accident'],
    [/PROPERTY\s+DAMAGE|\bPD\b/, 'property_damage_per_accident'],
  ],
  umbrella_liability: [
    [/RETENTION|RETAINED|\bSIR\b/, 'retention'],
    [/AGG/, 'aggregate'],
    [/OCC|EACH\s+CLAIM/, 'each_occurrence'],
  ],
  workers_compensation: [
    [/DISEASE.*(POLICY|LIMIT)/, 'el_disease_policy_limit'],
    [/DISEASE.*(EMPLOYEE|EA)/, 'el_disease_each_employee'],
    [/ACCIDENT/, 'el_each_accident'],
  ],
};
LIMIT_RULES.excess_liability = LIMIT_RULES.umbrella_liability;

/** The contract's limit key for a printed label under a coverage; a label it does not know keeps its snake_case form. */
export function limitKeyFor(coverage: Coverage, label: string): string | null {
  return ruleLimitKey(coverage, label) ?? limitLabelKey(label.replace(/\b(limit|limits)\b/gi, '').replace(/[:$]/g, ''));
}

/** The limit key a coverage's own rules give a label ('E.L. Each Accident' under workers' compensation), else null. */
export function ruleLimitKey(coverage: Coverage, label: string): string | null {
  const upper = label.toUpperCase().replace(/[’']/g, '');
  for (const [re, key] of LIMIT_RULES[coverage] ?? []) if (re.test(upper)) return key;
  return null;
}

/** Whether a label reads as a limit at all (not a policy number, a date or a name). */
export function looksLikeLimitLabel(label: string): boolean {
  return /OCC|AGG|LIMIT|EACH|PER\s|ACCIDENT|DISEASE|MED|RENT|PREMISES|INJURY|RETENTION|RETAINED|\bSIR\b|CSL|COMBINED|DAMAGE|CLAIM|PRODUCTS|DEDUCTIBLE|ADVERTIS/i.test(label);
}

/**
 * Label/amount pairs of one cell of text: "Each Occurrence: $1,000,000", "Each Occurrence Limit $1,000,000", and prose
 * "$1 000 000 Occurrence / $1 000 000 Aggregate" (the label after the amount).
 */
export function limitPairs(text: string): { label: string; amount: number }[] {
  // a paragraph's sentences each on their own ("… to 5/28/25. Limits: 1,000,000 per occurrence."; 'Med. Exp.' and
  // 'Inc.' end no sentence)
  const sentences = text.split(/(?<=(?:[a-z]{4,}|\d)\.)\s+(?=[A-Z])/);
  if (sentences.length > 1) return sentences.flatMap((s) => limitPairs(s));
  // limits listed one to a clause ("$100,000 each accident; Bodily Injury by Disease $500,000 policy limit"): each
  // clause its own label, the words before and after its amount
  const clauses = labelsBeforeAmounts(amountFirstClauses(text).split(/;\s*/));
  if (clauses.length > 1 && clauses.every((c) => findAmounts(c).length <= 1)) {
    return clauses.flatMap((c) => {
      const [a] = findAmounts(c);
      if (!a) return [];
      const before = c.slice(0, a.index).replace(/^.*:\s*/, '');
      return [{ label: cleanLabel(`${before} ${c.slice(a.end)}`), amount: a.value }];
    });
  }
  const amounts = findAmounts(text);
  const out: { label: string; amount: number }[] = [];
  let cursor = 0;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i];
    // a heading such as "Limits:" before the first amount is no label of it
    const before = text.slice(cursor, a.index).replace(/^\s*(coverage\s+)?(limits?(\s+of\s+(insurance|liability))?|amounts?)\s*[:;\-]?\s*$/i, '');
    if (/[A-Za-z]{2}/.test(before)) {
      out.push({ label: cleanLabel(before), amount: a.value });
      cursor = a.end;
      continue;
    }
    const limit = i + 1 < amounts.length ? amounts[i + 1].index : text.length;
    const after = text.slice(a.end, limit);
    const sep = after.search(/[/;|,]|\band\b/);
    const label = sep >= 0 ? after.slice(0, sep) : after;
    if (/[A-Za-z]{2}/.test(label)) {
      out.push({ label: cleanLabel(label), amount: a.value });
      cursor = a.end + (sep >= 0 ? sep + 1 : after.length);
    } else {
      out.push({ label: '', amount: a.value });
      cursor = a.end;
    }
  }
  return out;
}

/**
 * Clauses with a name and no amount joined to the next where that is an amount alone: OCR reads the colon between a
 * limit's name and its amount as a semicolon ('E.L. Each Accident; 1,000,000').
 */
function labelsBeforeAmounts(clauses: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    const next = clauses[i + 1];
    const [a] = next === undefined ? [] : findAmounts(next);
    const amountAlone = a !== undefined && !/[A-Za-z]/.test(next!.slice(0, a.index) + next!.slice(a.end));
    if (amountAlone && findAmounts(c).length === 0 && /[A-Za-z]{2}/.test(c) && !LIMITS_HEADING.test(c.trim())) {
      out.push(`${c} ${next}`);
      i++;
    } else out.push(c);
  }
  return out;
}

/** A heading of limits before their amounts: 'Limits', 'Limits of Liability', "Employers' Liability Limits". */
const LIMITS_HEADING = /^((coverage|liability|employers['’]?\s+liability)\s+)?limits(\s+of\s+(insurance|liability))?$|^limits?\s+of\s+(insurance|liability)$/i;

/**
 * Limits listed amount first after a heading ("Limits of liability: $1,000,000 per occurrence; $2,000,000 aggregate"),
 * their clauses' semicolons read by OCR as colons: each colon after an amount's name and before the next amount ends
 * the clause. Limits listed name first ("Each Occurrence: $1,000,000 Aggregate: $2,000,000") keep their colons.
 */
function amountFirstClauses(text: string): string {
  const [first] = findAmounts(text);
  if (!first) return text;
  // (the first amount opens a clause: after a sentence's start, or after a heading of limits and its colon)
  const before = text.slice(0, first.index);
  if (/[A-Za-z]/.test(before.split(/[.;:]/).at(-1)!)) return text;
  const heading = before.replace(/[:\s]+$/, '').split(/[.;:]/).at(-1)!.trim();
  if (/:\s*$/.test(before) && heading !== '' && !LIMITS_HEADING.test(heading)) return text;
  let out = '';
  let cursor = 0;
  const amounts = findAmounts(text);
  for (let k = 0; k + 1 < amounts.length; k++) {
    const between = text.slice(amounts[k]!.end, amounts[k + 1]!.index);
    const colon = /^([^:;$\d]*[A-Za-z][^:;$\d]*):(\s*)$/.exec(between);
    if (!colon) continue;
    out += `${text.slice(cursor, amounts[k]!.end)}${colon[1]};${colon[2]}`;
    cursor = amounts[k + 1]!.index;
  }
  return out + text.slice(cursor);
}

function cleanLabel(s: string): string {
  return s.replace(/[|:$=]+/g, ' ').replace(/^[\s/;,.-]+|[\s/;,.-]+$/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * An OCR word with the slips mended that no certificate prints: a point for a comma among an amount's groups
 * ('$2,000.000.00'); round letters among an amount's digits ('$1,00C,000',
 * '$1,OOO,OOO'), where the amount's groups are whole; a typed '$' read as 5 or S that makes the first group four digits
 * long ('5100,000'); a '(' for the C of a policy number's letters ('W(345678'), or read
 * besides one of them ('W(C345678'); a quote mark before a policy number ('"W(345678').
 * Anything else is returned as read.
 */
export function mendOcrToken(text: string): string {
  // (a policy number with a quote mark OCR made of a speck before it: '"W(345678')
  const quoted = /^["'‘’“”`]+([A-Z]{1,4}[(-]?[A-Z]{0,3}\d{3,}[A-Z0-9-]*)$/.exec(text);
  if (quoted) return mendOcrToken(quoted[1]!);
  // a comma read as a point among an amount's groups ('$2,000.000.00', '$2.000,000'), millions and up
  const cents = /[.,]00$/.test(text) && /\d{3}[.,]00$/.test(text) ? text.slice(-3) : '';
  const whole = cents ? text.slice(0, -3) : text;
  if (/^(USD)?\$?\d{1,3}(?:[.,]\d{3}){2,}$/.test(whole) && whole.includes('.')) return `${whole.replace(/\./g, ',')}${cents ? '.00' : ''}`;
  // ('$500.000', '10.000': three digits after a point are a group, never cents)
  if (/^(USD)?\$\d{1,3}\.\d{3}$/.test(text) || /^\d{2,3}\.\d{3}$/.test(text)) return text.replace('.', ',');
  if (/^\$?[1-9][\dOoCDQ]{0,2}(?:,[\dOoCDQ]{3})+$/.test(text) && /[OoCDQ]/.test(text)) return text.replace(/[OoCDQ]/g, '0');
  // (a typed '$' read as 5 or S against an amount's first group, which it makes four digits long: '5100,000')
  const dollar = /^[5S](\d{1,3}(?:,\d{3})+)$/.exec(text);
  if (dollar && /^[5S]\d{3},/.test(text)) return `$${dollar[1]}`;
  if (/^[A-Z]{1,3}\(\d{3,}$/.test(text)) return text.replace('(', 'C');
  // (and a '(' read besides a letter among a policy number's letters, the letter's own left edge: 'W(C345678')
  if (/^[A-Z]{1,3}\([A-Z]{1,3}\d{3,}$/.test(text)) return text.replace('(', '');
  // a date's separators read unlike each other ('2025.07-02', '07/02.2025'): the date's own separator throughout
  const iso = /^(\d{4})[-.,](\d{2})[-.,](\d{2})$/.exec(text);
  if (iso && /-/.test(text) && /[.,]/.test(text)) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const us = /^(\d{1,2})[/.,-](\d{1,2})[/.,-](\d{2}|\d{4})$/.exec(text);
  const sep = text.includes('/') ? '/' : '-';
  if (us && /[/-]/.test(text) && /[.,]/.test(text)) return `${us[1]}${sep}${us[2]}${sep}${us[3]}`;
  // ('usD' for USD)
  if (/^usd$/i.test(text)) return 'USD';
  // a capital I read as a one before a word's letters ('1ssUED')
  if (/^1[A-Za-z]{4,}$/.test(text)) return mendCoverageWord(`I${text.slice(1)}`);
  return mendCoverageWord(text);
}

/**
 * The words coverages and parties are named by: a word one letter from one of them ('Waorkers', 'Liabilty', 'Ensurer')
 * is that word. (Not 'employers', one letter from 'employees'; not 'general', an insurer's name's 'Generali'.)
 */
const COVERAGE_WORDS = ['workers', 'compensation', 'liability', 'commercial', 'automobile', 'umbrella', 'professional', 'pollution', 'occurrence', 'aggregate', 'subrogation', 'additional', 'insurer', 'insurers', 'insured'];

function mendCoverageWord(text: string): string {
  const m = /^([^A-Za-z]*)([A-Za-z]{6,})([^A-Za-z]*)$/.exec(text);
  if (!m) return text;
  const lower = m[2]!.toLowerCase();
  if (COVERAGE_WORDS.includes(lower)) return text;
  // (or, no English word itself, one letter from a long word's end whose first letters OCR lost: 'JURRENCE' for
  // OCCURRENCE, its 'OC' gone into a box's rule)
  const tail = (w: string) => w.length - lower.length >= 1 && w.length - lower.length <= 3 && lower.length >= 7 && oneEditApart(lower, w.slice(w.length - lower.length));
  const near = COVERAGE_WORDS.filter((w) => oneEditApart(lower, w));
  if (near.length === 0 && !isEnglishWord(lower)) near.push(...COVERAGE_WORDS.filter(tail));
  if (near.length !== 1) return text;
  return `${m[1]}${inCaseOf(m[2]!, near[0]!)}${m[3]}`;
}

/** One letter inserted, dropped or changed. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

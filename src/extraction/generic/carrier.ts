// A carrier's own (non-ACORD) certificate read by its printed labels: parties (producer, insured, holder, insurer
// with NAIC), coverage rows or paragraphs (coverage name → policy number, period, limits, flags), description.
// No coordinates are assumed: a label's value is found in its own cell, the next cell of its line, or the block
// under it; a coverage's section runs from its name to the next coverage or section label.
import type { Coverage } from '../../domain/coverage.js';
import type { Address, Extraction, Insurer, PolicyFields, Producer } from '../../domain/certificate.js';
import type { PageWords, Word } from '../layout/words.js';
import { recognizeForm } from '../forms.js';
import { findInstructionText, INSTRUCTION_TEXT_WARNING } from '../guard.js';
import { digitSlips, mendPolicyYears, ocrCompanySuffix, otherRowsTerm } from '../acord25/layout.js';
import { checkInsurer } from '../naic/check.js';
import { normalizeNameLine, specklessLlc } from '../normalize.js';
import { nearestListWord } from '../text/lines.js';
import { pageLines, type Line, type Segment } from './lines.js';
import { findAmounts, findDates, labelledSlashlessDate, limitKeyFor, limitPairs, looksLikeLimitLabel, MONTH_WORD, ruleLimitKey } from './values.js';

export type GenericContext = { fileName: string; pages: number; method: 'acroform' | 'text' | 'ocr' | 'mixed' };

type LabelKind = 'producer' | 'insured' | 'holder' | 'insurer' | 'description' | 'field' | 'stop';
const LABELS: [LabelKind, RegExp][] = [
  // (a letter's addressee, "To:", is its holder; "To: 08/28/2026" is a policy's end)
  // (OCR reads ISSUED TO's O as a C, a Q or a zero)
  ['holder', /^((certificate\s+|memorandum\s+|evidence\s+|policy\s+)?holder|(certificate\s+)?(is\s+)?issued\s+t[oc0q]|to(?=\s*:(?![\s|]*(\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d))))\b\s*(name)?\s*[:\-]?\s*/i],
  ['producer', /^((licensed\s+|issuing\s+|servicing\s+|insurance\s+)?agency|(your\s+|producing\s+|servicing\s+)?agent(\s*\/\s*broker)?(\s+of\s+record)?|broker(\s+of\s+record)?|producer)\b(\s+name)?\s*[:\-]?\s*/i],
  ['insured', /^((first\s+)?named\s+insured(\s*\/\s*employer)?|insured(\s*\/\s*employer|\s+(name|business|employer|party|entity))?|name\s+of\s+insured|policy\s*holder(?!\s+services?\b)|business\s+name|employer(\s*\/\s*insured)?(?![’'\w]))\b\s*[:\-]?\s*/i],
  ['insurer', /^(insurer(\(s\)|s)?(\s+affording\s+coverage)?|companies\s+affording\s+coverage|(insurance|insuring|issuing|writing)\s+(company|carrier)(\(s\)|s)?|company|carrier|underwriter|underwritten\s+by)(?!\w)(\s*[A-F](?=\s*[:\-]))?\s*[:\-]?\s*/i],
  ['description', /^(description\s+of\s+operations(\s*\/\s*(locations?|projects?|vehicles?))*|description|remarks|special\s+provisions|operations(?=\s*(:|$)))\b\s*[:\-]?\s*/i],
  // headings of other values: never the value of a label beside them
  ['field', /^(certificate\s+(date|number|no\.?|#)|cert\.?\s*(no\.?|number|#)|issued(?=\s*(:|$))|page\s+\d|date(\s+issued)?|issue(d)?\s+(date|on)|policy\s*(number|no\.?|#|period|term)|term|coverage\s+period|(policy\s+)?(effective|expiration)(\s+date)?|authorized\s+(representative|signature)|naic|(our\s+|your\s+)?(reference|ref\.?|file|account|client)\s*(no\.?|number|#|id))(?!\w)/i],
  ['stop', /^(cancellation|authorized\s+(representative|signature)|signature|this\s+certificate|coverages\b|limits\s*$|---|notice|important)/i],
];

function labelOf(text: string): { kind: LabelKind; rest: string; label: string } | null {
  for (const [kind, re] of LABELS) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length).trim();
    // a sentence's words, not a label's ("insured with …", "holder is included as …"), where OCR cut a line of prose
    if (!/[:\-]\s*$/.test(m[0]) && PROSE_AFTER.test(rest)) continue;
    return { kind, rest, label: m[0] };
  }
  return null;
}

/** Words that go on a sentence, never a label's value. */
const PROSE_AFTER = /^(is|are|was|were|with|as|of|in|to|for|the|named|and|has|have|will|shall|may|must|above|below|listed|shown|under|by)\b/;

const COVERAGES: { coverage: Coverage; re: RegExp }[] = [
  { coverage: 'workers_compensation', re: /\bWORKERS['’"”″]?\s*COMP(ENSATION)?\b|\bWORKMEN'?S\s+COMP|\bEMPLOYERS['’]?\s+LIABILITY\b|\bWC\s*(&|AND|\/)\s*EL\b/ },
  { coverage: 'umbrella_liability', re: /\bUMBRELLA\b/ },
  { coverage: 'excess_liability', re: /\bEXCESS\s+(LIAB\w*|POLICY|COVERAGE)\b/ },
  { coverage: 'automobile_liability', re: /\b(COMMERCIAL\s+|BUSINESS\s+)?AUTO(MOBILE)?\s+LIAB\w*|\b(COMMERCIAL|BUSINESS)\s+AUTO(MOBILE)?\b|\bMOTOR\s+VEHICLE\s+LIAB|\bHIRED\s*(&|AND|\/)\s*NON-?\s?OWNED\b/ },
  { coverage: 'general_liability', re: /\b(COMMERCIAL\s+)?GENERAL\s+LIAB\w*|\bCGL\b(?![-\d])|\bBUSINESS\s+LIABILITY\b|\bCOMMERCIAL\s+GENERAL\b|\bBUSINESSOWNERS?\b(\s+LIABILITY)?|\bPREMISES\s+LIABILITY\b/ },
  {
    coverage: 'other',
    re: /\b(PROFESSIONAL\s+LIABILITY|ERRORS\s*(&|AND)\s*OMISSIONS(\s+LIABILITY)?|\bE\s*&\s*O\b|CYBER(\s+LIABILITY)?|POLLUTION\s+LIABILITY|LIQUOR\s+LIABILITY|INLAND\s+MARINE|GARAGE\s*KEEPERS(\s+LEGAL)?(\s+LIABILITY)?|EMPLOYMENT\s+PRACTICES(\s+LIABILITY)?|DIRECTORS\s*(&|AND)\s*OFFICERS(\s+LIABILITY)?|BUILDER'?S\s+RISK|MOTOR\s+TRUCK\s+CARGO|CRIME|FIDELITY\s+BOND|CONTRACTORS?['’]?\s+EQUIPMENT|TOOLS\s*(&|AND)\s*EQUIPMENT|EQUIPMENT\s+FLOATER|MEDICAL\s+MALPRACTICE|ENVIRONMENTAL\s+LIABILITY|NETWORK\s+SECURITY(\s+LIABILITY)?|CARGO\s+LIABILITY)\b/,
  },
];

function coverageIn(text: string): { coverage: Coverage; label: string } | null {
  // (a coverage's words OCR set in cells of their own, "Workers' | Compensation", are one name)
  const joined = text.replace(/\s*\|\s*/g, ' ');
  const named = (t: string) => {
    const upper = t.toUpperCase();
    for (const c of COVERAGES) {
      const m = c.re.exec(upper);
      if (m) return { coverage: c.coverage, label: t.slice(m.index, m.index + m[0].length).trim() };
    }
    return null;
  };
  // (else its words with an OCR slip or two mended: 'Errors & Omimgsions', "Workers*®' Comp")
  return named(joined) ?? (/[A-Za-z]{6}/.test(joined) ? named(mendCoverageWords(joined)) : null);
}

/** The words of the coverages' names that OCR may misread a letter or two of (six letters or more). */
const COVERAGE_WORDS = [
  'WORKERS', 'COMPENSATION', 'EMPLOYERS', 'LIABILITY', 'UMBRELLA', 'EXCESS', 'AUTOMOBILE', 'COMMERCIAL', 'BUSINESS', 'GENERAL', 'PROFESSIONAL', 'ERRORS', 'OMISSIONS', 'POLLUTION', 'LIQUOR',
  'INLAND', 'MARINE', 'GARAGE', 'KEEPERS', 'EMPLOYMENT', 'PRACTICES', 'DIRECTORS', 'OFFICERS', 'BUILDERS', 'CONTRACTORS', 'EQUIPMENT', 'FLOATER', 'MEDICAL', 'MALPRACTICE', 'ENVIRONMENTAL', 'NETWORK', 'SECURITY', 'PREMISES',
];

/**
 * The text with stray marks inside words dropped ('Workers*®'') and each word of six letters or more that is a letter
 * off one of COVERAGE_WORDS (two off, for nine letters or more) spelled as that word, in the word's own case.
 */
function mendCoverageWords(text: string): string {
  return text.replace(/[*®©™°]+/g, '').replace(/[A-Za-z]{6,}/g, (word) => {
    if (COVERAGE_WORDS.includes(word.toUpperCase())) return word;
    // (the nearest such word, and only one at that distance)
    return nearestListWord(word, COVERAGE_WORDS, () => (word.length >= 9 ? 2 : 1)) ?? word;
  });
}

/**
 * A NAIC code after its label (group 1), also with a mark OCR made of its '#' glued on the label ('NAIC¥ 12345',
 * 'NAICE 34567'; never NAICS, an industry's code).
 */
const NAIC = /\bNAIC(?:\b|[^\s\dS](?=\s))\s*(?:#|no\.?|code|number)?\s*[:.#]?[\s|]*([0-9OIlSB]{5})\b/i;
/** A company name as insurers name themselves (an insurance word, a company word last), not an agency's. */
const INSURER_WORD = /\b(insurance|assurance|casualty|indemnity|mutual|underwriters|surety|reinsurance|fund|exchange|lloyd'?s|guarantee|reciprocal)\b/i;
/** The words a company's name ends in, as a pattern's source. */
const COMPANY_END = String.raw`\b(company|co\.?|corporation|corp\.?|fund|mutual|exchange|association|ltd\.?|inc\.?|insurance|assurance|casualty|indemnity|underwriters)`;
const COMPANY_LAST = new RegExp(String.raw`${COMPANY_END}\s*$`, 'i');
const AGENCY_WORD = /\b(agency|agencies|brokers?|brokerage|services|advisors|associates|partners|consulting|solutions|group|agents?)\b/i;
const isInsurerName = (text: string) => INSURER_WORD.test(text) && COMPANY_LAST.test(text.trim()) && !AGENCY_WORD.test(text);
/** A name under or beside an insurer's label: any company's name will do ('Crestline Excess & Surplus Company'). */
const isLabelledInsurerName = (name: string) => (INSURER_WORD.test(name) || COMPANY_LAST.test(name.trim())) && /[A-Za-z]{3}.*\s.*[A-Za-z]{2}/.test(name) && !AGENCY_WORD.test(name);
/** A company's name ending in a five-digit code, its NAIC printed after it without a label (the code group 2). */
const TRAILING_CODE = new RegExp(String.raw`${COMPANY_END}\s+([0-9OIlSB]{5})$`, 'i');

/** An insurer's name from its cell: "Name (AM Best: A+) NAIC 12345" or "Name 12345" → "Name". */
function insurerNameIn(raw: string): string {
  const first = raw.split('|')[0]!.trim();
  const code = TRAILING_CODE.exec(first);
  return (code ? first.slice(0, code.index + code[0].length - code[2]!.length) : first)
    .replace(/\bNAIC\b.*$/i, '')
    // (its label garbled, 'NAICE 34567', where a code follows it)
    .replace(/\bNAIC[^\s\dS]\s*[0-9OIlSB]{5}\b.*$/i, '')
    // (its closing parenthesis lost to OCR too: '(AM Best: A' ending the line)
    .replace(/\((AM\s*Best|A\.?\s*M\.?\s*Best|rated|rating)[^)]*(?:\)|$)/gi, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s(\[,;|-]+$/, '');
}

/** The insurer named in a sentence: "insured with X (NAIC 12345)", "issued by X", "underwritten by X", "issued to Y, …, by X". */
const PROSE_INSURER =
  /(?:\binsured\s+(?:with|by)|\bissued\s+by|\bunderwritten\s+by|\bwritten\s+(?:by|with)|\bplaced\s+with|\bprovided\s+by|,\s+by)\s+((?:(?:[A-Z][\w&.'-]*|&)\s+){0,6}(?:Company|Co\.|Insurance|Mutual|Indemnity|Casualty|Assurance|Underwriters|Fund|Exchange|Corporation|Inc\.))(?:\s*[,–-]?\s*\(?\s*NAIC\s*(?:#|No\.?|Code)?\s*:?\s*(\d{5})\)?)?/g;

/** The insured named in a letter: "issued to NAME, 100 Main St", "We confirm that NAME of 12 Oak Ave is insured". */
const PROSE_INSURED = /\b(?:issued\s+to|(?:certif(?:y|ies)|confirms?|verif(?:y|ies)|evidence|attests?)\s+that)\s+((?:[A-Z0-9&][\w&.,'’-]*\s+){0,8}?[A-Z0-9][\w&.'’-]*?),?(?=\s+\d|\s+of\s+\d|\s+is\s+(?:insured|covered)|\s*\(the\b)/;

const PHONE = /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b/;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

/** Reads a non-ACORD certificate from its pages' positioned words. */
export function genericFromWords(pages: PageWords[], ctx: GenericContext): Extraction {
  const warnings: string[] = [];
  const recognized = recognizeForm(pages);
  const lines = pairHeadings(pages.slice(0, 3).flatMap((p) => pageLines(p)));
  const used = new Set<Line>();
  const allText = lines.map((l) => l.segments.map((s) => s.text).join(' ')).join('\n');
  if (findInstructionText(allText).length > 0) warnings.push(INSTRUCTION_TEXT_WARNING);

  const blocks: Partial<Record<LabelKind, string[]>> = {};
  const insurers: Insurer[] = [];
  const insurerBlocks: { text: string[]; at: number }[] = [];
  let descriptionLines: string[] | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    for (let s = 0; s < line.segments.length; s++) {
      const seg = line.segments[s];
      const label = labelOf(seg.text);
      if (!label || label.kind === 'stop' || label.kind === 'field') continue;
      if (label.kind === 'insurer') {
        // a heading alone ("INSURER", "Underwritten by") over the insurer's name; "Insurer: name" is read below
        if (label.rest === '' && !/:\s*$/.test(seg.text)) {
          const value = readLabelValue(lines, i, s, '');
          if (value.text.length > 0) insurerBlocks.push({ text: value.text, at: i });
        }
        continue;
      }
      if (blocks[label.kind] !== undefined && label.kind !== 'description') continue;
      const value = readLabelValue(lines, i, s, label.rest);
      // no label whose value is a date ("To: | 08/28/2026" ends a policy's period)
      if (label.kind !== 'description' && value.text.length > 0 && findDates(value.text[0]!)[0]?.index === 0) continue;
      value.lines.forEach((l) => used.add(l));
      used.add(line);
      // a heading that only begins like a label ("Policyholder Service (888) 555-0191") has no party under it
      if (label.kind !== 'description' && value.text.length > 0 && isContactLine(value.text[0]!)) continue;
      if (label.kind === 'description') {
        if (descriptionLines === null && value.text.length > 0) descriptionLines = value.text;
      } else if (value.text.length > 0) blocks[label.kind] = value.text;
    }
  }

  // insurers: "Insurer A: Name (AM Best: A+)", "INSURER: Name", "Insurer:" | "Name", then "NAIC #: 12345"
  const addInsurer = (letter: string | null, raw: string, naic: string | null, line: Line | null): boolean => {
    // (its code set after it with no label: 'Liberty Harbor Fire Insurance Company 27065')
    const naicHere = NAIC.exec(raw)?.[1] ?? TRAILING_CODE.exec(raw.split('|')[0]!.trim())?.[2];
    const name = insurerNameIn(raw);
    if (name === '' || !/[A-Za-z]{3}/.test(name) || labelOf(name)) return false;
    if (insurers.some((i) => i.name.toUpperCase() === name.toUpperCase() && i.letter === letter)) return true;
    naic = naicHere ?? naic;
    // printed text is taken as printed; only OCR output is corrected against the NAIC table
    const checked = ctx.method === 'ocr' ? checkInsurer(name, naic) : { name, naic, warnings: [] };
    warnings.push(...checked.warnings);
    insurers.push({ letter, name: checked.name, naic: checked.naic });
    if (line) used.add(line);
    return true;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    for (let s = 0; s < line.segments.length; s++) {
      const text = line.segments[s].text;
      // (a letter's colon read by OCR as a semicolon too: 'Insurer A; Coastal Mutual …')
      const m =
        /^(?:insurer(?:\s+name|\s+affording\s+coverage)?|(?:insuring|insurance|issuing|writing)\s+(?:company|carrier)|carrier|underwriter|underwritten\s+by|company)\s*([A-F])?\s*(?:[:\-–]|(?<=[A-F]);)\s*(.*)$/i.exec(text) ??
        /^insurer\s+([A-F])\s+(.+)$/i.exec(text) ??
        (line.ocr ? ocrInsurerLabel(text) : null);
      if (!m) continue;
      let name = m[2].trim();
      // (a label of both, "Issuing Company / NAIC #", over "Name: 12345")
      const both = /^(\/\s*)?NAIC\b\s*(#|no\.?|code|number)?\s*:?$/i.test(name);
      if ((name === '' || both) && s + 1 < line.segments.length) name = line.segments[s + 1].text;
      let naic: string | null = null;
      for (const next of lines.slice(i, i + 3)) {
        const n = NAIC.exec(next.text);
        if (n) {
          naic = n[1]!;
          break;
        }
      }
      const coded = both ? /^(.*?)[\s:\/,–-]+([0-9OIlSB]{5})$/.exec(name.trim()) : null;
      if (coded) {
        name = coded[1]!;
        naic ??= coded[2]!;
      }
      // its letter in a cell before it ("Ltr: INSURER A | Insurer Name: …")
      const letter = m[1] ?? line.segments.slice(0, s).map((x) => /^(?:(?:ins(?:urer)?\s+)?(?:ltr|letter)\s*[:#]?\s*)?(?:insurer\s+)?([A-F])$/i.exec(x.text)?.[1]).find((x) => x !== undefined);
      addInsurer(letter ? letter.toUpperCase() : null, name, naic, line);
    }
  }
  // an insurers table: "A | Name | 12345" rows, or "INSURER A | Name | 12345" (no dates, no amounts: those are
  // policy rows; a bare letter with a name and no code, alone, is a logo beside a letterhead: 'C | Copper State …')
  const rows: { letter: string; bare: boolean; name: string; code: string | null; line: Line }[] = [];
  for (const line of lines) {
    const [first, second, ...rest] = line.segments;
    const m = first ? /^((?:insurer|ins\.?|ltr)\s*)?([A-F])$/i.exec(first.text) : null;
    if (!m || !second || findDates(line.text).length > 0 || findAmounts(line.text).length > 0) continue;
    if (!isInsurerName(second.text)) continue;
    const code = rest.map((r) => r.text).find((t) => /^[0-9OIlSB]{5}$/.test(t)) ?? null;
    rows.push({ letter: m[2]!.toUpperCase(), bare: !m[1], name: second.text, code, line });
  }
  for (const row of rows) if (!row.bare || row.code || rows.length >= 2) addInsurer(row.letter, row.name, row.code, row.line);
  // a heading over the insurer's name ("INSURER", "Underwritten by", "Company"), its NAIC on a line below
  for (const { text: block, at } of insurerBlocks) {
    // (a name beside its heading has its NAIC on a line of its own below: "Insurance Company | Name" over "NAIC | 12345")
    const naic = [...block, ...lines.slice(at, at + 3).map((l) => l.text)].map((l) => NAIC.exec(l)?.[1]).find((c) => c !== undefined) ?? null;
    const name = block.find((l) => !/^\s*NAIC\b/i.test(l) && !/^(ltr|letter)\b/i.test(l));
    if (name && isLabelledInsurerName(name.split('|')[0]!.replace(/\bNAIC\b.*$/i, '').replace(/[\s,;:–-]+$/, ''))) addInsurer(null, name, naic, null);
  }
  // none labelled: a sentence naming it ("insured with X (NAIC 12345)", "issued by X"), else the letterhead
  if (insurers.length === 0) {
    for (const m of allText.replace(/\s*\|\s*/g, ' ').matchAll(PROSE_INSURER)) addInsurer(null, m[1]!, m[2] ?? null, null);
  }
  if (insurers.length === 0) {
    const top = lines.filter((l) => l.page === 1 && l.y < (pages[0]?.height ?? 792) * 0.15);
    // (its NAIC beside it, else the one NAIC code the page prints: "Policy # | … | NAIC No." over its values)
    const codes = new Set([...allText.matchAll(new RegExp(NAIC.source, 'gi'))].map((m) => m[1]!));
    for (const l of top) {
      const seg = l.segments.find((x) => isInsurerName(x.text) && !labelOf(x.text) && !/\b(certificate|declarations?|evidence|memorandum|summary|policy|coverage)\b|\bof\W+insurance\b/i.test(x.text));
      if (seg && addInsurer(null, seg.text, NAIC.exec(l.text)?.[1] ?? (codes.size === 1 ? [...codes][0]! : null), null)) break;
    }
  }

  const policyLines = new Set<Line>();
  const statements: string[] = [];
  const policies = readPolicies(lines, used, policyLines, insurers.map((i) => i.name), statements);
  // (OCR's year digit slips in a policy's term, mended as on an ACORD 25's rows)
  const ocr = ctx.method === 'ocr' || ctx.method === 'mixed';
  if (ocr) warnings.push(...mendOcrTerms(policies.map((p) => p.fields)));
  // a single insurer with no printed letter owns every policy; its letter stays null
  // no labelled party: a letter names the insured in a sentence, and an agency's letterhead is the producer
  const prose = allText.replace(/\s*\|\s*/g, ' ').replace(/\s+/g, ' ');
  blocks.insured ??= PROSE_INSURED.exec(prose)?.slice(1, 2);
  if (!blocks.producer) {
    const top = lines.filter((l) => l.page === 1 && l.y < (pages[0]?.height ?? 792) * 0.12 && !used.has(l));
    const heads = top.flatMap((l) => l.segments).filter((x) => /\b(insurance|risk|brokers?|agency)\b/i.test(x.text) && !labelOf(x.text) && !/\bcertificate\b/i.test(x.text));
    // (with the insurers named elsewhere, an insurance business's letterhead that is none of them is the agency's:
    // 'Tidewater Commercial Insurance' over a table of insurers)
    const firstWord = (name: string) => name.trim().split(/\s+/)[0]!.toUpperCase();
    const agency = heads.find((x) => AGENCY_WORD.test(x.text)) ?? heads.find((x) => insurers.length > 0 && !insurers.some((i) => firstWord(i.name) === firstWord(x.text)) && !CERTIFICATE_TITLE.test(x.text));
    if (agency) blocks.producer = [agency.text];
  }
  // a table naming each policy's insurer in a column of its own lists the insurers (no letters printed)
  const named = [...new Set(policies.map((p) => p.insurer).filter((n) => n !== undefined))];
  if (named.length > 0 && insurers.every((i) => i.letter === null)) {
    const printed = insurers.splice(0, insurers.length);
    for (const name of named) {
      const naic = printed.find((i) => i.name.toUpperCase() === name.toUpperCase())?.naic ?? policies.find((p) => p.insurer === name && p.naic)?.naic ?? null;
      addInsurer(null, name, naic, null);
    }
  }
  const producerParty = blocks.producer ? parseParty(blocks.producer) : null;
  const insuredParty = blocks.insured ? parseParty(blocks.insured) : null;
  const holderParty = blocks.holder ? parseParty(blocks.holder) : null;
  const producer: Producer = {
    name: producerParty?.name ?? null,
    address: producerParty?.address ?? null,
    contactName: null,
    phone: producerParty?.phone ?? null,
    fax: null,
    email: producerParty?.email ?? null,
  };

  // page-level "Additional Insured: Yes" / "Waiver of Subrogation: Yes" statements apply to policies that say nothing
  // (a sentence about all the policies counts for the page, wherever it stands, and so do the statements of a flag for
  // coverages by name that readPolicies set apart, "Waiver of Subrogation: Commercial Automobile Liability and …")
  const forPage = (l: Line) => /\ball\s+(the\s+)?(policies|coverages)\b/i.test(l.text);
  const outside = [...lines.filter((l) => !policyLines.has(l) || forPage(l)).map((l) => l.text), ...statements].join('\n');
  const pageAi = pageFlags(outside, AI_LABEL);
  const pageWos = pageFlags(outside, WOS_LABEL);
  for (const p of policies) {
    const key = coverageKey(p.fields.coverage, p.fields.description ?? '');
    const ai = pageAi.by.get(key) ?? pageAi.all;
    const wos = pageWos.by.get(key) ?? pageWos.all;
    if (p.ai === null && ai !== null) p.fields.additionalInsured = ai;
    if (p.wos === null && wos !== null) p.fields.subrogationWaived = wos;
  }

  const description = descriptionLines === null ? null : (descriptionLines as string[]).join(' ').replace(/\s+/g, ' ').trim() || null;
  const certificateNumber = /CERTIFICATE\s+(?:NUMBER|NO\.?|#)\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{3,})/i.exec(allText)?.[1] ?? null;
  if (!recognized.isCertificate) warnings.push(recognized.reason);
  // (a company's closing 'Inc.' OCR read 'Ine' or 'Ing.', as on an ACORD 25: ocrCompanySuffix)
  const issued = certificateDate(lines, used, pages[0]?.height ?? 792);
  const company = <T extends string | null>(name: T): T => (ocr && name !== null ? (ocrCompanySuffix(name) as T) : name);
  return {
    schemaVersion: 1,
    source: { file: ctx.fileName, pages: ctx.pages, method: ctx.method },
    form: { type: recognized.type === 'ACORD 25' ? 'other' : recognized.type, edition: recognized.type === 'ACORD 25' ? null : recognized.edition },
    certificateDate: ocr ? mendOcrCertificateDate(issued, policies.map((p) => p.fields), warnings) : issued,
    certificateNumber,
    revisionNumber: null,
    producer: { ...producer, name: company(producer.name) },
    insured: { name: company(insuredParty?.name ?? null), address: insuredParty?.address ?? null },
    insurers: insurers.map((i) => ({ ...i, name: company(i.name) })),
    policies: policies.map((p) => p.fields),
    descriptionOfOperations: description,
    certificateHolder: { name: company(holderParty?.name ?? null), address: holderParty?.address ?? null },
    warnings,
  };
}

/**
 * A line of headings over a line of values set under them, each value under its heading ("Policy # | Policy Period |
 * Issue Date" over "WC 123 | 07-02-2025 through 07-02-2026 | 11-07-2025", a row of limit boxes): the two become one
 * line of "heading: value" cells, as a certificate prints them elsewhere. A coverage table's headings, and the headings
 * of party boxes (whose values run on below), are left as they are.
 */
export function pairHeadings(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    let h = lines[i]!;
    // headings wrapped onto a second line ("BODILY INJURY BY ACCIDENT - EACH" over "ACCIDENT") are one heading each
    const more = lines[i + 1];
    if (more && lines[i + 2] && headingGoesOn(h, more) && headerColumns(lines, i) === null) {
      h = { ...h, words: [...h.words, ...more.words], segments: h.segments.map((_, k) => goOnWith(h.segments, k, more.segments)) };
      h.text = h.segments.map((s) => s.text).join(' | ');
      lines = [...lines.slice(0, i), h, ...lines.slice(i + 2)];
    }
    const v = lines[i + 1];
    const paired = v ? pairLine(lines, i, h, v) : null;
    if (paired) {
      out.push(paired);
      i++;
    } else out.push(h);
  }
  return out;
}

/** Whether `next` holds only the second lines of `line`'s headings: close under them, each within one heading's span. */
function headingGoesOn(line: Line, next: Line): boolean {
  if (line.segments.length < 2 || next.segments.length >= line.segments.length || next.page !== line.page || !headingOnly(line) || !headingOnly(next)) return false;
  // (set in the same type, close under; headings of values, not a party box's heading over its names)
  if (next.y - line.y > Math.max(line.height, next.height) * 1.5 || Math.abs(next.height - line.height) > 0.2 * line.height) return false;
  if (!line.segments.every((s) => isHeading(s.text) && !isPartyHeading(s.text))) return false;
  return next.segments.every((n) => /^[A-Za-z]/.test(n.text) && yesNo(n.text) === null && line.segments.some((_, k) => goesOnUnder(line.segments, k, n)));
}

/**
 * Whether `n` is the second line of heading k: it starts within the heading's span and ends before the next heading
 * starts (a heading's second line may run past its first: 'PRODUCTS-COMPLETED' over 'OPERATIONS AGGREGATE').
 */
function goesOnUnder(headings: Segment[], k: number, n: Segment): boolean {
  const hs = headings[k]!;
  const after = headings.filter((o) => o.x > hs.x).reduce((min, o) => Math.min(min, o.x), Infinity);
  return n.x >= hs.x - 3 && n.x <= hs.right && n.right <= Math.max(hs.right + 3, after - 2);
}

/** A party box's heading (producer, insured, holder) or the description's: its value runs on below it. */
const isPartyHeading = (text: string) => ['producer', 'insured', 'holder', 'description'].includes(labelOf(text)?.kind ?? '');

/**
 * A heading of a value: a label, a table's column heading, a limit's name or a coverage's (not a company's name that
 * holds a coverage's word: 'Meridian Umbrella Underwriters Inc.').
 */
const isHeading = (text: string) =>
  labelOf(text) !== null || columnKind(text) !== 'unknown' || looksLikeLimitLabel(text) || (coverageIn(text) !== null && !/\b(company|co\.|corporation|corp\.?|inc\.?|ltd\.?|llc|underwriters)$/i.test(text.trim()));

function goOnWith(headings: Segment[], k: number, below: Segment[]): Segment {
  const heading = headings[k]!;
  const under = below.filter((n) => goesOnUnder(headings, k, n));
  if (under.length === 0) return heading;
  return { text: `${heading.text} ${under.map((u) => u.text).join(' ')}`, x: heading.x, right: heading.right, words: [...heading.words, ...under.flatMap((u) => u.words)] };
}

/**
 * How many line heights below its heading a box's value may stand. OCR measures a line by its letters' ink, about 0.7
 * of the type's size a text layer gives: a value set at the box's foot stands as many of those further below.
 */
const headingReach = (line: Line) => (line.ocr ? 3.6 : 2.6);

function pairLine(lines: Line[], i: number, h: Line, v: Line): Line | null {
  // (two headings OCR ran into one cell over two values: cut where the words stand widest apart)
  if (h.ocr && v.segments.length > h.segments.length) h = splitHeadingsOver(h, v) ?? h;
  // (headings often set smaller than their values)
  // (one heading alone only when it names a limit and the line below is its amount: "COMBINED SINGLE LIMIT" over
  // "$1,000,000" or "USD 500,000" set flush right in its box)
  const lone = h.segments.length === 1 && looksLikeLimitLabel(h.text) && v.segments.length === 1 && /^(USD\s*)?\$?\s?\d[\d,. ]*$/i.test(v.text.trim()) && v.x > h.x - 3;
  if ((h.segments.length < 2 && !lone) || !headingOnly(h) || headingOnly(v) || v.page !== h.page || v.y - h.y > Math.max(h.height, v.height) * headingReach(h)) return null;
  if (h.segments.some((s) => s.words.length > 8 || /[:$]/.test(s.text) || isPartyHeading(s.text))) return null;
  // headings, not a name and an address: each a label, a column heading, a limit's name or a coverage's
  // (OCR garbles a small heading now and then: fewer than half of three or more may be unreadable, 'nate”' for
  // 'NAIC #', 'Cendicate Date' and 'Cen. No' among five)
  const unread = h.segments.filter((s) => !isHeading(s.text));
  if (unread.length > 0 && !(h.ocr && 2 * unread.length < h.segments.length && h.segments.length >= 3 && unread.every((u) => u.words.length <= 2))) return null;
  // (a line of labels and values is no line of values: "Insurance Company | Bluestem Workers Compensation Mutual" over
  // "Date | 20 June 2024")
  if (v.segments.length > h.segments.length || v.segments.some((s) => labelOf(s.text)?.rest === '') || headerColumns(lines, i) !== null) return null;
  // a second row of values set the same way makes a table ("Ltr | Insurer Name | NAIC" over its insurers)
  const next = lines[i + 2];
  // (a row of headings, or of "label: value" cells, is no such row)
  const labelled = (s: Segment) => /^[^:]{2,40}:\s*\S/.test(s.text) && isHeading(s.text.split(':')[0]!);
  if (next && next.page === v.page && next.y - v.y < v.height * 2.6 && next.segments.length === v.segments.length && next.segments.every((s, k) => Math.abs(s.x - v.segments[k]!.x) < 4) && !headingOnly(next) && !next.segments.some(labelled)) return null;
  const values = underHeadings(h.segments, v.segments);
  if (!values) return null;
  const segments: Segment[] = h.segments.map((hs, k) => {
    const under = values.get(k) ?? [];
    const words = [...hs.words, ...under.flatMap((u) => u.words)];
    return { text: under.length > 0 ? `${hs.text}: ${under.map((u) => u.text).join(' ')}` : hs.text, x: Math.min(hs.x, ...under.map((u) => u.x)), right: Math.max(hs.right, ...under.map((u) => u.right)), words };
  });
  return { ...h, words: [...h.words, ...v.words], segments, text: segments.map((s) => s.text).join(' | ') };
}

/**
 * A line of headings with each heading that stands over two or more of `v`'s values cut in as many at its widest gaps
 * between words ('BODILY INJURY BY ACCIDENT - EACH ACCIDENT BODILY INJURY BY DISEASE - POLICY LIMIT' over '$100,000 |
 * $500,000'), every piece a heading; null when none is.
 */
function splitHeadingsOver(h: Line, v: Line): Line | null {
  let changed = false;
  const segments = h.segments.flatMap((hs) => {
    const over = v.segments.filter((c) => (c.x + c.right) / 2 >= hs.x - 3 && (c.x + c.right) / 2 <= hs.right + 3).length;
    const words = [...hs.words].sort((a, b) => a.x - b.x);
    if (over < 2 || words.length < 2 * over) return [hs];
    const cuts = words
      .slice(1)
      .map((w, k) => ({ at: k + 1, gap: w.x - (words[k]!.x + words[k]!.width) }))
      .sort((a, b) => b.gap - a.gap)
      .slice(0, over - 1)
      .map((c) => c.at)
      .sort((a, b) => a - b);
    const pieces = [0, ...cuts].map((from, k) => words.slice(from, cuts[k] ?? words.length));
    const segs = pieces.map((ws) => ({ text: ws.map((w) => w.text).join(' '), x: ws[0]!.x, right: Math.max(...ws.map((w) => w.x + w.width)), words: ws }));
    if (!segs.every((sg) => isHeading(sg.text))) return [hs];
    changed = true;
    return segs;
  });
  return changed ? { ...h, segments, text: segments.map((sg) => sg.text).join(' | ') } : null;
}

/**
 * Which heading each value stands under: the one it overlaps or lines up with; else, each heading at the left edge of
 * its box and the value set flush right in it, the heading the value follows (within the box, before the next
 * heading). Null when some value is under none.
 */
function underHeadings(headings: Segment[], cells: Segment[]): Map<number, Segment[]> | null {
  const values = new Map<number, Segment[]>();
  const add = (k: number, seg: Segment) => values.set(k, [...(values.get(k) ?? []), seg]);
  for (const seg of cells) {
    const k = nearestSpan(headings, seg.x, seg.right);
    const hs = headings[k]!;
    if (Math.min(hs.right, seg.right) - Math.max(hs.x, seg.x) <= 0 && Math.abs(hs.x - seg.x) > 12 && Math.abs(hs.right - seg.right) > 12) {
      values.clear();
      break;
    }
    add(k, seg);
  }
  if (values.size > 0) return values;
  for (const seg of cells) {
    const k = headings.findLastIndex((hs) => hs.x <= seg.x + 3);
    const next = headings[k + 1];
    if (k < 0 || (next && seg.right > next.x + 3) || values.has(k)) return null;
    add(k, seg);
  }
  return values;
}

/**
 * The block of lines under a label (segment `s` of line `i`), in the column from the label to the next label of its
 * line, or to `limit` (page points) where that is nearer.
 */
function blockUnder(lines: Line[], i: number, s: number, limit = Infinity): { text: string[]; lines: Line[] } {
  const line = lines[i];
  const seg = line.segments[s];
  const taken: Line[] = [];
  const text: string[] = [];
  // (on an OCR page a box's columns jitter: a fax set the holder's name 7 pt left of its heading and the
  // next column's text 5 pt left of its own, with lines 6.5 pt tall)
  const slack = line.ocr ? 1.5 * line.height : 0;
  const right = Math.min(line.segments.slice(s + 1).find((x) => labelOf(x.text))?.x ?? Infinity, limit) - slack;
  let lastY = line.y;
  for (let j = i + 1; j < lines.length && j < i + 8; j++) {
    const below = lines[j];
    if (below.page !== line.page) break;
    // (the first from its heading: a certificate holder's name a line's space below the box's heading)
    if (below.y - lastY > below.height * (lastY === line.y ? headingReach(below) : 2.6)) break;
    const cells = below.segments.filter((x) => x.x >= seg.x - 6 - slack && x.x < right - 2);
    if (cells.length === 0) {
      if (below.segments.some((x) => x.x < seg.x - 6 && x.right > seg.x)) break;
      continue;
    }
    // (an insurer's NAIC code under its name belongs to its block)
    if ((labelOf(cells[0].text) && !/^NAIC\b/i.test(cells[0].text)) || (coverageIn(cells[0].text) && findDates(below.text).length > 0)) break;
    text.push(cells.map((x) => x.text).join(' | '));
    taken.push(below);
    lastY = below.y;
  }
  return { text, lines: taken };
}

/** How far right of a box heading (in line heights) the next cell of its line on an OCR page is another box’s. */
const FAR_CELL = 15;

/**
 * An insurer's label as OCR misreads it, as the label's letter and the rest: 'Insurer 8: Name' (a B read 8), 'Insurer
 * C2 Name' (a letter's colon read 2). Null for anything else.
 */
export function ocrInsurerLabel(text: string): [string, string, string] | null {
  const m = /^insurer\s+([A-F8])(?:\s*[:;]|2(?=\s))\s*(.+)$/i.exec(text);
  return m ? [m[0], m[1] === '8' ? 'B' : m[1]!.toUpperCase(), m[2]!] : null;
}

/** The value of a label: the rest of its cell, else the next cell of its line, else the block of lines under it. */
function readLabelValue(lines: Line[], i: number, s: number, rest: string): { text: string[]; lines: Line[] } {
  const line = lines[i];
  const seg = line.segments[s];
  const taken: Line[] = [];
  let startX: number;
  const text: string[] = [];
  const next = line.segments[s + 1];
  // (on an OCR page, the next cell of the line far right of a box's heading in capitals is another box's, its heading
  // garbled ('c ELLATION.' for CANCELLATION, right of CERTIFICATE HOLDER): the block under the heading comes first; a
  // label in small letters, 'Insurer ....', has its value far right of it across dot leaders)
  if (rest === '' && next && line.ocr && !/[a-z]/.test(seg.text) && next.x - seg.right > FAR_CELL * line.height) {
    // (up to halfway to that cell: the other box's lines begin left of its garbled heading)
    const block = blockUnder(lines, i, s, (seg.right + next.x) / 2);
    if (block.text.length > 0) return block;
  }
  if (rest !== '') {
    text.push(rest);
    startX = seg.x + (seg.right - seg.x) * ((seg.text.length - rest.length) / Math.max(seg.text.length, 1));
  } else if (next && !labelOf(next.text)) {
    text.push(line.segments.slice(s + 1).filter((x, k, arr) => !arr.slice(0, k + 1).some((y) => labelOf(y.text))).map((x) => x.text).join(' | '));
    startX = next.x;
  } else return blockUnder(lines, i, s);
  // continuation lines starting under the value
  let lastY = line.y;
  for (let j = i + 1; j < lines.length && j < i + 6; j++) {
    const below = lines[j];
    if (below.page !== line.page || below.y - lastY > below.height * 2.2) break;
    const first = below.segments[0];
    if (Math.abs(first.x - startX) > 6 || labelOf(first.text)) break;
    text.push(first.text);
    taken.push(below);
    lastY = below.y;
  }
  return { text, lines: taken };
}

/** A line that is only a phone number or an e-mail address, with at most one word beside it. */
function isContactLine(text: string): boolean {
  const rest = text.replace(PHONE, ' ').replace(EMAIL, ' ').replace(/\b(phone|tel|ph|fax|e-?mail|call)\b[.:]?/gi, ' ');
  return (PHONE.test(text) || EMAIL.test(text)) && rest.trim().split(/\s+/).filter((w) => /[A-Za-z]{2}/.test(w)).length <= 1;
}

const US_STATES = new Set('AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(' '));

type Party = { name: string | null; address: Address | null; phone: string | null; email: string | null };

/** A party box's lines → name (the name line, cut before a street number or "|"), address, phone, e-mail. */
export function parseParty(lines: string[]): Party {
  let phone: string | null = null;
  let email: string | null = null;
  const pieces: string[] = [];
  for (const l of lines) {
    for (let p of l.split('|')) {
      p = p.trim().replace(/,$/, '').trim();
      if (p === '') continue;
      const ph = PHONE.exec(p);
      const em = EMAIL.exec(p);
      if (em) email ??= em[0];
      if (ph && p.replace(PHONE, '').replace(/\b(phone|tel|ph|fax|f|p)\b[.:]?/gi, '').trim().length < 3) {
        phone ??= ph[0];
        continue;
      }
      if (em && p.replace(EMAIL, '').replace(/e-?mail[.:]?/gi, '').trim().length < 3) continue;
      if (/^(account|acct|customer|client|policy)\s*(no\.?|number|#)/i.test(p)) continue;
      pieces.push(p);
    }
  }
  if (pieces.length === 0) return { name: null, address: null, phone, email };
  // (a company's form that OCR set apart from its name: 'Granite Peak Builders,' | 'Inc.')
  while (pieces.length > 1 && /,$|^[^,]*$/.test(pieces[0]!) && /^(inc|llc|l\.l\.c|corp|co|ltd|lp|llp|pllc|pc|pa|company|corporation|incorporated)\.?$/i.test(pieces[1]!)) {
    pieces.splice(0, 2, `${pieces[0]!.replace(/,$/, '')}, ${pieces[1]}`);
  }
  let name = pieces[0];
  const rest = pieces.slice(1);
  const street = /\s(\d{1,6}[A-Z]?\s+[A-Za-z])/.exec(name);
  if (street && street.index > 2) {
    rest.unshift(name.slice(street.index + 1));
    name = name.slice(0, street.index);
  }
  // a phone, or a city and state, on the name's line (a printed '|' between them that OCR dropped)
  const phoneAt = PHONE.exec(name);
  if (phoneAt && phoneAt.index > 2) {
    phone ??= phoneAt[0];
    name = name.slice(0, phoneAt.index).trim();
  }
  // (a city of one word, or two after a prefix cities take: 'Pioneer Insurance Brokers Denver, CO' keeps 'Brokers')
  const cityAt = /\s+(?:(?:San|Santa|St\.?|Saint|Fort|Ft\.?|New|North|South|East|West|Los|Las|El|Palm|Port|Mount|Mt\.?)\s+)?[A-Z][a-z]+,\s*([A-Z]{2})(?:\s+\d{5}(?:-\d{4})?)?$/.exec(name);
  // (no city when the lines below give one: 'Brightsmile Family Medicine, PA' is a name)
  const cityBelow = rest.some((r) => /,\s*[A-Z]{2}\s+\d{5}\b/.test(r));
  if (cityAt && cityAt.index > 2 && US_STATES.has(cityAt[1]!) && !cityBelow) {
    rest.unshift(name.slice(cityAt.index).trim());
    name = name.slice(0, cityAt.index);
  }
  return { name: normalizeNameLine(specklessLlc(name)), address: parseAddress(rest), phone, email };
}

function parseAddress(pieces: string[]): Address | null {
  if (pieces.length === 0) return null;
  const joined = pieces.join(', ');
  const m = /^(.*?),?\s*([A-Za-z][A-Za-z .'-]+),\s*([A-Z]{2})\.?(?:\s+(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d))?\s*$/.exec(joined);
  if (!m) return { lines: pieces, city: null, state: null, postalCode: null };
  const lines = m[1].split(/,\s*(?=\d|Suite|Ste|Unit|Apt|Floor|#)/i).length > 1 ? [m[1].trim()] : m[1].split(/\s*,\s*/);
  return { lines: lines.map((l) => l.trim()).filter((l) => l !== ''), city: m[2].trim(), state: m[3], postalCode: m[4] ?? null };
}

const FLAG_WORD = String.raw`(?<flag>YES|Y|X|INCLUDED|APPLIES|APPLY|NO|N|NONE|NOT\s+INCLUDED|EXCLUDED|DOES\s+NOT\s+APPLY|NOT\s+APPLICABLE|N\/A)`;

/**
 * What `text` states of a flag: "Additional Insured: Yes", "Addl Insd | No", "Waiver of Subrogation applies",
 * "No waiver of subrogation applies", "is included as an additional insured"; null when it says nothing.
 */
function flagStatement(text: string, label: RegExp): boolean | null {
  // boxes printed before their options, the marked one with an X: "Waiver of Subrogation: X Yes  No"
  const boxed = new RegExp(String.raw`(?:${label.source})(?:\s+STATUS)?[\s:|-]*(?:(?<mark1>[X☒■✓✔])\s*)?YES[\s|]+(?:(?<mark2>[X☒■✓✔])\s*)?NO\b`, 'i').exec(text);
  if (boxed && (boxed.groups!.mark1 || boxed.groups!.mark2)) return Boolean(boxed.groups!.mark1);
  const m = new RegExp(String.raw`(?<no>\bNO\s+)?(?:${label.source})(?:\s+STATUS)?\s*[:\-|]?\s*${FLAG_WORD}\b`, 'i').exec(text);
  if (m) return m.groups!.no ? false : /^(YES|Y|X|INCLUDED|APPLIES|APPLY)$/i.test(m.groups!.flag!);
  // the label, a few words of the same clause, its verb: "A blanket waiver of subrogation endorsement (WC 00 03 13)
  // applies", "Waiver of subrogation in favor of the holder is not provided"
  const clause = new RegExp(String.raw`(?<no>\bNO\s+)?(?:${label.source})[^.;:|]{0,60}?\s(?<verb>(?:does|do|is|are|has|have)\s+not\s+(?:been\s+)?(?:apply|applies|included|provided|granted|added)|not\s+(?:applicable|included|provided)|applies|apply|(?:is|are)\s+(?:included|provided|granted)|(?:has|have)\s+been\s+(?:added|granted|included)|included|provided|granted)\b`, 'i').exec(text);
  if (clause) return !clause.groups!.no && !/\bnot\b/i.test(clause.groups!.verb!);
  if (new RegExp(String.raw`\b(included|named|added)\s+as\s+(an?\s+)?(?:${label.source})`, 'i').test(text)) return true;
  return null;
}

const AI_LABEL = /ADDITIONAL\s+INSURED|ADD'?L\.?\s+INS(?:URED|D)?\b\.?/;
const WOS_LABEL = /WAIVER\s+OF\s+SUBR(?:OGATION|\.|\b)|SUBROGATION\s+WAIVED|SUBR\.?\s+WVD|WAIVER\s+OF\s+(OUR\s+)?RIGHT\s+TO\s+RECOVER(?:\s+FROM\s+OTHERS)?/;

/** Any coverage's name. */
const ANY_COVERAGE = new RegExp(COVERAGES.map((c) => c.re.source).join('|'), 'g');

/**
 * A flag's label opening a line, a colon and coverages named after it ("Waiver of Subrogation: Commercial Auto…",
 * "Additional insured status applies to: Commercial General Liability and Business Auto"): the page's statement.
 */
const FLAG_LIST = new RegExp(String.raw`^\s*(?:${AI_LABEL.source}|${WOS_LABEL.source})(?:\s+[a-z]+){0,4}?\s*(?::|\bto\b:?)\s*(?:the\s+)?(?:[A-Za-z]+\s+){0,2}?(?:${ANY_COVERAGE.source})`, 'i');

/**
 * A statement of a flag for coverages it names: the flag's label and a list after its colon, or a sentence stating the
 * flag that names two coverages or more ("Blanket additional insured applies … to the Business Liability, Hired &
 * Non-Owned Auto and Pollution Liability policies").
 */
function isFlagStatementForCoverages(text: string): boolean {
  if (FLAG_LIST.test(text)) return true;
  if (flagStatement(text, AI_LABEL) === null && flagStatement(text, WOS_LABEL) === null) return false;
  const named = new Set([...text.toUpperCase().matchAll(ANY_COVERAGE)].map((m) => coverageIn(m[0])).filter((c) => c !== null).map((c) => coverageKey(c.coverage, c.label)));
  return named.size >= 2;
}


/** A policy's coverage as page statements name it: the coverage, and an 'other' one by its name (Pollution Liability). */
function coverageKey(coverage: Coverage, name: string): string {
  // (named with or without its last word, with '&' or 'and': 'Employment Practices' is 'Employment Practices Liability')
  const words = (coverageIn(name)?.label ?? name).toUpperCase().replace(/&/g, ' AND ').replace(/\b(LIABILITY|COVERAGE|INSURANCE)\b/g, ' ');
  return coverage === 'other' ? `other:${words.replace(/\s+/g, ' ').trim()}` : coverage;
}

/**
 * The page's sentences about a flag, outside the policies' own sections: one that names coverages sets theirs
 * ("Additional insured status applies to: Hired & Non-Owned Auto", "Waiver of Subrogation: Commercial Automobile
 * Liability and Pollution Liability"); one that names none sets every policy's.
 */
function pageFlags(text: string, label: RegExp): { all: boolean | null; by: Map<string, boolean> } {
  let all: boolean | null = null;
  const by = new Map<string, boolean>();
  // (the label and a list of coverages after its colon, nothing else: the flag is given for those)
  const list = new RegExp(String.raw`(?:${label.source})\s*:\s*(?<list>.+)$`, 'i');
  for (const sentence of text.replace(/\s*\|\s*/g, ' ').split(/(?<=[.;])\s+|\n/)) {
    const named = [...sentence.toUpperCase().matchAll(ANY_COVERAGE)].map((m) => coverageIn(m[0])).filter((c) => c !== null);
    const listed = list.exec(sentence)?.groups?.list;
    // (a coverage's own words before its name, 'Follow Form Umbrella', are two words at most)
    const rest = listed?.toUpperCase().replace(ANY_COVERAGE, ' ').replace(/\b(AND|THE|POLICY|POLICIES|COVERAGES?|ONLY)\b|[,&.]/g, ' ').trim();
    const onlyCoverages = rest !== undefined && named.length > 0 && (rest === '' || rest.split(/\s+/).length <= 2 * named.length);
    const value = flagStatement(sentence, label) ?? (onlyCoverages ? true : null);
    if (value === null) continue;
    if (named.length > 0) for (const c of named) by.set(coverageKey(c.coverage, c.label), value);
    else all ??= value;
  }
  return { all, by };
}

type Column = { kind: 'letter' | 'insurer' | 'naic' | 'type' | 'policy' | 'eff' | 'exp' | 'limits' | 'limit' | 'ai' | 'wos' | 'unknown'; x: number; right: number; label: string };

/** A line of headings only: words and no three digits in a row (a row of values has dates, amounts, numbers). */
const headingOnly = (line: Line) => !/\d{3}/.test(line.text.replace(/\(MM\/DD\/YY(YY)?\)/gi, ''));

/**
 * A table's column headings, when `line` heads a coverage table (a policy column, and an effective or expiration
 * column). Headings set on two or three lines ("Add'l" over "Ins.") take the words of the heading-only lines just
 * above and below into the columns they sit over; `merged` says whether the line below was one of them.
 */
function headerColumns(lines: Line[], i: number): { columns: Column[]; last: number } | null {
  const line = lines[i]!;
  // column headings carry no values: a line with a date, an amount or a policy-number-like token is a row
  if (!headingOnly(line)) return null;
  const near = (a: Line | undefined, b: Line) => a !== undefined && a.page === b.page && headingOnly(a) && Math.abs(a.y - b.y) < Math.max(a.height, b.height) * 1.6;
  // the heading lines around this one (at most three in all): their cells join the columns they overlap
  let first = i;
  while (first > i - 2 && near(lines[first - 1], lines[first]!)) first--;
  let last = i;
  while (last < first + 2 && near(lines[last + 1], lines[last]!)) last++;
  const rowBelow = lines[last + 1];
  // a heading cell whose words sit over separate value cells of the next line is several columns (headings in
  // bold are often measured wider than they print, which closes the gap between them)
  // (only where the words before have a value of their own: a flag centred under 'Addl Insd' may start at 'Insd')
  const below = rowBelow?.segments ?? [];
  type Group = { x: number; right: number; words: { w: Word; order: number }[] };
  const splitsAt = (group: Group, w: Word) =>
    below.some((s) => Math.abs(s.x - w.x) < 3) && below.some((s) => s.x < w.x - 3 && s.right > group.x && s.x < group.right);
  const groups: Group[] = [];
  const order = [i, ...[first, first + 1, first + 2].filter((k) => k !== i && k <= last)];
  for (const k of order) {
    for (const seg of lines[k]!.segments) {
      let group: Group | null = null;
      for (const w of seg.words) {
        if (!group || (k === last && splitsAt(group, w))) {
          // the heading line's cells are columns; the lines above and below join the ones they overlap
          const right = seg.right;
          group = k === i ? null : (groups.find((c) => Math.min(c.right, right) - Math.max(c.x, w.x) > 0) ?? null);
          if (!group) {
            group = { x: w.x, right: w.x + w.width, words: [] };
            groups.push(group);
          }
        }
        group.words.push({ w, order: k });
        group.x = Math.min(group.x, w.x);
        group.right = Math.max(group.right, w.x + w.width);
      }
    }
  }
  groups.sort((a, b) => a.x - b.x);
  const cols: Column[] = groups.map((g) => {
    const label = g.words
      .sort((a, b) => a.order - b.order || a.w.x - b.w.x)
      .map((o) => o.w.text)
      .join(' ');
    return { kind: columnKind(label), x: g.x, right: g.right, label };
  });
  const has = (k: Column['kind']) => cols.some((c) => c.kind === k);
  if (has('policy') && (has('eff') || has('exp'))) return { columns: cols, last };
  return null;
}

/** The span among `spans` a word from x to right belongs to: the one it overlaps most, else the nearest (-1: none). */
function nearestSpan(spans: { x: number; right: number }[], x: number, right: number): number {
  let best = -1;
  let bestScore = -Infinity;
  spans.forEach((s, i) => {
    const overlap = Math.min(right, s.right) - Math.max(x, s.x);
    // overlapping spans by how much; others by (minus) their distance
    const score = overlap > 0 ? overlap : overlap - 1000;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

function columnKind(text: string): Column['kind'] {
  const t = text.toUpperCase();
  // (OCR garbles the small heading: "Add) Ins")
  if (/ADD'?L|ADDITIONAL\s+INSURED|\bAI\b|\bADD\W?\s*INS/.test(t)) return 'ai';
  // (and where OCR garbled 'Subr' over 'Wvd' into 'Sabr Wvd': 'waived' abbreviated says it alone)
  if (/SUBR|WAIVER|\bWOS\b|\bWVD\b/.test(t)) return 'wos';
  if (/\bEFF|EFFECTIVE|INCEPTION|\bFROM\b|START/.test(t)) return 'eff';
  if (/\bEXP|EXPIR|\bTO\b|\bEND/.test(t)) return 'exp';
  if (/TYPE|COVERAGE|LINE\s+OF/.test(t)) return 'type';
  if (/POLICY\s*(NUMBER|NO|#)|^POLICY(\s+N\w{0,2}\.?)?$/.test(t)) return 'policy';
  if (/^(INSR\s*)?LTR$|^INSURER$/.test(t)) return 'letter';
  if (/^(COMPANY|CARRIER|UNDERWRITER|INSURER\s+NAME|(INSURANCE|INSURING|WRITING)\s+(COMPANY|CARRIER))$/.test(t)) return 'insurer';
  if (/^NAIC(\s*(#|NO\.?|CODE|NUMBER))?$/.test(t)) return 'naic';
  if (/^LIMITS?$/.test(t)) return 'limits';
  if (looksLikeLimitLabel(t)) return 'limit';
  return 'unknown';
}

/** A policy being read; `insurer` the name in its row's insurer column, when the table has one. */
type PolicyDraft = { fields: PolicyFields; ai: boolean | null; wos: boolean | null; insurer?: string; naic?: string; partial?: { eff?: string; exp?: string } };

/** The policies of the page; `absorbed` gets the lines read into them. */
function readPolicies(lines: Line[], used: Set<Line>, absorbed: Set<Line>, insurerNames: string[], statements: string[]): PolicyDraft[] {
  const drafts: PolicyDraft[] = [];
  // an insurer's name names no coverage ("issued by Bluestem Workers Compensation Mutual" on a liability policy)
  const names = insurerNames.filter((n) => n.length >= 6).map((n) => new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s|]+'), 'gi'));
  // (nor does a company's name in a cell of its own: a letterhead 'Meridian Umbrella Insurance Group')
  const coverageOf = (text: string) => coverageIn(names.reduce((t, re) => t.replace(re, ' '), text).split(' | ').filter((cell) => !isCompanyName(cell.trim())).join(' | '));
  const named = new Set(lines.map((l) => coverageOf(l.text)?.coverage).filter((c) => c !== undefined));
  let carry: { draft: PolicyDraft; text: string } | null = null;
  // a certificate of one coverage names it in its title ("Commercial Auto Certificate of Insurance"), or alone
  const titleLine = (l: Line) => l.page === 1 && CERTIFICATE_TITLE.test(l.text);
  // ("Certificate of Automobile Insurance" names it without 'liability')
  const titleCoverage = (l: Line) => coverageOf(l.text)?.coverage ?? (/\bAUTO(MOBILE)?\b/i.test(l.text) ? 'automobile_liability' : undefined);
  const titled = lines.filter(titleLine).map(titleCoverage).find((c) => c !== undefined && c !== 'other');
  const sole = titled ?? (named.size === 1 ? [...named][0]! : null);
  let columns: Column[] | null = null;
  let current: PolicyDraft | null = null;
  let completing: Line | null = null;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const header = headerColumns(lines, i);
    if (header) {
      columns = header.columns;
      current = null;
      i = header.last;
      continue;
    }
    // (a row's insurer name going on in its column, 'Pacific Crest Specialty' over 'Insurance Company', is no label)
    const insurerColumn = columns?.find((c) => c.kind === 'insurer' || (c.kind === 'letter' && /insur|compan|carrier|underwr/i.test(c.label)));
    const lead = line.segments[0]!;
    const goesOnInColumn = current !== null && insurerColumn !== undefined && Math.min(lead.right, insurerColumn.right) - Math.max(lead.x, insurerColumn.x) > 0 && lead.x > insurerColumn.x - 6;
    const firstLabel = goesOnInColumn ? null : labelOf(lead.text);
    // (an insurer's line may go on with the policy's number: "Underwriter: X | NAIC: 12345 | Policy #: CAP 98668")
    const insurerAndPolicy = firstLabel?.kind === 'insurer' && sole !== null && POLICY_NUMBER_LABEL.test(line.text);
    // a card's own insurer ("Insurer | Pacific Crest Specialty Insurance Company", its NAIC under it) is its policy's,
    // though the insurers were read from its line
    if (current && !insurerAndPolicy && firstLabel?.kind === 'insurer' && !columns) {
      const named = firstLabel.rest ? 1 : 2;
      let name = insurerNameIn(firstLabel.rest || line.segments[1]?.text || '');
      // (its company form set flush under it: 'Blue Ridge Casualty Insurance' over 'Company')
      const rest = lines[i + 1];
      const form = rest && rest.page === line.page && rest.segments.length === 1 && rest.y - line.y < 2 * line.height && Math.abs(rest.right - line.right) < 4 && COMPANY_FORM.test(rest.text.trim());
      // (labelled an insurer, a company's name will do: 'Crestline Excess & Surplus Company')
      if (isLabelledInsurerName(name)) {
        if (form) {
          name = `${name} ${rest.text.trim()}`;
          absorbed.add(rest);
          i++;
        }
        current.insurer ??= name;
        const code = [line, lines[i + 1]].map((l) => (l ? NAIC.exec(l.text)?.[1] : undefined)).find((c) => c !== undefined);
        if (code) current.naic ??= code;
        absorbed.add(line);
        // (the card's limits go on beside it: "Insurance Company: X | Med Exp (Any One Person) | $ 10,000")
        const beside = line.segments.slice(named).filter((x) => !/^\s*NAIC\b/i.test(x.text));
        if (beside.length > 0) absorb(current, { ...line, segments: beside, x: beside[0]!.x, text: beside.map((x) => x.text).join(' | ') }, null);
        continue;
      }
    }
    if (used.has(line) && !insurerAndPolicy) {
      current = null;
      continue;
    }
    if (firstLabel && firstLabel.kind !== 'stop' && firstLabel.kind !== 'field' && !(/^to\b/i.test(firstLabel.label) && findDates(line.text).length > 0)) {
      current = null;
      if (!insurerAndPolicy) continue;
    }
    // (a card's own "LIMITS" heading goes on with its policy)
    if (firstLabel?.kind === 'stop' && !coverageIn(line.text) && !(current && /^limits\s*:?$/i.test(line.text.trim()))) {
      current = null;
      continue;
    }
    // a paragraph's sentences run on from line to line: read as one ("Waiver of subrogation" | "applies …")
    const paragraph = [line];
    while (wrapsOnto(paragraph.at(-1)!, lines[i + 1]) && !used.has(lines[i + 1]!)) paragraph.push(lines[++i]!);
    if (paragraph.length > 1) line = joinParagraph(paragraph);
    // a flag given to coverages by name is the page's statement, no policy's
    if (isFlagStatementForCoverages(line.text)) {
      statements.push(line.text);
      current = null;
      continue;
    }
    // (a sentence running across the table's columns, below its rows, is no row: its cells are not the columns')
    const sentence = line.segments.length === 1 && line.words.length >= 6 && (columns?.filter((c) => c.x > line.x + 3 && c.x < line.right).length ?? 0) >= 2;
    const cells = columns && !sentence ? cellsByColumn(line, columns) : null;
    let typeText = cells ? (cells.get('type') ?? cells.get('letter') ?? line.text) : line.text;
    // (the rest of the row above's wrapped coverage names no policy of its own: 'Contractors' over 'Pollution
    // Liability', its dates' years beside it)
    const completesAbove = completing === line;
    completing = null;
    // a coverage wrapped in its narrow column ('Hired & Non-Owned' over 'Auto'): the row's next line completes it
    const below = lines[i + 1];
    if (columns && cells?.get('type') && !coverageOf(typeText) && below && below.page === line.page && below.y - line.y < 2 * Math.max(line.height, below.height)) {
      const more = cellsByColumn(below, columns).get('type');
      if (more && coverageOf(`${typeText} ${more}`)) {
        typeText = `${typeText} ${more}`;
        completing = below;
      }
    }
    // (the title names the coverage of the whole certificate, no policy of its own; a table's type column may say
    // only "Excess")
    const cov = titleLine(line) || completesAbove ? null : (coverageOf(typeText) ?? (cells?.has('type') && /^\s*excess\b/i.test(typeText) ? { coverage: 'excess_liability' as const, label: 'Excess' } : null));
    if (cov) {
      const hasData = findDates(line.text).length > 0 || policyNumberIn(line, cells) !== null;
      const same = drafts.filter((d) => d.fields.coverage === cov.coverage).at(-1);
      // (the policy being read, named again with more of its own: "Policy Number: X | Employers' Liability - Each
      // Accident", "effective … Workers' compensation: statutory")
      const goesOn = current !== null && current === same && cov.coverage !== 'other' && fitsDraft(current, line, cells);
      if (!goesOn && !hasData && same && cov.coverage !== 'other') current = same;
      else if (!goesOn) {
        // (a table's type cell is the coverage's whole name: 'Contractors Pollution Liability')
        const whole = cells?.get('type') ? typeText.replace(/\s*\|\s*/g, ' ').trim() : '';
        const name = whole.includes(cov.label) && whole.split(' ').length <= 6 ? whole : cov.label;
        current = newDraft(cov.coverage, cov.coverage === 'other' ? name : null);
        drafts.push(current);
      }
    }
    // a certificate of one coverage (a workers' compensation certificate) names it once, in its title
    // (and its limits are its policy's, wherever they stand: 'Bodily Injury Per Person | $1,000,000' above a policy
    // number OCR garbled the label of)
    // (that line only: no draft is opened to run on into a vehicles' table)
    const soleLimit = () => sole !== null && findAmounts(line.text).length > 0 && line.segments.some((seg) => ruleLimitKey(sole, seg.text) !== null);
    let limitOnly = false;
    if (!current && sole && (((POLICY_NUMBER_LABEL.test(line.text) || cells?.has('policy')) && policyNumberIn(line, cells) !== null) || (limitOnly = soleLimit()))) {
      current = drafts.find((d) => d.fields.coverage === sole) ?? newDraft(sole, null);
      if (!drafts.includes(current)) drafts.push(current);
    }
    if (!current) continue;
    for (const l of paragraph) absorbed.add(l);
    // a clause of limits wrapped onto this line ("…; Bodily Injury by Disease" | "$500,000 policy limit")
    const first = line.segments[0]!;
    const read = carry && carry.draft === current && findAmounts(first.text).length > 0 && findAmounts(first.text)[0]!.index === 0 ? { ...line, text: `${carry.text} ${line.text}`, segments: [{ ...first, text: `${carry.text} ${first.text};` }, ...line.segments.slice(1)] } : line;
    const tail = line.segments.length === 1 && /;/.test(first.text) ? first.text.slice(first.text.lastIndexOf(';') + 1).trim() : '';
    carry = tail !== '' && /[A-Za-z]{3}/.test(tail) && findAmounts(tail).length === 0 ? { draft: current, text: tail } : null;
    absorb(current, withWrappedLimitNames(read, lines[i + 1], current.fields.coverage), cells);
    if (limitOnly) current = null;
  }
  // a certificate of one coverage whose headings OCR could not read ('FoL.cy | poy eres' over 'WCA 87-15436-458 |
  // 12:01 a.m. 11/12/23 to 12:01 a.m. 11/12/24'): its policy is the line that starts with a policy number and gives a
  // period, where no label gave them
  const own = sole ? drafts.find((d) => d.fields.coverage === sole) : undefined;
  if (sole && (!own || (own.fields.policyNumber === null && own.fields.effectiveDate === null))) {
    for (const line of lines) {
      const dates = findDates(line.text);
      if (used.has(line) || dates.length < 2 || !/\b(to|through|thru)\b|[–-]/i.test(line.text.slice(dates[0]!.end, dates[1]!.index))) continue;
      const first = line.segments[0]!.text;
      const number = findDates(first).length === 0 && !labelOf(first) ? policyNumberRun(first) : null;
      if (!number) continue;
      const draft = own ?? newDraft(sole, null);
      if (!drafts.includes(draft)) drafts.push(draft);
      draft.fields.policyNumber = number;
      draft.fields.effectiveDate = dates[0]!.value;
      draft.fields.expirationDate = dates[1]!.value;
      break;
    }
  }
  // a coverage named with nothing under it (a heading, a checkbox) is not a policy
  return drafts.filter((d) => d.fields.policyNumber !== null || d.fields.effectiveDate !== null || Object.keys(d.fields.limits).length > 0);
}

/**
 * A limit's name wrapped in its narrow cell, the amount beside its first line ("Employers' Liability -" | "$ 1,000,000"
 * over "Each Accident"): the name is read whole, where the first line alone names none of the coverage's limits and
 * the two lines together do.
 */
function withWrappedLimitNames(line: Line, next: Line | undefined, coverage: Coverage): Line {
  if (!next || next.page !== line.page || next.y - line.y > 2 * Math.max(line.height, next.height) || findAmounts(next.text).length > 0) return line;
  let changed = false;
  const segments = line.segments.map((seg, k) => {
    const amountBeside = line.segments[k + 1] && findAmounts(line.segments[k + 1]!.text)[0]?.index === 0;
    if (!amountBeside || findAmounts(seg.text).length > 0 || ruleLimitKey(coverage, seg.text) !== null) return seg;
    const under = next.segments.find((n) => Math.abs(n.x - seg.x) < 4 && /[A-Za-z]{3}/.test(n.text));
    if (!under || ruleLimitKey(coverage, `${seg.text} ${under.text}`) === null) return seg;
    changed = true;
    return { ...seg, text: `${seg.text} ${under.text}` };
  });
  return changed ? { ...line, segments, text: segments.map((s) => s.text).join(' | ') } : line;
}

/** A company's form alone, as a narrow cell wraps it under the name: 'Company', 'Insurance Company', 'Co.'. */
const COMPANY_FORM = /^((insurance|casualty|indemnity|assurance|mutual|fire)\s+)?(company|co\.?|corporation|corp\.?|inc\.?|ltd\.?)$/i;

/** A company's whole name, its words capitalized and its form last ('Meridian Umbrella Insurance Group'). */
const isCompanyName = (cell: string) => /^(?:[A-Z][\w&.'’-]*\s+){1,6}[A-Z]\S*$/.test(cell) && /\s(group|company|co\.?|corporation|corp\.?|inc\.?|llc|ltd\.?|underwriters|holdings|agency|mutual|exchange|partners)$/i.test(cell);

const POLICY_NUMBER_LABEL = /\bPOLICY\s*(NUMBER|NO\.?|#|:)/i;
/** A certificate's title: "Certificate of Insurance", "Evidence of Coverage", "Memorandum of Insurance". */
const CERTIFICATE_TITLE = /\b(certificate|evidence|proof|memorandum|confirmation|letter)\s+of\b.*\b(insurance|coverage)\b|\b(insurance|coverage)\s+certificate\b|\bcertificate\s+of\s+(liability|insurance)\b|\bcertificate\b.*\bof\s+(insurance|coverage)\b/i;

/** Whether a line's policy number and dates can be the draft's own (none it has already, or the same). */
function fitsDraft(draft: PolicyDraft, line: Line, cells: Map<string, string> | null): boolean {
  const number = policyNumberIn(line, cells);
  if (number !== null && draft.fields.policyNumber !== null && number !== draft.fields.policyNumber) return false;
  return findDates(line.text).length === 0 || draft.fields.effectiveDate === null;
}

/** Whether `next` goes on with `line`'s sentence: one cell each, set flush under it, and `line` left unfinished. */
function wrapsOnto(line: Line, next: Line | undefined): boolean {
  if (!next || next.page !== line.page || line.segments.length !== 1 || next.segments.length !== 1) return false;
  // (OCR's heights are the letters' ink, not the font's: its lines stand further apart by them)
  if (next.y - line.y > Math.max(line.height, next.height) * (line.ocr ? 2.3 : 1.8) || Math.abs(next.x - line.x) > 3) return false;
  // (a sentence of six words or more, not ended; the next no numbered item or label of its own)
  // (a label starts no sentence's next line, unless it reads on in lower case: "effective 11/23/2023 to …")
  const label = labelOf(next.segments[0]!.text);
  return line.words.length >= 6 && !/[.:]$/.test(line.text.trim()) && !/^\(?\d{1,2}[.)]\s/.test(next.text) && !(label && (label.kind !== 'field' || /^[A-Z]/.test(next.text)));
}

function joinParagraph(lines: Line[]): Line {
  const words = lines.flatMap((l) => l.words);
  const text = lines.map((l) => l.text.trim()).join(' ');
  const first = lines[0]!;
  const right = Math.max(...lines.map((l) => l.right));
  return { ...first, words, text, right, segments: [{ text, x: first.x, right, words }] };
}

function newDraft(coverage: Coverage, description: string | null): PolicyDraft {
  return {
    fields: {
      coverage,
      description,
      insurerLetter: null,
      policyNumber: null,
      effectiveDate: null,
      expirationDate: null,
      additionalInsured: false,
      subrogationWaived: false,
      basis: null,
      limits: {},
      details: {},
    },
    ai: null,
    wos: null,
  };
}

function cellsByColumn(line: Line, columns: Column[]): Map<Column['kind'] | string, string> {
  const cells = new Map<string, string>();
  const sorted = [...columns].sort((a, b) => a.x - b.x);
  // a word belongs to the heading it starts under, or to one it ends flush with, or (a number) sits mostly under:
  // amounts set flush right start left of their heading
  const columnOf = (w: Word) => {
    let col = sorted[0]!;
    for (const c of sorted) if (w.x >= c.x - 3) col = c;
    const right = w.x + w.width;
    const value = /^(USD|\$)?\s?[\d$][\d,.]*$/.test(w.text);
    // (a policy number OCR boxed from a little left of its heading, wider than it: 'WC181117647' under 'POLICY NO.')
    const number = !value && /\d{3}/.test(w.text);
    const overlap = (c: Column) => Math.min(right, c.right) - Math.max(w.x, c.x);
    return sorted.find((c) => c !== col && c.x > col.x && right > c.x && (Math.abs(right - c.right) <= 4 || (value && overlap(c) >= 0.6 * w.width) || (number && w.x > c.x - 6 && overlap(c) >= 0.6 * Math.min(w.width, c.right - c.x)))) ?? col;
  };
  line.words.forEach((w, k) => {
    // (a currency word goes with the amount after it: "USD | 2,000,000" set flush right under its limit)
    const next = line.words[k + 1];
    const col = CURRENCY_WORD.test(w.text) && next && /^\d[\d,.]*$/.test(next.text) ? columnOf(next) : columnOf(w);
    const key = col.kind === 'limit' ? `limit:${col.label}` : col.kind;
    cells.set(key, ((cells.get(key) ?? '') + ' ' + w.text).trim());
  });
  return cells;
}

const CURRENCY_WORD = /^(USD|US\$|\$|CAD|C\$)$/i;

/**
 * "Policy No.: GL 123-45", "Policy # TDM-AJSWEDU", "Policy CGL-1": the label, then the number's groups. (OCR reads a
 * '#' as '4' or 'H' now and then: 'Policy 4 NMB-LSERD1R'.)
 */
const POLICY_LABEL = /\bPOLICY[\s|]*(?:NUMBER|NO\.?|#|[4H](?=[\s|]))?\s*[:#]?[\s|]*(?:NO\.?\s*|#\s*)?([A-Z0-9][A-Z0-9\-/.]*[A-Z0-9](?:\s[A-Z0-9][A-Z0-9\-/.]*\d[A-Z0-9\-/.]*)*)/gi;

/**
 * The policy number among a run of words: the number, with a prefix of capitals before it ('PKG 04-07174-021') and
 * groups of digits after it ('CAP84 661901 83').
 */
function policyNumberRun(text: string): string | null {
  // (dates are no policy numbers: 'Mar 3, 2024' is no '3 2024')
  for (const d of findDates(text).reverse()) text = `${text.slice(0, d.index)} | ${text.slice(d.end)}`;
  const tokens = text.split(/\s+/).map((t) => t.replace(/^\(/, '').replace(/[.,;:)]+$/, ''));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const digits = (t.match(/\d/g) ?? []).length;
    if (!/^[A-Z0-9][A-Z0-9\-/.]*$/.test(t) || digits === 0 || findDates(t).length > 0 || /^\d{5}(-\d{4})?$/.test(t)) continue;
    const run = [t];
    const prev = tokens[i - 1];
    if (prev && /^[A-Z]{1,5}$/.test(prev) && !/^(NO|NUMBER|POLICY|AND|OR|THE|TO|FROM|USD|CSL|EL|BI|PD)$/.test(prev)) run.unshift(prev);
    for (let j = i + 1; j < tokens.length && /^[A-Z0-9][A-Z0-9\-/.]*$/.test(tokens[j]!) && /\d/.test(tokens[j]!) && findDates(tokens[j]!).length === 0; j++) run.push(tokens[j]!);
    const joined = run.join(' ');
    // (an endorsement's form number, 'CG 20 10', 'WC 00 03 13', is no policy's)
    if (/^[A-Z]{2}(\s\d{2}){2,4}$/.test(joined)) {
      i += run.length - 2;
      continue;
    }
    if ((joined.match(/\d/g) ?? []).length >= 3 && !PHONE.test(joined) && findAmounts(joined).length === 0) return joined;
  }
  return null;
}

function policyNumberIn(line: Line, cells: Map<string, string> | null): string | null {
  for (const labelled of line.text.matchAll(POLICY_LABEL)) {
    const v = labelled[1]!;
    if (/^(NUMBER|NO|PERIOD|TERM|EFF\w*|EXP\w*|LIMITS?|TYPE|FORM|HOLDER|SHOWN|LISTED|PERIODS|PROVISIONS)$/i.test(v)) continue;
    if (/\d/.test(v) || (/-/.test(v) && v.length >= 6 && /^[A-Z0-9-]+$/.test(v))) return v;
  }
  const policyCell = cells?.get('policy');
  if (policyCell) {
    const run = policyNumberRun(policyCell);
    if (run) return run;
  }
  if (cells) return null;
  // no table: a token with digits that is no date, amount, phone or ZIP, outside any "label: amount" pair
  for (const seg of line.segments) {
    if (findAmounts(seg.text).length > 0) continue;
    const run = policyNumberRun(seg.text);
    if (run) return run;
  }
  return null;
}

/** The start of a date a narrow cell wraps, its year still to come: 'August 1,', '16 February', '13', 'Feb.'. */
const DATE_PIECE = new RegExp(`^(\\d{1,2}|${MONTH_WORD}(\\s+\\d{1,2},?)?|\\d{1,2}\\s+${MONTH_WORD})$`, 'i');

function absorb(draft: PolicyDraft, line: Line, cells: Map<string, string> | null): void {
  const p = draft.fields;
  const text = line.text;
  p.policyNumber ??= policyNumberIn(line, cells);
  // dates set in a narrow column wrap ('August 1,' or '16 February' over '2023', '13' over 'February' over '2026'): a
  // column's date cell completed by the next lines'
  for (const key of ['eff', 'exp'] as const) {
    const cell = cells?.get(key)?.trim();
    const held = draft.partial?.[key];
    const joined = held && cell ? `${held} ${cell}` : undefined;
    if (joined && /^\d{4}\b/.test(cell!)) {
      const d = findDates(joined)[0];
      if (d) {
        if (key === 'eff') p.effectiveDate ??= d.value;
        else p.expirationDate ??= d.value;
      }
    }
    draft.partial = { ...draft.partial, [key]: joined && DATE_PIECE.test(joined) ? joined : cell && DATE_PIECE.test(cell) ? cell : undefined };
  }
  // dates: labelled first, else in reading order (effective before expiration)
  const eff = /(EFFECTIVE|EFF\.?|INCEPTION|FROM|START)\b(?:\s*DATE)?\s*[:\-]?\s*/i.exec(text);
  const exp = /(EXPIRATION|EXPIRES|EXPIRY|EXP\.?|\bTO\b|\bTHROUGH\b|\bUNTIL\b|END)\b(?:\s*DATE)?\s*[:\-]?\s*/i.exec(text);
  const dates = findDates(text);
  for (const d of dates) {
    const afterEff = eff && d.index >= eff.index && (!exp || exp.index > eff.index ? !exp || d.index < exp.index : true);
    const afterExp = exp && d.index >= exp.index + exp[0].length - 1 && (!eff || eff.index < exp.index || d.index < eff.index);
    if (afterExp && !p.expirationDate) p.expirationDate = d.value;
    else if (afterEff && !p.effectiveDate) p.effectiveDate = d.value;
    else if (!p.effectiveDate) p.effectiveDate = d.value;
    else if (!p.expirationDate) p.expirationDate = d.value;
  }
  // the insurer's name in its own column (a name wrapped onto the row's next line continues it)
  // (a name's piece: three letters, or a company's form alone, 'Co.')
  const namePiece = (cell: string) => /[A-Za-z]{3}/.test(cell) || COMPANY_FORM.test(cell.trim());
  const letterCell = cells?.get('letter');
  const insurerCell = cells?.get('insurer') ?? (letterCell && namePiece(letterCell) ? letterCell : undefined);
  // (a name: no label's colon, no coverage, as a line below the table that the columns still cut gives)
  // (on the row itself, with its policy number, a name may hold a coverage's words: 'Bluestem Workers Compensation')
  const onRow = cells?.has('policy') === true;
  if (insurerCell && namePiece(insurerCell) && !/:/.test(insurerCell) && (onRow || !coverageIn(insurerCell))) {
    if (draft.insurer === undefined) draft.insurer = insurerCell;
    else if (
      (!/\b(company|co\.?|corporation|corp\.?|fund|mutual|exchange|association|ltd\.?|inc\.?|underwriters)$/i.test(draft.insurer) ||
        // ('Old Dominion Mutual' over 'Casualty Company', 'Heartland Commercial Insurance' over 'Co.')
        (/\bmutual$/i.test(draft.insurer) && /^(casualty|insurance|fire|indemnity|assurance)\s+(company|co\.?)$/i.test(insurerCell)) ||
        (COMPANY_FORM.test(insurerCell.trim()) && !/\b(company|co\.?|corporation|corp\.?|inc\.?|ltd\.?)$/i.test(draft.insurer))) &&
      /^([A-Z][\w&.'’-]*\s?){1,3}$/.test(insurerCell)
    )
      draft.insurer = `${draft.insurer} ${insurerCell}`;
  }
  const naicCell = cells?.get('naic')?.trim();
  if (naicCell && /^[0-9OIlSB]{5}$/.test(naicCell)) draft.naic ??= naicCell;
  // insurer letter: a lone A-F cell
  if (!p.insurerLetter) {
    const lone = line.segments.find((s) => /^[A-F]$/.test(s.text))?.text ?? (letterCell && /^[A-F]\b/.exec(letterCell)?.[0]);
    if (lone) p.insurerLetter = lone;
  }
  // limits: label/amount pairs within cells, and amounts under limit-named columns
  const limitColumns = cells ? [...cells.entries()].filter(([k]) => k.startsWith('limit:')) : [];
  const columnAmounts = new Set<string>();
  for (const [key, value] of limitColumns) {
    const amounts = findAmounts(value);
    if (amounts.length === 1 && !/[A-Za-z]{3}/.test(value.replace(/\$|USD/gi, ''))) {
      const k = limitKeyFor(p.coverage, key.slice('limit:'.length));
      if (k && p.limits[k] === undefined) p.limits[k] = amounts[0].value;
      columnAmounts.add(value);
    }
  }
  const segs = line.segments;
  for (let s = 0; s < segs.length; s++) {
    if (columnAmounts.has(segs[s].text)) continue;
    for (const pair of limitPairs(segs[s].text)) {
      let label = pair.label;
      const prev = segs[s - 1]?.text ?? '';
      const prevLabel = findAmounts(prev).length === 0 && /[A-Za-z]{3}/.test(prev) && looksLikeLimitLabel(prev);
      if (label === '' && prevLabel) label = prev;
      // (the cell before names what the amount's own words only finish: "Bodily Injury by Disease | USD 1,000,000
      // policy limit")
      else if (prevLabel && ruleLimitKey(p.coverage, label) === null && ruleLimitKey(p.coverage, `${prev} ${label}`) !== null) label = `${prev} ${label}`;
      if (label === '' || !looksLikeLimitLabel(label)) continue;
      const key = limitKeyFor(p.coverage, label);
      if (key && p.limits[key] === undefined) p.limits[key] = pair.amount;
    }
  }
  // basis, details, flags
  const upper = text.toUpperCase();
  if (p.basis === null) {
    if (/\bCLAIMS[\s-]*MADE\b/.test(upper)) p.basis = 'claims_made';
    else if (segs.some((s) => /^(OCCURRENCE|OCCUR|OCCURRENCE\s+BASIS|\(OCCURRENCE\))$/i.test(s.text.trim())) || /OCCURRENCE\s+(BASIS|FORM)/.test(upper)) p.basis = 'occurrence';
  }
  if (p.coverage === 'automobile_liability') {
    const flags: [string, RegExp][] = [
      ['anyAuto', /\bANY\s+AUTO/],
      ['ownedAutosOnly', /(?<!NON-?\s?)\bOWNED\s+AUTOS/],
      ['scheduledAutos', /\bSCHEDULED\s+AUTOS/],
      ['hiredAutosOnly', /\bHIRED\s+AUTOS/],
      ['nonOwnedAutosOnly', /\bNON-?\s?OWNED\s+AUTOS/],
    ];
    if (flags.some(([, re]) => re.test(upper))) for (const [k, re] of flags) p.details[k] = p.details[k] === true || re.test(upper);
  }
  if (p.coverage === 'workers_compensation' && /\bSTATUTORY\b|\bPER\s+STATUTE\b|\bWC\s+STATU/.test(upper)) {
    p.details.perStatute = true;
    if (!('proprietorExcluded' in p.details)) p.details.proprietorExcluded = null;
  }
  const ai = flagStatement(text, AI_LABEL) ?? (cells?.get('ai') ? yesNo(cells.get('ai')!) : null);
  const wos = flagStatement(text, WOS_LABEL) ?? (cells?.get('wos') ? yesNo(cells.get('wos')!) : null);
  if (ai !== null && draft.ai === null) {
    draft.ai = ai;
    p.additionalInsured = ai;
  }
  if (wos !== null && draft.wos === null) {
    draft.wos = wos;
    p.subrogationWaived = wos;
  }
}

function yesNo(cell: string): boolean | null {
  // (a speck OCR read beside the flag, 'Y +', is no part of it)
  const t = cell.toUpperCase().replace(/[^A-Z/]+/g, ' ').trim();
  if (/^(Y|YES|X)$/.test(t)) return true;
  if (/^(N|NO|N\/A)$/.test(t)) return false;
  return null;
}

/** The certificate's issue date: a DATE / Issued on / Issue Date label's date, else a lone date near the top. */
function certificateDate(lines: Line[], used: Set<Line>, pageHeight: number): string | null {
  for (const line of lines) {
    for (let s = 0; s < line.segments.length; s++) {
      const t = line.segments[s].text;
      // (a word before 'Date' that OCR garbled, 'Cendicate Date: 6/12/26', is a certificate's date still)
      const m = /^(?:certificate\s+date|date\s+issued|issue\s+date|date\s+of\s+issue|issued\s+on|issued|date|[A-Za-z]{4,}\s+date(?=\s*:))\b[^:]*?[:\-]?\s*/i.exec(t);
      if (!m || /effective|expir/i.test(t)) continue;
      const here = findDates(t.slice(m[0].length));
      if (here.length) return here[0].value;
      // (its value in the next cell, or in the next two where OCR cut it: 'Sep 12,' | '2026')
      const next = line.segments.slice(s + 1, s + 3).map((x) => x.text).join(' | ');
      if (next) {
        const d = findDates(next);
        if (d.length && d[0].index === 0) return d[0].value;
      }
    }
  }
  // a heading alone over its date ("ISSUED" | "01/24/2024" in the box under it)
  for (let i = 0; i < lines.length; i++) {
    for (const seg of lines[i]!.segments) {
      if (!/^(certificate\s+date|date\s+issued|issue\s+date|date\s+of\s+issue|issued|date)\s*:?$/i.test(seg.text)) continue;
      for (const below of lines.slice(i + 1, i + 3)) {
        const cell = below.segments.find((c) => Math.abs(c.x - seg.x) < 10);
        const d = cell ? findDates(cell.text) : [];
        if (d.length > 0 && d[0]!.index === 0) return d[0]!.value;
        // (or its slashes lost or read as ones: '21712026' for 2/7/2026, a date since the heading says so)
        const slashless = cell ? labelledSlashlessDate(cell.text.split(/[\s|]+/)[0]!) : null;
        if (slashless) return slashless;
      }
    }
  }
  for (const line of lines) {
    if (line.page !== 1 || line.y > pageHeight * 0.15 || used.has(line)) continue;
    // (a date alone in its cell, or alone on its line where OCR cut it in two: 'May 31,' | '2024')
    const lone = [...line.segments.map((s) => s.text), line.text].find((t) => {
      const d = findDates(t);
      return d.length === 1 && t.replace(/[\s|]/g, '').length <= t.slice(d[0]!.index, d[0]!.end).replace(/[\s|]/g, '').length + 1;
    });
    if (lone) return findDates(lone)[0]!.value;
  }
  return null;
}

export type { Segment };

/**
 * A certificate date OCR read outside its policies' term (after every expiration, or more than two weeks before every
 * effective date: a certificate is issued for policies in force), where one digit OCR confuses away lies the one date
 * within it ('2028-03-15' under policies of 2026 to 2027: a 6 read as 8), taken for that date with a warning, as the
 * ACORD 25 reader does. Any other date as read.
 */
export function mendOcrCertificateDate(read: string | null, policies: PolicyFields[], warnings: string[]): string | null {
  const effs = policies.map((p) => p.effectiveDate).filter((d): d is string => d !== null).sort();
  const exps = policies.map((p) => p.expirationDate).filter((d): d is string => d !== null).sort();
  if (read === null || effs.length === 0 || exps.length === 0) return read;
  const from = new Date(Date.parse(effs[0]!) - 14 * 86_400_000).toISOString().slice(0, 10);
  const to = exps.at(-1)!;
  if (read >= from && read <= to) return read;
  const within = [...new Set(digitSlips(read))].filter((d) => d >= from && d <= to);
  if (within.length !== 1) return read;
  warnings.push(`certificate date read as ${read}, outside every policy's term, taken for ${within[0]}: one digit apart, the one such date within the term`);
  return within[0]!;
}

/**
 * The terms of policies read by OCR whose years a digit slip made wrong, mended in place, and a warning for each: an
 * expiration a year or more before the effective date on the same month and day ('2026-02-10' to '2025-02-10'), taken
 * for a one-year term with one year digit changed (mendPolicyYears); and a term of other than a year ('2024-03-26' to
 * '2028-03-26', a 5 read as 8) taken for another policy's one-year term that confused digits in its years away make
 * it (otherRowsTerm), as the ACORD 25 reader does with its grid's rows; months and days stay as read. A carrier's
 * certificate lists its policies in rows, cards or sentences, and they often share a term.
 */
export function mendOcrTerms(policies: PolicyFields[]): string[] {
  const warnings: string[] = [];
  const name = (p: PolicyFields) => p.description ?? p.coverage;
  for (const p of policies) {
    if (p.effectiveDate === null || p.expirationDate === null) continue;
    const years = mendPolicyYears(p.effectiveDate, p.expirationDate);
    if (years) {
      warnings.push(`${name(p)}: dates read ${p.effectiveDate} to ${p.expirationDate}, an expiration before the effective date; one year digit taken for misread: ${years[0]} to ${years[1]}`);
      [p.effectiveDate, p.expirationDate] = years;
    }
  }
  for (const p of policies) {
    if (p.effectiveDate === null || p.expirationDate === null) continue;
    const others = policies.filter((o) => o !== p).flatMap((o) => [o.effectiveDate, o.expirationDate].filter((d): d is string => d !== null));
    const term = otherRowsTerm(p.effectiveDate, p.expirationDate, others);
    // (years only: a carrier writes terms of six months too, '2025-07-06' to '2026-01-06', that a 1 read as 7 must not
    // make another policy's year)
    if (term && term[0].slice(4) === p.effectiveDate.slice(4) && term[1].slice(4) === p.expirationDate.slice(4)) {
      warnings.push(`${name(p)}: dates read ${p.effectiveDate} to ${p.expirationDate}, no one-year term; taken for ${term[0]} to ${term[1]}, another policy's term, digits OCR confuses away`);
      [p.effectiveDate, p.expirationDate] = term;
    }
  }
  return warnings;
}

// A carrier's own (non-ACORD) certificate read by its printed labels: parties (producer, insured, holder, insurer
// with NAIC), coverage rows or paragraphs (coverage name → policy number, period, limits, flags), description.
// No coordinates are assumed: a label's value is found in its own cell, the next cell of its line, or the block
// under it; a coverage's section runs from its name to the next coverage or section label.
import type { Coverage } from '../../domain/coverage.js';
import type { Address, Extraction, Insurer, PolicyFields, Producer } from '../../domain/certificate.js';
import type { PageWords } from '../layout/words.js';
import { recognizeForm } from '../forms.js';
import { findInstructionText, INSTRUCTION_TEXT_WARNING } from '../guard.js';
import { checkInsurer } from '../naic/check.js';
import { normalizeNameLine } from '../normalize.js';
import { pageLines, type Line, type Segment } from './lines.js';
import { findAmounts, findDates, limitKeyFor, limitPairs, looksLikeLimitLabel } from './values.js';

export type GenericContext = { fileName: string; pages: number; method: 'acroform' | 'text' | 'ocr' | 'mixed' };

type LabelKind = 'producer' | 'insured' | 'holder' | 'insurer' | 'description' | 'stop';
const LABELS: [LabelKind, RegExp][] = [
  ['holder', /^(certificate\s+holder|holder)\b\s*(name)?\s*[:\-]?\s*/i],
  ['producer', /^(producer|agency|agent|broker|producing\s+agent)\b(\s+name)?\s*[:\-]?\s*/i],
  ['insured', /^(named\s+insured|insured(\s+name)?|name\s+of\s+insured|policyholder)\b\s*[:\-]?\s*/i],
  ['insurer', /^(insurer\(?s?\)?(\s+affording\s+coverage)?|insurance\s+company|insuring\s+company|carrier|underwriter|issuing\s+company)\b(\s*[A-F](?=\s*[:\-]))?\s*[:\-]?\s*/i],
  ['description', /^(description\s+of\s+operations(\s*\/\s*locations?)?(\s*\/\s*vehicles?)?|description|remarks|special\s+provisions)\b\s*[:\-]?\s*/i],
  ['stop', /^(cancellation|authorized\s+(representative|signature)|signature|this\s+certificate|coverages\b|limits\s*$|---|notice|important)/i],
];

function labelOf(text: string): { kind: LabelKind; rest: string; label: string } | null {
  for (const [kind, re] of LABELS) {
    const m = re.exec(text);
    if (m) return { kind, rest: text.slice(m[0].length).trim(), label: m[0] };
  }
  return null;
}

const COVERAGES: { coverage: Coverage; re: RegExp }[] = [
  { coverage: 'workers_compensation', re: /\bWORKERS['’]?\s*COMP(ENSATION)?\b|\bWORKMEN'?S\s+COMP|\bEMPLOYERS['’]?\s+LIABILITY\b/ },
  { coverage: 'umbrella_liability', re: /\bUMBRELLA\b/ },
  { coverage: 'excess_liability', re: /\bEXCESS\s+(LIAB\w*|POLICY|COVERAGE)\b/ },
  { coverage: 'automobile_liability', re: /\b(COMMERCIAL\s+|BUSINESS\s+)?AUTO(MOBILE)?\s+LIAB\w*|\bCOMMERCIAL\s+AUTO\b|\bBUSINESS\s+AUTO\b|\bMOTOR\s+VEHICLE\s+LIAB/ },
  { coverage: 'general_liability', re: /\b(COMMERCIAL\s+)?GENERAL\s+LIAB\w*|\bCGL\b(?![-\d])/ },
  {
    coverage: 'other',
    re: /\b(PROFESSIONAL\s+LIABILITY|ERRORS\s*(&|AND)\s*OMISSIONS(\s+LIABILITY)?|\bE\s*&\s*O\b|CYBER(\s+LIABILITY)?|POLLUTION\s+LIABILITY|LIQUOR\s+LIABILITY|INLAND\s+MARINE|GARAGE\s*KEEPERS(\s+LEGAL)?(\s+LIABILITY)?|EMPLOYMENT\s+PRACTICES(\s+LIABILITY)?|DIRECTORS\s*(&|AND)\s*OFFICERS(\s+LIABILITY)?|BUILDER'?S\s+RISK|MOTOR\s+TRUCK\s+CARGO|CRIME|FIDELITY\s+BOND)\b/,
  },
];

function coverageIn(text: string): { coverage: Coverage; label: string } | null {
  const upper = text.toUpperCase();
  for (const c of COVERAGES) {
    const m = c.re.exec(upper);
    if (m) return { coverage: c.coverage, label: text.slice(m.index, m.index + m[0].length).trim() };
  }
  return null;
}

const PHONE = /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b/;
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

/** Reads a non-ACORD certificate from its pages' positioned words. */
export function genericFromWords(pages: PageWords[], ctx: GenericContext): Extraction {
  const warnings: string[] = [];
  const recognized = recognizeForm(pages);
  const lines = pages.slice(0, 3).flatMap((p) => pageLines(p));
  const used = new Set<Line>();
  const allText = lines.map((l) => l.segments.map((s) => s.text).join(' ')).join('\n');
  if (findInstructionText(allText).length > 0) warnings.push(INSTRUCTION_TEXT_WARNING);

  const blocks: Partial<Record<LabelKind, string[]>> = {};
  const insurers: Insurer[] = [];
  let descriptionLines: string[] | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    for (let s = 0; s < line.segments.length; s++) {
      const seg = line.segments[s];
      const label = labelOf(seg.text);
      if (!label || label.kind === 'stop') continue;
      if (label.kind === 'insurer') continue; // insurers are read line by line below
      if (blocks[label.kind] !== undefined && label.kind !== 'description') continue;
      const value = readLabelValue(lines, i, s, label.rest);
      value.lines.forEach((l) => used.add(l));
      used.add(line);
      if (label.kind === 'description') {
        if (descriptionLines === null && value.text.length > 0) descriptionLines = value.text;
      } else if (value.text.length > 0) blocks[label.kind] = value.text;
    }
  }

  // insurers: "Insurer A: Name (AM Best: A+)", "INSURER: Name", "Insurer:" | "Name", then "NAIC #: 12345"
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    for (let s = 0; s < line.segments.length; s++) {
      const text = line.segments[s].text;
      const m = /^(?:insurer|insuring\s+company|insurance\s+company|issuing\s+company|carrier|underwriter|company)\s*([A-F])?\s*[:\-–]\s*(.*)$/i.exec(text) ?? /^insurer\s+([A-F])\s+(.+)$/i.exec(text);
      if (!m) continue;
      let name = m[2].trim();
      if (name === '' && s + 1 < line.segments.length) name = line.segments[s + 1].text;
      const naicHere = /\bNAIC\b\s*(?:#|no\.?|code|number)?\s*[:.]?\s*([0-9OIlSB]{5})\b/i.exec(name);
      name = name.replace(/\bNAIC\b.*$/i, '').replace(/\((AM\s*Best|A\.?\s*M\.?\s*Best|rated|rating)[^)]*\)/gi, '').replace(/\s+/g, ' ').trim().replace(/[\s(\[,;|-]+$/, '');
      if (name === '' || !/[A-Za-z]{3}/.test(name)) continue;
      let naic = naicHere ? naicHere[1] : null;
      if (!naic) {
        for (const next of lines.slice(i, i + 3)) {
          const n = /\bNAIC\b\s*(?:#|no\.?|code|number)?\s*[:.]?\s*([0-9OIlSB]{5})\b/i.exec(next.text);
          if (n) {
            naic = n[1];
            break;
          }
        }
      }
      // printed text is taken as printed; only OCR output is corrected against the NAIC table
      const checked = ctx.method === 'ocr' ? checkInsurer(name, naic) : { name, naic, warnings: [] };
      warnings.push(...checked.warnings);
      insurers.push({ letter: m[1] ? m[1].toUpperCase() : null, name: checked.name, naic: checked.naic });
      used.add(line);
    }
  }

  const policies = readPolicies(lines, used);
  // a single insurer with no printed letter owns every policy; its letter stays null
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
  const pageAi = flagStatement(allText, /ADDITIONAL\s+INSURED(?:\s+STATUS)?/);
  const pageWos = flagStatement(allText, /WAIVER\s+OF\s+SUBROGATION|SUBROGATION\s+WAIVED/);
  for (const p of policies) {
    if (p.ai === null && pageAi !== null) p.fields.additionalInsured = pageAi;
    if (p.wos === null && pageWos !== null) p.fields.subrogationWaived = pageWos;
  }

  const description = descriptionLines === null ? null : (descriptionLines as string[]).join(' ').replace(/\s+/g, ' ').trim() || null;
  const certificateNumber = /CERTIFICATE\s+(?:NUMBER|NO\.?|#)\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{3,})/i.exec(allText)?.[1] ?? null;
  if (!recognized.isCertificate) warnings.push(recognized.reason);
  return {
    schemaVersion: 1,
    source: { file: ctx.fileName, pages: ctx.pages, method: ctx.method },
    form: { type: recognized.type === 'ACORD 25' ? 'other' : recognized.type, edition: recognized.type === 'ACORD 25' ? null : recognized.edition },
    certificateDate: certificateDate(lines, used, pages[0]?.height ?? 792),
    certificateNumber,
    revisionNumber: null,
    producer,
    insured: { name: insuredParty?.name ?? null, address: insuredParty?.address ?? null },
    insurers,
    policies: policies.map((p) => p.fields),
    descriptionOfOperations: description,
    certificateHolder: { name: holderParty?.name ?? null, address: holderParty?.address ?? null },
    warnings,
  };
}

/** The value of a label: the rest of its cell, else the next cell of its line, else the block of lines under it. */
function readLabelValue(lines: Line[], i: number, s: number, rest: string): { text: string[]; lines: Line[] } {
  const line = lines[i];
  const seg = line.segments[s];
  const taken: Line[] = [];
  let startX: number;
  const text: string[] = [];
  const next = line.segments[s + 1];
  if (rest !== '') {
    text.push(rest);
    startX = seg.x + (seg.right - seg.x) * ((seg.text.length - rest.length) / Math.max(seg.text.length, 1));
  } else if (next && !labelOf(next.text)) {
    text.push(line.segments.slice(s + 1).filter((x, k, arr) => !arr.slice(0, k + 1).some((y) => labelOf(y.text))).map((x) => x.text).join(' | '));
    startX = next.x;
  } else {
    // block under the label, in the column from the label to the next label of the same line
    const right = line.segments.slice(s + 1).find((x) => labelOf(x.text))?.x ?? Infinity;
    let lastY = line.y;
    for (let j = i + 1; j < lines.length && j < i + 8; j++) {
      const below = lines[j];
      if (below.page !== line.page) break;
      if (below.y - lastY > below.height * 2.6) break;
      const cells = below.segments.filter((x) => x.x >= seg.x - 6 && x.x < right - 2);
      if (cells.length === 0) {
        if (below.segments.some((x) => x.x < seg.x - 6 && x.right > seg.x)) break;
        continue;
      }
      if (labelOf(cells[0].text) || coverageIn(cells[0].text) && findDates(below.text).length > 0) break;
      text.push(cells.map((x) => x.text).join(' | '));
      taken.push(below);
      lastY = below.y;
    }
    return { text, lines: taken };
  }
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
  let name = pieces[0];
  const rest = pieces.slice(1);
  const street = /\s(\d{1,6}[A-Z]?\s+[A-Za-z])/.exec(name);
  if (street && street.index > 2) {
    rest.unshift(name.slice(street.index + 1));
    name = name.slice(0, street.index);
  }
  return { name: normalizeNameLine(name), address: parseAddress(rest), phone, email };
}

function parseAddress(pieces: string[]): Address | null {
  if (pieces.length === 0) return null;
  const joined = pieces.join(', ');
  const m = /^(.*?),?\s*([A-Za-z][A-Za-z .'-]+),\s*([A-Z]{2})\.?(?:\s+(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d))?\s*$/.exec(joined);
  if (!m) return { lines: pieces, city: null, state: null, postalCode: null };
  const lines = m[1].split(/,\s*(?=\d|Suite|Ste|Unit|Apt|Floor|#)/i).length > 1 ? [m[1].trim()] : m[1].split(/\s*,\s*/);
  return { lines: lines.map((l) => l.trim()).filter((l) => l !== ''), city: m[2].trim(), state: m[3], postalCode: m[4] ?? null };
}

function flagStatement(text: string, label: RegExp): boolean | null {
  const m = new RegExp(`(?:${label.source})\\s*[:\\-]\\s*(YES|Y|X|INCLUDED|APPLIES|NO|N|NONE|NOT\\s+INCLUDED|EXCLUDED)\\b`, 'i').exec(text);
  if (!m) return null;
  return /^(YES|Y|X|INCLUDED|APPLIES)$/i.test(m[1]);
}

type Column = { kind: 'letter' | 'type' | 'policy' | 'eff' | 'exp' | 'limits' | 'limit' | 'ai' | 'wos' | 'unknown'; x: number; label: string };

function headerColumns(line: Line, below: Line | undefined): Column[] | null {
  // column headings carry no values: a line with a date, an amount or a policy-number-like token is a row
  if (/\d{3}/.test(line.text.replace(/\(MM\/DD\/YY(YY)?\)/gi, ''))) return null;
  // a heading cell whose words sit over separate value cells of the next line is several columns (headings in
  // bold are often measured wider than they print, which closes the gap between them)
  const starts = below?.segments.map((s) => s.x) ?? [];
  const cols: Column[] = [];
  for (const seg of line.segments) {
    let words: string[] = [];
    let x = seg.x;
    for (const w of seg.words) {
      if (words.length > 0 && starts.some((sx) => Math.abs(sx - w.x) < 3)) {
        cols.push({ kind: columnKind(words.join(' ')), x, label: words.join(' ') });
        words = [];
        x = w.x;
      }
      words.push(w.text);
    }
    cols.push({ kind: columnKind(words.join(' ')), x, label: words.join(' ') });
  }
  const has = (k: Column['kind']) => cols.some((c) => c.kind === k);
  if (has('policy') && (has('eff') || has('exp'))) return cols;
  return null;
}

function columnKind(text: string): Column['kind'] {
  const t = text.toUpperCase();
  if (/ADDL|ADDITIONAL\s+INSURED|\bAI\b/.test(t)) return 'ai';
  if (/SUBR|WAIVER|\bWOS\b/.test(t)) return 'wos';
  if (/\bEFF|EFFECTIVE|INCEPTION|\bFROM\b|START/.test(t)) return 'eff';
  if (/\bEXP|EXPIR|\bTO\b|\bEND/.test(t)) return 'exp';
  if (/TYPE|COVERAGE|LINE\s+OF/.test(t)) return 'type';
  if (/POLICY\s*(NUMBER|NO|#)|^POLICY$/.test(t)) return 'policy';
  if (/^(INSR\s*)?LTR$|^INSURER$/.test(t)) return 'letter';
  if (/^LIMITS?$/.test(t)) return 'limits';
  if (looksLikeLimitLabel(t)) return 'limit';
  return 'unknown';
}

type PolicyDraft = { fields: PolicyFields; ai: boolean | null; wos: boolean | null };

function readPolicies(lines: Line[], used: Set<Line>): PolicyDraft[] {
  const drafts: PolicyDraft[] = [];
  let columns: Column[] | null = null;
  let current: PolicyDraft | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const header = headerColumns(line, lines[i + 1]);
    if (header) {
      columns = header;
      current = null;
      continue;
    }
    if (used.has(line)) {
      current = null;
      continue;
    }
    const firstLabel = labelOf(line.segments[0].text);
    if (firstLabel && firstLabel.kind !== 'stop') {
      current = null;
      continue;
    }
    if (firstLabel?.kind === 'stop' && !coverageIn(line.text)) {
      current = null;
      continue;
    }
    const cells = columns ? cellsByColumn(line, columns) : null;
    const typeText = cells ? (cells.get('type') ?? cells.get('letter') ?? line.text) : line.text;
    const cov = coverageIn(typeText) ?? (cells ? null : null);
    if (cov) {
      const hasData = findDates(line.text).length > 0 || policyNumberIn(line, cells) !== null;
      const same = drafts.filter((d) => d.fields.coverage === cov.coverage).at(-1);
      if (!hasData && same && cov.coverage !== 'other') current = same;
      else {
        current = newDraft(cov.coverage, cov.coverage === 'other' ? cov.label : null);
        drafts.push(current);
      }
    }
    if (!current) continue;
    absorb(current, line, cells);
  }
  // a coverage named with nothing under it (a heading, a checkbox) is not a policy
  return drafts.filter((d) => d.fields.policyNumber !== null || d.fields.effectiveDate !== null || Object.keys(d.fields.limits).length > 0);
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
      details: coverage === 'workers_compensation' ? {} : {},
    },
    ai: null,
    wos: null,
  };
}

function cellsByColumn(line: Line, columns: Column[]): Map<Column['kind'] | string, string> {
  const cells = new Map<string, string>();
  const sorted = [...columns].sort((a, b) => a.x - b.x);
  for (const w of line.words) {
    let col = sorted[0];
    for (const c of sorted) if (w.x >= c.x - 3) col = c;
    const key = col.kind === 'limit' ? `limit:${col.label}` : col.kind;
    cells.set(key, ((cells.get(key) ?? '') + ' ' + w.text).trim());
  }
  return cells;
}

const POLICY_LABEL = /\bPOLICY\s*(?:NUMBER|NO\.?|#)?\s*[:#]\s*([A-Z0-9][A-Z0-9\-/.]*[A-Z0-9])/i;

function looksLikePolicyNumber(token: string): boolean {
  const t = token.replace(/[.,;:]+$/, '');
  if (t.length < 4 || /\$/.test(t) || findDates(t).length > 0 || PHONE.test(t)) return false;
  const digits = (t.match(/\d/g) ?? []).length;
  return digits >= 3 && /^[A-Z0-9][A-Z0-9\-/.]*$/i.test(t) && !/^\d{5}(-\d{4})?$/.test(t);
}

function policyNumberIn(line: Line, cells: Map<string, string> | null): string | null {
  const labelled = POLICY_LABEL.exec(line.text);
  if (labelled && /\d/.test(labelled[1])) return labelled[1];
  const policyCell = cells?.get('policy');
  if (policyCell) {
    const token = policyCell.split(/\s+/).find(looksLikePolicyNumber);
    if (token) return token.replace(/[.,;:]+$/, '');
  }
  if (cells) return null;
  // no table: a token with digits that is no date, amount, phone or ZIP, outside any "label: amount" pair
  for (const seg of line.segments) {
    if (findAmounts(seg.text).length > 0) continue;
    const token = seg.text.split(/\s+/).find(looksLikePolicyNumber);
    if (token) return token.replace(/[.,;:]+$/, '');
  }
  return null;
}

function absorb(draft: PolicyDraft, line: Line, cells: Map<string, string> | null): void {
  const p = draft.fields;
  const text = line.text;
  p.policyNumber ??= policyNumberIn(line, cells);
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
  // insurer letter: a lone A-F cell
  if (!p.insurerLetter) {
    const letterCell = cells?.get('letter');
    const lone = line.segments.find((s) => /^[A-F]$/.test(s.text))?.text ?? (letterCell && /^[A-F]\b/.exec(letterCell)?.[0]);
    if (lone) p.insurerLetter = lone;
  }
  // limits: label/amount pairs within cells, and amounts under limit-named columns
  const limitColumns = cells ? [...cells.entries()].filter(([k]) => k.startsWith('limit:')) : [];
  const columnAmounts = new Set<string>();
  for (const [key, value] of limitColumns) {
    const amounts = findAmounts(value);
    if (amounts.length === 1 && !/[A-Za-z]{3}/.test(value.replace(/\$|USD/g, ''))) {
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
      if (label === '') {
        const prev = segs[s - 1]?.text ?? '';
        if (findAmounts(prev).length === 0 && /[A-Za-z]{3}/.test(prev) && looksLikeLimitLabel(prev)) label = prev;
      }
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
  const ai = flagStatement(text, /ADDITIONAL\s+INSURED|ADDL\.?\s+INSD?/) ?? (cells?.get('ai') ? yesNo(cells.get('ai')!) : null);
  const wos = flagStatement(text, /WAIVER\s+OF\s+SUBROGATION|SUBROGATION\s+WAIVED|SUBR\.?\s+WVD/) ?? (cells?.get('wos') ? yesNo(cells.get('wos')!) : null);
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
  const t = cell.trim().toUpperCase();
  if (/^(Y|YES|X)$/.test(t)) return true;
  if (/^(N|NO|N\/A)$/.test(t)) return false;
  return null;
}

/** The certificate's issue date: a DATE / Issued on / Issue Date label's date, else a lone date near the top. */
function certificateDate(lines: Line[], used: Set<Line>, pageHeight: number): string | null {
  for (const line of lines) {
    for (let s = 0; s < line.segments.length; s++) {
      const t = line.segments[s].text;
      const m = /^(?:certificate\s+date|date\s+issued|issue\s+date|date\s+of\s+issue|issued\s+on|issued|date)\b[^:]*?[:\-]?\s*/i.exec(t);
      if (!m || /effective|expir/i.test(t)) continue;
      const here = findDates(t.slice(m[0].length));
      if (here.length) return here[0].value;
      const next = line.segments[s + 1];
      if (next) {
        const d = findDates(next.text);
        if (d.length && d[0].index === 0) return d[0].value;
      }
    }
  }
  for (const line of lines) {
    if (line.page !== 1 || line.y > pageHeight * 0.15 || used.has(line)) continue;
    const lone = line.segments.find((s) => {
      const d = findDates(s.text);
      return d.length === 1 && s.text.replace(/\s/g, '').length <= d[0].end - d[0].index + 1;
    });
    if (lone) return findDates(lone.text)[0].value;
  }
  return null;
}

export type { Segment };

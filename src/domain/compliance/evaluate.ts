// The compliance check of shared/contracts/requirements.md: one insured's certificates against one requirement set,
// on one date. A pure function of (requirement set, certificates, the organization's insurer table, waivers, asOf):
// no clock, no I/O, so the same inputs always give the same findings, the database can re-run it for any past date,
// and the benchmark can run it in a tight loop.
//
// Dates are whole days ('YYYY-MM-DD'); asOf is already "today" in the organization's time zone (see localDate).
import { COVERAGE_LABELS, foldText, limitLabel, parseInsurerRating, AM_BEST_LETTERS, AM_BEST_SIZES, type CoverageRequirement, type RequirementSetDefinition } from '../requirements.js';
import type { Coverage, Insurer, PolicyFields } from '../certificate.js';
import { holderNamesMatch, mentions, statesPrimaryNonContributory } from './text.js';

export { FINDING_CODES, type FindingCode } from './codes.js';
import type { FindingCode } from './codes.js';

export const COMPLIANCE_STATUSES = ['compliant', 'expiring', 'expired', 'non_compliant', 'missing'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

export type Finding = {
  code: FindingCode;
  message: string;
  coverage?: Coverage;
  /** For `other` coverages: the requirement's description ("Professional Liability"). */
  description?: string;
  limit?: string;
  required?: number | string | boolean;
  actual?: number | string | boolean | null;
  waived?: true;
  /** The waiver that covers it, when the waiver has an id (the product's waivers do; a CLI file's need not). */
  waiverId?: string;
};

/** What the check needs of a certificate: the extraction format's fields (extra fields are ignored). */
export type CertificateInput = {
  /** Identifies the certificate in `satisfiedBy` (the database id, or the file name in the CLI). */
  id?: string;
  certificateDate?: string | null;
  insurers?: Insurer[];
  policies?: Array<Partial<PolicyFields> & { coverage: Coverage }>;
  descriptionOfOperations?: string | null;
  certificateHolder?: { name: string | null; address: { postalCode?: string | null } | null } | null;
};

/** The organization's insurer table: NAIC code → AM Best-style rating ("A- VIII"), when known. */
export type InsurerTable = ReadonlyMap<string, { name?: string | null; rating: string | null }>;

/** A finding the organization accepts for this insured until `until` (inclusive; null: until lifted). */
export type Waiver = { id?: string; code: FindingCode; coverage?: Coverage | null; description?: string | null; limit?: string | null; until?: string | null };

/** Which certificate and policy satisfied (or came closest to satisfying) each required coverage. */
export type CoverageOutcome = {
  coverage: Coverage;
  description?: string;
  certificateId: string | null;
  policyNumber: string | null;
  expirationDate: string | null;
};

export type Evaluation = { status: ComplianceStatus; findings: Finding[]; coverages: CoverageOutcome[] };

export type EvaluateInput = {
  requirements: RequirementSetDefinition;
  certificates: readonly CertificateInput[];
  asOf: string;
  insurers?: InsurerTable;
  waivers?: readonly Waiver[];
};

/** "$1,000,000": whole dollars (Intl.NumberFormat is several times slower, and this runs per finding). */
const money = { format: (n: number) => `${n < 0 ? '-' : ''}$${Math.abs(Math.round(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}` };
// a finding names the coverage first, so the disease limits say whose ("employers' liability") as the summary's list does not
const DISEASE_WORDS: Record<string, string> = {
  el_disease_each_employee: "employers' liability disease each employee",
  el_disease_policy_limit: "employers' liability disease policy limit",
};
const limitWords = (key: string) => DISEASE_WORDS[key] ?? limitLabel(key);

/** What an umbrella or excess policy's each-occurrence limit is added to, where the entry allows it. */
const TOPPED_UP: Partial<Record<Coverage, readonly string[]>> = {
  general_liability: ['each_occurrence', 'general_aggregate', 'products_completed_operations_aggregate'],
  automobile_liability: ['combined_single_limit'],
  workers_compensation: ['el_each_accident'],
};

export type Located = { policy: Partial<PolicyFields> & { coverage: Coverage }; cert: CertificateInput; index: number };

/** Days from a to b (b − a), both 'YYYY-MM-DD'. UTC arithmetic: whole calendar days, leap days included. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (d: string | null | undefined): d is string => typeof d === 'string' && ISO_DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));

/** "Today" at `instant` in an IANA time zone, as 'YYYY-MM-DD'. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Rating order: a lower number is better. Letters first, then the size category (larger is better). */
export function ratingMeetsMinimum(actual: string, minimum: string): boolean | null {
  const a = parseInsurerRating(actual);
  const m = parseInsurerRating(minimum);
  if (!a || !m) return null;
  const la = AM_BEST_LETTERS.indexOf(a.letter);
  const lm = AM_BEST_LETTERS.indexOf(m.letter);
  if (la !== lm) return la < lm;
  if (m.size === null) return true;
  if (a.size === null) return null;
  return AM_BEST_SIZES.indexOf(a.size) >= AM_BEST_SIZES.indexOf(m.size);
}

function coverageName(entry: CoverageRequirement): string {
  return entry.coverage === 'other' ? entry.description : COVERAGE_LABELS[entry.coverage];
}

/** Policies that can satisfy the entry: same coverage; umbrella and excess stand in for each other; `other` by description. */
function candidatesFor(entry: CoverageRequirement, all: Located[]): Located[] {
  if (entry.coverage === 'other') {
    const wanted = foldText(entry.description);
    return all.filter((l) => l.policy.coverage === 'other' && ` ${foldText(l.policy.description ?? '')} `.includes(` ${wanted} `));
  }
  if (entry.coverage === 'umbrella_liability' || entry.coverage === 'excess_liability') {
    return all.filter((l) => l.policy.coverage === 'umbrella_liability' || l.policy.coverage === 'excess_liability');
  }
  return all.filter((l) => l.policy.coverage === entry.coverage);
}

function insurerOf(l: Located): Insurer | null {
  const letter = l.policy.insurerLetter ?? null;
  const insurers = l.cert.insurers ?? [];
  if (letter !== null) return insurers.find((i) => i.letter === letter) ?? null;
  // a carrier's own certificate names one insurer without a letter
  return insurers.length === 1 ? insurers[0]! : null;
}

/**
 * The findings of one policy in force against one coverage entry (dates aside). With `count` the same checks run
 * but only the number of findings is wanted, to pick the closest policy: no sentences are written.
 */
export function policyFindings(entry: CoverageRequirement, l: Located, ctx: { umbrella: number; req: RequirementSetDefinition; insurers: InsurerTable | undefined; count?: boolean }): Finding[] {
  const out: Finding[] = [];
  const name = coverageName(entry);
  const base = { coverage: entry.coverage, ...(entry.coverage === 'other' ? { description: entry.description } : {}) };
  const limits = l.policy.limits ?? {};
  if (ctx.count) return countFindings(entry, l, ctx);
  const topped = entry.umbrellaMayApply ? (TOPPED_UP[entry.coverage] ?? []) : [];
  for (const [key, minimum] of Object.entries(entry.limits)) {
    const shown = limits[key];
    if (typeof shown !== 'number' || !Number.isFinite(shown)) {
      out.push({ ...base, code: 'limit_missing', limit: key, required: minimum, actual: null, message: `${name} ${limitWords(key)} limit is not shown; ${money.format(minimum)} is required.` });
      continue;
    }
    const umbrella = topped.includes(key) ? ctx.umbrella : 0;
    if (shown + umbrella < minimum) {
      const via = umbrella > 0 ? ` (${money.format(shown)} plus ${money.format(umbrella)} umbrella/excess)` : '';
      out.push({
        ...base,
        code: 'limit_below_minimum',
        limit: key,
        required: minimum,
        actual: shown + umbrella,
        message: `${name} ${limitWords(key)} limit is ${money.format(shown + umbrella)}${via}; ${money.format(minimum)} is required.`,
      });
    }
  }
  if (entry.additionalInsured && l.policy.additionalInsured !== true) {
    out.push({ ...base, code: 'additional_insured_missing', required: true, actual: false, message: `${name} must name the certificate holder as additional insured (ADDL INSD is not marked).` });
  }
  if (entry.subrogationWaived && l.policy.subrogationWaived !== true) {
    out.push({ ...base, code: 'subrogation_waiver_missing', required: true, actual: false, message: `${name} must include a waiver of subrogation (SUBR WVD is not marked).` });
  }
  if (entry.primaryNonContributory && !statesPrimaryNonContributory(l.cert.descriptionOfOperations ?? null)) {
    out.push({ ...base, code: 'primary_noncontributory_missing', required: true, actual: false, message: `${name} must be primary and non-contributory, and the description of operations must say so.` });
  }
  if (entry.basis && l.policy.basis !== entry.basis) {
    const words = (b: string | null | undefined) => (b === 'occurrence' ? 'occurrence' : b === 'claims_made' ? 'claims-made' : 'not shown');
    out.push({
      ...base,
      code: 'basis_not_accepted',
      required: entry.basis,
      actual: l.policy.basis ?? null,
      message: `${name} must be written on an ${words(entry.basis)} basis; the certificate shows ${words(l.policy.basis)}.`,
    });
  }
  if (entry.aggregateAppliesPer?.length) {
    const per = (l.policy.details as { aggregateAppliesPer?: string | null } | undefined)?.aggregateAppliesPer ?? null;
    if (per === null || !entry.aggregateAppliesPer.includes(per as never)) {
      out.push({
        ...base,
        code: 'aggregate_basis_not_accepted',
        required: entry.aggregateAppliesPer.join(', '),
        actual: per,
        message: `${name} general aggregate must apply per ${entry.aggregateAppliesPer.join(' or ')}; the certificate shows ${per === null ? 'none marked' : `per ${per}`}.`,
      });
    }
  }
  if (entry.coverage === 'workers_compensation' && entry.perStatute && (l.policy.details as { perStatute?: boolean } | undefined)?.perStatute !== true) {
    out.push({ ...base, code: 'statutory_limits_missing', required: true, actual: false, message: `Workers' compensation must be at statutory limits (PER STATUTE is not marked).` });
  }
  const insurer = insurerOf(l);
  if (ctx.req.approvedInsurerNaics) {
    const naic = insurer?.naic ?? null;
    if (naic === null || !ctx.req.approvedInsurerNaics.includes(naic)) {
      out.push({
        ...base,
        code: 'insurer_not_approved',
        required: ctx.req.approvedInsurerNaics.join(', '),
        actual: naic,
        message: `${name} is written by ${insurer?.name ?? 'an unnamed insurer'}${naic ? ` (NAIC ${naic})` : ' with no NAIC code shown'}, which is not an approved insurer.`,
      });
    }
  }
  if (ctx.req.minimumInsurerRating) {
    const naic = insurer?.naic ?? null;
    const rating = naic ? (ctx.insurers?.get(naic)?.rating ?? null) : null;
    const who = `${insurer?.name ?? 'The insurer'}${naic ? ` (NAIC ${naic})` : ''}`;
    const meets = rating === null ? null : ratingMeetsMinimum(rating, ctx.req.minimumInsurerRating);
    if (meets === null) {
      out.push({
        ...base,
        code: 'insurer_rating_unknown',
        required: ctx.req.minimumInsurerRating,
        actual: rating,
        message: `${who}, insurer of ${name}, has no usable rating in the insurer table; ${ctx.req.minimumInsurerRating} or better is required.`,
      });
    } else if (!meets) {
      out.push({
        ...base,
        code: 'insurer_rating_below_minimum',
        required: ctx.req.minimumInsurerRating,
        actual: rating,
        message: `${who}, insurer of ${name}, is rated ${rating}; ${ctx.req.minimumInsurerRating} or better is required.`,
      });
    }
  }
  return out;
}

/**
 * How many findings policyFindings would give, without writing them: the same tests, in the same order (a test in
 * evaluate.test.ts holds the two together). Picking the closest of several policies needs only the count, and
 * skipping the sentences makes the check about twice as fast.
 */
function countFindings(entry: CoverageRequirement, l: Located, ctx: { umbrella: number; req: RequirementSetDefinition; insurers: InsurerTable | undefined }): Finding[] {
  let n = 0;
  const limits = l.policy.limits ?? {};
  const topped = entry.umbrellaMayApply ? (TOPPED_UP[entry.coverage] ?? []) : [];
  for (const [key, minimum] of Object.entries(entry.limits)) {
    const shown = limits[key];
    if (typeof shown !== 'number' || !Number.isFinite(shown) || shown + (topped.includes(key) ? ctx.umbrella : 0) < minimum) n++;
  }
  if (entry.additionalInsured && l.policy.additionalInsured !== true) n++;
  if (entry.subrogationWaived && l.policy.subrogationWaived !== true) n++;
  if (entry.primaryNonContributory && !statesPrimaryNonContributory(l.cert.descriptionOfOperations ?? null)) n++;
  if (entry.basis && l.policy.basis !== entry.basis) n++;
  if (entry.aggregateAppliesPer?.length) {
    const per = (l.policy.details as { aggregateAppliesPer?: string | null } | undefined)?.aggregateAppliesPer ?? null;
    if (per === null || !entry.aggregateAppliesPer.includes(per as never)) n++;
  }
  if (entry.coverage === 'workers_compensation' && entry.perStatute && (l.policy.details as { perStatute?: boolean } | undefined)?.perStatute !== true) n++;
  const insurer = insurerOf(l);
  const naic = insurer?.naic ?? null;
  if (ctx.req.approvedInsurerNaics && (naic === null || !ctx.req.approvedInsurerNaics.includes(naic))) n++;
  if (ctx.req.minimumInsurerRating) {
    const rating = naic ? (ctx.insurers?.get(naic)?.rating ?? null) : null;
    if (rating === null || ratingMeetsMinimum(rating, ctx.req.minimumInsurerRating) !== true) n++;
  }
  return new Array<Finding>(n);
}

const ORDER: Record<ComplianceStatus, number> = { missing: 0, expired: 1, non_compliant: 2, expiring: 3, compliant: 4 };

/** The contract's status: the first that applies of missing, expired, non_compliant, expiring, compliant. Waived findings do not count. */
export function statusOf(findings: readonly Finding[]): ComplianceStatus {
  const live = findings.filter((f) => !f.waived);
  if (live.some((f) => f.code === 'certificate_missing')) return 'missing';
  if (live.some((f) => f.code === 'policy_expired')) return 'expired';
  if (live.some((f) => f.code !== 'policy_expiring')) return 'non_compliant';
  if (live.some((f) => f.code === 'policy_expiring')) return 'expiring';
  return 'compliant';
}

/** The worse of two statuses (for an insured at several locations, or an organization's roll-up). */
export function worseStatus(a: ComplianceStatus, b: ComplianceStatus): ComplianceStatus {
  return ORDER[a] <= ORDER[b] ? a : b;
}

function waiverCovers(w: Waiver, f: Finding, asOf: string): boolean {
  if (w.code !== f.code) return false;
  if (w.until && w.until < asOf) return false;
  if (w.coverage && w.coverage !== f.coverage) return false;
  if (w.coverage === 'other' && w.description && f.description && foldText(w.description) !== foldText(f.description)) return false;
  if (w.limit && w.limit !== f.limit) return false;
  return true;
}

/** Checks one insured's certificates against a requirement set on `asOf`. */
export function evaluate(input: EvaluateInput): Evaluation {
  const { requirements: req, asOf } = input;
  if (!validDate(asOf)) throw new Error(`asOf must be a date as YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  const findings: Finding[] = [];
  const coverages: CoverageOutcome[] = [];
  const certs = input.certificates;
  if (certs.length === 0) {
    findings.push({ code: 'certificate_missing', message: 'No certificate of insurance is on file; ask the insured to send one.' });
    return finish(findings, coverages, input);
  }
  const all: Located[] = certs.flatMap((cert, c) => (cert.policies ?? []).map((policy, i) => ({ policy, cert, index: c * 1000 + i })));
  const inForce = (l: Located) => validDate(l.policy.effectiveDate) && validDate(l.policy.expirationDate) && l.policy.effectiveDate <= asOf && asOf <= l.policy.expirationDate;
  // the largest umbrella/excess each-occurrence limit in force on asOf
  const umbrella = Math.max(
    0,
    ...all.filter((l) => (l.policy.coverage === 'umbrella_liability' || l.policy.coverage === 'excess_liability') && inForce(l)).map((l) => l.policy.limits?.each_occurrence ?? 0),
  );
  const contributing = new Set<CertificateInput>();

  for (const entry of req.coverages) {
    const name = coverageName(entry);
    const base = { coverage: entry.coverage, ...(entry.coverage === 'other' ? { description: entry.description } : {}) };
    const candidates = candidatesFor(entry, all);
    if (candidates.length === 0) {
      findings.push({ ...base, code: 'coverage_missing', message: `${name} is required but the certificate shows no such policy.` });
      coverages.push({ ...base, certificateId: null, policyNumber: null, expirationDate: null });
      continue;
    }
    const current = candidates.filter(inForce);
    if (current.length === 0) {
      const dated = candidates.filter((l) => validDate(l.policy.effectiveDate) && validDate(l.policy.expirationDate));
      const undated = candidates.filter((l) => !dated.includes(l));
      const ended = dated.filter((l) => l.policy.expirationDate! < asOf).sort((a, b) => (a.policy.expirationDate! < b.policy.expirationDate! ? 1 : -1));
      const future = dated.filter((l) => l.policy.effectiveDate! > asOf).sort((a, b) => (a.policy.effectiveDate! < b.policy.effectiveDate! ? -1 : 1));
      for (const l of undated) {
        const which = l.policy.policyNumber ? ` (policy ${l.policy.policyNumber})` : '';
        const missing = [!validDate(l.policy.effectiveDate) && 'effective', !validDate(l.policy.expirationDate) && 'expiration'].filter(Boolean).join(' and ');
        findings.push({ ...base, code: 'policy_dates_missing', message: `${name}${which} shows no ${missing} date; a certificate with the policy period is needed.` });
      }
      if (undated.length === 0 && ended.length > 0) {
        const last = ended[0]!;
        findings.push({
          ...base,
          code: 'policy_expired',
          actual: last.policy.expirationDate!,
          message: `${name}${last.policy.policyNumber ? ` policy ${last.policy.policyNumber}` : ''} expired on ${last.policy.expirationDate}; a certificate showing the renewal is needed.`,
        });
      }
      if (undated.length === 0 && future.length > 0) {
        const next = future[0]!;
        findings.push({
          ...base,
          code: 'policy_not_yet_effective',
          actual: next.policy.effectiveDate!,
          message: `${name}${next.policy.policyNumber ? ` policy ${next.policy.policyNumber}` : ''} does not start until ${next.policy.effectiveDate}; there is no coverage in force on ${asOf}.`,
        });
      }
      const shown = undated[0] ?? ended[0] ?? future[0]!;
      coverages.push({ ...base, certificateId: shown.cert.id ?? null, policyNumber: shown.policy.policyNumber ?? null, expirationDate: shown.policy.expirationDate ?? null });
      continue;
    }
    // the policy in force that comes closest: fewest findings, then the latest end
    let best: { l: Located; n: number } | null = null;
    for (const l of current) {
      const n = current.length === 1 ? 0 : policyFindings(entry, l, { umbrella, req, insurers: input.insurers, count: true }).length;
      if (!best || n < best.n || (n === best.n && l.policy.expirationDate! > best.l.policy.expirationDate!)) best = { l, n };
    }
    const chosen = best!;
    findings.push(...policyFindings(entry, chosen.l, { umbrella, req, insurers: input.insurers }));
    contributing.add(chosen.l.cert);
    const end = chosen.l.policy.expirationDate!;
    const left = daysBetween(asOf, end);
    // a renewal already on file (starting by the day after this one ends) means nothing is about to lapse
    const renewed = candidates.some((l) => validDate(l.policy.effectiveDate) && validDate(l.policy.expirationDate) && l.policy.effectiveDate > asOf && daysBetween(end, l.policy.effectiveDate) <= 1 && l.policy.expirationDate > end);
    if (left <= req.expiringWithinDays && !renewed) {
      findings.push({
        ...base,
        code: 'policy_expiring',
        actual: end,
        message:
          left === 0
            ? `${name}${chosen.l.policy.policyNumber ? ` policy ${chosen.l.policy.policyNumber}` : ''} expires today (${end}); ask for the renewal certificate.`
            : `${name}${chosen.l.policy.policyNumber ? ` policy ${chosen.l.policy.policyNumber}` : ''} expires on ${end}, in ${left} day${left === 1 ? '' : 's'}; ask for the renewal certificate.`,
      });
    }
    coverages.push({ ...base, certificateId: chosen.l.cert.id ?? null, policyNumber: chosen.l.policy.policyNumber ?? null, expirationDate: end });
  }

  // certificate-level rules: on the certificates that carry the coverages used (all of them when none is required)
  const checked = contributing.size > 0 ? [...contributing] : [...certs];
  if (req.certificateHolder) {
    const want = req.certificateHolder;
    for (const cert of checked) {
      const holder = cert.certificateHolder ?? null;
      const nameOk = holder?.name ? holderNamesMatch(want.name, holder.name) : false;
      const wantZip = zip(want.address?.postalCode);
      const zipOk = !wantZip || zip(holder?.address?.postalCode) === wantZip;
      if (!nameOk || !zipOk) {
        const actual = holder?.name ?? null;
        const why = !nameOk
          ? actual
            ? `the certificate names "${actual}"`
            : 'the certificate names no holder'
          : `the holder's postal code is ${holder?.address?.postalCode ?? 'not shown'}, not ${want.address!.postalCode}`;
        findings.push({ code: 'holder_mismatch', required: want.name, actual, message: `The certificate holder must be "${want.name}"; ${why}.` });
        break;
      }
    }
  }
  if (req.descriptionMustMention.length > 0) {
    const text = checked.map((c) => c.descriptionOfOperations ?? '').join('\n');
    for (const phrase of req.descriptionMustMention) {
      if (!mentions(text, phrase)) {
        findings.push({ code: 'description_missing_text', required: phrase, message: `The description of operations must mention "${phrase}".` });
      }
    }
  }
  return finish(findings, coverages, input);
}

function zip(code: string | null | undefined): string | null {
  if (!code) return null;
  const digits = code.replace(/\s+/g, '').toUpperCase();
  // US ZIP+4 compares on the first five digits
  return /^\d{5}(-?\d{4})?$/.test(digits) ? digits.slice(0, 5) : digits;
}

function finish(findings: Finding[], coverages: CoverageOutcome[], input: EvaluateInput): Evaluation {
  const waivers = input.waivers ?? [];
  const marked = findings.map((f) => {
    const w = waivers.find((x) => waiverCovers(x, f, input.asOf));
    return w ? { ...f, waived: true as const, ...(w.id ? { waiverId: w.id } : {}) } : f;
  });
  return { status: statusOf(marked), findings: marked, coverages };
}

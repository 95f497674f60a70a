// The compliance check, table by table: every finding code of shared/contracts/requirements.md with its edges, the
// status order, umbrella top-up, combining certificates, waivers, and time zones.
import { describe, expect, it } from 'vitest';
import { requirementSetDefinition, type RequirementSetDefinition } from '../requirements.js';
import { daysBetween, evaluate, FINDING_CODES, localDate, policyFindings, ratingMeetsMinimum, statusOf, type CertificateInput, type Finding } from './evaluate.js';
import { REQUIREMENT_TEMPLATES } from './templates.js';
import { holderNamesMatch, mentions, statesPrimaryNonContributory } from './text.js';

const req = (over: Record<string, unknown> = {}): RequirementSetDefinition =>
  requirementSetDefinition.parse({ schemaVersion: 1, name: 'Test', coverages: [{ coverage: 'general_liability', limits: { each_occurrence: 1_000_000 } }], ...over });

type Policy = NonNullable<CertificateInput['policies']>[number];
const gl = (over: Partial<Policy> = {}): Policy => ({
  coverage: 'general_liability',
  insurerLetter: 'A',
  policyNumber: 'GL-1',
  effectiveDate: '2026-01-01',
  expirationDate: '2027-01-01',
  additionalInsured: true,
  subrogationWaived: true,
  basis: 'occurrence',
  limits: { each_occurrence: 1_000_000, general_aggregate: 2_000_000 },
  details: { aggregateAppliesPer: 'project' },
  ...over,
});
const cert = (policies: Policy[], over: Partial<CertificateInput> = {}): CertificateInput => ({
  id: 'c1',
  certificateDate: '2026-01-02',
  insurers: [{ letter: 'A', name: 'Acme Casualty Company', naic: '12345' }],
  policies,
  descriptionOfOperations: 'Holder is additional insured. Coverage is primary and non-contributory.',
  certificateHolder: { name: 'Acme Property Group LLC', address: { postalCode: '78701' } },
  ...over,
});
const codes = (findings: Finding[]) => findings.map((f) => f.code);
const check = (r: RequirementSetDefinition, certs: CertificateInput[], asOf = '2026-06-01', extra: Partial<Parameters<typeof evaluate>[0]> = {}) =>
  evaluate({ requirements: r, certificates: certs, asOf, ...extra });

describe('evaluate: status and the finding codes', () => {
  it('is compliant when a policy in force meets every condition', () => {
    const r = check(req(), [cert([gl()])]);
    expect(r).toMatchObject({ status: 'compliant', findings: [] });
    expect(r.coverages).toEqual([{ coverage: 'general_liability', certificateId: 'c1', policyNumber: 'GL-1', expirationDate: '2027-01-01' }]);
  });

  it('certificate_missing → missing', () => {
    const r = check(req(), []);
    expect(codes(r.findings)).toEqual(['certificate_missing']);
    expect(r.status).toBe('missing');
  });

  it('coverage_missing → non_compliant', () => {
    const r = check(req({ coverages: [{ coverage: 'workers_compensation', perStatute: true }] }), [cert([gl()])]);
    expect(codes(r.findings)).toEqual(['coverage_missing']);
    expect(r.findings[0]).toMatchObject({ coverage: 'workers_compensation' });
    expect(r.findings[0]!.message).toMatch(/Workers' compensation is required/);
    expect(r.status).toBe('non_compliant');
  });

  const dates: Array<[string, string, string, string[], string]> = [
    // [effective, expiration, asOf, codes, status]
    ['2026-01-01', '2026-06-01', '2026-06-01', ['policy_expiring'], 'expiring'], // expires today: still in force
    ['2026-01-01', '2026-06-02', '2026-06-01', ['policy_expiring'], 'expiring'], // tomorrow
    ['2026-01-01', '2026-05-31', '2026-06-01', ['policy_expired'], 'expired'], // ended yesterday
    ['2026-06-02', '2027-06-02', '2026-06-01', ['policy_not_yet_effective'], 'non_compliant'], // starts tomorrow
    ['2026-06-01', '2027-06-01', '2026-06-01', [], 'compliant'], // starts today
    ['2026-01-01', '2026-07-01', '2026-06-01', ['policy_expiring'], 'expiring'], // exactly 30 days out
    ['2026-01-01', '2026-07-02', '2026-06-01', [], 'compliant'], // 31 days out
    ['2023-03-01', '2024-02-29', '2024-02-29', ['policy_expiring'], 'expiring'], // leap day, last day
    ['2023-03-01', '2024-02-29', '2024-03-01', ['policy_expired'], 'expired'], // the day after a leap day
    ['2024-02-29', '2025-02-28', '2024-02-29', [], 'compliant'], // starts on a leap day
    ['2024-02-29', '2024-03-29', '2024-02-28', ['policy_not_yet_effective'], 'non_compliant'],
  ];
  it.each(dates)('policy %s → %s on %s gives %j (%s)', (effectiveDate, expirationDate, asOf, want, status) => {
    const r = check(req(), [cert([gl({ effectiveDate, expirationDate })])], asOf);
    expect(codes(r.findings)).toEqual(want);
    expect(r.status).toBe(status);
  });

  it('policy_expiring says how many days are left, and today when it is today', () => {
    expect(check(req(), [cert([gl({ expirationDate: '2026-06-11' })])]).findings[0]!.message).toMatch(/in 10 days/);
    expect(check(req(), [cert([gl({ expirationDate: '2026-06-01' })])]).findings[0]!.message).toMatch(/expires today/);
  });

  it('expiringWithinDays 0: only the last day counts as expiring', () => {
    expect(codes(check(req({ expiringWithinDays: 0 }), [cert([gl({ expirationDate: '2026-06-02' })])]).findings)).toEqual([]);
    expect(codes(check(req({ expiringWithinDays: 0 }), [cert([gl({ expirationDate: '2026-06-01' })])]).findings)).toEqual(['policy_expiring']);
  });

  it('a renewal on file starting the day after the current policy ends is not expiring', () => {
    const r = check(req(), [cert([gl({ expirationDate: '2026-06-10' }), gl({ policyNumber: 'GL-2', effectiveDate: '2026-06-10', expirationDate: '2027-06-10' })])]);
    expect(r.findings).toEqual([]);
  });

  it('policy_dates_missing, not a crash, for a policy without dates; invalid dates count as missing', () => {
    for (const p of [gl({ effectiveDate: null }), gl({ expirationDate: null }), gl({ effectiveDate: null, expirationDate: null }), gl({ expirationDate: '13/01/2026' })]) {
      const r = check(req(), [cert([p])]);
      expect(codes(r.findings)).toEqual(['policy_dates_missing']);
      expect(r.status).toBe('non_compliant');
    }
    expect(check(req(), [cert([gl({ effectiveDate: null })])]).findings[0]!.message).toMatch(/no effective date/);
  });

  it('a policy with dates in force wins over another without dates', () => {
    expect(check(req(), [cert([gl({ effectiveDate: null }), gl({ policyNumber: 'GL-2' })])]).findings).toEqual([]);
  });

  it('an expired policy and its not-yet-effective renewal: expired, with both said', () => {
    const r = check(req(), [cert([gl({ expirationDate: '2026-05-01' }), gl({ effectiveDate: '2026-06-15', expirationDate: '2027-06-15' })])]);
    expect(codes(r.findings)).toEqual(['policy_expired', 'policy_not_yet_effective']);
    expect(r.status).toBe('expired');
  });

  const limits: Array<[string, number | undefined, number, string[]]> = [
    ['equal to the minimum', 1_000_000, 1_000_000, []],
    ['one dollar short', 999_999, 1_000_000, ['limit_below_minimum']],
    ['above', 2_000_000, 1_000_000, []],
    ['not shown', undefined, 1_000_000, ['limit_missing']],
  ];
  it.each(limits)('limit %s', (_name, shown, minimum, want) => {
    const policy = gl({ limits: shown === undefined ? {} : { each_occurrence: shown } });
    const r = check(req({ coverages: [{ coverage: 'general_liability', limits: { each_occurrence: minimum } }] }), [cert([policy])]);
    expect(codes(r.findings)).toEqual(want);
  });

  it('limit_below_minimum carries limit, required and actual and a message a broker can act on', () => {
    const r = check(req(), [cert([gl({ limits: { each_occurrence: 500_000 } })])]);
    expect(r.findings).toEqual([
      {
        code: 'limit_below_minimum',
        coverage: 'general_liability',
        limit: 'each_occurrence',
        required: 1_000_000,
        actual: 500_000,
        message: 'General liability each occurrence limit is $500,000; $1,000,000 is required.',
      },
    ]);
  });

  describe('umbrella top-up', () => {
    const r = req({
      coverages: [
        { coverage: 'general_liability', limits: { each_occurrence: 2_000_000, general_aggregate: 3_000_000 }, umbrellaMayApply: true },
        { coverage: 'automobile_liability', limits: { combined_single_limit: 1_000_000 }, umbrellaMayApply: true },
        { coverage: 'workers_compensation', limits: { el_each_accident: 1_000_000, el_disease_each_employee: 1_000_000 }, umbrellaMayApply: true },
      ],
    });
    const umbrella = (each: number, coverage: 'umbrella_liability' | 'excess_liability' = 'umbrella_liability', over: Partial<Policy> = {}): Policy =>
      gl({ coverage, policyNumber: 'UMB', limits: { each_occurrence: each, aggregate: each }, details: {}, ...over });
    const auto: Policy = gl({ coverage: 'automobile_liability', policyNumber: 'AU', limits: { combined_single_limit: 500_000 }, details: {} });
    const wc: Policy = gl({ coverage: 'workers_compensation', policyNumber: 'WC', limits: { el_each_accident: 500_000, el_disease_each_employee: 500_000 }, details: { perStatute: true } });
    const base = gl({ limits: { each_occurrence: 1_000_000, general_aggregate: 2_000_000 } });

    it('exactly at the minimum after top-up passes (GL, auto, EL each accident)', () => {
      const out = check(r, [cert([base, auto, wc, umbrella(1_000_000)])]);
      // EL disease each employee is not topped up
      expect(out.findings.map((f) => [f.code, f.limit])).toEqual([['limit_below_minimum', 'el_disease_each_employee']]);
    });

    it('one dollar less does not, and the message shows the sum', () => {
      const out = check(r, [cert([base, auto, wc, umbrella(999_999)])]);
      expect(out.findings.filter((f) => f.code === 'limit_below_minimum').map((f) => [f.coverage, f.limit, f.actual])).toEqual([
        ['general_liability', 'each_occurrence', 1_999_999],
        ['general_liability', 'general_aggregate', 2_999_999],
        // $500,000 + $999,999 clears the $1,000,000 auto and EL each-accident minimums; disease is never topped up
        ['workers_compensation', 'el_disease_each_employee', 500_000],
      ]);
      expect(out.findings[0]!.message).toMatch(/\$1,999,999 \(\$1,000,000 plus \$999,999 umbrella\/excess\)/);
    });

    it('an excess policy tops up too; an umbrella not in force does not; without umbrellaMayApply nothing is added', () => {
      expect(check(r, [cert([base, auto, wc, umbrella(1_000_000, 'excess_liability')])]).findings.filter((f) => f.coverage !== 'workers_compensation')).toEqual([]);
      expect(codes(check(r, [cert([base, umbrella(5_000_000, 'umbrella_liability', { expirationDate: '2026-05-01' })])]).findings)).toContain('limit_below_minimum');
      const strict = req({ coverages: [{ coverage: 'general_liability', limits: { each_occurrence: 2_000_000 } }] });
      expect(codes(check(strict, [cert([base, umbrella(5_000_000)])]).findings)).toEqual(['limit_below_minimum']);
    });

    it('an umbrella requirement is met by an excess policy', () => {
      const u = req({ coverages: [{ coverage: 'umbrella_liability', limits: { each_occurrence: 5_000_000 } }] });
      expect(check(u, [cert([umbrella(5_000_000, 'excess_liability')])]).findings).toEqual([]);
    });
  });

  it('additional_insured_missing and subrogation_waiver_missing', () => {
    const r = req({ coverages: [{ coverage: 'general_liability', additionalInsured: true, subrogationWaived: true }] });
    expect(codes(check(r, [cert([gl({ additionalInsured: false, subrogationWaived: false })])]).findings)).toEqual(['additional_insured_missing', 'subrogation_waiver_missing']);
    expect(check(r, [cert([gl()])]).findings).toEqual([]);
  });

  const pnc: Array<[string, boolean]> = [
    ['Coverage is primary and non-contributory.', true],
    ['GL is Primary & Noncontributory per written contract', true],
    ['primary/non-contributory', true],
    ['PRIMARY, NON CONTRIBUTORY', true],
    ['Insurance is primary and on a non-contributory basis', true],
    ['Coverage is not primary and non-contributory.', false],
    ['This insurance is non-primary and non-contributory.', false],
    ['Coverage is not primary. Waiver of subrogation applies.', false],
    ['Primary coverage applies.', false],
    ['Non-contributory.', false],
    ['Blanket additional insured with no restrictions, primary and non-contributory', true],
    ['Coverage is non-contributory and primary with respect to the holder', true],
    ['Coverage is not non-contributory and primary', false],
    ['', false],
  ];
  it.each(pnc)('primary and non-contributory read from %j → %s', (text, stated) => {
    expect(statesPrimaryNonContributory(text)).toBe(stated);
    const r = req({ coverages: [{ coverage: 'general_liability', primaryNonContributory: true }] });
    expect(codes(check(r, [cert([gl()], { descriptionOfOperations: text })]).findings)).toEqual(stated ? [] : ['primary_noncontributory_missing']);
  });

  it('basis_not_accepted both ways, and when no basis is shown', () => {
    const occ = req({ coverages: [{ coverage: 'general_liability', basis: 'occurrence' }] });
    const cm = req({ coverages: [{ coverage: 'general_liability', basis: 'claims_made' }] });
    expect(codes(check(occ, [cert([gl({ basis: 'claims_made' })])]).findings)).toEqual(['basis_not_accepted']);
    expect(codes(check(cm, [cert([gl({ basis: 'occurrence' })])]).findings)).toEqual(['basis_not_accepted']);
    expect(codes(check(occ, [cert([gl({ basis: null })])]).findings)).toEqual(['basis_not_accepted']);
    expect(check(occ, [cert([gl()])]).findings).toEqual([]);
  });

  it('aggregate_basis_not_accepted', () => {
    const r = req({ coverages: [{ coverage: 'general_liability', aggregateAppliesPer: ['project', 'location'] }] });
    expect(check(r, [cert([gl({ details: { aggregateAppliesPer: 'location' } })])]).findings).toEqual([]);
    expect(codes(check(r, [cert([gl({ details: { aggregateAppliesPer: 'policy' } })])]).findings)).toEqual(['aggregate_basis_not_accepted']);
    expect(codes(check(r, [cert([gl({ details: {} })])]).findings)).toEqual(['aggregate_basis_not_accepted']);
  });

  it('statutory_limits_missing', () => {
    const r = req({ coverages: [{ coverage: 'workers_compensation', perStatute: true }] });
    const wc = (perStatute: boolean | undefined) => gl({ coverage: 'workers_compensation', limits: {}, details: perStatute === undefined ? {} : { perStatute } });
    expect(check(r, [cert([wc(true)])]).findings).toEqual([]);
    expect(codes(check(r, [cert([wc(false)])]).findings)).toEqual(['statutory_limits_missing']);
    expect(codes(check(r, [cert([wc(undefined)])]).findings)).toEqual(['statutory_limits_missing']);
  });

  it('other coverages match by description, case and punctuation folded', () => {
    const r = req({ coverages: [{ coverage: 'other', description: 'Professional Liability', limits: { each_claim: 1_000_000 } }] });
    const other = (description: string, each_claim = 1_000_000) => gl({ coverage: 'other', description, limits: { each_claim }, details: {} });
    expect(check(r, [cert([other('PROFESSIONAL LIABILITY (E&O)')])]).findings).toEqual([]);
    expect(check(r, [cert([other('Professional-Liability')])]).findings).toEqual([]);
    expect(codes(check(r, [cert([other('Pollution Liability')])]).findings)).toEqual(['coverage_missing']);
    const short = check(r, [cert([other('Professional Liability', 500_000)])]).findings;
    expect(short).toMatchObject([{ code: 'limit_below_minimum', coverage: 'other', description: 'Professional Liability', limit: 'each_claim' }]);
    expect(short[0]!.message).toMatch(/^Professional Liability each claim limit is \$500,000/);
  });

  const holders: Array<[string, string, boolean]> = [
    ['Acme Property Group LLC', 'ACME PROPERTY GROUP, LLC', true],
    ['Acme Property Group, Inc.', 'Acme Property Group Inc', true],
    ['Smith & Sons Builders', 'Smith and Sons Builders', true],
    ['Acme Property Group LLC', 'Acme Property Group', true],
    ['Acme Property Group', 'Acme Property Group LLC, its subsidiaries and affiliates', true],
    ['The Riverside Company', 'Riverside Company', true],
    ['Acme Property Group LLC', 'Acme Propery Group LLC', true], // a typo
    ['Acme Property Group LLC', 'Apex Realty Partners LP', false],
    ['Acme Property Group LLC', 'Acme Holdings', false],
    ['Acme Property Group LLC', 'Acme', true], // one contains the other (the contract's rule)
  ];
  it.each(holders)('holder %j vs printed %j → %s', (required, printed, ok) => {
    expect(holderNamesMatch(required, printed)).toBe(ok);
    const r = req({ certificateHolder: { name: required } });
    const out = check(r, [cert([gl()], { certificateHolder: { name: printed, address: null } })]);
    expect(codes(out.findings)).toEqual(ok ? [] : ['holder_mismatch']);
  });

  it('holder_mismatch on the postal code when the requirement gives an address, and when no holder is printed', () => {
    const r = req({ certificateHolder: { name: 'Acme Property Group LLC', address: { lines: ['1 Main St'], city: 'Austin', state: 'TX', postalCode: '78701' } } });
    expect(check(r, [cert([gl()], { certificateHolder: { name: 'Acme Property Group LLC', address: { postalCode: '78701-1234' } } })]).findings).toEqual([]);
    expect(codes(check(r, [cert([gl()], { certificateHolder: { name: 'Acme Property Group LLC', address: { postalCode: '78702' } } })]).findings)).toEqual(['holder_mismatch']);
    const none = check(r, [cert([gl()], { certificateHolder: null })]).findings;
    expect(none).toMatchObject([{ code: 'holder_mismatch', required: 'Acme Property Group LLC', actual: null }]);
  });

  it('insurer_not_approved, by the NAIC of the policy’s insurer letter', () => {
    const r = req({ approvedInsurerNaics: ['12345'] });
    expect(check(r, [cert([gl()])]).findings).toEqual([]);
    expect(check(r, [cert([gl()], { insurers: [{ letter: 'A', name: 'Other Mutual', naic: '99999' }] })]).findings).toMatchObject([
      { code: 'insurer_not_approved', actual: '99999' },
    ]);
    expect(codes(check(r, [cert([gl()], { insurers: [{ letter: 'A', name: 'No Code Co', naic: null }] })]).findings)).toEqual(['insurer_not_approved']);
  });

  it('insurer_rating_below_minimum and insurer_rating_unknown, from the organization’s table', () => {
    const r = req({ minimumInsurerRating: 'A- VII' });
    const table = (rating: string | null) => new Map([['12345', { name: 'Acme Casualty Company', rating }]]);
    expect(check(r, [cert([gl()])], '2026-06-01', { insurers: table('A VIII') }).findings).toEqual([]);
    expect(check(r, [cert([gl()])], '2026-06-01', { insurers: table('A- VII') }).findings).toEqual([]);
    expect(codes(check(r, [cert([gl()])], '2026-06-01', { insurers: table('B++ XV') }).findings)).toEqual(['insurer_rating_below_minimum']);
    expect(codes(check(r, [cert([gl()])], '2026-06-01', { insurers: table('A- VI') }).findings)).toEqual(['insurer_rating_below_minimum']);
    expect(codes(check(r, [cert([gl()])], '2026-06-01', { insurers: table(null) }).findings)).toEqual(['insurer_rating_unknown']);
    expect(codes(check(r, [cert([gl()])]).findings)).toEqual(['insurer_rating_unknown']);
  });

  it('description_missing_text, folded, per phrase', () => {
    const r = req({ descriptionMustMention: ['Harbor Point', 'Acme Property Group & affiliates'] });
    const text = (d: string) => codes(check(r, [cert([gl()], { descriptionOfOperations: d })]).findings);
    expect(text('Re: HARBOR POINT, Acme Property Group and affiliates are additional insureds.')).toEqual([]);
    expect(text('Re: Harbor Pointe.')).toEqual(['description_missing_text', 'description_missing_text']);
    expect(mentions(null, 'x')).toBe(false);
  });

  it('has a test above for every finding code', () => {
    // keeps this table honest when the contract grows a code
    const tested = new Set([
      'certificate_missing', 'coverage_missing', 'policy_expired', 'policy_not_yet_effective', 'policy_dates_missing', 'policy_expiring',
      'limit_missing', 'limit_below_minimum', 'additional_insured_missing', 'subrogation_waiver_missing', 'primary_noncontributory_missing',
      'basis_not_accepted', 'aggregate_basis_not_accepted', 'statutory_limits_missing', 'holder_mismatch', 'insurer_not_approved',
      'insurer_rating_below_minimum', 'insurer_rating_unknown', 'description_missing_text',
    ]);
    expect([...FINDING_CODES].sort()).toEqual([...tested].sort());
  });
});

describe('evaluate: several certificates, waivers', () => {
  const r = req({
    coverages: [
      { coverage: 'general_liability', limits: { each_occurrence: 1_000_000 } },
      { coverage: 'workers_compensation', perStatute: true },
    ],
  });
  const wc = gl({ coverage: 'workers_compensation', policyNumber: 'WC-1', limits: {}, details: { perStatute: true } });

  it('combines: GL on one certificate and workers compensation on another', () => {
    const out = check(r, [cert([gl()], { id: 'gl' }), cert([wc], { id: 'wc' })]);
    expect(out.status).toBe('compliant');
    expect(out.coverages.map((c) => [c.coverage, c.certificateId])).toEqual([
      ['general_liability', 'gl'],
      ['workers_compensation', 'wc'],
    ]);
  });

  it('any policy in force that meets the entry satisfies it: an expired older certificate does not count against', () => {
    const old = cert([gl({ policyNumber: 'GL-0', effectiveDate: '2025-01-01', expirationDate: '2026-01-01' })], { id: 'old' });
    expect(check(r, [old, cert([gl(), wc], { id: 'new' })]).status).toBe('compliant');
  });

  it('a waived finding is shown, marked, and does not count; the waiver expires by itself', () => {
    const short = cert([gl({ limits: { each_occurrence: 500_000 } }), wc]);
    const waivers = [{ code: 'limit_below_minimum' as const, coverage: 'general_liability' as const, limit: 'each_occurrence', until: '2026-06-30' }];
    const on = check(r, [short], '2026-06-30', { waivers });
    expect(on.status).toBe('compliant');
    expect(on.findings).toMatchObject([{ code: 'limit_below_minimum', waived: true }]);
    const after = check(r, [short], '2026-07-01', { waivers });
    expect(after.status).toBe('non_compliant');
    expect(after.findings[0]!.waived).toBeUndefined();
    // a waiver for another coverage or limit does not apply
    expect(check(r, [short], '2026-06-01', { waivers: [{ ...waivers[0]!, limit: 'general_aggregate' }] }).status).toBe('non_compliant');
    expect(check(r, [short], '2026-06-01', { waivers: [{ code: 'limit_below_minimum', until: null }] }).status).toBe('compliant');
  });

  it('refuses an asOf that is not a date', () => {
    expect(() => check(r, [], '2026-13-01x')).toThrow(/asOf/);
  });
});

describe('statusOf, dates and ratings', () => {
  it('orders missing, expired, non_compliant, expiring, compliant', () => {
    const f = (code: Finding['code'], waived = false): Finding => ({ code, message: '', ...(waived ? { waived: true as const } : {}) });
    expect(statusOf([f('policy_expiring'), f('certificate_missing')])).toBe('missing');
    expect(statusOf([f('policy_expiring'), f('limit_missing'), f('policy_expired')])).toBe('expired');
    expect(statusOf([f('policy_expiring'), f('limit_missing')])).toBe('non_compliant');
    expect(statusOf([f('policy_expiring'), f('limit_missing', true)])).toBe('expiring');
    expect(statusOf([f('policy_expired', true)])).toBe('compliant');
  });

  it('localDate gives the organization’s day: the same instant is two dates in two time zones', () => {
    const instant = new Date('2026-03-01T03:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-03-01');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-02-28');
    expect(localDate(instant, 'Asia/Tokyo')).toBe('2026-03-01');
    expect(localDate(new Date('2024-02-29T23:30:00Z'), 'Pacific/Auckland')).toBe('2024-03-01');
    // a policy ending on 2026-02-28 is expired in UTC but in force in Los Angeles at that instant
    const r = req({ expiringWithinDays: 0 });
    const c = [cert([gl({ effectiveDate: '2025-02-28', expirationDate: '2026-02-28' })])];
    expect(check(r, c, localDate(instant, 'UTC')).status).toBe('expired');
    expect(check(r, c, localDate(instant, 'America/Los_Angeles')).status).toBe('expiring');
  });

  it('daysBetween counts calendar days across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-06-01', '2026-06-01')).toBe(0);
  });

  it('ratingMeetsMinimum compares the letter, then the size category', () => {
    expect(ratingMeetsMinimum('A+ XV', 'A-')).toBe(true);
    expect(ratingMeetsMinimum('B++', 'A-')).toBe(false);
    expect(ratingMeetsMinimum('A-', 'A- VII')).toBeNull();
    expect(ratingMeetsMinimum('junk', 'A-')).toBeNull();
  });
});

describe('counting findings', () => {
  it('counts exactly the findings it would write, for every template entry and many policies', () => {
    let compared = 0;
    for (let i = 0; i < 300; i++) {
      const r = (k: number) => ((i * 2654435761 + k * 40503) >>> 0) % 100;
      const coverage = (['general_liability', 'automobile_liability', 'umbrella_liability', 'workers_compensation', 'other'] as const)[i % 5]!;
      const policy = gl({
        coverage,
        description: coverage === 'other' ? 'Professional Liability' : null,
        additionalInsured: r(1) > 30,
        subrogationWaived: r(2) > 30,
        basis: r(3) > 50 ? 'occurrence' : r(3) > 20 ? 'claims_made' : null,
        limits: r(4) > 20 ? { each_occurrence: r(5) * 50_000, general_aggregate: r(6) * 50_000, combined_single_limit: r(7) * 20_000, el_each_accident: r(8) * 20_000, each_claim: r(9) * 20_000 } : {},
        details: { aggregateAppliesPer: r(10) > 50 ? 'project' : 'policy', perStatute: r(11) > 40 },
      });
      const c = cert([policy], { insurers: [{ letter: 'A', name: 'X', naic: r(12) > 50 ? '12345' : null }], descriptionOfOperations: r(13) > 50 ? 'primary and non-contributory' : 'none' });
      const insurers = new Map([['12345', { rating: r(14) > 50 ? 'A VIII' : 'B' }]]);
      for (const t of REQUIREMENT_TEMPLATES) {
        const req = { ...t.definition, approvedInsurerNaics: r(15) > 50 ? ['12345'] : null };
        for (const entry of req.coverages) {
          const ctx = { umbrella: r(16) * 20_000, req, insurers };
          const located = { policy: c.policies![0]!, cert: c, index: 0 };
          expect(policyFindings(entry, located, { ...ctx, count: true }).length, `${t.key} ${entry.coverage} #${i}`).toBe(policyFindings(entry, located, ctx).length);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

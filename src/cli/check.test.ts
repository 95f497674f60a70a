// `coi check` (src/cli/check.ts): the contract's findings JSON from files, several certificates combined, an insurer
// table and waivers from files, and bad input refused with the file and field named.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from './check.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coi-check-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};
const run = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCheck(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const requirements = {
  schemaVersion: 1,
  name: 'Standard subcontractor',
  expiringWithinDays: 30,
  certificateHolder: { name: 'Acme Property Group LLC' },
  coverages: [
    { coverage: 'general_liability', limits: { each_occurrence: 1000000, general_aggregate: 2000000 }, additionalInsured: true, umbrellaMayApply: true },
    { coverage: 'workers_compensation', perStatute: true, limits: { el_each_accident: 1000000 } },
  ],
  approvedInsurerNaics: null,
  minimumInsurerRating: 'A- VII',
  descriptionMustMention: [],
};
const base = {
  schemaVersion: 1,
  form: { type: 'ACORD 25', edition: '2016/03' },
  certificateDate: '2026-01-02',
  certificateNumber: null,
  revisionNumber: null,
  producer: { name: 'Broker', address: null, contactName: null, phone: null, fax: null, email: null },
  insured: { name: 'Sub LLC', address: null },
  insurers: [{ letter: 'A', name: 'Acme Casualty Company', naic: '12345' }],
  descriptionOfOperations: null,
  certificateHolder: { name: 'ACME PROPERTY GROUP, L.L.C.', address: null },
  warnings: [],
};
const policy = (over: Record<string, unknown>) => ({
  coverage: 'general_liability',
  description: null,
  insurerLetter: 'A',
  policyNumber: 'GL-1',
  effectiveDate: '2026-01-01',
  expirationDate: '2027-01-01',
  additionalInsured: true,
  subrogationWaived: false,
  basis: 'occurrence',
  limits: { each_occurrence: 500000, general_aggregate: 2000000 },
  details: {},
  ...over,
});

describe('coi check', () => {
  const req = write('req.json', requirements);
  const glCert = write('gl.json', { ...base, policies: [policy({})] });
  const wcCert = write('wc.json', {
    ...base,
    policies: [policy({ coverage: 'workers_compensation', policyNumber: 'WC-1', limits: { el_each_accident: 1000000 }, details: { perStatute: true } })],
  });
  const insurers = write('insurers.csv', 'NAIC,Name,Rating\n12345,Acme Casualty Company,A VIII\n');

  it('prints the status and the findings of the certificates combined', async () => {
    const r = await run(['--requirements', req, '--as-of', '2026-06-01', '--insurers', insurers, glCert, wcCert]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      status: 'non_compliant',
      findings: [
        {
          code: 'limit_below_minimum',
          coverage: 'general_liability',
          limit: 'each_occurrence',
          required: 1000000,
          actual: 500000,
          message: 'General liability each occurrence limit is $500,000; $1,000,000 is required.',
        },
      ],
    });
  });

  it('without the workers compensation certificate, says it is missing; without a rating table, the rating is unknown', async () => {
    const r = JSON.parse((await run(['--requirements', req, '--as-of', '2026-06-01', glCert])).out);
    expect(r.findings.map((f: { code: string }) => f.code)).toEqual(['limit_below_minimum', 'insurer_rating_unknown', 'coverage_missing']);
  });

  it('marks waived findings and leaves them out of the status', async () => {
    const waivers = write('waivers.json', [{ code: 'limit_below_minimum', coverage: 'general_liability', limit: 'each_occurrence', until: '2026-12-31' }]);
    const r = JSON.parse((await run(['--requirements', req, '--as-of', '2026-06-01', '--insurers', insurers, '--waivers', waivers, glCert, wcCert])).out);
    expect(r.status).toBe('compliant');
    expect(r.findings[0]).toMatchObject({ code: 'limit_below_minimum', waived: true });
  });

  it('with no certificate at all: missing', async () => {
    const r = JSON.parse((await run(['--requirements', req, '--as-of', '2026-06-01'])).out);
    expect(r).toMatchObject({ status: 'missing', findings: [{ code: 'certificate_missing' }] });
  });

  it('a certificate with missing dates gives policy_dates_missing, not a crash', async () => {
    const undated = write('undated.json', { ...base, policies: [policy({ effectiveDate: null, expirationDate: 'soon' })] });
    const r = JSON.parse((await run(['--requirements', req, '--as-of', '2026-06-01', '--insurers', insurers, undated, wcCert])).out);
    expect(r.findings.map((f: { code: string }) => f.code)).toEqual(['policy_dates_missing']);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['a minimum of $0', { ...requirements, coverages: [{ coverage: 'general_liability', limits: { each_occurrence: 0 } }] }, /coverages\.0\.limits\.each_occurrence: must be greater than 0/],
    ['a negative limit', { ...requirements, coverages: [{ coverage: 'general_liability', limits: { general_aggregate: -5 } }] }, /coverages\.0\.limits\.general_aggregate: must be greater than 0/],
    ['an unknown coverage', { ...requirements, coverages: [{ coverage: 'cyber', limits: {} }] }, /coverages\.0\.coverage: must be one of/],
    ['an unknown limit key', { ...requirements, coverages: [{ coverage: 'general_liability', limits: { each_occurence: 1000000 } }] }, /coverages\.0\.limits\.each_occurence: is not a limit of general_liability/],
    ['the same coverage twice', { ...requirements, coverages: [{ coverage: 'general_liability' }, { coverage: 'general_liability' }] }, /coverages\.1\.coverage: general_liability is already required/],
    ['a misspelt field', { ...requirements, coverages: [{ coverage: 'general_liability', additionalInsurd: true }] }, /unknown field: additionalInsurd/],
  ];
  it.each(bad)('refuses a requirement set with %s, naming the field', async (_name, value, message) => {
    const file = write('bad-req.json', value);
    const r = await run(['--requirements', file, '--as-of', '2026-06-01', glCert]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(file);
    expect(r.err).toMatch(message);
  });

  it('refuses certificates that are not JSON or not in the extraction format, naming the file and field', async () => {
    const notJson = write('broken.json', '{"policies": [');
    let r = await run(['--requirements', req, '--as-of', '2026-06-01', notJson]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.json: the certificate is not valid JSON/);
    const wrongCoverage = write('wrong.json', { ...base, policies: [policy({ coverage: 'cyber' })] });
    r = await run(['--requirements', req, '--as-of', '2026-06-01', wrongCoverage]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/wrong\.json: the certificate is not valid:\npolicies\.0\.coverage: must be one of/);
    r = await run(['--requirements', req, '--as-of', '2026-06-01', path.join(dir, 'nope.json')]);
    expect(r.err).toMatch(/nope\.json: cannot read the certificate: ENOENT/);
  });

  it('usage errors exit 2', async () => {
    expect((await run(['--as-of', '2026-06-01', glCert])).err).toMatch(/--requirements is required/);
    expect((await run(['--requirements', req, glCert])).code).toBe(2);
    expect((await run(['--requirements', req, '--as-of', '2026-02-30', glCert])).err).toMatch(/--as-of must be a date/);
    expect((await run(['--requirements', req, '--as-of', '2026-06-01', '--bogus'])).code).toBe(2);
    expect((await run(['--help'])).out).toMatch(/Usage: coi check/);
  });
});

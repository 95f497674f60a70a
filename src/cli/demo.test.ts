// The demo generator (domain/demo-data.ts): reproducible, well-formed, and placed relative to the day it runs,
// so every demo shows current, expiring, expired and missing insurance.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  daysBetween,
  EXPIRING_WITHIN_DAYS,
  generateDemoData,
  type DemoData,
  type InsuranceState,
} from '../domain/demo-data.js';
import { LIMIT_KEYS } from '../domain/coverage.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (v: string) => ISO_DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;


/** Where an insured stands on `today`, judged independently of the generator: by the certificate on file. */
function stateOn(insured: DemoData['insureds'][number], today: string): InsuranceState {
  const current = insured.certificates.filter((c) => !c.archived);
  if (current.length === 0) return 'missing';
  const soonest = current.flatMap((c) => c.policies.map((p) => p.expirationDate)).sort()[0]!;
  if (soonest < today) return 'expired';
  return daysBetween(today, soonest) <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'current';
}

describe('demo data', () => {
  const data = generateDemoData({ today: '2026-03-15' });

  it('is the same for the same seed and day, and differs for another seed', () => {
    expect(generateDemoData({ today: '2026-03-15' })).toEqual(data);
    const other = generateDemoData({ today: '2026-03-15', seed: 7 });
    expect(other.insureds.map((i) => i.legalName)).not.toEqual(data.insureds.map((i) => i.legalName));
  });

  it('has an organization, 4-6 locations, three requirement sets and 50 uniquely named insureds by default', () => {
    expect(data.organization.name).toBe('Demo Property Group');
    expect(data.locations.length).toBeGreaterThanOrEqual(4);
    expect(data.locations.length).toBeLessThanOrEqual(6);
    expect(new Set(data.locations.map((l) => l.code)).size).toBe(data.locations.length);
    expect(data.requirementSets.map((r) => r.name)).toEqual(['Standard subcontractor', 'Tenant', 'Light vendor']);
    expect(data.insureds).toHaveLength(50);
    expect(new Set(data.insureds.map((i) => i.legalName.toLowerCase())).size).toBe(50);
    expect(new Set(data.insureds.map((i) => i.externalId)).size).toBe(50);
    expect(data.insureds.some((i) => i.dba)).toBe(true);
  });

  it('writes requirement sets in the interchange format', () => {
    for (const set of data.requirementSets) {
      const d = set.definition as { schemaVersion: number; name: string; expiringWithinDays: number; coverages: { coverage: string; limits: Record<string, number> }[]; certificateHolder: { name: string } };
      expect(d.schemaVersion).toBe(1);
      expect(d.name).toBe(set.name);
      expect(d.expiringWithinDays).toBe(EXPIRING_WITHIN_DAYS);
      expect(d.certificateHolder.name).toBe(data.organization.name);
      for (const c of d.coverages) {
        for (const [key, value] of Object.entries(c.limits)) {
          expect(LIMIT_KEYS[c.coverage as keyof typeof LIMIT_KEYS], `${set.name} ${c.coverage}`).toContain(key);
          expect(Number.isInteger(value)).toBe(true);
        }
      }
    }
  });

  it('gives every insured contacts, 1-2 assignments, an encrypted-later tax id and a trade tag', () => {
    const locationKeys = new Set(data.locations.map((l) => l.key));
    const setKeys = new Set(data.requirementSets.map((r) => r.key));
    for (const insured of data.insureds) {
      expect(insured.contacts.length).toBeGreaterThanOrEqual(1);
      expect(insured.contacts.length).toBeLessThanOrEqual(3);
      expect(insured.contacts.filter((c) => c.isPrimary)).toHaveLength(1);
      for (const c of insured.contacts) expect(c.email).toMatch(/^[a-z.]+@[a-z0-9]+\.example$/);
      expect(insured.assignments.length).toBeGreaterThanOrEqual(1);
      expect(insured.assignments.length).toBeLessThanOrEqual(2);
      expect(new Set(insured.assignments.map((a) => a.locationKey)).size).toBe(insured.assignments.length);
      for (const a of insured.assignments) {
        expect(locationKeys.has(a.locationKey)).toBe(true);
        expect(setKeys.has(a.requirementSetKey)).toBe(true);
      }
      expect(insured.taxId).toMatch(/^\d{2}-\d{7}$/);
      expect(insured.tags[0]).toBe(insured.trade);
    }
    expect(data.insureds.some((i) => i.contacts.some((c) => c.kind === 'broker' && c.company))).toBe(true);
    // tenants lease space at properties; they are never assigned to a construction project
    const projects = new Set(data.locations.filter((l) => l.kind === 'project').map((l) => l.key));
    for (const tenant of data.insureds.filter((i) => i.kind === 'tenant')) {
      expect(tenant.assignments.every((a) => !projects.has(a.locationKey))).toBe(true);
    }
  });

  it('writes well-formed certificates and policies', () => {
    const all = data.insureds.flatMap((i) => i.certificates);
    expect(all.length).toBeGreaterThan(0);
    for (const c of all) {
      expect(isRealDate(c.certificateDate)).toBe(true);
      expect(c.certificateDate <= data.today).toBe(true);
      expect(Number.isNaN(Date.parse(c.receivedAt))).toBe(false);
      expect(c.receivedAt.slice(0, 10) <= data.today).toBe(true);
      expect(c.holderName).toBe(data.organization.name);
      expect(c.producer.name).toBeTruthy();
      expect(c.policies.length).toBeGreaterThan(0);
      expect(new Set(c.insurers.map((i) => i.letter)).size).toBe(c.insurers.length);
      for (const insurer of c.insurers) expect(insurer.naic).toMatch(/^\d{5}$/);
      for (const p of c.policies) {
        expect(isRealDate(p.effectiveDate) && isRealDate(p.expirationDate)).toBe(true);
        expect(p.effectiveDate < p.expirationDate).toBe(true);
        expect(c.insurers.map((i) => i.letter)).toContain(p.insurerLetter);
        for (const [key, value] of Object.entries(p.limits)) {
          expect(Number.isInteger(value) && value >= 0).toBe(true);
          if (p.coverage !== 'other') expect(LIMIT_KEYS[p.coverage]).toContain(key);
        }
        if (p.coverage === 'other') expect(p.description).toMatch(/Professional Liability/);
      }
    }
    const coverages = new Set(all.flatMap((c) => c.policies.map((p) => p.coverage)));
    for (const c of ['general_liability', 'automobile_liability', 'umbrella_liability', 'workers_compensation', 'other']) expect(coverages).toContain(c);
    expect(all.filter((c) => c.status === 'needs_review').length).toBeGreaterThanOrEqual(1);
    expect(all.filter((c) => c.status === 'confirmed').length).toBeGreaterThan(all.length / 2);
  });

  it('keeps superseded certificates archived, one term before the renewal', () => {
    const withHistory = data.insureds.filter((i) => i.certificates.length > 1);
    expect(withHistory.length).toBeGreaterThan(0);
    for (const insured of withHistory) {
      const [old, renewal] = insured.certificates;
      expect(old!.archived).toBe(true);
      expect(renewal!.archived).toBe(false);
      expect(old!.policies[0]!.expirationDate).toBe(renewal!.policies[0]!.effectiveDate);
      expect(old!.policies[0]!.policyNumber).not.toBe(renewal!.policies[0]!.policyNumber);
    }
  });

  it.each(['2026-03-15', '2028-02-29', '2027-12-31', '2025-01-01'])('on %s shows all four states, as labelled', (today) => {
    const day = generateDemoData({ today });
    const seen = new Set(day.insureds.map((i) => i.state));
    expect([...seen].sort()).toEqual(['current', 'expired', 'expiring', 'missing']);
    for (const insured of day.insureds) expect(stateOn(insured, today), insured.legalName).toBe(insured.state);
  });

  it('shows all four states from four insureds up, and scales to thousands', () => {
    const small = generateDemoData({ today: '2026-03-15', insureds: 4 });
    expect(new Set(small.insureds.map((i) => i.state)).size).toBe(4);
    expect(generateDemoData({ today: '2026-03-15', insureds: 1 }).insureds).toHaveLength(1);
    const big = generateDemoData({ today: '2026-03-15', insureds: 2000 });
    expect(new Set(big.insureds.map((i) => i.legalName.toLowerCase())).size).toBe(2000);
  });

  it('rejects a day that does not exist', () => {
    expect(() => generateDemoData({ today: '2026-02-30' })).toThrow(RangeError);
    expect(() => generateDemoData({ today: '2026-03-15', insureds: 0 })).toThrow(RangeError);
  });
});

describe('date helpers', () => {
  it.each([
    ['2026-03-15', 1, '2027-03-15'],
    ['2028-02-29', 1, '2029-03-01'],
    ['2027-03-01', -1, '2026-03-01'],
  ])('addYears(%s, %i) is %s', (from, years, expected) => expect(addYears(from, years)).toBe(expected));

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
});

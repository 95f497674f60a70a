import { describe, expect, it } from 'vitest';
import { cleanText, limitLabelKey, normalizeDate, normalizeFlag, normalizeInsurerLetter, normalizeLimit, normalizeNaic, normalizeNameLine } from './normalize.js';

describe('normalizeDate', () => {
  it.each([
    ['1/7/26', '2026-01-07'],
    ['01/07/2026', '2026-01-07'],
    ['12/31/2025', '2025-12-31'],
    ['2026-03-01', '2026-03-01'],
    ['  03/01/2026 ', '2026-03-01'],
    ['2/29/2028', '2028-02-29'],
    ['02-05-2022', '2022-02-05'],
    ['MM/DD/YYYY', null],
    ['mm/dd/yyyy', null],
    ['', null],
    [null, null],
    ['2/29/2027', null],
    ['13/01/2026', null],
    ['2026-02-30', null],
    ['next year', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });
});

describe('normalizeLimit', () => {
  it.each([
    ['$1,000,000', 1_000_000],
    ['1,000,000', 1_000_000],
    ['1000000', 1_000_000],
    ['$ 2,000,000', 2_000_000],
    ['1 000 000', 1_000_000],
    ['$1,000,000.00', 1_000_000],
    ['5,000', 5000],
    ['0', 0],
    ['Included', null],
    ['Statutory', null],
    ['N/A', null],
    ['', null],
    [null, null],
    ['$500 Ded', null],
    ['1,00,000', null],
    ['$1,000.50', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeLimit(input)).toBe(expected);
  });
});

describe('normalizeFlag', () => {
  it.each([
    ['Y', true],
    ['y', true],
    ['X', true],
    ['YES', true],
    ['✓', true],
    ['N', false],
    ['', false],
    [' ', false],
    [null, false],
    [undefined, false],
    [true, true],
    [false, false],
    ['maybe', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeFlag(input)).toBe(expected);
  });
});

describe('name lines and codes', () => {
  it.each([
    ['  Acme   Builders, LLC  ', 'Acme Builders, LLC'],
    ['John Q. Smith DBA: Smith Construction', 'John Q. Smith DBA: Smith Construction'],
    ['NAME', null],
    [', Acme Co ;', 'Acme Co'],
    ['', null],
  ])('normalizeNameLine(%j) → %j', (input, expected) => {
    expect(normalizeNameLine(input)).toBe(expected);
  });

  it.each([
    ['12345', '12345'],
    [' 12-345 ', '12345'],
    ['', null],
    ['pending', 'pending'],
  ])('normalizeNaic(%j) → %j', (input, expected) => {
    expect(normalizeNaic(input)).toBe(expected);
  });

  it.each([
    ['a', 'A'],
    ['F', 'F'],
    ['G', null],
    ['AB', null],
    ['', null],
  ])('normalizeInsurerLetter(%j) → %j', (input, expected) => {
    expect(normalizeInsurerLetter(input)).toBe(expected);
  });

  it.each([
    ['Each Claim', 'each_claim'],
    ['Aggregate', 'aggregate'],
    ['Personal & Adv. Injury', 'personal_and_adv_injury'],
    ['3rd Party', 'limit_3rd_party'],
    ['', null],
  ])('limitLabelKey(%j) → %j', (input, expected) => {
    expect(limitLabelKey(input)).toBe(expected);
  });

  it('cleanText folds white space and drops placeholders', () => {
    expect(cleanText(' a \n b ')).toBe('a b');
    expect(cleanText('MM/DD/YYYY')).toBeNull();
  });
});

// Flattened ACORD 25 certificates made at test time (the blank form is read from ../shared/corpus and the fills are
// written to memory only, never committed: ACORD's layout is its copyright), read through extractCertificate's text
// path, and compared field by field with what was filled: the fields the extraction benchmark scores.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillAcord25 } from '../../../test/fixtures/acord25-fill.js';
import { DEFAULT_FORM, DEFAULT_SEED } from '../../../test/fixtures/generate.js';
import { documentSeed, generateCertificate } from '../../../test/fixtures/values.js';
import { extractCertificate } from '../extract.js';
import { scoredFields } from '../../../test/fixtures/scored.js';

const HAVE_FORM = fs.existsSync(DEFAULT_FORM);
const DOCUMENTS = 4;

/** What the benchmark scores, in a shape toEqual can compare. */
describe.skipIf(!HAVE_FORM)('flattened ACORD 25 (text layer) read by its labels', () => {
  it(`reads ${DOCUMENTS} generated flattened certificates exactly`, async () => {
    const blank = new Uint8Array(fs.readFileSync(DEFAULT_FORM));
    for (let i = 0; i < DOCUMENTS; i++) {
      const fixture = generateCertificate(documentSeed(DEFAULT_SEED, i));
      const pdf = Buffer.from(await fillAcord25(blank, fixture, 'flattened'));
      const x = await extractCertificate(pdf, `flattened-${i}.pdf`);
      expect(x.source?.method).toBe('text');
      expect(x.form.edition).toBe('2016/03');
      expect(scoredFields(x), `document ${i} (seed ${fixture.seed})`).toEqual(scoredFields(fixture.extraction));
      // every read value has a confidence in 0..1
      for (const v of Object.values(x.confidence ?? {})) expect(v).toBeGreaterThan(0.5);
    }
  }, 14_000);
});

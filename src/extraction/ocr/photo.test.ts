// A generated phone photo of a printed ACORD 25 (test/fixtures/scan.ts photoJpeg: keystone perspective, uneven light,
// blur, JPEG) is straightened on load: the page comes back letter-shaped, and the coverage grid's vertical rules run
// straight down the page again (on the photo as taken, the keystone slants them and none covers the grid's rows).
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { decode } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { fillAcord25 } from '../../../test/fixtures/acord25-fill.js';
import { DEFAULT_FORM, DEFAULT_SEED } from '../../../test/fixtures/generate.js';
import { photoJpeg } from '../../../test/fixtures/scan.js';
import { documentSeed, generateCertificate } from '../../../test/fixtures/values.js';
import { binarize, verticalRules } from './preprocess.js';
import { loadImagePages, rgbaToGrey } from './render.js';

describe.skipIf(!existsSync(DEFAULT_FORM))('a photographed ACORD 25', () => {
  it('is warped back to an upright page whose grid rules are vertical', async () => {
    const fixture = generateCertificate(documentSeed(DEFAULT_SEED, 0));
    const flattened = await fillAcord25(new Uint8Array(await fs.readFile(DEFAULT_FORM)), fixture, 'flattened');
    const { bytes } = await photoJpeg(flattened, fixture.seed);
    const [page] = await loadImagePages(bytes);
    expect(page!.widthPt).toBe(612);
    expect(page!.photo).toBe(true); // its hairlines are left to Otsu (preprocess.ts cleanPage)
    expect(Math.abs(page!.heightPt - 792)).toBeLessThan(2);
    const binary = binarize(page!.bitmap);
    const { width, height } = page!.bitmap;
    // the coverage grid spans about 38 % to 64 % of the page's height on the 2016/03 form
    const rules = verticalRules(binary, 0, width, 0.4 * height, 0.62 * height);
    expect(rules.length).toBeGreaterThanOrEqual(4);
    // the photo as taken: the same rows of the image hold no rule that runs straight down
    const raw = decode(bytes, { useTArray: true, formatAsRGBA: true });
    const grey = { width: raw.width, height: raw.height, data: rgbaToGrey(raw.data, raw.width, raw.height) };
    expect(verticalRules(binarize(grey), 0, raw.width, 0.4 * raw.height, 0.62 * raw.height).length).toBeLessThan(rules.length);
  }, 60_000);
});

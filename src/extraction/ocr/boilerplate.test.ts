// The form's printed paragraphs found by their shape, read only by their first line, and blanked before the
// whole-page OCR pass; anything else in long lines (a description of operations) stays. Drawn pages, real tesseract.
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { clearFragments, opensParagraph, paragraphBlocks, withoutParagraphs } from './boilerplate.js';
import { recognizeBitmap, terminateOcr } from './ocr.js';
import { rgbaToGrey, type GreyBitmap } from './render.js';

const S = 300 / 72;

/** A black-and-white letter page at 300 dpi with the given lines of type: [text, x, baseline y, size] in points. */
function page(lines: [string, number, number, number][]): GreyBitmap {
  const width = Math.round(612 * S);
  const height = Math.round(792 * S);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  for (const [text, x, y, size] of lines) {
    ctx.font = `bold ${Math.round(size * S)}px sans-serif`;
    ctx.fillText(text, x * S, y * S);
  }
  const grey = rgbaToGrey(ctx.getImageData(0, 0, width, height).data, width, height);
  for (let i = 0; i < grey.length; i++) grey[i] = grey[i]! < 160 ? 0 : 255;
  return { width, height, data: grey };
}

const DISCLAIMER: [string, number, number, number][] = [
  ['THIS CERTIFICATE IS ISSUED AS A MATTER OF INFORMATION ONLY AND CONFERS NO RIGHTS UPON THE', 30, 60, 7],
  ['CERTIFICATE HOLDER. THIS CERTIFICATE DOES NOT AFFIRMATIVELY OR NEGATIVELY AMEND, EXTEND OR', 30, 69, 7],
  ['ALTER THE COVERAGE AFFORDED BY THE POLICIES BELOW. THIS CERTIFICATE OF INSURANCE DOES', 30, 78, 7],
];
const DESCRIPTION: [string, number, number, number][] = [
  ['General contracting and tenant improvement construction at the owner\'s sites.', 30, 400, 7],
  ['Waiver of subrogation applies in favor of the certificate holder where required.', 30, 409, 7],
];
// a value beside the form's paragraphs, the title in large type above them, and the next box's labels a couple of
// points under the last line of one
const OTHERS: [string, number, number, number][] = [
  ['CERTIFICATE OF LIABILITY INSURANCE', 160, 40, 14],
  ['Stonegate Builders, Inc.', 40, 200, 8],
  ['INSR', 30, 83.5, 6],
  ['POLICY NUMBER', 250, 83.5, 6],
];

afterAll(() => terminateOcr());

describe('the printed paragraphs of a form', () => {
  it('are found as blocks of long lines starting at one edge; a title and short lines are not', () => {
    const blocks = paragraphBlocks(page([...DISCLAIMER, ...DESCRIPTION, ...OTHERS]), S);
    expect(blocks).toHaveLength(2);
    const [disclaimer, description] = blocks.map((b) => ({ x0: b.x0 / S, x1: b.x1 / S, y0: b.y0 / S, y1: b.y1 / S, first: b.firstBottom / S }));
    expect(disclaimer!.x0).toBeCloseTo(30, -0.5);
    expect(disclaimer!.y0).toBeGreaterThan(50);
    expect(disclaimer!.y1).toBeLessThan(81);
    // its first line ends before the second begins
    expect(disclaimer!.first).toBeLessThan(64);
    expect(description!.y0).toBeGreaterThan(390);
  });

  it('take in their short last line, and no line after it; a mark at the margin does not part them', () => {
    const lines: [string, number, number, number][] = [
      DISCLAIMER[0]!,
      // (its second line's start a little higher than the rest, as a photo's bent page gives it: the line's top rows
      // are short, its others long)
      ['CERTIFICATE HOLDER. THIS CERTIFICATE', 30, 68, 7],
      ['DOES NOT AFFIRMATIVELY OR NEGATIVELY AMEND, EXTEND OR', 190, 69, 7],
      DISCLAIMER[2]!,
      ['REPRESENTATIVE OR PRODUCER.', 30, 87, 7],
      ['General contracting and tenant improvement construction at the owner\'s sites.', 30, 96, 7],
      ['Waiver of subrogation applies in favor of the certificate holder where required.', 30, 105, 7],
      // a rule's remnant left of the second line, within a sentence's gap of it
      ['|', 16, 69, 7],
    ];
    const blocks = paragraphBlocks(page(lines), S).map((b) => ({ y0: b.y0 / S, y1: b.y1 / S }));
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.y0).toBeLessThan(56);
    expect(blocks[0]!.y1).toBeGreaterThan(86);
    expect(blocks[0]!.y1).toBeLessThan(89);
    expect(blocks[1]!.y0).toBeGreaterThan(89);
    // a mark before the first line: the block still starts where its type does, and takes its last line in
    const marked = paragraphBlocks(page([...lines, ['|', 16, 60, 7]]), S);
    expect(marked[0]!.x0 / S).toBeGreaterThan(28);
    expect(marked[0]!.y1 / S).toBeGreaterThan(86);
  });

  it("start where their first line's type starts when the line's right part stands higher (a page skewed a little)", () => {
    const left = 'THIS CERTIFICATE IS ISSUED AS A MATTER OF';
    const rest = 'INFORMATION ONLY AND CONFERS NO RIGHTS UPON THE CERTIFICATE HOLDER. THIS';
    const measure = createCanvas(10, 10).getContext('2d');
    measure.font = `bold ${Math.round(7 * S)}px sans-serif`;
    const right = 30 + measure.measureText(`${left} `).width / S;
    // (justified: every line ends where the first does; the first line's right part set 1.5 points higher)
    const skewed: [string, number, number, number][] = [60, 69, 78].flatMap((y, i): [string, number, number, number][] => [
      [left, 30, y, 7],
      [rest, right, i === 0 ? y - 1.5 : y, 7],
    ]);
    const blocks = paragraphBlocks(page(skewed), S);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.x0 / S).toBeCloseTo(30, -0.5);
    expect(blocks[0]!.y0 / S).toBeLessThan(54);
  });

  it("leave no piece of a glyph the blanking cut (a descender's foot) beside the blanked rows; a glyph below stays", () => {
    const width = 60;
    const height = 40;
    const data = new Uint8Array(width * height).fill(255);
    const ink = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = 0;
    };
    // rows up to 10 were blanked: a foot 4 px tall hangs under them, a letter 20 px tall stands on the next row
    ink(5, 8, 10, 14);
    ink(20, 30, 10, 30);
    clearFragments({ width, height, data }, 0, width, 10, 8);
    expect(data[12 * width + 6]).toBe(255);
    expect(data[20 * width + 25]).toBe(0);
    expect(data[10 * width + 25]).toBe(0);
  });

  it("are told by the start of their first line, read with OCR's slips", () => {
    for (const read of ['THIS CERTIFICATE IS ISSUED AS A N', '| THIS CERTIFICATE IS ISSUED AS /', 'i IMPORTANT: If the certificate holde', 'THIS 1S TO CERTIFY THAT THE POLICIES', 'SHOULD ANY OF THE ABOVE DESCRIBE']) {
      expect(opensParagraph(read), read).toBe(true);
    }
    for (const read of ['General contracting and tenant improveme', 'CERTIFICATE OF LIABILITY |', 'INDICATED. NOTWITHSTANDING ANY REQUIREMENT', 'THIS CERT', '']) expect(opensParagraph(read), read).toBe(false);
  });

  it('are told by the start of their first line read no further than a sample of it gives (some 20 letters)', () => {
    for (const read of ['THIS CERTIFICATE IS I', 'IMPORTANT: If the certifi', 'THIS IS TO CERTIFY THA', 'SHOULD ANY OF THE ABOV', 'THIS CERTIF1CATE IS ISS']) expect(opensParagraph(read), read).toBe(true);
    // what else opens a form's lines of that length is none of them
    for (const read of ['THIS CERTIFICATE DOES NOT', 'THIS POLICY IS ISSUED TO', 'SHOULD YOU HAVE ANY QUESTIONS', 'IMPORTANT NOTICE TO ALL']) expect(opensParagraph(read), read).toBe(false);
  });

  it('are blanked, each for one reading of its first line; a description and the values beside stay', async () => {
    const bitmap = page([...DISCLAIMER, ...DESCRIPTION, ...OTHERS]);
    const before = bitmap.data.slice();
    let readings = 0;
    const { bitmap: out, blanked } = await withoutParagraphs(bitmap, S, (crop, options) => (readings++, recognizeBitmap(crop, options)));
    expect(readings).toBe(2);
    expect(blanked).toHaveLength(1);
    // the page given is left as it was
    expect(Buffer.compare(Buffer.from(bitmap.data), Buffer.from(before))).toBe(0);
    const ink = (b: GreyBitmap, y0: number, y1: number, x0 = 0, x1 = 612) => {
      let n = 0;
      for (let y = Math.round(y0 * S); y < Math.round(y1 * S); y++) for (let x = Math.round(x0 * S); x < Math.round(x1 * S); x++) if (b.data[y * b.width + x]! < 128) n++;
      return n;
    };
    expect(ink(bitmap, 50, 80)).toBeGreaterThan(1000);
    expect(ink(out, 45, 78.5)).toBe(0);
    expect(ink(out, 78.9, 88)).toBe(ink(bitmap, 78.9, 88));
    expect(ink(bitmap, 78.9, 88)).toBeGreaterThan(100);
    expect(ink(out, 390, 412)).toBe(ink(bitmap, 390, 412));
    expect(ink(out, 190, 202)).toBe(ink(bitmap, 190, 202));
    expect(ink(out, 25, 45)).toBe(ink(bitmap, 25, 45));
    // what is left reads as before
    const words = (await recognizeBitmap(out)).map((w) => w.text).join(' ');
    expect(words).toContain('Stonegate');
    expect(words).toContain('subrogation');
    expect(words).not.toContain('AFFIRMATIVELY');
  }, 60_000);

  it("blank no value that runs up to a paragraph beside it (a holder's long name beside the cancellation clause)", async () => {
    const name = 'Stonegate Construction Group of Texas';
    const measure = createCanvas(10, 10).getContext('2d');
    measure.font = `bold ${Math.round(8 * S)}px sans-serif`;
    const nameWidth = measure.measureText(name).width / S;
    const clause: [string, number, number, number][] = [
      ['SHOULD ANY OF THE ABOVE DESCRIBED POLICIES BE CANCELLED BEFORE THE', 330, 700, 6],
      ['EXPIRATION DATE THEREOF, NOTICE WILL BE DELIVERED IN ACCORDANCE WITH', 330, 708, 6],
      ['THE POLICY PROVISIONS AND THE TERMS AND CONDITIONS OF THE POLICIES.', 330, 716, 6],
    ];
    const count = (b: GreyBitmap, y0: number, y1: number, x0: number, x1: number) => {
      let n = 0;
      for (let y = Math.round(y0 * S); y < Math.round(y1 * S); y++) for (let x = Math.round(x0 * S); x < Math.round(x1 * S); x++) if (b.data[y * b.width + x]! < 128) n++;
      return n;
    };
    // the name ending 10 points before the clause, on its first line, then on its second
    for (const y of [700, 708]) {
      const bitmap = page([...clause, [name, 320 - nameWidth, y, 8]]);
      const { bitmap: out } = await withoutParagraphs(bitmap, S, recognizeBitmap);
      expect(count(bitmap, y - 8, y + 3, 0, 322)).toBeGreaterThan(500);
      expect(count(out, y - 8, y + 3, 0, 322)).toBe(count(bitmap, y - 8, y + 3, 0, 322));
    }
    // the clause alone is blanked
    const alone = await withoutParagraphs(page(clause), S, recognizeBitmap);
    expect(alone.blanked).toHaveLength(1);
    expect(count(alone.bitmap, 692, 716, 322, 612)).toBe(0);
  }, 60_000);

  it('leaves a page without them as it is, and reads nothing where no block is', async () => {
    const bitmap = page([...DESCRIPTION, ...OTHERS]);
    const none = await withoutParagraphs(bitmap, S, async () => []);
    expect(none.bitmap).toBe(bitmap);
    expect(none.blanked).toEqual([]);
    let readings = 0;
    await withoutParagraphs(page(OTHERS), S, async () => (readings++, []));
    expect(readings).toBe(0);
  });
});

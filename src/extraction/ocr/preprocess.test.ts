import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { binarize, binarizeKeepingHairlines, cleanPage, despeckle, estimateSkew, INK, liftDarkBars, otsuThreshold, removeDotLeaders, removeLoneSpecks, removeRuledLines, rotate, transpose, withoutRuns } from './preprocess.js';
import { rgbaToGrey, type GreyBitmap } from './render.js';

/** A synthetic form page: ruled rows with text lines in them, drawn turned by `degrees` (canvas convention). */
function formPage(degrees: number, width = 1275, height = 1650): GreyBitmap {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.translate(width / 2, height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.translate(-width / 2, -height / 2);
  ctx.fillStyle = '#000';
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 2;
  ctx.font = '22px sans-serif';
  for (let row = 0; row < 30; row++) {
    const y = 150 + row * 45;
    ctx.beginPath();
    ctx.moveTo(100, y);
    ctx.lineTo(width - 100, y);
    ctx.stroke();
    ctx.fillText(`INSURER ${String.fromCharCode(65 + (row % 6))} Prairie States Assurance Company 1470${row % 10}`, 120, y + 32);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return { width, height, data: rgbaToGrey(ctx.getImageData(0, 0, width, height).data, width, height) };
}

function inkIn(bitmap: GreyBitmap, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (bitmap.data[y * bitmap.width + x] === 0) n++;
  return n;
}

describe('estimateSkew', () => {
  it.each([2, -2, 1.3, 0])('finds a page turned by %s° within 0.3°', (degrees) => {
    const found = estimateSkew(binarize(formPage(degrees)));
    expect(Math.abs(found - degrees)).toBeLessThan(0.3);
  });

  it('rotate() by the negative angle straightens the page', () => {
    const page = formPage(2);
    const straightened = rotate(page, -estimateSkew(binarize(page)));
    expect(Math.abs(estimateSkew(binarize(straightened)))).toBeLessThan(0.15);
  });

  // speed is measured by npm run bench:extract, not asserted here
  it('cleans a full 300 dpi letter page and finds its skew', () => {
    const page = formPage(1.5, 2550, 3300);
    const cleaned = cleanPage(page, 300 / 72);
    expect(Math.abs(cleaned.skewDegrees - 1.5)).toBeLessThan(0.3);
  });
});

describe('removeRuledLines', () => {
  it('removes the rules of a ruled box and keeps the text inside it', () => {
    const width = 800;
    const height = 300;
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 3;
    ctx.strokeRect(50, 50, 700, 200); // the box
    ctx.beginPath();
    ctx.moveTo(400, 50);
    ctx.lineTo(400, 250); // a column rule
    ctx.moveTo(50, 150);
    ctx.lineTo(750, 150); // a row rule
    ctx.stroke();
    ctx.fillStyle = '#000';
    ctx.font = 'bold 28px sans-serif';
    ctx.fillText('EACH OCCURRENCE', 60, 120);
    expect(ctx.measureText('EACH OCCURRENCE').width).toBeLessThan(320); // clear of the column rule
    ctx.fillText('TOUCHING', 420, 152); // its capitals stand on the row rule
    const grey = { width, height, data: rgbaToGrey(ctx.getImageData(0, 0, width, height).data, width, height) };
    const binary = binarize(grey);
    const textBefore = inkIn(binary, 60, 80, 390, 130);
    const cleaned = removeRuledLines(binary, { minHorizontal: 75, minVertical: 62, maxThickness: 10 });

    // the rules: along each, nothing is left but where a glyph crosses it
    expect(inkIn(cleaned, 100, 45, 700, 56)).toBe(0); // top edge
    expect(inkIn(cleaned, 100, 245, 700, 256)).toBe(0); // bottom edge
    expect(inkIn(cleaned, 44, 60, 57, 240)).toBe(0); // left edge
    expect(inkIn(cleaned, 394, 60, 407, 240)).toBe(0); // column rule
    expect(inkIn(cleaned, 60, 145, 390, 156)).toBe(0); // row rule, left half (no text on it)
    // the text: all of it in the box that does not touch a rule, most of the text standing on the rule
    expect(inkIn(cleaned, 60, 80, 390, 130)).toBe(textBefore);
    const touchingBefore = inkIn(binary, 420, 125, 740, 146);
    expect(inkIn(cleaned, 420, 125, 740, 146)).toBeGreaterThan(touchingBefore * 0.9);
  });
});

/** An 800 × 200 page, white, drawn on in black by `draw`, binarized. */
function drawnPage(draw: (ctx: SKRSContext2D) => void): GreyBitmap {
  const width = 800;
  const height = 200;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  draw(ctx);
  return binarize({ width, height, data: rgbaToGrey(ctx.getImageData(0, 0, width, height).data, width, height) });
}

/** An 800 × 200 binarized page: a 3-pixel rule at y 150, bold type above it, and any `more` text (its baseline y). */
function textBesideRule(...more: [string, number, number][]): GreyBitmap {
  return drawnPage((ctx) => {
    ctx.fillRect(20, 150, 760, 3);
    ctx.font = 'bold 26px sans-serif';
    ctx.fillText('COMMERCIAL GENERAL LIABILITY', 30, 100);
    for (const [text, x, y] of more) ctx.fillText(text, x, y);
  });
}

describe('removeRuledLines on a scanned rule', () => {
  /** A 3-pixel rule turned a little, so that its top and bottom rows are dashes, some of them broken by noise. */
  function slantedRule(): GreyBitmap {
    const width = 900;
    const height = 60;
    const data = new Uint8Array(width * height).fill(255);
    for (let x = 20; x < 880; x++) {
      const y0 = 28 + Math.floor((x - 20) / 60); // one row lower every 60 pixels
      for (let y = y0; y < y0 + 3; y++) if ((x * 7 + y * 3) % 41 !== 0) data[y * width + x] = 0; // speckled gaps
    }
    return { width, height, data };
  }

  it('leaves the fringe dashes of a slanted, speckled rule with the default options', () => {
    const cleaned = removeRuledLines(slantedRule(), { minHorizontal: 75, minVertical: 62, maxThickness: 10 });
    expect(inkIn(cleaned, 0, 0, 900, 60)).toBeGreaterThan(50);
  });

  it('removes them when gaps are bridged and the thin runs across a rule go with it', () => {
    const cleaned = removeRuledLines(slantedRule(), { minHorizontal: 75, minVertical: 62, maxThickness: 10, maxGap: 2, fringes: 5 });
    expect(inkIn(cleaned, 0, 0, 900, 60)).toBe(0);
  });

  it('keeps the text beside and on a rule when gaps are bridged', () => {
    const binary = textBesideRule();
    const before = inkIn(binary, 20, 60, 780, 120);
    const cleaned = removeRuledLines(binary, { minHorizontal: 75, minVertical: 62, maxThickness: 10, maxGap: 2, fringes: 5 });
    expect(inkIn(cleaned, 20, 60, 780, 120)).toBeGreaterThan(before * 0.97);
    expect(inkIn(cleaned, 20, 145, 780, 160)).toBe(0);
  });
});

describe('removeRuledLines on a photographed rule and bold type', () => {
  const options = { minHorizontal: 75, minVertical: 62, maxThickness: 10, maxGap: 2, fringes: 5 };

  /** A faint rule, binarized one pixel thin, that steps a row down every 50 pixels: each row of it is shorter than a rule. */
  function steppedRule(): GreyBitmap {
    const width = 900;
    const height = 60;
    const data = new Uint8Array(width * height).fill(255);
    for (let x = 20; x < 880; x++) {
      data[(12 + Math.floor((x - 20) / 50)) * width + x] = 0;
    }
    return { width, height, data };
  }

  it('removes a rule that steps from row to row when runs may slant', () => {
    expect(inkIn(removeRuledLines(steppedRule(), options), 0, 0, 900, 60)).toBeGreaterThan(500);
    // all but the last step's tail, which with the step before it is still shorter than a rule
    expect(inkIn(removeRuledLines(steppedRule(), { ...options, slant: 1 }), 0, 0, 900, 60)).toBeLessThanOrEqual(10);
  });

  it('removes a vertical rule that leans a column every 50 rows, as a horizontal one, when runs may slant', () => {
    // the stepped rule turned on its side: a column between a grid's columns on a photo
    const across = steppedRule();
    const width = across.height;
    const height = across.width;
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = across.data[x * across.width + y]!;
    const upright: GreyBitmap = { width, height, data };
    expect(inkIn(removeRuledLines(upright, options), 0, 0, 60, 900)).toBeGreaterThan(500);
    expect(inkIn(removeRuledLines(upright, { ...options, slant: 1 }), 0, 0, 60, 900)).toBeLessThanOrEqual(10);
  });

  /** Bold capital Es set one pixel apart: their bars line up into rows of ink as long and full as a rule. */
  function boldEs(): GreyBitmap {
    const width = 400;
    const height = 60;
    const data = new Uint8Array(width * height).fill(255);
    for (let g = 0; g < 12; g++) {
      const x0 = 20 + g * 19;
      for (let y = 15; y < 39; y++) for (let x = x0; x < x0 + 4; x++) data[y * width + x] = 0; // the stem
      for (const top of [15, 25, 36]) for (let y = top; y < top + 3; y++) for (let x = x0 + 4; x < x0 + 18; x++) data[y * width + x] = 0; // the bars
    }
    return { width, height, data };
  }

  it('keeps the bars of bold letters set close together', () => {
    const page = boldEs();
    const before = inkIn(page, 0, 0, 400, 60);
    for (const slant of [0, 1]) expect(inkIn(removeRuledLines(page, { ...options, slant }), 0, 0, 400, 60)).toBe(before);
  });

  it('keeps the text beside and on a rule when runs may slant', () => {
    const binary = textBesideRule(['INSURED', 300, 151]); // standing on the rule
    const before = inkIn(binary, 20, 60, 780, 120);
    const standing = inkIn(binary, 300, 125, 460, 149);
    const cleaned = removeRuledLines(binary, { ...options, slant: 1 });
    expect(inkIn(cleaned, 20, 60, 780, 120)).toBeGreaterThan(before * 0.97);
    expect(inkIn(cleaned, 300, 125, 460, 149)).toBeGreaterThan(standing * 0.85);
    // the rule is gone left and right of the word standing on it
    expect(inkIn(cleaned, 20, 145, 290, 160) + inkIn(cleaned, 470, 145, 780, 160)).toBe(0);
  });
});

describe('removeRuledLines on a rule a photo broke into dashes', () => {
  const options = { minHorizontal: 75, minVertical: 62, maxThickness: 10, maxGap: 2, fringes: 5, slant: 1 };

  /** Text over a 3-pixel rule broken into 40-pixel dashes 20 pixels apart, stepping a row down every 200 pixels; a hyphen of 12 pixels in the text. */
  function dashedRule(): GreyBitmap {
    return drawnPage((ctx) => {
      for (let x = 20; x < 780; x += 60) ctx.fillRect(x, 150 + Math.floor((x - 20) / 200), 40, 3);
      ctx.font = 'bold 26px sans-serif';
      ctx.fillText('ERIE - EXCESS LINES', 30, 100);
    });
  }

  it('removes the dashes in a row when asked, and keeps the text above them and its hyphen', () => {
    const page = dashedRule();
    const text = inkIn(page, 20, 60, 780, 120);
    // each dash shorter than a rule: the plain options leave them
    expect(inkIn(removeRuledLines(page, options), 20, 145, 780, 160)).toBeGreaterThan(1000);
    const cleaned = removeRuledLines(page, { ...options, dashes: 25 });
    expect(inkIn(cleaned, 20, 145, 780, 160)).toBe(0);
    expect(inkIn(cleaned, 20, 60, 780, 120)).toBe(text);
  });
});

describe('withoutRuns', () => {
  it('takes out every run of ink as long as a rule, along rows and down columns, with the glyph ink touching it', () => {
    const width = 120;
    const height = 60;
    const data = new Uint8Array(width * height).fill(255);
    const ink = (x: number, y: number) => (data[y * width + x] = 0);
    // a rule along row 40 and one down column 100; a glyph's stem (a 12-pixel run) standing on the rule
    for (let x = 5; x < 115; x++) ink(x, 40);
    for (let y = 2; y < 58; y++) ink(100, y);
    for (let y = 28; y < 40; y++) ink(30, y);
    // a short bar, shorter than a rule
    for (let x = 50; x < 60; x++) ink(x, 20);
    const out = withoutRuns({ width, height, data }, 40, 40);
    const at = (x: number, y: number) => out.data[y * width + x];
    expect(at(70, 40)).toBe(255);
    expect(at(100, 10)).toBe(255);
    // the stem's own ink stays, the rule's pixel under it goes with the rule
    expect(at(30, 30)).toBe(0);
    expect(at(30, 40)).toBe(255);
    expect(at(55, 20)).toBe(0);
    // the bitmap given is left as it was
    expect(data[40 * width + 70]).toBe(0);
  });
});

describe('despeckle', () => {
  it('drops lone ink pixels, judging each by its neighbours as they were, and keeps pairs', () => {
    const width = 9;
    const height = 7;
    const data = new Uint8Array(width * height).fill(255);
    const ink = (x: number, y: number) => (data[y * width + x] = 0);
    ink(2, 2); // alone
    ink(5, 2); // a diagonal pair: each has the other for a neighbour
    ink(6, 3);
    ink(2, 5); // a chain along a row, each pixel next to another
    ink(3, 5);
    ink(4, 5);
    const out = despeckle({ width, height, data });
    const left = [...out.data.keys()].filter((i) => out.data[i] === 0).map((i) => [i % width, Math.floor(i / width)]);
    expect(left).toEqual([[5, 2], [6, 3], [2, 5], [3, 5], [4, 5]]);
    expect(data[2 * width + 2]).toBe(0); // the input is left as it was
  });
});

describe('removeLoneSpecks', () => {
  it("clears a fax's specks standing alone, and keeps a period, an i's dot, a glyph and a speck touching one", () => {
    // 300 dpi: a speck is at most 1.5 pt (6 px) across, alone when no ink is within 1.8 pt (8 px) of it along its
    // row, 1.1 pt (5 px) above and below
    const s = 300 / 72;
    const width = 200;
    const height = 80;
    const data = new Uint8Array(width * height).fill(255);
    const box = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * width + x] = INK;
    };
    box(20, 20, 40, 50); // a glyph: 20 × 30 px
    box(43, 46, 46, 50); // its period, 3 px after it
    box(60, 30, 64, 50); // an i's stem
    box(60, 24, 64, 28); // and its dot, 2 px above it
    box(100, 30, 102, 33); // a fax's speck, alone: 2 × 3 px
    box(150, 10, 154, 14); // another, 4 × 4
    box(120, 60, 128, 66); // 8 px wide: no speck
    box(41, 22, 43, 24); // a speck 1 px beside the glyph: not alone, kept
    box(46, 30, 48, 32); // one 6 px after the glyph, where a period could stand: kept
    box(28, 56, 30, 58); // one 6 px under it, between lines of type: cleared
    const removed = removeLoneSpecks({ width, height, data }, s);
    expect(removed).toBe(3);
    const inkIn = (x0: number, y0: number, x1: number, y1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (data[y * width + x] === INK) n++;
      return n;
    };
    expect(inkIn(100, 30, 102, 33)).toBe(0);
    expect(inkIn(150, 10, 154, 14)).toBe(0);
    expect(inkIn(43, 46, 46, 50)).toBe(12);
    expect(inkIn(60, 24, 64, 28)).toBe(16);
    expect(inkIn(120, 60, 128, 66)).toBe(48);
    expect(inkIn(20, 20, 43, 50)).toBe(20 * 30 + 4);
    expect(inkIn(46, 30, 48, 32)).toBe(4);
    expect(inkIn(28, 56, 30, 58)).toBe(0);
  });

  it('leaves a page with fewer specks than asked as it is', () => {
    const width = 100;
    const data = new Uint8Array(width * width).fill(255);
    for (const [x, y] of [[10, 10], [50, 50], [80, 20]]) data[y * width + x] = INK;
    const page = { width, height: width, data };
    expect(removeLoneSpecks(page, 300 / 72, { least: 4 })).toBe(0);
    expect(data.filter((v) => v === INK)).toHaveLength(3);
    expect(removeLoneSpecks(page, 300 / 72, { least: 3 })).toBe(3);
    expect(data.filter((v) => v === INK)).toHaveLength(0);
  });
});

describe('removeRuledLines with rule sizes past 255 pixels', () => {
  it('tells a rule from a bar by lengths of any size', () => {
    const width = 700;
    const height = 40;
    const data = new Uint8Array(width * height).fill(255);
    for (let x = 10; x < 330; x++) for (let y = 10; y < 12; y++) data[y * width + x] = 0; // 320 px: a rule
    for (let x = 400; x < 670; x++) for (let y = 10; y < 12; y++) data[y * width + x] = 0; // 270 px: shorter than one
    const cleaned = removeRuledLines({ width, height, data }, { minHorizontal: 300, minVertical: 300, maxThickness: 4 });
    expect(inkIn(cleaned, 0, 0, 350, 40)).toBe(0);
    expect(inkIn(cleaned, 390, 0, 700, 40)).toBe(270 * 2);
  });
});

/**
 * A scan of serif type, drawn by hand: ink (40) on paper (240), everything blurred by a 3×3 box as a scanner's optics
 * blur it. `marks` paints the ink at full strength before the blur.
 */
function blurredScan(width: number, height: number, marks: (ink: (x: number, y: number) => void) => void): GreyBitmap {
  const sharp = new Uint8Array(width * height).fill(240);
  marks((x, y) => {
    sharp[y * width + x] = 40;
  });
  const data = new Uint8Array(width * height).fill(240);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) sum += sharp[(y + dy) * width + x + dx]!;
      data[y * width + x] = Math.round(sum / 9);
    }
  }
  return { width, height, data };
}

describe('binarizeKeepingHairlines', () => {
  const s = 300 / 72; // a 300 dpi scan: hairlines are ridges two pixels across, at most 25 pixels long
  // a row of serif zeros: sides 5 pixels thick, top and foot one pixel (a hairline the blur greys out), and
  // beside them a thick stem with a short thin tick off it, an H's thin bar between two stems, and a faint rule
  const scan = blurredScan(400, 120, (ink) => {
    for (let k = 0; k < 6; k++) {
      const cx = 20 + k * 26;
      for (let y = 10; y <= 44; y++) {
        for (let x = cx - 11; x <= cx + 11; x++) {
          const outer = ((x - cx) / 10.5) ** 2 + ((y - 27) / 16.5) ** 2 <= 1;
          const hole = ((x - cx) / 5.5) ** 2 + ((y - 27) / 15.5) ** 2 < 1;
          if (outer && !hole) ink(x, y);
        }
      }
    }
    for (let y = 60; y < 100; y++) for (let x = 200; x < 206; x++) ink(x, y); // a stem
    for (let x = 206; x < 209; x++) ink(x, 80); // a tick three pixels long off its side
    for (let y = 60; y < 100; y++) for (let x = 240; x < 246; x++) ink(x, y); // an H: two stems
    for (let y = 60; y < 100; y++) for (let x = 258; x < 264; x++) ink(x, y);
    for (let x = 246; x < 258; x++) ink(x, 80); // its bar, one pixel thick
    for (let y = 100; y < 120; y++) for (let x = 284; x < 290; x++) ink(x, y); // a faint rule running off a stem
    for (let x = 290; x < 390; x++) ink(x, 110);
  });
  const threshold = otsuThreshold(scan);
  const plain = binarize(scan, threshold);
  const kept = binarizeKeepingHairlines(scan, threshold, s);
  const inkAt = (b: GreyBitmap, x: number, y: number) => b.data[y * b.width + x] === INK;
  const inkDown = (b: GreyBitmap, x: number, y0: number, y1: number) => Array.from({ length: y1 - y0 }, (_, i) => inkAt(b, x, y0 + i)).some(Boolean);

  it('closes the tops and feet of zeros that Otsu opens', () => {
    for (let k = 0; k < 6; k++) {
      const cx = 20 + k * 26;
      expect([inkDown(plain, cx, 8, 14), inkDown(plain, cx, 40, 47)]).toEqual([false, false]);
      expect([inkDown(kept, cx, 8, 14), inkDown(kept, cx, 40, 47)]).toEqual([true, true]);
    }
  });

  it('keeps a thin bar between stems, and adds no tick off a stem, no width to a stroke and no faint rule', () => {
    expect(inkDown(plain, 252, 78, 83)).toBe(false);
    expect(inkDown(kept, 252, 78, 83)).toBe(true);
    expect(inkDown(kept, 207, 78, 83)).toBe(false);
    for (let y = 60; y < 100; y += 7) for (let x = 195; x < 212; x++) if (x < 206 || y < 78 || y > 82) expect(inkAt(kept, x, y)).toBe(inkAt(plain, x, y));
    for (let x = 292; x < 388; x++) expect(inkDown(kept, x, 106, 115)).toBe(false);
  });

  it('is used by cleanPage unless hairlines are turned off (a photo)', () => {
    const scanned = cleanPage(scan, s).binary;
    const photo = cleanPage(scan, s, { hairlines: false }).binary;
    expect([inkDown(scanned, 20, 8, 14), inkDown(scanned, 20, 40, 47)]).toEqual([true, true]);
    expect([inkDown(photo, 20, 8, 14), inkDown(photo, 20, 40, 47)]).toEqual([false, false]);
  });
});

describe('transpose', () => {
  it('turns bytes about the diagonal, across tiles and a ragged last tile, and back', () => {
    const width = 131;
    const height = 70;
    const data = new Uint8Array(width * height);
    for (let i = 0; i < data.length; i++) data[i] = (i * 37 + (i >> 7)) & 255;
    const t = transpose(data, width, height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) expect(t[x * height + y]).toBe(data[y * width + x]);
    expect(transpose(t, height, width)).toEqual(data);
  });
});

describe('liftDarkBars', () => {
  /** A page at 100 dpi (1.39 px a point): a coloured heading bar with white text, and a bold black heading on paper. */
  function barPage(): { page: GreyBitmap; ink: (b: GreyBitmap, x0: number, y0: number, x1: number, y1: number) => number } {
    const canvas = createCanvas(850, 400);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 850, 400);
    ctx.fillStyle = '#5a3ad0';
    ctx.fillRect(50, 50, 700, 34);
    ctx.fillStyle = '#fff';
    ctx.font = 'bold 18px sans-serif';
    ctx.fillText('Type of Insurance    Policy #    Effective', 70, 74);
    ctx.fillStyle = '#000';
    ctx.font = 'bold 30px sans-serif';
    ctx.fillText('MEMORANDUM OF INSURANCE', 60, 200);
    const page = { width: 850, height: 400, data: rgbaToGrey(ctx.getImageData(0, 0, 850, 400).data, 850, 400) };
    const ink = (b: GreyBitmap, x0: number, y0: number, x1: number, y1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (b.data[y * b.width + x]! < 128) n++;
      return n / ((x1 - x0) * (y1 - y0));
    };
    return { page, ink };
  }

  it('turns a bar printed light on colour dark on light, and leaves bold black type alone', () => {
    const { page, ink } = barPage();
    const lifted = liftDarkBars(page, 100 / 72);
    // the bar was nearly all ink; its inside is now mostly paper, its white letters ink
    expect(ink(page, 60, 55, 740, 80)).toBeGreaterThan(0.6);
    expect(ink(lifted, 60, 55, 740, 80)).toBeLessThan(0.35);
    expect(ink(lifted, 60, 55, 740, 80)).toBeGreaterThan(0.03);
    // the bold heading is as it was
    expect(ink(lifted, 55, 170, 600, 210)).toBeCloseTo(ink(page, 55, 170, 600, 210), 5);
    // and nothing is left of the bar's edge, all round it: no stroke a bar tall at either end beside the heading
    expect(ink(lifted, 45, 45, 64, 89)).toBe(0);
    expect(ink(lifted, 736, 45, 755, 89)).toBe(0);
    expect(ink(lifted, 45, 45, 755, 53)).toBe(0);
    expect(ink(lifted, 45, 81, 755, 89)).toBe(0);
  });

  it('returns the page itself when it has no bar', () => {
    const page = formPage(0);
    expect(liftDarkBars(page, 150 / 72)).toBe(page);
  });
});

describe('removeDotLeaders', () => {
  it("clears a label's dot leader and keeps the text's periods, an ellipsis and its i's dots", () => {
    // 300 dpi: a point is 4.17 pixels
    const width = 1200;
    const height = 200;
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#000';
    ctx.font = '40px sans-serif';
    ctx.fillText('Insured', 20, 60);
    // the leader: dots 3 pixels square, 11 pixels apart
    for (let x = 200; x < 900; x += 11) ctx.fillRect(x, 55, 3, 3);
    ctx.fillText('Apex Co.', 920, 60);
    ctx.fillText('Wait... iiiiii minimum', 20, 150);
    const page = binarize({ width, height, data: rgbaToGrey(ctx.getImageData(0, 0, width, height).data, width, height) }, 128);
    const ink = (x0: number, x1: number, y0: number, y1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (page.data[y * width + x] === INK) n++;
      return n;
    };
    const before = { label: ink(0, 190, 0, 100), leader: ink(195, 905, 40, 70), value: ink(910, width, 0, 100), text: ink(0, width, 100, height) };
    expect(before.leader).toBeGreaterThan(100);
    removeDotLeaders(page, 300 / 72);
    expect({ label: ink(0, 190, 0, 100), leader: ink(195, 905, 40, 70), value: ink(910, width, 0, 100), text: ink(0, width, 100, height) }).toEqual({ ...before, leader: 0 });
  });
});

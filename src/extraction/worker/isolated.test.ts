import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { IsolatedReader } from './isolated.js';

// a minimal one-page PDF with no form fields: the engine reads it quickly and refuses it as 'unsupported'
function plainPdf(mediaBox = '0 0 612 792'): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', `<< /Type /Page /Parent 2 0 R /MediaBox [${mediaBox}] >>`];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('the isolated reader', () => {
  const reader = new IsolatedReader({ timeoutMs: 30_000 });
  afterAll(() => reader.close());

  it('reads in a worker, reports the engine’s own error codes, and reuses the worker', async () => {
    const garbage = await reader.read(Buffer.from('not a pdf at all'), 'x.pdf');
    expect(garbage).toEqual({ ok: false, code: 'unsupported', message: expect.stringMatching(/not a PDF/) });
    const truncated = await reader.read(plainPdf().subarray(0, 60), 'cut.pdf');
    expect(truncated.ok).toBe(false);
    expect(!truncated.ok && truncated.code).toBe('corrupt');
    const plain = await reader.read(plainPdf(), 'plain.pdf');
    expect(plain.ok ? 'ok' : plain.code).toMatch(/^(ok|unsupported)$/);
    expect(reader.workersStarted).toBe(1);
  }, 60_000);

  it('kills a read that passes its time limit, answers timeout, and replaces the worker', async () => {
    const spinner = new IsolatedReader({ script: new URL('./spin-worker.test-helper.mjs', import.meta.url), timeoutMs: 30_000 });
    try {
      const slow = await spinner.read(Buffer.from('x'), 'slow.pdf', { timeoutMs: 300 });
      expect(slow).toEqual({ ok: false, code: 'timeout', message: 'reading took longer than 300 ms' });
      const again = await spinner.read(Buffer.from('x'), 'slow.pdf', { timeoutMs: 2000 });
      expect(again).toEqual({ ok: false, code: 'timeout', message: 'reading took longer than 2 s' });
      expect(spinner.workersStarted).toBe(2);
    } finally {
      await spinner.close();
    }
  }, 60_000);

  it('answers timeout from the real engine with a tiny limit, then reads on in a new worker', async () => {
    const before = reader.workersStarted;
    await reader.read(plainPdf(), 'warm.pdf');
    const slow = await reader.read(plainPdf(), 'slow.pdf', { timeoutMs: 1 });
    expect(slow).toEqual({ ok: false, code: 'timeout', message: 'reading took longer than 1 ms' });
    const next = await reader.read(Buffer.from('still not a pdf'), 'y.pdf');
    expect(next.ok === false && next.code).toBe('unsupported');
    expect(reader.workersStarted).toBeGreaterThanOrEqual(before);
  }, 60_000);

  it('answers out_of_memory when the worker hits its heap limit, and starts a new worker after', async () => {
    const hog = new IsolatedReader({ script: new URL('./oom-worker.test-helper.mjs', import.meta.url), maxOldGenerationSizeMb: 32, timeoutMs: 30_000 });
    try {
      const first = await hog.read(Buffer.from('x'), 'x');
      expect(first).toEqual({ ok: false, code: 'out_of_memory', message: 'reading ran out of memory (the limit is 32 MB)' });
      const second = await hog.read(Buffer.from('x'), 'x');
      expect(second.ok === false && second.code).toBe('out_of_memory');
      expect(hog.workersStarted).toBe(2);
    } finally {
      await hog.close();
    }
  }, 60_000);

  it('renders a page as a PNG in the worker, and answers why when it cannot', async () => {
    const page = await reader.render(plainPdf(), 1, 612);
    expect(page.ok).toBe(true);
    if (!page.ok) return;
    expect(page.page).toMatchObject({ width: 612, height: 792, pages: 1 });
    expect(Buffer.from(page.page.png.subarray(1, 4)).toString('latin1')).toBe('PNG');
    expect(await reader.render(plainPdf(), 2, 612)).toEqual({ ok: false, code: 'no_such_page', message: 'there is no page 2; the file has 1 page' });
    expect(await reader.render(Buffer.from('not a pdf at all'), 1, 612)).toMatchObject({ ok: false, code: 'unsupported' });
    expect(await reader.render(plainPdf(), 1, 612, { timeoutMs: 1 })).toEqual({ ok: false, code: 'timeout', message: 'rendering took longer than 1 ms' });
    // the killed worker is replaced for the next request
    expect((await reader.render(plainPdf(), 1, 400)).ok).toBe(true);
    // a page a hundred times taller than wide is rendered narrower than asked, within the pixel cap (8 megapixels)
    const tall = await reader.render(plainPdf('0 0 100 10000'), 1, 2000);
    expect(tall.ok && [tall.page.width, tall.page.height]).toEqual([282, 28200]);
  }, 60_000);

  it('keeps the caller’s buffer intact', async () => {
    const bytes = Buffer.from(fs.readFileSync(new URL(import.meta.url)));
    const copy = Buffer.from(bytes);
    await reader.read(bytes, 'source.ts');
    expect(bytes.equals(copy)).toBe(true);
  }, 60_000);
});

import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zerosDeflate } from '../../../test/fixtures/bad-input.js';
import { inflateBounded, installBoundedInflate, MAX_INFLATED_STREAM_BYTES, withInflateBudget } from './inflate.js';

installBoundedInflate();

/** Reads a DecompressionStream the way pdfjs does: write, close, then iterate the readable. */
async function decompress(format: CompressionFormat, data: Uint8Array): Promise<Buffer> {
  const { readable, writable } = new DecompressionStream(format);
  const writer = writable.getWriter();
  await writer.ready;
  writer
    .write(new Uint8Array(data))
    .then(() => writer.close())
    .catch(() => {});
  const chunks: Uint8Array[] = [];
  for await (const chunk of readable as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('inflateBounded', () => {
  it('inflates up to the limit, gives null past it, and reads what a truncated stream holds', () => {
    const text = Buffer.from('q 1 0 0 1 0 0 cm BT (hello) Tj ET Q '.repeat(100));
    const z = zlib.deflateSync(text);
    expect(Buffer.from(inflateBounded(z, 1 << 20)!)).toEqual(text);
    expect(inflateBounded(z, text.length - 1)).toBeNull();
    expect(Buffer.from(inflateBounded(z.subarray(0, z.length - 10), 1 << 20)!).length).toBeGreaterThan(0);
    expect(() => inflateBounded(Buffer.from('not zlib data'), 1 << 20)).toThrow();
  });
});

describe('the bounded DecompressionStream', () => {
  it('is what the global DecompressionStream gives for deflate, and inflates like zlib', async () => {
    const text = Buffer.from('BT /F1 12 Tf (text) Tj ET\n'.repeat(500));
    expect(await decompress('deflate', zlib.deflateSync(text))).toEqual(text);
    // the readable can also be read through a reader, or handed to a Response as an async iterable
    const { readable, writable } = new DecompressionStream('deflate');
    const writer = writable.getWriter();
    void writer.write(zlib.deflateSync(text)).then(() => writer.close());
    const read = await new Response(readable).arrayBuffer();
    expect(Buffer.from(read)).toEqual(text);
    const again = new DecompressionStream('deflate');
    const w = again.writable.getWriter();
    await w.write(zlib.deflateSync(text));
    await w.close();
    await expect(w.write(new Uint8Array(1))).rejects.toThrow(/closed/);
    const reader = again.readable.getReader();
    const first = await reader.read();
    expect([first.done, Buffer.from(first.value!)]).toEqual([false, text]);
    expect((await reader.read()).done).toBe(true);
  });

  it('leaves other formats to Node', async () => {
    const text = Buffer.from('gzip is not ours');
    expect(await decompress('gzip', zlib.gzipSync(text))).toEqual(text);
  });

  it('gives an empty stream past the limit and records the overflow for the read', async () => {
    const { value, budget } = await withInflateBudget(() => decompress('deflate', zerosDeflate(MAX_INFLATED_STREAM_BYTES / 1024 / 1024 + 1)));
    expect(value.length).toBe(0);
    expect(budget.overflow).toMatch(/inflates to more than 64 MB/);
  });

  it('counts what each read inflates against its own budget', async () => {
    const [a, b] = await Promise.all([
      withInflateBudget(() => decompress('deflate', zerosDeflate(2))),
      withInflateBudget(() => decompress('deflate', zerosDeflate(3))),
    ]);
    expect(a.budget).toEqual({ inflated: 2 * 1024 * 1024, overflow: null });
    expect(b.budget).toEqual({ inflated: 3 * 1024 * 1024, overflow: null });
  });

  it('errors on malformed data, so that pdfjs falls back to its own inflater (bounded by the data that came before)', async () => {
    await expect(decompress('deflate', Buffer.from([0x78, 0x9c, 0xff, 0xff, 0xff, 0xff]))).rejects.toThrow();
  });
});

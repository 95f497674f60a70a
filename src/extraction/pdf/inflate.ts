// pdfjs inflates every FlateDecode stream through the global DecompressionStream. Node's implementation runs each
// stream through web-stream adapters and a thread-pool round trip, which costs more than the inflation itself on
// pages drawn from hundreds of small form XObjects (a flattened ACORD 25 has ~250), and it has no output limit: a
// few hundred KB of a PDF bomb inflate to gigabytes. This replacement inflates 'deflate' in one synchronous zlib
// call with a size limit and hands other formats to Node's own class.
//
// A stream over the limit becomes an empty stream rather than an error: on an error pdfjs retries with its own
// JavaScript inflater, which has no limit. The overflow is recorded for the read in progress (withInflateBudget),
// whose caller turns it into an ExtractionError.
import { AsyncLocalStorage } from 'node:async_hooks';
import zlib from 'node:zlib';
import { ExtractionError } from '../errors.js';

/** No one stream inflates to more than this (a 300 dpi RGB scan of a legal page is 32 MB). */
export const MAX_INFLATED_STREAM_BYTES = 64 * 1024 * 1024;
/** One read (a page's text, its marks) inflates at most this much in all. */
export const MAX_INFLATED_READ_BYTES = 256 * 1024 * 1024;

export type InflateBudget = { inflated: number; overflow: string | null };

const budgets = new AsyncLocalStorage<InflateBudget>();

/**
 * Runs `read` (pdfjs calls) with a budget of inflated bytes. pdfjs's work for a call runs in promise continuations
 * of the call, so the streams it inflates are counted against the budget of the read that asked for them.
 */
export async function withInflateBudget<T>(read: () => Promise<T>): Promise<{ value: T; budget: InflateBudget }> {
  const budget: InflateBudget = { inflated: 0, overflow: null };
  const value = await budgets.run(budget, read);
  return { value, budget };
}

/** The error for a read that passed the limits, or null. */
export function inflateLimitError(budget: InflateBudget): ExtractionError | null {
  return budget.overflow ? new ExtractionError('unsupported', `the PDF is refused: ${budget.overflow} (a decompression bomb)`) : null;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/**
 * Inflates zlib data (a FlateDecode stream) up to `limit` bytes; null when the output would pass the limit.
 * Truncated input gives what it holds (as pdfjs's own inflater does); malformed input throws.
 */
export function inflateBounded(data: Uint8Array, limit: number): Uint8Array | null {
  try {
    const out = zlib.inflateSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, limit) });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw err;
  }
}

const NativeDecompressionStream = globalThis.DecompressionStream;

type Writer = { ready: Promise<void>; closed: Promise<void>; write(chunk: Uint8Array): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void>; releaseLock(): void };
type Reader = { read(): Promise<{ done: boolean; value: Uint8Array | undefined }>; releaseLock(): void; cancel(): Promise<void> };

/**
 * A DecompressionStream for 'deflate' with the limits above; other formats go to Node's implementation. The output
 * is one chunk, ready when the input is closed. Its two sides are the parts of web streams pdfjs uses (a writer's
 * ready, write and close; the readable iterated, or read through a reader), not Node's web streams: building those
 * for each of a flattened page's ~250 small streams cost more than inflating them. (Iterating Node's readable, its
 * reader released at the end also built a TypeError whose stack trace, formatted under tsx's source maps, made Node
 * parse pdfjs's 8 MB of source maps into ~160 MB of heap kept for the life of the process.)
 */
class BoundedDecompressionStream {
  readonly readable!: { [Symbol.asyncIterator](): AsyncGenerator<Uint8Array>; getReader(): Reader };
  readonly writable!: { getWriter(): Writer };

  constructor(format: string) {
    if (format !== 'deflate') return new NativeDecompressionStream(format as CompressionFormat) as unknown as BoundedDecompressionStream;
    const budget = budgets.getStore();
    const chunks: Uint8Array[] = [];
    let settle!: { resolve: (data: Uint8Array | null) => void; reject: (err: unknown) => void };
    const result = new Promise<Uint8Array | null>((resolve, reject) => (settle = { resolve, reject }));
    result.catch(() => {}); // observed by whoever reads; an unread failure is not an unhandled rejection
    let open = true;
    const writer: Writer = {
      ready: Promise.resolve(),
      closed: result.then(() => undefined),
      write: async (chunk) => {
        if (!open) throw new TypeError('the stream is closed');
        chunks.push(chunk);
      },
      close: async () => {
        if (!open) throw new TypeError('the stream is closed');
        open = false;
        try {
          settle.resolve(inflateWithin(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), budget));
        } catch (err) {
          settle.reject(err);
          throw err;
        }
      },
      abort: async (reason) => {
        open = false;
        settle.reject(reason);
      },
      releaseLock: () => {},
    };
    writer.closed.catch(() => {});
    this.writable = { getWriter: () => writer };
    this.readable = {
      [Symbol.asyncIterator]: async function* () {
        const data = await result;
        if (data) yield data;
      },
      getReader: () => {
        let taken = false;
        return {
          read: async () => {
            const data = taken ? null : await result;
            taken = true;
            return data ? { done: false, value: data } : { done: true, value: undefined };
          },
          releaseLock: () => {},
          cancel: async () => {},
        };
      },
    };
  }
}

/** Inflates within the stream limit and what is left of the read's budget; null (and the overflow noted) past them. */
function inflateWithin(input: Uint8Array, budget: InflateBudget | undefined): Uint8Array | null {
  const left = budget ? Math.min(MAX_INFLATED_STREAM_BYTES, MAX_INFLATED_READ_BYTES - budget.inflated) : MAX_INFLATED_STREAM_BYTES;
  const data = left > 0 ? inflateBounded(input, left) : null;
  if (data && budget) budget.inflated += data.byteLength;
  if (!data && budget && !budget.overflow) {
    budget.overflow =
      left < MAX_INFLATED_STREAM_BYTES
        ? `its streams inflate to more than ${mb(MAX_INFLATED_READ_BYTES)} for one page`
        : `a stream of ${input.byteLength} bytes inflates to more than ${mb(MAX_INFLATED_STREAM_BYTES)}`;
  }
  return data;
}

let installed = false;

/**
 * Puts the bounded DecompressionStream in place of the global one pdfjs uses. Idempotent.
 *
 * Also releases one web-stream reader here and now: Node builds its 'Reader released' errors once per thread and
 * formats their stack trace then. pdfjs streams each page's text through a web stream, so that first release would
 * otherwise happen with pdfjs on the stack, and under tsx's source maps formatting it parses pdfjs's source maps
 * (40-160 MB of heap, kept for the life of the thread).
 */
export function installBoundedInflate(): void {
  if (installed) return;
  installed = true;
  const reader = new ReadableStream().getReader();
  reader.read().catch(() => {});
  reader.releaseLock();
  if (typeof NativeDecompressionStream === 'function') globalThis.DecompressionStream = BoundedDecompressionStream as unknown as typeof DecompressionStream;
}

// Reading a certificate file in a worker thread, so that no file can take the server down with it: the worker has a
// heap limit (resourceLimits) and each read a wall-clock limit. A read that passes either is killed with its worker
// and answered as 'timeout' or 'out_of_memory'; the next read starts a fresh worker. Starting one costs about 1.5 s
// (tsx and pdfjs load), so one worker serves consecutive reads, one at a time, and is let go after a while idle.
import { Worker } from 'node:worker_threads';
import type { Extraction } from '../../domain/certificate.js';
import type { ReadProvenance } from '../extract.js';
import type { ReaderErrorCode, ReaderReply, ReaderRequest, RenderedPage } from './protocol.js';

export type { ReaderErrorCode, RenderedPage } from './protocol.js';

export type IsolatedFailure = { ok: false; code: ReaderErrorCode; message: string };
export type IsolatedResult = { ok: true; extraction: Extraction; provenance: ReadProvenance } | IsolatedFailure;
export type IsolatedRender = { ok: true; page: RenderedPage } | IsolatedFailure;

export type IsolatedReaderOptions = {
  /** Heap limit of the worker (old generation), in MB. Default 512. */
  maxOldGenerationSizeMb?: number;
  /** Default wall-clock limit of one read, in ms. Default 60 000. */
  timeoutMs?: number;
  /** How long the worker may take to start, in ms. Default 30 000. */
  startTimeoutMs?: number;
  /** An idle worker is stopped after this many ms. Default 5 minutes. */
  idleMs?: number;
  /** The worker's entry module (tests substitute their own). Default: bootstrap.mjs beside this file. */
  script?: URL;
};

export const DEFAULT_READ_TIMEOUT_MS = 60_000;
/** A page render is one page at screen resolution: far less work than a reading with OCR. */
export const DEFAULT_RENDER_TIMEOUT_MS = 20_000;
const DEFAULT_HEAP_MB = 512;

type Live = { worker: Worker; ready: Promise<void>; dead: boolean; onExit: Set<(why: { code: ReaderErrorCode; message: string }) => void> };

export class IsolatedReader {
  private live: Live | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Workers started so far: a test can tell that a killed worker was replaced. */
  workersStarted = 0;

  constructor(private readonly options: IsolatedReaderOptions = {}) {}

  /** Reads one file; never throws for anything the file does. Reads run one after another. */
  read(bytes: Uint8Array, fileName: string, options: { timeoutMs?: number } = {}): Promise<IsolatedResult> {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
    return this.enqueue(() =>
      this.exchange<IsolatedResult>(bytes, (id, copy) => ({ id, bytes: copy, fileName }), timeoutMs, `reading took longer than ${formatMs(timeoutMs)}`, (reply) =>
        reply.type !== 'result' ? null : reply.ok ? { ok: true, extraction: reply.extraction, provenance: reply.provenance } : failed(reply),
      ),
    );
  }

  /**
   * Renders page `page` (1-based) of a file as a PNG about `width` pixels wide, turned `options.turned` quarter turns
   * clockwise; never throws for anything the file does.
   */
  render(bytes: Uint8Array, page: number, width: number, options: { timeoutMs?: number; turned?: 1 | 2 | 3 } = {}): Promise<IsolatedRender> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
    return this.enqueue(() =>
      this.exchange<IsolatedRender>(bytes, (id, copy) => ({ type: 'render', id, bytes: copy, page, width, ...(options.turned ? { turned: options.turned } : {}) }), timeoutMs, `rendering took longer than ${formatMs(timeoutMs)}`, (reply) =>
        reply.type === 'rendered' ? { ok: true, page: reply.page } : reply.type === 'result' && !reply.ok ? failed(reply) : null,
      ),
    );
  }

  /** Work for the worker runs one request at a time, in order. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => {});
    return run;
  }

  /** Stops the worker, if one runs. A later read starts another. */
  async close(): Promise<void> {
    this.clearIdle();
    const live = this.live;
    this.live = null;
    if (live && !live.dead) await live.worker.terminate();
  }

  /**
   * Sends one request (built around a transferable copy of `bytes`) and waits for the reply that `answerOf` accepts,
   * within `timeoutMs`; the worker's death or the time limit answer instead.
   */
  private async exchange<R extends IsolatedResult | IsolatedRender>(
    bytes: Uint8Array,
    request: (id: number, copy: Uint8Array) => ReaderRequest,
    timeoutMs: number,
    timeoutMessage: string,
    answerOf: (reply: ReaderReply) => R | null,
  ): Promise<R | IsolatedFailure> {
    this.clearIdle();
    try {
      const live = this.worker();
      // a read in progress keeps the process alive; an idle worker does not
      live.worker.ref();
      const started = await this.settle(live, live.ready.then(() => null), this.options.startTimeoutMs ?? 30_000, 'the reader did not start in time');
      if (started) return started;
      // a copy: the caller keeps its buffer, and the copy's memory moves to the worker instead of being cloned
      const copy = new Uint8Array(bytes.byteLength);
      copy.set(bytes);
      const id = this.nextId++;
      const answer = new Promise<R>((resolve) => {
        const onMessage = (reply: ReaderReply) => {
          if (reply.type === 'ready' || reply.id !== id) return;
          const answered = answerOf(reply);
          if (!answered) return;
          live.worker.off('message', onMessage);
          resolve(answered);
        };
        live.worker.on('message', onMessage);
      });
      const sent = performance.now();
      live.worker.postMessage(request(id, copy), [copy.buffer]);
      // an answer that waited while this thread was busy still came after the limit: the limit holds
      const timely = answer.then((r): R | IsolatedFailure => (performance.now() - sent > timeoutMs ? { ok: false, code: 'timeout', message: timeoutMessage } : r));
      return await this.settle(live, timely, timeoutMs, timeoutMessage);
    } finally {
      this.live?.worker.unref();
      this.armIdle();
    }
  }

  /** The promise's value, or the reason the worker died first, or 'timeout' (killing the worker) after `ms`. */
  private settle<T>(live: Live, promise: Promise<T>, ms: number, timeoutMessage: string): Promise<T | IsolatedFailure> {
    return new Promise((resolve) => {
      const onExit = (why: { code: ReaderErrorCode; message: string }) => finish({ ok: false, ...why });
      const timer = setTimeout(() => {
        finish({ ok: false, code: 'timeout', message: timeoutMessage });
        this.kill(live);
      }, ms);
      let done = false;
      function finish(value: T | IsolatedFailure) {
        if (done) return;
        done = true;
        clearTimeout(timer);
        live.onExit.delete(onExit);
        resolve(value);
      }
      live.onExit.add(onExit);
      promise.then(finish, (err: unknown) => finish({ ok: false, code: 'crashed', message: String((err as Error)?.message ?? err) }));
    });
  }

  private worker(): Live {
    if (this.live && !this.live.dead) return this.live;
    const heapMb = this.options.maxOldGenerationSizeMb ?? DEFAULT_HEAP_MB;
    const worker = new Worker(this.options.script ?? new URL('./bootstrap.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, heapMb / 8)) },
      // the worker must not inherit the parent's loader flags (vitest's, or a debugger's); it registers tsx itself
      execArgv: [],
      stdout: false,
      stderr: false,
    });
    this.workersStarted++;
    let failure: { code: ReaderErrorCode; message: string } | null = null;
    const live: Live = {
      worker,
      dead: false,
      onExit: new Set(),
      ready: new Promise<void>((resolve, reject) => {
        worker.on('message', (m: ReaderReply) => m.type === 'ready' && resolve());
        worker.once('exit', () => reject(new Error(failure?.message ?? 'the reader stopped before it started')));
      }),
    };
    live.ready.catch(() => {}); // observed through settle()
    worker.on('error', (err: Error & { code?: string }) => {
      failure =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { code: 'out_of_memory', message: `reading ran out of memory (the limit is ${heapMb} MB)` }
          : { code: 'crashed', message: `the reader crashed: ${err.message}` };
    });
    worker.once('exit', (exitCode) => {
      live.dead = true;
      if (this.live === live) this.live = null;
      const why = failure ?? { code: 'crashed' as const, message: `the reader stopped (exit code ${exitCode})` };
      for (const f of [...live.onExit]) f(why);
    });
    // an idle worker must not keep the process alive
    worker.unref();
    this.live = live;
    return live;
  }

  private kill(live: Live) {
    live.dead = true;
    if (this.live === live) this.live = null;
    void live.worker.terminate();
  }

  private armIdle() {
    this.clearIdle();
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs ?? 5 * 60_000);
    this.idleTimer.unref();
  }

  private clearIdle() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

const failed = (reply: { code: ReaderErrorCode; message: string }): IsolatedFailure => ({ ok: false, code: reply.code, message: reply.message });

const formatMs = (ms: number) => (ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

let shared: IsolatedReader | null = null;

/** The process's shared reader: one worker for every read of this process. */
export function sharedReader(): IsolatedReader {
  return (shared ??= new IsolatedReader());
}

let renderer: IsolatedReader | null = null;

/**
 * The process's page renderer: a worker of its own, so that showing a page does not wait behind a long reading (OCR),
 * with a smaller heap, let go sooner when idle.
 */
export function sharedRenderer(): IsolatedReader {
  return (renderer ??= new IsolatedReader({ maxOldGenerationSizeMb: 256, idleMs: 60_000 }));
}

/** Reads one certificate file in the shared worker, within a heap limit and `timeoutMs` (default 60 s). */
export function readCertificateIsolated(bytes: Uint8Array, fileName: string, options: { timeoutMs?: number } = {}): Promise<IsolatedResult> {
  return sharedReader().read(bytes, fileName, options);
}

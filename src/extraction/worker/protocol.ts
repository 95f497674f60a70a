// Messages between the isolated reader (isolated.ts) and its worker thread (worker.ts).
import type { Extraction } from '../../domain/certificate.js';
import type { ExtractionErrorCode } from '../errors.js';

/** Why a file gave no extraction: the engine's own codes, plus what isolation adds. */
export type ReaderErrorCode =
  | ExtractionErrorCode
  | 'timeout' // the wall-clock limit passed; the worker was killed
  | 'out_of_memory' // the worker hit its heap limit; it was killed
  | 'crashed' // the worker died or could not start
  | 'internal'; // the engine threw something other than an ExtractionError

export type ReaderRequest = { id: number; bytes: Uint8Array; fileName: string };

export type ReaderReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; extraction: Extraction }
  | { type: 'result'; id: number; ok: false; code: ReaderErrorCode; message: string };

// Messages between the isolated reader (isolated.ts) and its worker thread (worker.ts).
import type { Extraction } from '../../domain/certificate.js';
import type { ExtractionErrorCode } from '../errors.js';
import type { ReadProvenance } from '../extract.js';

/** Why a file gave no extraction: the engine's own codes, plus what isolation adds. */
export type ReaderErrorCode =
  | ExtractionErrorCode
  | 'timeout' // the wall-clock limit passed; the worker was killed
  | 'out_of_memory' // the worker hit its heap limit; it was killed
  | 'crashed' // the worker died or could not start
  | 'no_such_page' // a render asked for a page the file does not have
  | 'internal'; // the engine threw something other than an ExtractionError

/** Read a certificate file (`type` is optional: older callers send reads without it). */
export type ReadRequest = { type?: 'read'; id: number; bytes: Uint8Array; fileName: string };
// The bounds of a render, here so the server can check requests without loading the renderer
export const MIN_RENDER_WIDTH = 400;
export const MAX_RENDER_WIDTH = 2000;
/** Pages past this are not rendered: a certificate is one page, a package a handful. */
export const MAX_RENDER_PAGES = 50;
/** 2000 × 4000: a page so tall that the asked width passes this is rendered narrower instead. */
export const MAX_RENDER_PIXELS = 8_000_000;

/**
 * Render page `page` (1-based) of a file as a greyscale PNG `width` pixels wide, turned `turned` quarter turns
 * clockwise (a page its reading found scanned sideways or upside down, shown upright).
 */
export type RenderRequest = { type: 'render'; id: number; bytes: Uint8Array; page: number; width: number; turned?: 1 | 2 | 3 };
export type ReaderRequest = ReadRequest | RenderRequest;

/** A rendered page: the PNG, its pixel size, and how many pages the file has. */
export type RenderedPage = { png: Uint8Array; width: number; height: number; pages: number };

export type ReaderReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; extraction: Extraction; provenance: ReadProvenance }
  | { type: 'rendered'; id: number; ok: true; page: RenderedPage }
  | { type: 'result'; id: number; ok: false; code: ReaderErrorCode; message: string };

// A pass over the raw bytes of a PDF before pdfjs parses it, for the shapes of file that would make pdfjs use
// unbounded time, memory or stack: objects nested thousands deep (pdfjs's parser recurses per level), images that
// claim more pixels than any certificate scan has, and FlateDecode streams that inflate far beyond their size
// (decompression bombs). It reads only object syntax between streams and skips stream data by its length, so it costs
// a fraction of a millisecond per 100 KB; stream data is inflated only when its size makes a bomb possible.
// Streams of encrypted files and of object streams are not inflated here: inflate.ts bounds those as pdfjs reads them.
import { inflateBounded, MAX_INFLATED_STREAM_BYTES } from './inflate.js';

/** Arrays and dictionaries nested deeper than this are refused (real files stay under 20). */
export const MAX_NESTING = 200;
/** An image XObject declaring more pixels than this is refused (the OCR limit; a 600 dpi legal page is 43 MP). */
export const MAX_IMAGE_PIXELS = 60_000_000;
/** deflate's best ratio is about 1032:1; a smaller stream cannot pass MAX_INFLATED_STREAM_BYTES. */
const MAX_DEFLATE_RATIO = 1032;

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');

/** Why the PDF is refused before parsing, or null when nothing in it passes the limits. */
export function pdfLimitProblem(bytes: Uint8Array): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encrypted = buf.indexOf('/Encrypt') >= 0;
  let pos = 0;
  const depth = { value: 0 };
  while (pos < buf.length) {
    const at = buf.indexOf(STREAM, pos);
    const syntaxEnd = at < 0 ? buf.length : at;
    const nesting = nestingProblem(buf, pos, syntaxEnd, depth);
    if (nesting) return nesting;
    if (at < 0) break;
    pos = at + STREAM.length;
    // 'endstream', or 'stream' inside a name or string: not the start of stream data
    if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') continue;
    let dataStart = pos;
    if (buf[dataStart] === 0x0d) dataStart++;
    if (buf[dataStart] === 0x0a) dataStart++;
    if (dataStart === pos) continue;
    const dict = streamDict(buf, at);
    if (dict === null) continue;
    depth.value = 0;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    let dataEnd = length ? dataStart + Number(length[1]) : -1;
    // a /Length that does not land just before 'endstream' is wrong (or indirect): find the keyword instead
    const declaredEnd = dataEnd >= 0 && dataEnd <= buf.length ? buf.indexOf(ENDSTREAM, dataEnd) : -1;
    if (declaredEnd < 0 || declaredEnd - dataEnd > 16) {
      const end = buf.indexOf(ENDSTREAM, dataStart);
      dataEnd = end < 0 ? buf.length : end;
    }
    const problem = streamProblem(dict, buf.subarray(dataStart, dataEnd), encrypted);
    if (problem) return problem;
    pos = dataEnd;
  }
  return null;
}

/** The dictionary text before the `stream` keyword at `at`: from its object's `obj` keyword, at most 64 KB back. */
function streamDict(buf: Buffer, at: number): string | null {
  let end = at;
  while (end > 0 && WHITE.has(buf[end - 1]!)) end--;
  if (end < 2 || buf[end - 1] !== 0x3e || buf[end - 2] !== 0x3e) return null; // '>>'
  const obj = buf.lastIndexOf('obj', end);
  const start = obj < 0 || end - obj > 65536 ? Math.max(0, end - 65536) : obj + 3;
  return buf.toString('latin1', start, end);
}

function streamProblem(dict: string, data: Buffer, encrypted: boolean): string | null {
  if (/\/Subtype\s*\/Image\b/.test(dict)) {
    const w = /\/(?:Width|W)\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    const h = /\/(?:Height|H)\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    if (w && h && Number(w[1]) * Number(h[1]) > MAX_IMAGE_PIXELS) {
      const mp = ((Number(w[1]) * Number(h[1])) / 1e6).toFixed(0);
      return `an image in the PDF claims ${w[1]}×${h[1]} pixels (${mp} megapixels); the limit is ${MAX_IMAGE_PIXELS / 1e6} megapixels`;
    }
  }
  if (encrypted || data.length * MAX_DEFLATE_RATIO <= MAX_INFLATED_STREAM_BYTES) return null;
  if (!/\/Filter\s*(?:\[\s*)?\/(?:FlateDecode|Fl)\b/.test(dict)) return null;
  try {
    if (inflateBounded(data, MAX_INFLATED_STREAM_BYTES) === null) {
      return `a stream of ${data.length} bytes inflates to more than ${MAX_INFLATED_STREAM_BYTES / 1024 / 1024} MB (a decompression bomb)`;
    }
  } catch {
    // malformed data is pdfjs's to judge; its inflation is bounded as it reads
  }
  return null;
}

/**
 * The depth of `[` and `<<` in object syntax from `start` to `end`, carried across calls in `depth` (an object's
 * dictionary continues after a stream keyword that turned out not to start one); strings and comments are skipped. A problem when it passes MAX_NESTING.
 */
function nestingProblem(buf: Buffer, start: number, end: number, depth: { value: number }): string | null {
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c === 0x5b) depth.value++; // [
    else if (c === 0x5d) depth.value = Math.max(0, depth.value - 1); // ]
    else if (c === 0x3c) {
      // << opens a dictionary; < alone a hex string, skipped to its >
      if (buf[i + 1] === 0x3c) {
        depth.value++;
        i++;
      } else {
        const close = buf.indexOf(0x3e, i + 1);
        i = close < 0 || close > end ? end : close;
      }
    } else if (c === 0x3e && buf[i + 1] === 0x3e) {
      depth.value = Math.max(0, depth.value - 1);
      i++;
    } else if (c === 0x28) {
      // ( string ): balanced parentheses, backslash escapes
      let open = 1;
      for (i++; i < end && open > 0; i++) {
        if (buf[i] === 0x5c) i++;
        else if (buf[i] === 0x28) open++;
        else if (buf[i] === 0x29) open--;
      }
      i--;
    } else if (c === 0x25) {
      // % comment to the end of the line
      while (i < end && buf[i] !== 0x0a && buf[i] !== 0x0d) i++;
    } else if (c === 0x65 && buf[i + 5] === 0x6a && buf.toString('latin1', i, i + 6) === 'endobj') {
      depth.value = 0; // stray brackets of a damaged object do not add up across objects
    } else continue;
    if (depth.value > MAX_NESTING) return `objects in the PDF are nested more than ${MAX_NESTING} deep`;
  }
  return null;
}

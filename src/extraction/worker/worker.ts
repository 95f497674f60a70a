// The body of the reader's worker thread: per message, reads one file with readCertificate and answers with the
// extraction and where its values came from, or renders one page of a file as a PNG; or answers the reason it could
// not. Started by isolated.ts through bootstrap.mjs; never imported elsewhere.
import { parentPort } from 'node:worker_threads';
import { readCertificate } from '../extract.js';
import type { ReaderErrorCode, ReaderReply, ReaderRequest } from './protocol.js';
import { renderPage } from './render-page.js';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

port.on('message', async (request: ReaderRequest) => {
  let reply: ReaderReply;
  try {
    const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
    if (request.type === 'render') {
      const page = await renderPage(bytes, request.page, request.width, request.turned ?? 0);
      port.postMessage({ type: 'rendered', id: request.id, ok: true, page } satisfies ReaderReply, [page.png.buffer as ArrayBuffer]);
      return;
    }
    const { extraction, provenance } = await readCertificate(bytes, request.fileName);
    reply = { type: 'result', id: request.id, ok: true, extraction, provenance };
  } catch (err) {
    const e = err as { name?: string; code?: unknown; message?: unknown };
    // an ExtractionError (or a missing page) carries its code; anything else is a bug of the reader, reported as 'internal'
    const known = (e?.name === 'ExtractionError' || e?.name === 'NoSuchPageError') && typeof e.code === 'string';
    const code = known ? e.code : 'internal';
    reply = { type: 'result', id: request.id, ok: false, code: code as ReaderErrorCode, message: String(e?.message ?? err) };
  }
  port.postMessage(reply);
});

port.postMessage({ type: 'ready' } satisfies ReaderReply);

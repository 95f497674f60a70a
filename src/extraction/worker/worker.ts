// The body of the reader's worker thread: reads one file per message with extractCertificate and answers with the
// extraction or the reason there is none. Started by isolated.ts through bootstrap.mjs; never imported elsewhere.
import { parentPort } from 'node:worker_threads';
import { extractCertificate } from '../extract.js';
import type { ReaderErrorCode, ReaderReply, ReaderRequest } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

port.on('message', async (request: ReaderRequest) => {
  let reply: ReaderReply;
  try {
    const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
    const extraction = await extractCertificate(bytes, request.fileName);
    reply = { type: 'result', id: request.id, ok: true, extraction };
  } catch (err) {
    const e = err as { name?: string; code?: unknown; message?: unknown };
    // an ExtractionError carries its code; anything else is a bug of the reader, reported as 'internal'
    const code = e?.name === 'ExtractionError' && typeof e.code === 'string' ? e.code : 'internal';
    reply = { type: 'result', id: request.id, ok: false, code: code as ReaderErrorCode, message: String(e?.message ?? err) };
  }
  port.postMessage(reply);
});

port.postMessage({ type: 'ready' } satisfies ReaderReply);

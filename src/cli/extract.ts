// `coi extract FILE` prints one extraction as JSON; `coi extract --jsonl FILE…` prints one line per file,
// {"file": PATH, "result": {…}} or {"file": PATH, "error": REASON}, in the order given. A broken file never stops
// a batch. `--concurrency N` reads N files at a time.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ExtractionError, extractCertificate } from '../extraction/extract.js';
import type { Extraction } from '../domain/certificate.js';

export const extractUsage = `Usage: coi extract FILE
       coi extract --jsonl [--concurrency N] FILE...

Reads certificates of insurance and prints them in the extraction format (shared/contracts/coi-extraction.md).
  --jsonl            one JSON line per file: {"file": …, "result": {…}} or {"file": …, "error": "…"}
  --concurrency N    files read at a time (default 1)`;

export type ExtractIo = { out: (line: string) => void; err: (line: string) => void };

const defaultIo: ExtractIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

type Outcome = { file: string; result: Extraction } | { file: string; error: string };

/** Runs the command; returns the exit code (0 ok or any --jsonl batch, 1 single-file failure, 2 usage). */
export async function runExtract(args: string[], io: ExtractIo = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { jsonl: { type: 'boolean', default: false }, concurrency: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n\n${extractUsage}`);
    return 2;
  }
  const { values, positionals: files } = parsed;
  if (values.help) {
    io.out(extractUsage);
    return 0;
  }
  const concurrency = values.concurrency === undefined ? 1 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    io.err(`--concurrency must be a whole number of 1 or more, not "${values.concurrency}"`);
    return 2;
  }
  if (files.length === 0 || (!values.jsonl && files.length !== 1)) {
    io.err(files.length === 0 ? `No file given.\n\n${extractUsage}` : `Several files need --jsonl.\n\n${extractUsage}`);
    return 2;
  }

  if (!values.jsonl) {
    const outcome = await extractFile(files[0]);
    if ('error' in outcome) {
      io.err(`${files[0]}: ${outcome.error}`);
      return 1;
    }
    io.out(JSON.stringify(outcome.result, null, 2));
    return 0;
  }

  // print in the order given, each line as soon as it and every line before it are done
  const outcomes: (Outcome | undefined)[] = new Array(files.length);
  let printed = 0;
  let next = 0;
  const flush = () => {
    while (printed < files.length && outcomes[printed] !== undefined) io.out(JSON.stringify(outcomes[printed++]));
  };
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      outcomes[i] = await extractFile(files[i]);
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return 0;
}

/** One file's outcome; never throws, so one broken file cannot stop a batch. */
export async function extractFile(file: string): Promise<Outcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return { file, error: `cannot read the file: ${(err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err))}` };
  }
  try {
    return { file, result: await extractCertificate(bytes, file) };
  } catch (err) {
    if (err instanceof ExtractionError) return { file, error: `${err.code}: ${err.message}` };
    return { file, error: `internal error: ${err instanceof Error ? err.message : String(err)}` };
  }
}

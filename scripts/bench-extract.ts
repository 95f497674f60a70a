// Extraction benchmark: reads every document in DIR that has a NAME.expected.json beside it, scores the results with
// the shared scorer (../shared/tools/score-extraction.mjs, exactly as it is meant to be run) and prints speed and
// memory by variant: wall-clock ms per document and, at concurrency 1, CPU ms per document (all threads of the
// process), which stays meaningful on a machine busy with other work.
//
//   npx tsx scripts/bench-extract.ts DIR [--concurrency N] [--out DIR] [--show-errors N] [--no-warmup]
//
// Documents are read in this process, N at a time (async only: CPU-bound reading still shares one thread). Before
// timing, the first document is read once untimed, so one-off module set-up (pdfjs, fonts) is reported on its own
// rather than as the p95 of a small variant; --no-warmup times the cold start with everything else. A document the engine cannot read is written as
// {"error": "..."} so the scorer counts it as a document that gave no result; its reason is printed here too.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractCertificate } from '../src/extraction/extract.js';
import { terminateOcr } from '../src/extraction/ocr/index.js';

const SCORER = fileURLToPath(new URL('../../shared/tools/score-extraction.mjs', import.meta.url));

type Options = { dir: string; concurrency: number; out: string | null; showErrors: number; warmup: boolean };
type Document = { name: string; file: string | null; variant: string };
type Outcome = { doc: Document; ms: number; cpuMs: number; error: string | null };

function parseArgs(argv: string[]): Options {
  const options: Options = { dir: '', concurrency: 1, out: null, showErrors: 10, warmup: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--concurrency') options.concurrency = positive(arg, value());
    else if (arg === '--out') options.out = value();
    else if (arg === '--show-errors') options.showErrors = positive(arg, value(), 0);
    else if (arg === '--no-warmup') options.warmup = false;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else if (!options.dir) options.dir = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  if (!options.dir) throw new Error('DIR is required');
  return options;
}

function positive(flag: string, raw: string, min = 1): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be a whole number of at least ${min}, got ${raw}`);
  return n;
}

/** Every NAME.expected.json in `dir` with its document (NAME.<any other extension>), or null when there is none. */
async function listDocuments(dir: string): Promise<Document[]> {
  const entries = (await fs.readdir(dir)).sort();
  const docs: Document[] = [];
  for (const entry of entries) {
    if (!entry.endsWith('.expected.json')) continue;
    const name = entry.slice(0, -'.expected.json'.length);
    const file = entries.find((e) => e !== entry && !e.endsWith('.json') && e.slice(0, e.lastIndexOf('.')) === name) ?? null;
    let variant = 'all';
    try {
      const expected = JSON.parse(await fs.readFile(path.join(dir, entry), 'utf8')) as { variant?: unknown };
      if (typeof expected.variant === 'string') variant = expected.variant;
    } catch {
      // the scorer reports an unreadable expected file itself
    }
    docs.push({ name, file, variant });
  }
  return docs;
}

/** Peak resident memory, sampled on a timer and after each document. */
class RssSampler {
  peak = process.memoryUsage.rss();
  private readonly timer = setInterval(() => this.sample(), 25);
  sample() {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  }
  stop() {
    clearInterval(this.timer);
    this.sample();
  }
}

async function readOne(doc: Document, options: Options, outDir: string, rss: RssSampler): Promise<Outcome> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let error: string | null = null;
  let result: unknown;
  try {
    if (!doc.file) throw new Error('no document file beside the expected file');
    const bytes = await fs.readFile(path.join(options.dir, doc.file));
    result = await extractCertificate(bytes, doc.file);
  } catch (err) {
    const e = err as Error & { code?: unknown };
    error = `${typeof e.code === 'string' ? `${e.code}: ` : ''}${e.message ?? String(err)}`;
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  rss.sample();
  await fs.writeFile(path.join(outDir, `${doc.name}.json`), `${JSON.stringify(error === null ? result : { error }, null, 2)}\n`);
  return { doc, ms, cpuMs: (used.user + used.system) / 1000, error };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  // nearest rank: the value at or above the q-th fraction of the observations
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\nusage: npx tsx scripts/bench-extract.ts DIR [--concurrency N] [--out DIR] [--show-errors N] [--no-warmup]`);
    process.exit(2);
  }
  const docs = await listDocuments(options.dir);
  if (docs.length === 0) {
    console.error(`no *.expected.json in ${options.dir}`);
    process.exit(2);
  }
  const outDir = options.out ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'coi-bench-')));
  await fs.mkdir(outDir, { recursive: true });

  const rssAtStart = process.memoryUsage.rss();
  const rss = new RssSampler();
  const warmup = options.warmup ? await readOne(docs[0]!, options, outDir, rss) : null;
  const outcomes: Outcome[] = [];
  const queue = [...docs];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency, docs.length) }, async () => {
      for (let doc = queue.shift(); doc; doc = queue.shift()) {
        outcomes.push(await readOne(doc, options, outDir, rss));
      }
    }),
  );
  const wallMs = performance.now() - started;
  rss.stop();
  // the OCR worker thread would keep the process alive after the report
  await terminateOcr();

  console.log(`read ${docs.length} documents from ${options.dir} in ${(wallMs / 1000).toFixed(2)} s at concurrency ${options.concurrency}; outputs in ${outDir}\n`);

  const failed = outcomes.filter((o) => o.error !== null).sort((a, b) => a.doc.name.localeCompare(b.doc.name));
  if (failed.length > 0) {
    console.log(`errors (${failed.length}):`);
    for (const o of failed) console.log(`- ${o.doc.file ?? o.doc.name} [${o.doc.variant}]: ${o.error}`);
    console.log('');
  }

  console.log('accuracy (../shared/tools/score-extraction.mjs):');
  const scorerArgs = [SCORER, '--expected', options.dir, '--actual', outDir];
  if (options.showErrors > 0) scorerArgs.push('--show-errors', String(options.showErrors));
  const scored = spawnSync(process.execPath, scorerArgs, { stdio: 'inherit' });
  if (scored.status !== 0) console.error(`the scorer exited with ${scored.status ?? scored.signal}`);

  // CPU time (all threads of this process) tells the cost of a document apart from a busy machine's waiting; with
  // several documents in flight it cannot be split between them
  const withCpu = options.concurrency === 1;
  console.log('\nspeed by variant (ms per document, all documents including errors):');
  console.log(`variant              docs  errors   median      p95     mean   docs/s (1000/mean)${withCpu ? '   cpu median' : ''}`);
  const variants = [...new Set(outcomes.map((o) => o.doc.variant))].sort();
  for (const variant of variants) {
    const rows = outcomes.filter((o) => o.doc.variant === variant);
    const ms = rows.map((o) => o.ms).sort((a, b) => a - b);
    const mean = ms.reduce((s, x) => s + x, 0) / ms.length;
    const errors = rows.filter((o) => o.error !== null).length;
    const cpuMs = rows.map((o) => o.cpuMs).sort((a, b) => a - b);
    console.log(
      `${variant.padEnd(20)} ${String(rows.length).padStart(4)}  ${String(errors).padStart(6)}  ${quantile(ms, 0.5).toFixed(1).padStart(7)}  ${quantile(ms, 0.95).toFixed(1).padStart(7)}  ${mean.toFixed(1).padStart(7)}  ${(1000 / mean).toFixed(1).padStart(7)}${withCpu ? `  ${quantile(cpuMs, 0.5).toFixed(1).padStart(18)}` : ''}`,
    );
  }
  console.log('');
  if (warmup) console.log(`warm-up: ${warmup.doc.name} read once untimed first, in ${warmup.ms.toFixed(1)} ms (module set-up included)`);
  console.log(`throughput ${(docs.length / (wallMs / 1000)).toFixed(1)} documents/s (wall clock, concurrency ${options.concurrency})`);
  console.log(
    `peak RSS ${mb(rss.peak)} (sampled every 25 ms and after each document; ${mb(rssAtStart)} before the first document; OS high-water mark ${mb(process.resourceUsage().maxRSS * 1024)})`,
  );
  process.exitCode = scored.status === 0 ? 0 : 1;
}

await main();

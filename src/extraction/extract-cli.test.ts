// The `coi extract` command (src/cli/extract.ts): single file, --jsonl batches that survive broken files, --concurrency.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract } from '../cli/extract.js';

describe('coi extract', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coi-extract-cli-'));
  const broken = path.join(dir, 'broken.pdf');
  const flat = path.join(dir, 'flat.pdf');
  const missing = path.join(dir, 'missing.pdf');
  beforeAll(async () => {
    fs.writeFileSync(broken, '%PDF-1.7\nnot really');
    fs.writeFileSync(flat, await (await PDFDocument.create()).save());
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runExtract(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  };

  it('prints the reason on stderr and exits 1 for a single file that cannot be read', async () => {
    const r = await run([broken]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err[0]).toMatch(/broken\.pdf: corrupt: /);
  });

  it('prints one line per file, in order, and exits 0 for a batch with broken files', async () => {
    const r = await run(['--jsonl', '--concurrency', '2', broken, missing, flat]);
    expect(r.code).toBe(0);
    const lines = r.out.map((l) => JSON.parse(l) as { file: string; error?: string });
    expect(lines.map((l) => l.file)).toEqual([broken, missing, flat]);
    expect(lines[0].error).toMatch(/^corrupt: /);
    expect(lines[1].error).toBe('cannot read the file: ENOENT');
    expect(lines[2].error).toMatch(/^(empty|unsupported): /);
  });

  it('rejects bad usage with exit code 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([flat, broken])).code).toBe(2);
    expect((await run(['--jsonl', '--concurrency', '0', flat])).code).toBe(2);
  });
});

const FORM = path.resolve(__dirname, '../../../shared/corpus/forms/acord25-2016-03-xfa-hybrid-encrypted.pdf');
describe.skipIf(!fs.existsSync(FORM))(`coi extract on a form${fs.existsSync(FORM) ? '' : ' (skipped: ../shared/corpus/forms is not present)'}`, () => {
  it('prints one extraction as JSON', async () => {
    const out: string[] = [];
    const code = await runExtract([FORM], { out: (l) => out.push(l), err: () => {} });
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ schemaVersion: 1, form: { type: 'ACORD 25' }, policies: [] });
  });
});

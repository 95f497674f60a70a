import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createCanvas } from '@napi-rs/canvas';
import { PSM } from 'tesseract.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { carrierDesignCertificate } from '../../../test/fixtures/carrier-designs.js';
import { photoJpeg } from '../../../test/fixtures/scan.js';
import { documentSeed, generateCertificate } from '../../../test/fixtures/values.js';
import { OCR_IDLE_MS, ocrWorkerRunning, recognizeBitmap, terminateOcr, toNetpbm, WORKER_OPTIONS } from './ocr.js';
import { rgbaToGrey } from './render.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../..', import.meta.url));

// Loaded with --require into the main thread and, as Node does for preloads, into tesseract's worker thread too.
const NETWORK_BLOCK = `
const net = require('node:net');
const tls = require('node:tls');
const fail = () => { throw new Error('OCR tried to use the network'); };
net.Socket.prototype.connect = fail;
tls.connect = fail;
globalThis.fetch = async () => fail();
`;

const OCR_SCRIPT = `
import { readFileSync } from 'node:fs';
const { ocrImage, terminateOcr } = await import(process.env.OCR_MODULE);
const pages = await ocrImage(readFileSync(process.env.OCR_IMAGE));
await terminateOcr();
process.stdout.write('\\nRESULT ' + JSON.stringify(pages) + '\\n');
`;

async function syntheticPng(): Promise<Buffer> {
  const canvas = createCanvas(1275, 1650);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 1275, 1650);
  ctx.fillStyle = '#000';
  ctx.font = 'bold 40px sans-serif';
  ctx.fillText('CERTIFICATE HOLDER', 100, 200);
  ctx.font = '32px sans-serif';
  ctx.fillText('Policy number CGL 4601985', 100, 400);
  return canvas.encodeSync('png');
}

describe('OCR runs from local files only', () => {
  it('points tesseract at the model and worker in node_modules and never caches to disk', () => {
    expect(path.isAbsolute(WORKER_OPTIONS.langPath)).toBe(true);
    expect(WORKER_OPTIONS.langPath.startsWith(path.join(repo, 'node_modules'))).toBe(true);
    expect(readdirSync(WORKER_OPTIONS.langPath)).toContain('eng.traineddata.gz');
    expect(WORKER_OPTIONS.gzip).toBe(true);
    expect(WORKER_OPTIONS.cacheMethod).toBe('none');
    expect(existsSync(WORKER_OPTIONS.workerPath)).toBe(true);
  });

  it('recognizes text with every network connection refused, in the main and the worker thread', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'coi-ocr-offline-'));
    try {
      await fs.writeFile(path.join(dir, 'block.cjs'), NETWORK_BLOCK);
      await fs.writeFile(path.join(dir, 'page.png'), await syntheticPng());
      await fs.writeFile(path.join(dir, 'ocr.mjs'), OCR_SCRIPT);
      const { stdout } = await run(
        process.execPath,
        ['--require', path.join(dir, 'block.cjs'), '--import', 'tsx', path.join(dir, 'ocr.mjs')],
        {
          cwd: repo,
          env: { ...process.env, OCR_MODULE: pathToFileURL(path.join(repo, 'src/extraction/ocr/index.ts')).href, OCR_IMAGE: path.join(dir, 'page.png'), HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' },
          timeout: 60_000,
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      expect(line).toBeDefined();
      const [page] = JSON.parse(line!.slice('RESULT '.length)) as { source: string; width: number; words: { text: string; x: number; y: number }[] }[];
      expect(page.source).toBe('ocr');
      expect(page.width).toBe(612);
      const text = page.words.map((w) => w.text).join(' ');
      expect(text).toContain('CERTIFICATE HOLDER');
      expect(text).toContain('4601985');
      // 100 px of a 1275 px wide image is 48 pt of a 612 pt page; 200 px down (baseline) is ~96 pt
      const certificate = page.words.find((w) => w.text === 'CERTIFICATE')!;
      expect(certificate.x).toBeGreaterThan(40);
      expect(certificate.x).toBeLessThan(56);
      expect(certificate.y).toBeGreaterThan(70);
      expect(certificate.y).toBeLessThan(96);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the shared OCR worker', () => {
  afterEach(async () => {
    vi.useRealTimers();
    await terminateOcr();
  });

  it('stays up between jobs and is stopped once it has been idle for OCR_IDLE_MS', async () => {
    // only the idle timer is faked: tesseract.js and its thread use no timers
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const canvas = createCanvas(400, 80);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 400, 80);
    ctx.fillStyle = '#000';
    ctx.font = 'bold 36px sans-serif';
    ctx.fillText('INSURED', 20, 55);
    const bitmap = { width: 400, height: 80, data: rgbaToGrey(ctx.getImageData(0, 0, 400, 80).data, 400, 80) };
    const words = await recognizeBitmap(bitmap);
    expect(words.map((w) => w.text)).toContain('INSURED');
    vi.advanceTimersByTime(OCR_IDLE_MS - 1);
    expect(ocrWorkerRunning()).toBe(true);
    // a second job restarts the count
    await recognizeBitmap(bitmap);
    vi.advanceTimersByTime(OCR_IDLE_MS - 1);
    expect(ocrWorkerRunning()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(ocrWorkerRunning()).toBe(false);
  }, 60_000);

  it('answers a bitmap without ink with no words, without handing it to tesseract (which prints to stdout on one)', async () => {
    const blank = { width: 60, height: 40, data: new Uint8Array(2400).fill(230) };
    expect(await recognizeBitmap(blank, { psm: PSM.SINGLE_CHAR, whitelist: 'YNX' })).toEqual([]);
    expect(ocrWorkerRunning()).toBe(false);
  });
});

describe("tesseract's own messages", () => {
  it("stay out of the CLI's output: a photo tesseract finds diacritics on ('Detected 121 diacritics') prints one JSON result and nothing else", async () => {
    const fixture = generateCertificate(documentSeed(4711, 8));
    const { pdf } = await carrierDesignCertificate(fixture.seed, 'insurers-grid', 'carrier-0009-insurers-grid-photo');
    const { bytes } = await photoJpeg(pdf, fixture.seed);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'coi-ocr-quiet-'));
    try {
      const file = path.join(dir, 'photo.jpg');
      await fs.writeFile(file, bytes);
      const { stdout, stderr } = await run(process.execPath, [path.join(repo, 'bin', 'coi.js'), 'extract', file], { cwd: repo, maxBuffer: 16 * 1024 * 1024 });
      expect(stderr).toBe('');
      expect(JSON.parse(stdout).source.method).toBe('ocr');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('toNetpbm', () => {
  const header = (file: Uint8Array) => Buffer.from(file.subarray(0, 12)).toString('latin1');

  it('writes a black-and-white bitmap as a 1-bit PBM, ink as 1, each row padded to whole bytes', () => {
    // 10 × 2: row 0 ink at x 0 and 9, row 1 ink at x 7 and 8
    const data = new Uint8Array(20).fill(255);
    data[0] = 0;
    data[9] = 0;
    data[17] = 0;
    data[18] = 0;
    const file = toNetpbm({ width: 10, height: 2, data });
    expect(header(file).startsWith('P4\n10 2\n')).toBe(true);
    expect([...file.subarray('P4\n10 2\n'.length)]).toEqual([0b10000000, 0b01000000, 0b00000001, 0b10000000]);
  });

  it('keeps a bitmap with grey in it as a PGM, for tesseract to threshold', () => {
    const data = new Uint8Array([0, 255, 128, 255]);
    const file = toNetpbm({ width: 2, height: 2, data });
    expect(header(file).startsWith('P5\n2 2\n255\n')).toBe(true);
    expect([...file.subarray(file.length - 4)]).toEqual([0, 255, 128, 255]);
  });
});

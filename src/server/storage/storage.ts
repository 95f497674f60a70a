// Blob storage keyed by content hash. The disk store is the default; an S3-compatible store can implement the
// same interface (scale-out issue). Writes are atomic: a blob is either complete or absent.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface BlobStore {
  /** Stores the bytes and resolves once they are durable; returns the sha256 key. */
  put(bytes: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer>;
  stream(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
}

export class DiskBlobStore implements BlobStore {
  constructor(private readonly root: string) {
    fs.mkdirSync(path.join(root, 'tmp'), { recursive: true });
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`invalid blob key ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Buffer): Promise<string> {
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha);
    if (await this.exists(sha)) return sha;
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const tmp = path.join(this.root, 'tmp', `${sha}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`);
    const handle = await fs.promises.open(tmp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, target);
    return sha;
  }

  async get(sha256: string): Promise<Buffer> {
    return fs.promises.readFile(this.pathOf(sha256));
  }

  async stream(sha256: string): Promise<Readable> {
    const p = this.pathOf(sha256);
    await fs.promises.access(p);
    return fs.createReadStream(p);
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await fs.promises.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}

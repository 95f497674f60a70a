// Pages of a certificate's file as PNG images for the review screen, and where the reading found each value.
// Rendering runs in the isolated renderer (src/extraction/worker), so a hostile file meets a heap limit, a time limit,
// a page-count check and a pixel cap. Rendered pages are cached under DATA_DIR/cache/pages by the file's sha256, the
// page and the width: a stored file never changes under its hash, and the cache may be deleted at any time.
import fs from 'node:fs/promises';
import path from 'node:path';
import { sharedRenderer, type IsolatedRender } from '../../../extraction/worker/isolated.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';

export type RenderPage = (bytes: Uint8Array, page: number, width: number, turned?: 1 | 2 | 3) => Promise<IsolatedRender>;

export type PageImage = { png: Buffer; pages: number };

/**
 * Page `page` of the stored file `sha256`, `width` pixels wide, turned `turned` quarter turns clockwise (as its reading
 * turned it upright): from the cache, else rendered (and cached).
 */
export async function pageImage(
  ctx: AppContext,
  sha256: string,
  page: number,
  width: number,
  turned?: 1 | 2 | 3,
  render: RenderPage = (b, p, w, t) => sharedRenderer().render(b, p, w, t ? { turned: t } : {}),
): Promise<PageImage> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('internal', 'The stored file has a malformed hash');
  const dir = path.join(ctx.config.dataDir, 'cache', 'pages', sha256);
  const name = `${page}-${width}${turned ? `-t${turned}` : ''}.png`;
  const file = path.join(dir, name);
  const cached = await Promise.all([fs.readFile(file), fs.readFile(path.join(dir, 'pages'), 'utf8')]).catch(() => null);
  const cachedPages = cached ? Number(cached[1]) : NaN;
  if (cached && Number.isInteger(cachedPages) && cachedPages > 0) return { png: cached[0], pages: cachedPages };

  const bytes = await ctx.store.get(sha256).catch(() => null);
  // a row without its bytes is a broken store, not a missing resource (as when the file itself is asked for)
  if (!bytes) throw new AppError('internal', 'The bytes of this file are missing from storage');
  const result = await render(bytes, page, width, turned);
  if (!result.ok) {
    if (result.code === 'no_such_page') throw new AppError('not_found', `Page not found: ${result.message}`, { reason: result.code });
    throw new AppError('conflict', `The file's pages cannot be shown: ${result.message}`, { reason: result.code });
  }
  const png = Buffer.from(result.page.png);
  // the width actually rendered may be narrower (a very tall page): cache under the asked one, which is what is looked up
  await writeAtomic(dir, name, png).catch(() => {});
  await writeAtomic(dir, 'pages', String(result.page.pages)).catch(() => {});
  return { png, pages: result.page.pages };
}

/** A cache entry is written whole or not at all: to a temporary name, then renamed. */
async function writeAtomic(dir: string, name: string, content: Buffer | string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${name}.${process.pid}.${Math.random().toString(36).slice(2)}`);
  await fs.writeFile(tmp, content);
  await fs.rename(tmp, path.join(dir, name)).catch(async (err: unknown) => {
    await fs.rm(tmp, { force: true });
    throw err;
  });
}

// Where a carrier certificate's values were printed, for the review screen. The generic reader works on text, so
// its values are looked up afterwards among the page's positioned words: names and policy numbers by their folded
// text, dates and limits by what they normalize to. A policy's dates and limits are taken nearest to where its
// policy number was found, so the same $1,000,000 on two rows goes to the right one. A value not found has no box.
import type { Extraction } from '../../domain/certificate.js';
import type { Box, PageWords, Word } from '../layout/words.js';
import { normalizeDate, normalizeLimit } from '../normalize.js';
import { boxOf } from '../text/lines.js';

type Run = { page: number; words: Word[]; text: string; folded: string; date?: string | null; limit?: number | null };
const fold = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]+/g, '');
const MAX_RUN = 12;

/** Runs of up to MAX_RUN consecutive words on one line, in reading order, on every page. */
function runsOf(pages: readonly PageWords[]): Run[][] {
  const starts: Run[][] = [];
  for (const p of pages) {
    const words = [...p.words].sort((a, b) => a.y - b.y || a.x - b.x);
    // lines: words whose middles are within half a word height of the line's first word
    const lines: Word[][] = [];
    for (const w of words) {
      const line = lines.find((l) => Math.abs(l[0]!.y + l[0]!.height / 2 - (w.y + w.height / 2)) < Math.max(l[0]!.height, w.height) / 2);
      if (line) line.push(w);
      else lines.push([w]);
    }
    for (const line of lines) {
      line.sort((a, b) => a.x - b.x);
      for (let i = 0; i < line.length; i++) {
        const from: Run[] = [];
        for (let n = 1; n <= MAX_RUN && i + n <= line.length; n++) {
          const run = line.slice(i, i + n);
          const text = run.map((w) => w.text).join(' ');
          from.push({ page: p.page, words: run, text, folded: fold(text) });
        }
        starts.push(from);
      }
    }
  }
  return starts;
}

const centre = (b: Box) => ({ page: b.page, x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** JSON pointer → box for the values of a text-read extraction. */
export function locateValues(extraction: Extraction, pages: readonly PageWords[]): Record<string, Box> {
  const starts = runsOf(pages);
  const boxes: Record<string, Box> = {};
  /** Every run whose words match, shortest first at each start. */
  const find = (match: (run: Run) => boolean): Box[] => {
    const out: Box[] = [];
    for (const from of starts) {
      const hit = from.find(match);
      if (hit) out.push(boxOf(hit.page, hit.words));
    }
    return out;
  };
  const byText = (value: string) => {
    const target = fold(value);
    return target.length < 2 ? [] : find((r) => r.folded === target);
  };
  // dates and amounts are printed in one to three words; each run is normalized once, when first asked
  const dateOf = (r: Run) => (r.words.length > 3 ? null : r.date === undefined ? (r.date = normalizeDate(r.text)) : r.date);
  const limitOf = (r: Run) => (r.words.length > 3 || !/\d/.test(r.words.at(-1)!.text) ? null : r.limit === undefined ? (r.limit = normalizeLimit(r.text)) : r.limit);
  const nearest = (found: Box[], anchor: Box | undefined) => {
    if (!anchor || found.length <= 1) return found[0];
    const a = centre(anchor);
    // the same page, then the closest line, and a row to the right of or below the anchor before one above it
    const cost = (b: Box) => {
      const c = centre(b);
      return (c.page === a.page ? 0 : 1e6) + Math.abs(c.y - a.y) * 3 + Math.abs(c.x - a.x) * 0.2 + (c.y < a.y - anchor.height ? 200 : 0);
    };
    return [...found].sort((x, y) => cost(x) - cost(y))[0];
  };
  const put = (pointer: string, box: Box | undefined) => {
    if (box) boxes[pointer] = box;
  };

  for (const [pointer, name] of [
    ['/insured/name', extraction.insured.name],
    ['/producer/name', extraction.producer.name],
    ['/certificateHolder/name', extraction.certificateHolder.name],
  ] as const) {
    if (name) put(pointer, byText(name)[0]);
  }
  if (extraction.certificateDate) put('/certificateDate', find((r) => dateOf(r) === extraction.certificateDate)[0]);
  extraction.insurers.forEach((insurer, i) => {
    const at = byText(insurer.name)[0];
    put(`/insurers/${i}/name`, at);
    if (insurer.naic) put(`/insurers/${i}/naic`, nearest(byText(insurer.naic), at));
  });
  extraction.policies.forEach((policy, i) => {
    const anchor = policy.policyNumber ? byText(policy.policyNumber)[0] : undefined;
    put(`/policies/${i}/policyNumber`, anchor);
    for (const key of ['effectiveDate', 'expirationDate'] as const) {
      const value = policy[key];
      if (value) put(`/policies/${i}/${key}`, nearest(find((r) => dateOf(r) === value), anchor));
    }
    for (const [key, amount] of Object.entries(policy.limits)) {
      put(`/policies/${i}/limits/${key}`, nearest(find((r) => limitOf(r) === amount), anchor));
    }
  });
  return boxes;
}

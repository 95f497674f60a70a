// Where each value of a read certificate came from, by form path: the reader gives a confidence per value as a JSON
// pointer into the extraction format (/policies/0/policyNumber), the box it was read from under the same pointer, and
// the server names the values its warnings are about; the form names the same value policies.0.policyNumber.
import type { CertificateDetail, SourceBox } from '../../api/types';

export const LOW_CONFIDENCE = 0.9;

// extraction pointer prefixes → form paths; the rest keeps its shape (/policies/0/limits/x → policies.0.limits.x)
const renames: [RegExp, string][] = [
  [/^form\.type$/, 'formType'],
  [/^form\.edition$/, 'formEdition'],
  [/^insured\.name$/, 'insuredName'],
  [/^insured\.address(\..*)?$/, 'insuredAddress'],
  [/^certificateHolder\.name$/, 'holderName'],
  [/^certificateHolder\.address(\..*)?$/, 'holderAddress'],
  [/^producer\.address(\..*)?$/, 'producerAddress'],
  [/^producer\.(name|contactName|phone|fax|email)$/, 'producer$1'],
];

/** The form path of an extraction JSON pointer, e.g. /producer/name → producerName. */
export function formPathOf(pointer: string): string {
  const path = pointer
    .replace(/^\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
  for (const [pattern, replacement] of renames) {
    if (pattern.test(path)) return path.replace(pattern, (_m, g1?: string) => replacement.replace('$1', g1 ? g1.charAt(0).toUpperCase() + g1.slice(1) : ''));
  }
  return path;
}

/** Form path → the lowest confidence read for it, for the values under LOW_CONFIDENCE. */
export function lowConfidenceFields(confidence: Record<string, number>): Map<string, number> {
  const low = new Map<string, number>();
  for (const [pointer, value] of Object.entries(confidence)) {
    if (!(value < LOW_CONFIDENCE)) continue;
    const path = formPathOf(pointer);
    low.set(path, Math.min(value, low.get(path) ?? 1));
  }
  return low;
}

/** A box of one value: its pointer, its confidence (null when the reader gave none) and whether a warning names it. */
export type ValueBox = SourceBox & { pointer: string; path: string; confidence: number | null; flagged: boolean };

export type ReviewSources = {
  /** Form path → the lowest confidence read for it, for values under LOW_CONFIDENCE. */
  low: Map<string, number>;
  /** Form path → the warnings that name it. */
  flags: Map<string, string[]>;
  /** Form path → the boxes its values were read from (an address has one per line). */
  boxes: Map<string, ValueBox[]>;
  /** Page number → its size in points, for the pages the reading covered. */
  pages: Map<number, { width: number; height: number }>;
};

export function reviewSources(certificate: Pick<CertificateDetail, 'confidence' | 'flags' | 'provenance'>): ReviewSources {
  const confidence = certificate.confidence ?? {};
  const flags = new Map<string, string[]>();
  for (const [pointer, warnings] of Object.entries(certificate.flags ?? {})) {
    const path = formPathOf(pointer);
    flags.set(path, [...new Set([...(flags.get(path) ?? []), ...warnings])]);
  }
  const boxes = new Map<string, ValueBox[]>();
  const provenance = certificate.provenance;
  for (const [pointer, box] of Object.entries(provenance?.boxes ?? {})) {
    const path = formPathOf(pointer);
    const value: ValueBox = { ...box, pointer, path, confidence: confidence[pointer] ?? null, flagged: flags.has(path) };
    boxes.set(path, [...(boxes.get(path) ?? []), value]);
  }
  const pages = new Map((provenance?.pages ?? []).map((p) => [p.page, { width: p.width, height: p.height }]));
  return { low: lowConfidenceFields(confidence), flags, boxes, pages };
}

export const emptySources: ReviewSources = { low: new Map(), flags: new Map(), boxes: new Map(), pages: new Map() };

// Low-confidence values of a read certificate: the reader gives a confidence per value as a JSON pointer into the
// extraction format (/policies/0/policyNumber); the form names the same value policies.0.policyNumber. A value read
// with less than LOW_CONFIDENCE is highlighted in yellow, with a tooltip, for the reviewer to check against the file.
import { createContext, useContext, type ReactNode } from 'react';
import { Box, Tooltip } from '@mantine/core';

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

const LowConfidenceContext = createContext<Map<string, number>>(new Map());

export const LowConfidenceProvider = LowConfidenceContext.Provider;

/** The confidence of a form path when it is low, else undefined. */
export function useLowConfidence(path: string): number | undefined {
  return useContext(LowConfidenceContext).get(path);
}

/** Wraps one input: highlighted, with a tooltip, when its value was read with low confidence. */
export function Flag({ path, children }: { path: string; children: ReactNode }) {
  const confidence = useLowConfidence(path);
  if (confidence === undefined) return <>{children}</>;
  return (
    <Tooltip
      label={`Read from the file with ${Math.round(confidence * 100)}% confidence: check it against the file`}
      withArrow
      multiline
      w={260}
    >
      <Box
        data-low-confidence={path}
        p={4}
        m={-4}
        style={{ borderRadius: 'var(--mantine-radius-sm)', background: 'var(--mantine-color-yellow-light)', outline: '1px solid var(--mantine-color-yellow-5)' }}
      >
        {children}
      </Box>
    </Tooltip>
  );
}

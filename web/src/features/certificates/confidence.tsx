// One input of the review form and the value it holds on the file: focusing or hovering it points the page view at
// where the value was read; a value read with less than LOW_CONFIDENCE is highlighted in yellow, and one that a
// warning names in orange with a flag, each with a tooltip, for the reviewer to check against the file.
import type { CSSProperties, ReactNode } from 'react';
import { Box, ThemeIcon, Tooltip } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { usePointerStore, useReviewSources } from './review';

export { LOW_CONFIDENCE, formPathOf, lowConfidenceFields } from './sources';

/** Wraps one input (or group of inputs, such as an address) holding the value at form path `path`. */
export function Flag({ path, children, style }: { path: string; children: ReactNode; style?: CSSProperties }) {
  const sources = useReviewSources();
  const pointer = usePointerStore();
  const confidence = sources.low.get(path);
  const warnings = sources.flags.get(path);
  const events = pointer && {
    onFocusCapture: () => pointer.focus(path),
    onBlurCapture: () => pointer.focus(null),
    onMouseEnter: () => pointer.hover(path),
    onMouseLeave: () => pointer.hover(null),
  };
  if (confidence === undefined && !warnings) {
    return (
      <Box data-source-path={path} style={style} {...events}>
        {children}
      </Box>
    );
  }
  const color = warnings ? 'orange' : 'yellow';
  const label = [
    ...(warnings ?? []),
    confidence !== undefined ? `Read from the file with ${Math.round(confidence * 100)}% confidence: check it against the file` : 'Check it against the file',
  ];
  return (
    <Tooltip
      label={label.map((line) => (
        <div key={line}>{line}</div>
      ))}
      withArrow
      multiline
      w={280}
    >
      <Box
        data-source-path={path}
        data-low-confidence={confidence !== undefined ? path : undefined}
        data-flagged={warnings ? path : undefined}
        pos="relative"
        p={4}
        m={-4}
        style={{
          ...style,
          borderRadius: 'var(--mantine-radius-sm)',
          background: `var(--mantine-color-${color}-light)`,
          outline: `1px solid var(--mantine-color-${color}-5)`,
        }}
        {...events}
      >
        {children}
        {warnings && (
          <ThemeIcon size={16} radius="xl" color="orange" pos="absolute" top={4} right={4} aria-label={warnings.join('; ')} data-testid="field-flag">
            <IconFlag size={10} />
          </ThemeIcon>
        )}
      </Box>
    </Tooltip>
  );
}

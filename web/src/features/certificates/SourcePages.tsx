// The certificate's file as page images rendered by the server, with the box each value was read from drawn over the
// page: the value of the focused or hovered field, or, with "Show all boxes", every value coloured by its confidence
// (low ones yellow, ones a warning names orange). Boxes are placed in percent of the page's size in points, so they
// scale with the image. Clicking a box moves the focus to its field.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Alert, Box, Center, Group, Loader, Paper, Stack, Switch, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconFileAlert } from '@tabler/icons-react';
import { pageWidthFor, useCertificatePage } from '../../api/certificates';
import { errorMessage } from '../../api/client';
import { usePointerStore, useReviewSources } from './review';
import { LOW_CONFIDENCE, type ValueBox } from './sources';

/** Pages past this are left to the original file: a certificate is one page, a package a handful. */
const MAX_SHOWN_PAGES = 10;

export function SourcePages({ certificateId, fileName }: { certificateId: string; fileName: string }) {
  const sources = useReviewSources();
  const pointer = usePointerStore();
  const active = useSyncExternalStore(pointer?.subscribe ?? noSubscribe, pointer?.get ?? noValue);
  const [showAll, setShowAll] = useState(false);
  const { ref: sizeRef, width } = useElementSize();
  const scroller = useRef<HTMLDivElement>(null);
  const requestWidth = width > 0 ? pageWidthFor(width, window.devicePixelRatio || 1) : 0;
  const first = useCertificatePage(certificateId, 1, requestWidth);
  const pageCount = first.pages ?? 1;
  const shown = Math.min(pageCount, MAX_SHOWN_PAGES);
  const activeBoxes = active ? (sources.boxes.get(active) ?? []) : [];
  const hasBoxes = sources.boxes.size > 0;

  // bring the pointed-at value into view inside the page pane, without scrolling the form away
  useEffect(() => {
    const container = scroller.current;
    const target = container?.querySelector<HTMLElement>('[data-testid="source-box-active"]');
    if (!container || !target) return;
    const c = container.getBoundingClientRect();
    const t = target.getBoundingClientRect();
    if (t.top >= c.top && t.bottom <= c.bottom && t.left >= c.left && t.right <= c.right) return;
    container.scrollTo({ top: container.scrollTop + (t.top - c.top) - c.height / 3, behavior: 'smooth' });
  }, [active]);

  return (
    <Stack gap="xs">
      {hasBoxes && (
        <Group justify="space-between" gap="xs">
          <Switch size="sm" label="Show all boxes" checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} data-testid="show-all-boxes" />
          {showAll && <Legend />}
        </Group>
      )}
      <Box
        ref={scroller}
        mah={{ base: '70vh', md: 'calc(100vh - 160px)' }}
        style={{ overflowY: 'auto', overflowX: 'hidden', borderRadius: 'var(--mantine-radius-sm)' }}
        data-testid="source-pages"
      >
        <Stack gap="xs" ref={sizeRef}>
          {first.error ? (
            <Alert color="red" icon={<IconFileAlert size={18} />} title="Could not show the pages" data-testid="source-pages-error">
              {errorMessage(first.error)} Open or download the original file instead.
            </Alert>
          ) : (
            Array.from({ length: shown }, (_, i) => i + 1).map((n) => (
              <PageImage
                key={n}
                certificateId={certificateId}
                page={n}
                width={requestWidth}
                fileName={fileName}
                boxes={showAll ? allBoxesOn(sources.boxes, n) : []}
                activeBoxes={activeBoxes.filter((b) => b.page === n)}
                pageSize={sources.pages.get(n) ?? null}
              />
            ))
          )}
        </Stack>
      </Box>
      {pageCount > shown && (
        <Text size="xs" c="dimmed">
          Showing {shown} of {pageCount} pages; open the original file for the rest.
        </Text>
      )}
    </Stack>
  );
}

const noSubscribe = () => () => {};
const noValue = () => null;

function allBoxesOn(boxes: Map<string, ValueBox[]>, page: number): ValueBox[] {
  return [...boxes.values()].flat().filter((b) => b.page === page);
}

interface PageImageProps {
  certificateId: string;
  page: number;
  width: number;
  fileName: string;
  boxes: ValueBox[];
  activeBoxes: ValueBox[];
  pageSize: { width: number; height: number } | null;
}

function PageImage({ certificateId, page, width, fileName, boxes, activeBoxes, pageSize }: PageImageProps) {
  const image = useCertificatePage(certificateId, page, width);
  if (image.error) {
    return (
      <Text size="sm" c="red">
        Page {page}: {errorMessage(image.error)}
      </Text>
    );
  }
  if (!image.url) {
    return (
      <Paper withBorder>
        {/* a letter-shaped placeholder, so the layout does not jump when the page arrives */}
        <Center style={{ aspectRatio: '612 / 792' }}>
          <Loader aria-label={`Loading page ${page}`} />
        </Center>
      </Paper>
    );
  }
  return (
    <Paper withBorder pos="relative" style={{ overflow: 'hidden', lineHeight: 0 }}>
      <img src={image.url} alt={`Page ${page} of ${fileName}`} data-testid={`page-image-${page}`} style={{ width: '100%', display: 'block' }} />
      {pageSize &&
        boxes.map((box) => <SourceBoxMark key={box.pointer} box={box} pageSize={pageSize} active={false} />)}
      {pageSize && activeBoxes.map((box) => <SourceBoxMark key={`active-${box.pointer}`} box={box} pageSize={pageSize} active />)}
    </Paper>
  );
}

function colorOf(box: ValueBox): string {
  if (box.flagged) return 'orange';
  if (box.confidence !== null && box.confidence < LOW_CONFIDENCE) return 'yellow';
  return 'teal';
}

/** One value's box over the page. A little larger than the text it was read from, so the text stays readable. */
function SourceBoxMark({ box, pageSize, active }: { box: ValueBox; pageSize: { width: number; height: number }; active: boolean }) {
  const pad = 2; // points
  const color = active ? 'blue' : colorOf(box);
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;
  const confidence = box.confidence === null ? '' : ` · ${Math.round(box.confidence * 100)}% confidence`;
  const focusField = () => {
    // the field's first input: the box stands for it on the page
    const field = document.querySelector<HTMLElement>(`[data-source-path="${CSS.escape(box.path)}"]`);
    field?.querySelector<HTMLElement>('input, textarea, button, [tabindex]')?.focus();
    field?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  return (
    <Box
      component="button"
      type="button"
      title={`${box.path}${confidence}`}
      aria-label={`${box.path}${confidence}`}
      // the fields are what the keyboard moves through; a box is a shortcut for the mouse
      tabIndex={-1}
      data-testid={active ? 'source-box-active' : 'source-box'}
      data-pointer={box.pointer}
      onClick={focusField}
      pos="absolute"
      p={0}
      left={pct(box.x - pad, pageSize.width)}
      top={pct(box.y - pad, pageSize.height)}
      w={pct(box.width + 2 * pad, pageSize.width)}
      h={pct(box.height + 2 * pad, pageSize.height)}
      style={{
        cursor: 'pointer',
        border: `${active ? 2 : 1}px solid var(--mantine-color-${color}-${active ? 6 : 7})`,
        background: `color-mix(in srgb, var(--mantine-color-${color}-5) ${active ? 22 : 18}%, transparent)`,
        borderRadius: 2,
        boxShadow: active ? '0 0 0 3px color-mix(in srgb, var(--mantine-color-blue-5) 30%, transparent)' : undefined,
        zIndex: active ? 2 : 1,
      }}
    />
  );
}

function Legend() {
  const swatch = (color: string, label: string) => (
    <Group gap={4} wrap="nowrap">
      <Box w={12} h={12} style={{ border: `1px solid var(--mantine-color-${color}-7)`, background: `color-mix(in srgb, var(--mantine-color-${color}-5) 25%, transparent)` }} />
      <Text size="xs">{label}</Text>
    </Group>
  );
  return (
    <Group gap="sm">
      {swatch('teal', 'read')}
      {swatch('yellow', `under ${Math.round(LOW_CONFIDENCE * 100)}%`)}
      {swatch('orange', 'in a warning')}
    </Group>
  );
}

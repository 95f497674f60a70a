// Page controls for the API's limit/offset lists, plus the page state that feeds them.
import { useState } from 'react';
import { Group, Pagination, Text } from '@mantine/core';

export const DEFAULT_PAGE_SIZE = 50;

/** Page number state (1-based) that goes back to the first page whenever `resetKey` changes (new filters). */
export function usePage(resetKey: string, pageSize = DEFAULT_PAGE_SIZE) {
  // the page is remembered together with the filters it belongs to, so new filters never
  // fetch an out-of-range page first
  const [state, setState] = useState({ key: resetKey, page: 1 });
  const page = state.key === resetKey ? state.page : 1;
  const setPage = (next: number) => setState({ key: resetKey, page: next });
  return { page, setPage, limit: pageSize, offset: (page - 1) * pageSize };
}

interface ListPaginationProps {
  total: number;
  limit: number;
  page: number;
  onChange: (page: number) => void;
  noun?: string;
}

export function ListPagination({ total, limit, page, onChange, noun = 'rows' }: ListPaginationProps) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const first = total === 0 ? 0 : (page - 1) * limit + 1;
  const last = Math.min(total, page * limit);
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed">
        {total === 0 ? `No ${noun}` : `${first}–${last} of ${total} ${noun}`}
      </Text>
      {pages > 1 && (
        <Pagination total={pages} value={page} onChange={onChange} size="sm" aria-label={`${noun} pages`} />
      )}
    </Group>
  );
}

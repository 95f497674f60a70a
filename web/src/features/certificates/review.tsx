// Which value the person is pointing at on the review screen (a focused or hovered field), kept in a small store outside
// React state so that hovering re-renders the page view only, not the whole form; and the review sources (sources.ts)
// for the fields to read.
import { createContext, useContext } from 'react';
import { emptySources, type ReviewSources } from './sources';

/** The value being pointed at: a hovered field wins over the focused one, so moving the mouse explores. */
export type PointerStore = {
  focus(path: string | null): void;
  hover(path: string | null): void;
  get(): string | null;
  subscribe(listener: () => void): () => void;
};

export function createPointerStore(): PointerStore {
  let focused: string | null = null;
  let hovered: string | null = null;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());
  return {
    focus(path) {
      if (focused === path) return;
      focused = path;
      emit();
    },
    hover(path) {
      if (hovered === path) return;
      hovered = path;
      emit();
    },
    get: () => hovered ?? focused,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const SourcesContext = createContext<ReviewSources>(emptySources);
const PointerContext = createContext<PointerStore | null>(null);

export const ReviewSourcesProvider = SourcesContext.Provider;
export const PointerProvider = PointerContext.Provider;
export const useReviewSources = () => useContext(SourcesContext);
export const usePointerStore = () => useContext(PointerContext);

import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiError, asApiError } from './api/errors.ts';
import { useLoad } from './use-load.ts';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** How many items a list screen asks for at a time (the API allows up to 100). */
export const PAGE_SIZE = 50;

/** The query a page asks with: `PAGE_SIZE` items, from `cursor` when there is one. */
export const pageQuery = (cursor: string | undefined) => ({
  limit: PAGE_SIZE,
  ...(cursor ? { cursor } : {}),
});

/**
 * A list the API answers in keyed pages (`?cursor=`, `nextCursor`): the first page as `useLoad`
 * loads it (kept on the device for a lost network with `keep`), then `more()` appends the next
 * one, until the API has no `nextCursor`. A list longer than one page is never cut off.
 * `update` changes the items shown after a write answered with the changed item, without a reload.
 */
export function usePages<T>(loadPage: (cursor?: string) => Promise<Page<T>>, deps: unknown[], keep?: string) {
  const first = useLoad(() => loadPage(), deps, keep);
  // What is shown beyond the first page as loaded: the pages appended and the items changed.
  const [view, setView] = useState<Page<T>>();
  const [moreError, setMoreError] = useState<ApiError>();
  const [loadingMore, setLoadingMore] = useState(false);
  const firstPage = useRef(first.data);
  firstPage.current = first.data;
  useEffect(() => {
    setView(undefined);
    setMoreError(undefined);
  }, [first.data]);
  const shown = view ?? first.data;

  async function more() {
    const from = first.data;
    if (!shown?.nextCursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await loadPage(shown.nextCursor);
      // A page asked for before a reload belongs to the list as it was: it is dropped.
      if (firstPage.current === from) setView(appended(shown, page));
    } catch (caught) {
      setMoreError(asApiError(caught));
    }
    setLoadingMore(false);
  }

  return {
    items: shown?.items,
    /** The first page's error; once items are shown, a failed `more()` is `moreError`. */
    error: first.error,
    moreError,
    loading: first.loading,
    loadingMore,
    offlineSince: first.offlineSince,
    hasMore: shown?.nextCursor !== undefined,
    more,
    reload: first.reload,
    update: (change: (items: T[]) => T[]) => shown && setView({ ...shown, items: change(shown.items) }),
  };
}

export type PagedList<T> = ReturnType<typeof usePages<T>>;

/** The list so far with the next page after it, and where the page after that starts. */
export function appended<T>(shown: Page<T>, page: Page<T>): Page<T> {
  return {
    items: [...shown.items, ...page.items],
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}

/** The most items a picker pages through (`allPages`): 10 pages of 100. */
const PICKER_MAX_PAGES = 10;

/**
 * Every item of a small set a picker chooses from (an agency's officers), page after page, at
 * most `maxPages` pages of 100, where a set bigger than that is cut, so that no screen's requests
 * grow without bound with an agency's history. The same `{items}` a single page has.
 */
export async function allPages<T>(
  loadPage: (query: { limit: number; cursor?: string }) => Promise<Page<T>>,
  maxPages = PICKER_MAX_PAGES,
): Promise<{ items: T[] }> {
  let shown: Page<T> = { items: [] };
  for (let page = 0; page < maxPages; page += 1) {
    const cursor = shown.nextCursor;
    shown = appended(shown, await loadPage({ limit: 100, ...(cursor ? { cursor } : {}) }));
    if (!shown.nextCursor) break;
  }
  return { items: shown.items };
}

import { useEffect, useState } from 'preact/hooks';
import { type ApiError, asApiError } from './api/errors.ts';
import { useLoad } from './use-load.ts';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * A list the API answers in keyed pages (`?cursor=`, `nextCursor`): the first page as `useLoad`
 * loads it (kept for a lost network with `keep`), then `more()` appends the next one, until the
 * API has no `nextCursor`. A list longer than one page is never cut off.
 */
export function usePages<T>(loadPage: (cursor?: string) => Promise<Page<T>>, deps: unknown[], keep?: string) {
  const first = useLoad(() => loadPage(), deps, keep);
  const [later, setLater] = useState<{ items: T[]; nextCursor?: string }>();
  const [moreError, setMoreError] = useState<ApiError>();
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => {
    setLater(undefined);
    setMoreError(undefined);
  }, [first.data]);
  const nextCursor = later ? later.nextCursor : first.data?.nextCursor;

  async function more() {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await loadPage(nextCursor);
      setLater((previous) => ({
        items: [...(previous?.items ?? []), ...page.items],
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      }));
    } catch (caught) {
      setMoreError(asApiError(caught));
    }
    setLoadingMore(false);
  }

  return {
    items: first.data ? [...first.data.items, ...(later?.items ?? [])] : undefined,
    error: first.error ?? moreError,
    loading: first.loading,
    loadingMore,
    offlineSince: first.offlineSince,
    hasMore: nextCursor !== undefined,
    more,
    reload: first.reload,
  };
}

import type { ComponentChildren } from 'preact';
import { OfflineNotice } from '../offline/offline-notice.tsx';
import type { PagedList } from '../use-pages.ts';
import { ErrorNotice } from './error-notice.tsx';

/**
 * The one way a list screen says where its list stands, above the list: shown from the device on
 * a lost network, the first page's error, loading, or `empty` when there is nothing (a screen
 * that says so in its own sections gives none).
 */
export function ListStatus<T>({ list, empty }: { list: PagedList<T>; empty?: ComponentChildren }) {
  return (
    <>
      <OfflineNotice since={list.offlineSince} />
      <ErrorNotice error={list.items ? undefined : list.error} />
      {list.loading && !list.items && <p>正在加载……</p>}
      {empty !== undefined && list.items && list.items.length === 0 && <p>{empty}</p>}
    </>
  );
}

/**
 * Below a list: how many items are shown and, while the API has more, 加载更多 for the next page;
 * a page that fails to load says why here, with the items already shown kept. `noun` names what
 * is loaded where a screen has two lists (加载更多账号).
 */
export function MoreItems<T>({ list, noun = '' }: { list: PagedList<T>; noun?: string }) {
  if (!list.items || list.items.length === 0) return null;
  return (
    <div class="list-more">
      <ErrorNotice error={list.moreError} />
      <p class="meta" role="status">
        {list.hasMore ? `已显示 ${list.items.length} 条，还有更多` : `共 ${list.items.length} 条，已全部显示`}
      </p>
      {list.hasMore && (
        <p class="button-row">
          <button type="button" class="secondary" disabled={list.loadingMore} onClick={list.more}>
            {list.loadingMore ? '正在加载……' : `加载更多${noun}`}
          </button>
        </p>
      )}
    </div>
  );
}

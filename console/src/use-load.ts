import { useCallback, useEffect, useState } from 'preact/hooks';
import { cacheAnswer, cachedAnswer } from './api/answer-cache.ts';
import { type ApiError, asApiError } from './api/errors.ts';
import { keepAnswer, lastAnswer } from './offline/last-answers.ts';

export interface LoadState<T> {
  data?: T;
  /** The parameters `data` and `error` answer: a screen whose parameters change shows neither. */
  asked?: readonly unknown[];
  error?: ApiError;
  loading: boolean;
  /** Set when the network is lost and `data` is the last answer kept on the device: when it is from. */
  offlineSince?: string;
}

/** What a screen shows before its answer comes: what it was shown last in this tab, if anything. */
const shownBefore = <T>(keep: string | undefined): LoadState<T> => {
  const data = keep === undefined ? undefined : cachedAnswer<T>(keep);
  return data === undefined ? { loading: true } : { data, loading: true };
};

/**
 * What a screen shows of its last answer: the answer itself when it was asked with the screen's
 * parameters as they are now; otherwise what was shown before for the new ones (`before`), so a
 * supervisor moving to another agency never sees the figures of the first as the second's.
 */
export function answerShown<T>(
  { asked, ...answered }: LoadState<T>,
  parameters: readonly unknown[],
  before: () => LoadState<T>,
): Omit<LoadState<T>, 'asked'> {
  const same =
    asked === undefined ||
    (asked.length === parameters.length && asked.every((each, index) => Object.is(each, parameters[index])));
  return same ? answered : before();
}

/**
 * Loads data for a screen; `reload` runs the loader again (after a write). With `keep` (the
 * screen and its parameters, `case:{id}`), what it was shown last in this tab shows at once while
 * it asks again (`api/answer-cache.ts`, forgotten by any write), the answer is kept on the
 * device, and on a lost network the last one kept is shown instead of an error, with
 * `offlineSince` saying when it is from. An answer is shown only for the parameters it was asked
 * with: when they change (a supervisor's screen moving to the agency it supervises, a period
 * typed), the screen shows it is loading, never the figures of the parameters before.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[], keep?: string) {
  const [state, setState] = useState<LoadState<T>>(() => shownBefore(keep));
  const run = useCallback(() => {
    let current = true;
    setState((previous) => {
      const before = shownBefore<T>(keep);
      return before.data === undefined ? { ...previous, loading: true } : before;
    });
    load().then(
      (data) => {
        if (keep) {
          keepAnswer(keep, data);
          cacheAnswer(keep, data);
        }
        if (current) setState({ data, asked: deps, loading: false });
      },
      (caught: unknown) => {
        if (!current) return;
        const error = asApiError(caught);
        const kept = keep && error.status === 0 ? lastAnswer<T>(keep) : undefined;
        setState(
          kept
            ? { data: kept.data, asked: deps, offlineSince: kept.at, loading: false }
            : { error, asked: deps, loading: false },
        );
      },
    );
    return () => {
      current = false;
    };
  }, [...deps, keep]);
  useEffect(run, [run]);
  return { ...answerShown(state, deps, () => shownBefore<T>(keep)), reload: run };
}

import type { FinalizeRequestMiddleware, MiddlewareStack } from '@smithy/types';

/** A small seeded generator (mulberry32), so a failing run can be run again exactly. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultCounts {
  calls: number;
  faults: number;
  byKind: Record<string, number>;
}

const fault = (name: string, status: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`injected ${name}`), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
    ...extra,
  });

/**
 * Fails a share of a client's calls before they reach the service, as AWS does on a bad day:
 * throttling, 500s and timeouts (which the SDK's own retry strategy takes), and on DynamoDB
 * transactions the TransactionConflict cancellation (which the platform's own retry takes). It
 * sits inside the SDK's retry loop, so each attempt may fail on its own.
 */
export function injectFaults<I extends object, O extends object>(
  client: { middlewareStack: MiddlewareStack<I, O> },
  options: {
    rate: number;
    lostReplies: boolean;
    random: () => number;
    counts: FaultCounts;
    enabled: () => boolean;
  },
): void {
  const middleware: FinalizeRequestMiddleware<I, O> = (next, context) => async (args) => {
    options.counts.calls += 1;
    // With FAULT_LOST_REPLIES, 2% of calls also reach the service and then time out: the
    // ambiguous failure, where the write happened and the caller does not know.
    if (options.lostReplies && options.enabled() && options.random() < 0.02) {
      await next(args);
      options.counts.faults += 1;
      options.counts.byKind['lost-reply'] = (options.counts.byKind['lost-reply'] ?? 0) + 1;
      throw fault('TimeoutError', 0);
    }
    if (options.enabled() && options.random() < options.rate) {
      const transaction = context.commandName === 'TransactWriteItemsCommand';
      const kinds = transaction
        ? ['throttling', 'server', 'timeout', 'conflict']
        : ['throttling', 'server', 'timeout'];
      const kind = kinds[Math.floor(options.random() * kinds.length)] ?? 'server';
      options.counts.faults += 1;
      options.counts.byKind[kind] = (options.counts.byKind[kind] ?? 0) + 1;
      if (kind === 'throttling') throw fault('ThrottlingException', 400);
      if (kind === 'timeout') throw fault('TimeoutError', 0);
      if (kind === 'conflict')
        throw fault('TransactionCanceledException', 400, {
          CancellationReasons: [{ Code: 'TransactionConflict' }],
        });
      throw fault('InternalServerError', 500);
    }
    return next(args);
  };
  client.middlewareStack.addRelativeTo(middleware, {
    relation: 'after',
    toMiddleware: 'retryMiddleware',
    name: 'injectedFaults',
    override: true,
  });
}

/**
 * Fails every call of a client that `matches` names (its command and the request as the SDK
 * built it, before marshalling to HTTP), as the service failing that one call would: a 500 the
 * SDK does not retry on its own, so each attempt of the caller meets it. `matches` may change
 * between requests; counts.faults says how many calls failed.
 */
export function failCalls<I extends object, O extends object>(
  client: { middlewareStack: MiddlewareStack<I, O> },
  matches: (command: string, input: string) => boolean,
  counts: FaultCounts,
): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      counts.calls += 1;
      if (matches(context.commandName ?? '', JSON.stringify(args.input))) {
        counts.faults += 1;
        throw fault('InternalServerError', 500);
      }
      return next(args);
    },
    { step: 'initialize', name: 'failedCalls', override: true },
  );
}

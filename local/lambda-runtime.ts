import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/** What Lambda calls: the `handler` export of a module under `functions/`. */
export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

const handlers = new Map<string, Promise<LambdaHandler>>();

/** Loads a handler module the way Lambda does: once, then reused ("warm"). */
export function loadHandler(module: string): Promise<LambdaHandler> {
  let loaded = handlers.get(module);
  if (!loaded) {
    const url = new URL(`../functions/${module}.ts`, import.meta.url).href;
    loaded = import(/* @vite-ignore */ url).then((mod: { handler: LambdaHandler }) => mod.handler);
    handlers.set(module, loaded);
  }
  return loaded;
}

/** The Lambda context a handler gets, with a 30 s budget. */
export function lambdaContext(functionName: string): Context {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Invokes a handler module with an event, as Lambda would. */
export async function invoke(module: string, event: unknown): Promise<unknown> {
  const handler = await loadHandler(module);
  return handler(event, lambdaContext(module));
}

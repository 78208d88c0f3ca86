import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger, metrics, tracer } from '#shared/observability.ts';

/** What EventBridge Scheduler sends (the schedule's input) and what the local scheduler sends. */
export interface JobEvent {
  job: string;
  time?: string;
}

/** The middy chain of scheduled jobs: the same observability as HTTP handlers, no HTTP. */
export function jobHandler<T>(run: (event: JobEvent) => Promise<T>) {
  return middy<JobEvent, T, Error, Context>()
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .handler(async (event) => {
      const result = await run(event);
      logger.info('job finished', { job: event.job });
      return result;
    });
}

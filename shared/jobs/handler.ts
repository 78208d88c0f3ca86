import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { ScheduledJobInvocation } from '#events/job-events.ts';
import { logger, metrics } from '#shared/observability.ts';

/** The middy chain of scheduled jobs: the same observability as HTTP handlers, no HTTP. */
export function jobHandler<T>(run: (event: ScheduledJobInvocation) => Promise<T>) {
  return middy<ScheduledJobInvocation, T, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(parser({ schema: ScheduledJobInvocation.schema }))
    .handler(async (event) => {
      const result = await run(event);
      logger.info('job finished', { job: event.job });
      return result;
    });
}

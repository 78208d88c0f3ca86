import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import { S3Schema } from '@aws-lambda-powertools/parser/schemas/s3';
import type { S3Event } from '@aws-lambda-powertools/parser/types';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { logger, tracer } from '#shared/observability.ts';
import { ports } from '#shared/store/repositories.ts';
import { receiveEvidence } from '#shared/use-cases/evidence.ts';

/**
 * The archive bucket's ObjectCreated notification (in AWS an S3 event; on one machine the local
 * runtime builds the same event): verify each object against its declaration.
 */
export const handler = middy()
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(parser({ schema: S3Schema }))
  .handler(async (event: S3Event) => {
    const results = [];
    for (const record of event.Records) {
      const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
      results.push(await receiveEvidence(ports, key, record.s3.object.versionId ?? undefined));
    }
    return results;
  });

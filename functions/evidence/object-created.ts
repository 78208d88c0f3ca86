import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import { S3EventNotificationEventBridgeSchema } from '@aws-lambda-powertools/parser/schemas/s3';
import type { S3EventNotificationEventBridge } from '@aws-lambda-powertools/parser/types';
import middy from '@middy/core';
import { logger } from '#shared/observability.ts';
import { receiveEvidence } from '#shared/recording/use-cases/evidence.ts';
import { ports } from '#shared/repositories.ts';

/**
 * "Object Created" in the evidence archive, as S3 sends it to EventBridge (in AWS, a rule on the
 * default bus; on one machine, the local runtime builds the same event): verify the object
 * against its declaration.
 */
export const handler = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(parser({ schema: S3EventNotificationEventBridgeSchema }))
  .handler(async (event: S3EventNotificationEventBridge) =>
    receiveEvidence(ports, event.detail.object.key, event.detail.object['version-id']),
  );

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config.ts';

/** Module-scope SDK clients; on one machine they point at DynamoDB Local and the local S3 server. */
const { AWS_REGION: region, DYNAMODB_ENDPOINT, S3_ENDPOINT } = config();

export const dynamoClient = new DynamoDBClient({
  region,
  ...(DYNAMODB_ENDPOINT ? { endpoint: DYNAMODB_ENDPOINT } : {}),
});

export const documentClient = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true },
});

export const s3Client = new S3Client({
  region,
  ...(S3_ENDPOINT
    ? {
        endpoint: S3_ENDPOINT,
        forcePathStyle: true,
        // radosgw 16 rejects the SDK's chunked trailing checksums (docs/local-s3.md).
        requestChecksumCalculation: 'WHEN_REQUIRED' as const,
        responseChecksumValidation: 'WHEN_REQUIRED' as const,
      }
    : {}),
});

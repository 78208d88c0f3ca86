import { Fn, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ProjectFunction } from '#infra/constructs/project-function.ts';
import type { StatefulStack } from '#infra/stacks/stateful-stack.ts';
import type { EvidenceArchiveAccess } from '#shared/http/route.ts';

const ACTIONS: Record<EvidenceArchiveAccess | 'write-anchors', { s3: string[]; kms: string[] }> = {
  'sign-uploads': {
    s3: ['s3:PutObject', 's3:PutObjectRetention'],
    kms: ['kms:GenerateDataKey', 'kms:Decrypt'],
  },
  read: { s3: ['s3:GetObject', 's3:GetObjectVersion'], kms: ['kms:Decrypt'] },
  'legal-hold': { s3: ['s3:PutObjectLegalHold', 's3:GetObjectLegalHold'], kms: [] },
  'read-anchors': { s3: ['s3:GetObject', 's3:GetObjectVersion'], kms: ['kms:Decrypt'] },
  'write-anchors': {
    s3: ['s3:PutObject', 's3:GetObject', 's3:GetObjectVersion'],
    kms: ['kms:GenerateDataKey', 'kms:Decrypt'],
  },
};

/**
 * What a function may do in the evidence archive: on recordings (`evidence/*`) or on the
 * journal's anchors (`anchors/*`), exactly the S3 and KMS actions of its access (SSE-KMS: whoever
 * signs an upload must be able to make a data key; readers decrypt).
 */
export function grantEvidenceArchive(
  fn: ProjectFunction,
  access: EvidenceArchiveAccess | 'write-anchors',
  stateful: StatefulStack,
): void {
  const bucketArn = Fn.importValue(stateful.evidenceBucketArnExport);
  const anchors = access === 'read-anchors' || access === 'write-anchors';
  const { s3, kms } = ACTIONS[access];
  fn.addToRolePolicy(
    new PolicyStatement({ actions: s3, resources: [`${bucketArn}/${anchors ? 'anchors' : 'evidence'}/*`] }),
  );
  Validations.of(fn).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${stateful.evidenceBucketArnExport}/${anchors ? 'anchors' : 'evidence'}/*]`,
    reason: anchors
      ? 'Journal anchors are keyed anchors/{agencyId}/{day}.json (one per agency per day) with a mark per case, anchors/{agencyId}/cases/{caseId}/{day}.'
      : 'Evidence objects are keyed evidence/{agencyId}/{id}; the function acts on whichever the request names.',
  });
  if (anchors) {
    // The first version of an anchor is the one read, and a case's marks are listed with every version.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucketVersions'],
        resources: [bucketArn],
        conditions: { StringLike: { 's3:prefix': ['anchors/*'] } },
      }),
    );
  }
  if (kms.length > 0)
    fn.addToRolePolicy(new PolicyStatement({ actions: kms, resources: [stateful.evidenceKey.keyArn] }));
}

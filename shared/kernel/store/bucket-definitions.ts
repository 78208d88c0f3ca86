/**
 * The S3 buckets, described once for the CDK stateful stack and the local runtime.
 * The AV evidence archive is WORM: Object Lock in COMPLIANCE mode, so no one, root included, can
 * delete or overwrite a version before its retention ends (REC-6).
 */
export interface BucketDefinition {
  id: string;
  envVar: 'EVIDENCE_BUCKET';
  objectLock: { mode: 'COMPLIANCE'; defaultRetentionDays: number } | undefined;
}

export function evidenceBucket(defaultRetentionDays: number): BucketDefinition {
  return {
    id: 'Evidence',
    envVar: 'EVIDENCE_BUCKET',
    objectLock: { mode: 'COMPLIANCE', defaultRetentionDays },
  };
}

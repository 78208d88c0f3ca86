import { randomUUID } from 'node:crypto';
import { invoke } from '#local/lambda-runtime.ts';
import { forEachConcurrently } from '#shared/concurrency.ts';
import type { Evidence } from '#shared/recording/domain/evidence.ts';

/**
 * The local stand-in for the archive bucket's ObjectCreated notification: looks for declared
 * evidence whose object has arrived and hands the event that S3 would send to EventBridge to the same
 * handler (`functions/evidence/object-created.ts`). `npm start` runs it every two seconds;
 * `POST /dev/evidence-arrivals` runs it once.
 */
export async function deliverEvidenceArrivals(): Promise<{ delivered: string[] }> {
  const { ports } = await import('#shared/repositories.ts');
  const { config } = await import('#shared/config.ts');
  const bucket = config().EVIDENCE_BUCKET;
  const delivered: string[] = [];
  // Every page: uploads that never arrive must not hide the ones behind them. The store is asked
  // about each page's objects sixteen at a time: every test's uploads that never arrived are here.
  let page: Evidence[] = [];
  const deliver = async () => {
    await forEachConcurrently(page, 16, async (evidence) => {
      const head = await ports.storage.arrived(evidence.key);
      if (!head) return;
      await invoke('evidence/object-created', s3Event(bucket, evidence.key, head));
      delivered.push(evidence.id);
    });
    page = [];
  };
  for await (const evidence of ports.evidence.allPending()) {
    page.push(evidence);
    if (page.length === 100) await deliver();
  }
  await deliver();
  return { delivered };
}

/** The "Object Created" event S3 sends to EventBridge. */
function s3Event(bucket: string, key: string, head: { size: number; eTag: string; versionId?: string }) {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '000000000000',
    time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: process.env.AWS_REGION ?? 'us-east-1',
    resources: [`arn:aws:s3:::${bucket}`],
    detail: {
      version: '0',
      bucket: { name: bucket },
      object: {
        key,
        size: head.size,
        etag: head.eTag,
        ...(head.versionId ? { 'version-id': head.versionId } : {}),
        sequencer: Date.now().toString(16).toUpperCase(),
      },
      'request-id': randomUUID(),
      requester: '000000000000',
      'source-ip-address': '127.0.0.1',
      reason: 'PutObject',
    },
  };
}

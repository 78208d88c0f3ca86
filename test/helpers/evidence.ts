import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApi } from '#test/helpers/api.ts';

/**
 * Declares AV evidence of `bytes` for an activity, as a device does before it uploads: size and
 * SHA-256 from the bytes, the rest from `body` (`activityId` and `officer` at least).
 */
export async function declareEvidence(
  api: TestApi,
  token: string | undefined,
  caseId: string,
  bytes: Buffer,
  body: { activityId: string; officer: string } & Record<string, unknown>,
) {
  const declared = await api.call('POST', `/v1/cases/${caseId}/evidence`, {
    ...(token ? { token } : {}),
    body: {
      fileName: '执法记录仪.mp4',
      contentType: 'video/mp4',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      capturedAt: new Date().toISOString(),
      deviceId: 'DSJ-TEST',
      ...body,
    },
  });
  expect(declared.status, declared.text).toBe(201);
  expect(declared.body).toMatchObject({ status: 'pending-upload', upload: { method: 'PUT' } });
  return declared.body;
}

/** Declares, uploads the bytes to the presigned URL and has the arrival delivered; the declaration. */
export async function recordEvidence(
  api: TestApi,
  token: string | undefined,
  caseId: string,
  bytes: Buffer,
  body: { activityId: string; officer: string } & Record<string, unknown>,
) {
  const declared = await declareEvidence(api, token, caseId, bytes, body);
  const put = await fetch(declared.upload.url, {
    method: 'PUT',
    headers: declared.upload.headers,
    body: new Uint8Array(bytes),
  });
  expect(put.status, await put.text()).toBe(200);
  await api.call('POST', '/dev/evidence-arrivals');
  return declared;
}

/**
 * An on-site activity with its AV archived, then completed: an investigation (REC-4) that keeps
 * no AV gap open (REC-11). Returns the activity's id.
 */
export async function onSiteWithAv(
  api: TestApi,
  token: string,
  caseId: string,
  officers: readonly string[],
  type = 'on-site-inspection',
) {
  const activity = await api.call('POST', `/v1/cases/${caseId}/activities`, {
    token,
    body: { type, officers, location: '检查现场' },
  });
  expect(activity.status, activity.text).toBe(201);
  await recordEvidence(api, token, caseId, Buffer.from(`录像 ${activity.body.id}`), {
    activityId: activity.body.id,
    officer: officers[0] as string,
  });
  const completed = await api.call('POST', `/v1/cases/${caseId}/activities/${activity.body.id}/complete`, {
    token,
  });
  expect(completed.status, completed.text).toBe(200);
  return activity.body.id as string;
}

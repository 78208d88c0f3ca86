import { api, must } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { sha256OfFile } from './hash.ts';
import {
  forgetPendingUpload,
  type PendingUpload,
  pendingUpload,
  savePendingUpload,
  uploadKey,
} from './upload-store.ts';

/**
 * Uploads one AV file as evidence (REC-4, REC-6): SHA-256 in a Web Worker, the declaration
 * (`POST /v1/cases/{id}/evidence`), the bytes by presigned PUT, or in parts
 * (`POST /v1/evidence/{id}/multipart`, each part with its own SHA-256, retried and waiting for
 * the network, the state in IndexedDB so that choosing the same file again resumes it), then the
 * platform's own check of what arrived (`GET /v1/evidence/{id}`).
 */
export const MULTIPART_FROM = 8 * 1024 * 1024;
const MIN_PART = 5 * 1024 * 1024;
const MAX_PARTS = 500;
const MIB = 1024 * 1024;

export type UploadPhase = 'hashing' | 'declaring' | 'uploading' | 'verifying' | 'archived' | 'rejected';

export interface UploadState {
  phase: UploadPhase;
  /** 0..1 of the current phase. */
  fraction: number;
  sha256?: string;
  evidenceId?: string;
  rejectionReason?: string;
  /** Went on from parts stored before the tab was closed or the network lost. */
  resumed?: boolean;
}

export interface EvidenceTarget {
  caseId: string;
  activityId: string;
  officer: string;
  deviceId: string;
  location?: string;
  fullProcess?: boolean;
}

/** 8 MiB parts on a weak network, larger only to stay within the platform's 500 parts. */
export function partSizeOf(size: number): number {
  return Math.max(MULTIPART_FROM, MIN_PART, Math.ceil(size / MAX_PARTS / MIB) * MIB);
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the browser says it is online again (a phone in the countryside loses signal). */
function online(): Promise<void> {
  if (navigator.onLine) return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('online', () => resolve(), { once: true }));
}

/** Headers a page may set (the browser sets content-length and host itself). */
function sendable(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).filter(
      ([name]) => !['content-length', 'host'].includes(name.toLowerCase()),
    ),
  );
}

/** A PUT to the evidence store, retried with backoff; answers the ETag. */
async function put(url: string, headers: Record<string, string>, body: Blob, attempts = 5): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    await online();
    let response: Response | undefined;
    try {
      response = await fetch(url, { method: 'PUT', headers: sendable(headers), body });
    } catch {
      response = undefined;
    }
    if (response?.ok) return response.headers.get('etag') ?? '';
    const retryable = !response || response.status >= 500 || [408, 429].includes(response.status);
    if (!retryable || attempt >= attempts) {
      throw response
        ? new ApiError(response.status, 'UPLOAD_REFUSED', `存储服务拒绝了上传（${response.status}）`)
        : new ApiError(0, 'NETWORK', '网络中断，上传未完成，请稍后重试');
    }
    await wait(Math.min(30_000, 1000 * 2 ** (attempt - 1)));
  }
}

const expired = (expiresAt: string | undefined) =>
  expiresAt === undefined || new Date(expiresAt).getTime() < Date.now() + 60_000;

/** Keeping the state is a help, not a condition: without IndexedDB the upload still runs. */
const keep = (upload: PendingUpload) => savePendingUpload(upload).catch(() => undefined);

async function verify(evidenceId: string, base: Partial<UploadState>): Promise<UploadState> {
  for (let round = 0; round < 90; round += 1) {
    const evidence = await must(api.GET('/v1/evidence/{id}', { params: { path: { id: evidenceId } } }));
    if (evidence.status === 'archived') return { phase: 'archived', fraction: 1, ...base };
    if (evidence.status === 'rejected')
      return {
        phase: 'rejected',
        fraction: 1,
        ...base,
        ...(evidence.rejectionReason ? { rejectionReason: evidence.rejectionReason } : {}),
      };
    await wait(2000);
  }
  return { phase: 'verifying', fraction: 1, ...base };
}

export async function uploadEvidence(
  file: File,
  target: EvidenceTarget,
  onState: (state: UploadState) => void,
): Promise<UploadState> {
  const key = uploadKey(target.activityId, file);
  const multipart = file.size > MULTIPART_FROM;
  let pending = multipart ? await pendingUpload(key).catch(() => undefined) : undefined;
  if (pending) {
    // The same file chosen again: no new hash or declaration, only the parts not yet stored.
    const evidence = await must(
      api.GET('/v1/evidence/{id}', { params: { path: { id: pending.evidenceId } } }),
    );
    if (evidence.status !== 'pending-upload') {
      await forgetPendingUpload(key).catch(() => undefined);
      return verify(pending.evidenceId, { sha256: pending.sha256, evidenceId: pending.evidenceId });
    }
  } else {
    const partSize = multipart ? partSizeOf(file.size) : undefined;
    onState({ phase: 'hashing', fraction: 0 });
    const hashed = await sha256OfFile(file, {
      ...(partSize ? { partSize } : {}),
      onProgress: (fraction) => onState({ phase: 'hashing', fraction }),
    });
    onState({ phase: 'declaring', fraction: 0, sha256: hashed.sha256 });
    const declared = await must(
      api.POST('/v1/cases/{id}/evidence', {
        params: { path: { id: target.caseId } },
        body: {
          activityId: target.activityId,
          fileName: file.name,
          contentType: file.type || 'application/octet-stream',
          size: file.size,
          sha256: hashed.sha256,
          // The capture time the device wrote into the file's date.
          capturedAt: new Date(file.lastModified || Date.now()).toISOString(),
          deviceId: target.deviceId,
          officer: target.officer,
          ...(target.location ? { location: target.location } : {}),
          ...(target.fullProcess ? { fullProcess: true } : {}),
        },
      }),
    );
    const base = { sha256: hashed.sha256, evidenceId: declared.id };
    if (!partSize) {
      onState({ phase: 'uploading', fraction: 0, ...base });
      await put(declared.upload.url, declared.upload.headers ?? {}, file);
      onState({ phase: 'verifying', fraction: 1, ...base });
      return verify(declared.id, base);
    }
    pending = {
      key,
      caseId: target.caseId,
      activityId: target.activityId,
      fileName: file.name,
      size: file.size,
      sha256: hashed.sha256,
      partSha256: hashed.parts,
      evidenceId: declared.id,
      partSize,
      done: [],
      startedAt: new Date().toISOString(),
    };
    await keep(pending);
  }

  const base = { sha256: pending.sha256, evidenceId: pending.evidenceId };
  if (!pending.uploadId || !pending.parts || expired(pending.expiresAt)) {
    // Signed URLs that expired while the phone was away: a new multipart upload of the same evidence.
    const opened = await must(
      api.POST('/v1/evidence/{id}/multipart', {
        params: { path: { id: pending.evidenceId } },
        body: { partSize: pending.partSize, partSha256: pending.partSha256 },
      }),
    );
    pending = {
      ...pending,
      uploadId: opened.uploadId,
      parts: opened.parts,
      expiresAt: opened.expiresAt,
      done: [],
    };
    await keep(pending);
  }
  const uploadId = pending.uploadId ?? '';
  const sentBytes = () =>
    (pending?.parts ?? [])
      .filter((part) => pending?.done.some((done) => done.partNumber === part.partNumber))
      .reduce((sum, part) => sum + part.size, 0);
  onState({
    phase: 'uploading',
    fraction: sentBytes() / file.size,
    resumed: pending.done.length > 0,
    ...base,
  });
  for (const part of pending.parts ?? []) {
    if (pending.done.some((done) => done.partNumber === part.partNumber)) continue;
    const start = (part.partNumber - 1) * pending.partSize;
    const etag = await put(part.url, part.headers ?? {}, file.slice(start, start + part.size));
    pending = { ...pending, done: [...pending.done, { partNumber: part.partNumber, etag }] };
    await keep(pending);
    onState({ phase: 'uploading', fraction: sentBytes() / file.size, ...base });
  }
  await must(
    api.POST('/v1/evidence/{id}/multipart/complete', {
      params: { path: { id: pending.evidenceId } },
      body: { uploadId, parts: [...pending.done].sort((a, b) => a.partNumber - b.partNumber) },
    }),
  );
  await forgetPendingUpload(key).catch(() => undefined);
  onState({ phase: 'verifying', fraction: 1, ...base });
  return verify(pending.evidenceId, base);
}

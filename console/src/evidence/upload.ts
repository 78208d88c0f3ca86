import { api, must } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { sha256OfFile } from './hash.ts';

/**
 * Uploads one AV file as evidence (REC-4, REC-6): SHA-256 in a Web Worker, the declaration
 * (`POST /v1/cases/{id}/evidence`), the bytes by presigned PUT, or in parts
 * (`POST /v1/evidence/{id}/multipart`, each part with its own SHA-256, retried and waiting for
 * the network), then the platform's own check of what arrived (`GET /v1/evidence/{id}`).
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

export async function uploadEvidence(
  file: File,
  target: EvidenceTarget,
  onState: (state: UploadState) => void,
): Promise<UploadState> {
  const multipart = file.size > MULTIPART_FROM;
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
  onState({ phase: 'uploading', fraction: 0, ...base });
  if (!multipart || !partSize) {
    await put(declared.upload.url, declared.upload.headers ?? {}, file);
  } else {
    const opened = await must(
      api.POST('/v1/evidence/{id}/multipart', {
        params: { path: { id: declared.id } },
        body: { partSize, partSha256: hashed.parts },
      }),
    );
    const etags: { partNumber: number; etag: string }[] = [];
    let sent = 0;
    for (const part of opened.parts) {
      const start = (part.partNumber - 1) * opened.partSize;
      const etag = await put(part.url, part.headers ?? {}, file.slice(start, start + part.size));
      etags.push({ partNumber: part.partNumber, etag });
      sent += part.size;
      onState({ phase: 'uploading', fraction: sent / file.size, ...base });
    }
    await must(
      api.POST('/v1/evidence/{id}/multipart/complete', {
        params: { path: { id: declared.id } },
        body: { uploadId: opened.uploadId, parts: etags },
      }),
    );
  }
  onState({ phase: 'verifying', fraction: 1, ...base });
  for (let round = 0; round < 90; round += 1) {
    const evidence = await must(api.GET('/v1/evidence/{id}', { params: { path: { id: declared.id } } }));
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

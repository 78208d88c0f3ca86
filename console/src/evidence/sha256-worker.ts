import { createSHA256 } from 'hash-wasm';

/**
 * SHA-256 of a file in a Web Worker (hash-wasm), read 1 MiB at a time so a file of several GB is
 * never in memory whole: the whole file's hash, and with `partSize` each part's, for the
 * multipart upload's per-part checksums. Posts `{progress}` as it reads, then `{sha256, parts}`.
 */
export interface HashRequest {
  file: Blob;
  partSize?: number;
}

export type HashMessage = { progress: number } | { sha256: string; parts: string[] } | { error: string };

const CHUNK = 1024 * 1024;
const scope = self as unknown as Worker;

scope.onmessage = async (event: MessageEvent<HashRequest>) => {
  const { file, partSize } = event.data;
  try {
    const whole = await createSHA256();
    const part = await createSHA256();
    whole.init();
    part.init();
    const parts: string[] = [];
    for (let offset = 0; offset < file.size; offset += CHUNK) {
      const end = Math.min(offset + CHUNK, file.size);
      const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer());
      whole.update(bytes);
      if (partSize) {
        part.update(bytes);
        if (end % partSize === 0 || end === file.size) {
          parts.push(part.digest('hex'));
          part.init();
        }
      }
      scope.postMessage({ progress: end / file.size } satisfies HashMessage);
    }
    scope.postMessage({ sha256: whole.digest('hex'), parts } satisfies HashMessage);
  } catch (error) {
    scope.postMessage({ error: String(error) } satisfies HashMessage);
  }
};

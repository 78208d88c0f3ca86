import type { HashMessage, HashRequest } from './sha256-worker.ts';

/** Hashes a file in a Web Worker; `onProgress` gets the share read so far (0..1). */
export function sha256OfFile(
  file: Blob,
  options: { partSize?: number; onProgress?: (fraction: number) => void } = {},
): Promise<{ sha256: string; parts: string[] }> {
  const worker = new Worker(new URL('./sha256-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<HashMessage>) => {
      const message = event.data;
      if ('progress' in message) options.onProgress?.(message.progress);
      else {
        worker.terminate();
        if ('error' in message) reject(new Error(message.error));
        else resolve(message);
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage({
      file,
      ...(options.partSize ? { partSize: options.partSize } : {}),
    } satisfies HashRequest);
  });
}

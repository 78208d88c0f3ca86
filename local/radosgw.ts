import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, run, runOrThrow, stopProcess, waitFor } from '#local/processes.ts';

/**
 * A throw-away single-node Ceph cluster (one monitor, one OSD, radosgw) on 127.0.0.1: the local
 * S3 server that enforces Object Lock. All of its state lives under `dir`; see docs/local-s3.md.
 *
 * - `memstore` keeps objects in RAM (about 1 s to start): for tests.
 * - `bluestore` keeps them in a sparse file (about 5 s to start): for `npm start`, whose data must
 *   survive a restart.
 */
export interface RadosgwOptions {
  dir: string;
  store: 'memstore' | 'bluestore';
  port?: number;
  /** memstore only: RAM set aside for objects; writes hang when it is full. */
  memstoreBytes?: number;
}

export interface RadosgwHandle {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

/** Fixed keys for the one local S3 user; SigV4 is still enforced (a wrong secret gets 403). */
export const LOCAL_S3_CREDENTIALS = {
  accessKeyId: 'LOCALACCESSKEY0000001',
  secretAccessKey: 'local-secret-key-for-radosgw-only',
};

interface ClusterState {
  fsid: string;
  osdUuid: string;
  monPort: number;
}

function cephConf(dir: string, state: ClusterState, options: RadosgwOptions, rgwPort: number): string {
  const store =
    options.store === 'memstore'
      ? [`osd objectstore = memstore`, `memstore device bytes = ${options.memstoreBytes ?? 2 * 1024 ** 3}`]
      : [
          `osd objectstore = bluestore`,
          `bluestore block path = ${join(dir, 'bluestore.block')}`,
          `bluestore block create = true`,
          `bluestore block size = ${20 * 1024 ** 3}`,
          `bluestore fsck on mount = false`,
        ];
  return `[global]
fsid = ${state.fsid}
mon host = v1:127.0.0.1:${state.monPort}
mon initial members = a
public addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
ms bind msgr2 = false
ms bind ipv6 = false
osd pool default size = 1
osd pool default min size = 1
mon allow pool size one = true
mon allow pool delete = true
osd crush chooseleaf type = 0
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon max pg per osd = 1000
mon warn on pool no redundancy = false
osd crush update on start = false
osd class update on start = false
run dir = ${dir}/run
admin socket = ${dir}/run/$cluster-$name.asok
pid file = ${dir}/run/$cluster-$name.pid
log file = ${dir}/log/$cluster-$name.log
mon data = ${dir}/mon/$cluster-$id
osd data = ${dir}/osd/$cluster-$id
${store.join('\n')}

[mon]
paxos propose interval = 0.05

[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:${rgwPort}
rgw data = ${dir}/rgw
rgw enable usage log = false
`;
}

export async function startRadosgw(options: RadosgwOptions): Promise<RadosgwHandle> {
  const { dir } = options;
  const statePath = join(dir, 'cluster.json');
  const fresh = !existsSync(statePath);
  const state: ClusterState = fresh
    ? { fsid: randomUUID(), osdUuid: randomUUID(), monPort: await freePort() }
    : (JSON.parse(await readFile(statePath, 'utf8')) as ClusterState);
  if (!fresh) state.monPort = await freePort();
  const rgwPort = options.port ?? (await freePort());
  for (const sub of ['run', 'log', 'mon/ceph-a', 'osd/ceph-0', 'rgw'])
    await mkdir(join(dir, sub), { recursive: true });
  const conf = join(dir, 'ceph.conf');
  await writeFile(conf, cephConf(dir, state, options, rgwPort));
  // A monitor that has just started can refuse commands for a moment ("EPERM: problem getting
  // command descriptions from mon", seen once in CI): the commands used here are idempotent, so retry.
  const ceph = async (...args: string[]) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await runOrThrow('ceph', ['-c', conf, '--connect-timeout', '15', ...args]);
      } catch (error) {
        if (attempt >= 10) throw error;
        await sleep(500);
      }
    }
  };

  const children: ChildProcess[] = [];
  const daemon = (command: string, args: string[]) => {
    const child = spawn(command, ['-f', '-c', conf, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null && !stopping) console.error(`${command} exited ${code}: ${stderr}`);
    });
    children.push(child);
    return child;
  };
  let stopping = false;
  const stop = async () => {
    stopping = true;
    // radosgw first (it takes ~7 s on SIGTERM), then the OSD, then the monitor.
    for (const child of [...children].reverse()) await stopProcess(child, 10_000);
  };

  try {
    if (fresh) {
      const monmap = join(dir, 'monmap');
      await runOrThrow('monmaptool', [
        '--create',
        '--clobber',
        '--fsid',
        state.fsid,
        '--addv',
        'a',
        `[v1:127.0.0.1:${state.monPort}]`,
        monmap,
      ]);
      await runOrThrow('ceph-mon', ['-c', conf, '--mkfs', '-i', 'a', '--monmap', monmap]);
    } else {
      // The monitor's address is in its own store: move it to this run's port.
      const monmap = join(dir, 'monmap');
      await runOrThrow('ceph-mon', ['-c', conf, '-i', 'a', '--extract-monmap', monmap]);
      await runOrThrow('monmaptool', ['--rm', 'a', monmap]);
      await runOrThrow('monmaptool', ['--addv', 'a', `[v1:127.0.0.1:${state.monPort}]`, monmap]);
      await runOrThrow('ceph-mon', ['-c', conf, '-i', 'a', '--inject-monmap', monmap]);
    }
    daemon('ceph-mon', ['-i', 'a']);
    await waitFor(
      'ceph monitor',
      async () => (await run('ceph', ['-c', conf, '--connect-timeout', '2', 'mon', 'stat'])).code === 0,
      30_000,
    );
    if (fresh) {
      await ceph('osd', 'new', state.osdUuid, '0');
      await ceph('osd', 'crush', 'add', 'osd.0', '1.0', 'root=default');
      await runOrThrow('ceph-osd', ['-c', conf, '--mkfs', '-i', '0', '--osd-uuid', state.osdUuid]);
    }
    daemon('ceph-osd', ['-i', '0']);
    await waitFor('ceph OSD', async () => /1 up.*1 in/.test(await ceph('osd', 'stat')), 60_000);
    daemon('radosgw', ['-n', 'client.rgw']);
    const endpoint = `http://127.0.0.1:${rgwPort}`;
    await waitFor('radosgw', async () => (await fetch(endpoint)).status > 0, 60_000);
    if (fresh) {
      await runOrThrow('radosgw-admin', [
        '-c',
        conf,
        'user',
        'create',
        '--uid=local',
        '--display-name=local',
        `--access-key=${LOCAL_S3_CREDENTIALS.accessKeyId}`,
        `--secret-key=${LOCAL_S3_CREDENTIALS.secretAccessKey}`,
      ]);
      await writeFile(statePath, JSON.stringify(state));
    }
    return { endpoint, ...LOCAL_S3_CREDENTIALS, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

import { existsSync } from 'node:fs';
import { run } from '#local/processes.ts';

/** What the one-machine runtime needs from the operating system, and the Debian packages that give it. */
const needs = [
  { command: 'java', packages: ['default-jre-headless'], why: 'DynamoDB Local runs on Java' },
  {
    command: 'radosgw',
    packages: ['ceph-mon', 'ceph-osd', 'radosgw', 'ceph-common'],
    why: 'the local S3 server with Object Lock is Ceph radosgw',
  },
  { command: 'chromium', packages: ['chromium'], why: "the public site's tests run in headless Chromium" },
  {
    command: 'CJK fonts',
    probe: 'fc-list :lang=zh-cn family | grep -q .',
    packages: ['fonts-noto-cjk'],
    why: 'Chromium needs a CJK font to draw Chinese in the screenshots',
  },
];

const present = (need: (typeof needs)[number]) =>
  'probe' in need && need.probe ? need.probe : `command -v ${need.command}`;

async function isThere(need: (typeof needs)[number]): Promise<boolean> {
  return (await run('sh', ['-c', present(need)])).code === 0;
}

/**
 * Installs missing system packages with apt when we are root on Debian, saying so; otherwise prints
 * the exact command and fails.
 */
export async function ensureSystemPackages(log: (line: string) => void = console.log): Promise<void> {
  const missing = [];
  for (const need of needs) if (!(await isThere(need))) missing.push(need);
  if (missing.length === 0) return;
  const packages = missing.flatMap((need) => need.packages);
  const command = `apt-get update && apt-get install --no-install-recommends -y ${packages.join(' ')}`;
  const canInstall = process.getuid?.() === 0 && existsSync('/etc/debian_version');
  if (!canInstall) {
    throw new Error(
      `Missing ${missing.map((need) => `${need.command} (${need.why})`).join(', ')}. Install them with:\n  sudo sh -c '${command}'`,
    );
  }
  for (const need of missing)
    log(`${need.command} is missing (${need.why}); installing with apt: ${need.packages.join(' ')}`);
  const result = await run('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`]);
  if (result.code !== 0) throw new Error(`apt-get failed (${result.code}): ${result.stderr.slice(-2000)}`);
  for (const need of missing) {
    if (!(await isThere(need)))
      throw new Error(`${need.command} is still missing after installing ${need.packages.join(' ')}`);
  }
  log('system packages installed');
}

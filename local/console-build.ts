import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONSOLE_DIR = fileURLToPath(new URL('../console/', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The newest modification time of the console's sources (its pages, index.html, build config). */
async function newestSource(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestSource(join(path, entry)));
  return newest;
}

async function builtAt(): Promise<number | undefined> {
  try {
    return (await stat(join(CONSOLE_DIR, 'dist', 'index.html'))).mtimeMs;
  } catch {
    return undefined;
  }
}

/** True when console/dist is missing or older than a source of the console or the API contract. */
export async function consoleIsStale(): Promise<boolean> {
  const built = await builtAt();
  if (built === undefined) return true;
  const sources = await Promise.all(
    ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'scripts'].map((name) =>
      newestSource(join(CONSOLE_DIR, name)).catch(() => 0),
    ),
  );
  return Math.max(...sources) > built;
}

/**
 * Builds the staff console (`npm run console:build`: API types from the OpenAPI document, then
 * Vite) when console/dist is missing or stale; `npm start` and the console's test call it.
 */
export async function ensureConsoleBuilt(log: (line: string) => void = console.log): Promise<boolean> {
  if (!(await consoleIsStale())) return false;
  log('building the staff console (npm run console:build) ...');
  await new Promise<void>((resolve, reject) => {
    // A production build whoever asks: under vitest NODE_ENV is `test`, which would bring in preact/debug.
    const child = spawn('npm', ['run', '--silent', 'console:build'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run console:build failed (${code}):\n${output}`)),
    );
  });
  return true;
}

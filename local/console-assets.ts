import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorBody } from '#shared/http/errors.ts';

/** Where `npm run console:build` writes the staff console. */
export const CONSOLE_DIST = fileURLToPath(new URL('../console/dist/', import.meta.url));

/** The console's address on the local server, as Vite's `base` (console/vite.config.ts). */
export const CONSOLE_BASE = '/console/';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * What CloudFront sends with the console in AWS: only this origin's code runs (and WebAssembly,
 * for the SHA-256 of evidence), nothing frames it, and it talks to this origin and the evidence
 * store (presigned PUTs), whose address the local stack puts in `S3_ENDPOINT`.
 */
function securityHeaders(): Record<string, string> {
  const store = process.env.S3_ENDPOINT ? ` ${new URL(process.env.S3_ENDPOINT).origin}` : '';
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'content-security-policy':
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; " +
      `img-src 'self' data: blob:; frame-src blob:; connect-src 'self'${store}; frame-ancestors 'none'; base-uri 'self'; ` +
      "form-action 'self'",
  };
}

export const isConsolePath = (pathname: string): boolean =>
  pathname === CONSOLE_BASE.slice(0, -1) || pathname.startsWith(CONSOLE_BASE);

async function fileAt(path: string): Promise<{ path: string; size: number } | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...securityHeaders() });
  res.end(JSON.stringify(errorBody(code, message)));
}

/**
 * Serves the built console under /console/: its files with their content types, hashed assets
 * (`/console/assets/*`) cached for a year as immutable, and index.html (never cached) for every
 * other path, so the console's own routes (`/console/cases/…`) load on a reload or a shared link.
 * A missing asset is a 404, not index.html, so a stale page does not run HTML as a script.
 */
export async function serveConsole(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  dist = CONSOLE_DIST,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    refuse(res, 405, 'METHOD_NOT_ALLOWED', '不支持该请求方法');
    return;
  }
  if (pathname === CONSOLE_BASE.slice(0, -1)) {
    res.writeHead(301, { location: CONSOLE_BASE }).end();
    return;
  }
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(pathname.slice(CONSOLE_BASE.length)));
  } catch {
    refuse(res, 400, 'VALIDATION_FAILED', '地址格式有误');
    return;
  }
  if (relative.startsWith('..') || relative.includes(`${sep}..`) || relative.includes('\0')) {
    refuse(res, 404, 'NOT_FOUND', '页面不存在');
    return;
  }
  const asset = relative.startsWith(`assets${sep}`);
  const found = relative === '.' || relative === '' ? undefined : await fileAt(join(dist, relative));
  const file = found ?? (asset ? undefined : await fileAt(join(dist, 'index.html')));
  if (!file) {
    if (asset) refuse(res, 404, 'NOT_FOUND', '文件不存在');
    else
      refuse(
        res,
        503,
        'CONSOLE_NOT_BUILT',
        '工作台尚未构建：请运行 npm run console:build 或重新运行 npm start',
      );
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file.path)] ?? 'application/octet-stream',
    'content-length': String(file.size),
    'cache-control': asset ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...securityHeaders(),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(file.path).on('error', reject).on('end', resolve).pipe(res);
  });
}

// A tiny static server for dist/ (no dependencies): `node scripts/serve.mjs`
// serves http://127.0.0.1:8017/ (PORT from the environment; when the port is
// busy, the next free one). Tests import `serve()` to get the same server.
import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const DEFAULT_PORT = 8017;
/** How many ports after the requested one to try when it is busy. */
const PORT_ATTEMPTS = 20;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Starts the server. Resolves to `{url, port, root, close}`; `close()`
 * resolves once the server has stopped. `port: 0` picks any free port.
 */
export async function serve({ port = DEFAULT_PORT, root = DEFAULT_ROOT, host = '127.0.0.1' } = {}) {
  const wanted = Number(port);
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
    throw new RangeError(`serve: port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  const base = await realpath(resolve(root));
  const server = createServer((req, res) => {
    handle(base, req, res).catch(() => send(res, 500, 'Internal server error'));
  });
  const bound = await listen(server, host, wanted);
  const url = `http://${host}:${bound}/`;
  return {
    url,
    port: bound,
    root: base,
    close: () => new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections?.();
    }),
  };
}

/** Listens on `port`, or on the next ports when it is taken. */
async function listen(server, host, port) {
  const attempts = port === 0 ? 1 : Math.min(PORT_ATTEMPTS, 65536 - port);
  for (let i = 0; i < attempts; i++) {
    try {
      return await new Promise((ok, fail) => {
        server.once('error', fail);
        server.listen(port + i, host, () => {
          server.off('error', fail);
          ok(server.address().port);
        });
      });
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || i === attempts - 1) throw error;
    }
  }
  throw new Error('unreachable');
}

/** Answers one request with a file under `base`, never outside it. */
async function handle(base, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method not allowed');
  }
  const file = await resolveFile(base, req.url ?? '/');
  if (!file) return send(res, 404, 'Not found');
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': file.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file.path).pipe(res);
}

/**
 * The file a URL path names inside `base` (`index.html` for folders), or
 * null when it does not exist or would lie outside `base` (`..`, encoded
 * separators, symlinks pointing out).
 */
export async function resolveFile(base, urlPath) {
  let path;
  try {
    path = decodeURIComponent(new URL(urlPath, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  let candidate = resolve(base, '.' + path);
  if (!inside(base, candidate)) return null;
  try {
    let info = await stat(candidate);
    if (info.isDirectory()) {
      candidate = join(candidate, 'index.html');
      info = await stat(candidate);
    }
    if (!info.isFile()) return null;
    const real = await realpath(candidate);
    if (!inside(base, real)) return null;
    return { path: real, size: info.size };
  } catch {
    return null;
  }
}

/** Whether `path` is `base` or lies below it. */
function inside(base, path) {
  const rel = relative(base, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

function send(res, status, message) {
  if (res.headersSent) return res.destroy();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: PORT must be a port number (0-65535), got "${process.env.PORT}"`);
    process.exit(2);
  }
  const { url, root } = await serve({ port });
  if (!existsSync(join(root, 'index.html'))) console.warn('serve: dist/index.html is missing; run `npm run build` first');
  console.log(`Dateline is served at ${url}`);
  console.log(`Offline page (open it directly, no server needed): ${join(root, 'index.html')}`);
  console.log('Press Ctrl+C to stop.');
}

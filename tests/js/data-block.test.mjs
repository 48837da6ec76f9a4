// www/app/data-block.js: the text the offline page carries its wasm and
// model in (base64 of gzip). It must give back the bytes through either
// base64 path, and refuse damaged text rather than give other bytes.
// The built page's blocks are checked here as text; tests/browser/worker.test.mjs
// checks them after Chromium's HTML parser, in the page's worker.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { FORMAT, decodeDataBlock } from '../../www/app/data-block.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Deterministic pseudo-random bytes (xorshift32). */
function noise(n, seed = 1) {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const encode = (bytes) => gzipSync(bytes, { level: 9 }).toString('base64');

const SAMPLES = {
  empty: new Uint8Array(0),
  'one byte': Uint8Array.of(0),
  'every byte value': Uint8Array.from({ length: 256 }, (_, i) => i),
  'near-random, 200 KB': noise(200_000),
  'text-like': new TextEncoder().encode('{"labels":["PERSON","ORG"],"rules":"ça va — ok"}\n'.repeat(500)),
};

test('the blocks are gzip, as the build writes them', () => {
  assert.equal(FORMAT, 'gzip');
});

test('a block decodes to its bytes through atob', async () => {
  assert.equal(typeof Uint8Array.fromBase64, 'undefined', 'this Node has no Uint8Array.fromBase64; the test must use atob');
  for (const [name, bytes] of Object.entries(SAMPLES)) {
    assert.deepEqual(await decodeDataBlock(encode(bytes)), bytes, name);
  }
});

test('a block decodes to its bytes through Uint8Array.fromBase64 where the platform has it', async () => {
  let calls = 0;
  Uint8Array.fromBase64 = (text) => { calls++; return new Uint8Array(Buffer.from(text, 'base64')); };
  const atob = globalThis.atob;
  globalThis.atob = () => { throw new Error('atob is not to be used'); };
  try {
    for (const [name, bytes] of Object.entries(SAMPLES)) {
      assert.deepEqual(await decodeDataBlock(encode(bytes)), bytes, name);
    }
  } finally {
    delete Uint8Array.fromBase64;
    globalThis.atob = atob;
  }
  assert.equal(calls, Object.keys(SAMPLES).length);
});

test('a damaged block is refused, never other bytes', async () => {
  const packed = gzipSync(noise(50_000, 7), { level: 9 });
  const flipped = (at) => { const b = Buffer.from(packed); b[at] ^= 0x01; return b.toString('base64'); };
  const damaged = {
    'not base64': '@@@ not base64 @@@',
    empty: '',
    missing: undefined,
    'cut short': packed.subarray(0, packed.length - 100).toString('base64'),
    'without its trailer': packed.subarray(0, packed.length - 8).toString('base64'),
    'a bit flipped in its CRC-32': flipped(packed.length - 8),
    'a bit flipped in its length': flipped(packed.length - 2),
    'not gzip': Buffer.from(noise(1000, 3)).toString('base64'),
  };
  for (const [name, text] of Object.entries(damaged)) {
    await assert.rejects(decodeDataBlock(text), { name: 'Error', message: /damaged/ }, name);
  }
});

test('the built page\'s data blocks are base64 and decode to the package\'s wasm and model', { skip: !existsSync(join(root, 'dist', 'index.html')) && 'no build' }, async () => {
  const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
  for (const [id, file] of [['dateline-wasm', 'dateline.wasm'], ['dateline-model', 'dateline-model.bin']]) {
    const m = new RegExp(`<script type="application/octet-stream" id="${id}">([^<]*)</script>`).exec(html);
    assert.ok(m, `#${id} is in the page`);
    assert.match(m[1], /^[A-Za-z0-9+/]+={0,2}$/, `#${id} is plain base64`);
    assert.ok(Buffer.from(await decodeDataBlock(m[1])).equals(readFileSync(join(root, 'dist', 'lib', file))), `#${id} decodes to dist/lib/${file}`);
  }
});

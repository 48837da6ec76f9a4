// www/app/byte-text.js: the text the offline page carries its wasm and model
// in. Every layout must give back the same bytes, use only characters the
// HTML parser keeps inside a <script> element, and refuse damaged text.
// The built page's blocks are checked here as text; tests/browser/worker.test.mjs
// checks them after Chromium's HTML parser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENCODINGS, decodeBytes, encodeBytes, joinSegments } from '../../www/app/byte-text.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Deterministic pseudo-random bytes (xorshift32). */
function noise(n, seed = 1) {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out[i] = x & 255;
  }
  return out;
}

const every = Uint8Array.from({ length: 256 }, (_, b) => b);
const SAMPLES = {
  empty: new Uint8Array(0),
  'one byte': Uint8Array.of(0x3c),
  'six bytes': Uint8Array.of(0, 13, 60, 128, 255, 10),
  'seven bytes': noise(7, 3),
  'eight bytes': noise(8, 4),
  'every byte value': every,
  'every byte value, reversed, twice': Uint8Array.from([...every].reverse().concat([...every])),
  'CR LF, NUL and "</script" runs': new TextEncoder().encode('\r\n\0</script><!--\r\r\n'.repeat(50)),
  'noise': noise(10_001, 7),
  'skewed (few rare bytes)': Uint8Array.from(noise(5000, 9), (b) => (b < 250 ? b % 20 : b)),
};

for (const encoding of ENCODINGS) {
  for (const [name, bytes] of Object.entries(SAMPLES)) {
    test(`${encoding}: ${name} comes back byte for byte, in characters a <script> keeps`, () => {
      const block = encodeBytes(bytes, encoding);
      assert.equal(block.encoding, encoding);
      assert.equal(block.length, bytes.length);
      assert.match(block.order, /^[0-9a-f]{512}$/);
      assert.doesNotMatch(block.text, /[<\0\r]/, 'no "<", NUL or CR');
      for (let i = 0; i < block.text.length; i++) assert.ok(block.text.charCodeAt(i) <= 0x102, `code unit ${i} is in the alphabet`);
      assert.deepEqual(decodeBytes(joinSegments([block])), bytes);
    });
  }
}

test('the split layout is one character per byte plus one per 7 bytes; bytes is one per byte', () => {
  const bytes = noise(1000, 5);
  assert.equal(encodeBytes(bytes, 'bytes').text.length, 1000);
  assert.equal(encodeBytes(bytes, 'split').text.length, 1000 + 143);
});

test('the frequent bytes are one-byte UTF-8 characters', () => {
  const bytes = Uint8Array.from(noise(4000, 11), (b) => 200 + (b % 50)); // 50 values, all ≥ 200
  const { text } = encodeBytes(bytes, 'bytes');
  assert.equal(new TextEncoder().encode(text).length, bytes.length);
});

test('segments in different layouts, each with its own order, come back as one run of bytes', () => {
  const text = new TextEncoder().encode('{"header": "JSON text, then weights"}'.repeat(40));
  const weights = noise(3001, 17);
  const tail = Uint8Array.of(1, 2, 3);
  const segments = [encodeBytes(text, 'bytes'), encodeBytes(weights, 'split'), encodeBytes(tail, 'split'), encodeBytes(new Uint8Array(0), 'bytes')];
  const block = joinSegments(segments);
  assert.match(block.parts, /^bytes:[0-9a-f]{512}:1480 split:[0-9a-f]{512}:3001 split:[0-9a-f]{512}:3 bytes:[0-9a-f]{512}:0$/);
  assert.deepEqual(decodeBytes(block), Uint8Array.from([...text, ...weights, ...tail]));
});

test('damaged text is refused with an Error, never turned into other bytes', () => {
  const bytes = noise(100, 13);
  const whole = joinSegments([encodeBytes(bytes, 'bytes')]);
  const split = joinSegments([encodeBytes(bytes, 'split')]);
  const two = joinSegments([encodeBytes(bytes, 'bytes'), encodeBytes(bytes, 'split')]);
  const damaged = [
    { ...whole, text: whole.text.slice(1) },
    { ...whole, text: `\uFFFD${whole.text.slice(1)}` }, // what the parser makes of a NUL
    { ...whole, parts: whole.parts.replace(':100', ':many') },
    { ...whole, parts: whole.parts.replace('bytes', 'base64') },
    { ...whole, parts: whole.parts.replace(/:([0-9a-f]{2})/, ':') },
    { ...whole, parts: `${whole.parts}:1` },
    { ...whole, parts: '' },
    { ...split, text: split.text.slice(0, -1) },
    { ...split, text: `\u0102${split.text.slice(1)}` }, // a symbol above 127 where 7 bits belong
    { ...split, text: split.text.slice(0, -1) + String.fromCharCode(0x7f) }, // high bits past the last byte
    { ...two, parts: two.parts.split(' ')[0] },
    { ...two, parts: two.parts.split(' ').reverse().join(' ') },
    {},
  ];
  for (const block of damaged) assert.throws(() => decodeBytes(block), { name: 'Error', message: /damaged/ }, JSON.stringify(block).slice(0, 80));
  assert.throws(() => encodeBytes(bytes, 'base64'), RangeError);
});

test('the built page\'s data blocks are the package\'s wasm and model', { skip: !existsSync(join(root, 'dist', 'index.html')) && 'no build' }, () => {
  const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
  for (const [id, file] of [['dateline-wasm', 'dateline.wasm'], ['dateline-model', 'dateline-model.bin']]) {
    const m = new RegExp(`<script type="application/octet-stream" id="${id}" data-parts="([\\w: ]+)">([^<]*)</script>`).exec(html);
    assert.ok(m, `#${id} is in the page`);
    const [, parts, text] = m;
    assert.ok(Buffer.from(decodeBytes({ text, parts })).equals(readFileSync(join(root, 'dist', 'lib', file))), `#${id} decodes to dist/lib/${file}`);
  }
});

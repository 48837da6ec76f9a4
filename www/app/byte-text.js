// Bytes as text for the offline page's data blocks (the wasm and the entity
// model inside `<script type="application/octet-stream">`), denser under
// gzip than base64: one code point per byte (or per 7 bits), so gzip sees
// nearly the bytes themselves.
//
// Every symbol (0–255) is one code point the HTML parser hands back
// unchanged inside a <script> element of a UTF-8 page: 125 one-byte ASCII
// characters (all but NUL, which becomes U+FFFD, CR, which becomes LF, and
// `<`, which could end the element) and then U+0080–U+0102 (two bytes in
// UTF-8). Bytes are first renumbered by frequency (`order`: the bytes from
// the most to the least frequent), so the common ones are the one-byte
// characters. Two layouts:
// - `bytes`: one symbol per byte, its rank. Best when few bytes are rare,
//   such as wasm code: gzip finds the same repeats as in the binary.
// - `split`: the low 7 bits of each byte's rank, one symbol per byte, then
//   the high bits, 7 to a symbol (bit k of symbol j is byte 7j+k's).
//   Best for near-random bytes such as quantized weights, where two UTF-8
//   bytes for half the bytes would cost gzip more than the bits they carry.
// The build encodes each asset both ways and keeps the smaller after gzip.

/** The 125 one-byte characters, in symbol order. */
const ASCII = Array.from({ length: 128 }, (_, c) => c).filter((c) => c !== 0x00 && c !== 0x0d && c !== 0x3c);

/** Code unit of each symbol 0–255. */
const CODE = Uint16Array.from({ length: 256 }, (_, v) => (v < ASCII.length ? ASCII[v] : 0x80 + v - ASCII.length));

/** The layouts `encodeBytes` can write. */
export const ENCODINGS = ['bytes', 'split'];

/**
 * `bytes` (a Uint8Array) as text in the given layout: `{text, encoding,
 * order, length}`, where `order` is the 256 bytes by rank as hex and
 * `length` the byte count; `decodeBytes` of that object returns the bytes.
 */
export function encodeBytes(bytes, encoding) {
  if (!ENCODINGS.includes(encoding)) throw new RangeError(`unknown byte-text encoding "${encoding}"`);
  const counts = new Float64Array(256);
  for (const b of bytes) counts[b]++;
  const order = Array.from({ length: 256 }, (_, b) => b).sort((a, b) => counts[b] - counts[a] || a - b);
  const rank = new Uint8Array(256);
  order.forEach((b, r) => { rank[b] = r; });
  const n = bytes.length;
  const codes = new Uint16Array(encoding === 'bytes' ? n : n + Math.ceil(n / 7));
  if (encoding === 'bytes') {
    for (let i = 0; i < n; i++) codes[i] = CODE[rank[bytes[i]]];
  } else {
    for (let i = 0; i < n; i += 7) {
      let high = 0;
      for (let k = 0; k < 7 && i + k < n; k++) {
        const r = rank[bytes[i + k]];
        codes[i + k] = CODE[r & 127];
        high |= (r >> 7) << k;
      }
      codes[n + i / 7] = CODE[high];
    }
  }
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.subarray(i, i + 8192));
  return { text, encoding, order: order.map((b) => b.toString(16).padStart(2, '0')).join(''), length: n };
}

/**
 * The bytes that `encodeBytes` turned into `{text, encoding, order,
 * length}` (the data block's text and its `data-*` attributes, strings or
 * numbers). Throws an Error if the text cannot have come from encodeBytes.
 */
export function decodeBytes({ text, encoding, order, length }) {
  const n = Number(length);
  const ranks = typeof order === 'string' && /^[0-9a-f]{512}$/.test(order)
    ? Uint8Array.from({ length: 256 }, (_, r) => parseInt(order.slice(2 * r, 2 * r + 2), 16)) : null;
  const expected = encoding === 'bytes' ? n : n + Math.ceil(n / 7);
  if (!ranks || !ENCODINGS.includes(encoding) || !Number.isSafeInteger(n) || n < 0 || typeof text !== 'string' || text.length !== expected) {
    throw new Error('dateline: an embedded asset is damaged (its encoding, byte order or length does not match its text); rebuild the page');
  }
  const symbol = new Int16Array(65536).fill(-1);
  for (let v = 0; v < 256; v++) symbol[CODE[v]] = v;
  const out = new Uint8Array(n);
  let seen = 0; // every symbol read, OR-ed: negative if a code point is not one, ≥ 128 if split mode read a byte symbol
  if (encoding === 'bytes') {
    for (let i = 0; i < n; i++) {
      const v = symbol[text.charCodeAt(i)];
      seen |= v;
      out[i] = ranks[v & 255];
    }
  } else {
    for (let i = 0, j = n; i < n; i += 7, j++) {
      let high = symbol[text.charCodeAt(j)];
      seen |= high;
      const end = Math.min(i + 7, n);
      for (let k = i; k < end; k++, high >>= 1) {
        const low = symbol[text.charCodeAt(k)];
        seen |= low;
        out[k] = ranks[(low & 127) | ((high & 1) << 7)];
      }
      seen |= high << 7; // bits past the last byte must be zero
    }
  }
  if (seen < 0 || (encoding === 'split' && seen > 127)) {
    throw new Error('dateline: an embedded asset is damaged (a character outside its alphabet); rebuild the page');
  }
  return out;
}

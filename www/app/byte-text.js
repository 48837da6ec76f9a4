// Bytes as text for the offline page's data blocks (the wasm and the entity
// model inside `<script type="application/octet-stream">`), denser under
// gzip than base64: one code point per byte (or per 7 bits), so gzip sees
// nearly the bytes themselves.
//
// Every symbol (0–255) is one code point the HTML parser hands back
// unchanged inside a <script> element of a UTF-8 page: 125 one-byte ASCII
// characters (all but NUL, which becomes U+FFFD, CR, which becomes LF, and
// `<`, which could end the element) and then U+0080–U+0102 (two bytes in
// UTF-8). Each segment's bytes are given symbols by frequency (`order`:
// the byte of each symbol), so the common ones are one-byte characters.
// Two layouts:
// - `bytes`: one symbol per byte, its rank. Best when few bytes are rare,
//   such as wasm code: gzip finds the same repeats as in the binary.
// - `split`: each byte's symbol's low 7 bits, one character per byte, then
//   the high bits, 7 to a character (bit k of character j is byte 7j+k's).
//   Best for near-random bytes such as quantized weights, where two UTF-8
//   bytes for half the bytes would cost gzip more than the bits they carry.
// An asset may be cut into segments, each with its own order and layout
// (a model file's JSON header and its weights want different ones): the
// data block's text is the segments' texts one after the other, and its
// `data-parts` attribute lists them (`joinSegments`). The build picks the
// segments and layouts that gzip smallest.

/**
 * The 125 one-byte characters, in symbol order: the printable ones first,
 * the controls (LF last) for the rarer symbols, since the parser does more
 * for a control character, most of all for a line feed, than for a letter.
 */
const ASCII = [
  ...Array.from({ length: 95 }, (_, i) => 0x20 + i).filter((c) => c !== 0x3c),
  ...Array.from({ length: 32 }, (_, c) => c).filter((c) => c !== 0x00 && c !== 0x0a && c !== 0x0d),
  0x7f, 0x0a,
];

/** Code unit of each symbol 0–255. */
const CODE = Uint16Array.from({ length: 256 }, (_, v) => (v < ASCII.length ? ASCII[v] : 0x80 + v - ASCII.length));

/** The layouts `encodeBytes` can write. */
export const ENCODINGS = ['bytes', 'split'];

/**
 * The split layout's symbol (low 7 bits | high bit << 7) for each rank:
 * ranks 0–249 take the 125 one-byte characters twice (rank mod 125, and
 * the high bit for the second time round), so only the six rarest ranks
 * need the two-byte characters of low values 125–127.
 */
const SPLIT_SYMBOL = Uint8Array.from({ length: 256 }, (_, r) => (r < 250
  ? (r % 125) | (Math.floor(r / 125) << 7)
  : (125 + ((r - 250) % 3)) | (Math.floor((r - 250) / 3) << 7)));

/**
 * `bytes` (a Uint8Array) as one segment of text in the given layout:
 * `{text, encoding, order, length}`, where `order` is the byte of each
 * symbol 0–255 as hex (the most frequent bytes get the one-byte
 * characters) and `length` the byte count; `decodeBytes(joinSegments([it]))`
 * returns the bytes.
 */
export function encodeBytes(bytes, encoding) {
  if (!ENCODINGS.includes(encoding)) throw new RangeError(`unknown byte-text encoding "${encoding}"`);
  const counts = new Float64Array(256);
  for (const b of bytes) counts[b]++;
  const byRank = Array.from({ length: 256 }, (_, b) => b).sort((a, b) => counts[b] - counts[a] || a - b);
  const symbolOf = new Uint8Array(256);
  const order = new Uint8Array(256);
  byRank.forEach((b, r) => {
    const symbol = encoding === 'bytes' ? r : SPLIT_SYMBOL[r];
    symbolOf[b] = symbol;
    order[symbol] = b;
  });
  const n = bytes.length;
  const codes = new Uint16Array(encoding === 'bytes' ? n : n + Math.ceil(n / 7));
  if (encoding === 'bytes') {
    for (let i = 0; i < n; i++) codes[i] = CODE[symbolOf[bytes[i]]];
  } else {
    for (let i = 0; i < n; i += 7) {
      let high = 0;
      for (let k = 0; k < 7 && i + k < n; k++) {
        const symbol = symbolOf[bytes[i + k]];
        codes[i + k] = CODE[symbol & 127];
        high |= (symbol >> 7) << k;
      }
      codes[n + i / 7] = CODE[high];
    }
  }
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.subarray(i, i + 8192));
  return { text, encoding, order: Array.from(order, (b) => b.toString(16).padStart(2, '0')).join(''), length: n };
}

/**
 * Segments from `encodeBytes` as one data block: `{text, parts}`, the texts
 * one after the other and, for `data-parts`, each segment's
 * `encoding:order:length`, space-separated.
 */
export function joinSegments(segments) {
  return {
    text: segments.map((segment) => segment.text).join(''),
    parts: segments.map(({ encoding, order, length }) => `${encoding}:${order}:${length}`).join(' '),
  };
}

/**
 * The bytes of a data block `{text, parts}` (its text and its `data-parts`
 * attribute, see `joinSegments`). Throws an Error if the text cannot have
 * come from the build.
 */
export function decodeBytes({ text, parts }) {
  const damaged = (why) => new Error(`dateline: an embedded asset is damaged (${why}); rebuild the page`);
  const segments = typeof parts === 'string' && parts !== '' ? parts.split(' ').map((part) => {
    const [encoding, order, length, extra] = part.split(':');
    const n = Number(length);
    if (!ENCODINGS.includes(encoding) || !/^[0-9a-f]{512}$/.test(order ?? '') || !/^\d+$/.test(length ?? '') || !Number.isSafeInteger(n) || extra !== undefined) {
      throw damaged(`a part is not encoding:order:length: "${part.slice(0, 40)}"`);
    }
    return { encoding, order, length: n, chars: encoding === 'bytes' ? n : n + Math.ceil(n / 7) };
  }) : null;
  if (!segments) throw damaged('no parts');
  if (typeof text !== 'string' || text.length !== segments.reduce((sum, segment) => sum + segment.chars, 0)) {
    throw damaged('its text is not as long as its parts say');
  }
  const symbol = new Int16Array(65536).fill(-1);
  for (let v = 0; v < 256; v++) symbol[CODE[v]] = v;
  const out = new Uint8Array(segments.reduce((sum, segment) => sum + segment.length, 0));
  let at = 0;
  let from = 0;
  for (const segment of segments) {
    const bytes = Uint8Array.from({ length: 256 }, (_, v) => parseInt(segment.order.slice(2 * v, 2 * v + 2), 16));
    if (!decodeSegment(text, from, segment, bytes, symbol, out.subarray(at, at + segment.length))) {
      throw damaged('a character outside its alphabet');
    }
    at += segment.length;
    from += segment.chars;
  }
  return out;
}

/**
 * Decodes one segment of `text` from `from` into `out` (its `length`
 * bytes); false if a character is not a symbol of the segment's layout.
 */
function decodeSegment(text, from, { encoding }, bytes, symbol, out) {
  const n = out.length;
  let seen = 0; // every symbol read, OR-ed: negative if a code point is not one, ≥ 128 if split mode read a byte symbol
  if (encoding === 'bytes') {
    for (let i = 0; i < n; i++) {
      const v = symbol[text.charCodeAt(from + i)];
      seen |= v;
      out[i] = bytes[v & 255];
    }
    return seen >= 0;
  }
  for (let i = 0, j = from + n; i < n; i += 7, j++) {
    let high = symbol[text.charCodeAt(j)];
    seen |= high;
    const end = Math.min(i + 7, n);
    for (let k = i; k < end; k++, high >>= 1) {
      const low = symbol[text.charCodeAt(from + k)];
      seen |= low;
      out[k] = bytes[(low & 127) | ((high & 1) << 7)];
    }
    seen |= high << 7; // bits past the last byte must be zero
  }
  return seen >= 0 && seen <= 127;
}

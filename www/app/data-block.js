// The offline page's data blocks (the wasm and the entity model inside
// `<script type="application/octet-stream">`): each is base64 of the file
// gzipped (level 9, by the build's Node zlib), read back with the platform
// alone: `Uint8Array.fromBase64` (or `atob`) and a `DecompressionStream`,
// which works in workers and from file://. Base64 of the compressed bytes
// gzips nearly as small as the file itself, where base64 of the bytes hid
// their repeats from the page's gzip. The gzip framing's CRC-32 and length
// make a damaged block fail to decode instead of giving other bytes.

import { decodeBase64 } from '../lib/base64.js';

/** The DecompressionStream format of the blocks (the build compresses with the matching zlib function). */
export const FORMAT = 'gzip';

/**
 * The bytes of a data block's text (base64 of gzip). Rejects with an Error
 * if the text is not base64, not a whole gzip stream, or fails its CRC-32.
 */
export async function decodeDataBlock(text) {
  let packed;
  try {
    packed = decodeBase64(String(text ?? ''));
  } catch {
    throw new Error('the data block is damaged: its text is not base64');
  }
  try {
    // One write of the whole: Blob.stream()'s 64 KiB chunks made the model's inflate take ≈ 1.5× as long.
    const inflate = new DecompressionStream(FORMAT);
    const writer = inflate.writable.getWriter();
    writer.write(packed).catch(() => {}); // a damaged block rejects these too, and the read below
    writer.close().catch(() => {});
    return new Uint8Array(await new Response(inflate.readable).arrayBuffer());
  } catch (e) {
    throw new Error(`the data block is damaged: it does not decompress (${e?.message ?? e})`);
  }
}


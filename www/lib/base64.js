// The embedded wasm and model (the package's inline chunks and the offline
// page's data blocks) are base64 of their gzip, read back with the platform
// alone: `Uint8Array.fromBase64` (or `atob`) and a `DecompressionStream`
// (every current browser, Node 18+, workers, file://). Base64 of the
// compressed bytes is 2.3× smaller than base64 of the bytes and gzips
// nearly as small as the file itself; the gzip framing's CRC-32 and length
// make damaged text fail to decode instead of giving other bytes.

/** The DecompressionStream format (the build compresses with the matching zlib function). */
export const FORMAT = 'gzip';

/** The bytes of base64 text: natively where the platform has it, else through atob. */
export function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The bytes packed in `text` (base64 of gzip). Rejects with an Error that
 * names `what` if the text is not base64, not a whole gzip stream, or fails
 * its CRC-32.
 */
export async function unpack(text, what) {
  let packed;
  try {
    packed = decodeBase64(String(text ?? ''));
  } catch {
    throw new Error(`${what} is damaged: its text is not base64`);
  }
  try {
    // One write of the whole: Blob.stream()'s 64 KiB chunks made the model's inflate take ≈ 1.5× as long.
    const inflate = new DecompressionStream(FORMAT);
    const writer = inflate.writable.getWriter();
    writer.write(packed).catch(() => {}); // damaged text rejects these too, and the read below
    writer.close().catch(() => {});
    return new Uint8Array(await new Response(inflate.readable).arrayBuffer());
  } catch (e) {
    throw new Error(`${what} is damaged: it does not decompress (${e?.message ?? e})`);
  }
}

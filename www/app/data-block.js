// The offline page's data blocks: the wasm and the entity model inside
// `<script type="application/octet-stream">`, each base64 of the file
// gzipped (lib/base64.js), decoded in the page's worker. Base64 is ASCII
// without `<`, so the HTML parser keeps it as it is under any charset.

import { unpack } from '../lib/base64.js';

export { FORMAT } from '../lib/base64.js';

/**
 * The bytes of a data block's text (base64 of gzip). Rejects with an Error
 * if the text is not base64, not a whole gzip stream, or fails its CRC-32.
 */
export function decodeDataBlock(text) {
  return unpack(text, 'the data block');
}

// Base64 text as bytes, for the embedded wasm and model (the package's
// inline chunks and the page's data blocks).

/** The bytes of base64 text: natively where the platform has it, else through atob. */
export function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// The `dateline` package: init(), analyze(), tokenize() over the wasm core.
// Every offset it returns is in UTF-16 code units (JavaScript string indices).

import initAsync, { initSync as initWasmSync, analyze as analyzeWasm, findDates as findDatesWasm, tokenizePacked } from './wasm/dateline.js';

const TOKEN_KINDS = ['word', 'number', 'punctuation', 'symbol'];

let initialized = false;
let pending = null;

/**
 * Loads the WebAssembly core. Idempotent: later calls return at once.
 * Without an argument it uses the wasm embedded in the package (no fetch);
 * it also accepts a URL, a Request, a Response, bytes or a WebAssembly.Module.
 */
export function init(input) {
  if (initialized) return Promise.resolve();
  if (!pending) {
    pending = (async () => {
      if (input === undefined) {
        const { default: base64 } = await import('./wasm-inline.js');
        initWasmSync({ module: decodeBase64(base64) });
      } else {
        await initAsync({ module_or_path: input });
      }
      initialized = true;
    })();
    pending.catch(() => { pending = null; });
  }
  return pending;
}

/**
 * Loads the WebAssembly core synchronously from bytes or a WebAssembly.Module
 * (for workers, file:// pages and Node). Idempotent.
 */
export function initSync(bytesOrModule) {
  if (initialized) return;
  if (bytesOrModule === undefined) {
    throw new TypeError('dateline: initSync needs the wasm bytes or a WebAssembly.Module; use `await init()` for the embedded wasm');
  }
  initWasmSync({ module: bytesOrModule });
  initialized = true;
}

/** Analyses one story: a string, a DocInput, or an array of them. Offsets are UTF-16 code units. */
export function analyze(docs, options) {
  ensureReady('analyze');
  return analyzeWasm(docs, options ?? undefined);
}

/**
 * The temporal expressions of `text` (TimeML TIMEX3), resolved against
 * `options.reference` (an ISO date). Offsets are UTF-16 code units.
 */
export function findDates(text, options) {
  ensureReady('findDates');
  if (typeof text !== 'string') {
    throw new TypeError(`dateline: findDates(text) needs a string, got ${text === null ? 'null' : typeof text}`);
  }
  return findDatesWasm(text, options ?? undefined);
}

/** The tokens of `text`: {start, end, kind, sentence}, offsets in UTF-16 code units. */
export function tokenize(text) {
  ensureReady('tokenize');
  if (typeof text !== 'string') {
    throw new TypeError(`dateline: tokenize(text) needs a string, got ${text === null ? 'null' : typeof text}`);
  }
  const packed = tokenizePacked(text);
  const tokens = new Array(packed.length / 4);
  for (let i = 0, j = 0; j < packed.length; i++, j += 4) {
    tokens[i] = { start: packed[j], end: packed[j + 1], kind: TOKEN_KINDS[packed[j + 2]], sentence: packed[j + 3] };
  }
  return tokens;
}

function ensureReady(name) {
  if (!initialized) {
    throw new Error(`dateline: call \`await init()\` before ${name}()`);
  }
}

function decodeBase64(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

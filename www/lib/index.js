// The `dateline` package: init(), analyze(), tokenize() over the wasm core.
// Every offset it returns is in UTF-16 code units (JavaScript string indices).
//
// Two assets: the wasm core (code, ~300 KB gzip) and the entity model
// (dateline-model.bin, ~1.6 MB gzip), which only analyze() with entities
// needs. Both are embedded base64, each in its own module imported on
// demand, so bundlers put them in chunks of their own and nothing is fetched.

import initAsync, {
  initSync as initWasmSync, analyze as analyzeWasm, findDates as findDatesWasm, findEntities as findEntitiesWasm,
  loadModel as loadModelWasm, releaseTokens, tokenizePacked,
} from './wasm/dateline.js';
import { unpack } from './base64.js';

const TOKEN_KINDS = ['word', 'number', 'punctuation', 'symbol'];

let initialized = false;
let pending = null;
let modelLoaded = false;
let modelPending = null;

/**
 * Loads the WebAssembly core and the entity model. Idempotent: later calls
 * return at once. Without an argument both come from the package (no fetch).
 * `input` is the wasm (a URL, Request, Response, bytes or WebAssembly.Module)
 * or `{ wasm, model }`: `model` is the entity model (a URL, Request, Response
 * or the bytes of dateline-model.bin), or `false` to leave it for later
 * (`loadModel()`): only analyze() with entities needs it.
 */
export function init(input) {
  let wasm;
  let model;
  try {
    ({ wasm, model } = initOptions(input));
  } catch (e) {
    return Promise.reject(e);
  }
  const ready = initWasm(wasm);
  if (model === false || modelLoaded) return ready;
  if (!modelPending) {
    modelPending = (async () => {
      const bytes = await modelBytes(model); // fetched or decoded while the wasm compiles
      await ready;
      loadModelWasm(bytes);
      modelLoaded = true;
    })();
    modelPending.catch(() => { modelPending = null; });
  }
  return Promise.all([ready, modelPending]).then(() => undefined);
}

/**
 * Loads the entity model, from the package (no fetch) or from `input` (a URL,
 * Request, Response or the bytes of dateline-model.bin), and the wasm core
 * if `init()` has not. Idempotent.
 */
export function loadModel(input) {
  return init({ model: input });
}

/**
 * Loads the WebAssembly core synchronously from bytes or a WebAssembly.Module
 * (for workers, file:// pages and Node); `{ wasm, model }` loads the entity
 * model too, from the bytes of dateline-model.bin. Idempotent.
 */
export function initSync(input) {
  const { wasm, model } = initOptions(input);
  if (!initialized) {
    if (wasm === undefined) {
      throw new TypeError('dateline: initSync needs the wasm bytes or a WebAssembly.Module; use `await init()` for the embedded wasm');
    }
    initWasmSync({ module: wasm });
    initialized = true;
  }
  if (model !== undefined && model !== false && !modelLoaded) {
    if (!(model instanceof ArrayBuffer || ArrayBuffer.isView(model))) {
      throw new TypeError('dateline: initSync({ model }) needs the bytes of dateline-model.bin; `await init()` loads the embedded model');
    }
    loadModelWasm(toBytes(model));
    modelLoaded = true;
  }
}

/**
 * Analyses one story: a string, a DocInput, or an array of them. Offsets are
 * UTF-16 code units. With entities (the default) the model must be loaded.
 */
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

/**
 * The named-entity mentions of `text` ({start, end, text, type, entity}),
 * offsets in UTF-16 code units. Needs the entity model, like analyze().
 */
export function findEntities(text) {
  ensureReady('findEntities');
  if (typeof text !== 'string') {
    throw new TypeError(`dateline: findEntities(text) needs a string, got ${text === null ? 'null' : typeof text}`);
  }
  return findEntitiesWasm(text);
}

/** The tokens of `text`: {start, end, kind, sentence}, offsets in UTF-16 code units. */
export function tokenize(text) {
  ensureReady('tokenize');
  if (typeof text !== 'string') {
    throw new TypeError(`dateline: tokenize(text) needs a string, got ${text === null ? 'null' : typeof text}`);
  }
  // A view of the wasm's memory: read at once, with no call into the wasm
  // until releaseTokens().
  const packed = tokenizePacked(text);
  try {
    const tokens = new Array(packed.length / 4);
    for (let i = 0, j = 0; j < packed.length; i++, j += 4) {
      tokens[i] = { start: packed[j], end: packed[j + 1], kind: TOKEN_KINDS[packed[j + 2]], sentence: packed[j + 3] };
    }
    return tokens;
  } finally {
    releaseTokens();
  }
}

/** Loads the wasm core once (the embedded one when `input` is undefined). */
function initWasm(input) {
  if (initialized) return Promise.resolve();
  if (!pending) {
    pending = (async () => {
      if (input === undefined) {
        const { default: packed } = await import('./wasm-inline.js');
        initWasmSync({ module: await unpack(packed, 'dateline: the embedded wasm') });
      } else {
        await initAsync({ module_or_path: input });
      }
      initialized = true;
    })();
    pending.catch(() => { pending = null; });
  }
  return pending;
}

/** `{ wasm, model }` from init's argument: the options object, or the wasm alone. */
function initOptions(input) {
  if (input === null || typeof input !== 'object' || Object.getPrototypeOf(input) !== Object.prototype) {
    return { wasm: input, model: undefined };
  }
  for (const key of Object.keys(input)) {
    if (key !== 'wasm' && key !== 'model') {
      throw new TypeError(`dateline: init options have an unknown field "${key}"; expected wasm, model`);
    }
  }
  return { wasm: input.wasm, model: input.model };
}

/** The bytes of the entity model: embedded when `input` is undefined, else given or fetched. */
async function modelBytes(input) {
  input = await input;
  if (input === undefined) {
    const { default: packed } = await import('./model-inline.js');
    return unpack(packed, 'dateline: the embedded model');
  }
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return toBytes(input);
  const isRequest = typeof Request === 'function' && input instanceof Request;
  const isResponse = typeof Response === 'function' && input instanceof Response;
  if (!(typeof input === 'string' || input instanceof URL || isRequest || isResponse)) {
    throw new TypeError('dateline: the model must be a URL, Request, Response or the bytes of dateline-model.bin');
  }
  const response = isResponse ? input : await fetch(input);
  if (!response.ok) {
    throw new Error(`dateline: could not load the entity model from ${response.url || String(input)}: HTTP ${response.status}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

function toBytes(source) {
  return source instanceof ArrayBuffer ? new Uint8Array(source) : new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
}

function ensureReady(name) {
  if (!initialized) {
    throw new Error(`dateline: call \`await init()\` before ${name}()`);
  }
}


// The analysis engine in a Web Worker, so the page never waits on the wasm:
// it receives the wasm and entity-model bytes once ("init"), then analyses
// stories ("analyze") and sends the Analysis back in parts (documents,
// entities, timeline events in batches), so that no single message takes
// the page's thread long to receive. Built by scripts/build.mjs into a
// string that www/app/engine.js starts from a Blob URL (works from file://).
//
// Messages in:  {type: 'init', wasm, model}: each an ArrayBuffer, or the
//               text of the page's data block (app/data-block.js)
//               {type: 'analyze', id, inputs, options}
// Messages out: {type: 'ready'} | {type: 'progress', id, phase, done, total}
//               (phase: the core's 'reading' | 'names' | 'finishing', then 'receiving')
//               {type: 'part', id, field, items} | {type: 'done', id, rest}
//               {type: 'error', id, name, message}

import { analyze, initSync, loadModel } from 'dateline-core';
import { decodeDataBlock } from './app/data-block.js';

/** At most one progress message per this many milliseconds (the first and last of a phase always go). */
const PROGRESS_MS = 50;

/** Items per message, by field: small enough to clone in a few milliseconds. */
const BATCH = { documents: 10, entities: 400, timeline: 300 };

let ready = false;

self.addEventListener('message', (event) => {
  const message = event.data ?? {};
  const report = (e) => {
    self.postMessage({ type: 'error', id: message.id ?? null, name: e?.name ?? 'Error', message: String(e?.message ?? e) });
  };
  try {
    if (message.type === 'init') start(message).catch(report);
    else if (message.type === 'analyze') run(message);
    else throw new TypeError(`unknown message type "${message.type}"`);
  } catch (e) {
    report(e);
  }
});

/** Instantiates the wasm core and loads the entity model. */
async function start({ wasm, model }) {
  const [wasmBytes, modelBytes] = await Promise.all([bytes(wasm), bytes(model)]);
  initSync({ module: wasmBytes });
  loadModel(modelBytes);
  ready = true;
  self.postMessage({ type: 'ready' });
}

/** The bytes of an asset sent as an ArrayBuffer or as a data block's text. */
async function bytes(data) {
  return data instanceof ArrayBuffer ? new Uint8Array(data) : decodeDataBlock(data);
}

/** Analyses one story and posts the result in parts, then the rest. */
function run({ id, inputs, options }) {
  if (!ready) throw new Error('the analysis engine has not started');
  const total = Array.isArray(inputs) ? inputs.length : 1;
  self.postMessage({ type: 'progress', id, phase: 'reading', done: 0, total });
  // The core's own progress (documents read, documents through the entity
  // model, the story-wide steps), at most one message per PROGRESS_MS.
  let last = 0;
  let lastPhase = null;
  const onProgress = ({ phase, done, total }) => {
    const now = performance.now();
    if (phase === lastPhase && now - last < PROGRESS_MS && done < total) return;
    last = now;
    lastPhase = phase;
    self.postMessage({ type: 'progress', id, phase, done, total });
  };
  const analysis = analyze(inputs, { ...options, onProgress });
  const rest = { ...analysis };
  for (const field of Object.keys(BATCH)) {
    const items = analysis[field];
    if (!Array.isArray(items)) continue;
    rest[field] = []; // the page fills it from the parts
    for (let i = 0; i < items.length; i += BATCH[field]) {
      self.postMessage({ type: 'part', id, field, items: items.slice(i, i + BATCH[field]) });
      if (field === 'documents') {
        self.postMessage({ type: 'progress', id, phase: 'receiving', done: Math.min(items.length, i + BATCH[field]), total: items.length });
      }
    }
  }
  self.postMessage({ type: 'done', id, rest });
}

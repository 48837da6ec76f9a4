// The page's side of the analysis worker (www/worker.js): starts it from a
// Blob URL (no fetch, so it works from file://), hands it the wasm and the
// entity model (transferred bytes, or the page's data blocks as text, which
// the worker decodes), and runs analyses one at a time.

/** Error classes the worker's errors are rebuilt as, by name. */
const ERRORS = { TypeError, RangeError, Error };

/**
 * An analysis engine in a Web Worker. `source`: the worker's code (a
 * string); `wasm` and `model`: the wasm core and dateline-model.bin, each
 * as bytes (Uint8Array or ArrayBuffer, transferred to the worker) or as
 * the text of the page's data block (`app/data-block.js`, decoded in the
 * worker, off the page's thread).
 */
export function createEngine({ source, wasm, model }) {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  // A classic worker: Chromium refuses module workers from blob: URLs under file://.
  const worker = new Worker(url, { name: 'dateline-analysis' });
  let failure = null;
  let ready = false;
  let current = null;
  const queue = [];
  let nextId = 1;

  const started = new Promise((resolve, reject) => {
    worker.addEventListener('message', function onReady(event) {
      if (event.data?.type === 'ready') {
        ready = true;
        worker.removeEventListener('message', onReady);
        URL.revokeObjectURL(url);
        resolve();
      } else if (event.data?.type === 'error' && event.data.id === null) {
        fail(errorFrom(event.data, 'The analysis engine could not start'));
        reject(failure);
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const why = event.message || 'the worker failed';
      fail(new Error(ready ? `The analysis engine stopped: ${why}` : `The analysis engine could not start: ${why}`));
      reject(failure);
    });
  });
  started.catch(() => {});
  const [wasmData, modelData] = [wasm, model].map((data) => (isBytes(data) ? toBuffer(data) : data));
  worker.postMessage({ type: 'init', wasm: wasmData, model: modelData }, [wasmData, modelData].filter(isBytes));
  worker.addEventListener('message', (event) => receive(event.data));
  worker.addEventListener('messageerror', () => {
    worker.terminate();
    fail(new Error('The analysis engine sent a result the page could not read; the engine restarts for the next analysis'));
  });

  function fail(error) {
    failure = error;
    current?.reject(error);
    current = null;
    for (const job of queue.splice(0)) job.reject(error);
  }

  function receive(message) {
    if (!current || message?.id !== current.id) return;
    const job = current;
    switch (message.type) {
      case 'progress':
        job.onProgress?.({ phase: message.phase, done: message.done, total: message.total });
        break;
      case 'part':
        (job.parts[message.field] ??= []).push(message.items);
        break;
      case 'done': {
        const analysis = message.rest;
        for (const [field, batches] of Object.entries(job.parts)) analysis[field] = batches.flat();
        finish(job, () => job.resolve(analysis));
        break;
      }
      case 'error':
        if (message.name === 'RuntimeError') {
          // A trap in the wasm: its state is not to be trusted; this engine stops and the next request starts another.
          worker.terminate();
          fail(new Error(`The analysis failed inside the engine (${message.message}); the engine restarts for the next analysis`));
        } else {
          finish(job, () => job.reject(errorFrom(message)));
        }
        break;
      default:
    }
  }

  function finish(job, settle) {
    current = null;
    settle();
    pump();
  }

  function pump() {
    if (current || !queue.length || failure) return;
    current = queue.shift();
    current.onProgress?.({ phase: 'reading', done: 0, total: current.inputs.length });
    worker.postMessage({ type: 'analyze', id: current.id, inputs: current.inputs, options: current.options });
  }

  return {
    /** Resolves once the engine has started; rejects with why it could not. */
    ready: () => started,
    /**
     * Analyses `inputs` (DocInput[]) in the worker; resolves to the
     * Analysis, rejects with the core's TypeError/RangeError/Error.
     * `onProgress({phase, done, total})`: the core's 'reading', 'names' and
     * 'finishing' (documents done of all), then 'receiving' (the result's parts).
     */
    analyze(inputs, options, onProgress) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, inputs, options, onProgress, resolve, reject, parts: {} });
        started.then(pump, () => {});
      });
    },
    /** Whether the engine has stopped (it failed, or was terminated). */
    failed: () => failure !== null,
    /** Stops the worker; pending analyses reject. */
    terminate() {
      worker.terminate();
      fail(new Error('The analysis engine was stopped'));
    },
  };
}

/** The worker's `{name, message}` as a real Error of the same class. */
function errorFrom({ name, message }, prefix) {
  const Kind = ERRORS[name] ?? Error;
  return new Kind(prefix ? `${prefix}: ${message}` : message);
}

/** Whether `data` is bytes (an ArrayBuffer or a view), not an encoded data block. */
function isBytes(data) {
  return data instanceof ArrayBuffer || ArrayBuffer.isView(data);
}

/** An ArrayBuffer holding exactly `bytes` (copied only when it is a view of a larger buffer). */
function toBuffer(bytes) {
  if (bytes instanceof ArrayBuffer) return bytes;
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer;
  return bytes.slice().buffer;
}

let pageEngine = null;

/**
 * The page's engine, started on first use from the assets the build
 * embeds (`dateline-page:assets`: the worker's code, and readers of the
 * wasm and the model, text in the page's data blocks, see app/data-block.js),
 * and started anew after it failed. The user timing measure
 * `dateline:engine-start` spans reading the blocks to the worker's ready.
 */
export async function pageEngineStart() {
  if (!pageEngine || pageEngine.failed()) {
    // The page's script runs while the parser is still reading the data blocks after it.
    if (document.readyState === 'loading') await new Promise((resolve) => { document.addEventListener('DOMContentLoaded', resolve, { once: true }); });
    if (pageEngine && !pageEngine.failed()) return pageEngine.ready().then(() => pageEngine);
    const assets = await import('dateline-page:assets');
    const start = performance.now();
    pageEngine = createEngine({ source: assets.workerSource, wasm: assets.wasmBlock(), model: assets.modelBlock() });
    pageEngine.ready().then(() => performance.measure('dateline:engine-start', { start }), () => {});
  }
  await pageEngine.ready();
  return pageEngine;
}

/**
 * Analyses `inputs` as one story in the page's worker; resolves to the
 * Analysis. `onProgress({phase, done, total})` reports the phases.
 * Requests run one at a time, in order.
 */
export async function analyzeInWorker(inputs, options, onProgress) {
  const engine = await pageEngineStart();
  return engine.analyze(inputs, options, onProgress);
}

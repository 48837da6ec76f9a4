// Node entry of the `dateline` package: the wasm is read from the package
// folder and instantiated on import, so `init()` resolves at once; the entity
// model (dateline-model.bin) is read from the same folder the first time
// analyze() needs it, unless init() or loadModel() was given another.
import { readFileSync } from 'node:fs';
import * as core from './index.js';

const read = (file) => readFileSync(new URL(file, import.meta.url));

core.initSync(read('./dateline.wasm'));

let modelRead = false;

/** Loads the model from the package folder, once. */
function readModel() {
  if (!modelRead) {
    core.initSync({ model: read('./dateline-model.bin') });
    modelRead = true;
  }
}

/** The same as the browser's init(); the model, unless given, is read from disk when first needed. */
export function init(input) {
  const options = input !== null && typeof input === 'object' && Object.getPrototypeOf(input) === Object.prototype
    ? input
    : { wasm: input };
  return core.init({ ...options, model: options.model ?? false });
}

/** Loads the entity model: from `input`, else from the package folder. */
export function loadModel(input) {
  if (input !== undefined) return core.loadModel(input);
  try {
    readModel();
    return Promise.resolve();
  } catch (e) {
    return Promise.reject(e);
  }
}

/** analyze() of the package, reading the entity model from disk first if it needs it. */
export function analyze(docs, options) {
  const entities = !(options !== null && typeof options === 'object' && options.entities === false);
  if (entities) readModel();
  return core.analyze(docs, options);
}

/** findEntities() of the package, reading the entity model from disk first. */
export function findEntities(text) {
  readModel();
  return core.findEntities(text);
}

export { initSync, findDates, tokenize } from './index.js';

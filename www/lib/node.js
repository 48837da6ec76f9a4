// Node entry of the `dateline` package: the wasm is read from the package
// folder and instantiated on import, so `init()` resolves at once.
import { readFileSync } from 'node:fs';
import { initSync } from './index.js';

initSync(readFileSync(new URL('./dateline.wasm', import.meta.url)));

export { init, initSync, analyze, findDates, tokenize } from './index.js';

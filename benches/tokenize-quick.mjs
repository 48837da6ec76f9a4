// Quick tokenizer check for issue 2's target ("our tokenizer is at least 2×
// wink-nlp's in the same run"): just the two rows of benches/bench.mjs that
// the target compares, on the same ~5 MB corpus (benches/corpus.mjs) and
// measured the same way (a warm-up each, then timed runs round-robin with a
// full GC before each; the median counts), plus the wasm alone for reference.
//
// Run: `node benches/tokenize-quick.mjs [runs]` after `node scripts/build.mjs`
// (default 7 runs, ~20 s). Prints MB/s for each row and the ratio.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { tokenize } from '../dist/lib/node.js';
import { tokenizePacked } from '../dist/lib/wasm/dateline.js'; // the raw export (already initialised by node.js)
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { articles } from './corpus.mjs';

const MB = 1e6;
const runs = Number(process.argv[2] ?? 7);
const corpusArticles = articles(5 * MB);
const corpus = corpusArticles.join('\n\n');
const winkTokens = winkNLP(winkModel, []);

const CASES = [
  { name: 'dateline tokenize', input: corpus, run: (text) => tokenize(text).length },
  { name: 'wink-nlp tokens only, per article', input: corpusArticles, run: (texts) => texts.reduce((n, t) => n + winkTokens.readDoc(t).tokens().out().length, 0) },
  { name: 'dateline tokenizePacked (wasm only)', input: corpus, run: (text) => tokenizePacked(text).length / 4 },
];

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const bytesOf = (v) => (Array.isArray(v) ? v.reduce((n, t) => n + Buffer.byteLength(t), 0) : Buffer.byteLength(v));

const state = CASES.map((c) => ({ c, bytes: bytesOf(c.input), count: c.run(c.input), times: [] }));
for (let round = 0; round < runs; round++) {
  for (const s of state) {
    gc();
    const t0 = performance.now();
    const n = s.c.run(s.c.input);
    s.times.push(performance.now() - t0);
    if (n !== s.count) throw new Error(`${s.c.name}: run ${round} produced ${n}, the warm-up ${s.count}`);
  }
}
const mbPerSec = {};
for (const s of state) {
  const times = [...s.times].sort((a, b) => a - b);
  const median = times[times.length >> 1];
  mbPerSec[s.c.name] = s.bytes / MB / (median / 1000);
  console.log(`${s.c.name.padEnd(40)} ${mbPerSec[s.c.name].toFixed(2).padStart(7)} MB/s  median ${median.toFixed(1)} ms, best ${times[0].toFixed(1)} ms  (${s.count} tokens)`);
}
const ratio = mbPerSec['dateline tokenize'] / mbPerSec['wink-nlp tokens only, per article'];
console.log(`dateline tokenize / wink-nlp tokens only: ${ratio.toFixed(2)}× (target ≥ 2×)`);

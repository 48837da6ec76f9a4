// Quick tokenizer check for issue 2's target ("our tokenizer is at least 2×
// wink-nlp's in the same run"): just the two rows of benches/bench.mjs that
// the target compares, on the same ~5 MB corpus (benches/corpus.mjs) and
// measured the same way (a warm-up each, then timed runs round-robin with a
// full GC before each; the median counts), plus the wasm alone for reference.
//
// Run: `node benches/tokenize-quick.mjs [runs] [lib dir…]` after `node
// scripts/build.mjs` (default 7 runs, ~5 s; extra lib dirs, e.g. a copy of
// an older dist/lib, add their rows to the same run for a before/after).
// Prints MB/s for each row and the ratio, by wall time as bench.mjs does, and
// by the process's CPU time (process.cpuUsage(), all threads), which other
// work on a busy machine disturbs less.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { articles } from './corpus.mjs';

const MB = 1e6;
const runs = Number(process.argv[2] ?? 7);
const libDirs = process.argv.slice(3);
const libs = [new URL('../dist/lib/', import.meta.url), ...libDirs.map((dir) => pathToFileURL(`${resolve(dir)}/`))];
const corpusArticles = articles(5 * MB);
const corpus = corpusArticles.join('\n\n');
const winkTokens = winkNLP(winkModel, []);
const MAIN = 'dateline tokenize';
const PEER = 'wink-nlp tokens only, per article';

const CASES = [];
for (const [i, lib] of libs.entries()) {
  const { tokenize } = await import(new URL('node.js', lib));
  const { tokenizePacked } = await import(new URL('wasm/dateline.js', lib)); // the raw export (already initialised by node.js)
  const tag = i === 0 ? '' : ` [${libDirs[i - 1]}]`;
  CASES.push(
    { name: `${MAIN}${tag}`, input: corpus, run: (text) => tokenize(text).length },
    { name: `dateline tokenizePacked (wasm only)${tag}`, input: corpus, run: (text) => tokenizePacked(text).length / 4 },
  );
}
CASES.push({ name: PEER, input: corpusArticles, run: (texts) => texts.reduce((n, t) => n + winkTokens.readDoc(t).tokens().out().length, 0) });

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const bytesOf = (v) => (Array.isArray(v) ? v.reduce((n, t) => n + Buffer.byteLength(t), 0) : Buffer.byteLength(v));

const state = CASES.map((c) => ({ c, bytes: bytesOf(c.input), count: c.run(c.input), times: [], cpu: [] }));
for (let round = 0; round < runs; round++) {
  for (const s of state) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const n = s.c.run(s.c.input);
    s.times.push(performance.now() - t0);
    const c1 = process.cpuUsage(c0);
    s.cpu.push((c1.user + c1.system) / 1000);
    if (n !== s.count) throw new Error(`${s.c.name}: run ${round} produced ${n}, the warm-up ${s.count}`);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const wall = {};
const cpu = {};
for (const { c, bytes, count, times, cpu: cpuTimes } of state) {
  wall[c.name] = bytes / MB / (median(times) / 1000);
  cpu[c.name] = bytes / MB / (median(cpuTimes) / 1000);
  console.log(
    `${c.name.padEnd(48)} ${wall[c.name].toFixed(2).padStart(6)} MB/s (median ${median(times).toFixed(1)} ms, best ${Math.min(...times).toFixed(1)} ms);` +
      ` CPU ${median(cpuTimes).toFixed(1)} ms = ${cpu[c.name].toFixed(2)} MB/s  [${count} tokens]`,
  );
}
const ratio = (mbPerSec) => (mbPerSec[MAIN] / mbPerSec[PEER]).toFixed(2);
console.log(`${MAIN} / ${PEER}: ${ratio(wall)}× by wall time, ${ratio(cpu)}× by CPU time (target ≥ 2×)`);

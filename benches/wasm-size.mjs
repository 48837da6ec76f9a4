// The wasm's size against analyze()'s speed, for the levers of DESIGN.md
// ("What keeps the wasm small"): `gzip -9c` and raw bytes of each package's
// dateline.wasm, and the CPU time of analyze([{text}]) with entities on each
// demo article, repeated to ~400 KB (the fastest of 3 passes per run).
// CPU time, not wall time, because the machine is shared and has no hardware
// counters for `perf stat`; runs alternate between the packages.
//
// Run: `node benches/wasm-size.mjs [packageDir ...] [--runs N]`
// (default: dist/lib; e.g. a copy of dist/lib built before a change, then dist/lib).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
const dirs = (args.length ? args : [join(root, 'dist', 'lib')]).map((d) => resolve(d));

if (process.env.DATELINE_BENCH_CHILD) {
  const { analyze } = await import(join(process.env.DATELINE_BENCH_CHILD, 'node.js'));
  const corpus = JSON.parse(readFileSync(join(root, 'www', 'demo', 'corpus.json'), 'utf8'));
  const texts = corpus.documents.map((d) => readFileSync(join(root, 'www', 'demo', d.file), 'utf8'));
  analyze([{ text: texts[0] }]); // loads the model
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    let chars = 0;
    const t0 = process.cpuUsage().user;
    while (chars < 400_000) for (const text of texts) { analyze([{ text }]); chars += text.length; }
    best = Math.min(best, (process.cpuUsage().user - t0) / 1000);
  }
  console.log(Math.round(best));
} else {
  const times = dirs.map(() => []);
  for (let r = 0; r < runs; r++) {
    dirs.forEach((dir, i) => {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url)], { env: { ...process.env, DATELINE_BENCH_CHILD: dir } });
      times[i].push(Number(String(out).trim()));
    });
  }
  dirs.forEach((dir, i) => {
    const wasm = readFileSync(join(dir, 'dateline.wasm'));
    console.log(`${dir}: wasm ${wasm.length} B raw, ${execFileSync('gzip', ['-9c', join(dir, 'dateline.wasm')]).length} B gzip; `
      + `analyze ${Math.min(...times[i])} ms CPU (runs: ${times[i].join(', ')})`);
  });
}

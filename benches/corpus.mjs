// The tokenizer benchmarks' corpus: the seed articles (www/demo), repeated in
// order to a target size. Shared by benches/bench.mjs and
// benches/tokenize-quick.mjs so that both measure the same text.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = join(root, 'www', 'demo');

/** The seed articles, in file-name order. */
export const seeds = readdirSync(demo).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(demo, f), 'utf8'));
if (seeds.length === 0) throw new Error('no seed articles in www/demo');

/** The seed articles, repeated in order until their UTF-8 size reaches `bytes`. */
export function articles(bytes) {
  const out = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = seeds[i % seeds.length];
    out.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return out;
}

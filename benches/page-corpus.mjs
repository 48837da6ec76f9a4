// A large story for the page's benchmarks and tests, made deterministically
// from the demo articles (www/demo) and the golden stories' articles
// (tests/fixtures/stories): article i is a pool text under a dateline of its
// own, so the chronology spans years, not the pool's few weeks.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The pool: the demo articles, then every golden story's articles, in file order. */
function pool() {
  const demo = join(root, 'www', 'demo');
  const texts = readdirSync(demo).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(demo, f), 'utf8'));
  const stories = join(root, 'tests', 'fixtures', 'stories');
  for (const dir of readdirSync(stories, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of readdirSync(join(stories, dir)).filter((f) => f.endsWith('.txt')).sort()) {
      texts.push(readFileSync(join(stories, dir, file), 'utf8'));
    }
  }
  return texts;
}

/**
 * `n` articles as `{name, text, published}`: `name` a .txt file name,
 * `text` a pool text after a first line "<day> <Month> <year>" (the
 * article's date, `published` in ISO), dates stepping 11 days apart from
 * 1 January 2015 in a fixed shuffled order.
 */
export function pageArticles(n) {
  const texts = pool();
  const day0 = Date.UTC(2015, 0, 1);
  return Array.from({ length: n }, (_, i) => {
    const step = (i * 389) % n; // 389 is prime: a fixed permutation of 0..n-1 unless n is a multiple of it
    const date = new Date(day0 + step * 11 * 86_400_000);
    const line = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
    return {
      name: `article-${String(i + 1).padStart(3, '0')}.txt`,
      text: `${line}\n\n${texts[i % texts.length]}`,
      published: date.toISOString().slice(0, 10),
    };
  });
}

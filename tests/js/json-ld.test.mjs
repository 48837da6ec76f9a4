// JSON-LD in the wasm: there `JSON.parse` reads it (the wasm has no JSON
// parser of its own), so these check it gives what serde_json gives natively
// (tests/rust/html.rs): dates, publishers, broken and too deeply nested blocks.
//
// Build first: `node scripts/build.mjs package`. Run: `node --test tests/js/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { analyze } from '../../dist/lib/node.js';

const BODY = '<article><h1>Council votes</h1><p>The council voted on the new budget after a long debate in the hall.</p></article>';

/** The document analysis of a page whose head holds `head`. */
function page(head) {
  return analyze({ html: `<html><head>${head}</head><body>${BODY}</body></html>` }, { entities: false }).documents[0];
}

const ld = (json) => `<script type="application/ld+json">${json}</script>`;

test('JSON-LD dates and publisher reach the analysis', () => {
  const doc = page(ld('{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": ["2021-10-18"], "publisher": {"name": "The Daily"}}]}'));
  assert.deepEqual(doc.dct, { value: '2021-10-18', basis: 'given' });
  assert.equal(doc.source, 'The Daily');
});

test('raw line breaks and comment wrappers are read, as natively', () => {
  const doc = page(ld('<!--\n{"@type": "NewsArticle", "headline": "Two\nlines", "datePublished": "2021-10-18"}\n-->'));
  assert.equal(doc.dct.value, '2021-10-18');
});

test('a broken block is skipped for the next source', () => {
  const doc = page(`${ld('{"datePublished": "2021-10-18",')}<meta name="date" content="2021-10-15">`);
  assert.equal(doc.dct.value, '2021-10-15');
});

test('a too deeply nested block is skipped for the next source, never a crash', () => {
  const nested = (depth) => `${'['.repeat(depth)}{"@type": "NewsArticle", "datePublished": "2021-10-18"}${']'.repeat(depth)}`;
  assert.equal(page(ld(nested(7))).dct.value, '2021-10-18');
  // Without the bound, turning this into Rust values would overflow the wasm's stack.
  assert.equal(page(`${ld(nested(200_000))}<meta name="date" content="2021-10-15">`).dct.value, '2021-10-15');
});

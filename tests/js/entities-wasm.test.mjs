// The wasm build's entities against the native build's: the mentions that
// `findEntities` gives for the spaCy fixture texts (as they are and ASCII
// upper- and lower-cased) must be the ones tests/rust/ner.rs records in
// tests/fixtures/entity-mentions.json. The wasm runs its own SIMD kernels
// (kernel.rs, lanes.rs), which the native tests never execute; this holds
// them to the same arithmetic.
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const lib = process.env.DATELINE_LIB ?? '../../dist/lib/';
const { findEntities } = await import(new URL(`${lib}node.js`, import.meta.url));

const fixtures = new URL('../fixtures/', import.meta.url);
const recorded = JSON.parse(readFileSync(new URL('entity-mentions.json', fixtures), 'utf8'));

/** The text of a recorded entry: the fixture's, cased as the Rust test does (ASCII letters only). */
function textOf({ name, variant }) {
  const text = JSON.parse(readFileSync(new URL(`spacy/${name}.json`, fixtures), 'utf8')).text;
  if (variant === 'upper') return text.replace(/[a-z]+/g, (s) => s.toUpperCase());
  if (variant === 'lower') return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  if (variant === 'original') return text;
  throw new Error(`unknown variant ${variant}`);
}

test('the recorded file covers the 30 fixtures in three variants, with mentions', () => {
  assert.equal(recorded.length, 90);
  assert.ok(recorded.reduce((n, r) => n + r.mentions.length, 0) > 1000);
});

test('wasm findEntities gives the recorded mentions for every text', () => {
  for (const entry of recorded) {
    const text = textOf(entry);
    const got = findEntities(text).map((m) => {
      assert.equal(text.slice(m.start, m.end), m.text, 'a mention is its slice of the text');
      return [m.start, m.end, m.type];
    });
    assert.deepEqual(got, entry.mentions, `${entry.name} (${entry.variant})`);
  }
});

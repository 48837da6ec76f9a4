// The temporal-expression cases of tests/fixtures/dates.tsv against the wasm
// build in Node (the same file the Rust tests read). Run under several TZ
// values by scripts/test.sh: results must not depend on the machine's zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findDates } from '../../dist/lib/node.js';

const lines = readFileSync(new URL('../fixtures/dates.tsv', import.meta.url), 'utf8').split('\n');
const cases = lines
  .map((line, i) => ({ line, n: i + 1 }))
  .filter(({ line }) => line.trim() && !line.startsWith('#'))
  .map(({ line, n }) => {
    const [reference, text, expected, options] = line.split('\t');
    return { n, reference: reference === '-' ? undefined : reference, text, expected, dayFirst: options === 'dayFirst' };
  });

function actual({ text, reference, dayFirst }) {
  const timexes = findDates(text, { reference, dayFirst });
  if (timexes.length === 0) return '-';
  return timexes
    .map((t) => {
      assert.equal(text.slice(t.start, t.end), t.text, 'offsets slice to the text');
      return `${t.text} = ${t.type} ${t.value}${t.mod ? ` ${t.mod}` : ''}`;
    })
    .join(' | ');
}

test(`every case in dates.tsv (TZ=${process.env.TZ ?? 'unset'})`, () => {
  assert.ok(cases.length > 0);
  const failures = cases
    .map((c) => ({ c, got: actual(c) }))
    .filter(({ c, got }) => got !== c.expected)
    .map(({ c, got }) => `line ${c.n}: ${JSON.stringify(c.text)}\n   expected ${c.expected}\n   got      ${got}`);
  assert.equal(failures.length, 0, `${failures.length} of ${cases.length} date cases fail:\n${failures.join('\n')}`);
});

test('findDates refuses a reference that is not a date', () => {
  assert.throws(() => findDates('on 6 October', { reference: '21/10/2021' }), RangeError);
  assert.throws(() => findDates(42, { reference: '2021-10-21' }), TypeError);
});

// The element's pure parts in Node: reading the workspace format, the
// light-DOM text, and the shadow root's stylesheet built from the page's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readWorkspace } from '../../www/element/workspace.js';
import { dedent } from '../../www/element/source.js';
import { shadowCss } from '../../scripts/element-css.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

const doc = (id, text) => ({ id, sentences: [{ start: 0, end: text.length }], paragraphs: [], mentions: [], timexes: [] });
const valid = () => ({
  format: 'dateline-workspace', version: 1, exported: '2026-12-07T13:00:00.000Z', story: 'A story',
  inputs: [{ id: 'a1', text: 'One.', published: '2021-10-21', source: 'Example' }, { id: 'a2', html: '<p>Two.</p>' }],
  analysis: { version: 1, documents: [doc('a1', 'One.'), { ...doc('a2', 'Two.'), text: 'Two.' }], entities: [], timeline: [] },
});

test('readWorkspace returns the story, the inputs as given and the analysis', () => {
  const data = valid();
  const { story, inputs, analysis } = readWorkspace(data);
  assert.equal(story, 'A story');
  assert.deepEqual(inputs, data.inputs);
  assert.equal(analysis, data.analysis);
  assert.equal(readWorkspace({ ...data, analysis: undefined }).analysis, null, 'no analysis: the reader re-analyses');
  assert.deepEqual(readWorkspace({ ...data, story: undefined, analysis: null }).story, '');
});

test('readWorkspace names what is wrong', () => {
  const cases = [
    [null, /not a Dateline workspace: the JSON is not an object/],
    [[], /not a Dateline workspace: the JSON is not an object/],
    [{ version: 1, inputs: [] }, /not a Dateline workspace: no "format" field/],
    [{ ...valid(), format: 'dateline' }, /"format" is "dateline", expected "dateline-workspace"/],
    [{ ...valid(), version: 2 }, /unsupported Dateline workspace version 2: this reader knows version 1/],
    [{ ...valid(), version: '1' }, /unsupported Dateline workspace version "1"/],
    [{ ...valid(), inputs: [] }, /"inputs" must be a non-empty array/],
    [{ ...valid(), inputs: [{ id: 'x' }] }, /inputs\[0\] needs exactly one of "text" and "html"/],
    [{ ...valid(), inputs: [{ text: 'a', html: '<p>a</p>' }] }, /inputs\[0\] needs exactly one/],
    [{ ...valid(), inputs: [{ text: 'a', published: 20211021 }] }, /inputs\[0\]\.published must be a string/],
    [{ ...valid(), inputs: [{ id: 'x', text: 'a' }, { id: 'x', text: 'b' }], analysis: undefined }, /two inputs have the id "x"/],
    [{ ...valid(), analysis: { documents: 'no' } }, /"analysis" has no "documents" array/],
    [{ ...valid(), analysis: { ...valid().analysis, documents: [doc('a1', 'One.')] } }, /has 1 documents for 2 inputs/],
    [{ ...valid(), analysis: { ...valid().analysis, documents: [doc('zz', 'One.'), doc('a2', 'Two.')] } }, /documents\[0\] is "zz", but inputs\[0\] is "a1"/],
    [{ ...valid(), analysis: { ...valid().analysis, documents: [doc('a1', 'One.'), doc('a2', 'Two.')] } }, /documents\[1\] lacks the "text" extracted from its HTML input/],
    [{ ...valid(), analysis: { ...valid().analysis, timeline: {} } }, /analysis\.timeline is not an array/],
  ];
  for (const [data, message] of cases) {
    assert.throws(() => readWorkspace(data), (e) => e instanceof TypeError && message.test(e.message), JSON.stringify(data)?.slice(0, 80));
  }
});

test('dedent removes the indentation of markup and the blank lines around the article', () => {
  assert.equal(dedent('\n    Headline\n\n    First line.\n      Indented more.\n  \n'), 'Headline\n\nFirst line.\n  Indented more.');
  assert.equal(dedent('\r\n\tA\r\n\tB\r\n'), 'A\nB');
  assert.equal(dedent('No indentation.'), 'No indentation.');
  assert.equal(dedent('  \n \n'), '');
});

test('the shadow stylesheet takes the page\'s colours on :host, overridable as --dateline-*', () => {
  const page = readFileSync(new URL('www/style.css', `file://${root}`), 'utf8');
  const css = shadowCss(page, '.dv-frame { color: red; }');
  assert.ok(!/^:root\s*\{/m.test(css.slice(0, css.indexOf('/* The page'))), 'the colours moved off :root');
  const accent = /--accent:\s*#([0-9a-f]{6})/i.exec(page)[1];
  assert.ok(css.includes(`--accent: var(--dateline-accent, #${accent});`), 'light accent');
  assert.match(css, /:host\(\[theme="dark"\]\) \{\n {2}color-scheme: dark;\n {2}--bg: var\(--dateline-bg, #/);
  assert.match(css, /@media \(prefers-color-scheme: dark\) \{\n:host\(:not\(\[theme="light"\]\)\) \{/);
  assert.ok(css.includes('mark.mention'), 'the page\'s rules follow');
  assert.ok(css.trimEnd().endsWith('.dv-frame { color: red; }'), 'the element\'s rules come last');
  assert.throws(() => shadowCss('body { color: red; }', ''), /no top-level `:root \{` block/);
  assert.throws(() => shadowCss(':root { --a: 1; }', ''), /no `@media \(prefers-color-scheme: dark\)/);
});

test('dateline/element and dateline/define import in Node (server rendering) without registering anything', async () => {
  const { DatelineView } = await import('dateline/element');
  const defined = await import('dateline/define');
  assert.equal(defined.DatelineView, DatelineView);
  assert.equal(defined.default, DatelineView);
  assert.deepEqual(DatelineView.observedAttributes, ['src', 'published', 'view', 'theme']);
  assert.equal(globalThis.customElements, undefined);
});

// The element's pure parts in Node: reading its src (the workspace format), the
// light-DOM text, and the shadow root's stylesheet built from the page's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SourceError, dedent, fetchSource } from '../../www/element/source.js';
import { shadowCss } from '../../scripts/element-css.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

const doc = (id, text) => ({ id, sentences: [{ start: 0, end: text.length }], paragraphs: [], mentions: [], timexes: [] });
const valid = () => ({
  format: 'dateline-workspace', version: 1, exported: '2026-12-07T13:00:00.000Z', story: 'A story',
  inputs: [{ id: 'a1', text: 'One.', published: '2021-10-21', source: 'Example' }, { id: 'a2', html: '<p>Two.</p>' }],
  analysis: { version: 1, documents: [doc('a1', 'One.'), { ...doc('a2', 'Two.'), text: 'Two.' }], entities: [], timeline: [] },
});

/** Runs `fn` with `fetch` answering every request with `body` as `type`. */
async function withFetch(body, type, fn) {
  const original = globalThis.fetch;
  globalThis.fetch = async () => new Response(body, { status: 200, headers: { 'content-type': type } });
  try {
    return await fn();
  } finally {
    globalThis.fetch = original;
  }
}

test('src: a workspace file is read with the page\'s reader (one format for export, import and the element)', async () => {
  const data = valid();
  const got = await withFetch(JSON.stringify(data), 'application/json', () => fetchSource('story.json', 'http://host/'));
  assert.equal(got.workspace, true);
  assert.equal(got.story, 'A story');
  assert.deepEqual(got.inputs, data.inputs);
  assert.deepEqual(got.analysis, data.analysis);
  const text = await withFetch('Plain article.', 'text/plain', () => fetchSource('a.txt', 'http://host/'));
  assert.deepEqual(text.inputs, [{ text: 'Plain article.' }]);
  const html = await withFetch('<h1>T</h1><p>Body.</p>', 'text/html', () => fetchSource('a.html', 'http://host/'));
  assert.deepEqual(html.inputs, [{ html: '<h1>T</h1><p>Body.</p>' }]);
});

test('src: what is wrong with a file is named, with the src', async () => {
  const cases = [
    ['{', /src "s\.json" is not valid JSON/],
    [JSON.stringify({ ...valid(), format: 'dateline' }), /src "s\.json": .*not a Dateline workspace/],
    [JSON.stringify({ ...valid(), version: 2 }), /src "s\.json": .*version 2/],
    [JSON.stringify({ ...valid(), inputs: [] }), /src "s\.json": the workspace has no articles/],
    [JSON.stringify({ ...valid(), inputs: [{ id: 'x' }] }), /src "s\.json": .*exactly one of "text" and "html"/],
  ];
  for (const [body, message] of cases) {
    await assert.rejects(withFetch(body, 'application/json', () => fetchSource('s.json', 'http://host/')),
      (e) => e instanceof SourceError && message.test(e.message), body.slice(0, 60));
  }
  await assert.rejects(withFetch('  ', 'text/plain', () => fetchSource('e.txt', 'http://host/')), /src "e\.txt" is empty/);
  await assert.rejects(fetchSource('http://[bad', 'http://host/'), /is not a valid URL/);
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

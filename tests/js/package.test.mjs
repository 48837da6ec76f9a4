// The built npm package (dist/lib), tested from JavaScript: init, the
// Analysis shape, errors, UTF-16 offsets on every span-bearing output,
// robustness on hostile text, and the tokenizer's news rules.
//
// Build first: `node scripts/build.mjs package`. Run: `node --test tests/js/`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import { init, initSync, analyze, findEntities, tokenize } from '../../dist/lib/node.js';

const lib = new URL('../../dist/lib/', import.meta.url);
const indexUrl = new URL('index.js', lib).href;
const wasmPath = fileURLToPath(new URL('dateline.wasm', lib));
const modelPath = fileURLToPath(new URL('dateline-model.bin', lib));

/** Runs an ES module snippet in a fresh Node process; returns what it printed as JSON. */
function runChild(code) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  return JSON.parse(out);
}

/** The error a call throws (fails if it does not throw). */
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected a throw');
}

const slice = (text, item) => text.slice(item.start, item.end);
const tokenTexts = (text) => tokenize(text).map((t) => slice(text, t));
const sentenceTexts = (text) => analyze(text).documents[0].sentences.map((s) => slice(text, s));

// ─── init ────────────────────────────────────────────────────────────────────

describe('init', () => {
  test('the package is built', () => {
    assert.ok(existsSync(wasmPath), 'run `node scripts/build.mjs package` first');
  });

  test('node.js is ready on import; init() and initSync() are idempotent', async () => {
    assert.equal(await init(), undefined);
    assert.equal(await init(), undefined);
    initSync(new Uint8Array([0, 1, 2])); // already initialised: ignored, no throw
    assert.equal(analyze('One. Two.').documents[0].sentences.length, 2);
  });

  test('index.js: analyze/tokenize before init() throw an Error saying to call init', () => {
    const result = runChild(`
      const { analyze, tokenize } = await import(${JSON.stringify(indexUrl)});
      const out = {};
      for (const [name, fn] of [['analyze', () => analyze('x')], ['tokenize', () => tokenize('x')]]) {
        try { fn(); out[name] = null; } catch (e) { out[name] = { isError: e instanceof Error, name: e.name, message: e.message }; }
      }
      console.log(JSON.stringify(out));
    `);
    for (const name of ['analyze', 'tokenize']) {
      assert.ok(result[name], `${name} before init() did not throw`);
      assert.ok(result[name].isError);
      assert.match(result[name].message, /init\(\)/, `message should say to call init(): ${result[name].message}`);
      assert.match(result[name].message, new RegExp(name));
    }
  });

  test('index.js: init() with the embedded wasm, called twice and concurrently, then works', () => {
    const result = runChild(`
      const { init, analyze, tokenize } = await import(${JSON.stringify(indexUrl)});
      const fetches = [];
      globalThis.fetch = (...args) => { fetches.push(String(args[0])); throw new Error('no fetch allowed'); };
      const [a, b] = await Promise.all([init(), init()]);
      const c = await init();
      console.log(JSON.stringify({
        results: [a, b, c].map(String),
        fetches,
        sentences: analyze('One. Two.').documents[0].sentences.length,
        tokens: tokenize('Hello, world').length,
        mentions: analyze('Jens Stoltenberg said NATO would act.').documents[0].mentions.map((m) => m.text),
      }));
    `);
    assert.deepEqual(result, {
      results: ['undefined', 'undefined', 'undefined'], fetches: [], sentences: 2, tokens: 3, mentions: ['Jens Stoltenberg', 'NATO'],
    });
  });

  test('index.js: without the entity model, analyze() with entities is an Error saying how to load it; the rest works', () => {
    const result = runChild(`
      import { readFileSync } from 'node:fs';
      const { initSync, analyze, tokenize, findDates } = await import(${JSON.stringify(indexUrl)});
      initSync(readFileSync(${JSON.stringify(wasmPath)}));
      const out = { tokens: tokenize('a b').length, dates: findDates('on 6 October 2021').length };
      out.withoutEntities = analyze('One. Two.', { entities: false }).documents[0].sentences.length;
      try { analyze('NATO met.'); } catch (e) { out.error = { type: e.constructor.name, message: e.message }; }
      initSync({ model: readFileSync(${JSON.stringify(modelPath)}) });
      out.mentions = analyze('NATO met.').documents[0].mentions.map((m) => m.text);
      console.log(JSON.stringify(out));
    `);
    assert.equal(result.tokens, 2);
    assert.equal(result.dates, 1);
    assert.equal(result.withoutEntities, 2);
    assert.equal(result.error?.type, 'Error');
    for (const hint of [/init\(\)/, /loadModel\(\)/, /initSync\(\{ wasm, model \}\)/, /entities: false/]) {
      assert.match(result.error.message, hint);
    }
    assert.deepEqual(result.mentions, ['NATO']);
  });

  test('index.js: init({ model: false }), then loadModel() from the package, bytes or a Response; no fetch', () => {
    const result = runChild(`
      import { readFileSync } from 'node:fs';
      globalThis.fetch = () => { throw new Error('no fetch allowed'); };
      const model = readFileSync(${JSON.stringify(modelPath)});
      const text = 'Jens Stoltenberg said NATO would act.';
      const mentions = (m) => m.analyze(text).documents[0].mentions.length;
      const out = {};
      const a = await import(${JSON.stringify(indexUrl + '?lazy')});
      await a.init({ model: false });
      try { a.analyze(text); } catch (e) { out.before = e.constructor.name; }
      await a.loadModel();
      out.embedded = mentions(a);
      const b = await import(${JSON.stringify(indexUrl + '?bytes-model')});
      await b.init({ wasm: readFileSync(${JSON.stringify(wasmPath)}), model: Promise.resolve(model) });
      out.bytes = mentions(b);
      const c = await import(${JSON.stringify(indexUrl + '?response')});
      await c.init({ model: new Response(model) });
      out.response = mentions(c);
      const d = await import(${JSON.stringify(indexUrl + '?load-first')});
      await d.loadModel(model.buffer.slice(model.byteOffset, model.byteOffset + model.byteLength));
      out.loadFirst = mentions(d);
      console.log(JSON.stringify(out));
    `);
    assert.deepEqual(result, { before: 'Error', embedded: 2, bytes: 2, response: 2, loadFirst: 2 });
  });

  test('index.js: other bytes as the model, or a bad init option, are refused with an Error, and the core keeps working', () => {
    const result = runChild(`
      import { readFileSync } from 'node:fs';
      const { init, initSync, loadModel, analyze } = await import(${JSON.stringify(indexUrl)});
      const model = readFileSync(${JSON.stringify(modelPath)});
      const out = {};
      const error = (e) => ({ type: e.constructor.name, message: e.message });
      try { await init({ wams: 1 }); } catch (e) { out.option = error(e); }
      await init({ model: false });
      try { initSync({ model: new Uint8Array([1, 2, 3]) }); } catch (e) { out.garbage = error(e); }
      const changed = Uint8Array.from(model);
      changed[1000] ^= 1;
      try { await loadModel(changed); } catch (e) { out.changed = error(e); }
      try { await loadModel(model.subarray(0, 1000)); } catch (e) { out.truncated = error(e); }
      try { await loadModel(42); } catch (e) { out.number = error(e); }
      out.still = analyze('One. Two.', { entities: false }).documents[0].sentences.length;
      await loadModel(model);
      out.mentions = analyze('NATO met.').documents[0].mentions.length;
      console.log(JSON.stringify(out));
    `);
    assert.equal(result.option.type, 'TypeError');
    assert.match(result.option.message, /wams/);
    assert.equal(result.garbage.type, 'Error');
    assert.match(result.garbage.message, /not a model asset/);
    assert.match(result.changed.message, /not the one this version/);
    assert.match(result.truncated.message, /truncated/);
    assert.equal(result.number.type, 'TypeError');
    assert.equal(result.still, 2);
    assert.equal(result.mentions, 1);
  });

  test('node.js reads the entity model from the package folder the first time analyze() needs it', () => {
    const result = runChild(`
      const { analyze, tokenize } = await import(${JSON.stringify(new URL('node.js', lib).href)});
      const out = { tokens: tokenize('a b').length, off: analyze('NATO met.', { entities: false }).documents[0].mentions.length };
      out.on = analyze('NATO met.').documents[0].mentions.length;
      console.log(JSON.stringify(out));
    `);
    assert.deepEqual(result, { tokens: 2, off: 0, on: 1 });
  });

  test('index.js: init(bytes) and initSync(bytes) load the given wasm; initSync() without bytes is a TypeError', () => {
    const result = runChild(`
      import { readFileSync } from 'node:fs';
      const bytes = readFileSync(${JSON.stringify(wasmPath)});
      const a = await import(${JSON.stringify(indexUrl + '?bytes')});
      await a.init(bytes);
      const b = await import(${JSON.stringify(indexUrl + '?sync')});
      let noArg;
      try { b.initSync(); } catch (e) { noArg = { type: e.constructor.name, message: e.message }; }
      b.initSync(new WebAssembly.Module(bytes));
      console.log(JSON.stringify({ a: a.tokenize('a b').length, b: b.tokenize('a b c').length, noArg }));
    `);
    assert.equal(result.a, 2);
    assert.equal(result.b, 3);
    assert.equal(result.noArg?.type, 'TypeError');
    assert.match(result.noArg.message, /init\(\)/);
  });
});

// ─── typings ─────────────────────────────────────────────────────────────────

test('typings: tests/types/usage.ts type-checks against dist/lib (tsc --noEmit)', () => {
  const tsc = fileURLToPath(new URL('../../node_modules/.bin/tsc', import.meta.url));
  const project = fileURLToPath(new URL('../types', import.meta.url));
  try {
    execFileSync(tsc, ['-p', project, '--noEmit'], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc -p tests/types failed:\n${e.stdout}${e.stderr}`);
  }
});

// ─── the Analysis shape ──────────────────────────────────────────────────────

describe('Analysis shape', () => {
  const text = 'Russia suspends its NATO mission\n\nMoscow said on Monday it would act. Then it did.';

  test('plain data: version 1, the documents, entities and timeline arrays', () => {
    const a = analyze(text);
    assert.equal(Object.getPrototypeOf(a), Object.prototype);
    assert.deepEqual(JSON.parse(JSON.stringify(a)), a, 'the Analysis is plain JSON data');
    assert.equal(a.version, 1);
    assert.deepEqual(Object.keys(a).sort(), ['documents', 'entities', 'timeline', 'version']);
    assert.ok(Array.isArray(a.entities));
    assert.ok(Array.isArray(a.timeline));
    assert.equal(a.documents.length, 1);
    const d = a.documents[0];
    for (const key of ['id', 'title', 'source', 'dct', 'body', 'boilerplate', 'paragraphs', 'sentences', 'mentions', 'timexes']) {
      assert.ok(key in d, `document lacks ${key}`);
    }
    for (const key of ['body', 'boilerplate', 'paragraphs', 'sentences', 'mentions', 'timexes']) {
      assert.ok(Array.isArray(d[key]), `${key} is not an array`);
    }
    assert.deepEqual(d.paragraphs.map((p) => slice(text, p)), [
      'Russia suspends its NATO mission',
      'Moscow said on Monday it would act. Then it did.',
    ]);
    assert.deepEqual(d.sentences.map((s) => slice(text, s)), [
      'Russia suspends its NATO mission',
      'Moscow said on Monday it would act.',
      'Then it did.',
    ]);
    assert.deepEqual(d.body, [{ start: 0, end: text.length }]);
  });

  test('onProgress: documents read, documents through the entity model, then the story-wide steps; the same Analysis', () => {
    const docs = ['Moscow said on Monday it would act.', 'NATO met in Brussels on 6 October 2021.', 'Then it did.'];
    const seen = [];
    const a = analyze(docs, { onProgress: (p) => seen.push(p) });
    assert.deepEqual(seen, [
      { phase: 'reading', done: 1, total: 3 }, { phase: 'reading', done: 2, total: 3 }, { phase: 'reading', done: 3, total: 3 },
      { phase: 'names', done: 1, total: 3 }, { phase: 'names', done: 2, total: 3 }, { phase: 'names', done: 3, total: 3 },
      { phase: 'finishing', done: 0, total: 1 },
    ]);
    assert.deepEqual(a, analyze(docs), 'reporting progress changes nothing');
    const quiet = [];
    analyze(docs, { entities: false, onProgress: (p) => quiet.push(p.phase) });
    assert.deepEqual(quiet, ['reading', 'reading', 'reading', 'finishing'], 'no names phase without entities');
    const b = analyze(docs, { onProgress: () => { throw new Error('a broken progress bar'); } });
    assert.deepEqual(b, a, 'a callback that throws does not stop the analysis');
  });

  test('ids: defaults doc-1, doc-2, …; given ids kept; one input or an array', () => {
    assert.deepEqual(analyze('a').documents.map((d) => d.id), ['doc-1']);
    assert.deepEqual(analyze({ text: 'a' }).documents.map((d) => d.id), ['doc-1']);
    assert.deepEqual(analyze(['a', { text: 'b' }, 'c']).documents.map((d) => d.id), ['doc-1', 'doc-2', 'doc-3']);
    assert.deepEqual(analyze([{ id: '003', text: 'a' }, 'b']).documents.map((d) => d.id), ['003', 'doc-2']);
    assert.deepEqual(analyze([]).documents, []);
  });

  test('title: given, or inferred from a short first line followed by more text', () => {
    const doc = (input) => analyze(input).documents[0];
    assert.equal(doc(text).title, 'Russia suspends its NATO mission');
    assert.equal(doc('Title\r\n\r\nBody one. Body two.').title, 'Title', 'CRLF is not part of the title');
    assert.equal(doc({ text, title: 'Given title' }).title, 'Given title');
    assert.equal(doc('A full sentence.\n\nAnother one.').title, null, 'a first line ending like a sentence is not a headline');
    assert.equal(doc('Only one line').title, null, 'a lone line is the body, not a headline');
    assert.equal(doc(`${'word '.repeat(100)}\n\nBody.`).title, null, 'a 500-character line is not a headline');
    assert.equal(doc('').title, null);
  });

  test('source is passed through', () => {
    assert.equal(analyze({ text: 'a', source: 'Example News' }).documents[0].source, 'Example News');
    assert.equal(analyze('a').documents[0].source, null);
  });

  test('dct: given by published or options.reference, else unknown', () => {
    const dct = (docs, options) => analyze(docs, options).documents.map((d) => d.dct);
    assert.deepEqual(dct({ text: 'a', published: '2021-10-21' }), [{ value: '2021-10-21', basis: 'given' }]);
    assert.deepEqual(dct({ text: 'a', published: '2021-10-21T09:30:00Z' }), [{ value: '2021-10-21', basis: 'given' }]);
    assert.deepEqual(dct('a'), [{ value: null, basis: 'unknown' }]);
    assert.deepEqual(dct('a', {}), [{ value: null, basis: 'unknown' }]);
    assert.deepEqual(dct('a', null), [{ value: null, basis: 'unknown' }]);
    assert.deepEqual(dct([{ text: 'a', published: '2021-10-06' }, 'b'], { reference: '2021-10-21' }), [
      { value: '2021-10-06', basis: 'given' },
      { value: '2021-10-21', basis: 'given' },
    ]);
  });

  test('the core is deterministic: same input, same output', () => {
    assert.deepEqual(analyze(text), analyze(text));
    assert.deepEqual(tokenize(text), tokenize(text));
  });
});

// ─── HTML input ──────────────────────────────────────────────────────────────

describe('HTML input: analyze([{html}])', () => {
  const page = readFileSync(new URL('../fixtures/html/news.html', import.meta.url), 'utf8');

  test('the article text comes back as documents[].text, and every offset is into it', () => {
    const a = analyze([{ id: 'planet', html: page }, { id: 'plain', text: 'Plain text here.' }]);
    const [d, plain] = a.documents;
    assert.equal(typeof d.text, 'string');
    assert.ok(d.text.startsWith('Russia suspends its NATO mission\n\nBy Jane Doe'), d.text);
    assert.ok(!d.text.includes('Putin'), 'scripts, styles, nav, asides and comments stay out');
    assert.ok(!('text' in plain), 'documents given as text have no text field');
    assert.equal(d.title, 'Russia suspends its NATO mission');
    assert.equal(d.source, 'The Daily Planet');
    assert.deepEqual(d.dct, { value: '2021-10-18', basis: 'given' });
    for (const r of [...d.body, ...d.boilerplate, ...d.paragraphs, ...d.sentences]) {
      assert.ok(r.start < r.end && r.end <= d.text.length);
      assert.equal(slice(d.text, r).trim(), slice(d.text, r));
    }
    for (const m of [...d.mentions, ...d.timexes]) assert.equal(slice(d.text, m), m.text);
    assert.ok(d.mentions.some((m) => m.text === 'Sergei Lavrov'));
    assert.ok(d.timexes.some((t) => t.text === '6\u00a0October' && t.value === '2021-10-06'));
    for (const e of a.timeline) {
      for (const s of e.sources.filter((s) => s.document === 'planet')) assert.ok(s.end <= d.text.length);
    }
  });

  test('given title, published and source win over the page', () => {
    const d = analyze({ html: page, title: 'T', published: '2021-10-21', source: 'S' }).documents[0];
    assert.deepEqual([d.title, d.source, d.dct], ['T', 'S', { value: '2021-10-21', basis: 'given' }]);
  });

  test('hostile and malformed HTML never throws and never leaks script text', () => {
    const hostile = [
      '<script>alert("x")</script><p>ok</p>', '<img src=x onerror="alert(1)"><a href="javascript:alert(2)">link</a>',
      '<iframe srcdoc="<script>alert(3)</script>"></iframe>', '<p>unclosed <b>bold <i>', '<<<>>>', '<!--', '<![CDATA[',
      '<div'.repeat(1000), '&#xFFFFFFFF;&#0;&nbsp', '',
    ];
    for (const html of hostile) {
      const d = analyze({ html }).documents[0];
      assert.equal(typeof d.text, 'string');
      assert.ok(!/alert/.test(d.text), `${html} -> ${d.text}`);
    }
  });
});

// ─── errors ──────────────────────────────────────────────────────────────────

describe('errors are real TypeError/RangeError objects with messages that say what to fix', () => {
  const cases = [
    { name: 'tokenize(non-string)', call: () => tokenize(42), type: TypeError, message: /string/ },
    { name: 'tokenize(undefined)', call: () => tokenize(), type: TypeError, message: /string/ },
    { name: 'analyze(number)', call: () => analyze(42), type: TypeError, message: /string or an object/ },
    { name: 'analyze(undefined)', call: () => analyze(), type: TypeError, message: /string or an object/ },
    { name: 'analyze(null)', call: () => analyze(null), type: TypeError, message: /string or an object/ },
    { name: 'a number inside the docs array', call: () => analyze(['a', 5]), type: TypeError, message: /docs\[1\]/ },
    { name: 'missing text', call: () => analyze({ title: 'No text' }), type: TypeError, message: /text/ },
    { name: 'text not a string', call: () => analyze({ text: 5 }), type: TypeError, message: /text/ },
    { name: 'both text and html', call: () => analyze({ text: 'a', html: '<p>a</p>' }), type: TypeError, message: /docs has both text and html; give only one/ },
    { name: 'neither text nor html', call: () => analyze(['a', { id: 'x' }]), type: TypeError, message: /docs\[1\] needs text .* or html/ },
    { name: 'html not a string', call: () => analyze({ html: 5 }), type: TypeError, message: /html/ },
    { name: 'id not a string', call: () => analyze({ text: 'a', id: 5 }), type: TypeError, message: /\bid\b/ },
    { name: 'unknown document key (typo)', call: () => analyze({ text: 'a', publised: '2021-10-21' }), type: TypeError, message: /publised/ },
    { name: 'published not an ISO date', call: () => analyze({ text: 'a', published: 'yesterday' }), type: RangeError, message: /published.*yesterday.*YYYY-MM-DD/ },
    { name: 'published an impossible date', call: () => analyze({ text: 'a', published: '2021-02-30' }), type: RangeError, message: /2021-02-30/ },
    { name: 'bad options.reference', call: () => analyze('a', { reference: 'last week' }), type: RangeError, message: /reference.*last week/ },
    { name: 'options.reference not a string', call: () => analyze('a', { reference: 20211021 }), type: TypeError, message: /reference/ },
    { name: 'options not an object', call: () => analyze('a', 'strict'), type: TypeError, message: /options/ },
    { name: 'unknown option key', call: () => analyze('a', { refrence: '2021-10-21' }), type: TypeError, message: /refrence/ },
    { name: 'unknown timeline option key', call: () => analyze('a', { timeline: { max: 3 } }), type: TypeError, message: /max/ },
    { name: 'unknown entity type', call: () => analyze('a', { types: ['PEOPLE'] }), message: /PEOPLE/ },
    { name: 'duplicate ids', call: () => analyze([{ id: 'x', text: 'a' }, { id: 'x', text: 'b' }]), type: RangeError, message: /"x"/ },
    { name: 'options.onProgress not a function', call: () => analyze('a', { onProgress: 'yes' }), type: TypeError, message: /onProgress must be a function/ },
  ];
  for (const { name, call, type = Error, message } of cases) {
    test(name, () => {
      const e = thrown(call);
      assert.ok(e instanceof Error, `threw a non-Error: ${String(e)}`);
      assert.ok(e instanceof type, `expected ${type.name}, got ${e?.constructor?.name}: ${e.message}`);
      assert.match(e.message, message);
      // The message is shown after the error's name ("TypeError: …"): it should
      // not carry another "Error:" from inside the binding.
      assert.doesNotMatch(e.message, /\bError: /, `message nests an inner error name: ${e.message}`);
    });
  }

  test('a bad document does not poison later calls', () => {
    thrown(() => analyze({ text: 'a', published: 'nope' }));
    assert.equal(analyze('Fine. Still fine.').documents[0].sentences.length, 2);
  });
});

// ─── offsets: every span-bearing output, in UTF-16 code units ───────────────

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const isWhitespace = (s) => /\s/u.test(s);

/** Texts with emoji (ZWJ, flags, skin tones, keycaps), combining marks, curly quotes, NBSP, CRLF, astral CJK. */
const OFFSET_TEXTS = {
  emoji:
    'Family 👨‍👩‍👧‍👦 arrived. Flags 🇺🇦 and 🇪🇺 flew; 👩🏽‍💻 coded, 👍🏽 agreed, 1️⃣ won ❤️ too.\n\n' +
    'The 🏳️‍🌈 flag and 🏴󠁧󠁢󠁳󠁣󠁴󠁿 (Scotland) appeared.',
  combining: 'Zoe\u0308 met the Prime Minister of Cura\u00e7ao in Sa\u0303o Paulo. Nai\u0308ve? Ne\u0301e 1987.',
  quotes: '“It’s over,” she said. ‘Really?’ he asked — ‘yes’. NATO’s chief didn’t comment…',
  nbsp: 'The\u00a0U.S.\u00a0envoy met 1\u00a0200 officials at 10\u00a0a.m. on\u202fMonday.\u00a0\u00a0Talks resumed.',
  crlf:
    'Headline over CRLF\r\n\r\nThe ministers met in the capital on Tuesday and agreed\r\nto resume the talks that had stalled since the spring\r\n' +
    'of last year. They left.\r\n\r\nBy Jane Doe\r\nPublished 3 May\r\n\r\nLast.\r\n',
  bom: '\ufeffHeadline after a byte-order mark\r\n\r\nBody text. More text.',
  cjk: 'Tokyo’s 𠮷野家 (Yoshinoya) and 𩸽 fish: 中文 text, 한국어 too.\n\n𝐁𝐨𝐥𝐝 math letters and 𝟏𝟐𝟑.',
  mixed:
    'WASHINGTON\u2009—\u2009The U.S. and 🇺🇸 allies met at 3:30\u00a0p.m.\tFriday.\r\n\r\n' +
    '“We’re ready,” said Gen. Ramírez\u0301. Costs: $5.4bn (€4.9bn) ≈ 3.5% of GDP 📈.\u2028New line.\u2029New para.',
};

/** Asserts the invariants of every span-bearing output for `text`. */
function checkOffsets(text, label) {
  const doc = analyze({ id: 'doc', text }).documents[0];
  const tokens = tokenize(text);
  const boundaries = new Set([0, text.length]);
  for (const { index } of graphemes.segment(text)) boundaries.add(index);

  const inBounds = (item, what) => {
    assert.ok(Number.isInteger(item.start) && Number.isInteger(item.end), `${label}: ${what} offsets are integers`);
    assert.ok(item.start >= 0 && item.start <= item.end && item.end <= text.length,
      `${label}: ${what} [${item.start}, ${item.end}) outside 0..${text.length}`);
  };

  // tokens
  let previousEnd = 0;
  let previousSentence = 0;
  for (const t of tokens) {
    inBounds(t, 'token');
    const s = slice(text, t);
    assert.ok(s.length > 0, `${label}: empty token at ${t.start}`);
    assert.ok(!isWhitespace(s), `${label}: token ${JSON.stringify(s)} contains whitespace`);
    assert.ok(t.start >= previousEnd, `${label}: tokens overlap or are out of order at ${t.start}`);
    assert.ok(boundaries.has(t.start) && boundaries.has(t.end),
      `${label}: token ${JSON.stringify(s)} at [${t.start}, ${t.end}) splits a grapheme cluster`);
    assert.ok(['word', 'number', 'punctuation', 'symbol'].includes(t.kind), `${label}: kind ${t.kind}`);
    assert.ok(t.sentence >= previousSentence, `${label}: sentence index goes back at ${t.start}`);
    const sentence = doc.sentences[t.sentence];
    assert.ok(sentence && sentence.start <= t.start && t.end <= sentence.end,
      `${label}: token ${JSON.stringify(s)} is not inside sentence ${t.sentence}`);
    previousEnd = t.end;
    previousSentence = t.sentence;
  }
  assert.equal(tokens.map((t) => slice(text, t)).join(''), text.replace(/\s/gu, ''),
    `${label}: the tokens, in order, are the text without whitespace`);

  // paragraphs and sentences
  const paragraphs = doc.paragraphs;
  previousEnd = 0;
  for (const p of paragraphs) {
    inBounds(p, 'paragraph');
    assert.ok(p.start >= previousEnd, `${label}: paragraphs overlap`);
    const s = slice(text, p);
    assert.ok(s.length > 0 && s === s.trim(), `${label}: paragraph ${JSON.stringify(s)} is empty or untrimmed`);
    previousEnd = p.end;
  }
  previousEnd = 0;
  for (const sentence of doc.sentences) {
    inBounds(sentence, 'sentence');
    assert.ok(sentence.start >= previousEnd, `${label}: sentences overlap`);
    const s = slice(text, sentence);
    assert.ok(s.length > 0 && s === s.trim(), `${label}: sentence ${JSON.stringify(s)} is empty or untrimmed`);
    assert.ok(paragraphs.some((p) => p.start <= sentence.start && sentence.end <= p.end),
      `${label}: sentence ${JSON.stringify(s)} is not within one paragraph`);
    assert.ok(boundaries.has(sentence.start) && boundaries.has(sentence.end), `${label}: sentence splits a grapheme`);
    previousEnd = sentence.end;
  }
  for (const b of doc.body) inBounds(b, 'body');
  for (const b of doc.boilerplate) inBounds(b, 'boilerplate');

  // Whatever else carries offsets (mentions, timexes, …): in bounds, and
  // `text.slice(start, end) === item.text` when the item has a text.
  const visit = (value, path) => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${path}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    if (typeof value.start === 'number' && typeof value.end === 'number') {
      inBounds(value, path);
      if (typeof value.text === 'string') assert.equal(slice(text, value), value.text, `${label}: ${path}.text`);
    }
    for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
  };
  visit(doc, 'document');
  return { doc, tokens };
}

describe('offsets are UTF-16 code units on every span-bearing output', () => {
  for (const [label, text] of Object.entries(OFFSET_TEXTS)) {
    test(label, () => {
      checkOffsets(text, label);
    });
  }

  test('emoji sequences, flags and combining marks are one token each', () => {
    const one = {
      emoji: ['👨‍👩‍👧‍👦', '🇺🇦', '🇪🇺', '👩🏽‍💻', '👍🏽', '1️⃣', '❤️', '🏳️‍🌈', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
      combining: ['Zoe\u0308', 'Cura\u00e7ao', 'Sa\u0303o', 'Nai\u0308ve', 'Ne\u0301e'],
      quotes: ['“', '’s', 'n’t', '…', '—'],
      cjk: ['𠮷', '𩸽', '𝐁𝐨𝐥𝐝', '𝟏𝟐𝟑'],
      mixed: ['U.S.', '🇺🇸', 'Ramírez\u0301', '📈', '3.5', '5.4bn'],
    };
    for (const [label, expected] of Object.entries(one)) {
      const texts = tokenTexts(OFFSET_TEXTS[label]);
      for (const e of expected) assert.ok(texts.includes(e), `${label}: ${JSON.stringify(e)} is not one token in ${JSON.stringify(texts)}`);
    }
  });

  test('CRLF: paragraphs and sentences exclude the line breaks; hard-wrapped prose stays one paragraph', () => {
    const text = OFFSET_TEXTS.crlf;
    const doc = analyze(text).documents[0];
    const prose = 'The ministers met in the capital on Tuesday and agreed\r\nto resume the talks that had stalled since the spring\r\nof last year.';
    assert.deepEqual(doc.paragraphs.map((p) => slice(text, p)), [
      'Headline over CRLF', `${prose} They left.`, 'By Jane Doe', 'Published 3 May', 'Last.',
    ]);
    assert.deepEqual(doc.sentences.map((s) => slice(text, s)), [
      'Headline over CRLF', prose, 'They left.', 'By Jane Doe', 'Published 3 May', 'Last.',
    ]);
    assert.equal(doc.title, 'Headline over CRLF');
  });

  test('a leading byte-order mark is not part of the first paragraph or the title', () => {
    const text = OFFSET_TEXTS.bom;
    const doc = analyze(text).documents[0];
    assert.equal(doc.title, 'Headline after a byte-order mark');
    assert.deepEqual(doc.paragraphs[0], { start: 1, end: 33 });
  });

  test('the seed articles', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const demo = new URL('../../www/demo/', import.meta.url);
    const files = readdirSync(demo).filter((f) => f.endsWith('.txt'));
    assert.ok(files.length >= 5);
    const docs = files.map((f) => ({ id: f, text: readFileSync(new URL(f, demo), 'utf8') }));
    for (const d of docs) checkOffsets(d.text, d.id);
    // timeline sources (when there are any) point into their own document
    const texts = new Map(docs.map((d) => [d.id, d.text]));
    for (const event of analyze(docs).timeline) {
      for (const source of event.sources) {
        const text = texts.get(source.document);
        assert.ok(text !== undefined, `timeline source names unknown document ${source.document}`);
        assert.ok(source.start >= 0 && source.start < source.end && source.end <= text.length);
      }
    }
  });
});

// ─── robustness: analysis of any string never throws ────────────────────────

function newsLike(size) {
  const paragraph =
    'MOSCOW (Reuters) — Russia said on Monday it would suspend its mission to NATO. ' +
    '“It does not make much sense,” Sergei Lavrov told reporters, adding that the U.S. had been informed. ' +
    'The alliance expelled eight members of Russia’s mission on Oct. 6, 2021; 1,200 staff were affected (3.5%).\n\n';
  return paragraph.repeat(Math.ceil(size / paragraph.length));
}

describe('robustness', () => {
  test('empty and whitespace-only text', () => {
    for (const text of ['', ' ', '\n\n\n', '\r\n \t\u00a0\u3000']) {
      const doc = analyze(text).documents[0];
      assert.deepEqual([doc.paragraphs, doc.sentences, doc.body], [[], [], []], JSON.stringify(text));
      assert.deepEqual(tokenize(text), []);
    }
    assert.equal(analyze({ text: '' }).version, 1);
  });

  test('10 MB of news-like text (entities off: the neural model is the slow stage)', () => {
    const text = newsLike(10 * 1024 * 1024);
    const t0 = performance.now();
    const doc = analyze(text, { entities: false }).documents[0];
    const ms = performance.now() - t0;
    assert.ok(doc.sentences.length > 50_000);
    assert.equal(doc.paragraphs.at(-1).end, text.trimEnd().length);
    const tokens = tokenize(text);
    assert.ok(tokens.length > 1_000_000);
    assert.equal(slice(text, tokens.at(-1)), '.');
    assert.ok(ms < 30_000, `analyze took ${ms} ms on 10 MB`);
  });

  test('tokenize: an article repeated 40,000 times is 40,000 shifted copies of its tokens, as plain objects', () => {
    // Enough text (~6 MB) for the wasm's memory to grow during the call: the
    // packed tokens are read from a view of that memory.
    const article = 'NATO’s envoy met the U.S. ambassador at 9:30. “Talks resume on Oct. 6,” he said…\n\nPrices rose 3.5% (about $1,200) — don\'t panic 😀.';
    const one = tokenize(article);
    const sentences = one.at(-1).sentence + 1;
    const copies = 40_000;
    const many = tokenize(Array(copies).fill(article).join('\n\n'));
    assert.equal(many.length, one.length * copies);
    many.forEach((t, i) => {
      const k = Math.floor(i / one.length);
      const o = one[i % one.length];
      const shift = k * (article.length + 2);
      if (t.start !== o.start + shift || t.end !== o.end + shift || t.kind !== o.kind || t.sentence !== o.sentence + k * sentences) {
        assert.fail(`token ${i}: ${JSON.stringify(t)}, expected ${JSON.stringify({ ...o, start: o.start + shift })}`);
      }
    });
    for (const t of [one[0], many.at(-1)]) {
      assert.equal(Object.getPrototypeOf(t), Object.prototype);
      assert.deepEqual(Object.keys(t), ['start', 'end', 'kind', 'sentence']);
    }
    assert.deepEqual(tokenize(article), one);
  });

  test('one 1 MB line without spaces', () => {
    for (const line of ['x'.repeat(1 << 20), 'ab.cd,'.repeat(1 << 18), '.'.repeat(1 << 20), 'a' + '\u0301'.repeat(1 << 19), '😀'.repeat(1 << 19)]) {
      const t0 = performance.now();
      const doc = analyze(line, { entities: false }).documents[0];
      const tokens = tokenize(line);
      const ms = performance.now() - t0;
      assert.deepEqual(doc.paragraphs, [{ start: 0, end: line.length }]);
      assert.equal(tokens.map((t) => slice(line, t)).join(''), line);
      assert.ok(ms < 10_000, `${ms} ms on a 1 MB line starting ${JSON.stringify(line.slice(0, 6))}`);
    }
  });

  test('control characters', () => {
    let text = '';
    for (let c = 0; c < 0x20; c++) text += `w${c} ${String.fromCharCode(c)}`;
    text += 'del\u007fnel\u0085end. Ok.';
    const doc = analyze(text).documents[0];
    assert.equal(doc.id, 'doc-1');
    const tokens = tokenize(text);
    for (const t of tokens) {
      const s = slice(text, t);
      assert.ok(s.length > 0 && !isWhitespace(s) && !/\p{Cc}/u.test(s), `token ${JSON.stringify(s)}`);
    }
    assert.equal(tokens.map((t) => slice(text, t)).join(''), text.replace(/[\s\p{Cc}]/gu, ''));
    assert.equal(slice(text, tokens.at(-1)), '.');
    for (const s of doc.sentences) assert.ok(s.end <= text.length);
  });

  test('lone surrogates keep JS offsets aligned', () => {
    const cases = [
      { text: 'abc\ud800def ghi', tokens: ['abc', '\ud800', 'def', 'ghi'] },
      { text: '\udc00 Lone low. Next sentence.', tokens: ['\udc00', 'Lone', 'low', '.', 'Next', 'sentence', '.'] },
      { text: 'x\ud83d\ud83d\ude00 y', tokens: ['x', '\ud83d', '😀', 'y'] },
      { text: 'reversed \ude00\ud83d pair 🇺🇦 end', tokens: ['reversed', '\ude00', '\ud83d', 'pair', '🇺🇦', 'end'] },
      { text: 'tail\ud800', tokens: ['tail', '\ud800'] },
    ];
    for (const { text, tokens } of cases) {
      assert.deepEqual(tokenTexts(text), tokens, JSON.stringify(text));
      const doc = analyze(text).documents[0];
      assert.equal(doc.paragraphs.at(-1).end, text.length, JSON.stringify(text));
      for (const s of doc.sentences) {
        const str = slice(text, s);
        assert.equal(str, str.trim());
      }
    }
    assert.deepEqual(sentenceTexts('\udc00 Lone low. Next sentence.'), ['\udc00 Lone low.', 'Next sentence.']);
  });
});

// ─── the tokenizer's news rules (mirrors the core's table tests) ────────────

describe('tokenizer: news rules', () => {
  const TOKENS = [
    ['NATO’s', ['NATO', '’s']],
    ["NATO's", ['NATO', "'s"]],
    ['Russia’s mission', ['Russia', '’s', 'mission']],
    ['U.S.', ['U.S.']],
    ['the U.S. envoy', ['the', 'U.S.', 'envoy']],
    ['Washington, D.C.', ['Washington', ',', 'D.C.']],
    ['U.K.-based', ['U.K.', '-', 'based']],
    ['e.g.', ['e.g.']],
    ['5 p.m.', ['5', 'p.m.']],
    ['Gen. Milley', ['Gen.', 'Milley']],
    ['1,200', ['1,200']],
    ['3.5%', ['3.5', '%']],
    ['+2.5%', ['+', '2.5', '%']],
    ['$5.4bn', ['$', '5.4bn']],
    ['€4.5', ['€', '4.5']],
    ['10:30', ['10:30']],
    ['1990s', ['1990s']],
    ['NATO-Russia', ['NATO', '-', 'Russia']],
    ["don't", ['do', "n't"]],
    ['don’t', ['do', 'n’t']],
    ["can't", ['ca', "n't"]],
    ["I'm", ['I', "'m"]],
    ["they'll", ['they', "'ll"]],
    ["O'Brien", ["O'Brien"]],
    ['O’Brien', ['O’Brien']],
    ['...', ['...']],
    ['Wait...', ['Wait', '...']],
    ['…', ['…']],
    ['“yes,”', ['“', 'yes', ',', '”']],
    ['(AP)', ['(', 'AP', ')']],
    ['a — b', ['a', '—', 'b']],
    ['https://www.example.com/news/2021/10/06/nato?id=3', ['https://www.example.com/news/2021/10/06/nato?id=3']],
    ['press@example.org', ['press@example.org']],
  ];
  for (const [input, expected] of TOKENS) {
    test(JSON.stringify(input), () => {
      assert.deepEqual(tokenTexts(input), expected);
    });
  }

  test('kinds', () => {
    const text = 'The U.S. paid $1,200 (3.5%) 😀';
    assert.deepEqual(tokenize(text).map((t) => [slice(text, t), t.kind]), [
      ['The', 'word'], ['U.S.', 'word'], ['paid', 'word'], ['$', 'symbol'], ['1,200', 'number'],
      ['(', 'punctuation'], ['3.5', 'number'], ['%', 'punctuation'], [')', 'punctuation'], ['😀', 'symbol'],
    ]);
  });

  const SENTENCES = [
    ['He met the U.S. envoy. Talks resumed.', ['He met the U.S. envoy.', 'Talks resumed.']],
    ['Gen. Milley spoke.', ['Gen. Milley spoke.']],
    ['Mr. Smith met Dr. Jones in Washington, D.C. on Monday.', ['Mr. Smith met Dr. Jones in Washington, D.C. on Monday.']],
    ['Sen. Warren and Rep. Pelosi met.', ['Sen. Warren and Rep. Pelosi met.']],
    ['Jan. 6 was a Thursday.', ['Jan. 6 was a Thursday.']],
    ['It was 5 p.m. on Monday.', ['It was 5 p.m. on Monday.']],
    ['Vladimir V. Putin spoke.', ['Vladimir V. Putin spoke.']],
    ['It was made in the U.S. He liked it.', ['It was made in the U.S.', 'He liked it.']],
    ['Prices rose 3.5%. Markets fell.', ['Prices rose 3.5%.', 'Markets fell.']],
    ['Is it over? No! It is not.', ['Is it over?', 'No!', 'It is not.']],
    ['He said “yes.” Then he left.', ['He said “yes.”', 'Then he left.']],
    ['(He left.) Then he returned.', ['(He left.)', 'Then he returned.']],
    ['He left...  Then he returned.', ['He left...', 'Then he returned.']],
    ['Title\r\n\r\nBody one. Body two.', ['Title', 'Body one.', 'Body two.']],
  ];
  for (const [input, expected] of SENTENCES) {
    test(`sentences of ${JSON.stringify(input)}`, () => {
      assert.deepEqual(sentenceTexts(input), expected);
    });
  }
});

describe('findEntities', () => {
  test('gives the mentions of one text, offsets in UTF-16 code units', () => {
    const text = '🌍 Foreign Minister Sergei Lavrov spoke in Moscow. Lavrov said NATO had ignored Russia.';
    const mentions = findEntities(text);
    for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
    const lavrovs = mentions.filter((m) => m.text.includes('Lavrov'));
    assert.equal(lavrovs.length, 2);
    assert.equal(lavrovs[0].entity, lavrovs[1].entity);
    assert.ok(mentions.some((m) => m.text === 'Moscow' && m.type === 'GPE'));
  });
  test('refuses what is not a string', () => {
    assert.throws(() => findEntities(42), TypeError);
  });
});

// The page's pure text helpers (www/render.js) in Node: display titles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentTitle } from '../../www/render.js';
import { analyze } from '../../dist/lib/node.js';

test('a display title is the analysed title, else the first sentence outside boilerplate', () => {
  const text = 'Dr Jane Roe, Senior Fellow at the Harbour Institute, Norway\n'
    + 'The council voted to fund a ferry between the two piers. Work starts in spring.';
  const analysis = {
    sentences: [{ start: 0, end: 59 }, { start: 60, end: 116 }, { start: 117, end: 139 }],
    boilerplate: [{ start: 0, end: 59, kind: 'byline' }],
  };
  assert.equal(text.slice(60, 116), 'The council voted to fund a ferry between the two piers.');
  assert.equal(documentTitle(analysis, text), 'The council voted to fund a ferry between the two piers.');
  assert.equal(documentTitle({ ...analysis, boilerplate: [] }, text), 'Dr Jane Roe, Senior Fellow at the Harbour Institute, Norway');
  assert.equal(documentTitle({ ...analysis, title: ' Ferry  link ' }, text), 'Ferry link');
  assert.equal(documentTitle({ sentences: [], boilerplate: [] }, ''), 'Untitled article');
  const all = { sentences: [{ start: 0, end: 59 }], boilerplate: [{ start: 0, end: 59, kind: 'byline' }] };
  assert.equal(documentTitle(all, text), 'Dr Jane Roe, Senior Fellow at the Harbour Institute, Norway', 'all boilerplate: the first sentence still');
});

test('on a real analysis, an article opening with its byline is titled by its first story sentence', () => {
  const text = 'By Jane Roe, Harbour Correspondent\n\nThe council voted on Tuesday to fund a ferry between the two piers.';
  const [doc] = analyze([{ id: 'a', text }]).documents;
  assert.deepEqual(doc.boilerplate.map((b) => text.slice(b.start, b.end)), ['By Jane Roe, Harbour Correspondent']);
  assert.equal(documentTitle(doc, text), 'The council voted on Tuesday to fund a ferry between the two piers.');
});

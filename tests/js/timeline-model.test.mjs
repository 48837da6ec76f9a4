// The page's chronology logic (www/app/timeline-model.js) in Node: date
// labels for every grain, filters, the top events by salience, lanes
// without overlap, dense stretches, and the window the axis opens on.
// Also run on the seeds' real chronology from the built package.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  DAY, assignLanes, clusters, eventSpan, filterEvents, formatEventDate, formatRange, newsWindow, parseDay, sourceDocuments,
  topBySalience,
} from '../../www/app/timeline-model.js';

const date = (value, start, end, grain, approximate = false) => ({ value, start, end, grain, approximate });

describe('formatEventDate', () => {
  const cases = [
    [date('2021-10-06', '2021-10-06', '2021-10-06', 'day'), '6 Oct 2021'],
    [date('2021-10', '2021-10-01', '2021-10-31', 'month'), 'Oct 2021'],
    [date('2021', '2021-01-01', '2021-12-31', 'year'), '2021'],
    [date('201X', '2010-01-01', '2019-12-31', 'decade'), '2010s'],
    [date('201X', '2010-01-01', '2019-12-31', 'decade', true), 'c. 2010s'],
    [date('2021-09', '2021-09-01', '2021-09-30', 'month', true), 'c. Sep 2021'],
    [date('2021-W42', '2021-10-18', '2021-10-24', 'week'), '18–24 Oct 2021'],
    [date('2024-11-06/2024-11-07', '2024-11-06', '2024-11-07', 'day'), '6–7 Nov 2024'],
    [date('2022-03/2023-07', '2022-03-01', '2023-07-31', 'month'), 'Mar 2022 – Jul 2023'],
    [date('2015/2020', '2015-01-01', '2020-12-31', 'year'), '2015 – 2020'],
    [date('2015/2020', '2015-01-01', '2020-12-31', 'year', true), 'c. 2015 – 2020'],
    [date('2021-W39', '2021-09-27', '2021-10-03', 'week'), '27 Sep – 3 Oct 2021'],
    [date('2020-W53', '2020-12-28', '2021-01-03', 'week'), '28 Dec 2020 – 3 Jan 2021'],
    [date('2021-SU', '2021-06-01', '2021-08-31', 'season'), 'Summer 2021'],
    [date('2021-WI', '2021-12-01', '2022-02-28', 'season'), 'Winter 2021'],
    [date('2021-Q3', '2021-07-01', '2021-09-30', 'quarter'), 'Q3 2021'],
    [date('2022-H1', '2022-01-01', '2022-06-30', 'half'), 'H1 2022'],
    [date('18XX', '1800-01-01', '1899-12-31', 'century'), '19th century'],
    [date('20XX', '2000-01-01', '2099-12-31', 'century'), '21st century'],
    [date('0850', '0850-01-01', '0850-12-31', 'year'), '850'],
  ];
  for (const [d, expected] of cases) test(`${d.value} ${d.grain}${d.approximate ? ' (approximate)' : ''}`, () => assert.equal(formatEventDate(d), expected));
});

test('eventSpan covers whole days, end exclusive; formatRange is as coarse as the span', () => {
  assert.deepEqual(eventSpan(date('2021-10', '2021-10-01', '2021-10-31', 'month')),
    { t0: Date.UTC(2021, 9, 1), t1: Date.UTC(2021, 10, 1) });
  assert.equal(eventSpan({ value: 'PAST_REF' }), null);
  assert.ok(Number.isNaN(parseDay('2021-10')));
  assert.equal(formatRange(Date.UTC(2021, 1, 9), Date.UTC(2021, 10, 21)), 'Feb – Nov 2021');
  assert.equal(formatRange(Date.UTC(1989, 0, 1), Date.UTC(2022, 0, 1)), '1989 – 2021');
  assert.equal(formatRange(Date.UTC(2021, 9, 3), Date.UTC(2021, 9, 18)), '3–17 Oct 2021');
});

const ENTITIES = new Map([
  ['nato', { id: 'nato', name: 'NATO', type: 'ORG' }],
  ['lavrov', { id: 'lavrov', name: 'Sergei Lavrov', type: 'PERSON' }],
  ['moscow', { id: 'moscow', name: 'Moscow', type: 'GPE' }],
]);
const event = (id, day, salience, participants, summary, documents = ['a']) => ({
  id, date: date(day, day, day, 'day'), salience, participants, summary,
  sources: documents.map((document, i) => ({ document, start: i * 10, end: i * 10 + 5 })),
});
const EVENTS = [
  event('e1', '2021-10-18', 0.9, ['moscow'], 'The Kremlin retaliated', ['b', 'a', 'b']),
  event('e2', '2021-10-06', 0.8, ['nato'], 'NATO expelled eight members of the Russian mission'),
  event('e3', '2021-03-01', 0.3, ['lavrov', 'nato'], 'Lavrov’s visit to Brussels'),
  event('e4', '2021-10-06', 0.2, [], 'Another thing happened', ['c']),
  { id: 'e5', date: { value: 'PAST_REF', grain: 'day' }, salience: 1, participants: [], summary: 'Undatable', sources: [] },
];

test('filterEvents: by entity, type, document and words, in time order; undated events are left out', () => {
  const ids = (filters) => filterEvents(EVENTS, filters, ENTITIES).map((e) => e.id);
  assert.deepEqual(ids({}), ['e3', 'e2', 'e4', 'e1']);
  assert.deepEqual(ids({ entity: 'nato' }), ['e3', 'e2']);
  assert.deepEqual(ids({ type: 'PERSON' }), ['e3']);
  assert.deepEqual(ids({ type: 'GPE' }), ['e1']);
  assert.deepEqual(ids({ document: 'b' }), ['e1']);
  assert.deepEqual(ids({ query: 'russian NATO' }), ['e2']);
  assert.deepEqual(ids({ query: "lavrov's" }), ['e3'], 'curly and straight apostrophes match');
  assert.deepEqual(ids({ query: 'kremlin', entity: 'nato' }), []);
  assert.deepEqual(ids({ top: 2 }), ['e2', 'e1']);
  assert.deepEqual(ids({ top: 2, entity: 'nato' }), ['e3', 'e2'], 'the top k of the filtered events');
  assert.deepEqual(topBySalience(EVENTS.slice(0, 4), 1).map((e) => e.id), ['e1']);
});

test('sourceDocuments: one per document, in the list order, with its first sentence and a count', () => {
  assert.deepEqual(sourceDocuments(EVENTS[0], ['a', 'b']), [
    { document: 'a', start: 10, end: 15, count: 1 },
    { document: 'b', start: 0, end: 5, count: 2 },
  ]);
});

test('assignLanes: no two labels of a lane overlap; earlier items win; previous lanes are kept', () => {
  const items = [
    { id: 'a', left: 0, right: 100 }, { id: 'b', left: 50, right: 150 }, { id: 'c', left: 90, right: 200 },
    { id: 'd', left: 120, right: 220 }, { id: 'e', left: 300, right: 400 },
  ];
  const lanes = assignLanes(items, 2);
  assert.deepEqual([...lanes], [['a', 0], ['b', 1], ['d', 0], ['e', 0]]);
  for (const [id, lane] of lanes) {
    const mine = items.find((i) => i.id === id);
    for (const [other, l] of lanes) {
      if (other === id || l !== lane) continue;
      const theirs = items.find((i) => i.id === other);
      assert.ok(mine.right <= theirs.left || mine.left >= theirs.right, `${id} and ${other} overlap in lane ${lane}`);
    }
  }
  assert.equal(assignLanes(items, 2, new Map([['e', 1]])).get('e'), 1, 'an item keeps its lane when it is free');
});

test('clusters: neighbours closer than the gap join', () => {
  const points = [0, 10, 30, 100, 110, 300].map((x, i) => ({ id: `p${i}`, x0: x, x1: x }));
  assert.deepEqual(clusters(points, 28).map((c) => c.ids), [['p0', 'p1', 'p2'], ['p3', 'p4'], ['p5']]);
});

test('newsWindow: the stretch of the most salient finely dated events, padded', () => {
  const background = { id: 'old', date: date('199X', '1990-01-01', '1999-12-31', 'decade'), salience: 0.95, participants: [], sources: [] };
  const window = newsWindow([...EVENTS, background]);
  assert.ok(window.t0 < Date.UTC(2021, 2, 1) && window.t0 > Date.UTC(2020, 11, 1), new Date(window.t0).toISOString());
  assert.ok(window.t1 > Date.UTC(2021, 9, 19) && window.t1 < Date.UTC(2022, 1, 1), new Date(window.t1).toISOString());
  assert.equal(newsWindow([]), null);
  assert.ok(DAY === 86_400_000);
});

test('on the seeds: every event is dated, labelled and sourced in the demo articles', async () => {
  const { analyze } = await import('../../dist/lib/node.js');
  const root = new URL('../../www/demo/', import.meta.url);
  const corpus = JSON.parse(readFileSync(new URL('corpus.json', root), 'utf8'));
  const docs = corpus.documents.map(({ file, ...meta }) => ({ ...meta, text: readFileSync(new URL(file, root), 'utf8') }));
  const analysis = analyze(docs, { entities: false });
  const order = docs.map((d) => d.id);
  assert.ok(analysis.timeline.length >= 10, `${analysis.timeline.length} events`);
  const shown = filterEvents(analysis.timeline, {}, new Map());
  assert.equal(shown.length, analysis.timeline.length, 'every event has a date span');
  for (const e of shown) {
    assert.match(formatEventDate(e.date), /^(c\. )?(\d{1,2} \w{3} \d{4}|\d{1,2}(–| – )\d{1,2}.*\d{4}|\w{3} \d{4}|\w+ \d{4}|[QH]\d \d{4}|\d{3,4}s?|\d+\w\w century)$/,
      `${e.id}: ${formatEventDate(e.date)} (${e.date.value}, ${e.date.grain})`);
    const [first] = sourceDocuments(e, order);
    const doc = docs.find((d) => d.id === first.document);
    assert.ok(doc.text.slice(first.start, first.end).trim(), `${e.id}: its first source is text`);
  }
  assert.ok(newsWindow(shown), 'the axis has a window to open on');
});

// The page's workspace logic in Node (www/app/): the workspace file format
// and its checks, the timeline as CSV and as TimelineJS JSON, the HTML
// snapshot, Markdown articles as text, file kinds. Also run on the demo
// story's real Analysis from the built package.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { analyze } from '../../dist/lib/node.js';
import {
  WORKSPACE_FORMAT, WorkspaceError, cleanInput, dayError, fileStem, makeWorkspace, parseWorkspace,
} from '../../www/app/workspace-format.js';
import { CSV_COLUMNS, csv, escapeHtml, spreadsheetSafe, timelineCsv, timelineJs } from '../../www/app/export-timeline.js';
import { SNAPSHOT_CSP, snapshotHtml } from '../../www/app/export-snapshot.js';
import { markdownToText } from '../../www/app/markdown.js';
import { fileKind } from '../../www/app/files.js';
import { articleTitles } from '../../www/app/story-text.js';

const demoDir = new URL('../../www/demo/', import.meta.url);
const demoManifest = JSON.parse(readFileSync(new URL('corpus.json', demoDir), 'utf8'));
const demoInputs = demoManifest.documents.map(({ file, ...meta }) => ({ ...meta, text: readFileSync(new URL(file, demoDir), 'utf8') }));

const date = (value, start, end, grain, approximate = false) => ({ value, start, end, grain, approximate });

/** A small synthetic story whose summaries and titles hold CSV and HTML metacharacters. */
function trickyStory() {
  const inputs = [
    { id: 'a1', text: 'Quote "one", two.\nLine <b>three</b>.', title: 'Title, with "quotes"' },
    { id: 'a2', html: '<p>x</p>', source: 'Site & Co' },
  ];
  const analysis = {
    version: 1,
    documents: [
      { id: 'a1', title: 'Title, with "quotes"', sentences: [{ start: 0, end: 17 }], paragraphs: [{ start: 0, end: 17 }, { start: 18, end: 36 }], dct: { value: '2021-10-21', basis: 'given' } },
      { id: 'a2', text: 'Extracted <script>alert(1)</script> text.', sentences: [{ start: 0, end: 41 }], paragraphs: [], source: 'Site & Co' },
    ],
    entities: [{ id: 'nato', name: 'NATO', type: 'ORG' }, { id: 'o-brien', name: 'Pat O\'Brien, Jr.', type: 'PERSON' }],
    timeline: [
      { id: 'e1', date: date('2021-10-06', '2021-10-06', '2021-10-06', 'day'), summary: 'NATO said "no", then\nleft <script>alert(1)</script>',
        participants: ['nato', 'o-brien'], sources: [{ document: 'a1', start: 0, end: 17 }, { document: 'a2', start: 0, end: 10 }], salience: 0.9 },
      { id: 'e2', date: date('2021-09', '2021-09-01', '2021-09-30', 'month', true), summary: '=SUM(A1), a formula-looking summary',
        participants: [], sources: [{ document: 'a2', start: 0, end: 10 }], salience: 0.2 },
      { id: 'e3', date: date('201X', '2010-01-01', '2019-12-31', 'decade'), summary: 'A decade', participants: ['unknown-id'],
        sources: [{ document: 'a1', start: 0, end: 5 }], salience: 0.1 },
    ],
  };
  return { inputs, analysis };
}

describe('workspace format', () => {
  test('makeWorkspace then parseWorkspace gives back the story, the inputs and the analysis', () => {
    const { inputs, analysis } = trickyStory();
    const file = makeWorkspace({ story: 'Ferries', inputs, analysis, exported: new Date('2026-12-07T13:00:00Z') });
    assert.equal(file.format, WORKSPACE_FORMAT);
    assert.equal(file.version, 1);
    assert.equal(file.exported, '2026-12-07T13:00:00.000Z');
    const back = parseWorkspace(JSON.stringify(file));
    assert.equal(back.story, 'Ferries');
    assert.deepEqual(back.inputs, inputs);
    assert.deepEqual(back.analysis, analysis);
  });

  test('an analysis that does not match the inputs is dropped (the reader re-analyses)', () => {
    const { inputs, analysis } = trickyStory();
    const file = makeWorkspace({ story: '', inputs: [...inputs].reverse(), analysis });
    assert.equal(parseWorkspace(JSON.stringify(file)).analysis, null);
    const none = makeWorkspace({ story: '', inputs });
    assert.equal('analysis' in none, false);
    assert.equal(parseWorkspace(JSON.stringify(none)).analysis, null);
  });

  test('cleanInput keeps the DocInput fields, leaving absent and empty ones out', () => {
    assert.deepEqual(cleanInput({ id: 'x', text: 't', title: '', published: '2021-01-02', extra: 1 }), { id: 'x', text: 't', published: '2021-01-02' });
    assert.deepEqual(cleanInput({ id: 'y', html: '<p>', source: 'S' }), { id: 'y', html: '<p>', source: 'S' });
  });

  const base = { format: WORKSPACE_FORMAT, version: 1, story: 's', inputs: [{ id: 'a', text: 'x' }] };
  const refusals = [
    ['not JSON', '{"format": ', /not JSON/],
    ['a list', '[]', /holds a list, not a Dateline workspace/],
    ['no format', JSON.stringify({ ...base, format: undefined }), /no "format": "dateline-workspace"/],
    ['a foreign format', JSON.stringify({ ...base, format: 'timelinejs' }), /its format is “timelinejs”/],
    ['another version', JSON.stringify({ ...base, version: 2 }), /version 2; this page reads version 1/],
    ['no inputs', JSON.stringify({ ...base, inputs: {} }), /no "inputs" list/],
    ['an input without id', JSON.stringify({ ...base, inputs: [{ text: 'x' }] }), /Article 1 has no id/],
    ['a repeated id', JSON.stringify({ ...base, inputs: [{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }] }), /Article 2 repeats the id “a”/],
    ['text and html', JSON.stringify({ ...base, inputs: [{ id: 'a', text: 'x', html: 'y' }] }), /exactly one of "text" and "html"/],
    ['neither text nor html', JSON.stringify({ ...base, inputs: [{ id: 'a' }] }), /exactly one of "text" and "html"/],
    ['a numeric text', JSON.stringify({ ...base, inputs: [{ id: 'a', text: 5 }] }), /"text" is a number, not a string/],
    ['a numeric title', JSON.stringify({ ...base, inputs: [{ id: 'a', text: 'x', title: 5 }] }), /"title" is a number/],
    ['a story that is not text', JSON.stringify({ ...base, story: ['x'] }), /"story" is not a string/],
    ['an input that is a string', JSON.stringify({ ...base, inputs: ['x'] }), /Article 1 is a string/],
  ];
  for (const [name, text, message] of refusals) {
    test(`refuses ${name} with a clear WorkspaceError`, () => {
      assert.throws(() => parseWorkspace(text), (e) => e instanceof WorkspaceError && message.test(e.message));
    });
  }

  test('dayError accepts calendar days written YYYY-MM-DD only', () => {
    assert.equal(dayError('2021-10-21'), null);
    assert.equal(dayError('2024-02-29'), null);
    assert.match(dayError('2021-02-29'), /not a day of the calendar/);
    assert.match(dayError('2021-13-01'), /not a day of the calendar/);
    assert.match(dayError('21/10/2021'), /not a date written YYYY-MM-DD/);
    assert.match(dayError('2021-10-21T10:00'), /not a date written YYYY-MM-DD/);
  });

  test('fileStem makes a file name out of any story name', () => {
    assert.equal(fileStem('Russia suspends its mission to NATO (October 2021)'), 'russia-suspends-its-mission-to-nato-october-2021');
    assert.equal(fileStem('Café – “élan”'), 'cafe-elan');
    assert.equal(fileStem('../../etc/passwd'), 'etc-passwd');
    assert.equal(fileStem(''), 'dateline-story');
    assert.equal(fileStem('日本'), 'dateline-story');
  });
});

describe('timeline CSV', () => {
  test('csv quotes as RFC 4180 asks (and a lone CR or LF too, which spreadsheets take for a line break), and csv-parse reads every field back', () => {
    const rows = [
      ['plain', '', 'a,b', 'say "hi"', '"', 'two\nlines', 'cr\ronly', 'crlf\r\nend', ' spaced ', 'ünïcödé – “quotes”', "'=1+1"],
      ['x', 'y', 'z', '', '', '', '', '', '', '', ''],
    ];
    const text = csv(rows);
    assert.ok(text.startsWith('plain,,"a,b","say ""hi""","""","two\nlines","cr\ronly","crlf\r\nend", spaced ,'), text);
    assert.ok(text.endsWith(',\'=1+1\r\nx,y,z,,,,,,,,\r\n'), text);
    assert.deepEqual(parse(text, { relax_quotes: false, relax_column_count: false }), rows);
    assert.equal(csv([]), '');
  });

  test('one row per event, quoted per RFC 4180 so that every field parses back', () => {
    const { inputs, analysis } = trickyStory();
    const csv = timelineCsv(analysis, articleTitles(inputs, analysis));
    assert.ok(csv.endsWith('\r\n'), 'lines end in CRLF');
    const rows = parse(csv, { relax_quotes: false, relax_column_count: false });
    assert.deepEqual(rows[0], CSV_COLUMNS);
    assert.equal(rows.length, analysis.timeline.length + 1);
    const record = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[1][i]]));
    assert.equal(record.event, 'e1');
    assert.equal(record.date, '2021-10-06');
    assert.equal(record.summary, analysis.timeline[0].summary, 'quotes, commas and the line break survive');
    assert.equal(record.participants, 'NATO; Pat O\'Brien, Jr.');
    assert.equal(record.sources, 'Title, with "quotes" (a1); Extracted <script>alert(1)</script> text. (a2)');
    assert.equal(rows[2][CSV_COLUMNS.indexOf('approximate')], 'yes');
    assert.equal(rows[2][CSV_COLUMNS.indexOf('start')], '2021-09-01');
    assert.equal(rows[3][CSV_COLUMNS.indexOf('participants')], 'unknown-id');
  });

  test('the demo story: as many rows as events, each with its summary', () => {
    const analysis = analyze(demoInputs);
    const rows = parse(timelineCsv(analysis, articleTitles(demoInputs, analysis)), { columns: true });
    assert.equal(rows.length, analysis.timeline.length);
    assert.ok(rows.length > 10);
    assert.deepEqual(rows.map((r) => r.summary), analysis.timeline.map((e) => e.summary));
    assert.deepEqual(rows.map((r) => r.date), analysis.timeline.map((e) => e.date.value));
  });
});

describe('CSV injection', () => {
  test('text that a spreadsheet would run as a formula is kept as text; numbers and ordinary text are untouched', () => {
    for (const [text, safe] of [
      ['=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'], ['+1+2', '\'+1+2'], ['@SUM(A1)', '\'@SUM(A1)'],
      ['-cmd|x', '\'-cmd|x'], ['\tTab', '\'\tTab'], ['-3 degrees', '-3 degrees'], ['-.5', '-.5'],
      ['NATO expelled eight envoys.', 'NATO expelled eight envoys.'], ['', ''], ['a=b', 'a=b'],
    ]) assert.equal(spreadsheetSafe(text), safe, JSON.stringify(text));
    const { inputs, analysis } = trickyStory();
    analysis.timeline[0] = { ...analysis.timeline[0], summary: '=1+1 was the vote' };
    const rows = parse(timelineCsv(analysis, articleTitles(inputs, analysis)), { columns: true });
    assert.equal(rows[0].summary, "'=1+1 was the vote");
  });
});

describe('TimelineJS JSON', () => {
  test('one event per timeline event, dates at their grain, text escaped', () => {
    const { inputs, analysis } = trickyStory();
    const out = timelineJs(analysis, { story: 'Ferries & <ships>', titles: articleTitles(inputs, analysis) });
    assert.equal(out.title.text.headline, 'Ferries &amp; &lt;ships&gt;');
    assert.equal(out.events.length, 3);
    const [day, month, decade] = out.events;
    assert.deepEqual(day.start_date, { year: '2021', month: '10', day: '6' });
    assert.equal(day.end_date, undefined, 'a single day has no end date');
    assert.equal(day.text.headline, 'NATO said &quot;no&quot;, then\nleft &lt;script&gt;alert(1)&lt;/script&gt;');
    assert.doesNotMatch(JSON.stringify(out), /<script|<b>/);
    assert.match(day.text.text, /^<p>With NATO, Pat O&#39;Brien, Jr\.\.<\/p><p>Reported in /);
    assert.equal(day.group, 'Title, with &quot;quotes&quot;');
    assert.deepEqual(month.start_date, { year: '2021', month: '9' });
    assert.equal(month.end_date, undefined, 'a month is one month');
    assert.equal(month.display_date, 'c. Sep 2021');
    assert.deepEqual(decade.start_date, { year: '2010' });
    assert.deepEqual(decade.end_date, { year: '2019' });
    assert.equal(decade.display_date, '2010s');
  });

  test('the demo story: every event, with its id', () => {
    const analysis = analyze(demoInputs);
    const out = timelineJs(analysis, { story: demoManifest.story, titles: articleTitles(demoInputs, analysis) });
    assert.deepEqual(out.events.map((e) => e.unique_id), analysis.timeline.map((e) => e.id));
    for (const event of out.events) assert.match(event.start_date.year, /^\d{4}$/);
  });

  test('escapeHtml escapes the five HTML metacharacters', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('HTML snapshot', () => {
  test('a strict CSP, no script, the chronology and the articles\' text escaped', () => {
    const { inputs, analysis } = trickyStory();
    const html = snapshotHtml({ story: '<img src=x onerror=alert(1)>', inputs, analysis, exported: new Date('2026-12-07T13:00:00Z') });
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}">`));
    assert.match(SNAPSHOT_CSP, /default-src 'none'/);
    assert.doesNotMatch(html, /<script|<img|<b>|<iframe/i);
    assert.ok(html.includes('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>'));
    assert.ok(html.includes('<p>Quote &quot;one&quot;, two.</p>'), 'paragraphs of a text input');
    assert.ok(html.includes('Extracted &lt;script&gt;alert(1)&lt;/script&gt; text.'), 'the extracted text of an HTML input');
    assert.ok(html.includes('<a href="#article-1">Title, with &quot;quotes&quot;</a>'), 'events link to their articles');
    assert.equal((html.match(/<li>/g) ?? []).length, analysis.timeline.length);
    assert.equal((html.match(/<article /g) ?? []).length, inputs.length);
  });
});

describe('Markdown articles', () => {
  test('headings on their own lines, links as their text, HTML and images dropped; a first # heading is the title', () => {
    const md = [
      '# Council *approves* ferry',
      '',
      'The council [voted](javascript:alert(1)) on **Tuesday**.<script>alert(1)</script>',
      'Same paragraph, `code` kept.',
      '',
      '## Funding',
      '',
      '- It costs 4.2 million.',
      '- Work starts in spring.',
      '',
      '<iframe src="https://example.com"></iframe>',
      '',
      '> A quote.',
      '',
      '![a photo](https://example.com/x.png)',
      '',
      '---',
    ].join('\n');
    const { title, text } = markdownToText(md);
    assert.equal(title, 'Council approves ferry');
    // Inline tags are dropped; what stands between them is text (never run).
    assert.equal(text, [
      'The council voted on Tuesday.alert(1)\nSame paragraph, code kept.',
      'Funding', 'It costs 4.2 million.', 'Work starts in spring.', 'A quote.',
    ].join('\n\n'));
  });

  test('no title unless the document opens with a level-1 heading', () => {
    assert.deepEqual(markdownToText('## Sub\n\nText.'), { title: null, text: 'Sub\n\nText.' });
    assert.deepEqual(markdownToText('Text.\n\n# Late heading'), { title: null, text: 'Text.\n\nLate heading' });
  });
});

describe('file kinds', () => {
  test('by extension, else by type', () => {
    const kinds = [['a.txt', ''], ['a.MD', ''], ['a.markdown', ''], ['page.html', ''], ['page.htm', ''], ['x.json', ''],
      ['noext', 'text/plain'], ['noext', 'text/html'], ['photo.png', 'image/png']].map(([name, type]) => fileKind({ name, type }));
    assert.deepEqual(kinds, ['text', 'markdown', 'markdown', 'html', 'html', 'workspace', 'text', 'html', null]);
  });
});

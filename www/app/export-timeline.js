// The story's chronology as files other tools read: CSV (RFC 4180, one
// row per event) and TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html).
// Pure functions of the Analysis; the page downloads what they return.

import { formatEventDate } from './timeline-model.js';

/** The CSV columns, in order. */
export const CSV_COLUMNS = ['event', 'date', 'start', 'end', 'grain', 'approximate', 'summary', 'participants', 'sources', 'salience'];

/** Names of the event's participants (entity ids the analysis does not list are kept as ids). */
function participantNames(event, entities) {
  return (event.participants ?? []).map((id) => entities.get(id)?.name ?? id);
}

/** "Title (id)" of each distinct article that reports the event, in report order. */
function sourceLabels(event, titles) {
  const ids = [...new Set((event.sources ?? []).map((s) => s.document))];
  return ids.map((id) => (titles.has(id) ? `${titles.get(id)} (${id})` : id));
}

/**
 * `text` safe to open in a spreadsheet: a cell starting with `=`, `+`, `@`,
 * a tab or a return, or with `-` not followed by a digit, would be read as
 * a formula (CSV injection), so it gets a leading apostrophe, which
 * spreadsheets show as text and hide. Numbers such as "-3" stay as they are.
 */
export function spreadsheetSafe(text) {
  return /^([=+@\t\r]|-(?![\d.]))/.test(text) ? `'${text}` : text;
}

/**
 * The timeline as CSV: a header row, then one row per event with its
 * TimeML date value, first and last day, grain, summary, participants
 * and sources ("; "-separated, sources as "Title (id)"). Fields are quoted
 * as RFC 4180 requires, lines end in CRLF; text from the articles is made
 * [`spreadsheetSafe`]. `titles`: display titles by id.
 */
export function timelineCsv(analysis, titles) {
  const entities = new Map((analysis.entities ?? []).map((e) => [e.id, e]));
  const rows = (analysis.timeline ?? []).map((event) => [
    event.id, event.date?.value ?? '', event.date?.start ?? '', event.date?.end ?? '', event.date?.grain ?? '',
    event.date?.approximate ? 'yes' : 'no', spreadsheetSafe(event.summary ?? ''),
    spreadsheetSafe(participantNames(event, entities).join('; ')), spreadsheetSafe(sourceLabels(event, titles).join('; ')),
    typeof event.salience === 'number' ? String(event.salience) : '',
  ]);
  return csv([CSV_COLUMNS, ...rows]);
}

/**
 * Rows of strings as CSV (RFC 4180): a field holding a comma, a double
 * quote, CR or LF is quoted, its quotes doubled; every record ends in CRLF.
 * (csv-stringify did this in 10 KB gzip of the page, most of it a Buffer
 * polyfill; tests/js/workspace.test.mjs reads the result back with csv-parse.)
 */
export function csv(rows) {
  const field = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return rows.map((row) => `${row.map(field).join(',')}\r\n`).join('');
}

/** `text` with the characters HTML gives a meaning escaped: TimelineJS renders text fields as HTML. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** How many parts of an ISO day a grain fixes: 1 year, 2 month, 3 day. */
const PRECISION = { day: 3, week: 3, month: 2, season: 2, quarter: 2, half: 2, year: 1, decade: 1, century: 1 };

/** A TimelineJS date object ({year, month?, day?}, as strings) for an ISO day at `parts` precision. */
function timelineJsDate(iso, parts) {
  const m = /^(-?\d{1,6})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return null;
  const date = { year: String(Number(m[1])) };
  if (parts >= 2) date.month = String(Number(m[2]));
  if (parts >= 3) date.day = String(Number(m[3]));
  return date;
}

/**
 * The timeline in TimelineJS's JSON format: `{title, events}` with one
 * event per dated timeline event: `start_date` and, for spans, `end_date`
 * at the precision of the date's grain, the page's label of the date
 * ("Summer 2021", "c. 2010s") as `display_date`, the summary as headline, the
 * participants and sources as text, and the first reporting article as
 * `group`. All text is escaped, since TimelineJS reads it as HTML.
 */
export function timelineJs(analysis, { story, titles }) {
  const entities = new Map((analysis.entities ?? []).map((e) => [e.id, e]));
  const events = [];
  for (const event of analysis.timeline ?? []) {
    const parts = PRECISION[event.date?.grain] ?? 3;
    const start = timelineJsDate(event.date?.start, parts);
    if (!start) continue;
    const out = { unique_id: event.id, start_date: start };
    const end = timelineJsDate(event.date?.end, parts);
    if (end && JSON.stringify(end) !== JSON.stringify(start)) out.end_date = end;
    out.display_date = escapeHtml(formatEventDate(event.date));
    const lines = [];
    const names = participantNames(event, entities);
    if (names.length) lines.push(`With ${names.join(', ')}.`);
    const sources = sourceLabels(event, titles);
    if (sources.length) lines.push(`Reported in ${sources.join('; ')}.`);
    out.text = { headline: escapeHtml(event.summary ?? ''), text: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') };
    const first = event.sources?.[0]?.document;
    if (first !== undefined) out.group = escapeHtml(titles.get(first) ?? first);
    events.push(out);
  }
  return { title: { text: { headline: escapeHtml(story || 'Dateline story'), text: '' } }, events };
}

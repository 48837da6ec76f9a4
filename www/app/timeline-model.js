// The chronology's data, without the DOM: dates of events as time spans
// and labels, filters, the top events by salience, lanes, dense stretches.
// Pure functions of their arguments, so the views stay thin.

/** One day in milliseconds. */
export const DAY = 86_400_000;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SEASONS = { SP: 'Spring', SU: 'Summer', FA: 'Autumn', AU: 'Autumn', WI: 'Winter' };

/** UTC milliseconds of an ISO day ("2021-10-06"), NaN when it is not one. */
export function parseDay(iso) {
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return NaN;
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  date.setUTCHours(0, 0, 0, 0);
  return date.getTime();
}

/** An ISO day for UTC milliseconds. */
export function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The time an event's date covers: `[t0, t1)` in UTC milliseconds, from
 * its first day to the end of its last. Null when the date has no days.
 */
export function eventSpan(date) {
  const t0 = parseDay(date?.start);
  const t1 = parseDay(date?.end ?? date?.start);
  if (Number.isNaN(t0)) return null;
  return { t0, t1: Math.max(t0, Number.isNaN(t1) ? t0 : t1) + DAY };
}

/** "6 Oct 2021" for an ISO day; `withYear` false gives "6 Oct". */
function dayLabel(iso, withYear = true) {
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return iso ?? '';
  const label = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]}`;
  return withYear ? `${label} ${Number(m[1])}` : label;
}

/** "18–24 Oct 2021", "27 Sep – 3 Oct 2021", "28 Dec 2020 – 3 Jan 2021". */
function rangeLabel(start, end) {
  if (!end || start === end) return dayLabel(start);
  const [y0, m0] = start.split('-');
  const [y1, m1] = end.split('-');
  if (y0 !== y1) return `${dayLabel(start)} – ${dayLabel(end)}`;
  if (m0 !== m1) return `${dayLabel(start, false)} – ${dayLabel(end)}`;
  return `${Number(start.slice(8))}–${dayLabel(end)}`;
}

/**
 * A label for an event date at its grain: "6 Oct 2021", "Oct 2021",
 * "Summer 2021", "2021", "2010s", "19th century"; a range ("2022-03/2023-07")
 * as its two ends ("Mar 2022 – Jul 2023", "6–7 Nov 2024"); "c. " before it
 * when the date is approximate.
 */
export function formatEventDate(date) {
  const value = String(date?.value ?? '');
  const year = (v) => String(Number(v));
  let label;
  let m;
  // A range of two values, as an ISO 8601 interval: "2022-03/2023-07".
  const [first, last] = value.split('/');
  if (last !== undefined) {
    label = date.grain === 'day' || date.grain === 'week'
      ? rangeLabel(date.start, date.end)
      : `${formatEventDate({ value: first, grain: date.grain })} – ${formatEventDate({ value: last, grain: date.grain })}`;
    return date.approximate ? `c. ${label}` : label;
  }
  switch (date?.grain) {
    case 'day':
      label = dayLabel(date.start ?? value);
      break;
    case 'week':
      label = rangeLabel(date.start, date.end);
      break;
    case 'month':
      m = /^(\d{4})-(\d{2})/.exec(value || date.start);
      label = m ? `${MONTHS[Number(m[2]) - 1]} ${year(m[1])}` : value;
      break;
    case 'season':
      m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value);
      label = m ? `${SEASONS[m[2]]} ${year(m[1])}` : rangeLabel(date.start, date.end);
      break;
    case 'quarter':
    case 'half':
      m = /^(\d{4})-([QH]\d)$/.exec(value);
      label = m ? `${m[2]} ${year(m[1])}` : rangeLabel(date.start, date.end);
      break;
    case 'year':
      label = year((value || date.start).slice(0, 4));
      break;
    case 'decade':
      label = `${year((date.start ?? value.replace('X', '0')).slice(0, 4))}s`;
      break;
    case 'century': {
      const c = Number((date.start ?? value).slice(0, 2)) + 1;
      const suffix = c % 100 >= 11 && c % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[c % 10] ?? 'th');
      label = `${c}${suffix} century`;
      break;
    }
    default:
      label = /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayLabel(value) : value || date?.start || '';
  }
  return date?.approximate ? `c. ${label}` : label;
}

/** Text folded for search: lower case, no diacritics, curly quotes straight. */
export function fold(text) {
  return String(text ?? '').normalize('NFD').replace(/\p{M}/gu, '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"')
    .toLowerCase();
}

/**
 * The events that pass the filters, in time order (earliest first, then
 * the more salient). `filters`: `entity` (an id among the participants),
 * `type` (an entity type among the participants'), `document` (a source
 * document id), `query` (words of the summary, in any order), `top` (keep
 * only the k most salient after the other filters; 0 or absent for all).
 * `entities` maps ids to entities.
 */
export function filterEvents(events, filters, entities) {
  const words = fold(filters.query ?? '').split(/\s+/).filter(Boolean);
  let kept = (events ?? []).filter((event) => {
    if (!eventSpan(event.date)) return false;
    const participants = event.participants ?? [];
    if (filters.entity && !participants.includes(filters.entity)) return false;
    if (filters.type && !participants.some((id) => entities.get(id)?.type === filters.type)) return false;
    if (filters.document && !(event.sources ?? []).some((s) => s.document === filters.document)) return false;
    if (words.length) {
      const summary = fold(event.summary);
      if (!words.every((w) => summary.includes(w))) return false;
    }
    return true;
  });
  if (filters.top > 0 && kept.length > filters.top) {
    const top = new Set(topBySalience(kept, filters.top).map((e) => e.id));
    kept = kept.filter((e) => top.has(e.id));
  }
  return sortByTime(kept);
}

/** Events by time: start, then the finer date (earlier end), then salience. */
export function sortByTime(events) {
  return [...events].sort((a, b) => {
    const sa = eventSpan(a.date);
    const sb = eventSpan(b.date);
    return sa.t0 - sb.t0 || sa.t1 - sb.t1 || (b.salience ?? 0) - (a.salience ?? 0) || String(a.id).localeCompare(String(b.id));
  });
}

/** The `k` most salient events (ties: earlier first), like `Options.timeline.maxEvents`. */
export function topBySalience(events, k) {
  return [...events]
    .sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0) || eventSpan(a.date).t0 - eventSpan(b.date).t0)
    .slice(0, k);
}

/**
 * The documents that report an event, once each, in the order of
 * `documentOrder` (ids): `{document, start, end, count}` with the first
 * reporting sentence of each.
 */
export function sourceDocuments(event, documentOrder = []) {
  const byDoc = new Map();
  for (const source of event.sources ?? []) {
    const seen = byDoc.get(source.document);
    if (!seen) byDoc.set(source.document, { ...source, count: 1 });
    else {
      seen.count++;
      if (source.start < seen.start) Object.assign(seen, { start: source.start, end: source.end });
    }
  }
  const rank = (id) => {
    const i = documentOrder.indexOf(id);
    return i < 0 ? Infinity : i;
  };
  return [...byDoc.values()].sort((a, b) => rank(a.document) - rank(b.document));
}

/** The entity types among the events' participants, most frequent first. */
export function participantTypes(events, entities) {
  const counts = new Map();
  for (const event of events) {
    const types = new Set((event.participants ?? []).map((id) => entities.get(id)?.type).filter(Boolean));
    for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type, n]) => ({ type, count: n }));
}

/** The time span of all the events: `{t0, t1}`, or null when there are none. */
export function extentOf(events) {
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const event of events) {
    const span = eventSpan(event.date);
    if (!span) continue;
    t0 = Math.min(t0, span.t0);
    t1 = Math.max(t1, span.t1);
  }
  return t0 < t1 ? { t0, t1 } : null;
}

/** Grains no coarser than a season: the dates that place news, not background. */
const FINE = new Set(['day', 'week', 'month', 'season', 'quarter']);

/**
 * Where the story happens: the span of its most salient events (the ten
 * first, those with a fine date when there are two or more of them),
 * padded. The view opens there; the history around it is a zoom away.
 */
export function newsWindow(events, count = 10) {
  const top = topBySalience(events.filter((e) => eventSpan(e.date)), count);
  const fine = top.filter((e) => FINE.has(e.date.grain));
  const span = extentOf(fine.length >= 2 ? fine : top);
  if (!span) return null;
  const pad = Math.max(7 * DAY, (span.t1 - span.t0) * 0.08);
  return { t0: span.t0 - pad, t1: span.t1 + pad };
}

/**
 * Assigns lanes to labels without overlap. `items` are `{id, left, right}`
 * in pixels, in priority order (the first get lanes first); `previous`
 * maps ids to the lane each had before, which they keep when it is free,
 * so labels do not jump while zooming. Returns a Map id → lane, without
 * the items that found no lane.
 */
export function assignLanes(items, laneCount, previous = new Map(), gap = 8) {
  const lanes = Array.from({ length: laneCount }, () => []);
  const fits = (lane, item) => lanes[lane].every(([l, r]) => item.right + gap <= l || item.left >= r + gap);
  const placed = new Map();
  for (const item of items) {
    const before = previous.get(item.id);
    let lane = before !== undefined && before < laneCount && fits(before, item) ? before : -1;
    for (let i = 0; lane < 0 && i < laneCount; i++) if (fits(i, item)) lane = i;
    if (lane < 0) continue;
    lanes[lane].push([item.left, item.right]);
    placed.set(item.id, lane);
  }
  return placed;
}

/**
 * Groups points (`{id, x0, x1}` in pixels, sorted by x0) into dense
 * stretches: neighbours closer than `gap` join. Returns `{x0, x1, ids}`.
 */
export function clusters(points, gap = 28) {
  const groups = [];
  for (const p of points) {
    const last = groups[groups.length - 1];
    if (last && p.x0 <= last.x1 + gap) {
      last.x1 = Math.max(last.x1, p.x1);
      last.ids.push(p.id);
    } else {
      groups.push({ x0: p.x0, x1: p.x1, ids: [p.id] });
    }
  }
  return groups;
}

/** "Feb – Nov 2021", "2021", "1990 – 2021", "3 – 17 Oct 2021": a view's dates, as coarse as its span. */
export function formatRange(t0, t1) {
  const a = new Date(t0);
  const b = new Date(t1 - 1);
  const span = t1 - t0;
  const [ya, yb] = [a.getUTCFullYear(), b.getUTCFullYear()];
  if (span > 3 * 365 * DAY) return ya === yb ? String(ya) : `${ya} – ${yb}`;
  if (span > 60 * DAY) {
    const ma = MONTHS[a.getUTCMonth()];
    const mb = MONTHS[b.getUTCMonth()];
    if (ya !== yb) return `${ma} ${ya} – ${mb} ${yb}`;
    return ma === mb ? `${ma} ${ya}` : `${ma} – ${mb} ${ya}`;
  }
  return rangeLabel(isoDay(t0), isoDay(t1 - 1));
}

// TimeML values, modifiers and anchors in words, for the date cards:
// "2021-10-06" → "6 Oct 2021", "199X" → "the 1990s", "P4Y" → "4 years",
// mod "END" → "the end of", anchor "dct" → "counted from the article's date".
// Pure functions of their arguments; nothing here touches the DOM.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SEASONS = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const PARTS_OF_DAY = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const REFS = { PAST_REF: 'the past', PRESENT_REF: 'the present', FUTURE_REF: 'the future' };
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const UNITS = {
  Y: ['year', 'years'], M: ['month', 'months'], W: ['week', 'weeks'], D: ['day', 'days'],
  DE: ['decade', 'decades'], CE: ['century', 'centuries'], Q: ['quarter', 'quarters'],
  WE: ['weekend', 'weekends'], H: ['hour', 'hours'], TM: ['minute', 'minutes'], S: ['second', 'seconds'],
};
const ORDINALS = ['first', 'second', 'third', 'fourth'];

/** What a TimeML modifier says, as words that go before the date ("the end of"). */
export const MOD_WORDS = {
  START: 'the start of',
  MID: 'the middle of',
  END: 'the end of',
  APPROX: 'about',
  BEFORE: 'before',
  AFTER: 'after',
  ON_OR_BEFORE: 'on or before',
  ON_OR_AFTER: 'on or after',
  LESS_THAN: 'less than',
  MORE_THAN: 'more than',
  EQUAL_OR_LESS: 'at most',
  EQUAL_OR_MORE: 'at least',
};

/** A day of a month in the short form the cards use ("6 Oct 2021"; "6 Oct" without a year). */
function day(y, m, d) {
  const month = MONTHS[Number(m) - 1];
  if (!month) return null;
  const head = d ? `${Number(d)} ${month}` : month;
  return y === 'XXXX' ? head : `${head} ${y}`;
}

/** A four-character year, decade ("199X") or century ("19XX") in words. */
function year(y) {
  if (/^\d{4}$/.test(y)) return y;
  if (/^\d{3}X$/.test(y)) return `the ${y.slice(0, 3)}0s`;
  if (/^\d{2}XX$/.test(y)) return `the ${y.slice(0, 2)}00s`;
  return null;
}

/** A duration ("P4Y", "PT30M", "P1DE", "PXY") in words ("4 years", "30 minutes", "a decade", "years"). */
export function durationWords(value) {
  const m = /^P(T?)(\d+(?:\.\d+)?|X)(DE|CE|WE|[YMWDQHS])$/.exec(value ?? '');
  if (!m) return null;
  const [, t, n, unit] = m;
  const names = UNITS[t && unit === 'M' ? 'TM' : unit];
  if (!names) return null;
  if (n === 'X') return names[1];
  return Number(n) === 1 ? `1 ${names[0]}` : `${n} ${names[1]}`;
}

/**
 * A TimeML value in words: dates, months, weeks, seasons, quarters and
 * halves, decades, times of day, the past/present/future references and
 * durations. Unknown shapes come back unchanged.
 */
export function valueWords(value) {
  if (!value) return 'an unresolved date';
  if (REFS[value]) return REFS[value];
  const duration = durationWords(value);
  if (duration) return duration;
  let m = /^(\d{4}|XXXX)-(\d{2})-(\d{2})(?:T(\d{2}:\d{2})|T(MO|AF|EV|NI|DT))?$/.exec(value);
  if (m) {
    const date = day(m[1], m[2], m[3]);
    if (date && m[4]) return `${date}, ${m[4]}`;
    if (date && m[5]) return `${PARTS_OF_DAY[m[5]]} of ${date}`;
    if (date) return date;
  }
  m = /^(\d{4}|XXXX)-(\d{2})$/.exec(value);
  if (m) return day(m[1], m[2]) ?? value;
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) return `${m[3] ? 'the weekend of ' : ''}week ${Number(m[2])} of ${m[1]}`;
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return `${SEASONS[m[2]]} ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) return `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return `the ${ORDINALS[Number(m[2]) - 1]} half of ${m[1]}`;
  m = /^XXXX-WXX-([1-7])$/.exec(value);
  if (m) return WEEKDAYS[Number(m[1]) - 1];
  const y = year(value);
  return y ?? value;
}

/** A SET value ("P1W", "XXXX-WXX-1") in words ("every week", "every Monday"). */
function setWords(value) {
  const m = /^P(T?)1(DE|CE|WE|[YMWDQHS])$/.exec(value ?? '');
  if (m) return `every ${UNITS[m[1] && m[2] === 'M' ? 'TM' : m[2]][0]}`;
  const duration = durationWords(value);
  if (duration) return `every ${duration}`;
  const words = valueWords(value);
  return words === value ? `repeatedly (${value})` : `every ${words}`;
}

/** Upper-cases the first letter. */
function capital(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/**
 * The words of a date card for a timex `{type, value, mod, anchor}`:
 * `headline` (the value in words, with its modifier: "The end of 2021"),
 * `code` ("DATE 2021-10-06", plus " END" with a modifier), `mod` (the
 * modifier's sentence or null) and `anchor` (how the value was found, or
 * null). `dct` is the article's date, named when the timex counts from it.
 */
export function describeTimex(timex, { dct = null } = {}) {
  const type = timex.type ?? 'DATE';
  const value = timex.value ?? null;
  let words = type === 'SET' ? setWords(value) : valueWords(value);
  const modWords = timex.mod ? MOD_WORDS[timex.mod] ?? timex.mod.toLowerCase().replace(/_/g, ' ') : null;
  if (modWords) words = `${modWords} ${words}`;
  const code = [type, value ?? '?', timex.mod].filter(Boolean).join(' ');
  let anchor = null;
  if (timex.anchor === 'dct') {
    anchor = dct ? `Counted from the article’s date, ${valueWords(dct)}` : 'Counted from the article’s date';
  } else if (timex.anchor === 'previous') {
    anchor = 'Counted from the date mentioned just before it';
  } else if (timex.anchor === 'absolute') {
    anchor = type === 'DURATION' ? 'A length of time, not a point in time' : 'Stated in full in the text';
  }
  const mod = timex.mod ? `Modifier ${timex.mod}: ${modWords}` : null;
  return { headline: capital(words), code, mod, anchor };
}

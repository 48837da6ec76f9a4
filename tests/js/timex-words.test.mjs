// TimeML values, modifiers and anchors in words (www/app/timex-words.js),
// as the page's date cards show them. Pure functions: no build needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeTimex, durationWords, valueWords } from '../../www/app/timex-words.js';

test('values in words', () => {
  const cases = [
    ['2021-10-06', '6 Oct 2021'], ['2021-10', 'Oct 2021'], ['2021', '2021'], ['199X', 'the 1990s'], ['19XX', 'the 1900s'],
    ['2021-W40', 'week 40 of 2021'], ['2021-W40-WE', 'the weekend of week 40 of 2021'], ['2021-SU', 'summer 2021'],
    ['2021-Q3', 'Q3 2021'], ['2021-H1', 'the first half of 2021'], ['XXXX-10-06', '6 Oct'], ['2021-10-06T14:30', '6 Oct 2021, 14:30'],
    ['2021-10-06TEV', 'evening of 6 Oct 2021'], ['PAST_REF', 'the past'], ['PRESENT_REF', 'the present'], ['FUTURE_REF', 'the future'],
    ['P4Y', '4 years'], ['P1W', '1 week'], ['PT30M', '30 minutes'], ['P2M', '2 months'], ['P1DE', '1 decade'], ['PXY', 'years'],
    ['XXXX-WXX-1', 'Monday'], ['2021-13-01', '2021-13-01'], ['something else', 'something else'], [null, 'an unresolved date'],
  ];
  for (const [value, words] of cases) assert.equal(valueWords(value), words, String(value));
  assert.equal(durationWords('2021'), null);
});

test('a date card\'s words: headline, TimeML code, modifier and anchor', () => {
  assert.deepEqual(describeTimex({ type: 'DATE', value: '2021-10-06', mod: null, anchor: 'dct' }, { dct: '2021-10-21' }), {
    headline: '6 Oct 2021', code: 'DATE 2021-10-06', mod: null, anchor: 'Counted from the article’s date, 21 Oct 2021',
  });
  assert.deepEqual(describeTimex({ type: 'DATE', value: '2021', mod: 'END', anchor: 'absolute' }), {
    headline: 'The end of 2021', code: 'DATE 2021 END', mod: 'Modifier END: the end of', anchor: 'Stated in full in the text',
  });
  assert.equal(describeTimex({ type: 'DATE', value: '2019', mod: 'AFTER', anchor: 'previous' }).anchor,
    'Counted from the date mentioned just before it');
  assert.equal(describeTimex({ type: 'DURATION', value: 'P4Y', mod: 'APPROX', anchor: 'absolute' }).headline, 'About 4 years');
  assert.equal(describeTimex({ type: 'DURATION', value: 'P4Y', mod: null, anchor: 'absolute' }).anchor, 'A length of time, not a point in time');
  assert.equal(describeTimex({ type: 'SET', value: 'P1W', mod: null, anchor: null }).headline, 'Every week');
  assert.equal(describeTimex({ type: 'SET', value: 'XXXX-WXX-1', mod: null, anchor: null }).headline, 'Every Monday');
  assert.equal(describeTimex({ type: 'DATE', value: null, mod: null, anchor: null }).code, 'DATE ?');
});

// The chronology band's markup for the element's shadow root: the same
// structure as the page's (www/index.html), which app/timeline.js wires.

import { el } from './dom.js';

/** A hidden <section class="chronology" part="chronology"> ready for createChronology(). */
export function chronologyBand() {
  const section = el('section', 'chronology', { part: 'chronology', 'aria-labelledby': 'chronology-heading' });
  section.hidden = true;
  const head = el('div', 'tl-head', { part: 'chronology-toolbar' });
  const title = el('div', 'tl-title');
  title.append(el('h2', 'tl-heading', { id: 'chronology-heading' }, 'Chronology'), el('p', 'tl-status'));
  const controls = el('div', 'tl-controls');
  controls.append(el('input', 'tl-search', {
    type: 'search', placeholder: 'Search events', 'aria-label': 'Search the events’ summaries', autocomplete: 'off', spellcheck: 'false',
  }));
  const top = el('div', 'tl-top', { role: 'group', 'aria-label': 'Show only the most important events' });
  for (const [n, label] of [['10', 'Top 10'], ['25', 'Top 25'], ['0', 'All']]) {
    top.append(el('button', '', { type: 'button', 'data-top': n }, label));
  }
  controls.append(top,
    el('select', 'tl-type', { 'aria-label': 'Events with a participant of this type' }),
    el('select', 'tl-document', { 'aria-label': 'Events reported in this article' }));
  const toggle = el('button', 'tl-toggle', { type: 'button', 'aria-expanded': 'true', 'aria-controls': 'chronology-body' }, 'Hide');
  head.append(title, controls, toggle);
  const body = el('div', 'tl-body', { id: 'chronology-body' });
  const chips = el('div', 'tl-chips', { role: 'group', 'aria-label': 'Active filters' });
  chips.hidden = true;
  body.append(chips, el('div', 'tl-view'));
  section.append(head, body, el('p', 'tl-live visually-hidden', { 'aria-live': 'polite' }));
  return section;
}

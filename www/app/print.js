// Printing: the chronology, an interactive axis on screen, prints as a
// list of dated events (built just before printing, textContent only);
// the print stylesheet (style.css, @media print) hides the page's chrome.

import { formatEventDate } from './timeline-model.js';

/**
 * Keeps a print-only list of `events()` (timeline events) after `anchor`,
 * rebuilt each time the page is about to print.
 */
export function setupPrintChronology(anchor, events) {
  const section = document.createElement('section');
  section.className = 'print-chronology';
  section.setAttribute('aria-hidden', 'true'); // on screen it is hidden; the live chronology is the accessible one
  const build = () => {
    const list = document.createElement('ol');
    const sorted = [...events()].sort((a, b) => (a.date.start < b.date.start ? -1 : a.date.start > b.date.start ? 1 : 0));
    for (const event of sorted) {
      const item = document.createElement('li');
      const date = document.createElement('time');
      date.dateTime = event.date.start;
      date.textContent = formatEventDate(event.date);
      const summary = document.createElement('span');
      summary.textContent = event.summary ?? '';
      item.append(date, ' ', summary);
      list.append(item);
    }
    const heading = document.createElement('h2');
    heading.textContent = `Chronology (${sorted.length} ${sorted.length === 1 ? 'event' : 'events'})`;
    section.replaceChildren(heading, list);
    if (!section.isConnected) anchor.after(section);
  };
  window.addEventListener('beforeprint', build);
  globalThis.matchMedia?.('print').addEventListener('change', (query) => { if (query.matches) build(); });
  return { build };
}

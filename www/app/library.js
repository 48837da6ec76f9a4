// The document list in the sidebar: one button per article, the selected
// one marked with aria-current; arrow keys move between them.

import { formatDate, squish, truncate } from '../render.js';

/**
 * Renders the list. `items` are `{id, number, title, source, sentences,
 * date, added}` (`number`: the article's number in the chronology's badges); `onSelect(id)` is called on click or Enter/Space.
 */
export function renderLibrary(list, items, selectedId, onSelect) {
  list.replaceChildren(...items.map((item) => libraryItem(item, item.id === selectedId, onSelect)));
}

/** One list entry: a button with title, source and counts. */
function libraryItem(item, selected, onSelect) {
  const li = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'doc-card';
  button.dataset.document = item.id;
  if (selected) button.setAttribute('aria-current', 'true');

  // The number the chronology's source badges use for this article.
  const number = document.createElement('span');
  number.className = 'doc-number';
  number.setAttribute('aria-hidden', 'true');
  number.textContent = String(item.number);
  number.title = `Article ${item.number}`;
  const title = document.createElement('span');
  title.className = 'doc-title';
  title.textContent = item.title;
  const source = document.createElement('span');
  source.className = 'doc-source';
  source.textContent = item.source ? truncate(squish(item.source), 80) : 'Unknown source';
  const meta = document.createElement('span');
  meta.className = 'doc-meta';
  const parts = [item.sentences === null ? 'Analysing…' : `${item.sentences} ${item.sentences === 1 ? 'sentence' : 'sentences'}`];
  if (item.date) parts.push(formatDate(item.date));
  meta.textContent = parts.join(' · ');
  if (item.added) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = 'Added';
    meta.append(badge);
  }
  button.append(number, title, source, meta);
  button.addEventListener('click', () => onSelect(item.id));
  li.append(button);
  return li;
}

/** Arrow-key, Home and End navigation between the list's buttons. */
export function enableListKeys(list) {
  list.addEventListener('keydown', (event) => {
    const buttons = [...list.querySelectorAll('button.doc-card')];
    const at = buttons.indexOf(document.activeElement);
    if (at < 0) return;
    const next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, next))].focus();
  });
}

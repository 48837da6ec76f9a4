// The document list in the sidebar: one button per article, the selected
// one marked with aria-current; arrow keys move between them. Over
// VIRTUAL_FROM articles the list is virtual (app/virtual-list.js): only
// the cards near the visible part are in the DOM.

import { formatDate, squish, truncate } from '../render.js';
import { VirtualList } from './virtual-list.js';

/** From this many articles on, the list renders only the cards in view. */
export const VIRTUAL_FROM = 50;

/** Per list: `{items, selected, onSelect, decorate, virtual}`. */
const lists = new WeakMap();

/**
 * Renders the list. `items` are `{id, number, title, source, sentences,
 * date, added, filtered}` (`number`: the article's number in the chronology's badges;
 * `sentences` null while the article is being analysed; `filtered`: `{name, type,
 * count}`, the mentions of the entity the chronology is filtered by); `onSelect(id)` is
 * called on click or Enter/Space. `decorate(li, item)`, when given, adds to each entry
 * (the Edit and Remove tools). Over VIRTUAL_FROM items only the entries in view are built.
 */
export function renderLibrary(list, items, selectedId, onSelect, decorate) {
  const state = lists.get(list) ?? { virtual: null };
  Object.assign(state, { items, selected: selectedId, onSelect, decorate });
  lists.set(list, state);
  const build = (i) => {
    const li = libraryItem(items[i], items[i].id === state.selected, (id) => state.onSelect(id));
    state.decorate?.(li, items[i]);
    return li;
  };
  if (items.length >= VIRTUAL_FROM) {
    if (state.virtual) state.virtual.setCount(items.length, build);
    else state.virtual = new VirtualList(list, { count: items.length, render: build, estimate: 72 });
  } else {
    state.virtual?.destroy();
    state.virtual = null;
    list.replaceChildren(...items.map((_, i) => build(i)));
  }
}

/** Marks `id` as the selected article (aria-current), also on cards rendered later. */
export function setSelected(list, id) {
  const state = lists.get(list);
  if (state) state.selected = id;
  for (const button of list.querySelectorAll('button.doc-card')) {
    if (button.dataset.document === id) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
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
  if (item.filtered) button.append(filteredMentions(item.filtered));
  button.addEventListener('click', () => onSelect(item.id));
  li.append(button);
  return li;
}

/** "NATO: 12 mentions" (or "not named") under a card while the chronology is filtered by an entity. */
function filteredMentions({ name, type, count }) {
  const line = document.createElement('span');
  line.className = count ? 'doc-mentions' : 'doc-mentions is-none';
  line.dataset.type = type;
  line.dataset.count = String(count);
  const swatch = document.createElement('span');
  swatch.className = 'swatch mention';
  swatch.setAttribute('aria-hidden', 'true');
  line.append(swatch, `${name}: ${count ? `${count} ${count === 1 ? 'mention' : 'mentions'}` : 'not named'}`);
  return line;
}

/** Arrow-key, Home and End navigation between the list's buttons, rendered or not. */
export function enableListKeys(list) {
  list.addEventListener('keydown', (event) => {
    const state = lists.get(list);
    const buttons = [...list.querySelectorAll('button.doc-card')];
    const button = event.target.closest?.('button.doc-card');
    if (!button || !state) return;
    const count = state.items.length;
    const at = state.virtual ? Number(button.closest('li').dataset.index) : buttons.indexOf(button);
    const next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: count - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const to = Math.max(0, Math.min(count - 1, next));
    if (state.virtual) state.virtual.focusIndex(to, 'button.doc-card');
    else buttons[to].focus();
  });
}

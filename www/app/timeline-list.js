// The chronology as a vertical list, for narrow screens: one item per
// event in time order with its date, summary, participants and source
// badges. Arrow keys move between events; Enter opens the first source.
// Long lists are virtual: only the items near the view are in the DOM.

import { sourceBadge } from './timeline-axis.js';
import { formatEventDate, sourceDocuments } from './timeline-model.js';
import { VirtualList } from './virtual-list.js';

/** Source badges that fit beside an event's date on a phone; more wrap below the event. */
const MAX_BADGES_BESIDE_DATE = 4;

/** Over this many events, the list renders only the items in view (app/virtual-list.js). */
export const VIRTUAL_FROM = 100;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The list view in `host`. `actions`: `activate(event)`,
 * `openSource(event, source)`, `filterEntity(id)`.
 */
export class ListView {
  constructor(host, actions) {
    this.actions = actions;
    this.events = [];
    this.byId = new Map();
    this.list = el('ol', 'tl-list');
    this.list.setAttribute('aria-label', 'Events in time order');
    host.append(this.list);
    this.list.addEventListener('click', (event) => this.onClick(event));
    this.list.addEventListener('keydown', (event) => this.onKey(event));
  }

  setData(events, _all, ctx) {
    this.events = events;
    this.byId = new Map(events.map((e) => [e.id, e]));
    this.ctx = ctx;
    // Exactly one tab stop: the selected event, else the first.
    const selected = ctx.selected ? events.findIndex((e) => e.id === ctx.selected) : -1;
    this.tabStop = Math.max(0, selected);
    const build = (i) => this.build(i);
    if (events.length > VIRTUAL_FROM) {
      if (this.virtual) this.virtual.setCount(events.length, build);
      else this.virtual = new VirtualList(this.list, { count: events.length, render: build, estimate: 96 });
    } else {
      this.virtual?.destroy();
      this.virtual = null;
      this.list.replaceChildren(...events.map((_, i) => build(i)));
    }
  }

  /** The item of event `i`, marked when it starts a year. */
  build(i) {
    const event = this.events[i];
    const item = this.item(event, i === this.tabStop);
    item.dataset.index = String(i);
    if (i === 0 || event.date.start.slice(0, 4) !== this.events[i - 1].date.start.slice(0, 4)) item.classList.add('starts-year');
    return item;
  }

  item(event, tabbable) {
    const item = el('li', 'tl-item');
    item.setAttribute('part', 'event');
    item.dataset.event = event.id;
    item.dataset.participants = (event.participants ?? []).join(' ');
    if (event.date.approximate) item.classList.add('is-approximate');
    if ((event.salience ?? 0) >= 0.6) item.classList.add('is-salient');
    if (event.id === this.ctx.selected) item.classList.add('is-selected');
    const main = el('button', 'tl-item-main');
    main.type = 'button';
    main.tabIndex = tabbable ? 0 : -1;
    if (event.id === this.ctx.selected) main.setAttribute('aria-current', 'true');
    const date = el('time', 'tl-date', formatEventDate(event.date));
    date.setAttribute('datetime', event.date.start);
    main.append(date, el('span', 'tl-summary', event.summary ?? ''));
    item.append(main);

    const participants = event.participants ?? [];
    if (participants.length) {
      const people = el('p', 'tl-item-people');
      people.setAttribute('aria-label', 'Participants');
      for (const id of participants) {
        const entity = this.ctx.entities.get(id);
        const chip = el('button', 'tl-person', entity?.name ?? id);
        chip.type = 'button';
        chip.tabIndex = -1;
        chip.dataset.entity = id;
        if (entity) chip.dataset.type = entity.type;
        chip.setAttribute('aria-label', `Show only the events with ${entity?.name ?? id}`);
        if (id === this.ctx.entity) chip.setAttribute('aria-pressed', 'true');
        people.append(chip);
      }
      item.append(people);
    }
    const sources = el('p', 'tl-item-sources');
    sources.setAttribute('aria-label', 'Reported in');
    const reports = sourceDocuments(event, this.ctx.documentOrder);
    for (const source of reports) {
      const badge = sourceBadge(source, this.ctx, 'tl-badge');
      badge.tabIndex = -1;
      sources.append(badge);
    }
    // A few badges sit beside the date; more go on a wrapping row of their own below.
    if (reports.length > MAX_BADGES_BESIDE_DATE) item.classList.add('has-many-sources');
    else item.style.setProperty('--nb', String(reports.length));
    item.append(sources);
    return item;
  }

  /** Marks the current document's badges without rebuilding the list. */
  setCurrent(documentId) {
    this.ctx = { ...this.ctx, current: documentId };
    for (const badge of this.list.querySelectorAll('.tl-badge')) {
      badge.classList.toggle('is-current', badge.dataset.document === documentId);
    }
  }

  onClick(event) {
    const item = event.target.closest('.tl-item');
    if (!item) return;
    const found = this.byId.get(item.dataset.event);
    const badge = event.target.closest('.tl-badge');
    const person = event.target.closest('.tl-person');
    if (badge) {
      this.actions.openSource(found, { document: badge.dataset.document, start: Number(badge.dataset.start), end: Number(badge.dataset.end) });
    } else if (person) {
      this.actions.filterEntity(person.dataset.entity);
    } else if (event.target.closest('.tl-item-main')) {
      this.actions.activate(found);
    }
  }

  /** Arrow keys between events (and, within one, Left/Right across its buttons), rendered or not. */
  onKey(event) {
    const item = event.target.closest('.tl-item');
    if (!item) return;
    const i = Number(item.dataset.index);
    const controls = [...item.querySelectorAll('button')];
    const j = controls.indexOf(event.target);
    const last = this.events.length - 1;
    const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: last }[event.key];
    let target = null;
    if (to !== undefined) {
      event.preventDefault();
      if (to < 0 || to > last) return;
      this.tabStop = to;
      target = this.virtual ? this.virtual.focusIndex(to, '.tl-item-main')
        : this.list.querySelector(`.tl-item[data-index="${to}"] .tl-item-main`);
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      target = controls[j + (event.key === 'ArrowRight' ? 1 : -1)];
    } else {
      return;
    }
    if (!target) return;
    for (const button of this.list.querySelectorAll('button[tabindex="0"]')) button.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  }

  flush() {}

  destroy() {
    this.virtual?.destroy();
    this.list.remove();
  }
}

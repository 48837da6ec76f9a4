// The chronology of the story: a band across the page with a zoomable
// time axis (a vertical list on narrow screens), its filters (a named
// entity, an entity type, an article, words of the summary, the top
// events by salience) and the links to the articles.
//
// The markup of the band is in index.html; this module wires it and
// owns the filter state. Untrusted text (summaries, names, titles) only
// ever goes through textContent.

import { ENTITY_TYPES } from '../render.js';
import { AxisView } from './timeline-axis.js';
import { ListView } from './timeline-list.js';
import { extentOf, filterEvents, formatRange, newsWindow, participantTypes, sourceDocuments } from './timeline-model.js';

/** Screens this narrow get the vertical list instead of the axis. */
const NARROW = '(max-width: 700px)';

/** Plural labels of entity types, for the type filter. */
const TYPE_PLURALS = {
  PERSON: 'People', ORG: 'Organizations', GPE: 'Countries and cities', LOC: 'Locations', NORP: 'Groups',
  EVENT: 'Named events', LAW: 'Laws', FAC: 'Facilities', PRODUCT: 'Products', WORK_OF_ART: 'Works of art',
};

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Wires the chronology band `section`. `onOpen(event, source)` opens an
 * article at a source sentence; `onFilter(filters)` reports filter
 * changes (so the page can mark the filtered entity); `offsetTarget`
 * (the page's root element by default) gets `--chrono-h`; `narrow` (a
 * MediaQueryList, by default the screen at most 700 px wide; an embedded
 * view passes its own width, app/width-query.js) chooses the list over the
 * axis. Returns the
 * controller: `update(analysis, {titles, documentOrder})`,
 * `setCurrent(documentId)`, `filterByEntity(id)`, `select(eventId)`,
 * `destroy()` (stops its observers and listeners).
 */
export function createChronology(section, {
  onOpen, onFilter, offsetTarget = document.documentElement, narrow = globalThis.matchMedia(NARROW),
}) {
  const $ = (selector) => section.querySelector(selector);
  const ui = {
    status: $('.tl-status'),
    live: $('.tl-live'),
    search: $('.tl-search'),
    top: [...section.querySelectorAll('[data-top]')],
    type: $('.tl-type'),
    document: $('.tl-document'),
    chips: $('.tl-chips'),
    view: $('.tl-view'),
    toggle: $('.tl-toggle'),
  };
  const state = {
    analysis: null,
    all: [],
    entities: new Map(),
    titles: new Map(),
    documentOrder: [],
    current: null,
    selected: null,
    filters: { entity: null, type: '', document: '', query: '', top: 0 },
    shown: [],
    viewInfo: null,
  };
  let view = null;
  let expandedBy = { wide: true, narrow: false };

  const actions = {
    activate: (event) => open(event, sourceDocuments(event, state.documentOrder)[0]),
    openSource: (event, source) => open(event, source),
    filterEntity: (id) => filterByEntity(id),
    reset: () => resetZoom(),
    view: (info) => {
      state.viewInfo = info;
      renderStatus();
    },
  };

  function open(event, source) {
    if (!event || !source) return;
    state.selected = event.id;
    section.dataset.selected = event.id;
    refresh(false);
    onOpen(event, source);
  }

  /** Makes the view that fits the screen, keeping the axis's zoom across data updates. */
  function ensureView() {
    const wantList = narrow.matches;
    if (view && (view instanceof ListView) === wantList) return false;
    view?.destroy();
    ui.view.replaceChildren();
    view = wantList ? new ListView(ui.view, actions) : new AxisView(ui.view, actions);
    section.dataset.layout = wantList ? 'list' : 'axis';
    setExpanded(expandedBy[wantList ? 'narrow' : 'wide']);
    return true;
  }

  function context() {
    return {
      entities: state.entities, documentOrder: state.documentOrder, titles: state.titles,
      current: state.current, selected: state.selected, entity: state.filters.entity,
    };
  }

  /** Applies the filters and redraws; `refit` moves the axis to the events when none is in view. */
  function refresh(refit = true) {
    const fresh = ensureView();
    state.shown = filterEvents(state.all, state.filters, state.entities);
    section.dataset.shown = String(state.shown.length);
    section.dataset.total = String(state.all.length);
    view.setData(state.shown, state.all, context());
    if (view instanceof AxisView) {
      if (fresh || !view.zoomed) {
        if (!view.zoomed) view.show(initialWindow(), false);
      }
      if (refit && state.shown.length) {
        const d = view.domain();
        const span = extentOf(state.shown);
        if (d && span && (span.t1 <= d.t0 || span.t0 >= d.t1)) view.show(span);
      }
    }
    renderChips();
    renderStatus();
  }

  /** Where the axis opens: the stretch of the most salient events. */
  function initialWindow() {
    return newsWindow(state.shown.length ? state.shown : state.all) ?? extentOf(state.all);
  }

  function resetZoom() {
    if (!(view instanceof AxisView)) return;
    const span = extentOf(state.shown.length ? state.shown : state.all);
    if (!span) return;
    const pad = Math.max(15 * 86_400_000, (span.t1 - span.t0) * 0.04);
    view.show({ t0: span.t0 - pad, t1: span.t1 + pad });
  }

  function renderStatus() {
    const total = state.all.length;
    const shown = state.shown.length;
    const filtered = isFiltered();
    let text;
    if (view instanceof AxisView && state.viewInfo) {
      const { t0, t1, inView } = state.viewInfo;
      const of = filtered || shown < total ? `${shown} matching` : `${shown}`;
      text = `${formatRange(t0, t1)} · ${inView} of ${of} ${shown === 1 ? 'event' : 'events'} in view`;
    } else {
      const span = extentOf(state.shown);
      const range = span ? ` · ${formatRange(span.t0, span.t1)}` : '';
      text = filtered || shown < total ? `${shown} of ${total} events${range}` : `${total} ${total === 1 ? 'event' : 'events'}${range}`;
    }
    if (ui.status.textContent !== text) ui.status.textContent = text;
  }

  function isFiltered() {
    const f = state.filters;
    return Boolean(f.entity || f.type || f.document || f.query.trim() || f.top);
  }

  /** One chip per active filter, each with a button that removes it, and "Clear all". */
  function renderChips() {
    const f = state.filters;
    const chips = [];
    const chip = (label, value, clear) => {
      const item = el('span', 'tl-chip');
      item.append(el('span', 'tl-chip-label', label), el('span', 'tl-chip-value', value));
      const remove = el('button', 'tl-chip-remove', '×');
      remove.type = 'button';
      remove.setAttribute('aria-label', `Remove the filter ${label} ${value}`);
      remove.addEventListener('click', () => {
        clear();
        changed();
        (ui.chips.querySelector('.tl-chip-remove') ?? ui.search).focus();
      });
      item.append(remove);
      chips.push(item);
      return item;
    };
    if (f.entity) {
      const entity = state.entities.get(f.entity);
      const item = chip('With', entity?.name ?? f.entity, () => { f.entity = null; });
      item.dataset.entity = f.entity;
      if (entity) item.dataset.type = entity.type;
      item.classList.add('tl-chip-entity');
    }
    if (f.type) chip('Type', TYPE_PLURALS[f.type] ?? f.type, () => { f.type = ''; ui.type.value = ''; });
    if (f.document) {
      const n = state.documentOrder.indexOf(f.document) + 1;
      chip('In', `${n}. ${state.titles.get(f.document) ?? f.document}`, () => { f.document = ''; ui.document.value = ''; });
    }
    if (f.query.trim()) chip('Words', `“${f.query.trim()}”`, () => { f.query = ''; ui.search.value = ''; });
    if (f.top) chip('Only', `the top ${f.top}`, () => { f.top = 0; syncTop(); });
    if (chips.length > 1) {
      const all = el('button', 'tl-clear', 'Clear all');
      all.type = 'button';
      all.addEventListener('click', () => {
        Object.assign(f, { entity: null, type: '', document: '', query: '', top: 0 });
        ui.type.value = '';
        ui.document.value = '';
        ui.search.value = '';
        syncTop();
        changed();
        ui.search.focus();
      });
      chips.push(all);
    }
    ui.chips.replaceChildren(...chips);
    ui.chips.hidden = chips.length === 0;
  }

  /** After a filter change: redraw, tell the page, announce the count. */
  function changed() {
    refresh();
    onFilter?.({ ...state.filters });
    const n = state.shown.length;
    ui.live.textContent = `${n} ${n === 1 ? 'event' : 'events'} shown`;
  }

  function syncTop() {
    for (const button of ui.top) button.setAttribute('aria-pressed', String(Number(button.dataset.top) === state.filters.top));
  }

  function setExpanded(on) {
    expandedBy[narrow.matches ? 'narrow' : 'wide'] = on;
    ui.toggle.setAttribute('aria-expanded', String(on));
    ui.toggle.textContent = on ? 'Hide' : 'Show';
    ui.toggle.setAttribute('aria-label', on ? 'Hide the chronology' : 'Show the chronology');
    section.classList.toggle('is-collapsed', !on);
    if (on) view?.resize?.();
  }

  /**
   * Tells the page (`--chrono-h`) how much of the top of the window the
   * band covers while it sticks there, for the sticky columns and for
   * scrolling sentences into view below it; 0 when it scrolls away.
   */
  function stickTop() {
    const sticks = !section.hidden && getComputedStyle(section).position === 'sticky';
    offsetTarget.style.setProperty('--chrono-h', `${sticks ? section.offsetHeight : 0}px`);
  }

  function filterByEntity(id) {
    state.filters.entity = state.filters.entity === id ? null : id;
    if (state.filters.entity) setExpanded(true);
    changed();
  }

  /** Fills the type and article selects from the story. */
  function fillSelects() {
    const types = participantTypes(state.all, state.entities);
    const typeOptions = [new Option('All types', '')];
    for (const { type, count } of types) typeOptions.push(new Option(`${TYPE_PLURALS[type] ?? ENTITY_TYPES[type] ?? type} (${count})`, type));
    ui.type.replaceChildren(...typeOptions);
    if (!types.some((t) => t.type === state.filters.type)) state.filters.type = '';
    ui.type.value = state.filters.type;
    const docOptions = [new Option('All articles', '')];
    state.documentOrder.forEach((id, i) => {
      const title = state.titles.get(id) ?? id;
      docOptions.push(new Option(`${i + 1}. ${title.length > 48 ? `${title.slice(0, 47)}…` : title}`, id));
    });
    ui.document.replaceChildren(...docOptions);
    if (!state.documentOrder.includes(state.filters.document)) state.filters.document = '';
    ui.document.value = state.filters.document;
  }

  // Controls.
  let searchTimer = 0;
  ui.search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      state.filters.query = ui.search.value;
      changed();
    }, 120);
  });
  ui.search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      clearTimeout(searchTimer);
      state.filters.query = ui.search.value;
      changed();
    }
  });
  for (const button of ui.top) {
    button.addEventListener('click', () => {
      state.filters.top = Number(button.dataset.top);
      syncTop();
      changed();
    });
  }
  ui.type.addEventListener('change', () => { state.filters.type = ui.type.value; changed(); });
  ui.document.addEventListener('change', () => { state.filters.document = ui.document.value; changed(); });
  ui.toggle.addEventListener('click', () => setExpanded(ui.toggle.getAttribute('aria-expanded') !== 'true'));
  const onNarrow = () => { if (state.analysis) refresh(false); };
  narrow.addEventListener('change', onNarrow);
  const resizer = new ResizeObserver(stickTop);
  resizer.observe(section);
  syncTop();

  return {
    /** New analysis: keeps the filters that still apply and the zoom the reader chose. */
    update(analysis, { titles, documentOrder }) {
      state.analysis = analysis;
      state.all = analysis.timeline ?? [];
      state.entities = new Map((analysis.entities ?? []).map((e) => [e.id, e]));
      state.titles = titles;
      state.documentOrder = documentOrder;
      if (state.filters.entity && !state.entities.has(state.filters.entity)) state.filters.entity = null;
      if (!state.all.some((e) => e.id === state.selected)) state.selected = null;
      fillSelects();
      section.hidden = state.all.length === 0;
      stickTop();
      if (!section.hidden) refresh(false);
    },
    setCurrent(documentId) {
      state.current = documentId;
      if (view instanceof ListView) view.setCurrent(documentId);
      else if (view) view.setData(state.shown, state.all, context());
    },
    filterByEntity,
    get filters() {
      return { ...state.filters };
    },
    /** Renders pending changes now. */
    flush() {
      view?.flush();
    },
    /** Stops the observers, the screen-width listener and the view (the band is going away). */
    destroy() {
      clearTimeout(searchTimer);
      narrow.removeEventListener('change', onNarrow);
      resizer.disconnect();
      view?.destroy();
      view = null;
    },
  };
}

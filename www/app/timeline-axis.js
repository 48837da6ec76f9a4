// The chronology on a horizontal time axis that zooms from decades to
// days: events as cards in lanes (fuzzy dates as ranges), the stretches
// too dense to label as density bands, ticks that follow the zoom.
//
// d3-scale maps time to pixels and d3-zoom turns wheel, drag, pinch and
// keys into one transform; the DOM is plain elements, written once per
// animation frame, and only the events in view get a card.

import { scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import 'd3-transition';
import { utcDay, utcMonth, utcYear } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import { zoom as d3zoom, zoomIdentity } from 'd3-zoom';
import { DAY, assignLanes, clusters, eventSpan, extentOf, formatEventDate, formatRange, isoDay, sourceDocuments } from './timeline-model.js';

/** Narrowest view: a week and a half, so days get their own ticks. */
const MIN_SPAN = 10 * DAY;
/** Pixel width of the bins of the density strip. */
const BIN = 4;
/** Zoom factor of one key press or button. */
const STEP = 1.6;

const formats = {
  year: utcFormat('%Y'),
  month: utcFormat('%b'),
  day: utcFormat('%-d %b'),
};

/** A tick label as coarse as the tick: "2021" on a year, "Oct" on a month, "6 Oct" on a day. */
function tickLabel(date) {
  if (utcYear(date) < date) return utcMonth(date) < date ? formats.day(date) : formats.month(date);
  return formats.year(date);
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/**
 * The axis view in `host`. `actions`: `activate(event)` (open its first
 * source), `openSource(event, source)`, `view(info)` after each render
 * (`{t0, t1, shown, inView, before, after}`).
 */
export class AxisView {
  constructor(host, actions) {
    this.actions = actions;
    this.events = [];
    this.byId = new Map();
    this.order = [];
    this.ctx = { entities: new Map(), documentOrder: [], titles: new Map(), current: null, selected: null };
    this.cards = new Map();
    this.lanes = new Map();
    this.focusId = null;
    this.hoverId = null;
    this.frame = 0;
    this.width = 0;
    this.height = 0;
    this.full = null;
    this.transform = zoomIdentity;
    this.touched = false;
    this.build(host);
  }

  build(host) {
    const plot = el('div', 'tl-plot');
    plot.tabIndex = 0;
    plot.setAttribute('role', 'group');
    plot.setAttribute('aria-roledescription', 'time axis');
    plot.setAttribute('aria-label', 'Chronology on a time axis. Plus and minus zoom, arrow keys pan, Down arrow moves to the events.');
    this.grid = el('div', 'tl-grid');
    this.grid.setAttribute('aria-hidden', 'true');
    this.span = el('div', 'tl-span');
    this.span.setAttribute('aria-hidden', 'true');
    this.list = el('ol', 'tl-lanes');
    this.list.setAttribute('aria-label', 'Events in view, in time order');
    this.density = el('div', 'tl-density');
    const svgNs = 'http://www.w3.org/2000/svg';
    this.histogram = document.createElementNS(svgNs, 'svg');
    this.histogram.setAttribute('class', 'tl-histogram');
    this.histogram.setAttribute('aria-hidden', 'true');
    this.histogram.setAttribute('preserveAspectRatio', 'none');
    this.bars = document.createElementNS(svgNs, 'path');
    this.histogram.append(this.bars);
    this.bands = el('div', 'tl-bands');
    this.density.append(this.histogram, this.bands);
    this.axis = el('div', 'tl-axis');
    this.axis.setAttribute('aria-hidden', 'true');
    this.before = el('button', 'tl-edge tl-edge-before');
    this.after = el('button', 'tl-edge tl-edge-after');
    this.before.setAttribute('aria-label', 'Earlier events');
    this.after.setAttribute('aria-label', 'Later events');
    for (const button of [this.before, this.after]) {
      button.type = 'button';
      button.hidden = true;
    }
    this.empty = el('p', 'tl-empty', 'No event matches these filters.');
    this.empty.hidden = true;
    const zoomBar = el('div', 'tl-zoom');
    zoomBar.setAttribute('role', 'group');
    zoomBar.setAttribute('aria-label', 'Zoom');
    for (const [action, text, label, title] of [['out', '−', 'Zoom out', 'Zoom out (−)'], ['in', '+', 'Zoom in', 'Zoom in (+)'],
      ['reset', 'Reset zoom', 'Reset zoom: show every date', 'Show every date (0)']]) {
      const button = el('button', action === 'reset' ? 'tl-reset' : 'tl-icon', text);
      button.type = 'button';
      button.dataset.zoom = action;
      button.setAttribute('aria-label', label);
      button.title = title;
      zoomBar.append(button);
    }
    plot.append(this.grid, this.span, this.list, this.density, this.axis, this.before, this.after, this.empty, zoomBar);
    host.append(plot);
    this.plot = plot;

    this.zoom = d3zoom()
      .filter((event) => {
        if (event.type === 'wheel') return Math.abs(event.deltaY) >= Math.abs(event.deltaX);
        if (event.type === 'dblclick') return !event.target.closest('button');
        return (!event.ctrlKey || event.type === 'wheel') && !event.button;
      })
      .on('zoom', (event) => {
        this.transform = event.transform;
        if (event.sourceEvent) this.touched = true;
        this.schedule();
      });
    this.selection = select(plot).call(this.zoom);
    // Sideways wheels and trackpads pan; the page never scrolls under the axis.
    plot.addEventListener('wheel', (event) => {
      event.preventDefault();
      if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        this.touched = true;
        this.zoom.translateBy(this.selection, -event.deltaX / this.transform.k, 0);
      }
    }, { passive: false });

    plot.addEventListener('keydown', (event) => this.onKey(event));
    plot.addEventListener('focusin', (event) => {
      const item = event.target.closest('.tl-event');
      if (item) this.setFocus(item.dataset.event);
    });
    plot.addEventListener('pointerover', (event) => {
      const id = event.target.closest('.tl-event')?.dataset.event ?? null;
      if (id !== this.hoverId) {
        this.hoverId = id;
        this.schedule();
      }
    });
    plot.addEventListener('pointerleave', () => {
      this.hoverId = null;
      this.schedule();
    });
    plot.addEventListener('click', (event) => this.onClick(event));
    this.before.addEventListener('click', () => this.step(-1));
    this.after.addEventListener('click', () => this.step(1));

    this.resizer = new ResizeObserver(() => this.resize());
    this.resizer.observe(plot);
  }

  /** Stops observing and drawing (the view is being replaced). */
  destroy() {
    this.resizer.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.selection.interrupt().on('.zoom', null);
    this.plot.remove();
  }

  /**
   * New events (filtered, in time order) and context (`entities` map,
   * `documentOrder`, `titles`, `current` document, `selected` event id);
   * `all` is every event of the story, which sets the zoomable extent.
   */
  setData(events, all, ctx) {
    const fullBefore = this.full;
    if (all !== this.story) {
      // A new analysis: the same ids may have other summaries or sources.
      for (const node of this.cards.values()) node.remove();
      this.cards.clear();
      this.lanes = new Map();
      this.story = all;
    }
    this.events = events;
    this.byId = new Map(events.map((e) => [e.id, e]));
    this.spans = new Map(events.map((e) => [e.id, eventSpan(e.date)]));
    this.ctx = ctx;
    const extent = extentOf(all);
    if (extent) {
      const pad = Math.max(30 * DAY, (extent.t1 - extent.t0) * 0.03);
      this.full = { t0: extent.t0 - pad, t1: extent.t1 + pad };
    } else {
      this.full = null;
    }
    if (this.focusId && !this.byId.has(this.focusId)) this.focusId = null;
    const changed = !fullBefore || !this.full || fullBefore.t0 !== this.full.t0 || fullBefore.t1 !== this.full.t1;
    if (changed) this.rebase(fullBefore ? this.domain() : null);
    this.schedule();
  }

  /** Whether the view was zoomed or panned by the reader (not only set). */
  get zoomed() {
    return this.touched;
  }

  /** The visible time span `[t0, t1)` in UTC ms. */
  domain() {
    if (!this.x) return null;
    const [a, b] = this.x.domain();
    return { t0: +a, t1: +b };
  }

  /** Rebuilds the base scale for the current size, keeping `keep` (a domain) in view. */
  rebase(keep) {
    const width = this.width || this.plot.clientWidth || 800;
    const height = this.height || this.plot.clientHeight || 200;
    if (!this.full) return;
    this.base = scaleUtc().domain([this.full.t0, this.full.t1]).range([0, width]);
    const kMax = Math.max(1, (this.full.t1 - this.full.t0) / MIN_SPAN);
    this.zoom.extent([[0, 0], [width, height]]).translateExtent([[0, 0], [width, height]]).scaleExtent([1, kMax]);
    this.setTransform(this.transformFor(keep ?? this.full));
  }

  /** The transform that shows `[t0, t1)`, within the zoom's limits. */
  transformFor({ t0, t1 }) {
    const a = this.base(Math.max(t0, this.full.t0));
    const b = this.base(Math.min(t1, this.full.t1));
    const [, kMax] = this.zoom.scaleExtent();
    const k = Math.max(1, Math.min(kMax, this.base.range()[1] / Math.max(1, b - a)));
    return zoomIdentity.scale(k).translate(-a, 0);
  }

  /** The transform within the zoom's limits. */
  constrained(transform) {
    const [kMin, kMax] = this.zoom.scaleExtent();
    const k = Math.max(kMin, Math.min(kMax, transform.k));
    const t = zoomIdentity.translate(transform.x, 0).scale(k);
    return this.zoom.constrain()(t, this.zoom.extent()(), this.zoom.translateExtent());
  }

  /**
   * Moves to `transform`, animated unless `animate` is false or the reader
   * prefers less motion. Steps taken during an animation build on its
   * target, so quick key presses add up.
   */
  setTransform(transform, animate = false) {
    const goal = this.constrained(transform);
    const smooth = animate && !reducedMotion();
    this.goal = smooth ? goal : null;
    this.goalUntil = smooth ? performance.now() + 260 : 0;
    if (smooth) {
      this.selection.transition().duration(240).call(this.zoom.transform, goal);
    } else {
      this.selection.interrupt().call(this.zoom.transform, goal);
      this.transform = goal;
      this.x = goal.rescaleX(this.base);
    }
  }

  /** Where the view is going: the target of a running animation, else where it is. */
  heading() {
    return this.goal && performance.now() < this.goalUntil ? this.goal : this.transform;
  }

  /** Shows `[t0, t1)`, animated unless `animate` is false. */
  show(span, animate = true) {
    if (!this.full || !span) return;
    this.setTransform(this.transformFor(span), animate);
  }

  /** Zooms by `factor` about `t` (UTC ms; the middle of the view by default). */
  zoomBy(factor, t) {
    if (!this.full) return;
    this.touched = true;
    const from = this.heading();
    const [kMin, kMax] = this.zoom.scaleExtent();
    const k = Math.max(kMin, Math.min(kMax, from.k * factor));
    const px = t === undefined ? this.width / 2 : Math.max(0, Math.min(this.width, from.applyX(this.base(t))));
    const x = px - ((px - from.x) * k) / from.k;
    this.setTransform(zoomIdentity.translate(x, 0).scale(k), true);
  }

  /** Pans by a fraction of the view's width (negative: back in time). */
  panBy(fraction) {
    if (!this.full) return;
    this.touched = true;
    const from = this.heading();
    this.setTransform(zoomIdentity.translate(from.x - fraction * this.width, 0).scale(from.k), true);
  }

  resize() {
    const width = this.plot.clientWidth;
    const height = this.plot.clientHeight;
    if (!width || (width === this.width && height === this.height)) return;
    const keep = this.domain();
    this.width = width;
    this.height = height;
    this.rebase(keep);
    this.schedule();
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** Renders now (tests and callers that need the DOM in sync). */
  flush() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.render();
  }

  /** Lanes that fit the plot's height (CSS `--tl-lanes`), and their pitch. */
  metrics() {
    const style = getComputedStyle(this.plot);
    const lanes = Math.max(1, Number.parseInt(style.getPropertyValue('--tl-lanes'), 10) || 3);
    const pitch = Number.parseFloat(style.getPropertyValue('--tl-pitch')) || 72;
    const top = Number.parseFloat(style.getPropertyValue('--tl-top')) || 8;
    return { lanes, pitch, top };
  }

  cardWidth(event) {
    const base = 176 + 84 * Math.max(0, Math.min(1, event.salience ?? 0));
    return Math.round(Math.min(base, Math.max(150, this.width * 0.3)));
  }

  render() {
    if (!this.full || !this.width) return;
    this.x = this.transform.rescaleX(this.base);
    const x = this.x;
    const width = this.width;
    const { lanes: laneCount, pitch, top } = this.metrics();

    // Where each event falls, and which are in view.
    const visible = [];
    let before = 0;
    let after = 0;
    for (const event of this.events) {
      const span = this.spans.get(event.id);
      const x0 = x(span.t0);
      const x1 = x(span.t1);
      if (x1 < 0) before++;
      else if (x0 > width) after++;
      else visible.push({ event, x0, x1 });
    }

    // Cards: the focused and selected events first, then by salience.
    const rank = (id) => (id === this.focusId ? 0 : id === this.ctx.selected ? 1 : 2);
    const items = visible.map(({ event, x0, x1 }) => {
      const w = this.cardWidth(event);
      // Cards stay in view: one whose date starts before the view is
      // "continued"; one that would leave it on the right hangs from the
      // end of its date instead ("flipped"), or is shifted when that end
      // is out of view too.
      let left = Math.max(0, Math.min(x0, width - w));
      let place = left > x0 + 1 ? 'continued' : '';
      if (left < x0 - 1) {
        place = x1 <= width + 1 && x1 - w >= 0 ? 'flipped' : 'shifted';
        if (place === 'flipped') left = x1 - w;
      }
      return { id: event.id, event, x0, x1, w, left, right: left + w, place };
    }).sort((a, b) => rank(a.id) - rank(b.id) || (b.event.salience ?? 0) - (a.event.salience ?? 0) || a.x0 - b.x0);
    const placed = assignLanes(items, laneCount, this.lanes);
    this.lanes = placed;

    this.renderCards(items.filter((i) => placed.has(i.id)), placed, pitch, top);
    this.renderDensity(visible, items.filter((i) => !placed.has(i.id)));
    this.renderTicks();
    this.renderSpan();
    this.renderEdges(before, after);

    const { t0, t1 } = this.domain();
    this.plot.dataset.domainStart = isoDay(t0);
    this.plot.dataset.domainEnd = isoDay(t1 - 1);
    this.plot.dataset.inView = String(visible.length);
    this.plot.dataset.labelled = String(placed.size);
    this.empty.hidden = this.events.length > 0;
    this.actions.view?.({ t0, t1, shown: this.events.length, inView: visible.length, labelled: placed.size, before, after });
  }

  renderCards(shown, placed, pitch, top) {
    const keep = new Set(shown.map((i) => i.id));
    const active = this.plot.getRootNode().activeElement;
    for (const [id, node] of this.cards) {
      if (keep.has(id)) continue;
      if (node.contains(active)) this.plot.focus({ preventScroll: true });
      node.remove();
      this.cards.delete(id);
    }
    // Time order in the DOM, so reading order and Tab order follow the axis.
    shown.sort((a, b) => a.x0 - b.x0 || a.x1 - b.x1);
    let previous = null;
    const tabId = keep.has(this.focusId) ? this.focusId : keep.has(this.ctx.selected) ? this.ctx.selected : shown[0]?.id;
    for (const item of shown) {
      let node = this.cards.get(item.id);
      if (!node) {
        node = this.card(item.event);
        this.cards.set(item.id, node);
      }
      const expected = previous ? previous.nextSibling : this.list.firstChild;
      if (node !== expected) this.list.insertBefore(node, expected);
      previous = node;
      const lane = placed.get(item.id);
      node.style.transform = `translate(${Math.round(item.left)}px, ${top + lane * pitch}px)`;
      node.style.width = `${item.w}px`;
      node.dataset.lane = String(lane);
      const range = node.firstChild;
      const r0 = Math.max(item.x0, -50) - item.left;
      const r1 = Math.min(item.x1, this.width + 50) - item.left;
      range.style.transform = `translateX(${Math.round(r0)}px)`;
      range.style.width = `${Math.max(0, Math.round(r1 - r0))}px`;
      node.classList.toggle('is-point', item.x1 - item.x0 < 6);
      node.classList.toggle('is-flipped', item.place === 'flipped');
      node.classList.toggle('is-continued', item.place === 'continued');
      node.classList.toggle('is-shifted', item.place === 'shifted');
      node.classList.toggle('is-selected', item.id === this.ctx.selected);
      const button = node.querySelector('.tl-card');
      const tabbable = item.id === tabId;
      button.tabIndex = tabbable ? 0 : -1;
      for (const badge of node.querySelectorAll('.tl-badge')) {
        badge.tabIndex = tabbable ? 0 : -1;
        badge.classList.toggle('is-current', badge.dataset.document === this.ctx.current);
      }
      if (item.id === this.ctx.selected) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  }

  /** One event card: a range bar, a button (date, summary, participants) and source badges. */
  card(event) {
    const item = el('li', 'tl-event');
    item.setAttribute('part', 'event');
    item.dataset.event = event.id;
    item.dataset.grain = event.date.grain;
    item.dataset.participants = (event.participants ?? []).join(' ');
    if (event.date.approximate) item.classList.add('is-approximate');
    const strength = Math.max(0, Math.min(1, event.salience ?? 0));
    item.style.setProperty('--salience', strength.toFixed(2));
    if (strength >= 0.6) item.classList.add('is-salient');
    const range = el('span', 'tl-range');
    range.setAttribute('aria-hidden', 'true');
    const button = el('button', 'tl-card');
    button.type = 'button';
    const date = el('time', 'tl-date', formatEventDate(event.date));
    date.setAttribute('datetime', event.date.start);
    const summary = el('span', 'tl-summary', event.summary ?? '');
    const names = (event.participants ?? []).map((id) => this.ctx.entities.get(id)?.name ?? id);
    const people = el('span', 'tl-people', names.join(' · '));
    if (!names.length) people.classList.add('is-empty');
    button.append(date, summary, people);
    button.title = [formatEventDate(event.date), event.summary, names.length ? `With ${names.join(', ')}` : '']
      .filter(Boolean).join('\n');
    const badges = el('span', 'tl-badges');
    const sources = sourceDocuments(event, this.ctx.documentOrder);
    for (const source of sources) badges.append(sourceBadge(source, this.ctx, 'tl-badge'));
    item.style.setProperty('--nb', String(sources.length));
    item.append(range, button, badges);
    return item;
  }

  /** The histogram of all events in view, and a band for each stretch of unlabelled ones. */
  renderDensity(visible, unlabelled) {
    const width = this.width;
    const bins = new Float64Array(Math.ceil(width / BIN) + 1);
    for (const { x0, x1 } of visible) {
      const a = Math.max(0, Math.min(width, x0));
      const b = Math.max(0, Math.min(width, x1));
      const first = Math.floor(a / BIN);
      const last = Math.max(first, Math.floor(b / BIN));
      const share = 1 / (last - first + 1);
      for (let i = first; i <= last; i++) bins[i] += share;
    }
    const max = Math.max(1, ...bins);
    let d = '';
    bins.forEach((value, i) => {
      if (value > 0) d += `M${i * BIN},10v${(-10 * Math.sqrt(value / max)).toFixed(2)}h${BIN - 1}V10z`;
    });
    this.histogram.setAttribute('viewBox', `0 0 ${width} 10`);
    this.bars.setAttribute('d', d);

    const points = unlabelled.map((i) => {
      const mid = Math.max(4, Math.min(width - 4, (Math.max(i.x0, 0) + Math.min(i.x1, width)) / 2));
      return { id: i.id, x0: mid, x1: mid };
    }).sort((a, b) => a.x0 - b.x0);
    const groups = clusters(points);
    const buttons = [...this.bands.children];
    groups.forEach((group, i) => {
      let button = buttons[i];
      if (!button) {
        button = el('button', 'tl-band');
        button.type = 'button';
        button.tabIndex = -1;
        this.bands.append(button);
      }
      const events = group.ids.map((id) => this.byId.get(id));
      const span = extentOf(events);
      const x0 = Math.max(0, group.x0 - 12);
      const x1 = Math.min(width, group.x1 + 12);
      const w = Math.max(32, x1 - x0);
      button.style.transform = `translateX(${Math.round(Math.min(x0, width - w))}px)`;
      button.style.width = `${Math.round(w)}px`;
      button.textContent = `+${events.length}`;
      button.dataset.t0 = String(span.t0);
      button.dataset.t1 = String(span.t1);
      const label = `${events.length} more ${events.length === 1 ? 'event' : 'events'}, ${formatRange(span.t0, span.t1)}: zoom in`;
      button.setAttribute('aria-label', label);
      button.title = `${label}\n${events.slice(0, 6).map((e) => `· ${e.summary}`).join('\n')}${events.length > 6 ? '\n…' : ''}`;
    });
    for (const extra of buttons.slice(groups.length)) extra.remove();
  }

  renderTicks() {
    const ticks = this.x.ticks(Math.max(2, Math.floor(this.width / 110)));
    const labels = [...this.axis.children];
    const lines = [...this.grid.children];
    ticks.forEach((tick, i) => {
      const left = `translateX(${Math.round(this.x(tick))}px)`;
      const major = +utcYear(tick) === +tick || (+utcMonth(tick) === +tick && +utcDay(tick) === +tick && this.spanDays() < 400);
      let label = labels[i];
      if (!label) this.axis.append(label = el('span', 'tl-tick'));
      let line = lines[i];
      if (!line) this.grid.append(line = el('span', 'tl-gridline'));
      const text = tickLabel(tick);
      if (label.textContent !== text) label.textContent = text;
      label.style.transform = left;
      line.style.transform = left;
      label.classList.toggle('is-major', major);
      line.classList.toggle('is-major', major);
    });
    for (const extra of labels.slice(ticks.length)) extra.remove();
    for (const extra of lines.slice(ticks.length)) extra.remove();
  }

  spanDays() {
    const { t0, t1 } = this.domain();
    return (t1 - t0) / DAY;
  }

  /** The exact span of the hovered, focused or selected event, across the plot. */
  renderSpan() {
    const id = this.hoverId ?? (this.plot.contains(this.plot.getRootNode().activeElement) ? this.focusId : null) ?? this.ctx.selected;
    const span = id ? this.spans.get(id) : null;
    if (!span) {
      this.span.hidden = true;
      return;
    }
    const x0 = Math.max(-2, this.x(span.t0));
    const x1 = Math.min(this.width + 2, this.x(span.t1));
    this.span.hidden = x1 < 0 || x0 > this.width;
    const w = Math.max(2, x1 - x0);
    this.span.style.transform = `translateX(${Math.round(x0 - (w === 2 ? 1 : 0))}px)`;
    this.span.style.width = `${Math.round(w)}px`;
  }

  renderEdges(before, after) {
    const set = (button, n, text, label) => {
      button.hidden = n === 0;
      if (!n) return;
      button.textContent = text(n);
      button.setAttribute('aria-label', label(n));
    };
    set(this.before, before, (n) => `‹ ${n} earlier`, (n) => `${n} earlier ${n === 1 ? 'event' : 'events'}: go back in time`);
    set(this.after, after, (n) => `${n} later ›`, (n) => `${n} later ${n === 1 ? 'event' : 'events'}: go forward in time`);
  }

  /** Pans to the nearest event out of view on one side (-1 earlier, 1 later). */
  step(direction) {
    const { t0, t1 } = this.domain();
    const out = this.events.map((e) => this.spans.get(e.id)).filter((s) => (direction < 0 ? s.t1 <= t0 : s.t0 >= t1));
    if (!out.length) return;
    const target = direction < 0 ? out.reduce((a, b) => (b.t1 > a.t1 ? b : a)) : out.reduce((a, b) => (b.t0 < a.t0 ? b : a));
    const span = t1 - t0;
    this.touched = true;
    const start = direction < 0 ? Math.min(target.t0, target.t1 - span * 0.7) : Math.max(target.t0 - span * 0.3, target.t1 - span);
    this.show({ t0: start, t1: start + span });
  }

  onClick(event) {
    const zoomButton = event.target.closest('button[data-zoom]');
    if (zoomButton) {
      const action = zoomButton.dataset.zoom;
      if (action === 'reset') this.actions.reset?.();
      else this.zoomBy(action === 'in' ? STEP : 1 / STEP);
      return;
    }
    const badge = event.target.closest('.tl-badge');
    const item = event.target.closest('.tl-event');
    if (badge && item) {
      const found = this.byId.get(item.dataset.event);
      this.actions.openSource(found, { document: badge.dataset.document, start: Number(badge.dataset.start), end: Number(badge.dataset.end) });
      return;
    }
    if (event.target.closest('.tl-card') && item) {
      this.actions.activate(this.byId.get(item.dataset.event));
      return;
    }
    const band = event.target.closest('.tl-band');
    if (band) {
      this.touched = true;
      const t0 = Number(band.dataset.t0);
      const t1 = Number(band.dataset.t1);
      const pad = Math.max(2 * DAY, (t1 - t0) * 0.15);
      this.show({ t0: t0 - pad, t1: t1 + pad });
    }
  }

  setFocus(id) {
    if (this.focusId === id) return;
    this.focusId = id;
    this.schedule();
  }

  /** Moves focus to an event's card, panning it into view (and labelling it) first. */
  focusEvent(id) {
    const span = this.spans.get(id);
    if (!span) return;
    this.focusId = id;
    const { t0, t1 } = this.domain();
    const width = t1 - t0;
    const cardSpan = (this.cardWidth(this.byId.get(id)) / this.width) * width;
    if (span.t1 <= t0 || span.t0 >= t1 - cardSpan) {
      this.touched = true;
      const start = Math.min(span.t0, span.t1) - width * 0.3;
      this.setTransform(this.transformFor({ t0: start, t1: start + width }));
    }
    this.flush();
    this.cards.get(id)?.querySelector('.tl-card')?.focus({ preventScroll: true });
  }

  onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const item = event.target.closest('.tl-event');
    const onCard = item && event.target.closest('.tl-card');
    const key = event.key;
    const anchor = item ? this.spans.get(item.dataset.event) : null;
    const at = anchor ? (anchor.t0 + anchor.t1) / 2 : undefined;
    if (key === '+' || key === '=') this.zoomBy(STEP, at);
    else if (key === '-' || key === '_') this.zoomBy(1 / STEP, at);
    else if (key === '0') this.actions.reset?.();
    else if (!item && (key === 'ArrowLeft' || key === 'ArrowRight')) this.panBy(key === 'ArrowLeft' ? -0.2 : 0.2);
    else if (!item && (key === 'ArrowDown' || key === 'Enter') && event.target === this.plot) {
      const first = this.list.querySelector('.tl-card[tabindex="0"]') ?? this.list.querySelector('.tl-card');
      if (!first) return;
      first.focus();
    } else if (onCard && ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key)) {
      const ids = this.events.map((e) => e.id);
      const i = ids.indexOf(item.dataset.event);
      const next = { ArrowLeft: i - 1, ArrowUp: i - 1, ArrowRight: i + 1, ArrowDown: i + 1, Home: 0, End: ids.length - 1 }[key];
      const target = ids[Math.max(0, Math.min(ids.length - 1, next))];
      if (target && target !== item.dataset.event) this.focusEvent(target);
    } else if (key === 'Escape' && item) this.plot.focus();
    else return;
    event.preventDefault();
  }
}

/** A source badge: the document's number in the list of articles, naming it for assistive tech. */
export function sourceBadge(source, ctx, className) {
  const index = ctx.documentOrder.indexOf(source.document);
  const title = ctx.titles.get(source.document) ?? source.document;
  const badge = el('button', `${className} event-source`, index >= 0 ? String(index + 1) : '?');
  badge.type = 'button';
  badge.dataset.document = source.document;
  badge.dataset.start = String(source.start);
  badge.dataset.end = String(source.end);
  const times = source.count > 1 ? ` (${source.count} passages)` : '';
  badge.setAttribute('aria-label', `Article ${index + 1}: ${title}${times}`);
  badge.title = `Article ${index + 1}: ${title}${times}`;
  if (source.document === ctx.current) badge.classList.add('is-current');
  return badge;
}

// A virtual list: of a long <ol>/<ul>, only the items near the visible part
// are in the DOM, between two spacer items that keep the scroll size. Works
// vertically (a block or grid list) and horizontally (a flex row), inside
// any scrolling ancestors or the window. Every item carries aria-setsize
// and aria-posinset, so screen readers know the whole list, and
// `focusIndex(i)` brings any item in and focuses it, so the keyboard
// reaches every one.

/** Items rendered beyond each end of the visible part. */
const OVERSCAN = 6;
/** The focused item stays rendered while it is at most this many items from the visible part. */
const KEEP_FOCUSED = 50;

/**
 * Makes `list` virtual over `count` items: `render(i)` builds item `i` (an
 * <li>); `estimate` is the size in pixels assumed for items not yet shown.
 */
export class VirtualList {
  constructor(list, { count, render, estimate = 64 }) {
    this.list = list;
    this.render = render;
    this.estimate = estimate;
    this.nodes = new Map(); // index → rendered <li>
    this.head = spacer('vl-head');
    this.tail = spacer('vl-tail');
    this.frame = 0;
    this.onScroll = () => this.schedule();
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
    // Shown after being hidden (a folded chronology), or resized: render what is now in view.
    this.resized = new ResizeObserver(this.onScroll);
    this.resized.observe(list);
    list.classList.add('is-virtual');
    this.setCount(count, render);
  }

  /** New data: `count` items built by `render(i)`; the rendered ones are rebuilt. */
  setCount(count, render = this.render) {
    this.count = count;
    this.render = render;
    this.sizes = new Float64Array(count).fill(-1);
    for (const node of this.nodes.values()) node.remove();
    this.nodes.clear();
    this.list.replaceChildren(this.head, this.tail);
    this.update();
  }

  /** Renders item `i`, scrolls it into view and focuses its first control matching `selector`. */
  focusIndex(i, selector = 'button') {
    if (i < 0 || i >= this.count) return null;
    this.update(i);
    const node = this.nodes.get(i);
    node.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
    const target = node.matches(selector) ? node : node.querySelector(selector);
    target?.focus({ preventScroll: true });
    this.update(i);
    return target;
  }

  /** Stops listening; the list keeps its current items. */
  destroy() {
    cancelAnimationFrame(this.frame);
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.onScroll);
    this.resized.disconnect();
    this.list.classList.remove('is-virtual');
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.update();
    });
  }

  focusedIndex() {
    const active = document.activeElement;
    if (!active || !this.list.contains(active)) return -1;
    const item = active.closest('[data-index]');
    return item ? Number(item.dataset.index) : -1;
  }

  build(i) {
    const node = this.render(i);
    node.dataset.index = String(i);
    node.setAttribute('aria-setsize', String(this.count));
    node.setAttribute('aria-posinset', String(i + 1));
    return node;
  }

  /** Which items to render: those in view, plus `include` and the focused item. */
  range(offsets, include, { lo, hi }) {
    let start = upperBound(offsets, lo) - 1 - OVERSCAN;
    let end = upperBound(offsets, hi) + OVERSCAN;
    start = Math.max(0, Math.min(start, this.count - 1));
    end = Math.min(this.count, Math.max(end, start + 1));
    if (include !== undefined) {
      // The focus is about to move to `include`: jump there if it is not in view (focusIndex scrolls to it next).
      if (include < start || include >= end) {
        start = Math.max(0, include - OVERSCAN);
        end = Math.min(this.count, include + OVERSCAN + 1);
      }
      return { start, end };
    }
    const focused = this.focusedIndex();
    if (focused >= 0 && focused < start && start - focused <= KEEP_FOCUSED) start = focused;
    if (focused >= end && focused - end < KEEP_FOCUSED) end = focused + 1;
    return { start, end };
  }

  /** The visible part of the list along its axis, in pixels from its first item. */
  visible() {
    const style = getComputedStyle(this.list);
    const horizontal = style.display.includes('flex') && !style.flexDirection.startsWith('column');
    this.horizontal = horizontal;
    this.gap = parseFloat(horizontal ? style.columnGap : style.rowGap) || 0;
    const box = this.list.getBoundingClientRect();
    let lo = 0;
    let hi = horizontal ? window.innerWidth : window.innerHeight;
    for (let el = this.list; el && el !== document.documentElement; el = el.parentElement) {
      const s = el === this.list ? style : getComputedStyle(el);
      if ((horizontal ? s.overflowX : s.overflowY) === 'visible' || s.display === 'contents') continue; // a box-less element clips nothing
      const r = el.getBoundingClientRect();
      lo = Math.max(lo, horizontal ? r.left : r.top);
      hi = Math.min(hi, horizontal ? r.right : r.bottom);
    }
    const origin = (horizontal ? box.left + parseFloat(style.paddingLeft) - this.list.scrollLeft
      : box.top + parseFloat(style.paddingTop) - this.list.scrollTop);
    if (hi <= lo) return { lo: 0, hi: 0 };
    return { lo: lo - origin, hi: hi - origin };
  }

  /** Renders the items in view (and `include`), reusing those already rendered. */
  update(include) {
    if (!this.count) {
      this.head.hidden = true;
      this.tail.hidden = true;
      return;
    }
    const view = this.visible(); // also reads the axis and the gap
    const { start, end } = this.range(this.offsets(), include, view);
    for (const [i, node] of this.nodes) {
      if (i < start || i >= end) {
        node.remove();
        this.nodes.delete(i);
      }
    }
    let before = this.head;
    for (let i = start; i < end; i++) {
      let node = this.nodes.get(i);
      if (!node) {
        node = this.build(i);
        this.nodes.set(i, node);
      }
      if (before.nextSibling !== node) before.after(node);
      before = node;
    }
    // Measure what is rendered, then size the spacers from the (partly measured) offsets.
    let measured = 0;
    let total = 0;
    for (const [i, node] of this.nodes) {
      const size = (this.horizontal ? node.offsetWidth : node.offsetHeight) + this.gap;
      if (size > this.gap) {
        this.sizes[i] = size;
        measured++;
        total += size;
      }
    }
    if (measured) this.estimate = total / measured;
    const after = this.offsets();
    this.setSpacer(this.head, after[start] - this.gap);
    this.setSpacer(this.tail, after[this.count] - after[end] - this.gap);
  }

  /** offsets[i]: where item i starts, from the first item; offsets[count]: the whole length. */
  offsets() {
    const offsets = new Float64Array(this.count + 1);
    for (let i = 0; i < this.count; i++) offsets[i + 1] = offsets[i] + (this.sizes[i] >= 0 ? this.sizes[i] : this.estimate + this.gap);
    return offsets;
  }

  setSpacer(node, size) {
    node.hidden = size <= 0;
    node.style.flex = this.horizontal ? `0 0 ${Math.max(0, size)}px` : '';
    node.style.width = this.horizontal ? `${Math.max(0, size)}px` : '';
    node.style.height = this.horizontal ? '' : `${Math.max(0, size)}px`;
  }
}

/** An empty item that stands for the items not rendered (hidden from assistive technology). */
function spacer(className) {
  const li = document.createElement('li');
  li.className = `vl-spacer ${className}`;
  li.setAttribute('aria-hidden', 'true');
  li.setAttribute('role', 'presentation');
  li.hidden = true;
  return li;
}

/** The first index whose value is greater than `x` in the sorted `values`. */
function upperBound(values, x) {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

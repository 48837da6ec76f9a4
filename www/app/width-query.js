// A MediaQueryList-like query on an element's own width rather than the
// window's: `matches` is true while `target` is at most `maxWidth` CSS
// pixels wide, and "change" listeners hear when that flips. An embedded
// view follows the column it sits in, not the screen.

/**
 * A query for `target` being at most `maxWidth` px wide: `{matches,
 * addEventListener('change', fn), removeEventListener('change', fn)}`.
 * It observes the element only while it has listeners.
 */
export function elementWidthQuery(target, maxWidth) {
  const listeners = new Set();
  const measure = () => {
    const width = target.getBoundingClientRect().width;
    // An element not laid out yet (width 0) follows the window.
    return (width || globalThis.innerWidth || Infinity) <= maxWidth;
  };
  let matches = measure();
  let observer = null;
  const onResize = () => {
    const now = measure();
    if (now === matches) return;
    matches = now;
    for (const fn of listeners) fn({ matches });
  };
  return {
    get matches() {
      matches = measure();
      return matches;
    },
    addEventListener(type, fn) {
      if (type !== 'change') return;
      listeners.add(fn);
      if (!observer) {
        observer = new ResizeObserver(onResize);
        observer.observe(target);
      }
    },
    removeEventListener(type, fn) {
      if (type !== 'change') return;
      listeners.delete(fn);
      if (!listeners.size && observer) {
        observer.disconnect();
        observer = null;
      }
    },
  };
}

// Keyboard access to the highlights of the shown article without a tab
// stop per name: one highlight at a time is in the tab order (a roving
// tabindex); the left and right arrows, Home and End move between the
// visible highlights, Enter or Space on a name does what a click does.

/** The highlights that take part: entity mentions and dates. */
export const HIGHLIGHT = 'mark.mention, time.timex';

const HINT_ID = 'highlight-keys-hint';
const HINT = 'Names and dates are highlighted. The left and right arrow keys move between them, '
  + 'Enter on a name shows its events in the chronology, Escape closes the card.';

/** The highlights under `root` a reader can see: not switched off, not in a folded block. */
export function visibleHighlights(root) {
  return [...root.querySelectorAll(HIGHLIGHT)].filter((node) => !node.classList.contains('is-off') && !node.closest('[hidden]'));
}

/**
 * Makes `node` the one highlight in the tab order under `root`, with the
 * screen-reader hint as its description.
 */
function makeTabStop(root, node) {
  for (const old of root.querySelectorAll(`:is(${HIGHLIGHT})[tabindex]`)) {
    if (old === node) continue;
    old.removeAttribute('tabindex');
    if (old.getAttribute('aria-describedby') === HINT_ID) old.removeAttribute('aria-describedby');
  }
  node.tabIndex = 0;
  if (!node.hasAttribute('aria-describedby')) node.setAttribute('aria-describedby', HINT_ID);
}

/**
 * Puts the first visible highlight of `root` in the tab order (keeping the
 * current one when it is still visible) and adds the hint that describes
 * the keys. Call after rendering an article or changing what is visible.
 */
export function resetRovingHighlight(root) {
  const article = root.querySelector('article') ?? root;
  if (!root.querySelector(`#${HINT_ID}`)) {
    const hint = document.createElement('p');
    hint.id = HINT_ID;
    hint.className = 'visually-hidden';
    hint.textContent = HINT;
    article.append(hint);
  }
  const visible = visibleHighlights(root);
  const current = root.querySelector(`:is(${HIGHLIGHT})[tabindex="0"]`);
  if (current && visible.includes(current)) return;
  if (current) {
    current.removeAttribute('tabindex');
    if (current.getAttribute('aria-describedby') === HINT_ID) current.removeAttribute('aria-describedby');
  }
  if (visible.length) makeTabStop(root, visible[0]);
}

/** Focuses a highlight (making it the tab stop) and scrolls it to the middle of the view. */
export function focusHighlight(root, node) {
  makeTabStop(root, node);
  node.focus({ preventScroll: true });
  const smooth = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  node.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
}

/** Wires the arrow keys, Home, End, Enter and Space on the highlights under `root`. */
export function enableHighlightKeys(root) {
  root.addEventListener('focusin', (event) => {
    const node = event.target.closest?.(HIGHLIGHT);
    if (node && root.contains(node)) makeTabStop(root, node);
  });
  root.addEventListener('keydown', (event) => {
    const node = event.target.closest?.(HIGHLIGHT);
    if (!node || node !== event.target || event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.key === 'Enter' || event.key === ' ') && node.matches('mark.mention[data-entity]')) {
      event.preventDefault();
      node.click();
      return;
    }
    const visible = visibleHighlights(root);
    const at = visible.indexOf(node);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: visible.length - 1 }[event.key];
    if (next === undefined || at < 0) return;
    event.preventDefault();
    const target = visible[Math.max(0, Math.min(visible.length - 1, next))];
    if (target !== node) focusHighlight(root, target);
  });
}

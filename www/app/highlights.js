// Which highlight types the reader has switched off in the legend (entity
// types such as "PERSON", and "timex" for dates). The choice holds for
// every article and is kept in localStorage when the browser allows it.
// Switching a type off only removes its highlight: the text stays.

const STORAGE_KEY = 'dateline.hiddenHighlights';

/** The switched-off types saved by an earlier visit (empty when none or unreadable). */
export function loadHiddenHighlights(storage = globalThis.localStorage) {
  try {
    const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]');
    return new Set(Array.isArray(saved) ? saved.filter((t) => typeof t === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Saves the switched-off types; a browser that refuses storage just forgets them. */
export function saveHiddenHighlights(hidden, storage = globalThis.localStorage) {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify([...hidden]));
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** The legend key of a highlight element: its entity type, or "timex". */
export function highlightKey(node) {
  return node.matches('time.timex') ? 'timex' : node.dataset.type;
}

/**
 * Shows or hides the highlights under `root` by type (`is-off` on each
 * mark) and sets the legend buttons' `aria-pressed` to match.
 */
export function applyHiddenHighlights(root, hidden) {
  for (const node of root.querySelectorAll('mark.mention, time.timex')) {
    node.classList.toggle('is-off', hidden.has(highlightKey(node)));
  }
  for (const button of root.querySelectorAll('button.legend-toggle[data-highlight]')) {
    button.setAttribute('aria-pressed', String(!hidden.has(button.dataset.highlight)));
  }
}

/**
 * Wires the legend toggles of whatever `root` shows (delegated, so it
 * survives re-rendering): a press flips the type in `hidden`, applies it,
 * saves it (unless `persist` is false: an embedded view keeps its choice to
 * itself) and calls `onChange(hidden)`.
 */
export function wireLegend(root, hidden, onChange, { persist = true } = {}) {
  root.addEventListener('click', (event) => {
    const button = event.target.closest('button.legend-toggle[data-highlight]');
    if (!button || !root.contains(button)) return;
    const key = button.dataset.highlight;
    if (hidden.has(key)) hidden.delete(key);
    else hidden.add(key);
    applyHiddenHighlights(root, hidden);
    if (persist) saveHiddenHighlights(hidden);
    onChange?.(hidden);
  });
}

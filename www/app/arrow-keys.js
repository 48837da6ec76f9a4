// Arrow-key movement between the buttons of a group (the entity list of
// the story panel), besides Tab.

/**
 * In `container`, Up/Down and Left/Right move the focus to the previous or
 * next element matching `selector`, Home and End to the first and last.
 */
export function enableArrowKeys(container, selector) {
  container.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || !event.target.matches?.(selector)) return;
    const items = [...container.querySelectorAll(selector)];
    const at = items.indexOf(event.target);
    const next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    items[Math.max(0, Math.min(items.length - 1, next))].focus();
  });
}

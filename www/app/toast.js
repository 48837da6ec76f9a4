// A short message at the bottom of the window (role=status), optionally
// with one action button such as Undo. It stays while the pointer or the
// keyboard focus is on it, and Escape dismisses it. The region itself is
// never hidden (an empty one is not drawn), so screen readers announce
// what is put in it.

/** How long a toast stays, in milliseconds. */
export const TOAST_MS = 8000;

/**
 * Wires the toast region `box` (an empty `role=status` element). Returns
 * `show(message, {action, onAction})` and `hide()`.
 */
export function createToast(box) {
  let timer = 0;
  let held = false;
  const hide = () => {
    clearTimeout(timer);
    box.replaceChildren();
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => { if (!held) hide(); }, TOAST_MS);
  };
  const hold = (on) => {
    held = on;
    if (!on && box.hasChildNodes()) arm();
  };
  box.addEventListener('pointerenter', () => hold(true));
  box.addEventListener('pointerleave', () => hold(box.contains(document.activeElement)));
  box.addEventListener('focusin', () => hold(true));
  box.addEventListener('focusout', (event) => { if (!box.contains(event.relatedTarget)) hold(false); });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });

  return {
    /** Shows `message`, with a button labelled `action` that runs `onAction` once and closes the toast. */
    show(message, { action, onAction } = {}) {
      const text = document.createElement('span');
      text.className = 'toast-text';
      text.textContent = message;
      const parts = [text];
      if (action) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'toast-action';
        button.textContent = action;
        button.addEventListener('click', () => {
          hide();
          onAction?.();
        }, { once: true });
        parts.push(button);
      }
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'toast-close';
      close.setAttribute('aria-label', 'Dismiss');
      close.textContent = '×';
      close.addEventListener('click', hide);
      parts.push(close);
      box.replaceChildren(...parts);
      held = box.matches(':hover');
      arm();
    },
    hide,
  };
}

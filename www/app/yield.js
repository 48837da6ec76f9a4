// Splitting long work on the page's thread into tasks.

/**
 * Lets the page handle input and paint before the caller goes on:
 * `scheduler.yield()` where the browser has it, else a new task.
 */
export function yieldToPage() {
  if (typeof globalThis.scheduler?.yield === 'function') return globalThis.scheduler.yield();
  return new Promise((resolve) => { setTimeout(resolve, 0); });
}

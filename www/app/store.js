// The saved workspace, in IndexedDB (through idb-keyval): one record
// `{revision, story, inputs, saved}` that every change replaces. Writes
// are compare-and-set on `revision`, so a tab holding an old state cannot
// overwrite another tab's newer one; after each write the other tabs are
// told on a BroadcastChannel.

import { createStore, get, update } from 'idb-keyval';

const DB_NAME = 'dateline';
const STORE_NAME = 'workspace';
const KEY = 'current';
const CHANNEL = 'dateline-workspace';

/** A write refused because another tab saved first (its revision is newer than the writer's). */
export class StaleWriteError extends Error {
  constructor(revision) {
    super(`the saved workspace changed in another tab (revision ${revision})`);
    this.name = 'StaleWriteError';
    this.revision = revision;
  }
}

/**
 * Opens the saved workspace. Resolves to `{available, reason, load,
 * save, onChange, close}`: `available` false (with the browser's reason)
 * when IndexedDB cannot be used, e.g. in private windows or for some
 * file:// pages, in which case `load` gives null and `save` does nothing.
 */
export async function openStore() {
  let store;
  let reason = null;
  try {
    if (typeof indexedDB === 'undefined') throw new Error('this browser has no IndexedDB');
    store = createStore(DB_NAME, STORE_NAME);
    await get(KEY, store);
    // Ask the browser not to evict the story under storage pressure; it may say no, which changes nothing here.
    navigator.storage?.persist?.().catch(() => {});
  } catch (e) {
    store = null;
    reason = String(e?.message ?? e);
  }
  const tab = Math.random().toString(36).slice(2);
  const channel = store && typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  const listeners = new Set();
  channel?.addEventListener('message', (event) => {
    if (event.data?.tab !== tab) for (const listener of listeners) listener(event.data.revision);
  });

  return {
    available: Boolean(store),
    reason,

    /** The saved record `{revision, story, inputs, saved}`, or null when none is. */
    async load() {
      if (!store) return null;
      const record = await get(KEY, store);
      return record && Array.isArray(record.inputs) ? record : null;
    },

    /**
     * Saves `{story, inputs}` as the revision after `base`; returns the new
     * revision. Throws StaleWriteError, writing nothing, when the saved
     * revision is no longer `base`.
     */
    async save({ story, inputs }, base) {
      if (!store) return base + 1;
      let stale = null;
      await update(KEY, (old) => {
        const current = old?.revision ?? 0;
        if (current !== base) {
          stale = current;
          return old;
        }
        return { revision: base + 1, story, inputs, saved: new Date().toISOString() };
      }, store);
      if (stale !== null) throw new StaleWriteError(stale);
      channel?.postMessage({ tab, revision: base + 1 });
      return base + 1;
    },

    /** Calls `listener(revision)` when another tab saves. */
    onChange(listener) {
      listeners.add(listener);
    },

    /** Stops listening to other tabs. */
    close() {
      channel?.close();
    },
  };
}

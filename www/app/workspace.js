// The reader's workspace: the story's articles, kept in IndexedDB so that
// a reload or a crash loses nothing, in step with other tabs, exported
// (workspace JSON, timeline CSV and TimelineJS, an HTML snapshot) and
// imported back. Every change goes through `change(fn)`: it applies `fn`
// to the newest saved state, analyses and shows the result, then saves
// it; an input the core refuses changes nothing.

import { articleTools } from './article-tools.js';
import { downloadFile } from './download.js';
import { snapshotHtml } from './export-snapshot.js';
import { timelineCsv, timelineJs } from './export-timeline.js';
import { fileKind } from './files.js';
import { StaleWriteError, openStore } from './store.js';
import { articleTitles } from './story-text.js';
import { createToast } from './toast.js';
import { WorkspaceError, fileStem, makeWorkspace, parseWorkspace } from './workspace-format.js';

/** An error's message for the reader, without the core's "analyze:" prefix. */
const messageOf = (e) => String(e?.message ?? e).replace(/^analyze:\s*/, '');

/**
 * Starts the workspace: restores the saved one (or shows `demo`, a
 * `{story, inputs}`) and wires the workspace controls in `ui`. `host`
 * is the page: `show({story, inputs}, {select})` analyses and shows a
 * workspace, throwing (with nothing changed) when the core refuses it;
 * `current()` gives `{story, inputs, analysis}`. Returns `{change,
 * importFile, decorate}`: `decorate(li, item)` adds Edit and Remove to
 * an entry of the article list.
 */
export async function startWorkspace({ ui, host, demo }) {
  const toast = createToast(ui.toast);
  const store = await openStore();
  let revision = 0;
  /** Takes `value` as the revision shown, also as `body[data-workspace-revision]` (what tests wait for). */
  const setRevision = (value) => {
    revision = value;
    document.body.dataset.workspaceRevision = String(value);
  };
  let queue = Promise.resolve();

  /** Runs `task` after every earlier one, so changes never interleave. */
  const serial = (task) => {
    const run = queue.then(task);
    queue = run.catch(() => {});
    return run;
  };

  const note = (message) => {
    ui.note.textContent = message;
    ui.note.hidden = !message;
  };
  const showError = (message) => {
    ui.error.textContent = message ?? '';
    ui.error.hidden = !message;
  };
  if (!store.available) {
    note(`Changes are not saved in this browser (${store.reason}). Export the workspace as JSON to keep them.`);
  }

  /** The saved record, or null when there is none or it cannot be read (said in the note). */
  async function loadSaved() {
    try {
      return await store.load();
    } catch (e) {
      note(`The saved workspace could not be read (${messageOf(e)}).`);
      return null;
    }
  }

  /** Shows a saved record and takes its revision. */
  async function adopt(record, opts) {
    await host.show({ story: record.story ?? '', inputs: record.inputs }, opts);
    setRevision(record.revision);
  }

  /**
   * Applies `fn({story, inputs})` to the newest workspace (another tab's,
   * when it saved after this one), shows the result and saves it. Throws,
   * changing nothing, when `fn` or the analysis does.
   */
  function change(fn, opts = {}) {
    return serial(async () => {
      for (let attempt = 0; ; attempt++) {
        const saved = await loadSaved();
        if (saved && saved.revision > revision) await adopt(saved);
        const { story, inputs } = host.current();
        const next = fn({ story, inputs });
        await host.show(next, opts);
        try {
          setRevision(await store.save({ story: next.story, inputs: next.inputs }, revision));
          if (store.available) note('');
        } catch (e) {
          if (e instanceof StaleWriteError && attempt < 3) continue;
          note(`Your last change is shown but could not be saved (${messageOf(e)}). Export the workspace as JSON to keep it.`);
        }
        return next;
      }
    });
  }

  /** Another tab saved: show what it saved. */
  store.onChange(() => serial(async () => {
    const saved = await loadSaved();
    if (!saved || saved.revision <= revision) return;
    try {
      await adopt(saved);
      toast.show('The story was changed in another tab; this tab now shows the same.');
    } catch (e) {
      note(`Another tab saved a workspace this tab cannot show (${messageOf(e)}).`);
    }
  }));

  // Start: the saved workspace if there is one, else the demo story.
  const saved = await loadSaved();
  let restored = false;
  if (saved) {
    try {
      await adopt(saved);
      restored = true;
    } catch (e) {
      setRevision(saved.revision);
      note(`The saved workspace could not be shown (${messageOf(e)}); this is the demo story. Your next change replaces the saved one.`);
    }
  }
  if (!restored) await host.show(demo);
  setRevision(revision);

  /** The current story's title by id. */
  const titleOf = (id) => {
    const { inputs, analysis } = host.current();
    return articleTitles(inputs, analysis).get(id) ?? id;
  };

  /** Moves the keyboard focus to an article's entry of the list (the list is redrawn by every change). */
  const focusCard = (id) => {
    const card = [...ui.list.querySelectorAll('button.doc-card')].find((button) => button.dataset.document === id)
      ?? ui.list.querySelector('button.doc-card[aria-current="true"]');
    card?.focus();
  };

  /** Removes an article, with an Undo that puts it back where it was. */
  async function removeArticle(id) {
    showError(null);
    const title = titleOf(id);
    let removed = null;
    let index = -1;
    try {
      await change((ws) => {
        index = ws.inputs.findIndex((input) => input.id === id);
        if (index < 0) throw new Error('the article is no longer in the story');
        removed = ws.inputs[index];
        return { ...ws, inputs: ws.inputs.filter((input) => input.id !== id) };
      });
    } catch (e) {
      showError(`Could not remove “${title}”: ${messageOf(e)}`);
      return;
    }
    focusCard(null);
    toast.show(`Removed “${title}”.`, {
      action: 'Undo',
      onAction: () => change((ws) => {
        if (ws.inputs.some((input) => input.id === removed.id)) return ws;
        const inputs = [...ws.inputs];
        inputs.splice(Math.min(index, inputs.length), 0, removed);
        return { ...ws, inputs };
      }, { select: removed.id }).then(() => focusCard(removed.id), (e) => showError(`Could not restore “${title}”: ${messageOf(e)}`)),
    });
  }

  /** Sets an article's title, date and source (empty: left to the core) and re-analyses. */
  async function editArticle(id, fields) {
    showError(null);
    await change((ws) => {
      if (!ws.inputs.some((input) => input.id === id)) throw new Error('the article is no longer in the story');
      const inputs = ws.inputs.map((input) => {
        if (input.id !== id) return input;
        const next = { ...input };
        for (const [key, value] of Object.entries(fields)) {
          if (value) next[key] = value;
          else delete next[key];
        }
        return next;
      });
      return { ...ws, inputs };
    }, { select: id });
    focusCard(id);
  }

  /** Replaces the workspace by the one in a `.json` export; shows an error and changes nothing when it is not one. */
  async function importFile(file) {
    showError(null);
    try {
      if (fileKind(file) !== 'workspace') throw new WorkspaceError('only .json workspace exports can be imported.');
      const parsed = parseWorkspace(await file.text());
      const before = host.current();
      await change(() => ({ story: parsed.story, inputs: parsed.inputs }), { select: parsed.inputs[0]?.id ?? null });
      const n = parsed.inputs.length;
      toast.show(`Imported “${parsed.story || file.name}” (${n} ${n === 1 ? 'article' : 'articles'}).`, {
        action: 'Undo',
        onAction: () => change(() => ({ story: before.story, inputs: before.inputs }))
          .catch((e) => showError(`Could not undo the import: ${messageOf(e)}`)),
      });
    } catch (e) {
      showError(`Could not import “${file.name}”: ${messageOf(e)}`);
    }
  }

  /** Downloads one export of the current story. */
  function exportAs(kind) {
    const { story, inputs, analysis } = host.current();
    const stem = fileStem(story);
    const titles = articleTitles(inputs, analysis);
    if (kind === 'json') {
      downloadFile(`${stem}.dateline.json`, 'application/json', `${JSON.stringify(makeWorkspace({ story, inputs, analysis }), null, 1)}\n`);
    } else if (kind === 'csv') {
      downloadFile(`${stem}-timeline.csv`, 'text/csv', timelineCsv(analysis, titles));
    } else if (kind === 'timelinejs') {
      downloadFile(`${stem}-timelinejs.json`, 'application/json', `${JSON.stringify(timelineJs(analysis, { story, titles }), null, 1)}\n`);
    } else if (kind === 'html') {
      downloadFile(`${stem}-snapshot.html`, 'text/html', snapshotHtml({ story, inputs, analysis }));
    }
    ui.exportMenu.open = false;
  }

  for (const button of ui.exportMenu.querySelectorAll('button[data-export]')) {
    button.addEventListener('click', () => exportAs(button.dataset.export));
  }
  document.addEventListener('click', (event) => {
    if (ui.exportMenu.open && !ui.exportMenu.contains(event.target)) ui.exportMenu.open = false;
  });
  ui.exportMenu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && ui.exportMenu.open) {
      ui.exportMenu.open = false;
      ui.exportMenu.querySelector('summary').focus();
    }
  });
  ui.importInput.addEventListener('change', () => {
    const [file] = ui.importInput.files;
    ui.importInput.value = '';
    if (file) importFile(file);
  });

  ui.resetButton.addEventListener('click', () => ui.resetDialog.showModal());
  ui.resetDialog.querySelector('[data-cancel]').addEventListener('click', () => ui.resetDialog.close());
  ui.resetDialog.querySelector('[data-confirm]').addEventListener('click', async () => {
    ui.resetDialog.close();
    showError(null);
    const before = host.current();
    try {
      await change(() => demo, { select: demo.inputs[0]?.id ?? null });
    } catch (e) {
      showError(`Could not reset: ${messageOf(e)}`);
      return;
    }
    toast.show('The demo story is back.', {
      action: 'Undo',
      onAction: () => change(() => ({ story: before.story, inputs: before.inputs }))
        .catch((e) => showError(`Could not undo the reset: ${messageOf(e)}`)),
    });
  });

  return {
    change,
    importFile,
    decorate: articleTools({
      inputOf: (id) => host.current().inputs.find((input) => input.id === id),
      save: editArticle,
      remove: removeArticle,
    }),
  };
}

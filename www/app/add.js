// Adding articles: the paste form, the file picker and drag-and-drop of
// .txt, .md and .html files anywhere on the page (a dropped .json
// workspace export is imported instead). Each path ends in `add(inputs)`,
// which analyses them (a promise of a status line) and rejects when the
// analysis does.

import { makeInput } from './corpus.js';
import { fileKind, readArticleFiles } from './files.js';

/**
 * Wires the controls. `add(inputs)` resolves to a short description of
 * what was added; `importFile(file)` imports a workspace export;
 * `takenIds()` gives the ids already in use.
 */
export function setupAdding({ form, fileInput, dropOverlay, error, status }, { add, importFile, takenIds }) {
  /** Runs one add attempt, showing its result or its error inline; the form is aria-busy meanwhile. */
  async function attempt(makeInputs, onSuccess) {
    showError(error, null);
    busy += 1;
    form.setAttribute('aria-busy', 'true'); // until the analysis is done
    try {
      const inputs = await makeInputs();
      if (!inputs.length) return;
      status.textContent = await add(inputs);
      onSuccess?.();
    } catch (e) {
      showError(error, e);
    } finally {
      busy -= 1;
      if (!busy) form.removeAttribute('aria-busy');
    }
  }
  let busy = 0;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const field = (name) => form.elements.namedItem(name)?.value ?? '';
    const sent = { text: field('text'), title: field('title'), published: field('published') };
    // Cleared once added, unless the reader has typed something else meanwhile.
    const unchanged = () => Object.entries(sent).every(([name, value]) => field(name) === value);
    attempt(() => [makeInput(sent, takenIds())], () => { if (unchanged()) form.reset(); });
  });

  fileInput.addEventListener('change', () => {
    const files = [...fileInput.files];
    attempt(() => readArticleFiles(files, takenIds()), null).finally(() => { fileInput.value = ''; });
  });

  setupDrop(dropOverlay, (files) => {
    if (files.length === 1 && fileKind(files[0]) === 'workspace') importFile(files[0]);
    else attempt(() => readArticleFiles(files, takenIds()), null);
  });
}

/** Shows `e`'s message in the error box, or hides the box when `e` is null. */
export function showError(box, e) {
  if (!e) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  const kind = e instanceof RangeError || e instanceof TypeError ? 'The article could not be analysed' : 'Could not add the article';
  const message = String(e.message ?? e).replace(/^analyze:\s*/, '');
  box.textContent = `${kind}: ${message}`;
  box.hidden = false;
}

/** Whether a drag carries files (not text or links). */
function carriesFiles(event) {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

/** Page-wide drop target for files, with an overlay while dragging. */
function setupDrop(overlay, onFiles) {
  let depth = 0;
  const show = (on) => { overlay.hidden = !on; };
  document.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth++;
    show(true);
  });
  document.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (!depth) show(false);
  });
  document.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth = 0;
    show(false);
    onFiles([...event.dataTransfer.files]);
  });
}

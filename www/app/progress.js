// The progress of a long analysis: a <progress> bar with its label under
// the masthead, the label a role=status line (always in the page, empty
// when idle, so screen readers announce it).
// Shown only for large corpora (`isLarge`), where analysis takes seconds.

/** Above this many articles or UTF-16 code units of text, an analysis shows its progress. */
export const LARGE = { articles: 40, chars: 300_000 };

/** Whether analysing `inputs` is long enough to show a progress bar and a draft. */
export function isLarge(inputs) {
  if (inputs.length > LARGE.articles) return true;
  let chars = 0;
  for (const input of inputs) chars += (input.text ?? input.html ?? '').length;
  return chars > LARGE.chars;
}

/** "1.2 MB" or "340 KB" for a count of characters (about bytes for news text). */
function size(chars) {
  return chars >= 1e6 ? `${(chars / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(chars / 1e3))} KB`;
}

/**
 * Starts showing the progress of analysing `inputs` in `box` (an element
 * holding a `.progress-label` and a `<progress>`). Returns
 * `{update({phase, done, total}), done()}`; `update` fits engine.js's
 * onProgress.
 */
export function showProgress(box, inputs) {
  const label = box.querySelector('.progress-label');
  const bar = box.querySelector('progress');
  const chars = inputs.reduce((n, input) => n + (input.text ?? input.html ?? '').length, 0);
  const articles = `${inputs.length} ${inputs.length === 1 ? 'article' : 'articles'}`;
  let phase = null;
  const say = (text) => { if (label.textContent !== text) label.textContent = text; };
  box.classList.add('is-active');
  bar.hidden = false;
  box.dataset.phase = 'starting';
  bar.removeAttribute('value'); // indeterminate until there is something to count
  say(`Starting the analysis of ${articles} (${size(chars)})…`);
  return {
    update({ phase: next, done, total }) {
      if (next !== phase) {
        phase = next;
        box.dataset.phase = next;
        if (next === 'analysing') {
          bar.removeAttribute('value');
          say(`Analysing ${articles} (${size(chars)}): names, dates and the chronology…`);
        } else if (next === 'receiving') {
          say(`Showing the results of ${articles}…`);
        }
      }
      if (next === 'receiving' && total > 0) {
        bar.max = total;
        bar.value = done;
      }
    },
    done() {
      box.classList.remove('is-active');
      bar.hidden = true;
      delete box.dataset.phase;
      label.textContent = '';
    },
  };
}

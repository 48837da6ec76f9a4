// The progress of a long analysis: a <progress> bar with its label under
// the masthead, the label a role=status line (always in the page, empty
// when idle, so screen readers announce it).
// Shown only for large corpora (`isLarge`), where analysis takes seconds.

/** Above this many articles or UTF-16 code units of text, an analysis shows its progress. */
export const LARGE = { articles: 40, chars: 300_000 };

/** Whether analysing `inputs` is long enough to show a progress bar and a draft. */
export function isLarge(inputs) {
  return inputs.length > LARGE.articles || textLength(inputs) > LARGE.chars;
}

/** The UTF-16 length of the articles' text (or HTML). */
function textLength(inputs) {
  return inputs.reduce((n, input) => n + (input.text ?? input.html ?? '').length, 0);
}

/**
 * The phases an analysis reports (the core's, then the page receiving the
 * result), with the part of the bar each fills (the entity model is most of
 * the time) and what the label says meanwhile.
 */
const PHASES = {
  reading: { from: 0, to: 0.08, label: (articles, size) => `Reading ${articles} (${size}): sentences and dates…` },
  names: { from: 0.08, to: 0.88, label: (articles, size) => `Finding the names in ${articles} (${size})…` },
  finishing: { from: 0.88, to: 0.94, label: (articles) => `Linking the names and building the chronology of ${articles}…` },
  receiving: { from: 0.94, to: 1, label: (articles) => `Showing the results of ${articles}…` },
};

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
  const chars = textLength(inputs);
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
      const span = PHASES[next];
      if (!span) return;
      if (next !== phase) {
        phase = next;
        box.dataset.phase = next;
        say(span.label(articles, size(chars)));
      }
      // One bar over the phases, each its share of the whole.
      const share = total > 0 ? Math.min(1, done / total) : 0;
      bar.max = 100;
      bar.value = Math.round(100 * (span.from + share * (span.to - span.from)));
    },
    done() {
      box.classList.remove('is-active');
      bar.hidden = true;
      delete box.dataset.phase;
      label.textContent = '';
    },
  };
}

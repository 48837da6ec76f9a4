// The reading pane (one article with its tools and legend) and the story
// panel (the entities of the article, which filter the chronology).

import { renderArticle, renderEntities, renderLegend } from '../render.js';
import { foldBoilerplate, setAllFolded } from './boilerplate.js';
import { applyHiddenHighlights } from './highlights.js';
import { resetRovingHighlight } from './highlight-keys.js';

/**
 * Shows one analysed article in `pane`. `showSentences` sets the initial
 * state of the "Sentence numbers" toggle; `onToggle(on)` reports changes.
 * `hidden` holds the highlight types switched off in the legend;
 * `hideBoilerplate` folds the boilerplate blocks, and
 * `onHideBoilerplate(on)` reports the "Hide boilerplate" toggle.
 */
export function showArticle(pane, {
  analysis, text, entities, showSentences, onToggle, hidden = new Set(), hideBoilerplate = false, onHideBoilerplate,
}) {
  const article = renderArticle(analysis, text, { entities });
  const header = article.querySelector('.article-header');
  const bar = document.createElement('div');
  bar.className = 'article-bar';
  const tools = document.createElement('div');
  tools.className = 'article-tools';
  tools.append(sentenceToggle(pane, showSentences, onToggle));
  bar.append(header.querySelector('.article-meta'), tools);
  header.append(bar);
  const legend = renderLegend(analysis);
  if (legend) header.append(legend);
  const groups = foldBoilerplate(article, { folded: hideBoilerplate, onChange: () => resetRovingHighlight(pane) });
  if (groups) {
    tools.append(toggleButton('toggle-boilerplate', 'Hide boilerplate', hideBoilerplate, (on) => {
      setAllFolded(article, on);
      resetRovingHighlight(pane);
      onHideBoilerplate?.(on);
    }));
  }
  applyHiddenHighlights(article, hidden);
  pane.classList.toggle('show-sentences', showSentences);
  pane.replaceChildren(article);
  resetRovingHighlight(pane);
  return article;
}

/** A toggle button (aria-pressed) that numbers the sentences of the article. */
function sentenceToggle(pane, on, onToggle) {
  return toggleButton('toggle-sentences', 'Sentence numbers', on, (next) => {
    pane.classList.toggle('show-sentences', next);
    onToggle?.(next);
  });
}

/** A switch-like toggle button (aria-pressed) of the article tools; `onChange(on)` on each press. */
function toggleButton(id, label, on, onChange) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'toggle';
  button.id = id;
  button.setAttribute('aria-pressed', String(on));
  button.textContent = label;
  button.addEventListener('click', () => {
    const next = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(next));
    onChange(next);
  });
  return button;
}

/** Replaces the pane's content with a message (role=alert when `isError`). */
export function showMessage(pane, title, detail, isError = false) {
  const box = document.createElement('div');
  box.className = isError ? 'pane-message error' : 'pane-message';
  if (isError) box.setAttribute('role', 'alert');
  const h = document.createElement('h1');
  h.textContent = title;
  box.append(h);
  if (detail) {
    const p = document.createElement('p');
    p.textContent = detail;
    box.append(p);
  }
  pane.replaceChildren(box);
}

/**
 * Fills the story panel with the entities named in the article (buttons
 * that filter the chronology by the entity; `filtered` is pressed) and
 * hides it, returning false, when there are none.
 */
export function showStoryPanel(panel, { analysis, documentId, filtered = null }) {
  const sections = [];
  const entities = renderEntities(analysis.entities, documentId);
  if (entities) {
    const section = panelSection('Named in this article', entities);
    const hint = document.createElement('p');
    hint.className = 'panel-hint';
    hint.textContent = 'Select a name, here or in the text, to see its events in the chronology.';
    section.insertBefore(hint, entities);
    sections.push(section);
  }
  panel.replaceChildren(...sections);
  panel.hidden = sections.length === 0;
  markFiltered(panel, filtered);
  return !panel.hidden;
}

/**
 * Marks the entity the chronology is filtered by: its button in the story
 * panel is pressed, its mentions in the article are outlined.
 */
export function markFiltered(root, entityId) {
  for (const button of root.querySelectorAll('button.entity-button')) {
    button.setAttribute('aria-pressed', String(button.dataset.entity === entityId));
  }
  for (const mark of root.querySelectorAll('mark.mention[data-entity]')) {
    mark.classList.toggle('is-filtered', mark.dataset.entity === entityId);
  }
}

/** A titled section of the story panel. */
function panelSection(title, content) {
  const section = document.createElement('section');
  section.className = 'panel-section';
  const h = document.createElement('h2');
  h.textContent = title;
  section.append(h, content);
  return section;
}

/**
 * Scrolls to the sentence that holds UTF-16 offset `start` in the shown
 * article, focuses and flashes it; with `mark`, it stays marked (and the
 * previous mark goes). Returns the sentence's elements (a sentence across
 * two paragraphs has two), empty when there is none.
 */
export function revealOffset(pane, sentences, start, { mark = false } = {}) {
  const index = sentences.findIndex((s) => s.start <= start && start < s.end);
  const nodes = index >= 0 ? [...pane.querySelectorAll(`.sentence[data-index="${index}"]`)] : [];
  if (!nodes.length) return nodes;
  if (mark) {
    for (const old of pane.querySelectorAll('.sentence.is-marked')) old.classList.remove('is-marked');
    for (const node of nodes) node.classList.add('is-marked');
  }
  const [node] = nodes;
  node.tabIndex = -1;
  node.focus({ preventScroll: true });
  const smooth = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  node.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  for (const n of nodes) {
    n.classList.remove('flash');
    void n.offsetWidth;
    n.classList.add('flash');
  }
  return nodes;
}

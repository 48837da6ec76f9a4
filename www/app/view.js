// The reading pane (one article with its tools and legend) and the story
// panel (entities of the article, chronology of the story).

import { renderArticle, renderEntities, renderLegend, renderTimeline } from '../render.js';

/**
 * Shows one analysed article in `pane`. `showSentences` sets the initial
 * state of the "Sentence numbers" toggle; `onToggle(on)` reports changes.
 */
export function showArticle(pane, { analysis, text, entities, showSentences, onToggle }) {
  const article = renderArticle(analysis, text, { entities });
  const header = article.querySelector('.article-header');
  const bar = document.createElement('div');
  bar.className = 'article-bar';
  bar.append(header.querySelector('.article-meta'), sentenceToggle(pane, showSentences, onToggle));
  header.append(bar);
  const legend = renderLegend(analysis);
  if (legend) header.append(legend);
  pane.classList.toggle('show-sentences', showSentences);
  pane.replaceChildren(article);
  return article;
}

/** A toggle button (aria-pressed) that numbers the sentences of the article. */
function sentenceToggle(pane, on, onToggle) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'toggle';
  button.id = 'toggle-sentences';
  button.setAttribute('aria-pressed', String(on));
  button.textContent = 'Sentence numbers';
  button.addEventListener('click', () => {
    const next = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(next));
    pane.classList.toggle('show-sentences', next);
    onToggle?.(next);
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
 * Fills the story panel with the article's entities and the story's
 * chronology; hides it (returning false) when both are empty.
 */
export function showStoryPanel(panel, { analysis, documentId, titles }) {
  const sections = [];
  const entities = renderEntities(analysis.entities, documentId);
  if (entities) sections.push(panelSection('Named in this article', entities));
  const timeline = renderTimeline(analysis.timeline, { titles });
  if (timeline) sections.push(panelSection('Chronology of the story', timeline));
  panel.replaceChildren(...sections);
  panel.hidden = sections.length === 0;
  return !panel.hidden;
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
 * article and flashes it; returns whether one was found.
 */
export function revealOffset(pane, sentences, start) {
  const index = sentences.findIndex((s) => s.start <= start && start < s.end);
  const node = index >= 0 ? pane.querySelector(`.sentence[data-index="${index}"]`) : null;
  if (!node) return false;
  node.tabIndex = -1;
  node.focus({ preventScroll: true });
  node.scrollIntoView({ block: 'center', behavior: 'smooth' });
  node.classList.remove('flash');
  void node.offsetWidth;
  node.classList.add('flash');
  return true;
}

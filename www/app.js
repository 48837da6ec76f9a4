// Dateline's offline reader: analyses the embedded demo story and the
// articles the reader adds, all in the page with the wasm core.

import { init, analyze } from 'dateline';
import { readEmbeddedCorpus } from './app/corpus.js';
import { enableListKeys, renderLibrary } from './app/library.js';
import { setupAdding } from './app/add.js';
import { markFiltered, revealOffset, showArticle, showMessage, showStoryPanel } from './app/view.js';
import { createChronology } from './app/timeline.js';
import { createHoverCard, mentionCounts } from './app/cards.js';
import { loadHiddenHighlights, wireLegend } from './app/highlights.js';
import { enableHighlightKeys, focusHighlight, resetRovingHighlight } from './app/highlight-keys.js';
import { loadHideBoilerplate, saveHideBoilerplate } from './app/boilerplate.js';
import { startWorkspace } from './app/workspace.js';
import { articleText, articleTitles } from './app/story-text.js';

const $ = (selector) => document.querySelector(selector);

const ui = {
  story: $('#story-name'),
  count: $('#doc-count'),
  list: $('#doc-list'),
  pane: $('#article-view'),
  panel: $('#story-panel'),
  layout: $('.layout'),
  chronology: $('#chronology'),
  workspace: {
    exportMenu: $('#export-menu'), importInput: $('#import-input'), resetButton: $('#reset-button'),
    resetDialog: $('#reset-dialog'), note: $('#storage-note'), error: $('#workspace-error'), toast: $('#toast'),
    list: $('#doc-list'),
  },
};

/** What the page shows: inputs and their analysis (same order), the selection. */
const state = {
  story: '',
  inputs: [],
  analysis: null,
  selected: null,
  added: new Set(),
  showSentences: false,
  /** Highlight types switched off in the legend; whether boilerplate is folded. */
  hiddenHighlights: loadHiddenHighlights(),
  hideBoilerplate: loadHideBoilerplate(),
};

/** The saved workspace, its exports and import (app/workspace.js); set once started. */
let workspace = null;

/** The analysed document and its text (an HTML input's extracted text), by id. */
function entry(id) {
  const i = state.inputs.findIndex((input) => input.id === id);
  if (i < 0) return null;
  const analysis = state.analysis.documents[i];
  return { input: state.inputs[i], analysis, text: articleText(state.inputs[i], analysis) };
}

/** Display titles of all documents, by id. */
function titles() {
  return articleTitles(state.inputs, state.analysis);
}

/** Analyses `inputs` as one story and makes them the page's documents. Throws on bad input. */
function load(inputs) {
  const analysis = analyze(inputs);
  state.inputs = inputs;
  state.analysis = analysis;
  chronology.update(analysis, { titles: titles(), documentOrder: inputs.map((input) => input.id) });
}

/** Redraws the document list and the article count. */
function renderList() {
  const names = titles();
  const filtered = state.analysis.entities.find((e) => e.id === chronology.filters.entity);
  const counts = filtered ? mentionCounts(state.analysis).get(filtered.id) ?? new Map() : null;
  const items = state.inputs.map((input, i) => {
    const doc = state.analysis.documents[i];
    return {
      id: input.id, number: i + 1, title: names.get(input.id), source: doc.source ?? input.source,
      sentences: doc.sentences.length, date: doc.dct?.value, added: state.added.has(input.id),
      filtered: filtered ? { name: filtered.name, type: filtered.type, count: counts.get(input.id) ?? 0 } : null,
    };
  });
  renderLibrary(ui.list, items, state.selected, select, workspace?.decorate);
  const n = state.inputs.length;
  ui.count.textContent = `${n} ${n === 1 ? 'article' : 'articles'}`;
}

/** Selects a document: marks it in the list and shows it with the story panel. */
function select(id) {
  const found = entry(id);
  if (!found) return;
  state.selected = id;
  cards.hide();
  for (const button of ui.list.querySelectorAll('button.doc-card')) {
    if (button.dataset.document === id) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
  const article = showArticle(ui.pane, {
    analysis: found.analysis, text: found.text, entities: state.analysis.entities,
    showSentences: state.showSentences, onToggle: (on) => { state.showSentences = on; },
    hidden: state.hiddenHighlights, hideBoilerplate: state.hideBoilerplate,
    onHideBoilerplate: (on) => { state.hideBoilerplate = on; saveHideBoilerplate(on); },
  });
  const filtered = chronology.filters.entity;
  markFiltered(ui.pane, filtered);
  const hasPanel = showStoryPanel(ui.panel, { analysis: state.analysis, documentId: id, filtered });
  ui.layout.classList.toggle('has-panel', hasPanel);
  chronology.setCurrent(id);
  document.title = `${article.querySelector('.article-title').textContent} · Dateline`;
  if (window.scrollY > ui.pane.offsetTop) window.scrollTo({ top: 0 });
}

/**
 * Shows a workspace `{story, inputs}`: analyses it (throwing, with nothing
 * changed, when the core refuses it) and selects `select`, else the
 * article already selected, else the first.
 */
async function show({ story, inputs }, { select: wanted } = {}) {
  await load(inputs);
  state.story = story ?? '';
  ui.story.textContent = state.story || 'Your articles';
  state.added = new Set(inputs.filter((input) => !demoIds.has(input.id)).map((input) => input.id));
  const ids = new Set(inputs.map((input) => input.id));
  state.selected = [wanted, state.selected].find((id) => id && ids.has(id)) ?? inputs[0]?.id ?? null;
  renderList();
  if (state.selected) select(state.selected);
  else {
    ui.panel.hidden = true;
    ui.layout.classList.remove('has-panel');
    showMessage(ui.pane, 'No articles yet', 'Paste an article or open .txt, .md or .html files to analyse them.');
  }
}

/** Adds analysed articles to the story (and saves it) and selects the last one; returns a status line. */
async function add(inputs) {
  const last = inputs[inputs.length - 1].id;
  await workspace.change((ws) => ({ ...ws, inputs: [...ws.inputs, ...inputs] }), { select: last });
  const { analysis } = entry(last);
  const title = titles().get(last);
  return inputs.length === 1
    ? `Added “${title}” (${analysis.sentences.length} sentences).`
    : `Added ${inputs.length} articles.`;
}

/** Opens the article that reports a chronology event and marks the reporting sentence. */
function openSource(event, source) {
  if (state.selected !== source.document) select(source.document);
  const found = entry(source.document);
  if (found) revealOffset(ui.pane, found.analysis.sentences, source.start, { mark: true });
}

/** A click on a name (in the article or the story panel) filters the chronology by it. */
function onEntityClick(event) {
  const target = event.target.closest('button.entity-button[data-entity], mark.mention[data-entity]:not(.is-off)');
  if (!target) return;
  if (target.tagName === 'MARK' && !window.getSelection()?.isCollapsed) return;
  chronology.filterByEntity(target.dataset.entity);
}

/** Shows which entity the chronology is filtered by, in the article and the panel. */
function onFilter(filters) {
  markFiltered(ui.pane, filters.entity);
  markFiltered(ui.panel, filters.entity);
  if (state.analysis) renderList();
  cards.refresh();
}

/** Opens an article from a hover card at the first mention of the entity. */
function openAt(documentId, entityId) {
  if (state.selected !== documentId) select(documentId);
  const first = [...ui.pane.querySelectorAll('mark.mention[data-entity]')].find((m) => m.dataset.entity === entityId);
  if (!first) return;
  const folded = first.closest('.bp-group');
  if (folded && first.closest('[hidden]')) folded.querySelector('.bp-toggle').click();
  focusHighlight(ui.pane, first);
}

const cards = createHoverCard({
  roots: [ui.pane, ui.panel],
  story: () => state.analysis && {
    analysis: state.analysis, titles: titles(), current: state.selected, filtered: chronology.filters.entity,
  },
  onOpenArticle: openAt,
});

const chronology = createChronology(ui.chronology, { onOpen: openSource, onFilter });

/** Ids of the demo story's articles: the others are marked "Added". */
let demoIds = new Set();

/** Starts the page: loads the core, restores the saved workspace (else the demo story), wires the controls. */
async function main() {
  const corpus = readEmbeddedCorpus();
  demoIds = new Set(corpus.documents.map((input) => input.id));
  ui.story.textContent = corpus.story || 'Your articles';
  try {
    await init();
    workspace = await startWorkspace({
      ui: ui.workspace,
      demo: { story: corpus.story, inputs: corpus.documents },
      host: { show, current: () => ({ story: state.story, inputs: state.inputs, analysis: state.analysis }) },
    });
  } catch (e) {
    showMessage(ui.pane, 'The analysis engine could not start', String(e?.message ?? e), true);
    throw e;
  }
  renderList();
  enableListKeys(ui.list);
  ui.panel.addEventListener('click', onEntityClick);
  ui.pane.addEventListener('click', onEntityClick);
  wireLegend(ui.pane, state.hiddenHighlights, () => { cards.hide(); resetRovingHighlight(ui.pane); });
  enableHighlightKeys(ui.pane);
  setupAdding({
    form: $('#add-form'), fileInput: $('#file-input'), dropOverlay: $('#drop-overlay'),
    error: $('#add-error'), status: $('#add-status'),
  }, { add, importFile: workspace.importFile, takenIds: () => new Set(state.inputs.map((input) => input.id)) });
  document.body.dataset.ready = 'true';
}

main();

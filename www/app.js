// Dateline's offline reader: shows the embedded demo story (analysed by the
// build) or the reader's saved workspace, and analyses the articles the
// reader adds with the wasm core, in a Web Worker (app/engine.js), all in
// the page.

import { readEmbeddedCorpus, uniqueId } from './app/corpus.js';
import { enableListKeys, renderLibrary, setSelected } from './app/library.js';
import { setupAdding, showError } from './app/add.js';
import { markFiltered, revealOffset, showArticle, showMessage, showStoryPanel } from './app/view.js';
import { createChronology } from './app/timeline.js';
import { createHoverCard, mentionCounts } from './app/cards.js';
import { loadHiddenHighlights, wireLegend } from './app/highlights.js';
import { enableHighlightKeys, focusHighlight, resetRovingHighlight } from './app/highlight-keys.js';
import { loadHideBoilerplate, saveHideBoilerplate } from './app/boilerplate.js';
import { startWorkspace } from './app/workspace.js';
import { articleText, articleTitles } from './app/story-text.js';
import { analyzeInWorker, pageEngineStart } from './app/engine.js';
import { isLarge, showProgress } from './app/progress.js';
import { draftTitle, showDraftArticle } from './app/draft.js';
import { yieldToPage } from './app/yield.js';
import { enableArrowKeys } from './app/arrow-keys.js';
import { setupPrintChronology } from './app/print.js';

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
  progress: $('#analysis-progress'),
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

/**
 * Makes `inputs` the page's documents and chronology: with `analysis` when
 * it is given (the build's analysis of the demo story), else analysed as one
 * story in the analysis worker, a large corpus showing its progress.
 * Rejects on bad input, leaving the page's documents as they were.
 */
async function load(inputs, analysis = null) {
  if (!analysis) {
    const progress = isLarge(inputs) ? showProgress(ui.progress, inputs) : null;
    try {
      analysis = await analyzeInWorker(inputs, undefined, progress?.update);
      await yieldToPage(); // receiving the analysis was a task of its own
    } finally {
      progress?.done();
      ui.pane.removeAttribute('aria-busy');
    }
  }
  state.inputs = inputs;
  state.analysis = analysis;
  chronology.update(analysis, { titles: titles(), documentOrder: inputs.map((input) => input.id) });
}

/** While a large corpus is analysed: its titles in the list, `shown`'s text in the pane. */
function showDraft(inputs, shown) {
  const known = new Map(state.inputs.map((input, i) => [input.id, i]));
  const names = state.analysis ? titles() : new Map();
  const items = inputs.map((input, i) => {
    const doc = known.has(input.id) ? state.analysis.documents[known.get(input.id)] : null;
    return {
      id: input.id, number: i + 1, title: doc ? names.get(input.id) : draftTitle(input),
      source: doc?.source ?? input.source, sentences: doc ? doc.sentences.length : null, date: doc?.dct?.value ?? input.published,
      added: state.added.has(input.id) || !doc,
    };
  });
  renderLibrary(ui.list, items, shown.id, (id) => {
    setSelected(ui.list, id);
    showDraftArticle(ui.pane, inputs.find((input) => input.id === id));
  });
  showDraftArticle(ui.pane, shown);
  // The names of another article would mislead beside the draft; select() brings the panel back.
  ui.panel.hidden = true;
  ui.layout.classList.remove('has-panel');
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
  setSelected(ui.list, id);
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
 * Shows a workspace `{story, inputs, analysis?}`: analyses it unless its
 * analysis is given (throwing, with nothing changed, when the core refuses
 * it) and selects `select`, else the article already selected, else the
 * first. Many new articles, or the first story shown, are readable as a
 * draft while the analysis runs.
 */
async function show({ story, inputs, analysis = null }, { select: wanted } = {}) {
  const ids = new Set(inputs.map((input) => input.id));
  const selected = [wanted, state.selected].find((id) => id && ids.has(id)) ?? inputs[0]?.id ?? null;
  const shown = new Set(state.inputs.map((input) => input.id));
  const fresh = inputs.filter((input) => !shown.has(input.id));
  const draft = !analysis && selected && fresh.length > 0 && (isLarge(fresh) || !state.analysis);
  if (draft) showDraft(inputs, inputs.find((input) => input.id === selected));
  try {
    await load(inputs, analysis);
  } catch (e) {
    if (draft) restoreView();
    throw e;
  }
  state.story = story ?? '';
  ui.story.textContent = state.story || 'Your articles';
  state.added = new Set(inputs.filter((input) => !demoIds.has(input.id)).map((input) => input.id));
  state.selected = selected;
  await yieldToPage();
  renderList();
  if (state.selected) {
    await yieldToPage();
    select(state.selected);
  } else {
    ui.panel.hidden = true;
    ui.layout.classList.remove('has-panel');
    showMessage(ui.pane, 'No articles yet', 'Paste an article or open .txt, .md or .html files to analyse them.');
  }
}

/** Puts back the list and article of the story shown, after a draft whose analysis failed. */
function restoreView() {
  if (!state.analysis) {
    showMessage(ui.pane, 'No articles yet', 'Paste an article or open .txt, .md or .html files to analyse them.');
    return;
  }
  renderList();
  if (state.selected) select(state.selected);
}

let adding = Promise.resolve();
/** Ids of articles waiting for their add, so new ones do not take them. */
const pendingIds = new Set();

/**
 * Adds articles to the story (and saves it), one add after the other, and
 * selects the last one; resolves to a status line.
 */
function add(inputs) {
  // Ids were chosen against the story as it was; an add still pending may have taken one since.
  const taken = new Set([...state.inputs.map((input) => input.id), ...pendingIds]);
  inputs = inputs.map((input) => {
    const id = taken.has(input.id) ? uniqueId(input.id, taken) : input.id;
    taken.add(id);
    return id === input.id ? input : { ...input, id };
  });
  for (const input of inputs) pendingIds.add(input.id);
  const run = adding.then(() => addNow(inputs)).finally(() => {
    for (const input of inputs) pendingIds.delete(input.id);
  });
  adding = run.catch(() => {});
  return run;
}

/** Adds `inputs` through the workspace (analysed, shown, saved); resolves to a status line. */
async function addNow(inputs) {
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
    workspace = await startWorkspace({
      ui: ui.workspace,
      // The build embeds the demo's analysis: no need to wait for the engine.
      demo: { story: corpus.story, inputs: corpus.documents, analysis: corpus.analysis },
      host: { show, current: () => ({ story: state.story, inputs: state.inputs, analysis: state.analysis }) },
    });
  } catch (e) {
    showMessage(ui.pane, 'The analysis engine could not start', String(e?.message ?? e), true);
    throw e;
  }
  renderList();
  enableListKeys(ui.list);
  enableArrowKeys(ui.panel, 'button.entity-button');
  setupPrintChronology(ui.pane, () => state.analysis?.timeline ?? []);
  ui.panel.addEventListener('click', onEntityClick);
  ui.pane.addEventListener('click', onEntityClick);
  wireLegend(ui.pane, state.hiddenHighlights, () => { cards.hide(); resetRovingHighlight(ui.pane); });
  enableHighlightKeys(ui.pane);
  setupAdding({
    form: $('#add-form'), fileInput: $('#file-input'), dropOverlay: $('#drop-overlay'),
    error: $('#add-error'), status: $('#add-status'),
  }, {
    add, importFile: workspace.importFile,
    takenIds: () => new Set([...state.inputs.map((input) => input.id), ...pendingIds]),
  });
  document.body.dataset.ready = 'true';
  // Start the engine for the reader's articles now, off the way of the first paint.
  setTimeout(() => pageEngineStart().catch((e) => showError($('#add-error'), e)), 0);
}

main();

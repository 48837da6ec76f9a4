// Dateline's offline reader: shows the embedded demo story (analysed by the
// build) and analyses the articles the reader adds with the wasm core, in a
// Web Worker (app/engine.js), all in the page.

import { documentTitle } from './render.js';
import { readEmbeddedCorpus, uniqueId } from './app/corpus.js';
import { enableListKeys, renderLibrary, setSelected } from './app/library.js';
import { setupAdding, showError } from './app/add.js';
import { markFiltered, revealOffset, showArticle, showMessage, showStoryPanel } from './app/view.js';
import { createChronology } from './app/timeline.js';
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
  progress: $('#analysis-progress'),
};

/** What the page shows: inputs and their analysis (same order), the selection. */
const state = {
  inputs: [],
  analysis: null,
  selected: null,
  added: new Set(),
  showSentences: false,
};

/** The analysed document and its text, by id. */
function entry(id) {
  const i = state.inputs.findIndex((input) => input.id === id);
  return i < 0 ? null : { input: state.inputs[i], analysis: state.analysis.documents[i] };
}

/** Display titles of all documents, by id. */
function titles() {
  return new Map(state.inputs.map((input, i) => [input.id, documentTitle(state.analysis.documents[i], input.text)]));
}

/**
 * Analyses `inputs` as one story (in the analysis worker) and makes them
 * the page's documents; a large corpus shows its progress. Rejects on bad
 * input, leaving the page's documents as they were.
 */
async function load(inputs) {
  const progress = isLarge(inputs) ? showProgress(ui.progress, inputs) : null;
  try {
    const analysis = await analyzeInWorker(inputs, undefined, progress?.update);
    await yieldToPage(); // receiving the analysis was a task of its own
    show(inputs, analysis);
  } finally {
    progress?.done();
    ui.pane.removeAttribute('aria-busy');
  }
}

/** Makes `inputs` and their `analysis` the page's documents and chronology. */
function show(inputs, analysis) {
  state.inputs = inputs;
  state.analysis = analysis;
  chronology.update(analysis, { titles: titles(), documentOrder: inputs.map((input) => input.id) });
}

/** While a large corpus is analysed: its titles in the list, `shown`'s text in the pane. */
function showDraft(inputs, shown) {
  const known = new Map(state.inputs.map((input, i) => [input.id, i]));
  const items = inputs.map((input, i) => {
    const doc = known.has(input.id) ? state.analysis.documents[known.get(input.id)] : null;
    return {
      id: input.id, number: i + 1, title: doc ? documentTitle(doc, input.text) : draftTitle(input),
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
  const items = state.inputs.map((input, i) => {
    const doc = state.analysis.documents[i];
    return {
      id: input.id, number: i + 1, title: names.get(input.id), source: doc.source ?? input.source,
      sentences: doc.sentences.length, date: doc.dct?.value, added: state.added.has(input.id),
    };
  });
  renderLibrary(ui.list, items, state.selected, select);
  const n = state.inputs.length;
  ui.count.textContent = `${n} ${n === 1 ? 'article' : 'articles'}`;
}

/** Selects a document: marks it in the list and shows it with the story panel. */
function select(id) {
  const found = entry(id);
  if (!found) return;
  state.selected = id;
  setSelected(ui.list, id);
  const article = showArticle(ui.pane, {
    analysis: found.analysis, text: found.input.text, entities: state.analysis.entities,
    showSentences: state.showSentences, onToggle: (on) => { state.showSentences = on; },
  });
  const filtered = chronology.filters.entity;
  markFiltered(ui.pane, filtered);
  const hasPanel = showStoryPanel(ui.panel, { analysis: state.analysis, documentId: id, filtered });
  ui.layout.classList.toggle('has-panel', hasPanel);
  chronology.setCurrent(id);
  document.title = `${article.querySelector('.article-title').textContent} · Dateline`;
  if (window.scrollY > ui.pane.offsetTop) window.scrollTo({ top: 0 });
}

let adding = Promise.resolve();
/** Ids of articles waiting for their add, so new ones do not take them. */
const pendingIds = new Set();

/** Adds articles to the story, one add after the other; resolves to a status line. */
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

/** Analyses the story with `inputs` added and selects the last one; resolves to a status line. */
async function addNow(inputs) {
  const all = [...state.inputs, ...inputs];
  if (isLarge(inputs)) showDraft(all, inputs[inputs.length - 1]);
  try {
    await load(all);
  } catch (e) {
    if (isLarge(inputs)) {
      renderList();
      if (state.selected) select(state.selected);
      else showMessage(ui.pane, 'No articles yet', 'Paste an article or open a .txt file to analyse it.');
    }
    throw e;
  }
  for (const input of inputs) state.added.add(input.id);
  const last = inputs[inputs.length - 1].id;
  state.selected = last;
  await yieldToPage();
  renderList();
  await yieldToPage();
  select(last);
  const { analysis } = entry(last);
  const title = documentTitle(analysis, inputs[inputs.length - 1].text);
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
  const target = event.target.closest('button.entity-button[data-entity], mark.mention[data-entity]');
  if (!target) return;
  if (target.tagName === 'MARK' && !window.getSelection()?.isCollapsed) return;
  chronology.filterByEntity(target.dataset.entity);
}

/** Shows which entity the chronology is filtered by, in the article and the panel. */
function onFilter(filters) {
  markFiltered(ui.pane, filters.entity);
  markFiltered(ui.panel, filters.entity);
}

const chronology = createChronology(ui.chronology, { onOpen: openSource, onFilter });

/** Starts the page: loads the core, analyses the demo story, wires the controls. */
async function main() {
  const corpus = readEmbeddedCorpus();
  ui.story.textContent = corpus.story || 'Your articles';
  try {
    // The build embeds the demo's analysis: no need to wait for the engine.
    if (corpus.analysis) show(corpus.documents, corpus.analysis);
    else await load(corpus.documents);
  } catch (e) {
    showMessage(ui.pane, 'The analysis engine could not start', String(e?.message ?? e), true);
    throw e;
  }
  state.selected = state.inputs[0]?.id ?? null;
  renderList();
  if (state.selected) select(state.selected);
  else showMessage(ui.pane, 'No articles yet', 'Paste an article or open a .txt file to analyse it.');
  enableListKeys(ui.list);
  enableArrowKeys(ui.panel, 'button.entity-button');
  setupPrintChronology(ui.pane, () => state.analysis?.timeline ?? []);
  ui.panel.addEventListener('click', onEntityClick);
  ui.pane.addEventListener('click', onEntityClick);
  setupAdding({
    form: $('#add-form'), fileInput: $('#file-input'), dropOverlay: $('#drop-overlay'),
    error: $('#add-error'), status: $('#add-status'),
  }, { add, takenIds: () => new Set([...state.inputs.map((input) => input.id), ...pendingIds]) });
  document.body.dataset.ready = 'true';
  // Start the engine for the reader's articles now, off the way of the first paint.
  if (corpus.analysis) setTimeout(() => pageEngineStart().catch((e) => showError($('#add-error'), e)), 0);
}

main();

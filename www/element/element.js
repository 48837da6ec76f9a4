// <dateline-view>: an article (or a story of several) with its names and
// dates highlighted and the story's chronology, in a shadow root, for any
// page. The class only; `define.js` registers it.
//
// Content: the element's light DOM (text or simple markup, which readers
// without JavaScript see as it is), or `src` (a text or HTML article, or a
// workspace JSON file). Attributes: `src`, `published` (the date of a
// single article), `view` (reader | timeline | both), `theme` (light |
// dark | auto). Events: `dateline-ready`, `dateline-error` and
// `dateline-select` (a click on an event or a name; bubbles, composed,
// cancelable). Article text is only ever set with textContent.

import { init, analyze } from 'dateline';
import css from 'dateline:element-css';
import { renderEntities } from '../render.js';
import { createChronology } from '../app/timeline.js';
import { markFiltered, revealOffset, showArticle } from '../app/view.js';
import { wireLegend } from '../app/highlights.js';
import { elementWidthQuery } from '../app/width-query.js';
import { articleText, articleTitles } from '../app/story-text.js';
import { chronologyBand } from './band.js';
import { el } from './dom.js';
import { SourceError, fetchSource, lightDomInput } from './source.js';

/** At most this wide, the element shows the chronology as a list (as the page does on a phone). */
const NARROW_PX = 700;

/** HTMLElement where there is a DOM; a stand-in elsewhere so that importing in Node does not throw. */
const Base = globalThis.HTMLElement ?? class {};

let sharedSheet = null;

/** Puts the element's styles in `root`: one constructable sheet shared by every instance, else a <style>. */
function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sharedSheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
}

/** Gives the rendered article's pieces their `part` names, so the host page can style them with ::part(). */
function nameParts(article) {
  article.setAttribute('part', 'article');
  const set = (selector, part) => {
    for (const node of article.querySelectorAll(selector)) node.setAttribute('part', typeof part === 'function' ? part(node) : part);
  };
  set('.article-title', 'title');
  set('.article-meta', 'meta');
  set('.legend', 'legend');
  set('mark.mention', (node) => `mention mention-${(node.dataset.type ?? 'other').toLowerCase().replace(/_/g, '-')}`);
  set('time.timex', 'timex');
  set('.sentence', 'sentence');
}

/** The views the `view` attribute may name; anything else shows both. */
const VIEWS = new Set(['reader', 'timeline', 'both']);

/** The <dateline-view> custom element (not registered: import `define.js` or call `DatelineView.define()`). */
export class DatelineView extends Base {
  static observedAttributes = ['src', 'published', 'view', 'theme'];

  /** Registers the class as `tag` (default `dateline-view`) unless that name is taken; returns the class. */
  static define(tag = 'dateline-view', registry = globalThis.customElements) {
    if (registry && !registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #ui = null;
  #chronology = null;
  #lightObserver = null;
  #abort = null;
  /** Bumped by every load, so that a slow one never overwrites a newer one. */
  #generation = 0;
  #queued = false;
  #stale = true;
  /** What the last load read (`#contentKey()`), to notice light-DOM changes made while disconnected. */
  #loadedKey = null;
  /** `{story, inputs, analysis, workspace}` once loaded. */
  #data = null;
  #selected = null;
  #showSentences = false;
  /** Highlight types switched off in this view's legend (not saved: the host's storage is not ours). */
  #hiddenHighlights = new Set();

  constructor() {
    super();
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    if (!this.#ui) this.#build();
    if (!this.#chronology) {
      // A fresh band each time: the previous controller's listeners stay on the old one.
      const band = chronologyBand();
      this.#ui.band.replaceWith(band);
      this.#ui.band = band;
    }
    this.#chronology ??= createChronology(this.#ui.band, {
      onOpen: (event, source) => this.#onOpen(event, source),
      onFilter: (filters) => markFiltered(this.#ui.reader, filters.entity),
      offsetTarget: this.#ui.frame,
      // The list or the axis by the element's own width: it may sit in a narrow column of a wide page.
      narrow: elementWidthQuery(this.#ui.frame, NARROW_PX),
    });
    this.#lightObserver ??= new MutationObserver(() => {
      if (!this.hasAttribute('src')) this.#invalidate();
    });
    this.#lightObserver.observe(this, { childList: true, subtree: true, characterData: true });
    if (this.#contentKey() !== this.#loadedKey) this.#stale = true;
    if (this.#stale) this.#queue();
    else if (this.#data) this.#show();
  }

  disconnectedCallback() {
    this.#lightObserver?.disconnect();
    this.#abort?.abort();
    this.#abort = null;
    this.#chronology?.destroy();
    this.#chronology = null;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'src' || name === 'published') this.#invalidate();
    else if (name === 'view' && this.#ui) this.#applyView();
  }

  /** The Analysis shown (as `dateline-ready` gave it), or null before the first load and after an error. */
  get analysis() {
    return this.#data?.analysis ?? null;
  }

  /** The id of the article shown in the reader, or null. */
  get selectedDocument() {
    return this.#selected;
  }

  #build() {
    const root = this.shadowRoot;
    adoptStyles(root);
    const frame = el('div', 'dv-frame', { part: 'frame' });
    const toolbar = el('div', 'dv-toolbar', { part: 'toolbar' });
    const story = el('p', 'dv-story', { part: 'story' });
    const picker = el('select', 'dv-picker', { part: 'picker', 'aria-label': 'Article' });
    const status = el('p', 'dv-status', { part: 'status', role: 'status' });
    toolbar.append(story, picker, status);
    const band = chronologyBand();
    const error = el('div', 'dv-error pane-message error', { part: 'error', role: 'alert' });
    error.hidden = true;
    // The light DOM (the no-JS article) shows through until the analysed one replaces it.
    const fallback = el('div', 'dv-fallback', { part: 'fallback' });
    fallback.append(document.createElement('slot'));
    const reader = el('div', 'dv-reader article-view', { part: 'reader' });
    reader.hidden = true;
    frame.append(toolbar, band, error, fallback, reader);
    root.append(frame);
    picker.addEventListener('change', () => this.#select(picker.value));
    reader.addEventListener('click', (event) => this.#onReaderClick(event));
    wireLegend(reader, this.#hiddenHighlights, null, { persist: false });
    this.#ui = { frame, toolbar, story, picker, status, band, error, reader, fallback };
    this.#applyView();
  }

  #applyView() {
    const view = this.getAttribute('view');
    this.#ui.frame.dataset.view = VIEWS.has(view) ? view : 'both';
  }

  /** The content changed: load again (once, after the current task's attribute changes). */
  #invalidate() {
    this.#stale = true;
    if (this.isConnected) this.#queue();
  }

  #queue() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected && this.#stale) this.#load();
    });
  }

  /** The attributes and light DOM a load reads. */
  #contentKey() {
    const src = this.getAttribute('src');
    return JSON.stringify([src, this.getAttribute('published'), src === null ? this.innerHTML : '']);
  }

  async #load() {
    this.#stale = false;
    this.#loadedKey = this.#contentKey();
    const generation = ++this.#generation;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    // A result is dropped when a newer load started, or when the element left the page (it loads again when back).
    const current = () => {
      if (generation !== this.#generation) return false;
      if (!this.isConnected) this.#stale = true;
      return this.isConnected;
    };
    this.#busy(true, 'Analysing…');
    try {
      const data = await this.#readSource(abort.signal);
      if (!current()) return;
      if (!data) {
        // Empty (an element whose content is still to come): nothing to show, and no error.
        this.#data = null;
        this.#busy(false, '');
        this.#clear();
        return;
      }
      await init();
      if (!current()) return;
      let { analysis } = data;
      if (!analysis) {
        try {
          analysis = analyze(data.inputs);
        } catch (cause) {
          throw new SourceError(`could not analyse the article: ${cause?.message ?? cause}`, { cause });
        }
      }
      this.#data = { ...data, analysis };
      if (!data.inputs.some((input) => input.id === this.#selected)) this.#selected = data.inputs[0].id;
      this.#busy(false, '');
      this.#show();
      this.dispatchEvent(new CustomEvent('dateline-ready', {
        bubbles: true, composed: true, detail: { story: data.story, inputs: data.inputs, analysis },
      }));
    } catch (error) {
      if (!current() || error?.name === 'AbortError') {
        if (error?.name === 'AbortError' && generation === this.#generation) this.#stale = true;
        return;
      }
      this.#data = null;
      this.#busy(false, '');
      this.#fail(error);
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  }

  /** `{story, inputs, analysis}` from `src` or the light DOM, every input with an id; null when there is nothing. */
  async #readSource(signal) {
    const src = this.getAttribute('src');
    let data;
    if (src !== null) {
      if (!src.trim()) throw new SourceError('src is empty: give the address of an article or a workspace file');
      data = await fetchSource(src.trim(), document.baseURI, signal);
    } else {
      const input = lightDomInput(this);
      if (!input) return null;
      data = { story: '', inputs: [input], analysis: null, workspace: false };
    }
    const published = this.getAttribute('published');
    const single = !data.workspace && data.inputs.length === 1;
    const inputs = data.inputs.map((input, i) => {
      const out = { ...input, id: input.id ?? `a${i + 1}` };
      if (single && published !== null && published.trim()) out.published = published.trim();
      return out;
    });
    return { ...data, inputs };
  }

  #busy(on, text) {
    this.#ui.frame.setAttribute('aria-busy', String(on));
    if (on) this.#ui.toolbar.hidden = false;
    this.#ui.status.textContent = text;
  }

  #showError(title, detail) {
    const { error } = this.#ui;
    const heading = el('h1', '', {}, title);
    error.replaceChildren(heading, ...(detail ? [el('p', '', {}, detail)] : []));
    error.hidden = false;
  }

  /** Back to the light DOM alone: no toolbar, chronology, article or error. */
  #clear() {
    const ui = this.#ui;
    ui.toolbar.hidden = true;
    ui.band.hidden = true;
    ui.error.hidden = true;
    ui.reader.replaceChildren();
    ui.reader.hidden = true;
    ui.fallback.hidden = false;
  }

  /** Shows what went wrong in the element (with the fallback article under it) and dispatches `dateline-error`. */
  #fail(error) {
    const message = String(error?.message ?? error);
    this.#clear();
    this.#showError('Dateline could not show this article', message);
    this.dispatchEvent(new CustomEvent('dateline-error', { bubbles: true, composed: true, detail: { message, error } }));
  }

  /** Titles of the story's articles, by id. */
  #titles() {
    const { inputs, analysis } = this.#data;
    return articleTitles(inputs, analysis);
  }

  /** Renders the loaded story: toolbar, chronology, the selected article. */
  #show() {
    const { story, inputs, analysis } = this.#data;
    const ui = this.#ui;
    ui.error.hidden = true;
    ui.story.textContent = story;
    ui.story.hidden = !story;
    const titles = this.#titles();
    const options = inputs.map((input, i) => new Option(`${i + 1}. ${titles.get(input.id)}`, input.id));
    ui.picker.replaceChildren(...options);
    ui.picker.hidden = inputs.length < 2;
    ui.toolbar.hidden = !story && inputs.length < 2;
    ui.frame.dataset.articles = inputs.length > 1 ? 'many' : 'one';
    this.#chronology?.update(analysis, { titles, documentOrder: inputs.map((input) => input.id) });
    this.#select(this.#selected);
  }

  /** Shows article `id` in the reader. */
  #select(id) {
    const i = this.#data?.inputs.findIndex((input) => input.id === id) ?? -1;
    if (i < 0) return;
    const { inputs, analysis } = this.#data;
    this.#selected = id;
    this.#ui.picker.value = id;
    const doc = analysis.documents[i];
    const article = showArticle(this.#ui.reader, {
      analysis: doc, text: articleText(inputs[i], doc), entities: analysis.entities,
      showSentences: this.#showSentences, onToggle: (on) => { this.#showSentences = on; },
      hidden: this.#hiddenHighlights,
    });
    const names = renderEntities(analysis.entities, doc.id);
    if (names) {
      // The names as buttons too, so that the keyboard reaches what a click on a highlight does.
      const details = el('details', 'dv-names', { part: 'names' });
      details.append(el('summary', '', {}, `Named in this article (${names.children.length})`), names);
      article.querySelector('.article-header').append(details);
    }
    nameParts(article);
    this.#ui.fallback.hidden = true;
    this.#ui.reader.hidden = false;
    this.#chronology?.setCurrent(id);
    markFiltered(this.#ui.reader, this.#chronology?.filters.entity ?? null);
  }

  /** Dispatches `dateline-select`; returns false when a listener cancelled it. */
  #emitSelect(detail) {
    return this.dispatchEvent(new CustomEvent('dateline-select', { bubbles: true, composed: true, cancelable: true, detail }));
  }

  /** A chronology event was chosen: tell the host, then open the article that reports it. */
  #onOpen(event, source) {
    const detail = { kind: 'event', id: event.id, event, document: source.document, start: source.start, end: source.end };
    if (!this.#emitSelect(detail)) return;
    if (this.#selected !== source.document) this.#select(source.document);
    const i = this.#data.inputs.findIndex((input) => input.id === source.document);
    if (i >= 0) revealOffset(this.#ui.reader, this.#data.analysis.documents[i].sentences, source.start, { mark: true });
  }

  /** A click on a name (highlighted in the text, or in the list of names): tell the host, then filter the chronology by it. */
  #onReaderClick(event) {
    const target = event.target.closest?.('mark.mention[data-entity], button.entity-button[data-entity]');
    if (!target || !this.#data) return;
    if (target.tagName === 'MARK') {
      const selection = this.shadowRoot.getSelection?.() ?? globalThis.getSelection?.();
      if (selection && !selection.isCollapsed) return;
    }
    const id = target.dataset.entity;
    const entity = (this.#data.analysis.entities ?? []).find((e) => e.id === id) ?? null;
    const text = target.tagName === 'MARK' ? target.textContent : entity?.name ?? id;
    if (!this.#emitSelect({ kind: 'entity', id, entity, document: this.#selected, text })) return;
    this.#chronology?.filterByEntity(id);
  }
}

// The hover card: one element, reused, that tells what a highlight is.
// For a name (a mention in the text or a name in the story panel): its
// canonical name, type, aliases, how often and where the story names it,
// with the articles as buttons that open them. For a date: its value in
// words, the TimeML value, the modifier and what it was counted from.
//
// It shows on hover (after a short pause) and on keyboard focus, sits
// below the highlight (above when there is no room), never over it, and
// goes on Escape, when the pointer leaves both, or when focus leaves both.
// While shown it describes the highlight (aria-describedby); Tab from a
// focused highlight goes into its buttons, Shift+Tab from the first back.
// All text goes in with textContent.

import { ENTITY_TYPES, truncate, squish } from '../render.js';
import { describeTimex } from './timex-words.js';

const CARD_ID = 'hover-card';
const TARGETS = 'mark.mention, time.timex, button.entity-button[data-entity]';
const SHOW_DELAY = 180;
const HIDE_DELAY = 260;
const GAP = 6;
const MAX_ALIASES = 8;

/** Mentions of each entity per document: Map(entity id → Map(document id → count)), cached per analysis. */
const countsCache = new WeakMap();

/** How many times each document names each entity (linked mentions only). */
export function mentionCounts(analysis) {
  let counts = countsCache.get(analysis);
  if (counts) return counts;
  counts = new Map();
  for (const doc of analysis.documents ?? []) {
    for (const mention of doc.mentions ?? []) {
      if (!mention.entity) continue;
      let byDoc = counts.get(mention.entity);
      if (!byDoc) counts.set(mention.entity, (byDoc = new Map()));
      byDoc.set(doc.id, (byDoc.get(doc.id) ?? 0) + 1);
    }
  }
  countsCache.set(analysis, counts);
  return counts;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "1 mention" / "12 mentions". */
function plural(n, one, many) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** A type chip: swatch (colour and underline of the type) and its label. */
function typeChip(type) {
  const chip = el('span', 'hc-type');
  chip.dataset.type = type;
  chip.append(el('span', 'swatch mention'), el('span', '', ENTITY_TYPES[type] ?? type));
  return chip;
}

/**
 * The content of an entity card. `story` is `{analysis, titles, current,
 * filtered}`; `entityId` may be absent (a mention the story did not link),
 * then `text` and `type` describe the mention alone.
 */
function entityContent({ entityId, text, type }, story, { keyboard }) {
  const entity = entityId ? (story.analysis.entities ?? []).find((e) => e.id === entityId) : null;
  const parts = [];
  const head = el('p', 'hc-head');
  head.append(el('span', 'hc-name', entity ? entity.name : squish(text)), typeChip(entity?.type ?? type));
  parts.push(head);
  if (!entity) {
    parts.push(el('p', 'hc-line', 'Not linked to a named entity of the story.'));
    return parts;
  }
  const aliases = (entity.aliases ?? []).filter((a) => a !== entity.name);
  if (aliases.length) {
    const shown = aliases.slice(0, MAX_ALIASES).map((a) => truncate(squish(a), 60));
    const more = aliases.length > MAX_ALIASES ? ` and ${aliases.length - MAX_ALIASES} more` : '';
    parts.push(el('p', 'hc-line hc-aliases', `Also: ${shown.join(', ')}${more}`));
  }
  const byDoc = mentionCounts(story.analysis).get(entity.id) ?? new Map();
  const total = story.analysis.documents.length;
  const docs = story.analysis.documents.filter((d) => byDoc.has(d.id));
  const mentions = entity.mentions ?? [...byDoc.values()].reduce((a, b) => a + b, 0);
  parts.push(el('p', 'hc-line hc-count',
    `${plural(mentions, 'mention', 'mentions')} in ${docs.length} of ${plural(total, 'article', 'articles')}`));
  if (docs.length) {
    const list = el('ul', 'hc-docs');
    list.setAttribute('aria-label', `Articles that name ${entity.name}`);
    for (const doc of docs) {
      const button = el('button', 'hc-doc');
      button.type = 'button';
      button.dataset.document = doc.id;
      button.dataset.entity = entity.id;
      if (doc.id === story.current) button.setAttribute('aria-current', 'true');
      const n = byDoc.get(doc.id);
      button.append(el('span', 'hc-doc-title', story.titles.get(doc.id) ?? doc.id), el('span', 'hc-doc-count', String(n)),
        el('span', 'visually-hidden', n === 1 ? ' mention' : ' mentions'));
      const item = el('li');
      item.append(button);
      list.append(item);
    }
    parts.push(list);
  }
  const filtered = story.filtered === entity.id;
  const action = keyboard ? 'Enter' : 'Click';
  parts.push(el('p', 'hc-hint', filtered
    ? `The chronology shows its events. ${action} again to show all events.`
    : `${action} to show its events in the chronology and mark its mentions in every article.`));
  return parts;
}

/** The content of a date card, from a `<time class="timex">` element. */
function timexContent(node, story) {
  const doc = story.analysis.documents.find((d) => d.id === story.current);
  const words = describeTimex({
    type: node.dataset.type, value: node.dataset.value ?? null, mod: node.dataset.mod ?? null, anchor: node.dataset.anchor ?? null,
  }, { dct: doc?.dct?.value ?? null });
  const head = el('p', 'hc-head hc-date');
  head.append(el('strong', 'hc-name', words.headline), ' · ', el('span', 'hc-value', words.code));
  const parts = [head, el('p', 'hc-line hc-quote', `“${squish(node.textContent)}”`)];
  if (words.mod) parts.push(el('p', 'hc-line hc-mod', words.mod));
  if (words.anchor) parts.push(el('p', 'hc-line hc-anchor', words.anchor));
  return parts;
}

/**
 * Creates the card and wires it to the highlights under each of `roots`.
 * `story()` returns `{analysis, titles, current, filtered}` at the time of
 * showing; `onOpenArticle(documentId, entityId)` opens an article from
 * the card's list. Returns `{hide(), refresh(), element}`.
 */
export function createHoverCard({ roots, story, onOpenArticle }) {
  const card = el('div', 'hover-card');
  card.id = CARD_ID;
  card.hidden = true;
  let target = null;
  let savedDescription = null;
  /** Whether the shown card was opened from the keyboard (its hints name keys). */
  let byKeyboard = false;
  let showTimer = 0;
  let hideTimer = 0;
  /** The highlight whose card Escape closed: it stays closed until the pointer or focus goes elsewhere. */
  let dismissed = null;

  function contentFor(node, keyboard) {
    const s = story();
    if (!s?.analysis) return null;
    if (node.matches('time.timex')) return timexContent(node, s);
    return entityContent({ entityId: node.dataset.entity, text: node.textContent, type: node.dataset.type }, s, { keyboard });
  }

  function show(node, { keyboard = false } = {}) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (node.classList.contains('is-off') || !node.isConnected) return;
    byKeyboard = keyboard;
    const content = contentFor(node, keyboard);
    if (!content) return;
    if (target && target !== node) release();
    // Native tooltips would show the same thing a second time.
    if (node.hasAttribute('title')) {
      node.dataset.tip = node.title;
      node.removeAttribute('title');
    }
    const hint = keyboard && node.matches('mark.mention, time.timex')
      ? [el('p', 'hc-hint', '← → next highlight · Esc closes')] : [];
    card.replaceChildren(...content, ...hint);
    const root = roots.find((r) => r.contains(node));
    if (card.parentNode !== root) root.append(card);
    card.hidden = false;
    if (target !== node) {
      target = node;
      savedDescription = node.getAttribute('aria-describedby');
      node.setAttribute('aria-describedby', CARD_ID);
    }
    place();
  }

  /** Whether the focus is on the card's highlight or inside the card. */
  function focusHeld() {
    return document.activeElement === target || card.contains(document.activeElement);
  }

  /** Puts the card below the highlight, or above it when there is no room; never over it. */
  function place() {
    if (!target || card.hidden) return;
    const box = target.getBoundingClientRect();
    // Scrolled out of view by the reader (not on its way into view after a
    // keyboard move, nor while the focus is in the card: Tab into it may scroll).
    if ((box.bottom < 0 || box.top > innerHeight) && !focusHeld()) {
      hide();
      return;
    }
    card.style.maxHeight = '';
    const width = card.offsetWidth;
    const below = innerHeight - box.bottom - GAP - 4;
    const above = box.top - GAP - 4;
    let height = card.offsetHeight;
    const goBelow = height <= below || below >= above;
    if (height > (goBelow ? below : above)) {
      height = Math.max(80, goBelow ? below : above);
      card.style.maxHeight = `${height}px`;
      card.style.overflowY = 'auto';
    } else {
      card.style.overflowY = '';
    }
    const top = goBelow ? box.bottom + GAP : box.top - GAP - height;
    const first = target.getClientRects()[0] ?? box;
    const left = Math.max(4, Math.min(first.left, innerWidth - width - 4));
    card.style.top = `${Math.round(top)}px`;
    card.style.left = `${Math.round(left)}px`;
  }

  /** Gives the highlight back its own description. */
  function release() {
    if (!target) return;
    if (savedDescription) target.setAttribute('aria-describedby', savedDescription);
    else target.removeAttribute('aria-describedby');
    target = null;
    savedDescription = null;
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    card.hidden = true;
    release();
  }

  const later = (fn, ms) => setTimeout(fn, ms);
  /**
   * Whether the keyboard holds the card: opened by focus and the focus on its
   * highlight or inside it. A mouse resting on the page (the text scrolls
   * under it as the arrows move) must not move or close it then.
   */
  const keyboardHolds = () => !card.hidden && byKeyboard && focusHeld();

  // Touch has no hover: a tap on a highlight shows its card (and does what a
  // click does); a tap anywhere else closes it.
  let lastPointer = 'mouse';
  document.addEventListener('pointerdown', (event) => {
    lastPointer = event.pointerType;
    if (!card.hidden && !card.contains(event.target) && !target?.contains(event.target)) hide();
  }, true);
  for (const root of roots) {
    root.addEventListener('click', (event) => {
      const node = event.target.closest?.(TARGETS);
      if (lastPointer === 'touch' && node && root.contains(node) && !card.contains(node)) show(node);
    });
    root.addEventListener('pointerover', (event) => {
      if (event.pointerType === 'touch') return;
      const node = event.target.closest?.(TARGETS);
      if (!node || !root.contains(node) || card.contains(node) || node === dismissed || keyboardHolds()) return;
      clearTimeout(hideTimer);
      if (node === target && !card.hidden) return;
      clearTimeout(showTimer);
      showTimer = later(() => show(node), card.hidden ? SHOW_DELAY : 60);
    });
    root.addEventListener('pointerout', (event) => {
      const node = event.target.closest?.(TARGETS);
      if (!node || card.contains(node) || keyboardHolds()) return;
      if (node.contains(event.relatedTarget)) return;
      if (node === dismissed && document.activeElement !== node) dismissed = null;
      clearTimeout(showTimer);
      if (card.contains(event.relatedTarget) || card.contains(document.activeElement)) return;
      if (node === target && document.activeElement === node) return;
      hideTimer = later(hide, HIDE_DELAY);
    });
    root.addEventListener('focusin', (event) => {
      const node = event.target.closest?.(TARGETS);
      if (!node || node === dismissed) return;
      dismissed = null;
      if (root.contains(node) && !card.contains(node)) show(node, { keyboard: node.matches(':focus-visible') });
    });
    root.addEventListener('focusout', (event) => {
      const next = event.relatedTarget;
      if (event.target === dismissed && !card.contains(next)) dismissed = null;
      if (card.contains(next) || (next && next === target)) return;
      if (card.contains(event.target) || event.target === target) hide();
    });
  }
  card.addEventListener('pointerenter', () => clearTimeout(hideTimer));
  card.addEventListener('pointerleave', (event) => {
    if (card.contains(document.activeElement) || event.relatedTarget === target) return;
    hideTimer = later(hide, HIDE_DELAY);
  });
  card.addEventListener('click', (event) => {
    const button = event.target.closest('button.hc-doc');
    if (!button) return;
    const { document: documentId, entity } = button.dataset;
    hide();
    onOpenArticle(documentId, entity);
  });
  document.addEventListener('keydown', (event) => {
    // Tab from the highlight enters the card's buttons, Shift+Tab from the first goes back.
    if (event.key === 'Tab' && !card.hidden && target) {
      const first = card.querySelector('button');
      if (!event.shiftKey && document.activeElement === target && first) {
        event.preventDefault();
        first.focus();
      } else if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        target.focus();
      }
      return;
    }
    if (event.key !== 'Escape' || card.hidden) return;
    const back = card.contains(document.activeElement) ? target : null;
    dismissed = target;
    hide();
    back?.focus({ preventScroll: true });
  });
  addEventListener('scroll', () => place(), { passive: true, capture: true });
  addEventListener('resize', () => place(), { passive: true });

  /** Rebuilds the shown card (after the story or its filter changed). */
  function refresh() {
    if (!target || card.hidden) return;
    if (!target.isConnected) hide();
    else show(target, { keyboard: byKeyboard });
  }

  return { hide, refresh, element: card };
}

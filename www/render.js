// DOM builders for one analysed article and its entities (the story's
// chronology is app/timeline.js). Shared by the page and, later, by <dateline-view>.
//
// Article text is untrusted: everything here is built with createElement,
// textContent and setAttribute, never innerHTML. Offsets are UTF-16 code
// units, so `text.slice(start, end)` is the item. No imports, no globals
// other than `document` (which every builder lets the caller replace).

/** Entity types in legend order, with their labels (OntoNotes names). */
export const ENTITY_TYPES = {
  PERSON: 'Person',
  ORG: 'Organization',
  GPE: 'Country or city',
  LOC: 'Location',
  NORP: 'Group',
  EVENT: 'Event',
  LAW: 'Law',
  FAC: 'Facility',
  PRODUCT: 'Product',
  WORK_OF_ART: 'Work of art',
};

const BOILERPLATE_LABELS = {
  byline: 'Byline',
  'author-bio': 'Author bio',
  caption: 'Caption',
  credit: 'Credit',
  comments: 'Comments',
  newsletter: 'Newsletter',
  'site-chrome': 'Site chrome',
  disclaimer: 'Disclaimer',
};

/** Longest line, in characters, still taken for a subheading. */
const HEADING_MAX = 80;

/** Creates an element with a class and, optionally, text. */
function el(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The ranges that overlap [start, end). */
function overlapping(ranges, start, end) {
  return ranges.filter((r) => r.start < end && r.end > start);
}

/** Ranges sorted by start, longest first on ties; empty ranges dropped. */
function sorted(ranges) {
  return (ranges ?? []).filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Collapses runs of white space, so that titles and labels read as one line. */
export function squish(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/** Shortens `text` to at most `max` characters, on a word boundary. */
export function truncate(text, max) {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '') + '…';
}

/** A display title: the analysed title, else the first sentence outside boilerplate, else "Untitled article". */
export function documentTitle(analysis, text) {
  if (analysis.title && analysis.title.trim()) return squish(analysis.title);
  const sentences = analysis.sentences ?? [];
  const boilerplate = analysis.boilerplate ?? [];
  // The first sentence of the story itself: a byline or a site's chrome is not a title.
  const first = sentences.find((s) => !boilerplateOf(boilerplate, s.start, s.end)) ?? sentences[0];
  if (first) return truncate(squish(text.slice(first.start, first.end)), 90);
  return 'Untitled article';
}

/**
 * Whether a standalone line reads as a subheading: short, starts with a
 * capital letter, and either all capitals or without closing punctuation.
 */
export function isHeading(line) {
  const text = squish(line);
  if (!text || text.length > HEADING_MAX || !/^\p{Lu}/u.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3) return false;
  if (letters === letters.toUpperCase()) return true;
  const words = text.split(' ').length;
  return words >= 2 && words <= 10 && !/[.!?:;,…"”’)\]>]$/u.test(text);
}

/** A readable date for a TimeML/ISO date value ("2021-10-06" -> "6 October 2021"). */
export function formatDate(value) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value ?? '');
  if (!m) return value ?? '';
  const [, y, mo, d] = m;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];
  if (!mo) return y;
  const month = months[Number(mo) - 1] ?? mo;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** The tooltip of a timex: its type, normalized value, modifier and anchor. */
function timexTitle(timex) {
  const parts = [`${timex.type ?? 'DATE'}: ${timex.value ?? '?'}`];
  if (timex.value && /^\d{4}(-\d{2}){0,2}$/.test(timex.value)) parts[0] += ` (${formatDate(timex.value)})`;
  if (timex.mod) parts.push(`modifier ${timex.mod}`);
  if (timex.anchor === 'dct') parts.push('resolved against the publication date');
  else if (timex.anchor === 'previous') parts.push('resolved against the previous date');
  return parts.join(' · ');
}

/** A <time> element for a timex; `datetime` only when the value is a valid HTML date. */
function timexElement(doc, timex) {
  const node = el(doc, 'time', 'timex');
  node.dataset.type = timex.type ?? 'DATE';
  if (timex.value != null) node.dataset.value = timex.value;
  if (timex.mod) node.dataset.mod = timex.mod;
  if (timex.anchor) node.dataset.anchor = timex.anchor;
  if (timex.value && /^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$/.test(timex.value)) node.setAttribute('datetime', timex.value);
  node.title = timexTitle(timex);
  return node;
}

/** A <mark> element for an entity mention, coloured by type. */
function mentionElement(doc, mention, entities) {
  const node = el(doc, 'mark', 'mention');
  node.dataset.type = mention.type;
  if (mention.entity) node.dataset.entity = mention.entity;
  const entity = mention.entity ? entities.get(mention.entity) : null;
  const label = ENTITY_TYPES[mention.type] ?? mention.type;
  node.title = entity && entity.name !== squish(mention.text ?? '') ? `${label} · ${entity.name}` : label;
  return node;
}

/**
 * Appends the text of [start, end) to `parent`, wrapping the parts that
 * mentions and timexes cover. Overlaps nest (timex inside mention); a
 * mark crossing the range edge is cut there.
 */
function appendInline(doc, parent, text, start, end, marks, entities) {
  const mentions = overlapping(marks.mentions, start, end);
  const timexes = overlapping(marks.timexes, start, end);
  if (!mentions.length && !timexes.length) {
    parent.append(text.slice(start, end));
    return;
  }
  const cuts = new Set([start, end]);
  for (const r of [...mentions, ...timexes]) {
    cuts.add(Math.max(start, r.start));
    cuts.add(Math.min(end, r.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let openMention = null;
  let mentionNode = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const mention = mentions.find((m) => m.start <= a && m.end >= b) ?? null;
    const timex = timexes.find((t) => t.start <= a && t.end >= b) ?? null;
    let piece = doc.createTextNode(text.slice(a, b));
    if (timex) {
      const node = timexElement(doc, timex);
      node.append(piece);
      piece = node;
    }
    if (!mention) {
      openMention = mentionNode = null;
      parent.append(piece);
      continue;
    }
    if (mention !== openMention) {
      openMention = mention;
      mentionNode = mentionElement(doc, mention, entities);
      parent.append(mentionNode);
    }
    mentionNode.append(piece);
  }
}

/** The boilerplate range that wholly contains [start, end), if any. */
function boilerplateOf(boilerplate, start, end) {
  return boilerplate.find((b) => b.start <= start && b.end >= end) ?? null;
}

/** Marks `node` as boilerplate of the given kind (dimmed, labelled). */
function markBoilerplate(node, range) {
  node.classList.add('boilerplate');
  node.dataset.boilerplate = range.kind ?? 'other';
  node.dataset.boilerplateLabel = BOILERPLATE_LABELS[range.kind] ?? 'Boilerplate';
}

/**
 * Fills `block` with paragraph [start, end): sentences as
 * `<span class="sentence" data-index>`, text between them as plain text.
 */
function fillParagraph(doc, block, text, paragraph, ctx) {
  let pos = paragraph.start;
  while (ctx.next < ctx.sentences.length && ctx.sentences[ctx.next].end <= paragraph.start) ctx.next++;
  for (; ctx.next < ctx.sentences.length; ctx.next++) {
    const sentence = ctx.sentences[ctx.next];
    if (sentence.start >= paragraph.end) break;
    const start = Math.max(sentence.start, pos);
    const end = Math.min(sentence.end, paragraph.end);
    if (end <= start) continue;
    if (start > pos) appendInline(doc, block, text, pos, start, ctx.marks, ctx.entities);
    const span = el(doc, 'span', 'sentence');
    span.dataset.index = String(ctx.indexOf.get(sentence));
    const bp = boilerplateOf(ctx.boilerplate, start, end);
    if (bp) markBoilerplate(span, bp);
    appendInline(doc, span, text, start, end, ctx.marks, ctx.entities);
    block.append(span);
    pos = end;
    if (sentence.end > paragraph.end) break;
  }
  if (pos < paragraph.end) appendInline(doc, block, text, pos, paragraph.end, ctx.marks, ctx.entities);
}

/** The paragraphs to render: the analysis's, or the whole text as one. */
function paragraphsOf(analysis, text) {
  const paragraphs = sorted(analysis.paragraphs);
  if (paragraphs.length || !text.trim()) return paragraphs;
  return [{ start: 0, end: text.length }];
}

/**
 * Builds the article: a header (kicker, title, meta line) and a body of
 * paragraphs and subheadings. When the first paragraph is the headline it
 * becomes the <h1> (its sentence spans kept), so no sentence is lost.
 *
 * @param {object} analysis  one `DocumentAnalysis`
 * @param {string} text      the text that was analysed
 * @param {object} [opts]    `entities` (Analysis.entities), `document`,
 *                           `meta` (extra strings for the meta line), `lang`
 * @returns {HTMLElement}    an <article class="article">
 */
export function renderArticle(analysis, text, opts = {}) {
  const doc = opts.document ?? globalThis.document;
  const title = documentTitle(analysis, text);
  const article = el(doc, 'article', 'article');
  article.dataset.document = analysis.id;
  if (opts.lang) article.setAttribute('lang', opts.lang);

  const header = el(doc, 'header', 'article-header');
  if (analysis.source) header.append(el(doc, 'p', 'kicker', squish(analysis.source)));
  const h1 = el(doc, 'h1', 'article-title');
  h1.id = `title-${analysis.id}`.replace(/[^\w-]/g, '_');
  article.setAttribute('aria-labelledby', h1.id);
  header.append(h1);
  header.append(renderMeta(doc, analysis, text, opts.meta ?? []));
  article.append(header);

  const body = el(doc, 'div', 'article-body');
  const sentences = sorted(analysis.sentences);
  const ctx = {
    sentences,
    next: 0,
    indexOf: new Map((analysis.sentences ?? []).map((s, i) => [s, i])),
    marks: { mentions: sorted(analysis.mentions), timexes: sorted(analysis.timexes) },
    entities: new Map((opts.entities ?? []).map((e) => [e.id, e])),
    boilerplate: sorted(analysis.boilerplate),
  };
  const paragraphs = paragraphsOf(analysis, text);
  paragraphs.forEach((paragraph, i) => {
    const line = text.slice(paragraph.start, paragraph.end);
    const isTitle = i === 0 && Boolean(analysis.title) && squish(line) === title;
    const heading = !isTitle && isHeading(line);
    const block = isTitle ? h1 : el(doc, heading ? 'h2' : 'p', heading ? 'subheading' : 'paragraph');
    fillParagraph(doc, block, text, paragraph, ctx);
    const bp = boilerplateOf(ctx.boilerplate, paragraph.start, paragraph.end);
    if (bp && !isTitle) markBoilerplate(block, bp);
    if (!isTitle) body.append(block);
  });
  if (!h1.firstChild) h1.textContent = title;
  if (!body.firstChild) body.append(el(doc, 'p', 'empty-note', 'This article has no text to show.'));
  article.append(body);
  return article;
}

/** The meta line under the title: date, counts, reading time, extras. */
function renderMeta(doc, analysis, text, extra) {
  const meta = el(doc, 'p', 'article-meta');
  const items = [];
  const dct = analysis.dct ?? {};
  if (dct.value) {
    const date = el(doc, 'time', 'dct', formatDate(dct.value));
    if (/^\d{4}(-\d{2}){0,2}$/.test(dct.value)) date.setAttribute('datetime', dct.value);
    const inferred = dct.basis === 'inferred' || dct.basis === 'corpus';
    date.title = dct.basis === 'inferred' ? 'Publication date inferred from the text'
      : dct.basis === 'corpus' ? 'Publication date inferred from the events other articles date' : 'Publication date';
    if (inferred) date.append(' ', el(doc, 'span', 'dct-basis', '(inferred)'));
    items.push(date);
  } else {
    items.push(el(doc, 'span', 'dct dct-unknown', 'Date unknown'));
  }
  const words = (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).length;
  const count = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  items.push(count(analysis.paragraphs?.length ?? 0, 'paragraph', 'paragraphs'));
  items.push(count(analysis.sentences?.length ?? 0, 'sentence', 'sentences'));
  items.push(`${Math.max(1, Math.round(words / 230))} min read`);
  items.push(...extra);
  items.forEach((item, i) => {
    if (i) meta.append(' ', el(doc, 'span', 'sep', '·'), ' ');
    meta.append(typeof item === 'string' ? el(doc, 'span', '', item) : item);
  });
  return meta;
}

/** Counts of mention types in a document, in legend order. */
export function mentionTypes(analysis) {
  const counts = new Map();
  for (const m of analysis.mentions ?? []) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  const order = Object.keys(ENTITY_TYPES);
  return [...counts].sort((a, b) => {
    const ia = order.indexOf(a[0]);
    const ib = order.indexOf(b[0]);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
}

/**
 * The legend of the highlights in a document: one item per mention type
 * present, plus dates when there are timexes, each a toggle button
 * (`data-highlight`: the type, or "timex"; `aria-pressed` true: shown)
 * with its count, for the caller to wire. Null when there is nothing.
 */
export function renderLegend(analysis, opts = {}) {
  const doc = opts.document ?? globalThis.document;
  const types = mentionTypes(analysis);
  const timexes = analysis.timexes?.length ?? 0;
  if (!types.length && !timexes) return null;
  const list = el(doc, 'ul', 'legend');
  list.setAttribute('aria-label', 'Highlights: press a type to show or hide it');
  const item = (key, label, n, swatch, className = 'legend-item') => {
    const li = el(doc, 'li', className);
    const button = el(doc, 'button', 'legend-toggle');
    button.type = 'button';
    button.dataset.highlight = key;
    button.setAttribute('aria-pressed', 'true');
    button.append(el(doc, 'span', swatch), el(doc, 'span', 'legend-label', label), el(doc, 'span', 'legend-count', String(n)));
    li.append(button);
    return li;
  };
  for (const [type, n] of types) {
    const li = item(type, ENTITY_TYPES[type] ?? type, n, 'swatch mention');
    li.dataset.type = type;
    list.append(li);
  }
  if (timexes) list.append(item('timex', 'Date or time', timexes, 'swatch timex', 'legend-item legend-timex'));
  return list;
}

/**
 * The entities named in one document (or all when `documentId` is null),
 * most mentioned first, each a toggle button (`data-entity`,
 * `aria-pressed`) for the caller to handle. Null when there are none.
 */
export function renderEntities(entities, documentId, opts = {}) {
  const doc = opts.document ?? globalThis.document;
  const limit = opts.limit ?? 24;
  const shown = (entities ?? [])
    .filter((e) => documentId == null || (e.documents ?? []).includes(documentId))
    .sort((a, b) => (b.mentions ?? 0) - (a.mentions ?? 0) || a.name.localeCompare(b.name))
    .slice(0, limit);
  if (!shown.length) return null;
  const list = el(doc, 'ul', 'entity-list');
  for (const entity of shown) {
    const item = el(doc, 'li', 'entity');
    item.dataset.type = entity.type;
    item.dataset.entity = entity.id;
    item.title = [ENTITY_TYPES[entity.type] ?? entity.type, ...(entity.aliases?.length ? [`also ${entity.aliases.join(', ')}`] : [])]
      .join(' · ');
    const button = el(doc, 'button', 'entity-button');
    button.type = 'button';
    button.dataset.entity = entity.id;
    button.setAttribute('aria-pressed', 'false');
    button.append(el(doc, 'span', 'swatch mention'), el(doc, 'span', 'entity-name', entity.name),
      el(doc, 'span', 'entity-count', String(entity.mentions ?? 0)));
    item.append(button);
    list.append(item);
  }
  return list;
}

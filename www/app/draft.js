// Readable drafts while a large analysis runs: the articles' titles in the
// list and the text of the chosen one, plain (textContent only), until the
// analysis lands with the highlights.

import { squish, truncate } from '../render.js';

/** A title for an input not analysed yet: its own title, else its first line. */
export function draftTitle(input) {
  if (input.title?.trim()) return squish(input.title);
  const text = input.text ?? '';
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line ? truncate(squish(line), 90) : 'Untitled article';
}

/** Shows `input`'s text in `pane` as plain paragraphs, marked as a draft (aria-busy). */
export function showDraftArticle(pane, input) {
  const article = document.createElement('article');
  article.className = 'article is-draft';
  article.dataset.document = input.id;
  const header = document.createElement('header');
  header.className = 'article-header';
  const h1 = document.createElement('h1');
  h1.className = 'article-title';
  h1.textContent = draftTitle(input);
  const note = document.createElement('p');
  note.className = 'draft-note';
  note.textContent = 'Analysing: names and dates are highlighted when the analysis is done.';
  header.append(h1, note);
  const body = document.createElement('div');
  body.className = 'article-body';
  const text = input.text ?? '';
  for (const block of text.split(/\n\s*\n/)) {
    if (!block.trim()) continue;
    const p = document.createElement('p');
    p.textContent = block.trim();
    body.append(p);
  }
  article.append(header, body);
  pane.setAttribute('aria-busy', 'true');
  pane.replaceChildren(article);
  return article;
}

// The text and display title of each article of an analysed story: the
// input's text, or for an HTML input the text the core extracted.

import { documentTitle } from '../render.js';

/** The text every offset of `doc` is into: `doc.text` (HTML input) or the input's text. */
export function articleText(input, doc) {
  return doc?.text ?? input?.text ?? '';
}

/** Display titles of the story's articles, by id (`inputs` and `analysis.documents` in the same order). */
export function articleTitles(inputs, analysis) {
  return new Map(analysis.documents.map((doc, i) => [doc.id, documentTitle(doc, articleText(inputs[i], doc))]));
}

// Article files the reader opens or drops: plain text (.txt), Markdown
// (.md, turned into text paragraphs) and web pages (.html, given to the
// core as `html`, which extracts the article, its title, date and site;
// nothing in the page is ever rendered or run). `.json` files are
// workspace exports, imported instead (see workspace.js).

import { makeInput, uniqueId } from './corpus.js';
import { markdownToText } from './markdown.js';

/** The kinds of article file, by extension. */
const KINDS = [
  { kind: 'text', pattern: /\.(txt|text)$/i },
  { kind: 'markdown', pattern: /\.(md|markdown)$/i },
  { kind: 'html', pattern: /\.(html?|xhtml)$/i },
  { kind: 'workspace', pattern: /\.json$/i },
];

/** What a file is: 'text', 'markdown', 'html', 'workspace' or null, by its name, else its type. */
export function fileKind(file) {
  const byName = KINDS.find(({ pattern }) => pattern.test(file.name ?? ''));
  if (byName) return byName.kind;
  return { 'text/plain': 'text', 'text/markdown': 'markdown', 'text/html': 'html', 'application/json': 'workspace' }[file.type] ?? null;
}

/** The file name without its extension. */
const stem = (name) => name.replace(/\.[^.]+$/, '');

/**
 * DocInputs for article files (`.txt`, `.md`, `.html`): ids from the file
 * names, unique among `taken`. Text and Markdown files get the file name
 * as source; web pages keep their own site name. Throws an Error naming
 * the file for an unsupported or empty one.
 */
export async function readArticleFiles(files, taken) {
  const names = new Set(taken);
  const inputs = [];
  for (const file of files) {
    const kind = fileKind(file);
    if (!kind || kind === 'workspace') {
      throw new Error(`“${file.name}” is not an article file: open .txt, .md or .html files (or a .json workspace export with Import).`);
    }
    const content = await file.text();
    if (!content.trim()) throw new Error(`“${file.name}” is empty.`);
    let input;
    if (kind === 'html') {
      input = { id: uniqueId(stem(file.name), names), html: content };
    } else if (kind === 'markdown') {
      const { text, title } = markdownToText(content);
      if (!text.trim()) throw new Error(`“${file.name}” has no text besides markup.`);
      input = makeInput({ text, title: title ?? '', source: file.name, id: stem(file.name) }, names);
    } else {
      input = makeInput({ text: content, source: file.name, id: stem(file.name) }, names);
    }
    names.add(input.id);
    inputs.push(input);
  }
  return inputs;
}

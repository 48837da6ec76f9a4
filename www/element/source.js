// Where a <dateline-view> gets its articles: the element's own light DOM
// (text, or markup such as <h1> and <p>), or the `src` URL the host page
// gave (a text or HTML article, or a workspace JSON file).

import { readWorkspace } from '../app/workspace-format.js';

/**
 * The article written inside the element, as a DocInput: its markup as
 * `html` when it has child elements (paragraphs survive), else its text
 * with the common indentation removed. Null when there is no text.
 */
export function lightDomInput(host) {
  if (!host.textContent.trim()) return null;
  if (host.children.length) return { html: host.innerHTML };
  return { text: dedent(host.textContent) };
}

/** Text without the indentation all its lines share and without blank lines around it. */
export function dedent(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indents = lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => (line.trim() ? line.slice(cut) : '')).join('\n');
}

/** A failure to get the articles, with a message for the reader. */
export class SourceError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'SourceError';
  }
}

/**
 * Fetches `src` (resolved against `base`) and reads it by its media type or
 * extension: a workspace (`.json`, application/json) gives
 * `{story, inputs, analysis, workspace: true}`; HTML (`.html`, text/html)
 * or anything else (plain text) gives one article (`workspace: false`). Throws a SourceError on a bad URL, a
 * failed request, an HTTP error, an empty article or a bad workspace.
 */
export async function fetchSource(src, base, signal) {
  let url;
  try {
    url = new URL(src, base);
  } catch (cause) {
    throw new SourceError(`src "${src}" is not a valid URL`, { cause });
  }
  let response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (cause) {
    if (cause?.name === 'AbortError') throw cause;
    throw new SourceError(`could not load src "${src}": ${cause?.message ?? cause}`, { cause });
  }
  if (!response.ok) throw new SourceError(`could not load src "${src}": HTTP ${response.status} ${response.statusText}`.trim());
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  const path = url.pathname.toLowerCase();
  const body = await response.text();
  if (type.includes('json') || path.endsWith('.json')) {
    let data;
    try {
      data = JSON.parse(body);
    } catch (cause) {
      throw new SourceError(`src "${src}" is not valid JSON: ${cause.message}`, { cause });
    }
    let workspace;
    try {
      workspace = readWorkspace(data);
    } catch (cause) {
      throw new SourceError(`src "${src}": ${cause.message}`, { cause });
    }
    if (!workspace.inputs.length) throw new SourceError(`src "${src}": the workspace has no articles`);
    return { ...workspace, workspace: true };
  }
  if (!body.trim()) throw new SourceError(`src "${src}" is empty`);
  const isHtml = type.includes('html') || /\.x?html?$/.test(path);
  return { story: '', inputs: [isHtml ? { html: body } : { text: body }], analysis: null, workspace: false };
}

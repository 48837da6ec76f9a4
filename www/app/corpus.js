// The documents the page analyses: the demo corpus embedded by the build
// (a <script type="application/json" id="demo-corpus">) and the articles
// the reader adds. Produces DocInput objects for `analyze`.

/** Reads the embedded demo corpus: `{story, documents: DocInput[]}`. */
export function readEmbeddedCorpus(doc = document) {
  const node = doc.getElementById('demo-corpus');
  if (!node) return { story: '', documents: [] };
  const corpus = JSON.parse(node.textContent);
  return {
    story: typeof corpus.story === 'string' ? corpus.story : '',
    documents: (corpus.documents ?? []).map(({ id, source, text, title, published }) => ({
      id: String(id), text: String(text ?? ''),
      ...(source ? { source } : {}), ...(title ? { title } : {}), ...(published ? { published } : {}),
    })),
  };
}

/** `base` made into an id no document in `taken` has: "base", "base-2", … */
export function uniqueId(base, taken) {
  const stem = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'article';
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  return id;
}

/**
 * A DocInput for text the reader added. Empty optional fields are left
 * out, so the core infers them; an empty text is refused here with a
 * message, since there would be nothing to show.
 */
export function makeInput({ text, title, published, source, id }, taken) {
  if (!text || !text.trim()) throw new Error('There is no text to analyse: paste an article or open a .txt, .md or .html file.');
  const input = { id: uniqueId(id || title || 'article', taken), text };
  if (title?.trim()) input.title = title.trim();
  if (published?.trim()) input.published = published.trim();
  if (source?.trim()) input.source = source.trim();
  return input;
}

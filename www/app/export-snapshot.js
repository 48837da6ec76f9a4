// A standalone, read-only HTML file of the story: its chronology and its
// articles, in one file that needs no script and fetches nothing (a strict
// CSP meta says so). Built as a string: every piece of user text goes
// through `escapeHtml`, so the file's only markup is ours.

import { escapeHtml } from './export-timeline.js';
import { formatEventDate } from './timeline-model.js';
import { formatDate } from '../render.js';
import { articleText, articleTitles } from './story-text.js';

/** The snapshot's Content-Security-Policy: inline styles, nothing else. */
export const SNAPSHOT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
body { font: 16px/1.55 Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; background: #fff; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
header p, .meta, .when, .sources { font: 14px/1.5 system-ui, sans-serif; color: #555; }
ol.chronology { padding-left: 0; list-style: none; }
ol.chronology li { margin: 0 0 .8rem; padding-left: .8rem; border-left: 3px solid #c9d7ee; }
.when { display: block; font-weight: 600; color: #234; }
article { border-top: 1px solid #ddd; margin-top: 2rem; }
.text p { white-space: pre-wrap; }
@media (prefers-color-scheme: dark) { body { background: #141414; color: #e8e8e8; } header p, .meta, .sources { color: #aaa; } .when { color: #c9d7ee; } }
`;

/** The paragraphs of an article's text: the analysis's, else the text split at blank lines. */
function paragraphs(text, doc) {
  const ranges = (doc.paragraphs ?? []).filter((p) => p.end > p.start);
  if (ranges.length) return ranges.map((p) => text.slice(p.start, p.end));
  return text.split(/\n\s*\n/).filter((p) => p.trim());
}

/** An anchor id for an article: its position, so no user text goes into attributes. */
const anchor = (i) => `article-${i + 1}`;

/**
 * The snapshot page: `story`'s name, when it was made, the chronology
 * (date label, summary, links to the reporting articles) and every
 * article (title, source, date, text), all user text escaped.
 */
export function snapshotHtml({ story, inputs, analysis, exported = new Date() }) {
  const titles = articleTitles(inputs, analysis);
  const position = new Map(analysis.documents.map((doc, i) => [doc.id, i]));
  const name = story || 'Dateline story';
  const out = [];
  out.push('<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Dateline">',
    `<title>${escapeHtml(name)} · Dateline snapshot</title>`, `<style>${STYLE}</style>`, '</head>', '<body>');
  const count = inputs.length;
  out.push('<header>', `<h1>${escapeHtml(name)}</h1>`,
    `<p>${count} ${count === 1 ? 'article' : 'articles'}, ${analysis.timeline.length} dated events. Snapshot made with Dateline on ${escapeHtml(exported.toISOString().slice(0, 10))}.</p>`,
    '</header>');

  out.push('<section aria-labelledby="chronology">', '<h2 id="chronology">Chronology</h2>');
  if (!analysis.timeline.length) out.push('<p>No dated events.</p>');
  else {
    out.push('<ol class="chronology">');
    for (const event of analysis.timeline) {
      const reported = [...new Set(event.sources.map((s) => s.document))].filter((id) => position.has(id));
      const links = reported.map((id) => `<a href="#${anchor(position.get(id))}">${escapeHtml(titles.get(id))}</a>`);
      out.push(`<li><span class="when">${escapeHtml(formatEventDate(event.date))}</span>${escapeHtml(event.summary)}`
        + (links.length ? `<br><span class="sources">Reported in ${links.join('; ')}</span>` : '') + '</li>');
    }
    out.push('</ol>');
  }
  out.push('</section>');

  out.push('<section aria-labelledby="articles">', '<h2 id="articles">Articles</h2>');
  analysis.documents.forEach((doc, i) => {
    const text = articleText(inputs[i], doc);
    const meta = [doc.source ?? inputs[i].source, doc.dct?.value ? formatDate(doc.dct.value) : null].filter(Boolean);
    out.push(`<article id="${anchor(i)}">`, `<h3>${i + 1}. ${escapeHtml(titles.get(doc.id))}</h3>`);
    if (meta.length) out.push(`<p class="meta">${meta.map(escapeHtml).join(' · ')}</p>`);
    out.push('<div class="text">', ...paragraphs(text, doc).map((p) => `<p>${escapeHtml(p)}</p>`), '</div>', '</article>');
  });
  out.push('</section>', '</body>', '</html>', '');
  return out.join('\n');
}

// Markdown articles as plain text: paragraphs separated by blank lines,
// headings on lines of their own, links as their text, images, HTML and
// code fences' markup dropped (raw HTML is never passed through). Parsed
// with mdast-util-from-markdown (CommonMark).

import { fromMarkdown } from 'mdast-util-from-markdown';

/** The text of inline content: text, code, links and emphasis as their words; HTML and images dropped. */
function inlineText(node) {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'html':
    case 'image':
    case 'imageReference':
      return '';
    default:
      return (node.children ?? []).map(inlineText).join('');
  }
}

/** The text blocks of block content, in order (one string per paragraph or heading). */
function blocks(node, out) {
  switch (node.type) {
    case 'heading':
    case 'paragraph': {
      const text = inlineText(node).trim();
      if (text) out.push(text);
      break;
    }
    case 'code':
      if (node.value.trim()) out.push(node.value);
      break;
    case 'html':
    case 'thematicBreak':
    case 'definition':
      break;
    default:
      for (const child of node.children ?? []) blocks(child, out);
  }
  return out;
}

/**
 * `markdown` as an article: `{text, title}`. When the document opens with
 * a level-1 heading, that heading is the title (and not repeated in the
 * text); otherwise `title` is null.
 */
export function markdownToText(markdown) {
  const tree = fromMarkdown(markdown);
  let children = tree.children.filter((node) => node.type !== 'html' && node.type !== 'definition');
  let title = null;
  const first = children[0];
  if (first?.type === 'heading' && first.depth === 1) {
    title = inlineText(first).replace(/\s+/g, ' ').trim() || null;
    if (title) children = children.slice(1);
  }
  const text = children.flatMap((node) => blocks(node, [])).join('\n\n');
  return { text, title };
}

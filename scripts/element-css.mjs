// The stylesheet of <dateline-view>'s shadow root, built from the page's
// www/style.css and www/element/element.css: the page's colour variables
// move from :root to :host, each readable from a public `--dateline-NAME`
// property the host page may set, and the dark set applies with
// theme="dark", or with theme="auto" (or none) when the system is dark;
// the page's width queries become container queries on the element's frame.

/** The `{ ... }` block that opens at `open` (the index of its "{"): [inner text, index after "}"]. */
function block(css, open) {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return [css.slice(open + 1, i), i + 1];
  }
  throw new Error('element css: unbalanced braces in www/style.css');
}

/** The custom properties declared in a block: [[name, value], ...]. */
function variables(body) {
  const out = [];
  for (const m of body.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out.push([m[1], m[2].trim()]);
  return out;
}

/** Declarations that read each variable from its public `--dateline-` name, with the page's value as default. */
function declarations(vars) {
  return vars.map(([name, value]) => `  ${name}: var(--dateline-${name.slice(2)}, ${value});`).join('\n');
}

/**
 * `css` with its viewport width queries (`@media (max-width: 700px)`) made
 * container queries, so that inside the element they follow the element's
 * frame (`.dv-frame`, an inline-size container), not the window.
 */
export function widthQueriesOnContainer(css) {
  return css.replace(/@media\s*(\((?:max|min)-width:\s*[\d.]+(?:px|rem|em)\))\s*\{/g, '@container $1 {');
}

/**
 * The shadow root's CSS from the page's CSS and the element's own. Throws
 * when the page's CSS lacks the light `:root` block or the dark one inside
 * `@media (prefers-color-scheme: dark)`, so a change there cannot silently
 * leave the element uncoloured.
 */
export function shadowCss(pageCss, elementCss) {
  const lightAt = pageCss.search(/^:root\s*\{/m);
  if (lightAt < 0) throw new Error('element css: www/style.css has no top-level `:root {` block');
  const [lightBody, lightEnd] = block(pageCss, pageCss.indexOf('{', lightAt));
  const darkAt = pageCss.search(/^@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{/m);
  if (darkAt < 0) throw new Error('element css: www/style.css has no `@media (prefers-color-scheme: dark) { :root {` block');
  const [darkMedia, darkEnd] = block(pageCss, pageCss.indexOf('{', darkAt));
  const [darkBody] = block(darkMedia, darkMedia.indexOf('{'));
  const light = variables(lightBody);
  const dark = variables(darkBody);
  if (!light.length || !dark.length) throw new Error('element css: no colour variables found in www/style.css');
  const rest = darkAt > lightAt
    ? pageCss.slice(0, lightAt) + pageCss.slice(lightEnd, darkAt) + pageCss.slice(darkEnd)
    : pageCss.slice(0, darkAt) + pageCss.slice(darkEnd, lightAt) + pageCss.slice(lightEnd);
  return [
    '/* Colours and fonts: the page\'s, each overridable by the host page as --dateline-NAME. */',
    `:host {\n  color-scheme: light dark;\n${declarations(light)}\n}`,
    ':host([theme="light"]) { color-scheme: light; }',
    `:host([theme="dark"]) {\n  color-scheme: dark;\n${declarations(dark)}\n}`,
    `@media (prefers-color-scheme: dark) {\n:host(:not([theme="light"])) {\n${declarations(dark)}\n}\n}`,
    '/* The page\'s styles (www/style.css), its width queries on the element\'s own width. */',
    widthQueriesOnContainer(rest),
    '/* The element\'s own (www/element/element.css). */',
    elementCss,
  ].join('\n');
}

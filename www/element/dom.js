// One DOM helper for the element's modules.

/** A new `tag` element with `className`, attributes `attrs` and, when given, `text` as its text. */
export function el(tag, className, attrs = {}, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

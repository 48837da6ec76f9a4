// The example page's one script of its own: it shows the last dateline-select.
const output = document.getElementById('selection');
document.addEventListener('dateline-select', (event) => {
  const { kind, id, document: article } = event.detail;
  const name = kind === 'event' ? event.detail.event.summary : event.detail.entity?.name ?? id;
  output.textContent = `${kind} “${name}” in article ${article}`;
});
document.addEventListener('dateline-error', (event) => {
  output.textContent = `error: ${event.detail.message}`;
});

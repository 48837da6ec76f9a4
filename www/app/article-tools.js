// The per-article tools of the article list: "Edit" (an inline form for
// the title, publication date and source, the date checked as YYYY-MM-DD)
// and "Remove". They show under the selected article, or the one that has
// the keyboard focus or the pointer.

import { dayError } from './workspace-format.js';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A labelled text field of the edit form. */
function field(id, label, value, hint) {
  const wrap = el('div', 'field');
  const labelNode = el('label', null, label);
  labelNode.htmlFor = id;
  if (hint) labelNode.append(' ', el('span', 'optional', hint));
  const input = el('input');
  input.id = id;
  input.type = 'text';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.value = value ?? '';
  wrap.append(labelNode, input);
  return { wrap, input };
}

/**
 * The list decorator: `decorate(li, item)` adds the tools to one list
 * entry. `inputOf(id)` gives the article's DocInput; `save(id, {title,
 * published, source})` re-analyses with the new fields (and throws on an
 * error, which the form shows); `remove(id)` removes the article.
 */
export function articleTools({ inputOf, save, remove }) {
  /** Replaces the tools with the edit form for the article. */
  function openForm(li, item, tools) {
    const input = inputOf(item.id);
    if (!input) return;
    const key = item.id.replace(/[^\w-]/g, '_');
    const form = el('form', 'doc-edit');
    form.noValidate = true;
    form.setAttribute('aria-label', `Edit “${item.title}”`);
    const title = field(`edit-title-${key}`, 'Title', input.title, 'empty: from the text');
    title.input.placeholder = item.title;
    const published = field(`edit-published-${key}`, 'Published', input.published, 'YYYY-MM-DD, empty: inferred');
    published.input.inputMode = 'numeric';
    published.input.placeholder = '2021-10-21';
    const source = field(`edit-source-${key}`, 'Source', input.source, 'optional');
    const error = el('p', 'form-error');
    error.id = `edit-error-${key}`;
    error.setAttribute('role', 'alert');
    error.hidden = true;
    published.input.setAttribute('aria-describedby', error.id);
    const actions = el('div', 'form-actions');
    const saveButton = el('button', 'button primary small', 'Save');
    saveButton.type = 'submit';
    const cancel = el('button', 'button secondary small', 'Cancel');
    cancel.type = 'button';
    actions.append(saveButton, cancel);
    form.append(title.wrap, published.wrap, source.wrap, error, actions);

    const close = () => {
      form.replaceWith(tools);
      li.querySelector('button.doc-card')?.focus();
    };
    const fail = (message, focus) => {
      error.textContent = message;
      error.hidden = false;
      focus?.setAttribute('aria-invalid', 'true');
      focus?.focus();
    };
    cancel.addEventListener('click', close);
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const day = published.input.value.trim();
      const problem = day ? dayError(day) : null;
      if (problem) return fail(`Publication date: ${problem}`, published.input);
      saveButton.disabled = true;
      try {
        await save(item.id, { title: title.input.value.trim(), published: day, source: source.input.value.trim() });
      } catch (e) {
        saveButton.disabled = false;
        fail(`Could not save: ${String(e?.message ?? e).replace(/^analyze:\s*/, '')}`);
      }
    });
    tools.replaceWith(form);
    title.input.focus();
  }

  return function decorate(li, item) {
    const tools = el('div', 'doc-tools');
    tools.setAttribute('role', 'group');
    tools.setAttribute('aria-label', `Article ${item.number}`);
    const edit = el('button', 'doc-tool', 'Edit');
    edit.type = 'button';
    edit.setAttribute('aria-label', `Edit the title and date of “${item.title}”`);
    edit.addEventListener('click', () => openForm(li, item, tools));
    const removeButton = el('button', 'doc-tool', 'Remove');
    removeButton.type = 'button';
    removeButton.setAttribute('aria-label', `Remove “${item.title}”`);
    removeButton.addEventListener('click', () => remove(item.id));
    tools.append(edit, removeButton);
    li.append(tools);
  };
}

// Folding the boilerplate of the shown article: each run of boilerplate
// blocks of one kind (a byline, an author bio, a newsletter prompt, the
// comments…) gets a one-line toggle ("Author bio — hide"; folded: "Author
// bio · Dmitri Trenin is… — show"), and "Hide boilerplate" folds them all.
// Boilerplate sentences inside article paragraphs stay in place, dimmed.
// The text is moved, never copied or dropped.

import { squish, truncate } from '../render.js';

const STORAGE_KEY = 'dateline.hideBoilerplate';

/** Whether an earlier visit chose to hide boilerplate (false when unknown). */
export function loadHideBoilerplate(storage = globalThis.localStorage) {
  try {
    return storage?.getItem(STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}

/** Saves the "Hide boilerplate" choice; a browser that refuses storage just forgets it. */
export function saveHideBoilerplate(on, storage = globalThis.localStorage) {
  try {
    storage?.setItem(STORAGE_KEY, String(on));
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

/** Folds or unfolds one group, updating its toggle line. */
export function setFolded(group, folded) {
  const button = group.querySelector(':scope > .bp-toggle');
  const body = group.querySelector(':scope > .bp-body');
  button.setAttribute('aria-expanded', String(!folded));
  button.querySelector('.bp-action').textContent = folded ? '— show' : '— hide';
  body.hidden = folded;
}

/** Folds or unfolds every boilerplate group of `article`. */
export function setAllFolded(article, folded) {
  for (const group of article.querySelectorAll('.bp-group')) setFolded(group, folded);
}

/**
 * Wraps each run of same-kind boilerplate blocks of `article`'s body in a
 * group with a toggle line, folded when `folded`. `onChange()` is called
 * after a group is folded or unfolded. Returns the number of groups.
 */
export function foldBoilerplate(article, { folded = false, onChange } = {}) {
  const body = article.querySelector('.article-body');
  if (!body) return 0;
  const idBase = `bp-${article.dataset.document ?? 'doc'}`.replace(/[^\w-]/g, '_');
  let count = 0;
  let group = null;
  for (const block of [...body.children]) {
    const kind = block.classList.contains('boilerplate') ? block.dataset.boilerplate : null;
    if (!kind) {
      group = null;
      continue;
    }
    if (!group || group.dataset.boilerplate !== kind) {
      group = newGroup(block, `${idBase}-${count++}`);
      block.before(group);
    }
    group.querySelector('.bp-body').append(block);
  }
  for (const g of body.querySelectorAll('.bp-group')) {
    g.querySelector('.bp-preview').textContent = `· ${truncate(squish(g.querySelector('.bp-body').textContent), 90)}`;
    setFolded(g, folded);
    g.querySelector('.bp-toggle').addEventListener('click', () => {
      setFolded(g, g.querySelector('.bp-body').hidden === false);
      onChange?.();
    });
  }
  return count;
}

/** An empty group for the kind of `block`: its toggle line and a body for the blocks. */
function newGroup(block, id) {
  const group = document.createElement('div');
  group.className = 'bp-group';
  group.dataset.boilerplate = block.dataset.boilerplate;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'bp-toggle';
  button.setAttribute('aria-controls', id);
  const label = document.createElement('span');
  label.className = 'bp-label';
  label.textContent = block.dataset.boilerplateLabel ?? 'Boilerplate';
  const preview = document.createElement('span');
  preview.className = 'bp-preview';
  const action = document.createElement('span');
  action.className = 'bp-action';
  button.append(label, preview, action);
  const content = document.createElement('div');
  content.className = 'bp-body';
  content.id = id;
  group.append(button, content);
  return group;
}

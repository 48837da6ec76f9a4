// Shared by the browser tests: Debian Chromium launched for a closed
// network, and pages opened with the guard that no request leaves the
// allowed files and nothing logs an error (the offline page from file://
// by default).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const pageFile = join(root, 'dist', 'index.html');
export const results = join(root, 'test-results');
export const pageUrl = pathToFileURL(pageFile).href;

export const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Launches Chromium, after checking the page is built. */
export async function launch() {
  if (!existsSync(pageFile)) {
    throw new Error(`${pageFile} is missing: run \`npm run build\` (node scripts/build.mjs) before the browser tests`);
  }
  mkdirSync(results, { recursive: true });
  return chromium.launch(LAUNCH);
}

/** Whether a request stays in the page: the page itself, data: and blob: URLs. */
export const allowed = (target) => target.split('#')[0] === pageUrl || /^(data|blob):/.test(target);

/**
 * Guards a browser context: requests that `allowed` rejects are aborted
 * and recorded in `foreign`; console errors and page errors of every page
 * the context opens are recorded in `problems`.
 */
export async function guardContext(context, allowed) {
  const foreign = [];
  const problems = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (allowed(target)) return route.continue();
    foreign.push(target);
    return route.abort();
  });
  context.on('page', (page) => {
    page.on('request', (request) => {
      if (!allowed(request.url()) && !foreign.includes(request.url())) foreign.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  });
  return { foreign, problems };
}

/** Waits until the page has started (`body[data-ready]`), failing on a start-up error. */
export async function waitReady(page) {
  await page.waitForSelector('body[data-ready="true"], .pane-message.error', { timeout: 15_000 });
  assert.equal(await page.locator('.pane-message.error').count(), 0, 'the page shows a start-up error');
}

/**
 * Opens `target` in a fresh guarded context (see guardContext) and, unless
 * `ready` is false, waits until the page has started; runs `fn(page,
 * context)`, then asserts that no request left the allowed files and no
 * console or page error happened.
 */
export async function guardedPage(browser, target, allowed, fn, {
  viewport = DESKTOP, colorScheme = 'light', media = 'screen', ready = true, touch = false,
} = {}) {
  const context = await browser.newContext({ viewport, colorScheme, ...(touch ? { hasTouch: true, isMobile: true } : {}) });
  const { foreign, problems } = await guardContext(context, allowed);
  try {
    const page = await context.newPage();
    await page.emulateMedia({ media, colorScheme });
    await page.goto(target);
    if (ready) {
      await waitReady(page);
      assert.deepEqual(problems, [], 'the page started with errors');
    }
    await fn(page, context);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'console or page errors');
  assert.deepEqual(foreign, [], 'requests left the page\'s own files');
}

/** Opens the page from file:// (see guardedPage): only the page itself, data: and blob: URLs may load. */
export function withPage(browser, fn, options) {
  return guardedPage(browser, pageUrl, allowed, fn, options);
}

/** The article list, in order: `{id, title, source, meta, current}`. */
export function cards(page) {
  return page.$$eval('#doc-list button.doc-card', (buttons) => buttons.map((b) => ({
    id: b.dataset.document,
    title: b.querySelector('.doc-title').textContent,
    source: b.querySelector('.doc-source').textContent,
    meta: b.querySelector('.doc-meta').textContent,
    current: b.getAttribute('aria-current') === 'true',
  })));
}

/** Adds `articles` ({name, text}) through the page's file picker and waits until they are analysed. */
export async function addFiles(page, articles) {
  await page.setInputFiles('#file-input', articles.map(({ name, text }) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) })));
  await page.waitForSelector('#add-form:not([aria-busy])', { timeout: 120_000 });
}

// Shared by the worker and accessibility tests: Debian Chromium launched as
// in page.test.mjs, and the offline page opened from file:// with the guard
// that no request leaves the page's own files and nothing logs an error.

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
const allowed = (target) => target.split('#')[0] === pageUrl || /^(data|blob):/.test(target);

/**
 * Opens the page from file:// in a fresh context and waits until it is
 * ready; runs `fn(page)`, then asserts no request left the page's files
 * and no console or page error happened.
 */
export async function withPage(browser, fn, { viewport = DESKTOP, colorScheme = 'light', media = 'screen' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  const foreign = [];
  const problems = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (allowed(target)) return route.continue();
    foreign.push(target);
    return route.abort();
  });
  const page = await context.newPage();
  await page.emulateMedia({ media, colorScheme });
  page.on('request', (request) => {
    if (!allowed(request.url()) && !foreign.includes(request.url())) foreign.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  try {
    await page.goto(pageUrl);
    await page.waitForSelector('body[data-ready="true"], .pane-message.error', { timeout: 15_000 });
    assert.equal(await page.locator('.pane-message.error').count(), 0, 'the page shows a start-up error');
    await fn(page);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'console or page errors');
  assert.deepEqual(foreign, [], 'requests left the page\'s own files');
}

/** Adds `articles` ({name, text}) through the page's file picker and waits until they are analysed. */
export async function addFiles(page, articles) {
  await page.setInputFiles('#file-input', articles.map(({ name, text }) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) })));
  await page.waitForSelector('#add-form:not([aria-busy])', { timeout: 120_000 });
}

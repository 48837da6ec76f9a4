// The page's analysis runs in a Web Worker: the page keeps drawing frames
// while a large corpus is analysed, shows a progress bar and the articles'
// text as a draft meanwhile, and still fetches nothing from file://.
//
// Builds nothing: run `npm run build` first.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addFiles, guardContext, launch, root, waitReady, withPage } from './offline-page.mjs';
import { pageArticles } from '../../benches/page-corpus.mjs';
import { decodeDataBlock } from '../../www/app/data-block.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the demo shows at once from the build\'s analysis; the analysis engine starts in a worker from a blob: URL', async () => {
  await withPage(browser, async (page) => {
    if (!page.workers().length) await page.waitForEvent('worker', { timeout: 10_000 });
    const workers = page.workers().map((w) => w.url());
    assert.ok(workers.some((url) => url.startsWith('blob:')), `a blob: worker runs: ${JSON.stringify(workers)}`);
    assert.ok(await page.locator('mark.mention').count() > 0, 'the demo article is highlighted');
  });
});

test('the data blocks, as Chromium\'s HTML parser reads them, are the package\'s wasm and model byte for byte', async () => {
  await withPage(browser, async (page) => {
    for (const [id, file] of [['dateline-wasm', 'dateline.wasm'], ['dateline-model', 'dateline-model.bin']]) {
      const text = await page.evaluate((id) => document.getElementById(id).textContent, id);
      assert.ok(Buffer.from(await decodeDataBlock(text)).equals(readFileSync(join(root, 'dist', 'lib', file))), `#${id} decodes to dist/lib/${file}`);
    }
    // The engine decoded the same text in its worker (DecompressionStream, under the page's CSP) and started.
    await page.waitForFunction(() => performance.getEntriesByName('dateline:engine-start').length === 1, null, { timeout: 15_000 });
  });
});

test('served with another charset in its Content-Type, the page still reads its data blocks as UTF-8 (its byte order mark wins) and starts the engine', async () => {
  const url = 'http://dateline.test/index.html';
  const context = await browser.newContext();
  const { foreign, problems } = await guardContext(context, (target) => target === url || /^(data|blob):/.test(target));
  try {
    await context.route(url, (route) => route.fulfill({
      status: 200, headers: { 'content-type': 'text/html; charset=windows-1252' }, body: readFileSync(join(root, 'dist', 'index.html')),
    }));
    const page = await context.newPage();
    await page.goto(url);
    await waitReady(page);
    assert.equal(await page.evaluate(() => document.characterSet), 'UTF-8');
    await page.waitForFunction(() => performance.getEntriesByName('dateline:engine-start').length === 1, null, { timeout: 15_000 });
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'console or page errors');
  assert.deepEqual(foreign, [], 'requests left the page');
});

test('a damaged data block stops the engine with a clear error, not other bytes: the page still shows its demo', async () => {
  const url = 'http://dateline.test/index.html';
  const original = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
  const html = original.replace(
    /(<script type="application\/octet-stream" id="dateline-model">)([^<]*)/,
    (_, open, text) => {
      const packed = Buffer.from(text, 'base64');
      packed[packed.length - 8] ^= 0x01; // a bit of the gzip trailer's CRC-32
      return open + packed.toString('base64');
    },
  );
  assert.notEqual(html, original, 'the model block was damaged');
  const context = await browser.newContext();
  const { foreign } = await guardContext(context, (target) => target === url || /^(data|blob):/.test(target));
  try {
    await context.route(url, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html' }, body: html }));
    const page = await context.newPage();
    await page.goto(url);
    await waitReady(page);
    assert.ok(await page.locator('mark.mention').count() > 0, 'the demo article is highlighted from the build\'s analysis');
    await page.waitForFunction(() => document.getElementById('add-error').textContent !== '', null, { timeout: 15_000 });
    assert.match(await page.locator('#add-error').textContent(), /could not start: the data block is damaged/);
    assert.equal(await page.evaluate(() => performance.getEntriesByName('dateline:engine-start').length), 0);
  } finally {
    await context.close();
  }
  assert.deepEqual(foreign, [], 'requests left the page');
});

test('a large add shows a draft and a progress bar, and the page keeps drawing frames', async () => {
  const articles = pageArticles(60);
  await withPage(browser, async (page) => {
    await page.evaluate(() => {
      window.__frames = [];
      const tick = (t) => { window.__frames.push(t); requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      window.__seen = { progress: false, draft: false, label: '', phases: [], values: [] };
      const box = document.getElementById('analysis-progress');
      new MutationObserver(() => {
        if (box.classList.contains('is-active')) {
          window.__seen.progress ||= !box.querySelector('progress').hidden;
          window.__seen.label ||= box.querySelector('.progress-label').textContent;
          const { phase } = box.dataset;
          if (phase && window.__seen.phases.at(-1) !== phase) window.__seen.phases.push(phase);
          const bar = box.querySelector('progress');
          if (bar.hasAttribute('value') && window.__seen.values.at(-1) !== bar.value) window.__seen.values.push(bar.value);
          window.__busyFrom ??= performance.now();
        } else if (window.__busyFrom !== undefined) {
          window.__busyTo ??= performance.now();
        }
        window.__seen.draft ||= !!document.querySelector('#article-view article.is-draft');
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.setInputFiles('#file-input', articles.map(({ name, text }) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) })));
    await page.locator('#article-view article.is-draft').waitFor({ timeout: 10_000 });
    const draftTitle = await page.locator('#article-view .article-title').textContent();
    assert.equal(draftTitle, articles.at(-1).text.split('\n')[0], 'the last added article is shown as a draft');
    assert.equal(await page.locator('#story-panel').isVisible(), false, 'no names of another article beside the draft');
    await page.waitForSelector('#add-form:not([aria-busy])', { timeout: 120_000 });

    const seen = await page.evaluate(() => window.__seen);
    assert.ok(seen.progress, 'a progress bar was shown');
    assert.match(seen.label, /65 articles/, 'the whole story (5 + 60) is analysed');
    // The bar follows the core's phases in order, and only moves forward.
    assert.deepEqual(seen.phases.filter((p) => p !== 'starting'), ['reading', 'names', 'finishing', 'receiving'], JSON.stringify(seen.phases));
    assert.ok(seen.values.length >= 4, `the bar moved: ${JSON.stringify(seen.values)}`);
    assert.deepEqual(seen.values, [...seen.values].sort((a, b) => a - b), 'the bar never goes back');
    assert.ok(seen.draft);
    assert.equal(await page.locator('#analysis-progress progress').isVisible(), false, 'the progress bar is gone');
    assert.equal(await page.locator('#analysis-progress .progress-label').textContent(), '');
    assert.equal(await page.locator('#article-view article.is-draft').count(), 0, 'the draft gave way to the analysed article');
    assert.ok(await page.locator('#article-view mark.mention').count() > 0, 'the analysed article is highlighted');
    assert.ok(await page.locator('#story-panel').isVisible(), 'the names panel is back');
    assert.equal(await page.locator('#doc-count').textContent(), '65 articles');

    const frames = await page.evaluate(() => {
      const during = window.__frames.filter((t) => t >= window.__busyFrom && t <= window.__busyTo);
      let gap = 0;
      for (let i = 1; i < during.length; i++) gap = Math.max(gap, during[i] - during[i - 1]);
      return { count: during.length, busy: window.__busyTo - window.__busyFrom, gap };
    });
    console.log(`# ${articles.length} articles analysed in ${Math.round(frames.busy)} ms with ${frames.count} frames drawn meanwhile (longest gap ${Math.round(frames.gap)} ms)`);
    // On the main thread, the analysis would be one long task: no frame at all while it runs.
    assert.ok(frames.count >= Math.min(10, frames.busy / 100), `frames drawn while analysing: ${JSON.stringify(frames)}`);
  });
});

test('a failed analysis in the worker comes back as a clear error and keeps the story', async () => {
  await withPage(browser, async (page) => {
    await page.locator('#add-text').fill('Moscow replied on Monday.');
    await page.locator('#add-published').fill('2021-13-45');
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await page.waitForSelector('#add-form:not([aria-busy])');
    assert.match(await page.locator('#add-error').textContent(), /could not be analysed: .*2021-13-45/);
    assert.equal(await page.locator('#doc-count').textContent(), '5 articles');
    await addFiles(page, [{ name: 'after.txt', text: 'The talks resumed on Tuesday in Geneva.' }]);
    assert.equal(await page.locator('#doc-count').textContent(), '6 articles', 'the engine still works after an error');
  });
});

test('adds made while another is analysed wait their turn, keep their own ids, and keep the form\'s new text', async () => {
  await withPage(browser, async (page) => {
    const note = { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('The ferry sailed on Monday. It returned on Tuesday.') };
    await page.locator('#add-title').fill('Note');
    await page.locator('#add-text').fill(note.buffer.toString());
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await page.setInputFiles('#file-input', [note]);
    await page.locator('#add-title').fill('');
    await page.locator('#add-text').fill('A third article, typed while the others were analysed.');
    await page.waitForFunction(() => document.getElementById('doc-count').textContent === '7 articles', null, { timeout: 30_000 });
    await page.waitForSelector('#add-form:not([aria-busy])');
    const ids = await page.$$eval('#doc-list button.doc-card', (buttons) => buttons.map((b) => b.dataset.document));
    assert.deepEqual(ids.slice(-2).sort(), ['note', 'note-2'], 'both adds kept, each with an id of its own');
    assert.equal(await page.locator('#add-text').inputValue(), 'A third article, typed while the others were analysed.',
      'the text typed meanwhile is not cleared');
  });
});

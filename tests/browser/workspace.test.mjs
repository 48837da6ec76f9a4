// The page's workspace in Chromium, opened from file://: articles kept in
// IndexedDB across reloads, editing and removing with Undo, the exports
// (workspace JSON, CSV, TimelineJS, HTML snapshot), importing a JSON export
// back, .md and hostile .html files, another tab's changes, and a browser
// without IndexedDB. No request may leave the page's own files.
//
// Builds nothing: run `npm run build` first.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { cards, guardContext, launch } from './offline-page.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pageFile = join(root, 'dist', 'index.html');
const pageUrl = pathToFileURL(pageFile).href;
const results = join(root, 'test-results', 'workspace');

const corpus = JSON.parse(readFileSync(join(root, 'www', 'demo', 'corpus.json'), 'utf8'));
const demoIds = corpus.documents.map((d) => d.id);

/** An article written for these tests, with two dated events. */
const FERRY = {
  title: 'Harbour ferry link approved',
  published: '2021-10-21',
  text: 'The Harbour Council voted on 19 October 2021 to fund a ferry between the two piers. '
    + 'The first crossing is planned for 3 March 2022, officials said.',
};

/** A web page that tries everything: scripts, handlers, javascript: links, frames, remote images. */
const HOSTILE_HTML = `<!doctype html><html><head>
<title>Pier closes after storm - Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2021-10-22T08:00:00Z">
<script>window.__pwned = 'script';</script>
<script src="https://evil.example/x.js"></script>
<link rel="stylesheet" href="https://evil.example/x.css">
</head><body onload="window.__pwned='onload'">
<nav><a href="javascript:window.__pwned='nav'">Home</a></nav>
<article>
<h1>Pier closes after storm</h1>
<p>The Harbour Board closed the old pier on 20 October 2021 after a storm damaged its deck. <img src="https://evil.example/p.png" onerror="window.__pwned='img'"></p>
<p>Repairs will start in <a href="javascript:window.__pwned='link'">January 2022</a>, the board said. <iframe src="https://evil.example/frame" onload="window.__pwned='iframe'"></iframe></p>
<p><svg onload="window.__pwned='svg'"></svg>Ferries will use the new pier meanwhile.</p>
</article>
</body></html>`;

const MARKDOWN = `# Ferry timetable announced

The operator published the **winter timetable** on 25 October 2021. See [the notice](https://example.com/notice).

## Fares

Fares rise by 5% from 1 January 2022.<img src="https://evil.example/md.png" onerror="window.__pwned='md'">
`;

let browser;

before(async () => {
  browser = await launch();
  mkdirSync(results, { recursive: true });
});

after(async () => {
  await browser?.close();
});

/**
 * A fresh browser context (its own IndexedDB) whose pages may load only
 * the page file, `extra` files, data: and blob: URLs; anything else is
 * aborted and reported, as are console and page errors. Runs
 * `fn({open, context})`, `open()` making a new page on the app.
 */
async function withContext(fn, { extra = [], init } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const allowedFiles = new Set([pageUrl, ...extra]);
  const allowed = (target) => allowedFiles.has(target.split('#')[0]) || /^(data|blob):/.test(target);
  const { foreign, problems } = await guardContext(context, allowed);
  if (init) await context.addInitScript(init);
  const open = async () => {
    const page = await context.newPage();
    await page.goto(pageUrl);
    await ready(page);
    return page;
  };
  try {
    await fn({ open, context, allowedFiles });
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'console or page errors');
  assert.deepEqual(foreign, [], 'requests left the page\'s own files');
}

/** Waits for the page to have started and shown its workspace. */
async function ready(page) {
  await page.waitForSelector('body[data-ready="true"][data-workspace-revision], .pane-message.error', { timeout: 20_000 });
  assert.equal(await page.locator('.pane-message.error').count(), 0, 'the page shows a start-up error');
}

/** The workspace revision the page shows (it grows with every saved change). */
async function revision(page) {
  return Number(await page.evaluate(() => document.body.dataset.workspaceRevision));
}

/** Runs `action`, then waits until the page has saved a newer revision. */
async function saved(page, action) {
  const before = await revision(page);
  await action();
  await page.waitForFunction((r) => Number(document.body.dataset.workspaceRevision) > r, before, { timeout: 20_000 });
}

/** Pastes an article and presses Analyse; resolves once it is saved. */
async function paste(page, { title = '', text = '', published = '' }) {
  await page.locator('#add-title').fill(title);
  await page.locator('#add-text').fill(text);
  await page.locator('#add-published').fill(published);
  await saved(page, () => page.getByRole('button', { name: 'Analyse', exact: true }).click());
}

/** How many chronology events the article `id` reports (the band filtered by it). */
async function eventsOf(page, id) {
  await page.locator('#chronology .tl-document').selectOption(id);
  const n = Number(await page.locator('#chronology').getAttribute('data-shown'));
  await page.locator('#chronology .tl-document').selectOption('');
  return n;
}

/** Clicks an item of the Export menu and returns the download's name and text. */
async function exportFile(page, label) {
  await page.locator('#export-menu > summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: label, exact: true }).click(),
  ]);
  const path = join(results, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

/** Resets the workspace to the demo story through the confirmation dialog. */
async function resetToDemo(page) {
  await page.getByRole('button', { name: 'Reset to demo…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset to the demo story?' });
  await dialog.waitFor();
  await saved(page, () => dialog.getByRole('button', { name: 'Reset to the demo story' }).click());
}

describe('the workspace, from file://', () => {
  test('a pasted article is listed, has its events, and is still there after a reload', async () => {
    await withContext(async ({ open }) => {
      const page = await open();
      assert.deepEqual((await cards(page)).map((c) => c.id), demoIds, 'a fresh browser shows the demo story');
      assert.equal(await page.locator('#storage-note').isVisible(), false, 'no storage warning where IndexedDB works');
      await paste(page, FERRY);
      const listed = await cards(page);
      assert.equal(listed.length, demoIds.length + 1);
      const added = listed.at(-1);
      assert.equal(added.title, FERRY.title);
      assert.ok(added.current);
      const events = await eventsOf(page, added.id);
      assert.ok(events >= 1, `the article's events are in the chronology (${events})`);

      await page.reload();
      await ready(page);
      const after = await cards(page);
      assert.deepEqual(after.map((c) => [c.id, c.title]), listed.map((c) => [c.id, c.title]), 'the same articles after a reload');
      assert.equal(await eventsOf(page, added.id), events, 'and the same events');
      assert.match(after.at(-1).meta, /Added/);
    });
  });

  test('editing a title and a date re-analyses and is saved; a bad date is refused with a clear error', async () => {
    await withContext(async ({ open }) => {
      const page = await open();
      await paste(page, FERRY);
      const id = (await cards(page)).at(-1).id;
      const item = page.locator('#doc-list li').filter({ has: page.locator(`button.doc-card[data-document="${id}"]`) });
      await item.getByRole('button', { name: /^Edit the title and date of/ }).click();
      const form = item.locator('form.doc-edit');
      await form.getByLabel('Published').fill('2021-02-30');
      await form.getByRole('button', { name: 'Save' }).click();
      const error = form.locator('.form-error');
      await error.waitFor({ state: 'visible' });
      assert.match(await error.textContent(), /Publication date: 2021-02-30 is not a day of the calendar/);
      assert.equal(await form.getByLabel('Published').getAttribute('aria-invalid'), 'true');
      await form.getByLabel('Published').fill('22/10/2021');
      await form.getByRole('button', { name: 'Save' }).click();
      assert.match(await error.textContent(), /not a date written YYYY-MM-DD/);

      await form.getByLabel('Title').fill('Ferry <b>link</b> funded');
      await form.getByLabel('Published').fill('2021-10-25');
      await saved(page, () => form.getByRole('button', { name: 'Save' }).click());
      let card = (await cards(page)).at(-1);
      assert.equal(card.title, 'Ferry <b>link</b> funded', 'the title, as text');
      assert.equal(await page.evaluate(() => document.activeElement.dataset.document), id, 'the focus is back on the article');
      assert.match(card.meta, /25 October 2021/);
      assert.equal(await page.locator('#doc-list b, #article-view .article-title b').count(), 0);

      await page.reload();
      await ready(page);
      card = (await cards(page)).at(-1);
      assert.equal(card.title, 'Ferry <b>link</b> funded');
      assert.match(card.meta, /25 October 2021/);

      // Emptying the title gives it back to the core (the article's first sentence).
      await page.locator(`#doc-list button.doc-card[data-document="${id}"]`).click();
      await item.getByRole('button', { name: /^Edit the title and date of/ }).click();
      await item.locator('form.doc-edit').getByLabel('Title').fill('');
      await saved(page, () => item.locator('form.doc-edit').getByRole('button', { name: 'Save' }).click());
      assert.match((await cards(page)).at(-1).title, /^The Harbour Council voted/);
    });
  });

  test('remove then Undo (from the keyboard) puts the article back in its place; remove then reload: it is gone', async () => {
    await withContext(async ({ open }) => {
      const page = await open();
      const second = demoIds[1];
      const item = page.locator('#doc-list li').filter({ has: page.locator(`button.doc-card[data-document="${second}"]`) });
      await page.locator(`#doc-list button.doc-card[data-document="${second}"]`).click();
      await saved(page, () => item.getByRole('button', { name: /^Remove/ }).click());
      assert.deepEqual((await cards(page)).map((c) => c.id), demoIds.filter((id) => id !== second));
      const toast = page.locator('#toast');
      assert.equal(await toast.getAttribute('role'), 'status');
      assert.match(await toast.textContent(), /^Removed “/);
      await toast.getByRole('button', { name: 'Undo' }).focus();
      await saved(page, () => page.keyboard.press('Enter'));
      assert.deepEqual((await cards(page)).map((c) => c.id), demoIds, 'back in its place');
      assert.ok((await cards(page))[1].current, 'and selected');
      assert.equal(await page.evaluate(() => document.activeElement.dataset.document), second, 'and focused');

      await page.reload();
      await ready(page);
      assert.deepEqual((await cards(page)).map((c) => c.id), demoIds, 'the undo was saved');
      await page.locator(`#doc-list button.doc-card[data-document="${second}"]`).click();
      await saved(page, () => item.getByRole('button', { name: /^Remove/ }).click());
      await page.reload();
      await ready(page);
      assert.deepEqual((await cards(page)).map((c) => c.id), demoIds.filter((id) => id !== second), 'gone after a reload');
      assert.equal(await eventsOf(page, demoIds[0]) > 0, true);
      assert.equal(await page.locator(`#chronology .tl-document option[value="${second}"]`).count(), 0, 'its events are gone too');
    });
  });

  test('JSON export, reset, import: the same workspace; a foreign or broken file changes nothing', async () => {
    await withContext(async ({ open }) => {
      const page = await open();
      await paste(page, FERRY);
      await page.locator(`#doc-list button.doc-card[data-document="${demoIds[0]}"]`).click();
      const first = page.locator('#doc-list li').first();
      await saved(page, () => first.getByRole('button', { name: /^Remove/ }).click());
      const exported = await exportFile(page, 'Workspace (JSON)');
      assert.match(exported.name, /^russia-suspends-its-mission-to-nato-october-2021\.dateline\.json$/);
      const workspace = JSON.parse(exported.text);
      assert.equal(workspace.format, 'dateline-workspace');
      assert.equal(workspace.version, 1);
      assert.ok(!Number.isNaN(Date.parse(workspace.exported)));
      assert.equal(workspace.story, corpus.story);
      const ids = [...demoIds.slice(1), 'harbour-ferry-link-approved'];
      assert.deepEqual(workspace.inputs.map((i) => i.id), ids);
      assert.deepEqual(workspace.inputs.at(-1), { id: 'harbour-ferry-link-approved', text: FERRY.text, title: FERRY.title, published: FERRY.published });
      assert.deepEqual(workspace.analysis.documents.map((d) => d.id), ids);

      await resetToDemo(page);
      assert.deepEqual((await cards(page)).map((c) => c.id), demoIds, 'reset gives the demo story');

      // Files that are not workspaces: each gives a clear error and changes nothing.
      const bad = [
        ['broken.json', '{"format": "dateline-workspace", ', /Could not import “broken\.json”: The file is not JSON/],
        ['timeline.json', JSON.stringify({ title: {}, events: [] }), /not a Dateline workspace: it has no "format"/],
        ['future.json', JSON.stringify({ ...workspace, version: 2 }), /version 2; this page reads version 1/],
        ['bad-date.json', JSON.stringify({ ...workspace, inputs: [{ id: 'x', text: 'Hi.', published: 'yesterday' }] }), /Could not import “bad-date\.json”: .*yesterday/],
      ];
      const before = await revision(page);
      for (const [name, content, message] of bad) {
        await page.setInputFiles('#import-input', { name, mimeType: 'application/json', buffer: Buffer.from(content) });
        const error = page.locator('#workspace-error');
        await page.waitForFunction((n) => document.querySelector('#workspace-error').textContent.includes(n), name);
        assert.match(await error.textContent(), message);
        assert.equal(await error.getAttribute('role'), 'alert');
        assert.deepEqual((await cards(page)).map((c) => c.id), demoIds, `${name} changed nothing`);
      }
      assert.equal(await revision(page), before, 'nothing was saved');

      await saved(page, () => page.setInputFiles('#import-input', exported.path));
      assert.equal(await page.locator('#workspace-error').isVisible(), false, 'the import clears the error');
      assert.deepEqual((await cards(page)).map((c) => c.id), ids, 'the same articles, in the same order');
      assert.match(await page.locator('#toast').textContent(), /^Imported “Russia suspends/);
      const again = JSON.parse((await exportFile(page, 'Workspace (JSON)')).text);
      assert.equal(again.story, workspace.story);
      assert.deepEqual(again.inputs, workspace.inputs, 'the same inputs');
      assert.deepEqual(again.analysis, workspace.analysis, 'the same analysis');

      await page.reload();
      await ready(page);
      assert.deepEqual((await cards(page)).map((c) => c.id), ids, 'the import is saved');

      // A dropped .json file is imported too (here, after a reset).
      await resetToDemo(page);
      await saved(page, () => page.evaluate((text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'story.json', { type: 'application/json' }));
        for (const type of ['dragenter', 'dragover', 'drop']) {
          document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
        }
      }, exported.text));
      assert.deepEqual((await cards(page)).map((c) => c.id), ids, 'dropped: the same articles');
    });
  });

  test('CSV and TimelineJS exports hold one row or event per timeline event', async () => {
    await withContext(async ({ open }) => {
      const page = await open();
      await paste(page, { ...FERRY, title: 'Ferry, "quoted", approved' });
      const analysis = JSON.parse((await exportFile(page, 'Workspace (JSON)')).text).analysis;
      const csv = await exportFile(page, 'Timeline (CSV)');
      assert.match(csv.name, /-timeline\.csv$/);
      const rows = parse(csv.text, { columns: true });
      assert.equal(rows.length, analysis.timeline.length);
      assert.deepEqual(rows.map((r) => [r.event, r.date, r.summary]), analysis.timeline.map((e) => [e.id, e.date.value, e.summary]));
      assert.ok(rows.some((r) => r.sources.includes('Ferry, "quoted", approved (ferry-quoted-approved)')), 'titles with commas and quotes survive');

      const tjs = await exportFile(page, 'Timeline (TimelineJS JSON)');
      assert.match(tjs.name, /-timelinejs\.json$/);
      const timeline = JSON.parse(tjs.text);
      assert.equal(timeline.events.length, analysis.timeline.length);
      assert.ok(timeline.title.text.headline.startsWith('Russia suspends'));
      for (const event of timeline.events) {
        assert.match(event.start_date.year, /^\d{4}$/);
        assert.equal(typeof event.text.headline, 'string');
      }
      assert.ok(timeline.events.some((e) => e.group === 'Ferry, &quot;quoted&quot;, approved'), 'text is escaped for TimelineJS');
    });
  });

  test('the HTML snapshot opens on its own, runs nothing and holds the articles\' text', async () => {
    const snapshotUrl = pathToFileURL(join(results, 'russia-suspends-its-mission-to-nato-october-2021-snapshot.html')).href;
    await withContext(async ({ open, context }) => {
      const page = await open();
      const hostile = {
        title: '<script>window.__pwned = 1</script>',
        text: 'On 6 October 2021 the <img src=x onerror="window.__pwned=2"> board met. <a href="javascript:window.__pwned=3">Link</a> text.',
        published: '2021-10-21',
      };
      await paste(page, hostile);
      const snapshot = await exportFile(page, 'Snapshot (HTML page)');
      assert.equal(pathToFileURL(snapshot.path).href, snapshotUrl);
      const view = await context.newPage();
      await view.goto(snapshotUrl);
      assert.equal(await view.evaluate(() => window.__pwned), undefined, 'nothing ran');
      assert.equal(await view.locator('script, img, iframe, a[href^="javascript"]').count(), 0);
      assert.match(await view.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), /default-src 'none'/);
      const text = await view.locator('body').innerText();
      assert.ok(text.includes(hostile.title), 'the title is shown as text');
      assert.ok(text.includes('the <img src=x onerror="window.__pwned=2"> board met.'), 'the text is shown as text');
      const seed = readFileSync(join(root, 'www', 'demo', corpus.documents[0].file), 'utf8');
      const firstLine = seed.split('\n').find((line) => line.trim().length > 40).trim();
      assert.ok(text.replace(/\s+/g, ' ').includes(firstLine.replace(/\s+/g, ' ')), 'a demo article\'s text');
      assert.equal(await view.locator('article').count(), demoIds.length + 1);
      assert.ok(await view.locator('ol.chronology li').count() > 10);
      // Its links stay inside the file.
      for (const href of await view.$$eval('a', (links) => links.map((a) => a.getAttribute('href')))) assert.match(href, /^#article-\d+$/);
    }, { extra: [snapshotUrl] });
  });

  test('.md and hostile .html files through the picker: text only, nothing runs, nothing is fetched', async () => {
    await withContext(async ({ open }) => {
      const page = await open();
      await saved(page, () => page.setInputFiles('#file-input', [
        { name: 'timetable.md', mimeType: 'text/markdown', buffer: Buffer.from(MARKDOWN) },
        { name: 'pier.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE_HTML) },
      ]));
      const listed = await cards(page);
      const [md, html] = listed.slice(-2);
      assert.deepEqual([md.id, md.title, md.source], ['timetable', 'Ferry timetable announced', 'timetable.md']);
      assert.deepEqual([html.id, html.title, html.source], ['pier', 'Pier closes after storm', 'Harbour Gazette']);
      assert.match(html.meta, /22 October 2021/, 'the page\'s publication date');

      await page.locator('#doc-list button.doc-card[data-document="timetable"]').click();
      let body = await page.locator('#article-view').innerText();
      assert.match(body, /The operator published the winter timetable on 25 October 2021\. See the notice\./);
      assert.match(body, /Fares rise by 5% from 1 January 2022\./);
      assert.doesNotMatch(body, /\*\*|\]\(|<img/);
      assert.ok(await eventsOf(page, 'timetable') >= 1);

      await page.locator('#doc-list button.doc-card[data-document="pier"]').click();
      body = await page.locator('#article-view').innerText();
      assert.match(body, /The Harbour Board closed the old pier on 20 October 2021 after a storm damaged its deck\./);
      assert.match(body, /Repairs will start in January 2022, the board said\./);
      assert.doesNotMatch(body, /__pwned|Home/);
      assert.ok(await eventsOf(page, 'pier') >= 1);
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
      assert.equal(await page.locator('#article-view :is(script, img, iframe, svg, a[href^="javascript"]), #doc-list :is(img, iframe)').count(), 0);

      // Both kept as given: the Markdown as its text, the page as its HTML.
      const inputs = JSON.parse((await exportFile(page, 'Workspace (JSON)')).text).inputs;
      assert.equal(inputs.at(-1).html, HOSTILE_HTML);
      assert.equal(inputs.at(-2).title, 'Ferry timetable announced');
      await page.reload();
      await ready(page);
      assert.deepEqual((await cards(page)).slice(-2).map((c) => c.id), ['timetable', 'pier']);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    });
  });

  test('another tab\'s changes show up, and no write is lost', async () => {
    await withContext(async ({ open }) => {
      const one = await open();
      const two = await open();
      await paste(one, FERRY);
      await two.waitForFunction((n) => document.querySelectorAll('#doc-list button.doc-card').length === n, demoIds.length + 1, { timeout: 20_000 });
      assert.match(await two.locator('#toast').textContent(), /changed in another tab/);
      // The second tab removes a demo article; the first follows, then adds another article on top.
      await two.locator(`#doc-list button.doc-card[data-document="${demoIds[0]}"]`).click();
      await saved(two, () => two.locator('#doc-list li').first().getByRole('button', { name: /^Remove/ }).click());
      await one.waitForFunction((n) => document.querySelectorAll('#doc-list button.doc-card').length === n, demoIds.length, { timeout: 20_000 });
      await paste(one, { title: 'Second note', text: 'The pier reopened on 2 November 2021.', published: '2021-11-03' });
      const want = [...demoIds.slice(1), 'harbour-ferry-link-approved', 'second-note'];
      assert.deepEqual((await cards(one)).map((c) => c.id), want);
      await two.waitForFunction((n) => document.querySelectorAll('#doc-list button.doc-card').length === n, want.length, { timeout: 20_000 });
      assert.deepEqual((await cards(two)).map((c) => c.id), want);
      const fresh = await open();
      assert.deepEqual((await cards(fresh)).map((c) => c.id), want, 'what is saved has every change');
    });
  });

  test('two tabs changing the story at the same moment: both changes are kept', async () => {
    await withContext(async ({ open }) => {
      const one = await open();
      const two = await open();
      // Both forms filled first, then both submitted at once: each tab starts from the same saved revision.
      const fill = async (page, title, text) => {
        await page.locator('#add-title').fill(title);
        await page.locator('#add-text').fill(text);
      };
      await fill(one, 'From tab one', 'The pier reopened on 2 November 2021.');
      await fill(two, 'From tab two', 'The ferry sailed on 4 November 2021.');
      const submit = (page) => page.evaluate(() => document.querySelector('#add-form').requestSubmit());
      await Promise.all([submit(one), submit(two)]);
      await Promise.all([one, two].map((page) => page.waitForFunction(
        () => !document.querySelector('#add-form').hasAttribute('aria-busy'), null, { timeout: 20_000 })));
      const fresh = await open();
      const saved = (await cards(fresh)).map((c) => c.id);
      assert.deepEqual(saved.slice(0, demoIds.length), demoIds);
      assert.deepEqual(saved.slice(demoIds.length).sort(), ['from-tab-one', 'from-tab-two'], 'neither write was lost');
      for (const page of [one, two]) {
        await page.waitForFunction((n) => document.querySelectorAll('#doc-list button.doc-card').length === n, saved.length, { timeout: 20_000 });
        assert.deepEqual((await cards(page)).map((c) => c.id), saved, 'each tab shows what is saved');
      }
    });
  });

  test('the Export menu works from the keyboard', async () => {
    await withContext(async ({ open }) => {
      const page = await open();
      const summary = page.locator('#export-menu > summary');
      await summary.focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('#export-menu').getAttribute('open'), '');
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('#export-menu').getAttribute('open'), null, 'Escape closes it');
      assert.equal(await page.evaluate(() => document.activeElement.matches('#export-menu > summary')), true, 'focus back on Export');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Timeline (CSV)');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      assert.match(download.suggestedFilename(), /-timeline\.csv$/);
      assert.equal(await page.locator('#export-menu').getAttribute('open'), null, 'the menu closes after an export');
    });
  });

  test('without IndexedDB the page says changes are not saved, and still works', async () => {
    await withContext(async ({ open }) => {
      const page = await open();
      const note = page.locator('#storage-note');
      assert.ok(await note.isVisible());
      assert.match(await note.textContent(), /^Changes are not saved in this browser \(this browser has no IndexedDB\)\. Export the workspace as JSON/);
      await paste(page, FERRY);
      assert.equal((await cards(page)).length, demoIds.length + 1);
      const exported = JSON.parse((await exportFile(page, 'Workspace (JSON)')).text);
      assert.equal(exported.inputs.length, demoIds.length + 1);
    }, { init: () => { Object.defineProperty(window, 'indexedDB', { value: undefined }); } });
  });
});

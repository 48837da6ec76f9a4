// <dateline-view> in Chromium, on plain host pages served over http
// (scripts/serve.mjs) with the built files of dist/lib and a strict CSP:
// the light-DOM article, `src` as text and as a workspace file, `view`,
// `theme`, ::part styling, the events, errors, hostile text, clean-up,
// defining twice, and that no request leaves the host's own files.
//
// Builds nothing: run `node scripts/build.mjs` first. Screenshots go to test-results/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const lib = join(root, 'dist', 'lib');
const results = join(root, 'test-results');

const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** A strict policy a careful host might use: nothing inline, no eval, only its own origin. */
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'";

/** An article written for these tests. */
const ARTICLE = [
  'Harbour Council Approves New Ferry Link',
  '',
  'The Harbour Council voted on Tuesday to fund a ferry between the two piers. Mayor Anna Keller said the first crossing is planned for 3 March 2022.',
  '',
  'Officials from the U.S. Department of Transportation attended the meeting in Portsmouth.',
].join('\n');

const HOSTILE = '<script>window.__pwned=1</script>\n\n<img src=x onerror="window.__pwned=2"> Hello from Paris on 3 May 2021. <b onmouseover="window.__pwned=3">Bye.</b>';

const demo = JSON.parse(readFileSync(join(root, 'www', 'demo', 'corpus.json'), 'utf8'));
const seeds = demo.documents.slice(0, 3)
  .map(({ file, ...meta }) => ({ ...meta, text: readFileSync(join(root, 'www', 'demo', file), 'utf8') }));

/** The host page: a strict CSP, its own stylesheet and script, and `body` inside. */
function hostPage(body, { script = 'host.js' } = {}) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>host</title><link rel="stylesheet" href="host.css">
<script type="module" src="${script}"></script>
</head><body>
${body}
</body></html>
`;
}

/** Records the element events on window.__events (from document: they are composed and bubble). */
const HOST_JS = `
import './lib/define.js';
window.__events = [];
for (const type of ['dateline-ready', 'dateline-error', 'dateline-select']) {
  document.addEventListener(type, (event) => {
    const target = event.target.id || event.target.localName;
    const d = event.detail;
    window.__events.push({
      type, target, composed: event.composed, bubbles: event.bubbles,
      detail: type === 'dateline-ready' ? { story: d.story, inputs: d.inputs, analysis: d.analysis }
        : type === 'dateline-error' ? { message: d.message }
        : { kind: d.kind, id: d.id, document: d.document, start: d.start, end: d.end, name: d.entity?.name ?? null,
            summary: d.event?.summary ?? null, text: d.text ?? null },
    });
  });
}
`;

const HOST_CSS = `
body { margin: 0; font-family: sans-serif; }
dateline-view { margin-bottom: 1rem; }
#styled::part(mention) { outline: 3px solid rgb(1, 2, 3); }
#styled::part(title) { color: rgb(4, 5, 6); }
#styled { --dateline-accent: rgb(7, 8, 9); }
`;

let browser;
let server;
let site;
let workspace;

before(async () => {
  if (!existsSync(join(lib, 'define.js'))) {
    throw new Error(`${lib}/define.js is missing: run \`node scripts/build.mjs\` before the browser tests`);
  }
  mkdirSync(results, { recursive: true });
  site = mkdtempSync(join(tmpdir(), 'dateline-element-'));
  cpSync(lib, join(site, 'lib'), { recursive: true });
  writeFileSync(join(site, 'host.js'), HOST_JS);
  writeFileSync(join(site, 'host.css'), HOST_CSS);
  writeFileSync(join(site, 'article.txt'), ARTICLE);
  // The workspace file, with the analysis the package gives in Node.
  const { analyze } = await import(join(lib, 'node.js'));
  const inputs = seeds.map(({ id, text, source }) => ({ id, text, source }));
  workspace = {
    format: 'dateline-workspace', version: 1, exported: '2026-12-07T13:00:00.000Z', story: demo.story,
    inputs, analysis: analyze(inputs),
  };
  writeFileSync(join(site, 'story.json'), JSON.stringify(workspace));
  writeFileSync(join(site, 'bare.json'), JSON.stringify({ ...workspace, analysis: undefined, story: 'Re-analysed' }));
  writeFileSync(join(site, 'wrong.json'), JSON.stringify({ format: 'something-else', version: 1, inputs: [] }));
  writeFileSync(join(site, 'v2.json'), JSON.stringify({ ...workspace, version: 2 }));
  writeFileSync(join(site, 'broken.json'), '{"format": "dateline-workspace", ');
  writeFileSync(join(site, 'hostile.json'), JSON.stringify({
    format: 'dateline-workspace', version: 1, story: '<img src=x onerror="window.__pwned=4">',
    inputs: [{ id: '<b>x</b>', title: '<img src=x onerror="window.__pwned=5">', text: HOSTILE }],
  }));
  server = await serve({ root: site, port: 0 });
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

/**
 * Writes `name` (a host page with `body`) and opens it in a fresh context,
 * recording requests, console errors and page errors; requests for
 * anything but the site's own files are aborted and reported. Runs
 * `fn(page, requests)`, then asserts that nothing was reported.
 */
async function withHost(name, body, fn, options) {
  writeFileSync(join(site, name), hostPage(body));
  await withPage(server.url, name, fn, options);
}

/** Opens `origin + name` as withHost describes, allowing requests to `origin` only. */
async function withPage(origin, name, fn, { colorScheme = 'light', viewport = { width: 1200, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  const foreign = [];
  const problems = [];
  const requests = [];
  const own = (url) => url.startsWith(origin);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (own(url)) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (request) => requests.push(request.url().slice(origin.length)));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  try {
    await page.goto(origin + name);
    await fn(page, requests, problems);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'console or page errors');
  assert.deepEqual(foreign, [], 'requests left the host\'s files');
}

/** Waits until `count` events of `type` were recorded; returns them all. */
async function events(page, type, count = 1) {
  await page.waitForFunction(([t, n]) => (window.__events ?? []).filter((e) => e.type === t).length >= n, [type, count], { timeout: 20_000 });
  return page.evaluate((t) => window.__events.filter((e) => e.type === t), type);
}

/** What an element's shadow root shows. */
function shown(page, selector) {
  return page.$eval(selector, (host) => {
    const root = host.shadowRoot;
    const visible = (node) => Boolean(node) && node.getClientRects().length > 0;
    const article = root.querySelector('article');
    return {
      title: root.querySelector('.article-title')?.textContent ?? null,
      mentions: [...root.querySelectorAll('mark.mention')].map((m) => ({ text: m.textContent, type: m.dataset.type, part: m.getAttribute('part') })),
      timexes: [...root.querySelectorAll('time.timex')].map((t) => ({ text: t.textContent, value: t.dataset.value })),
      text: article?.textContent ?? '',
      events: root.querySelectorAll('.tl-event').length,
      total: root.querySelector('.chronology')?.dataset.total ?? null,
      picker: [...root.querySelectorAll('.dv-picker option')].map((o) => o.value),
      pickerVisible: visible(root.querySelector('.dv-picker')),
      readerVisible: visible(root.querySelector('.dv-reader')),
      chronologyVisible: visible(root.querySelector('.chronology')),
      error: visible(root.querySelector('[part="error"]')) ? root.querySelector('[part="error"]').textContent : null,
      fallbackVisible: visible(root.querySelector('.dv-fallback')),
      unsafe: root.querySelectorAll('img, script, iframe, object').length,
    };
  });
}

const squish = (s) => s.replace(/\s+/g, ' ').trim();

describe('<dateline-view>', () => {
  test('a light-DOM article renders in the shadow root with its names and dates highlighted', async () => {
    const body = `<dateline-view id="light" published="2021-10-21">
      <h1>Harbour Council Approves New Ferry Link</h1>
      <p>The Harbour Council voted on Tuesday to fund a ferry between the two piers. Mayor Anna Keller said the first crossing is planned for 3 March 2022.</p>
      <p>Officials from the U.S. Department of Transportation attended the meeting in Portsmouth.</p>
    </dateline-view>
    <dateline-view id="plain">
      ${ARTICLE.replace(/\n/g, '\n      ')}
    </dateline-view>`;
    await withHost('light.html', body, async (page) => {
      const ready = await events(page, 'dateline-ready', 2);
      const byId = Object.fromEntries(ready.map((e) => [e.target, e]));
      for (const id of ['light', 'plain']) {
        const { detail, composed, bubbles } = byId[id];
        assert.ok(composed && bubbles, 'dateline-ready bubbles out of the shadow root');
        const doc = detail.analysis.documents[0];
        const text = doc.text ?? detail.inputs[0].text;
        const view = await shown(page, `#${id}`);
        assert.equal(view.title, 'Harbour Council Approves New Ferry Link');
        assert.ok(doc.mentions.length >= 3, `${id}: mentions ${JSON.stringify(doc.mentions)}`);
        for (const m of doc.mentions) assert.equal(text.slice(m.start, m.end), m.text, `${id}: the mention's offsets`);
        for (const t of doc.timexes) assert.equal(text.slice(t.start, t.end), t.text, `${id}: the timex's offsets`);
        assert.deepEqual(view.mentions.map((m) => squish(m.text)), doc.mentions.map((m) => squish(m.text)), `${id}: every mention is highlighted once`);
        assert.ok(view.mentions.every((m) => m.part.split(' ').includes('mention')), 'mentions are ::part(mention)');
        assert.ok(view.mentions.some((m) => m.text === 'Anna Keller' && m.type === 'PERSON'), JSON.stringify(view.mentions));
        assert.deepEqual(view.timexes.map((t) => t.text), doc.timexes.map((t) => t.text));
        assert.ok(view.timexes.some((t) => t.text === '3 March 2022' && t.value === '2022-03-03'), JSON.stringify(view.timexes));
        assert.equal(squish(view.text).includes(squish('Officials from the U.S. Department of Transportation attended')), true);
        assert.equal(view.fallbackVisible, false, 'the light DOM is replaced by the analysed article');
      }
      // `published` is the article's date: "Tuesday" resolves against it.
      const tuesday = byId.light.detail.analysis.documents[0].timexes.find((t) => t.text === 'Tuesday');
      assert.equal(tuesday.value, '2021-10-19');
      assert.equal(byId.light.detail.analysis.documents[0].dct.value, '2021-10-21');
      await page.locator('#light').screenshot({ path: join(results, 'element-light-dom.png') });
      // The legend's toggles switch a type's highlights off and on, in this element only.
      const personMarks = () => page.evaluate(() => [...document.querySelector('#light').shadowRoot
        .querySelectorAll('mark.mention[data-type="PERSON"]')].map((m) => m.classList.contains('is-off')));
      assert.deepEqual(await personMarks(), [false]);
      await page.locator('#light button.legend-toggle[data-highlight="PERSON"]').click();
      assert.deepEqual(await personMarks(), [true], 'PERSON switched off');
      assert.equal(await page.locator('#light button.legend-toggle[data-highlight="PERSON"]').getAttribute('aria-pressed'), 'false');
      assert.equal(await page.evaluate(() => document.querySelector('#plain').shadowRoot
        .querySelector('mark.mention[data-type="PERSON"]').classList.contains('is-off')), false, 'the other element keeps its highlights');
      assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing saved in the host\'s storage');
      await page.locator('#light button.legend-toggle[data-highlight="PERSON"]').click();
      assert.deepEqual(await personMarks(), [false], 'PERSON back on');
    });
  });

  test('src: a text article and a workspace file, with and without its analysis', async () => {
    const body = `<dateline-view id="text" src="article.txt" published="2021-10-21"></dateline-view>
      <dateline-view id="story" src="story.json"></dateline-view>
      <dateline-view id="bare" src="bare.json" view="reader"></dateline-view>`;
    await withHost('src.html', body, async (page, requests) => {
      const ready = Object.fromEntries((await events(page, 'dateline-ready', 3)).map((e) => [e.target, e.detail]));
      const text = await shown(page, '#text');
      assert.equal(text.title, 'Harbour Council Approves New Ferry Link');
      assert.ok(text.mentions.some((m) => m.text === 'Anna Keller'));
      assert.equal(ready.text.analysis.documents[0].dct.value, '2021-10-21');
      assert.equal(text.pickerVisible, false, 'one article: no picker');

      const story = await shown(page, '#story');
      assert.deepEqual(story.picker, workspace.inputs.map((i) => i.id), 'one picker entry per article');
      assert.ok(story.pickerVisible);
      assert.equal(Number(story.total), workspace.analysis.timeline.length, 'the chronology has the workspace\'s events');
      assert.ok(story.events > 0, 'events are drawn on the axis');
      assert.deepEqual(ready.story.analysis, workspace.analysis, 'the analysis of the file is used as it is');
      assert.equal(await page.$eval('#story', (el) => el.shadowRoot.querySelector('.dv-story').textContent), demo.story);

      // The picker opens another article.
      await page.locator('#story .dv-picker').selectOption(workspace.inputs[2].id);
      const third = await shown(page, '#story');
      assert.equal(squish(third.text).includes(squish(workspace.inputs[2].text.split('\n').find((l) => l.trim()))), true);
      assert.equal(await page.$eval('#story', (el) => el.selectedDocument), workspace.inputs[2].id);

      // Without "analysis" the element analyses the inputs itself.
      assert.equal(ready.bare.story, 'Re-analysed');
      assert.equal(ready.bare.analysis.documents.length, workspace.inputs.length);
      assert.deepEqual(ready.bare.analysis.timeline.map((e) => e.summary), workspace.analysis.timeline.map((e) => e.summary));

      // The element fetched the srcs, once each, and nothing else.
      const fetched = requests.filter((r) => /\.(txt|json)$/.test(r)).sort();
      assert.deepEqual(fetched, ['article.txt', 'bare.json', 'story.json']);
      for (const r of requests) assert.match(r, /^(src\.html|host\.(js|css)|lib\/[\w./-]+\.js|article\.txt|\w+\.json)$/, `unexpected request ${r}`);
    });
  });

  test('view switches between the reader, the chronology and both', async () => {
    await withHost('view.html', '<dateline-view id="v" src="story.json"></dateline-view>', async (page) => {
      await events(page, 'dateline-ready');
      let view = await shown(page, '#v');
      assert.ok(view.readerVisible && view.chronologyVisible, 'both by default');
      await page.$eval('#v', (el) => el.setAttribute('view', 'reader'));
      view = await shown(page, '#v');
      assert.ok(view.readerVisible && !view.chronologyVisible, 'reader only');
      await page.$eval('#v', (el) => el.setAttribute('view', 'timeline'));
      view = await shown(page, '#v');
      assert.ok(!view.readerVisible && view.chronologyVisible, 'timeline only');
      await page.waitForFunction(() => document.querySelector('#v').shadowRoot.querySelectorAll('.tl-event').length > 0);
      await page.$eval('#v', (el) => el.setAttribute('view', 'both'));
      view = await shown(page, '#v');
      assert.ok(view.readerVisible && view.chronologyVisible, 'both again');
      // Changing the view re-renders without analysing again.
      assert.equal((await events(page, 'dateline-ready')).length, 1);
    });
  });

  test('theme applies light, dark and the system\'s scheme; ::part and --dateline-* style it from the host', async () => {
    const body = `<dateline-view id="auto">Talks in Geneva on 3 May 2021.</dateline-view>
      <dateline-view id="light" theme="light">Talks in Geneva on 3 May 2021.</dateline-view>
      <dateline-view id="dark" theme="dark">Talks in Geneva on 3 May 2021.</dateline-view>
      <dateline-view id="styled">Geneva Talks Resume

Talks in Geneva resumed on 3 May 2021, officials from France said.</dateline-view>`;
    const colours = (page) => page.evaluate(() => Object.fromEntries(['auto', 'light', 'dark'].map((id) => [id, getComputedStyle(document.getElementById(id)).backgroundColor])));
    const LIGHT = 'rgb(253, 252, 250)';
    const DARK = 'rgb(20, 21, 23)';
    await withHost('theme.html', body, async (page) => {
      await events(page, 'dateline-ready', 4);
      assert.deepEqual(await colours(page), { auto: LIGHT, light: LIGHT, dark: DARK });
      const styled = await page.$eval('#styled', (host) => {
        const root = host.shadowRoot;
        const mark = root.querySelector('mark.mention');
        return {
          outline: getComputedStyle(mark).outlineColor,
          outlineWidth: getComputedStyle(mark).outlineWidth,
          title: getComputedStyle(root.querySelector('[part~="title"]')).color,
          kicker: root.querySelector('.swatch.timex') ? getComputedStyle(root.querySelector('.swatch.timex')).borderBottomColor : null,
        };
      });
      assert.equal(styled.outline, 'rgb(1, 2, 3)', '::part(mention) from the host page');
      assert.equal(styled.outlineWidth, '3px');
      assert.equal(styled.title, 'rgb(4, 5, 6)', '::part(title) from the host page');
      assert.equal(styled.kicker, 'rgb(7, 8, 9)', '--dateline-accent from the host page');
      await page.$eval('#light', (el) => el.setAttribute('theme', 'dark'));
      assert.equal((await colours(page)).light, DARK, 'a theme change applies at once');
    });
    await withHost('theme-dark.html', body, async (page) => {
      await events(page, 'dateline-ready', 4);
      assert.deepEqual(await colours(page), { auto: DARK, light: LIGHT, dark: DARK }, 'auto follows prefers-color-scheme');
      await page.locator('#auto').screenshot({ path: join(results, 'element-dark.png') });
    }, { colorScheme: 'dark' });
  });

  test('a click on an event or a name dispatches dateline-select, received on document', async () => {
    await withHost('select.html', '<dateline-view id="s" src="story.json"></dateline-view>', async (page) => {
      const [ready] = await events(page, 'dateline-ready');
      await page.waitForFunction(() => document.querySelector('#s').shadowRoot.querySelectorAll('.tl-event .tl-card').length > 0);
      const card = page.locator('#s .tl-event .tl-card').last();
      const eventId = await page.locator('#s .tl-event').last().getAttribute('data-event');
      await card.click();
      const [selected] = await events(page, 'dateline-select');
      assert.equal(selected.target, 's', 'the event is retargeted to the host element');
      assert.ok(selected.composed && selected.bubbles);
      assert.equal(selected.detail.kind, 'event');
      assert.equal(selected.detail.id, eventId);
      const event = ready.detail.analysis.timeline.find((e) => e.id === eventId);
      assert.equal(selected.detail.summary, event.summary);
      const source = event.sources.find((s) => s.document === selected.detail.document);
      assert.ok(source, 'the opened article reports the event');
      // The reader opened that article at the reporting sentence, marked.
      assert.equal(await page.$eval('#s', (el) => el.selectedDocument), selected.detail.document);
      const marked = await page.$eval('#s', (el) => [...el.shadowRoot.querySelectorAll('.sentence.is-marked')].map((n) => n.textContent).join(''));
      const i = workspace.inputs.findIndex((x) => x.id === selected.detail.document);
      const sentence = ready.detail.analysis.documents[i].sentences.find((s) => s.start <= source.start && source.start < s.end);
      assert.equal(squish(marked), squish(workspace.inputs[i].text.slice(sentence.start, sentence.end)));

      const mention = page.locator('#s mark.mention[data-entity]').first();
      const entityId = await mention.getAttribute('data-entity');
      await mention.click();
      const entity = (await events(page, 'dateline-select', 2))[1];
      assert.equal(entity.detail.kind, 'entity');
      assert.equal(entity.detail.id, entityId);
      assert.equal(entity.detail.name, ready.detail.analysis.entities.find((e) => e.id === entityId).name);
      assert.equal(await page.$eval('#s', (el) => el.shadowRoot.querySelector('.tl-chip-entity')?.dataset.entity), entityId,
        'the chronology is filtered by the name');

      // From the keyboard: the list of names under the legend does what a click on a highlight does.
      await page.locator('#s .dv-names summary').focus();
      await page.keyboard.press('Enter');
      const button = page.locator('#s .dv-names button.entity-button').nth(1);
      const buttonId = await button.getAttribute('data-entity');
      await button.focus();
      await page.keyboard.press('Enter');
      const byKey = (await events(page, 'dateline-select', 3))[2];
      assert.deepEqual([byKey.detail.kind, byKey.detail.id], ['entity', buttonId]);
      assert.equal(await button.getAttribute('aria-pressed'), 'true');
      assert.equal(await page.$eval('#s', (el) => el.shadowRoot.querySelector('.tl-chip-entity')?.dataset.entity), buttonId);

      // A host that cancels the event keeps the element from acting on it.
      await page.evaluate(() => document.addEventListener('dateline-select', (e) => e.preventDefault()));
      const before = await page.$eval('#s', (el) => el.shadowRoot.querySelector('.tl-chip-entity')?.dataset.entity);
      await page.locator('#s mark.mention[data-entity]').first().click();
      assert.equal(await page.$eval('#s', (el) => el.shadowRoot.querySelector('.tl-chip-entity')?.dataset.entity), before);
      await page.locator('#s').screenshot({ path: join(results, 'element-story.png') });
    });
  });

  test('on a phone the chronology is a list, and its events select too', async () => {
    await withHost('phone.html', '<dateline-view id="p" src="story.json"></dateline-view>', async (page) => {
      await events(page, 'dateline-ready');
      const items = page.locator('#p .tl-list .tl-item');
      assert.equal(await items.count(), workspace.analysis.timeline.length);
      assert.equal(await page.locator('#p .tl-plot').count(), 0);
      // Folded at first, as on the page, so the article comes first.
      assert.equal(await page.locator('#p .tl-toggle').getAttribute('aria-expanded'), 'false');
      await page.locator('#p .tl-toggle').click();
      const id = await items.nth(1).getAttribute('data-event');
      assert.equal(await items.nth(1).getAttribute('part'), 'event');
      await items.nth(1).locator('.tl-item-main').click();
      const [selected] = await events(page, 'dateline-select');
      assert.deepEqual([selected.detail.kind, selected.detail.id], ['event', id]);
      await page.locator('#p').screenshot({ path: join(results, 'element-phone.png') });
    }, { viewport: { width: 390, height: 844 } });
  });

  test('the element follows its own width: a narrow column of a wide page gets the list, a wide one the axis', async () => {
    const body = '<div id="side"><dateline-view id="n" src="story.json"></dateline-view></div><dateline-view id="w" src="story.json"></dateline-view>';
    await withHost('columns.html', body, async (page) => {
      await events(page, 'dateline-ready', 2);
      const layout = (id) => page.evaluate((id) => document.querySelector(id).shadowRoot.querySelector('.chronology').dataset.layout, id);
      const waitLayout = (id, want) => page.waitForFunction(([id, want]) =>
        document.querySelector(id).shadowRoot.querySelector('.chronology').dataset.layout === want, [id, want], { timeout: 5000 });
      assert.equal(await layout('#n'), 'axis', 'as wide as the page: the axis');
      // The host's CSP allows no inline style attributes; the CSSOM is fine.
      await page.evaluate(() => { document.querySelector('#side').style.width = '360px'; });
      await waitLayout('#n', 'list');
      assert.equal(await layout('#w'), 'axis', 'the other element keeps the axis');
      // The narrow element's controls wrap as on a phone (container queries), the wide one's do not.
      const wraps = (id) => page.evaluate((id) => getComputedStyle(document.querySelector(id).shadowRoot.querySelector('.tl-controls')).flexWrap, id);
      assert.equal(await wraps('#n'), 'wrap');
      assert.equal(await wraps('#w'), 'nowrap');
      await page.locator('#n').screenshot({ path: join(results, 'element-narrow-column.png') });
      await page.evaluate(() => { document.querySelector('#side').style.width = '1000px'; });
      await waitLayout('#n', 'axis');
    }, { viewport: { width: 1280, height: 900 } });
  });

  test('a bad src shows an error in the element and dispatches dateline-error', async () => {
    const body = `<dateline-view id="missing" src="nowhere.txt"><p>Fallback text stays readable.</p></dateline-view>
      <dateline-view id="wrong" src="wrong.json"></dateline-view>
      <dateline-view id="v2" src="v2.json"></dateline-view>
      <dateline-view id="broken" src="broken.json"></dateline-view>
      <dateline-view id="date" published="last Tuesday-ish">An article on 3 May.</dateline-view>`;
    await withHost('errors.html', body, async (page, _requests, problems) => {
      const errors = Object.fromEntries((await events(page, 'dateline-error', 5)).map((e) => [e.target, e.detail.message]));
      assert.match(errors.missing, /could not load src "nowhere\.txt": HTTP 404/);
      assert.match(errors.wrong, /^src "wrong\.json": .*not a Dateline workspace.*something-else/);
      assert.match(errors.v2, /^src "v2\.json": .*[Ww]orkspace.* version 2/);
      assert.match(errors.broken, /src "broken\.json" is not valid JSON/);
      assert.match(errors.date, /could not analyse the article: .*published/i);
      for (const id of Object.keys(errors)) {
        const view = await shown(page, `#${id}`);
        assert.ok(view.error?.includes(errors[id]), `${id}: the message is shown in the element: ${view.error}`);
        assert.equal(view.readerVisible, false);
      }
      assert.ok((await shown(page, '#missing')).fallbackVisible, 'the light DOM stays in view under the error');
      // The 404 itself is the one console error Chromium prints.
      const notFound = problems.filter((p) => /404/.test(p));
      problems.splice(0, problems.length, ...problems.filter((p) => !/404/.test(p)));
      assert.equal(notFound.length, 1, JSON.stringify(notFound));
      // Fixing the src recovers.
      await page.$eval('#missing', (el) => el.setAttribute('src', 'article.txt'));
      await events(page, 'dateline-ready');
      const view = await shown(page, '#missing');
      assert.equal(view.error, null);
      assert.equal(view.title, 'Harbour Council Approves New Ferry Link');
    });
  });

  test('hostile text runs nothing and shows as text', async () => {
    // As text set by a script, as escaped text in the host's markup (read as HTML), and in a workspace file.
    const escaped = HOSTILE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n\n/g, '</p><p>');
    const body = `<dateline-view id="h"></dateline-view><dateline-view id="m"><p>${escaped}</p></dateline-view>
      <dateline-view id="j" src="hostile.json"></dateline-view>`;
    await withHost('hostile.html', body, async (page) => {
      await page.waitForFunction(() => customElements.get('dateline-view'));
      await page.$eval('#h', (el, text) => { el.textContent = text; }, HOSTILE);
      await events(page, 'dateline-ready', 3);
      for (const id of ['h', 'm', 'j']) {
        const view = await shown(page, `#${id}`);
        assert.equal(view.unsafe, 0, `${id}: no element made from the text`);
        assert.ok(view.text.includes('<script>window.__pwned=1</script>'), `${id}: the markup shows as text`);
        assert.ok(view.text.includes('<img src=x onerror="window.__pwned=2">'));
      }
      assert.equal(await page.$eval('#j', (el) => el.shadowRoot.querySelector('.dv-story').textContent), '<img src=x onerror="window.__pwned=4">');
      await page.locator('#h mark, #h time').first().hover();
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    });
  });

  test('removing the element stops it; putting it back renders again; defining twice is safe', async () => {
    await withHost('life.html', '<div id="box"><dateline-view id="l">Talks in Geneva on 3 May 2021.</dateline-view></div>', async (page) => {
      await events(page, 'dateline-ready');
      const result = await page.evaluate(async () => {
        const view = document.getElementById('l');
        const before = window.__events.length;
        view.remove();
        view.textContent = 'Talks in Oslo on 4 June 2022.';
        await new Promise((r) => setTimeout(r, 300));
        const whileOut = window.__events.length - before;
        // Defining again (a second import, the class's define, a second copy of the class) does not throw.
        const again = await import('./lib/define.js?again');
        const copy = await import('./lib/element.js?copy');
        copy.DatelineView.define();
        again.DatelineView.define('dateline-view');
        const same = customElements.get('dateline-view') === again.DatelineView;
        copy.DatelineView.define('dateline-copy');
        document.getElementById('box').append(view);
        return { whileOut, same, copy: customElements.get('dateline-copy') === copy.DatelineView };
      });
      assert.equal(result.whileOut, 0, 'a removed element does not react to its content');
      assert.ok(result.same, 'the first definition stays');
      assert.ok(result.copy, 'the class registers under another name');
      await events(page, 'dateline-ready', 2);
      const view = await shown(page, '#l');
      assert.ok(view.text.includes('Oslo'), 'back in the page, it shows the new content');
      // Moved in the page, a story keeps one working chronology.
      await page.evaluate(() => {
        const view = document.createElement('dateline-view');
        view.id = 'moved';
        view.setAttribute('src', 'story.json');
        document.body.append(view);
      });
      await events(page, 'dateline-ready', 3);
      await page.evaluate(() => {
        const view = document.getElementById('moved');
        view.remove();
        document.getElementById('box').prepend(view);
      });
      await page.locator('#moved .tl-top button[data-top="10"]').click();
      await page.waitForFunction(() => document.getElementById('moved').shadowRoot.querySelector('.chronology').dataset.shown === '10');
      const moved = await page.$eval('#moved', (el) => ({
        plots: el.shadowRoot.querySelectorAll('.tl-plot').length,
        bands: el.shadowRoot.querySelectorAll('.chronology').length,
        chips: [...el.shadowRoot.querySelectorAll('.tl-chip')].map((c) => c.textContent),
      }));
      assert.deepEqual(moved, { plots: 1, bands: 1, chips: ['Onlythe top 10×'] });
      // The chronology on screen is the live one: it follows the article picked.
      const other = workspace.inputs[1].id;
      await page.locator('#moved .dv-picker').selectOption(other);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const current = await page.$eval('#moved', (el) => [...new Set([...el.shadowRoot.querySelectorAll('.tl-badge.is-current')].map((b) => b.dataset.document))]);
      assert.deepEqual(current, [other]);
      assert.equal((await events(page, 'dateline-ready')).length, 3, 'moving it does not analyse again');

      // Removed while its src loads: no error, no event.
      const late = await page.evaluate(async () => {
        const before = window.__events.length;
        const view = document.createElement('dateline-view');
        view.setAttribute('src', 'story.json');
        document.body.append(view);
        view.remove();
        await new Promise((r) => setTimeout(r, 1500));
        return window.__events.length - before;
      });
      assert.equal(late, 0);
    });
  });

  test('the example page (dist/element.html, served by npm start) shows its article and the demo story', async () => {
    const dist = await serve({ root: join(root, 'dist'), port: 0 });
    try {
      await withPage(dist.url, 'element.html', async (page, requests) => {
        await page.waitForFunction(() => document.querySelectorAll('dateline-view').length === 2
          && [...document.querySelectorAll('dateline-view')].every((v) => v.analysis), null, { timeout: 30_000 });
        const counts = await page.$$eval('dateline-view', (views) => views.map((v) => ({
          mentions: v.shadowRoot.querySelectorAll('mark.mention').length,
          articles: v.analysis.documents.length,
          events: v.analysis.timeline.length,
        })));
        assert.equal(counts[0].articles, 1);
        assert.ok(counts[0].mentions > 3, JSON.stringify(counts));
        assert.equal(counts[1].articles, demo.documents.length);
        assert.ok(counts[1].events > 10, JSON.stringify(counts));
        await page.locator('dateline-view').nth(1).locator('.tl-event .tl-card').first().click();
        assert.match(await page.locator('#selection').textContent(), /^event “.+” in article \d+$/);
        assert.ok(requests.includes('demo-story.json'));
        await page.screenshot({ path: join(results, 'element-example.png'), fullPage: false });
      });
    } finally {
      await dist.close();
    }
  });
});

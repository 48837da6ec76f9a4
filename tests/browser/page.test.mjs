// The offline page (dist/index.html) in Chromium, opened from file:// and
// over http (scripts/serve.mjs): the demo story, adding articles, hostile
// text, keyboard use, and that nothing is fetched from anywhere else. Also
// the rendering module (www/render.js) on synthetic analyses with
// mentions, dates and boilerplate, which the core does not produce yet.
//
// Builds nothing: run `npm run build` first. Screenshots go to test-results/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');
const pageFile = join(dist, 'index.html');
const results = join(root, 'test-results');

const corpus = JSON.parse(readFileSync(join(root, 'www', 'demo', 'corpus.json'), 'utf8'));
const seeds = corpus.documents.map((d) => ({ ...d, text: readFileSync(join(root, 'www', 'demo', d.file), 'utf8') }));

const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** An article written for this test: a headline, "U.S." mid-sentence, a subheading. */
const PASTED = {
  title: 'Harbour ferry link approved',
  text: [
    'Harbour Council Approves New Ferry Link',
    '',
    'The council voted on Tuesday to fund a ferry between the two piers. Officials from the U.S. Department of Transportation attended the meeting, and a U.S. envoy spoke briefly. The first crossing is planned for the spring.',
    '',
    'FUNDING AND NEXT STEPS',
    '',
    'The project will cost 4.2 million dollars. Construction starts next month!',
  ].join('\n'),
  sentences: 7,
};

const HOSTILE = {
  title: '<img src=x onerror="window.__pwned=2">',
  text: '<script>window.__pwned=1</script>\n\n<img src=x onerror="window.__pwned=1"> Hello there. <b onmouseover="window.__pwned=3">Bye.</b>',
};

/** Whitespace runs collapsed, so DOM text and source text compare. */
const squish = (s) => s.replace(/\s+/g, ' ').trim();

let browser;

before(async () => {
  if (!existsSync(pageFile)) {
    throw new Error(`${pageFile} is missing: run \`npm run build\` (node scripts/build.mjs) before the browser tests`);
  }
  mkdirSync(results, { recursive: true });
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  await browser?.close();
});

/**
 * Opens `url` in a fresh context, recording every request, console error
 * and page error; requests that `allowed` rejects are aborted and reported.
 * Runs `fn(page)`, then asserts that nothing was reported.
 */
async function withPage(url, allowed, fn, { viewport = DESKTOP, colorScheme = 'light', ready = true } = {}) {
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
  page.on('request', (request) => {
    if (!allowed(request.url()) && !foreign.includes(request.url())) foreign.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  try {
    await page.goto(url);
    if (ready) {
      await page.waitForSelector('body[data-ready="true"], .pane-message.error', { timeout: 15_000 });
      assert.deepEqual(problems, [], 'the page started with errors');
      assert.equal(await page.locator('.pane-message.error').count(), 0, 'the page shows a start-up error');
    }
    await fn(page);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'console or page errors');
  assert.deepEqual(foreign, [], 'requests left the page\'s own files');
}

/** The document cards of the sidebar, in order: `{id, title, source, meta, current}`. */
function cards(page) {
  return page.$$eval('#doc-list button.doc-card', (buttons) => buttons.map((b) => ({
    id: b.dataset.document,
    title: b.querySelector('.doc-title').textContent,
    source: b.querySelector('.doc-source').textContent,
    meta: b.querySelector('.doc-meta').textContent,
    current: b.getAttribute('aria-current') === 'true',
  })));
}

/** The shown article: title, sentence texts (one per sentence index) and the rendered text. */
function shownArticle(page) {
  return page.$eval('#article-view article', (article) => {
    const bySentence = new Map();
    for (const span of article.querySelectorAll('.sentence')) {
      const i = Number(span.dataset.index);
      bySentence.set(i, (bySentence.get(i) ?? '') + span.textContent);
    }
    const title = article.querySelector('.article-title');
    const blocks = [...article.querySelectorAll('.article-body > *')];
    if (title.querySelector('.sentence')) blocks.unshift(title);
    return {
      id: article.dataset.document,
      title: title.textContent,
      sentences: [...bySentence.keys()].sort((a, b) => a - b).map((i) => bySentence.get(i)),
      text: blocks.map((b) => b.textContent).join('\n'),
      subheadings: [...article.querySelectorAll('.article-body .subheading')].map((h) => h.textContent),
    };
  });
}

/** Pastes an article into the form and presses Analyse. */
async function paste(page, { title = '', text = '', published = '' }) {
  await page.locator('#add-title').fill(title);
  await page.locator('#add-text').fill(text);
  await page.locator('#add-published').fill(published);
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
}

/** The page tests, run against one way of opening dist/index.html. */
function pageSuite(mode, open) {
  describe(`the page over ${mode}`, () => {
    let url;
    let allowed;
    before(async () => ({ url, allowed } = await open()));

    test('lists the five demo articles and renders each one\'s title and sentences', async () => {
      await withPage(url, allowed, async (page) => {
        const listed = await cards(page);
        assert.deepEqual(listed.map((c) => c.id), seeds.map((s) => s.id), 'the demo articles in order');
        assert.deepEqual(listed.map((c) => c.source), seeds.map((s) => s.source));
        assert.ok(listed[0].current, 'the first article is selected at start');
        assert.match(await page.locator('#story-name').textContent(), /NATO/);

        for (const [i, seed] of seeds.entries()) {
          await page.locator('#doc-list button.doc-card').nth(i).click();
          const article = await shownArticle(page);
          const card = (await cards(page))[i];
          assert.equal(article.id, seed.id);
          assert.ok(card.current, `${seed.id} is marked as selected`);
          assert.ok(article.title.trim(), `${seed.id} has a title`);
          assert.equal(squish(card.title), squish(article.title), `${seed.id}: list and article titles agree`);
          assert.ok(article.sentences.length > 10, `${seed.id} has sentences (${article.sentences.length})`);
          assert.match(card.meta, new RegExp(`^${article.sentences.length} sentences`), `${seed.id}: list shows the sentence count`);
          const firstLine = seed.text.split('\n').find((line) => line.trim());
          assert.ok(squish(article.sentences.join(' ')).includes(squish(firstLine)),
            `${seed.id}: the sentences hold the first paragraph "${firstLine}"`);
          assert.equal(squish(article.text), squish(seed.text), `${seed.id}: the whole text is shown, once`);
        }
        assert.equal(await page.locator('#article-view img, #article-view script').count(), 0);
      });
    });

    test('adds a pasted article, with its sentences and subheading', async () => {
      await withPage(url, allowed, async (page) => {
        await paste(page, PASTED);
        const listed = await cards(page);
        assert.equal(listed.length, seeds.length + 1, 'the article is added to the list');
        const added = listed.at(-1);
        assert.equal(added.title, PASTED.title);
        assert.ok(added.current, 'the added article is selected');
        assert.match(added.meta, new RegExp(`^${PASTED.sentences} sentences`));
        const article = await shownArticle(page);
        assert.equal(article.title, PASTED.title);
        assert.equal(article.sentences.length, PASTED.sentences, `sentences: ${JSON.stringify(article.sentences)}`);
        assert.ok(article.sentences.some((s) => s.includes('Officials from the U.S. Department of Transportation attended')),
          '"U.S." does not end a sentence');
        assert.deepEqual(article.subheadings.map(squish), ['Harbour Council Approves New Ferry Link', 'FUNDING AND NEXT STEPS']);
        assert.equal(squish(article.text), squish(PASTED.text));
        assert.equal(await page.locator('#add-error').isVisible(), false);
        assert.match(await page.locator('#add-status').textContent(), /Added .*7 sentences/);
        assert.equal(await page.locator('#add-text').inputValue(), '', 'the form is cleared');

        await page.locator('#doc-list button.doc-card').first().click();
        assert.equal((await shownArticle(page)).id, seeds[0].id, 'the demo articles are still there');
      });
    });

    test('shows hostile pasted text as literal text and runs none of it', async () => {
      await withPage(url, allowed, async (page) => {
        await paste(page, HOSTILE);
        await page.locator('#article-view .sentence').first().hover();
        await page.waitForTimeout(300);
        assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no injected script ran');
        assert.equal(await page.locator('#article-view img, #article-view script, #article-view b, #doc-list img').count(), 0,
          'no element came from the text');
        const article = await shownArticle(page);
        assert.equal(article.title, HOSTILE.title, 'the title is shown as text');
        assert.ok(article.text.includes('<script>window.__pwned=1</script>'));
        assert.ok(article.text.includes('<img src=x onerror="window.__pwned=1">'));
        assert.equal((await cards(page)).at(-1).title, HOSTILE.title);
      });
    });

    test('shows analysis and input errors inline and adds nothing', async () => {
      await withPage(url, allowed, async (page) => {
        const error = page.locator('#add-error');
        await paste(page, { text: 'Moscow replied on Monday. Talks ended.', published: 'yesterday' });
        await error.waitFor({ state: 'visible' });
        assert.match(await error.textContent(), /could not be analysed.*"yesterday".*YYYY-MM-DD/);
        assert.equal((await cards(page)).length, seeds.length);
        assert.equal(await page.locator('#add-text').inputValue(), 'Moscow replied on Monday. Talks ended.',
          'the text is kept to fix the date');

        await paste(page, { text: '   ' });
        assert.match(await error.textContent(), /no text to analyse/);
        assert.equal((await cards(page)).length, seeds.length);

        await paste(page, { text: 'Moscow replied on Monday. Talks ended.', published: '2021-10-18' });
        await error.waitFor({ state: 'hidden' });
        assert.equal((await cards(page)).length, seeds.length + 1);
        assert.match((await cards(page)).at(-1).meta, /2 sentences · 18 October 2021/);
      });
    });

    test('adds .txt files from the file picker and by drag and drop', async () => {
      await withPage(url, allowed, async (page) => {
        await page.setInputFiles('#file-input', [
          { name: 'ferry.txt', mimeType: 'text/plain', buffer: Buffer.from(PASTED.text) },
          { name: 'short note.txt', mimeType: 'text/plain', buffer: Buffer.from('One line. Two lines.') },
        ]);
        await page.waitForFunction((n) => document.querySelectorAll('#doc-list button').length === n, seeds.length + 2, { timeout: 10_000 });
        let listed = await cards(page);
        assert.deepEqual(listed.slice(-2).map((c) => [c.id, c.source]), [['ferry', 'ferry.txt'], ['short-note', 'short note.txt']]);
        assert.ok(listed.at(-1).current);
        assert.equal((await shownArticle(page)).sentences.length, 2);

        await page.evaluate((text) => {
          const data = new DataTransfer();
          data.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
          for (const type of ['dragenter', 'dragover', 'drop']) {
            document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
          }
        }, PASTED.text);
        await page.waitForFunction((n) => document.querySelectorAll('#doc-list button').length === n, seeds.length + 3, { timeout: 10_000 });
        listed = await cards(page);
        assert.equal(listed.at(-1).source, 'dropped.txt');
        assert.equal((await shownArticle(page)).sentences.length, PASTED.sentences);
        assert.equal(await page.locator('#drop-overlay').isVisible(), false, 'the drop overlay is gone');

        await page.setInputFiles('#file-input', [{ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([137, 80, 78, 71]) }]);
        await page.locator('#add-error').waitFor({ state: 'visible' });
        assert.match(await page.locator('#add-error').textContent(), /photo\.png.*not a \.txt file/);
        assert.equal((await cards(page)).length, seeds.length + 3);
      });
    });

    test('works from the keyboard and labels its regions', async () => {
      await withPage(url, allowed, async (page) => {
        await page.locator('#doc-list button.doc-card').first().focus();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        assert.equal((await shownArticle(page)).id, seeds[2].id, 'arrow keys and Enter select an article');
        await page.keyboard.press('End');
        await page.keyboard.press('Space');
        assert.equal((await shownArticle(page)).id, seeds.at(-1).id);

        const toggle = page.getByRole('button', { name: 'Sentence numbers' });
        await toggle.focus();
        await page.keyboard.press('Enter');
        assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
        assert.equal(await page.locator('#article-view.show-sentences').count(), 1);

        for (const name of ['Articles', 'Add an article', 'Article']) {
          assert.equal(await page.getByRole(name === 'Articles' ? 'navigation' : name === 'Article' ? 'main' : 'region', { name, exact: true }).count(), 1,
            `a region labelled "${name}"`);
        }
        const unlabelled = await page.$$eval('button, input, textarea', (controls) => controls
          .filter((c) => !(c.labels?.length || c.getAttribute('aria-label') || c.textContent.trim()))
          .map((c) => c.outerHTML));
        assert.deepEqual(unlabelled, [], 'every control has a label');
      });
    });

    test('screenshots at 1280×800 and 390×844, light and dark', async () => {
      for (const [viewport, colorScheme] of [[DESKTOP, 'light'], [PHONE, 'light'], [DESKTOP, 'dark'], [PHONE, 'dark']]) {
        await withPage(url, allowed, async (page) => {
          assert.ok((await cards(page)).length >= seeds.length);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= viewport.width, `no horizontal scrolling at ${viewport.width}px (${width}px wide)`);
          const suffix = colorScheme === 'dark' ? '-dark' : '';
          await page.screenshot({ path: join(results, `page-${mode}-${viewport.width}x${viewport.height}${suffix}.png`) });
        }, { viewport, colorScheme });
      }
    });
  });
}

pageSuite('file', async () => {
  const url = pathToFileURL(pageFile).href;
  return { url, allowed: (target) => target.split('#')[0] === url || /^(data|blob):/.test(target) };
});

describe('over http', () => {
  let server;
  before(async () => { server = await serve({ port: 0, root: dist }); });
  after(async () => { await server?.close(); });

  pageSuite('http', async () => ({
    url: server.url,
    allowed: (target) => target.startsWith(server.url) || /^(data|blob):/.test(target),
  }));

  test('serve.mjs: content types, and nothing outside dist/', async () => {
    const fetchRaw = (path) => new Promise((ok, fail) => {
      get({ host: '127.0.0.1', port: server.port, path }, (res) => {
        res.resume();
        res.on('end', () => ok({ status: res.statusCode, type: res.headers['content-type'] }));
      }).on('error', fail);
    });
    assert.deepEqual(await fetchRaw('/'), { status: 200, type: 'text/html; charset=utf-8' });
    assert.equal((await fetchRaw('/lib/index.js')).type, 'text/javascript; charset=utf-8');
    assert.equal((await fetchRaw('/lib/dateline.wasm')).type, 'application/wasm');
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/lib/..%2f..%2fpackage.json',
      '/%2e%2e%5cpackage.json', '/nope.html', '/lib%00.js']) {
      assert.equal((await fetchRaw(path)).status, 404, path);
    }
  });
});

describe('www/render.js on synthetic analyses', () => {
  let server;
  before(async () => { server = await serve({ port: 0, root: join(root, 'www') }); });
  after(async () => { await server?.close(); });

  const TEXT = [
    'Lavrov meets Stoltenberg',
    '',
    'On 6 October, NATO expelled eight members of Russia’s mission. Sergei Lavrov said <b>nothing</b> changed.',
    '',
    'Sign up for our newsletter. It is free.',
  ].join('\n');
  const at = (needle, from = 0) => {
    const start = TEXT.indexOf(needle, from);
    return { start, end: start + needle.length, text: needle };
  };
  const sentence = (needle) => { const { start, end } = at(needle); return { start, end }; };
  const ANALYSIS = {
    id: 'syn', title: 'Lavrov meets Stoltenberg', source: 'Test wire',
    dct: { value: '2021-10-21', basis: 'given' },
    body: [{ start: 0, end: TEXT.indexOf('Sign up') - 2 }],
    boilerplate: [{ ...sentence('Sign up for our newsletter. It is free.'), kind: 'newsletter' }],
    paragraphs: [sentence('Lavrov meets Stoltenberg'), sentence('On 6 October, NATO expelled eight members of Russia’s mission. Sergei Lavrov said <b>nothing</b> changed.'),
      sentence('Sign up for our newsletter. It is free.')],
    sentences: [sentence('Lavrov meets Stoltenberg'), sentence('On 6 October, NATO expelled eight members of Russia’s mission.'),
      sentence('Sergei Lavrov said <b>nothing</b> changed.'), sentence('Sign up for our newsletter.'), sentence('It is free.')],
    mentions: [
      { ...at('Lavrov'), type: 'PERSON', entity: 'sergei-lavrov' },
      { ...at('Stoltenberg'), type: 'PERSON', entity: 'jens-stoltenberg' },
      { ...at('NATO'), type: 'ORG', entity: 'nato' },
      { ...at('Russia'), type: 'GPE', entity: 'russia' },
      { ...at('Sergei Lavrov'), type: 'PERSON', entity: 'sergei-lavrov' },
      { ...at('<b>nothing</b>'), type: 'WORK_OF_ART', entity: null },
    ],
    timexes: [{ ...at('6 October'), type: 'DATE', value: '2021-10-06', mod: null, anchor: 'dct' }],
  };
  const ENTITIES = [
    { id: 'sergei-lavrov', name: 'Sergei Lavrov', type: 'PERSON', aliases: ['Lavrov'], documents: ['syn'], mentions: 2 },
    { id: 'nato', name: 'NATO', type: 'ORG', aliases: [], documents: ['syn'], mentions: 1 },
  ];
  const TIMELINE = [{
    id: 'e1', date: { value: '2021-10-06', start: '2021-10-06', end: '2021-10-06', grain: 'day', approximate: false },
    summary: 'NATO expels eight members of Russia’s mission', participants: ['nato', 'russia'],
    sources: [{ document: 'syn', ...sentence('On 6 October, NATO expelled eight members of Russia’s mission.') }], salience: 0.9,
  }];

  /** The page's own shell (www/index.html) without its app script and CSP, to host the modules. */
  const shell = readFileSync(join(root, 'www', 'index.html'), 'utf8')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace('<script type="module" src="app.js"></script>', '');

  /** Renders the synthetic analysis with the page's own modules; returns what the DOM shows. */
  function renderSynthetic(page) {
    return page.evaluate(async ({ text, analysis, entities, timeline }) => {
      const render = await import('/render.js');
      const { showArticle, showStoryPanel } = await import('/app/view.js');
      const { renderLibrary } = await import('/app/library.js');
      const titles = new Map([[analysis.id, analysis.title]]);
      document.querySelector('#story-name').textContent = 'A synthetic story';
      renderLibrary(document.querySelector('#doc-list'), [{ id: analysis.id, title: analysis.title, source: analysis.source,
        sentences: analysis.sentences.length, date: analysis.dct.value }], analysis.id, () => {});
      const article = showArticle(document.querySelector('#article-view'), { analysis, text, entities, showSentences: false });
      const story = { documents: [analysis], entities, timeline };
      const panel = showStoryPanel(document.querySelector('#story-panel'), { analysis: story, documentId: analysis.id, titles });
      document.querySelector('.layout').classList.toggle('has-panel', panel);
      return {
        h1: article.querySelector('h1').textContent,
        sentences: [...article.querySelectorAll('.sentence')].map((s) => [s.dataset.index, s.textContent]),
        marks: [...article.querySelectorAll('mark.mention')].map((m) => [m.textContent, m.dataset.type, m.dataset.entity ?? null, m.title]),
        times: [...article.querySelectorAll('time.timex')].map((t) => [t.textContent, t.getAttribute('datetime'), t.title]),
        boilerplate: [...article.querySelectorAll('.article-body .boilerplate')].map((b) => [b.tagName, b.dataset.boilerplate]),
        legend: [...document.querySelectorAll('.legend-item')].map((li) => li.textContent),
        entityRows: [...document.querySelectorAll('.entity')].map((li) => li.textContent),
        sources: [...document.querySelectorAll('.event-source')].map((b) => [b.dataset.document, b.dataset.start]),
        injected: document.querySelectorAll('#article-view b').length,
        panelShown: panel,
        headings: [render.isHeading('SOME TIES REMAIN'), render.isHeading('Reality vs Symbolism'),
          render.isHeading('It is closing down.'), render.isHeading('by Mark Galeotti'), render.isHeading('7 Comments')],
      };
    }, { text: TEXT, analysis: ANALYSIS, entities: ENTITIES, timeline: TIMELINE });
  }

  test('highlights mentions by type, underlines dates, dims boilerplate, keeps text literal', async () => {
    const allowed = (target) => target.startsWith(server.url) || /^(data|blob):/.test(target);
    for (const viewport of [DESKTOP, PHONE]) {
      await withPage(`${server.url}render.js`, allowed, async (page) => {
        await page.setContent(shell);
        const out = await renderSynthetic(page);
        assert.equal(out.h1, 'Lavrov meets Stoltenberg');
        assert.deepEqual(out.sentences.map(([i]) => i), ['0', '1', '2', '3', '4']);
        assert.deepEqual(out.sentences.map(([, s]) => s), ANALYSIS.sentences.map((s) => TEXT.slice(s.start, s.end)));
        assert.deepEqual(out.marks.map(([t, type, entity]) => [t, type, entity]), [
          ['Lavrov', 'PERSON', 'sergei-lavrov'], ['Stoltenberg', 'PERSON', 'jens-stoltenberg'], ['NATO', 'ORG', 'nato'],
          ['Russia', 'GPE', 'russia'], ['Sergei Lavrov', 'PERSON', 'sergei-lavrov'], ['<b>nothing</b>', 'WORK_OF_ART', null],
        ]);
        assert.equal(out.marks[0][3], 'Person · Sergei Lavrov', 'a short mention names its entity in the tooltip');
        assert.deepEqual(out.times.map(([t, dt]) => [t, dt]), [['6 October', '2021-10-06']]);
        assert.match(out.times[0][2], /2021-10-06.*6 October 2021.*publication date/);
        assert.deepEqual(out.boilerplate, [['P', 'newsletter'], ['SPAN', 'newsletter'], ['SPAN', 'newsletter']]);
        assert.deepEqual(out.legend, ['Person3', 'Organization1', 'Country or city1', 'Work of art1', 'Date or time1']);
        assert.deepEqual(out.entityRows, ['Sergei Lavrov2', 'NATO1']);
        assert.deepEqual(out.sources, [['syn', String(TEXT.indexOf('On 6 October'))]]);
        assert.equal(out.injected, 0, 'markup in the text stays text');
        assert.ok(out.panelShown, 'the story panel shows entities and the chronology');
        assert.deepEqual(out.headings, [true, true, false, false, false]);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= viewport.width, `no horizontal scrolling at ${viewport.width}px (${width}px wide)`);
        await page.screenshot({ path: join(results, `render-synthetic-${viewport.width}x${viewport.height}.png`) });
      }, { ready: false, viewport });
    }
  });
});

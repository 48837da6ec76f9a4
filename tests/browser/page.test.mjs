// The offline page (dist/index.html) in Chromium, opened from file:// and
// over http (scripts/serve.mjs): the demo story, adding articles, hostile
// text, keyboard use, and that nothing is fetched from anywhere else. Also
// the rendering module (www/render.js) on synthetic analyses with
// mentions, dates and boilerplate, which the core does not produce yet.
//
// Builds nothing: run `npm run build` first. Screenshots go to test-results/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { serve } from '../../scripts/serve.mjs';
import { DESKTOP, PHONE, cards, guardedPage, launch } from './offline-page.mjs';
import { eventSpan, filterEvents, fold, formatEventDate, sourceDocuments, topBySalience } from '../../www/app/timeline-model.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');
const pageFile = join(dist, 'index.html');
const results = join(root, 'test-results');

const corpus = JSON.parse(readFileSync(join(root, 'www', 'demo', 'corpus.json'), 'utf8'));
const seeds = corpus.documents.map((d) => ({ ...d, text: readFileSync(join(root, 'www', 'demo', d.file), 'utf8') }));


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
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** Opens `url` in a fresh guarded context (tests/browser/offline-page.mjs, guardedPage) and runs `fn(page, context)`. */
function withPage(url, allowed, fn, options) {
  return guardedPage(browser, url, allowed, fn, options);
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
    // Folded boilerplate (a .bp-group: toggle line + body) counts by its blocks, without the toggle.
    const blocks = [...article.querySelectorAll('.article-body > :not(.bp-group), .article-body > .bp-group > .bp-body > *')];
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

/** Pastes an article into the form, presses Analyse and waits until the form is no longer busy. */
async function paste(page, { title = '', text = '', published = '' }) {
  await page.locator('#add-title').fill(title);
  await page.locator('#add-text').fill(text);
  await page.locator('#add-published').fill(published);
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await addDone(page);
}

/** Waits until the add form's analysis (in the worker) is done. */
function addDone(page) {
  return page.waitForSelector('#add-form:not([aria-busy])', { timeout: 20_000 });
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
        await page.waitForFunction((n) => document.querySelectorAll('#doc-list button.doc-card').length === n, seeds.length + 2, { timeout: 10_000 });
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
        await page.waitForFunction((n) => document.querySelectorAll('#doc-list button.doc-card').length === n, seeds.length + 3, { timeout: 10_000 });
        listed = await cards(page);
        assert.equal(listed.at(-1).source, 'dropped.txt');
        assert.equal((await shownArticle(page)).sentences.length, PASTED.sentences);
        assert.equal(await page.locator('#drop-overlay').isVisible(), false, 'the drop overlay is gone');

        await page.setInputFiles('#file-input', [{ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([137, 80, 78, 71]) }]);
        await page.locator('#add-error').waitFor({ state: 'visible' });
        assert.match(await page.locator('#add-error').textContent(), /photo\.png.*not an article file: open \.txt, \.md or \.html files/);
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

/** What the chronology band shows: layout, counts, visible dates, and the events it labels. */
function chronology(page) {
  return page.$eval('#chronology', (section) => {
    const plot = section.querySelector('.tl-plot');
    const items = [...section.querySelectorAll('.tl-event, .tl-item')];
    return {
      hidden: section.hidden,
      layout: section.dataset.layout,
      shown: Number(section.dataset.shown),
      total: Number(section.dataset.total),
      status: section.querySelector('.tl-status').textContent,
      domain: plot ? [plot.dataset.domainStart, plot.dataset.domainEnd] : null,
      ticks: [...section.querySelectorAll('.tl-tick')].map((t) => t.textContent),
      events: items.map((item) => ({
        id: item.dataset.event,
        lane: item.dataset.lane,
        participants: item.dataset.participants.split(' ').filter(Boolean),
        date: item.querySelector('.tl-date').textContent,
        datetime: item.querySelector('.tl-date').getAttribute('datetime'),
        summary: item.querySelector('.tl-summary').textContent,
        badges: [...item.querySelectorAll('.tl-badge')].map((b) => [b.textContent, b.dataset.document, b.getAttribute('aria-label')]),
        box: (({ left, right, top, bottom }) => ({ left, right, top, bottom }))(item.querySelector('.tl-card, .tl-item-main').getBoundingClientRect()),
      })),
    };
  });
}

/** Days between two ISO dates. */
const days = ([a, b]) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/** Waits until the chronology's `data-shown` is `n`; returns the band's state. */
async function shownBecomes(page, n) {
  await page.waitForFunction((want) => document.querySelector('#chronology').dataset.shown === String(want), n, { timeout: 5000 })
    .catch(() => {});
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return chronology(page);
}

/** The marked sentence: its text (all its pieces), its index, and whether it is in view below the band. */
function marked(page) {
  return page.evaluate(() => {
    const pieces = [...document.querySelectorAll('#article-view .sentence.is-marked')];
    if (!pieces.length) return null;
    const band = document.querySelector('#chronology').getBoundingClientRect();
    const box = pieces[0].getBoundingClientRect();
    return {
      document: document.querySelector('#article-view article').dataset.document,
      text: pieces.map((p) => p.textContent).join(''),
      indexes: [...new Set(pieces.map((p) => p.dataset.index))],
      inView: box.top >= Math.max(0, band.bottom) - 1 && box.bottom <= innerHeight + 1,
    };
  });
}

/** Waits for the marked sentence to settle in view (smooth scrolling), then returns it. */
async function settledMark(page) {
  await page.waitForFunction(() => {
    const piece = document.querySelector('#article-view .sentence.is-marked');
    if (!piece) return false;
    const band = document.querySelector('#chronology').getBoundingClientRect();
    const box = piece.getBoundingClientRect();
    return box.top >= Math.max(0, band.bottom) - 1 && box.bottom <= innerHeight + 1;
  }, null, { timeout: 5000 }).catch(() => {});
  return marked(page);
}

describe('the chronology (file://)', () => {
  const url = pathToFileURL(pageFile).href;
  const allowed = (target) => target.split('#')[0] === url || /^(data|blob):/.test(target);
  /** The seeds' analysis, from the built package: what the page must show. */
  let analysis;
  let entities;
  const order = seeds.map((s) => s.id);
  const textOf = (id) => seeds.find((s) => s.id === id).text;
  const byId = (id) => analysis.timeline.find((e) => e.id === id);

  before(async () => {
    const { analyze } = await import('../../dist/lib/node.js');
    analysis = analyze(seeds.map(({ id, source, text }) => ({ id, source, text })));
    entities = new Map(analysis.entities.map((e) => [e.id, e]));
  });

  test('renders the seeds\' events on a time axis: dates by grain, summaries, participants, source badges, no overlaps', async () => {
    await withPage(url, allowed, async (page) => {
      const band = await chronology(page);
      assert.equal(band.hidden, false);
      assert.equal(band.layout, 'axis');
      assert.equal(band.total, analysis.timeline.length);
      assert.equal(band.shown, analysis.timeline.length, 'every event, unfiltered');
      assert.ok(band.events.length >= 4, `${band.events.length} events labelled`);
      assert.ok(band.events.length < band.total, 'the axis opens on the story\'s news, its history a zoom away');
      assert.match(band.status, /^\w{3}( – \w{3})? \d{4} · \d+ of \d+ events in view$/);
      assert.ok(band.ticks.length >= 3, `ticks: ${band.ticks}`);
      for (const shown of band.events) {
        const event = byId(shown.id);
        assert.ok(event, `${shown.id} is an event of the analysis`);
        assert.equal(shown.date, formatEventDate(event.date));
        assert.equal(shown.datetime, event.date.start);
        assert.equal(shown.summary, event.summary);
        assert.deepEqual(shown.participants, event.participants);
        const sources = sourceDocuments(event, order);
        assert.deepEqual(shown.badges.map(([n, doc]) => [n, doc]), sources.map((s) => [String(order.indexOf(s.document) + 1), s.document]),
          `${shown.id}: one badge per reporting article, numbered as in the list`);
        assert.match(shown.badges[0][2], /^Article \d: /);
      }
      const names = await page.$$eval('#chronology .tl-people', (nodes) => nodes.map((n) => n.textContent));
      assert.ok(names.some((n) => n.includes('Kremlin') || n.includes('NATO')), `participants by name: ${names}`);
      for (const a of band.events) {
        for (const b of band.events) {
          if (a === b || a.lane !== b.lane) continue;
          assert.ok(a.box.right <= b.box.left || b.box.right <= a.box.left, `${a.id} and ${b.id} overlap in lane ${a.lane}`);
        }
      }
      const days0 = days(band.domain);
      assert.ok(days0 > 30 && days0 < 2 * 366, `opens on months, not decades: ${band.domain}`);
    });
  });

  test('clicking an event opens its first source article and marks the reporting sentence; arrows and Enter do the same', async () => {
    await withPage(url, allowed, async (page) => {
      const band = await chronology(page);
      // An event first reported in another article than the one shown.
      const pick = band.events.map((e) => byId(e.id)).sort((a, b) => b.salience - a.salience)
        .find((e) => sourceDocuments(e, order)[0].document !== order[0]);
      assert.ok(pick, 'an event from another article is on the axis');
      const source = sourceDocuments(pick, order)[0];
      await page.locator(`#chronology .tl-event[data-event="${pick.id}"] .tl-card`).click();
      await page.waitForSelector(`#article-view article[data-document="${source.document}"]`);
      const mark = await settledMark(page);
      assert.ok(mark, 'a sentence is marked');
      assert.equal(mark.document, source.document);
      assert.equal(mark.text, textOf(source.document).slice(source.start, source.end), 'the marked sentence is the source sentence');
      assert.equal(mark.indexes.length, 1);
      assert.ok(mark.inView, 'the sentence is scrolled into view, below the chronology');
      assert.equal(await page.locator(`#chronology .tl-event[data-event="${pick.id}"] .tl-card`).getAttribute('aria-current'), 'true');
      assert.equal((await cards(page)).find((c) => c.current).id, source.document, 'the list marks the opened article');

      // Keyboard: from the opened event, the next one in time, then Enter.
      await page.locator(`#chronology .tl-event[data-event="${pick.id}"] .tl-card`).focus();
      const times = filterEvents(analysis.timeline, {}, entities).map((e) => e.id);
      const next = times[times.indexOf(pick.id) + 1] ?? times[times.indexOf(pick.id) - 1];
      await page.keyboard.press(times.indexOf(pick.id) + 1 < times.length ? 'ArrowRight' : 'ArrowLeft');
      const focused = await page.evaluate(() => document.activeElement.closest('.tl-event')?.dataset.event);
      assert.equal(focused, next, 'the arrow moves to the next event in time');
      await page.keyboard.press('Enter');
      const nextSource = sourceDocuments(byId(next), order)[0];
      await page.waitForSelector(`#article-view article[data-document="${nextSource.document}"]`);
      await page.waitForFunction((text) => [...document.querySelectorAll('.sentence.is-marked')].map((p) => p.textContent).join('') === text,
        textOf(nextSource.document).slice(nextSource.start, nextSource.end), { timeout: 5000 });
      const again = await settledMark(page);
      assert.equal(again.indexes.length, 1, 'one sentence marked at a time');
      assert.ok(again.inView);

      // A source badge opens that article.
      const other = band.events.map((e) => byId(e.id)).find((e) => sourceDocuments(e, order).length >= 2);
      if (other) {
        const second = sourceDocuments(other, order)[1];
        await page.locator(`#chronology .tl-event[data-event="${other.id}"] .tl-badge[data-document="${second.document}"]`).click();
        await page.waitForSelector(`#article-view article[data-document="${second.document}"]`);
        await page.waitForFunction((text) => [...document.querySelectorAll('.sentence.is-marked')].map((p) => p.textContent).join('') === text,
          textOf(second.document).slice(second.start, second.end), { timeout: 5000 });
      }
    });
  });

  test('a name in the story panel or the article filters the chronology; the chip removes the filter', async () => {
    await withPage(url, allowed, async (page) => {
      const total = analysis.timeline.length;
      const withEntity = (id) => analysis.timeline.filter((e) => e.participants.includes(id)).length;
      const panelIds = await page.$$eval('#story-panel button.entity-button', (buttons) => buttons.map((b) => b.dataset.entity));
      const id = panelIds.find((e) => withEntity(e) >= 2 && withEntity(e) < total);
      assert.ok(id, 'an entity of the panel takes part in some events');
      const button = page.locator(`#story-panel button.entity-button[data-entity="${id}"]`);
      await button.click();
      let band = await shownBecomes(page, withEntity(id));
      assert.equal(band.shown, withEntity(id), 'fewer events');
      assert.ok(band.shown < total);
      assert.ok(band.events.length > 0, 'the axis shows the entity\'s events');
      for (const e of band.events) assert.ok(e.participants.includes(id), `${e.id} has ${id} among its participants`);
      assert.equal(await button.getAttribute('aria-pressed'), 'true');
      const chip = page.locator('#chronology .tl-chip-entity');
      assert.equal(await chip.locator('.tl-chip-value').textContent(), entities.get(id).name);
      assert.ok(await page.locator(`#article-view mark.mention.is-filtered[data-entity="${id}"]`).count() > 0,
        'its mentions in the article are outlined');

      await chip.getByRole('button').click();
      band = await shownBecomes(page, total);
      assert.equal(band.shown, total, 'the chip removes the filter');
      assert.equal(await page.locator('#chronology .tl-chip').count(), 0);
      assert.equal(await button.getAttribute('aria-pressed'), 'false');

      const markIds = await page.$$eval('#article-view mark.mention[data-entity]', (marks) => marks.map((m) => m.dataset.entity));
      const other = markIds.find((e) => e !== id && withEntity(e) >= 1 && withEntity(e) < total);
      await page.locator(`#article-view mark.mention[data-entity="${other}"]`).first().click();
      band = await shownBecomes(page, withEntity(other));
      assert.equal(band.shown, withEntity(other), `a click on "${other}" in the text filters by it`);
      for (const e of band.events) assert.ok(e.participants.includes(other));
      await page.locator(`#article-view mark.mention[data-entity="${other}"]`).first().click();
      assert.equal((await shownBecomes(page, total)).shown, total, 'a second click removes it');
    });
  });

  test('wheel, drag, + and - keys and the buttons zoom and pan the axis; reset shows every date', async () => {
    await withPage(url, allowed, async (page) => {
      const domain = async () => (await chronology(page)).domain;
      const changed = (before) => page.waitForFunction((b) => {
        const plot = document.querySelector('.tl-plot');
        return plot.dataset.domainStart !== b[0] || plot.dataset.domainEnd !== b[1];
      }, before, { timeout: 5000 });
      const settle = () => page.waitForTimeout(400);
      const d0 = await domain();

      await page.locator('.tl-plot').focus();
      await page.keyboard.press('+');
      await changed(d0);
      await settle();
      const d1 = await domain();
      assert.ok(days(d1) < days(d0) * 0.8, `+ zooms in: ${d0} → ${d1}`);

      const box = await page.locator('.tl-plot').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + 20);
      await page.mouse.wheel(0, 600);
      await changed(d1);
      await settle();
      const d2 = await domain();
      assert.ok(days(d2) > days(d1) * 1.2, `the wheel zooms out: ${d1} → ${d2}`);

      await page.keyboard.press('-');
      await changed(d2);
      await settle();
      const d3 = await domain();
      assert.ok(days(d3) > days(d2), `- zooms out: ${d2} → ${d3}`);
      const ticksOut = (await chronology(page)).ticks;

      await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
      await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
      await changed(d3);
      await settle();
      const d4 = await domain();
      assert.ok(days(d4) < days(d3) / 2, `the buttons zoom in: ${d3} → ${d4}`);
      assert.notDeepEqual((await chronology(page)).ticks, ticksOut, 'the ticks follow the zoom');

      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height - 40);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height - 40, { steps: 8 });
      await page.mouse.up();
      await settle();
      const d5 = await domain();
      assert.ok(d5[0] > d4[0], `dragging left moves forward in time: ${d4} → ${d5}`);
      assert.ok(Math.abs(days(d5) - days(d4)) < 2, 'dragging keeps the zoom');

      await page.keyboard.press('ArrowLeft');
      await settle();
      assert.ok((await domain())[0] < d5[0], 'the left arrow pans back in time');

      await page.getByRole('button', { name: 'Reset zoom: show every date' }).click();
      await settle();
      const all = await domain();
      const first = Math.min(...analysis.timeline.map((e) => eventSpan(e.date).t0));
      const last = Math.max(...analysis.timeline.map((e) => eventSpan(e.date).t1));
      assert.ok(Date.parse(all[0]) <= first && Date.parse(all[1]) >= last - 86_400_000, `reset shows every date: ${all}`);
      const band = await chronology(page);
      assert.match(band.status, new RegExp(`^\\d{4} – \\d{4} · ${band.total} of ${band.total} events in view$`));
      assert.ok(await page.locator('.tl-band').count() > 0, 'zoomed out, dense stretches are bands, not overlapping labels');
      const bandLabel = await page.locator('.tl-band').first().getAttribute('aria-label');
      assert.match(bandLabel, /^\d+ more events?, .*: zoom in$/);
    });
  });

  test('the search box, the top-k control and the type and article filters narrow the events', async () => {
    await withPage(url, allowed, async (page) => {
      const total = analysis.timeline.length;
      const word = 'kremlin';
      const matching = analysis.timeline.filter((e) => fold(e.summary).includes(word));
      assert.ok(matching.length >= 1 && matching.length < total);
      await page.locator('#chronology .tl-search').fill('Kremlin');
      let band = await shownBecomes(page, matching.length);
      assert.equal(band.shown, matching.length, 'the search filters by summary');
      for (const e of band.events) assert.match(e.summary, /kremlin/i);
      await page.locator('#chronology .tl-chip').getByRole('button').click();
      band = await shownBecomes(page, total);
      assert.equal(band.shown, total);
      assert.equal(await page.locator('#chronology .tl-search').inputValue(), '', 'the chip clears the search box');

      await page.getByRole('button', { name: 'Top 10', exact: true }).click();
      band = await shownBecomes(page, 10);
      assert.equal(band.shown, 10);
      const top = new Set(topBySalience(analysis.timeline, 10).map((e) => e.id));
      for (const e of band.events) assert.ok(top.has(e.id), `${e.id} is among the 10 most salient`);
      assert.equal(await page.getByRole('button', { name: 'Top 10', exact: true }).getAttribute('aria-pressed'), 'true');
      await page.getByRole('button', { name: 'All', exact: true }).click();
      assert.equal((await shownBecomes(page, total)).shown, total);

      const people = analysis.timeline.filter((e) => e.participants.some((id) => entities.get(id)?.type === 'PERSON')).length;
      await page.locator('#chronology .tl-type').selectOption('PERSON');
      assert.equal((await shownBecomes(page, people)).shown, people, 'events with a person');
      await page.locator('#chronology .tl-type').selectOption('');
      const inThird = analysis.timeline.filter((e) => e.sources.some((s) => s.document === order[2])).length;
      await page.locator('#chronology .tl-document').selectOption(order[2]);
      band = await shownBecomes(page, inThird);
      assert.equal(band.shown, inThird, 'events reported in the third article');
      for (const e of band.events) assert.ok(e.badges.some(([, doc]) => doc === order[2]));
    });
  });

  test('markup in a summary or a title stays text in the chronology', async () => {
    await withPage(url, allowed, async (page) => {
      await paste(page, {
        title: 'Pier <img src=x onerror="window.__pwned=8"> closes',
        text: 'On 6 October 2021, the <b onclick="window.__pwned=6">Harbour Board</b> closed the <i>old</i> pier after a storm. Repairs will take a year.',
        published: '2021-10-21',
      });
      await page.locator('#chronology .tl-document').selectOption({ index: seeds.length + 1 });
      const band = await shownBecomes(page, 1);
      assert.equal(band.shown, 1);
      assert.match(band.events[0]?.summary ?? '', /<b onclick="window.__pwned=6">Harbour Board<\/b> closed the <i>old<\/i> pier/);
      assert.match(band.events[0].badges[0][2], /^Article 6: Pier <img src=x onerror="window.__pwned=8"> closes$/);
      await page.locator('#chronology .tl-event .tl-card').first().click();
      await page.locator('#chronology .tl-event .tl-card').first().hover();
      assert.equal(await page.locator('#chronology img, #chronology b, #chronology i, #chronology script').count(), 0, 'no element came from the text');
      assert.match(await page.locator('#chronology .tl-chip-value').textContent(), /^6\. Pier <img/);
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no injected script ran');
    });
  });

  test('screenshots of the chronology at 1280×800, light and dark, with an event opened', async () => {
    for (const colorScheme of ['light', 'dark']) {
      await withPage(url, allowed, async (page) => {
        const band = await chronology(page);
        // The labelled event reported deepest into its first article, so the page scrolls.
        const pick = band.events.map((e) => byId(e.id))
          .sort((a, b) => sourceDocuments(b, order)[0].start - sourceDocuments(a, order)[0].start)[0];
        await page.locator(`#chronology .tl-event[data-event="${pick.id}"] .tl-card`).click();
        await settledMark(page);
        await page.mouse.move(5, 5);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= DESKTOP.width, `no horizontal scrolling (${width}px wide)`);
        const suffix = colorScheme === 'dark' ? '-dark' : '';
        await page.screenshot({ path: join(results, `chronology-1280x800${suffix}.png`) });
      }, { colorScheme });
    }
  });

  test('narrow screens (390×844) get the chronology as a vertical list', async () => {
    for (const colorScheme of ['light', 'dark']) {
      await withPage(url, allowed, async (page) => {
        let band = await chronology(page);
        assert.equal(band.layout, 'list');
        const toggle = page.locator('#chronology .tl-toggle');
        assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'folded at first, so the article stays near the top');
        await toggle.click();
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
        const list = page.getByRole('list', { name: 'Events in time order' });
        assert.ok(await list.isVisible());
        band = await chronology(page);
        const expected = filterEvents(analysis.timeline, {}, entities);
        assert.deepEqual(band.events.map((e) => e.id), expected.map((e) => e.id), 'every event, in time order');
        for (const [i, shown] of band.events.entries()) {
          const event = expected[i];
          assert.equal(shown.date, formatEventDate(event.date));
          assert.equal(shown.summary, event.summary);
          assert.equal(shown.badges.length, sourceDocuments(event, order).length);
          assert.ok(shown.box.left >= 0 && shown.box.right <= PHONE.width, `${shown.id} fits the screen`);
        }
        const chips = await page.$$eval('#chronology .tl-item:first-child .tl-person', (nodes) => nodes.map((n) => n.textContent));
        assert.deepEqual(chips, expected[0].participants.map((id) => entities.get(id)?.name ?? id), 'participants by name');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= PHONE.width, `no horizontal scrolling (${width}px wide)`);
        await page.evaluate(() => window.scrollTo(0, document.querySelector('#chronology').offsetTop));
        await page.mouse.move(1, 1);
        const suffix = colorScheme === 'dark' ? '-dark' : '';
        await page.screenshot({ path: join(results, `chronology-390x844${suffix}.png`) });

        if (colorScheme === 'light') {
          // Tapping an event opens its article at the sentence.
          const target = expected.at(-1);
          const source = sourceDocuments(target, order)[0];
          await page.locator(`#chronology .tl-item[data-event="${target.id}"] .tl-item-main`).click();
          await page.waitForSelector(`#article-view article[data-document="${source.document}"]`);
          const mark = await settledMark(page);
          assert.equal(mark.text, textOf(source.document).slice(source.start, source.end));
          assert.ok(mark.inView);
          // A participant chip filters the list.
          const id = target.participants[0];
          if (id) {
            await page.locator(`#chronology .tl-item[data-event="${target.id}"] .tl-person[data-entity="${id}"]`).click();
            const n = analysis.timeline.filter((e) => e.participants.includes(id)).length;
            band = await shownBecomes(page, n);
            assert.equal(band.events.length, n);
            for (const e of band.events) assert.ok(e.participants.includes(id));
          }
        }
      }, { viewport: PHONE, colorScheme });
    }
  });
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
  /** www/app/timeline.js with its d3 imports, bundled as the page build does. */
  let bundle;
  before(async () => {
    server = await serve({ port: 0, root: join(root, 'www') });
    bundle = (await esbuild.build({
      entryPoints: [join(root, 'www', 'app', 'timeline.js')], bundle: true, format: 'esm', write: false, logLevel: 'warning',
    })).outputFiles[0].text;
  });
  after(async () => { await server?.close(); });
  const withBundle = (page) => page.route('**/timeline.bundle.js', (route) => route.fulfill({ body: bundle, contentType: 'text/javascript' }));

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
      const view = await import('/app/view.js');
      const { showArticle, showStoryPanel } = view;
      const { renderLibrary } = await import('/app/library.js');
      const titles = new Map([[analysis.id, analysis.title]]);
      document.querySelector('#story-name').textContent = 'A synthetic story';
      renderLibrary(document.querySelector('#doc-list'), [{ id: analysis.id, number: 1, title: analysis.title, source: analysis.source,
        sentences: analysis.sentences.length, date: analysis.dct.value }], analysis.id, () => {});
      const article = showArticle(document.querySelector('#article-view'), { analysis, text, entities, showSentences: false });
      const story = { documents: [analysis], entities, timeline };
      const panel = showStoryPanel(document.querySelector('#story-panel'), { analysis: story, documentId: analysis.id });
      document.querySelector('.layout').classList.toggle('has-panel', panel);
      const { createChronology } = await import('/timeline.bundle.js');
      const opened = [];
      const chronology = createChronology(document.querySelector('#chronology'), {
        onOpen: (event, source) => {
          opened.push([event.id, source.document, source.start]);
          view.revealOffset(document.querySelector('#article-view'), analysis.sentences, source.start, { mark: true });
        },
        onFilter: () => {},
      });
      chronology.update(story, { titles, documentOrder: [analysis.id] });
      chronology.flush();
      const main = document.querySelector('#chronology .tl-card, #chronology .tl-item-main');
      main.click();
      return {
        h1: article.querySelector('h1').textContent,
        sentences: [...article.querySelectorAll('.sentence')].map((s) => [s.dataset.index, s.textContent]),
        marks: [...article.querySelectorAll('mark.mention')].map((m) => [m.textContent, m.dataset.type, m.dataset.entity ?? null, m.title]),
        times: [...article.querySelectorAll('time.timex')].map((t) => [t.textContent, t.getAttribute('datetime'), t.title]),
        boilerplate: [...article.querySelectorAll('.article-body .boilerplate')].map((b) => [b.tagName, b.dataset.boilerplate]),
        legend: [...document.querySelectorAll('.legend-item')].map((li) => li.textContent),
        entityRows: [...document.querySelectorAll('.entity')].map((li) => li.textContent),
        sources: [...document.querySelectorAll('#chronology .event-source')].map((b) => [b.dataset.document, b.dataset.start]),
        chronology: [...document.querySelectorAll('#chronology .tl-date, #chronology .tl-summary')].map((n) => n.textContent),
        opened,
        marked: [...document.querySelectorAll('#article-view .sentence.is-marked')].map((n) => n.textContent),
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
        await withBundle(page);
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
        assert.deepEqual(out.chronology, ['6 Oct 2021', 'NATO expels eight members of Russia’s mission']);
        assert.deepEqual(out.opened, [['e1', 'syn', TEXT.indexOf('On 6 October')]], 'the event opens its source');
        assert.deepEqual(out.marked, ['On 6 October, NATO expelled eight members of Russia’s mission.']);
        assert.equal(out.injected, 0, 'markup in the text stays text');
        assert.ok(out.panelShown, 'the story panel shows the entities');
        assert.deepEqual(out.headings, [true, true, false, false, false]);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= viewport.width, `no horizontal scrolling at ${viewport.width}px (${width}px wide)`);
        await page.screenshot({ path: join(results, `render-synthetic-${viewport.width}x${viewport.height}.png`) });
      }, { ready: false, viewport });
    }
  });

  test('500 events: only the events in view get cards, and zooming stays responsive', async () => {
    const allowed = (target) => target.startsWith(server.url) || /^(data|blob):/.test(target);
    await withPage(`${server.url}render.js`, allowed, async (page) => {
      await withBundle(page);
      await page.setContent(shell);
      const out = await page.evaluate(async () => {
        const { createChronology } = await import('/timeline.bundle.js');
        let seed = 7;
        const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
        const pad = (n) => String(n).padStart(2, '0');
        const entities = Array.from({ length: 30 }, (_, i) => ({
          id: `p${i}`, name: `Person ${i}`, type: ['PERSON', 'ORG', 'GPE'][i % 3], aliases: [], documents: ['d0'], mentions: 1,
        }));
        const grains = ['day', 'day', 'day', 'day', 'day', 'day', 'month', 'month', 'year', 'decade'];
        const timeline = Array.from({ length: 500 }, (_, i) => {
          const grain = grains[Math.floor(random() * grains.length)];
          const y = grain === 'day' || grain === 'month' ? 2019 + Math.floor(random() * 3) : 1990 + Math.floor(random() * 31);
          const m = 1 + Math.floor(random() * 12);
          const d = 1 + Math.floor(random() * 28);
          const date = {
            day: { value: `${y}-${pad(m)}-${pad(d)}`, start: `${y}-${pad(m)}-${pad(d)}`, end: `${y}-${pad(m)}-${pad(d)}` },
            month: { value: `${y}-${pad(m)}`, start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-28` },
            year: { value: `${y}`, start: `${y}-01-01`, end: `${y}-12-31` },
            decade: { value: `${String(y).slice(0, 3)}X`, start: `${String(y).slice(0, 3)}0-01-01`, end: `${String(y).slice(0, 3)}9-12-31` },
          }[grain];
          return {
            id: `e${i}`, date: { ...date, grain, approximate: random() < 0.2 }, summary: `Event number ${i} of a long story`,
            participants: [`p${i % 30}`, `p${(i * 7) % 30}`], sources: [{ document: `d${i % 5}`, start: 0, end: 10 }], salience: random(),
          };
        });
        const ids = ['d0', 'd1', 'd2', 'd3', 'd4'];
        const section = document.querySelector('#chronology');
        const chronology = createChronology(section, { onOpen() {}, onFilter() {} });
        chronology.update({ documents: [], entities, timeline }, { titles: new Map(ids.map((id) => [id, `Article ${id}`])), documentOrder: ids });
        const frame = () => new Promise((ok) => requestAnimationFrame(ok));
        await frame();
        await frame();
        const plot = section.querySelector('.tl-plot');
        const rect = plot.getBoundingClientRect();
        const gaps = [];
        let cards = 0;
        let zoomedOut = null;
        let last = performance.now();
        for (let i = 0; i < 60; i++) {
          plot.dispatchEvent(new WheelEvent('wheel', {
            deltaY: i < 30 ? 100 : -100, clientX: rect.left + rect.width * (0.3 + (i % 5) / 10), clientY: rect.top + 30,
            bubbles: true, cancelable: true,
          }));
          await frame();
          const now = performance.now();
          gaps.push(now - last);
          last = now;
          cards = Math.max(cards, section.querySelectorAll('.tl-event').length);
          if (i === 29) zoomedOut = { inView: Number(plot.dataset.inView), labelled: Number(plot.dataset.labelled), bands: section.querySelectorAll('.tl-band').length };
        }
        gaps.sort((a, b) => a - b);
        return { total: Number(section.dataset.total), cards, zoomedOut, median: gaps[gaps.length >> 1], p90: gaps[Math.floor(gaps.length * 0.9)] };
      });
      assert.equal(out.total, 500);
      assert.equal(out.zoomedOut.inView, 500, 'zoomed out, every event is in view');
      assert.ok(out.zoomedOut.bands >= 1, 'the dense stretches are bands');
      assert.ok(out.cards <= 40, `at most a few dozen cards at any zoom (${out.cards})`);
      assert.ok(out.median < 60, `a frame per wheel step (median ${out.median.toFixed(1)} ms, p90 ${out.p90.toFixed(1)} ms)`);
    }, { ready: false });
  });
});

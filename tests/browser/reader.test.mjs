// The article reader of the offline page (dist/index.html) in Chromium:
// the legend's type toggles and counts, the hover cards of names and
// dates, keyboard access to the highlights, a name's mentions marked in
// every article with their counts in the list, boilerplate folding, the
// palette's contrast and colour-blind distinctness, and hostile text in
// the cards. Launch flags and the "no request leaves the page's files"
// guard as in page.test.mjs.
//
// Builds nothing: run `npm run build` first. Screenshots go to test-results/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { DESKTOP, guardedPage, launch, waitReady } from './offline-page.mjs';
import { describeTimex } from '../../www/app/timex-words.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pageFile = join(root, 'dist', 'index.html');
const results = join(root, 'test-results');
const url = pathToFileURL(pageFile).href;
const allowedFile = (target) => target.split('#')[0] === url || /^(data|blob):/.test(target);

const corpus = JSON.parse(readFileSync(join(root, 'www', 'demo', 'corpus.json'), 'utf8'));
const seeds = corpus.documents.map((d) => ({ ...d, text: readFileSync(join(root, 'www', 'demo', d.file), 'utf8') }));


const squish = (s) => s.replace(/\s+/g, ' ').trim();

let browser;
/** The seeds' analysis from the built package: what the page must show. */
let analysis;

before(async () => {
  browser = await launch();
  const { analyze } = await import('../../dist/lib/node.js');
  analysis = analyze(seeds.map(({ id, source, text }) => ({ id, source, text })));
});

after(async () => {
  await browser?.close();
});

/** Opens `url` in a fresh guarded context (tests/browser/offline-page.mjs, guardedPage) and runs `fn(page, context)`. */
function withPage(url, allowed, fn, options) {
  return guardedPage(browser, url, allowed, fn, options);
}

/** Opens the i-th article of the list. */
async function open(page, id) {
  await page.locator(`#doc-list button.doc-card[data-document="${id}"]`).click();
  await page.waitForSelector(`#article-view article[data-document="${id}"]`);
}

const doc = (id) => analysis.documents.find((d) => d.id === id);
const entityById = (id) => analysis.entities.find((e) => e.id === id);
const countOf = (docId, entityId) => doc(docId).mentions.filter((m) => m.entity === entityId).length;

/** The shown card: hidden or not, its parts' text, its buttons. */
function card(page) {
  return page.$eval('#hover-card', (c) => ({
    hidden: c.hidden,
    text: c.textContent,
    name: c.querySelector('.hc-name')?.textContent ?? null,
    head: c.querySelector('.hc-head')?.textContent ?? null,
    type: c.querySelector('.hc-type')?.textContent ?? null,
    lines: [...c.querySelectorAll('.hc-line')].map((l) => l.textContent),
    docs: [...c.querySelectorAll('button.hc-doc')].map((b) => [b.dataset.document, b.querySelector('.hc-doc-title').textContent,
      Number(b.querySelector('.hc-doc-count').textContent)]),
    box: (({ left, right, top, bottom }) => ({ left, right, top, bottom }))(c.getBoundingClientRect()),
    images: c.querySelectorAll('img, script, b').length,
  }));
}

const waitCard = (page, state = 'visible') => page.locator('#hover-card').waitFor({ state, timeout: 3000 });

/** Whether two client rectangles overlap. */
const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the article reader (file://)', () => {
  test('the legend toggles each type\'s highlights, counts them right, and the choice holds across articles and reloads', async () => {
    await withPage(url, allowedFile, async (page) => {
      for (const seed of seeds.slice(0, 3)) {
        await open(page, seed.id);
        const legend = await page.$$eval('#article-view button.legend-toggle', (bs) => bs.map((b) => [b.dataset.highlight,
          Number(b.querySelector('.legend-count').textContent), b.getAttribute('aria-pressed')]));
        const d = doc(seed.id);
        const types = [...new Set(d.mentions.map((m) => m.type))];
        assert.deepEqual(legend.map(([k]) => k).sort(), [...types, ...(d.timexes.length ? ['timex'] : [])].sort(), `${seed.id}: a toggle per type`);
        for (const [key, n, pressed] of legend) {
          assert.equal(pressed, 'true', `${seed.id}: ${key} is shown at first`);
          const expected = key === 'timex' ? d.timexes.length : d.mentions.filter((m) => m.type === key).length;
          assert.equal(n, expected, `${seed.id}: the ${key} count is the analysis's`);
          const selector = key === 'timex' ? '#article-view time.timex' : `#article-view mark.mention[data-type="${key}"]`;
          const marks = await page.$$eval(selector, (ms) => ms.map((m) => m.textContent));
          assert.equal(marks.length, n, `${seed.id}: ${n} ${key} highlights in the text`);
        }
      }

      await open(page, seeds[0].id);
      const textBefore = await page.locator('#article-view article').textContent();
      const person = page.locator('#article-view button.legend-toggle[data-highlight="PERSON"]');
      await person.click();
      assert.equal(await person.getAttribute('aria-pressed'), 'false');
      const styles = await page.$$eval('#article-view .article-body mark.mention:not(.boilerplate *)', (ms) => ms.map((m) => [m.dataset.type, m.classList.contains('is-off'),
        getComputedStyle(m).backgroundColor]));
      for (const [type, off, background] of styles) {
        if (type === 'PERSON') {
          assert.ok(off, 'a person is switched off');
          assert.equal(background, 'rgba(0, 0, 0, 0)', 'its highlight is gone');
        } else {
          assert.ok(!off);
          assert.notEqual(background, 'rgba(0, 0, 0, 0)', `${type} keeps its highlight`);
        }
      }
      assert.equal(await page.locator('#article-view article').textContent(), textBefore, 'the text stays');

      await open(page, seeds[1].id);
      assert.equal(await page.locator('#article-view button.legend-toggle[data-highlight="PERSON"]').getAttribute('aria-pressed'), 'false',
        'the choice holds in the next article');
      assert.equal(await page.locator('#article-view mark.mention[data-type="PERSON"]:not(.is-off)').count(), 0);
      await page.reload();
      await waitReady(page);
      assert.equal(await page.locator('#article-view mark.mention[data-type="PERSON"]:not(.is-off)').count(), 0, 'and after a reload');
      await page.locator('#article-view button.legend-toggle[data-highlight="PERSON"]').click();
      assert.ok(await page.locator('#article-view mark.mention[data-type="PERSON"]:not(.is-off)').count() > 0, 'pressed again, they come back');
      await page.locator('#article-view button.legend-toggle[data-highlight="timex"]').click();
      assert.equal(await page.locator('#article-view time.timex:not(.is-off)').count(), 0, 'dates switch off too');
    });
  });

  test('a name\'s card: canonical name, type, aliases, mention count and articles; Escape closes it; a title opens that article', async () => {
    await withPage(url, allowedFile, async (page) => {
      const first = seeds[0].id;
      const entity = analysis.entities
        .filter((e) => e.aliases.length && e.documents.length >= 2 && e.documents.includes(first) && doc(first).mentions.some((m) => m.entity === e.id))
        .sort((a, b) => b.documents.length - a.documents.length)[0];
      assert.ok(entity, 'the seeds have a name with aliases in several articles');
      const mark = page.locator(`#article-view mark.mention[data-entity="${entity.id}"]`).first();
      await mark.hover();
      await waitCard(page);
      const shown = await card(page);
      assert.equal(shown.name, entity.name);
      assert.match(shown.type, /\S/);
      assert.ok(shown.lines.some((l) => entity.aliases.slice(0, 8).every((a) => l.includes(a))), `the aliases: ${shown.lines}`);
      assert.ok(shown.lines.includes(`${entity.mentions} mentions in ${entity.documents.length} of ${seeds.length} articles`), `${shown.lines}`);
      const order = seeds.map((s) => s.id).filter((id) => entity.documents.includes(id));
      assert.deepEqual(shown.docs.map(([id]) => id), order, 'the articles that name it, in story order');
      for (const [id, , n] of shown.docs) assert.equal(n, countOf(id, entity.id), `${id}: its count`);
      assert.equal(await mark.getAttribute('aria-describedby'), 'hover-card', 'the card describes the mark');
      const markBox = await mark.evaluate((m) => (({ left, right, top, bottom }) => ({ left, right, top, bottom }))(m.getBoundingClientRect()));
      assert.ok(!overlaps(shown.box, markBox), 'the card does not cover the mark');
      assert.equal(await mark.getAttribute('title'), null, 'no native tooltip on top of the card');

      await page.keyboard.press('Escape');
      await waitCard(page, 'hidden');
      assert.notEqual(await mark.getAttribute('aria-describedby'), 'hover-card', 'the mark no longer points at it');

      await page.mouse.move(5, 790);
      await mark.hover();
      await waitCard(page);
      const other = order.find((id) => id !== first);
      await page.locator('#hover-card').hover();
      await page.locator(`#hover-card button.hc-doc[data-document="${other}"]`).click();
      await page.waitForSelector(`#article-view article[data-document="${other}"]`);
      const focused = await page.evaluate(() => [document.activeElement.tagName, document.activeElement.dataset.entity]);
      assert.deepEqual(focused, ['MARK', entity.id], 'the article opens at its first mention');

      const button = page.locator(`#story-panel button.entity-button[data-entity="${entity.id}"]`);
      await button.focus();
      await waitCard(page);
      assert.equal((await card(page)).name, entity.name, 'a name of the story panel has the same card');
    });
  });

  test('keyboard: one tab stop in the text, arrows move between highlights, a date card gives the value, modifier and anchor', async () => {
    await withPage(url, allowedFile, async (page) => {
      const id = seeds.find((s) => doc(s.id).timexes.some((t) => t.anchor === 'dct')).id;
      await open(page, id);
      const stops = await page.$$eval('#article-view :is(mark.mention, time.timex)[tabindex]', (ns) => ns.map((n) => n.tabIndex));
      assert.deepEqual(stops, [0], 'one highlight is in the tab order');
      await page.locator('#article-view :is(mark.mention, time.timex)[tabindex="0"]').focus();
      let reached = null;
      for (let i = 0; i < 400 && !reached; i++) {
        await page.keyboard.press('ArrowRight');
        reached = await page.evaluate(() => {
          const a = document.activeElement;
          return a.matches('time.timex') && a.dataset.anchor === 'dct' ? { text: a.textContent, value: a.dataset.value } : null;
        });
      }
      assert.ok(reached, 'the arrows reach a date counted from the article\'s date');
      await waitCard(page);
      const timex = doc(id).timexes.find((t) => t.text === reached.text && t.value === reached.value);
      const words = describeTimex(timex, { dct: doc(id).dct.value });
      const shown = await card(page);
      assert.equal(squish(shown.head), `${words.headline} · ${words.code}`);
      assert.ok(shown.lines.includes(`“${squish(timex.text)}”`));
      assert.ok(shown.lines.some((l) => l.startsWith('Counted from the article’s date')), `the anchor in words: ${shown.lines}`);
      const stopsAfter = await page.$$eval('#article-view :is(mark.mention, time.timex)[tabindex="0"]', (ns) => ns.length);
      assert.equal(stopsAfter, 1, 'still one tab stop');
      await page.keyboard.press('Escape');
      await waitCard(page, 'hidden');
      assert.ok(await page.evaluate(() => document.activeElement.matches('time.timex')), 'Escape keeps the focus on the date');

      let name = null;
      for (let i = 0; i < 400 && !name; i++) {
        await page.keyboard.press('ArrowRight');
        name = await page.evaluate(() => document.activeElement.matches('mark.mention[data-entity]') && document.activeElement.dataset.entity);
      }
      assert.ok(name, 'the arrows reach a name');
      await waitCard(page);
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => document.activeElement.matches('#hover-card button.hc-doc')), 'Tab enters the card');
      await page.keyboard.press('Shift+Tab');
      assert.equal(await page.evaluate(() => document.activeElement.dataset.entity), name, 'Shift+Tab goes back to the name');
      assert.match((await card(page)).text, /Enter to show its events/);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /The chronology shows its events/.test(document.querySelector('#hover-card').textContent), null, { timeout: 3000 });
      const filtered = await page.$$eval('#article-view mark.mention.is-filtered', (ms) => [...new Set(ms.map((m) => m.dataset.entity))]);
      assert.deepEqual(filtered, [name], 'Enter filtered by the name, and the card says so');
    });
  });

  test('a clicked name filters the chronology and stays marked in every article; the list counts its mentions', async () => {
    await withPage(url, allowedFile, async (page) => {
      const first = seeds[0].id;
      const total = analysis.timeline.length;
      const events = (id) => analysis.timeline.filter((e) => e.participants.includes(id)).length;
      const entity = analysis.entities.find((e) => e.documents.includes(first) && e.documents.length >= 2
        && e.documents.length < seeds.length && events(e.id) >= 1 && events(e.id) < total && countOf(first, e.id) > 0)
        ?? analysis.entities.find((e) => e.documents.includes(first) && e.documents.length >= 2 && events(e.id) >= 1 && events(e.id) < total);
      assert.ok(entity, 'a name in several articles that takes part in some events');
      await page.locator(`#article-view mark.mention[data-entity="${entity.id}"]`).first().click();
      await page.waitForFunction((n) => document.querySelector('#chronology').dataset.shown === String(n), events(entity.id), { timeout: 5000 });
      assert.equal(await page.locator('#article-view mark.mention.is-filtered').count(), countOf(first, entity.id), 'every mention marked');
      const listed = () => page.$$eval('#doc-list button.doc-card', (bs) => bs.map((b) => [b.dataset.document,
        b.querySelector('.doc-mentions')?.dataset.count ?? null, b.querySelector('.doc-mentions')?.textContent ?? null]));
      for (const [id, count, text] of await listed()) {
        assert.equal(Number(count), countOf(id, entity.id), `${id}: the list counts the mentions`);
        assert.ok(text.startsWith(`${entity.name}: `), text);
      }
      const other = seeds.map((s) => s.id).find((id) => id !== first && countOf(id, entity.id) > 0);
      await open(page, other);
      assert.equal(await page.locator('#article-view mark.mention.is-filtered').count(), countOf(other, entity.id),
        'the mentions stay marked in the next article');
      assert.equal(await page.locator(`#story-panel button.entity-button[data-entity="${entity.id}"]`).getAttribute('aria-pressed'), 'true');
      assert.equal(Number(await page.locator('#chronology').getAttribute('data-shown')), events(entity.id), 'the chronology stays filtered');

      await page.locator(`#article-view mark.mention[data-entity="${entity.id}"]`).first().click();
      await page.waitForFunction((n) => document.querySelector('#chronology').dataset.shown === String(n), total, { timeout: 5000 });
      assert.equal(await page.locator('#article-view mark.mention.is-filtered').count(), 0);
      assert.deepEqual((await listed()).map(([, c]) => c), seeds.map(() => null), 'no counts without a filter');

      await page.locator('#article-view :is(mark.mention, time.timex)[tabindex="0"]').focus();
      for (let i = 0; i < 400; i++) {
        if (await page.evaluate((id) => document.activeElement.dataset.entity === id, entity.id)) break;
        await page.keyboard.press('ArrowRight');
      }
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelector('#chronology').dataset.shown === String(n), events(entity.id), { timeout: 5000 });
      await page.screenshot({ path: join(results, 'reader-filtered-1280x800.png') });
    });
  });

  test('boilerplate folds to one labelled line per block; "Hide boilerplate" folds them all, across articles and reloads', async () => {
    await withPage(url, allowedFile, async (page) => {
      const seed = seeds.find((s) => doc(s.id).boilerplate.some((b) => b.kind === 'author-bio'));
      await open(page, seed.id);
      const groups = () => page.$$eval('#article-view .bp-group', (gs) => gs.map((g) => ({
        kind: g.dataset.boilerplate,
        toggle: g.querySelector('.bp-toggle').textContent,
        expanded: g.querySelector('.bp-toggle').getAttribute('aria-expanded'),
        visible: g.querySelector('.bp-body').checkVisibility(),
        text: g.querySelector('.bp-body').textContent,
      })));
      let shown = await groups();
      const kinds = [...new Set(doc(seed.id).boilerplate.map((b) => b.kind))];
      assert.ok(shown.length >= 1);
      for (const g of shown) {
        assert.ok(kinds.includes(g.kind), `${g.kind} is a boilerplate kind of the article`);
        assert.equal(g.expanded, 'true');
        assert.ok(g.visible);
        assert.match(g.toggle, /— hide$/);
      }
      const bio = doc(seed.id).boilerplate.find((b) => b.kind === 'author-bio');
      const bioGroup = shown.findIndex((g) => g.kind === 'author-bio');
      assert.ok(squish(shown[bioGroup].text).includes(squish(seed.text.slice(bio.start, bio.end))), 'the bio is in its group, whole');

      const toggle = page.locator('#article-view .bp-group .bp-toggle').nth(bioGroup);
      await toggle.click();
      shown = await groups();
      assert.equal(shown[bioGroup].expanded, 'false');
      assert.equal(shown[bioGroup].visible, false, 'folded');
      assert.match(shown[bioGroup].toggle, /^Author bio· .+— show$/);
      assert.ok(shown.filter((g, i) => i !== bioGroup).every((g) => g.visible), 'the others stay open');
      await toggle.click();
      assert.equal((await groups())[bioGroup].visible, true, 'and unfolds');

      const hideAll = page.getByRole('button', { name: 'Hide boilerplate' });
      await hideAll.click();
      assert.equal(await hideAll.getAttribute('aria-pressed'), 'true');
      assert.ok((await groups()).every((g) => !g.visible && g.expanded === 'false'), 'all folded');
      const text = squish(await page.locator('#article-view .article-body').evaluate((b) => {
        const copy = b.cloneNode(true);
        for (const t of copy.querySelectorAll('.bp-toggle')) t.remove();
        return copy.textContent;
      }));
      assert.ok(text.includes(squish(seed.text.slice(bio.start, bio.end))), 'folded text is kept, not dropped');

      const next = seeds.find((s) => s.id !== seed.id && doc(s.id).boilerplate.length);
      await open(page, next.id);
      assert.ok((await groups()).every((g) => !g.visible), 'the next article opens folded');
      await page.reload();
      await waitReady(page);
      assert.equal(await page.getByRole('button', { name: 'Hide boilerplate' }).getAttribute('aria-pressed'), 'true', 'the choice is kept');
      await page.getByRole('button', { name: 'Hide boilerplate' }).click();
      assert.ok((await groups()).every((g) => g.visible));
    });
  });

  test('on a phone, a tap on a name shows its card (and filters); a tap elsewhere closes it', async () => {
    await withPage(url, allowedFile, async (page) => {
      const entity = analysis.entities.find((e) => e.documents.includes(seeds[0].id) && e.documents.length >= 2);
      const mark = page.locator(`#article-view mark.mention[data-entity="${entity.id}"]`).first();
      await mark.scrollIntoViewIfNeeded();
      await mark.tap();
      await waitCard(page);
      const shown = await card(page);
      assert.equal(shown.name, entity.name);
      assert.ok(shown.box.left >= 0 && shown.box.right <= 390, `the card fits the screen (${shown.box.left}–${shown.box.right})`);
      assert.ok(await mark.evaluate((m) => m.classList.contains('is-filtered')), 'the tap filtered by the name too');
      await page.screenshot({ path: join(results, 'reader-card-390x844.png') });
      await page.locator('#article-view .article-title').tap();
      await waitCard(page, 'hidden');
    }, { viewport: { width: 390, height: 844 }, touch: true });
  });

  test('screenshots of a card, light and dark', async () => {
    for (const colorScheme of ['light', 'dark']) {
      await withPage(url, allowedFile, async (page) => {
        const id = analysis.entities[0].id;
        await page.locator(`#article-view mark.mention[data-entity="${id}"]`).first().hover();
        await waitCard(page);
        await page.screenshot({ path: join(results, `reader-card-1280x800${colorScheme === 'dark' ? '-dark' : ''}.png`) });
      }, { colorScheme });
    }
  });
});

/** sRGB [0, 1] → linear. */
const linear = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const unlinear = (c) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const luminance = (rgb) => { const [r, g, b] = rgb.map(linear); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
/** Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB. */
const CVD = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
const simulate = (rgb, m) => {
  const l = rgb.map(linear);
  return m.map((row) => unlinear(Math.min(1, Math.max(0, row[0] * l[0] + row[1] * l[1] + row[2] * l[2]))));
};
const lab = (rgb) => {
  const [r, g, b] = rgb.map(linear);
  const f = (t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const [x, y, z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883].map(f);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
};
/** CIE76 colour difference. */
const deltaE = (a, b) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));
const parseRgb = (css) => {
  const m = /^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$/.exec(css);
  assert.ok(m && (m[4] === undefined || Number(m[4]) === 1), `an opaque colour: ${css}`);
  return [m[1], m[2], m[3]].map((v) => Number(v) / 255);
};

describe('the reader on its own modules (served www/)', () => {
  let server;
  before(async () => { server = await serve({ port: 0, root: join(root, 'www') }); });
  after(async () => { await server?.close(); });
  const allowed = (target) => target.startsWith(server.url) || /^(data|blob):/.test(target);
  /** www/index.html without its app script and CSP, to host the modules. */
  const shell = readFileSync(join(root, 'www', 'index.html'), 'utf8')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace('<script type="module" src="app.js"></script>', '');
  const TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'LAW', 'FAC', 'PRODUCT', 'WORK_OF_ART'];
  const MAIN = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT'];

  test('the palette: text on every highlight ≥ 4.5:1, the main types apart under protanopia, deuteranopia and tritanopia, light and dark', async () => {
    for (const colorScheme of ['light', 'dark']) {
      await withPage(`${server.url}render.js`, allowed, async (page) => {
        await page.setContent(shell);
        const colours = await page.evaluate((types) => {
          const body = document.createElement('div');
          body.className = 'article-body';
          document.querySelector('#article-view').replaceChildren(body);
          const out = {};
          for (const type of types) {
            const mark = document.createElement('mark');
            mark.className = 'mention';
            mark.dataset.type = type;
            mark.textContent = type;
            body.append(mark);
            const style = getComputedStyle(mark);
            out[type] = [style.backgroundColor, style.color, style.borderBottomStyle];
          }
          const bp = document.createElement('p');
          bp.className = 'paragraph boilerplate';
          bp.textContent = 'Sign up for our newsletter.';
          body.append(bp);
          out.boilerplate = [getComputedStyle(document.body).backgroundColor, getComputedStyle(bp).color];
          return out;
        }, TYPES);
        for (const type of TYPES) {
          const [background, text] = colours[type].slice(0, 2).map(parseRgb);
          const ratio = contrast(background, text);
          assert.ok(ratio >= 4.5, `${colorScheme} ${type}: text contrast ${ratio.toFixed(2)}`);
        }
        const [page_, dim] = colours.boilerplate.map(parseRgb);
        assert.ok(contrast(page_, dim) >= 4.5, `${colorScheme}: dimmed boilerplate text ≥ 4.5:1 (${contrast(page_, dim).toFixed(2)})`);
        const floor = colorScheme === 'light' ? 10 : 6;
        for (const [vision, matrix] of [['normal', null], ...Object.entries(CVD)]) {
          for (let i = 0; i < MAIN.length; i++) {
            for (let j = i + 1; j < MAIN.length; j++) {
              const [a, b] = [MAIN[i], MAIN[j]].map((t) => parseRgb(colours[t][0])).map((c) => (matrix ? simulate(c, matrix) : c));
              const d = deltaE(a, b);
              assert.ok(d >= floor, `${colorScheme}, ${vision}: ${MAIN[i]} and ${MAIN[j]} differ by ΔE ${d.toFixed(1)} (< ${floor})`);
            }
          }
        }
        const styles = new Set(MAIN.map((t) => `${colours[t][0]} ${colours[t][2]}`));
        assert.equal(styles.size, MAIN.length);
        assert.ok(MAIN.every((t) => colours[t][2] !== 'none'), 'every main type has an underline style as a second cue');
      }, { ready: false, colorScheme });
    }
  });

  test('cards show hostile names, aliases and titles as text; the date card reads "6 Oct 2021 · DATE 2021-10-06"', async () => {
    await withPage(`${server.url}render.js`, allowed, async (page) => {
      await page.setContent(shell);
      const HOSTILE = '<img src=x onerror="window.__pwned=1">';
      const out = await page.evaluate(async (hostile) => {
        const { showArticle } = await import('/app/view.js');
        const { createHoverCard } = await import('/app/cards.js');
        const text = `${hostile} met NATO on 6 October.`;
        const at = (needle) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length, text: needle });
        const doc = {
          id: 'h1', title: `<b onmouseover="window.__pwned=2">Title</b>`, source: null, dct: { value: '2021-10-21', basis: 'given' },
          paragraphs: [{ start: 0, end: text.length }], sentences: [{ start: 0, end: text.length }], boilerplate: [],
          mentions: [{ ...at(hostile), type: 'PERSON', entity: 'h' }, { ...at('NATO'), type: 'ORG', entity: 'nato' }],
          timexes: [{ ...at('6 October'), type: 'DATE', value: '2021-10-06', mod: null, anchor: 'dct' }],
        };
        const entities = [{ id: 'h', name: hostile, type: 'PERSON', aliases: [`<script>window.__pwned=3</script>`], documents: ['h1'], mentions: 1 },
          { id: 'nato', name: 'NATO', type: 'ORG', aliases: [], documents: ['h1'], mentions: 1 }];
        const story = { documents: [doc], entities, timeline: [] };
        const pane = document.querySelector('#article-view');
        showArticle(pane, { analysis: doc, text, entities, showSentences: false });
        createHoverCard({
          roots: [pane], story: () => ({ analysis: story, titles: new Map([['h1', doc.title]]), current: 'h1', filtered: null }),
          onOpenArticle() {},
        });
        pane.querySelector('mark.mention').focus();
        const card = document.querySelector('#hover-card');
        const entity = { name: card.querySelector('.hc-name').textContent, text: card.textContent,
          docs: [...card.querySelectorAll('.hc-doc-title')].map((t) => t.textContent), injected: card.querySelectorAll('img, script, b').length };
        const time = pane.querySelector('time.timex');
        time.tabIndex = -1;
        time.focus();
        const date = { head: card.querySelector('.hc-head').textContent, lines: [...card.querySelectorAll('.hc-line')].map((l) => l.textContent) };
        return { entity, date };
      }, HOSTILE);
      assert.equal(out.entity.name, HOSTILE);
      assert.ok(out.entity.text.includes('Also: <script>window.__pwned=3</script>'));
      assert.deepEqual(out.entity.docs, ['<b onmouseover="window.__pwned=2">Title</b>']);
      assert.equal(out.entity.injected, 0, 'no element came from the names');
      assert.equal(out.date.head, '6 Oct 2021 · DATE 2021-10-06');
      assert.deepEqual(out.date.lines, ['“6 October”', 'Counted from the article’s date, 21 Oct 2021']);
      await page.waitForTimeout(200);
      assert.equal(await page.evaluate(() => window.__pwned ?? null), null, 'nothing ran');
    }, { ready: false });
  });
});

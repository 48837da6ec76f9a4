// Accessibility of the offline page: axe-core (injected into the page) finds
// no serious or critical violation at 1280×800 and 390×844, light and dark,
// with an article open and with the chronology focused; the keyboard
// reaches every region with a visible focus, arrows move within the lists
// (long, virtual ones too), and the page prints as article plus a dated
// list. Screenshots go to test-results/.
//
// Builds nothing: run `npm run build` first.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DESKTOP, PHONE, addFiles, launch, results, withPage } from './offline-page.mjs';
import { pageArticles } from '../../benches/page-corpus.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** axe's serious and critical violations on the page as it is: `[{id, impact, help, targets}]`. */
async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })));
  return violations;
}

/** Focuses the chronology's first event: Down from the axis, or the first item of the phone list (shown first). */
async function focusChronology(page, phone) {
  if (phone) {
    // By keyboard, as a reader would (a focus after a click shows no ring, by design of :focus-visible).
    const toggle = page.locator('#chronology .tl-toggle');
    await toggle.focus();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('Enter');
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement.matches('.tl-item-main'))); i++) {
      await page.keyboard.press('Tab');
    }
  } else {
    await page.locator('#chronology .tl-plot').focus();
    await page.keyboard.press('ArrowDown');
  }
  const focused = await page.evaluate(() => document.activeElement.closest('#chronology') !== null
    && document.activeElement.matches('.tl-card, .tl-item-main'));
  assert.ok(focused, 'an event of the chronology has the focus');
}

/** Whether the focused element shows a focus indicator (an outline or a box shadow). */
function focusIndicator(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    return { visible: outline || shadow, what: `${el.tagName.toLowerCase()}.${el.className}` };
  });
}

describe('axe-core: no serious or critical violations', () => {
  for (const [name, viewport] of [['1280x800', DESKTOP], ['390x844', PHONE]]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`${name}, ${colorScheme}: with an article open and with the chronology focused`, async () => {
        await withPage(browser, async (page) => {
          assert.ok(await page.locator('#article-view mark.mention').count() > 0, 'an article is open');
          assert.deepEqual(await seriousViolations(page), [], 'with an article open');
          await page.screenshot({ path: join(results, `a11y-${name}-${colorScheme}.png`), fullPage: viewport === PHONE });
          await focusChronology(page, viewport === PHONE);
          assert.ok((await focusIndicator(page)).visible, 'the focused event shows its focus');
          assert.deepEqual(await seriousViolations(page), [], 'with the chronology focused');
          await page.screenshot({ path: join(results, `a11y-${name}-${colorScheme}-chronology.png`) });
        }, { viewport, colorScheme });
      });
    }
  }

  test('1280x800 with 60 articles added (a virtual article list)', async () => {
    await withPage(browser, async (page) => {
      await addFiles(page, pageArticles(60));
      assert.ok(await page.locator('#doc-list.is-virtual').count(), 'the list is virtual');
      assert.deepEqual(await seriousViolations(page), []);
    });
  });
});

describe('keyboard', () => {
  test('Tab reaches the skip link, the article list, the chronology, the article, the names and the form, each with a visible focus', async () => {
    await withPage(browser, async (page) => {
      const regions = new Set();
      const hidden = [];
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        const where = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const region = el.closest('.skip-link, #doc-list, #chronology, #article-view, #story-panel, #add-form');
          return region ? (region.id || region.className) : 'other';
        });
        if (!where) continue;
        regions.add(where);
        const focus = await focusIndicator(page);
        if (!focus.visible) hidden.push(focus.what);
        if (where === 'add-form' && regions.size >= 6) break;
      }
      for (const region of ['skip-link', 'doc-list', 'chronology', 'article-view', 'story-panel', 'add-form']) {
        assert.ok(regions.has(region), `Tab reaches ${region}: ${[...regions].join(', ')}`);
      }
      assert.deepEqual([...new Set(hidden)], [], 'every focused element shows its focus');
    });
  });

  test('arrows move within the entity list of the story panel', async () => {
    await withPage(browser, async (page) => {
      const buttons = page.locator('#story-panel button.entity-button');
      const count = await buttons.count();
      assert.ok(count >= 3, `the panel lists names (${count})`);
      await buttons.first().focus();
      await page.keyboard.press('ArrowDown');
      const id = () => page.evaluate(() => document.activeElement.dataset.entity);
      assert.equal(await id(), await buttons.nth(1).getAttribute('data-entity'));
      await page.keyboard.press('End');
      assert.equal(await id(), await buttons.nth(count - 1).getAttribute('data-entity'));
      await page.keyboard.press('Home');
      assert.equal(await id(), await buttons.first().getAttribute('data-entity'));
    });
  });

  test('long lists render only a window, and the keys still reach their last item', async () => {
    await withPage(browser, async (page) => {
      await addFiles(page, pageArticles(120));
      const rendered = await page.locator('#doc-list button.doc-card').count();
      assert.ok(rendered > 0 && rendered < 60, `the article list renders a window of its 125 cards (${rendered})`);
      await page.locator('#doc-list button.doc-card').first().focus();
      await page.keyboard.press('End');
      const last = await page.evaluate(() => ({
        id: document.activeElement.dataset.document,
        pos: document.activeElement.closest('li').getAttribute('aria-posinset'),
        size: document.activeElement.closest('li').getAttribute('aria-setsize'),
      }));
      assert.deepEqual(last, { id: 'article-120', pos: '125', size: '125' });
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('#article-view article').getAttribute('data-document'), 'article-119');
      await page.keyboard.press('Home');
      assert.equal(await page.evaluate(() => document.activeElement.dataset.document), '000');
    }, { viewport: DESKTOP });

    await withPage(browser, async (page) => {
      await addFiles(page, pageArticles(120));
      // The phone's article list is a horizontal strip, virtual too.
      await page.locator('#doc-list button.doc-card').first().focus();
      await page.keyboard.press('End');
      await page.waitForTimeout(100); // a scroll's frame: the last card must stay rendered and focused
      assert.equal(await page.evaluate(() => document.activeElement.dataset.document), 'article-120');
      assert.ok(await page.locator('#doc-list button.doc-card').count() < 60, 'the strip renders a window');
      await page.locator('#chronology .tl-toggle').click();
      const total = Number(await page.locator('#chronology').getAttribute('data-shown'));
      assert.ok(total > 100, `enough events for a virtual list (${total})`);
      const rendered = await page.locator('#chronology .tl-item').count();
      assert.ok(rendered < total / 2, `the phone chronology renders a window (${rendered} of ${total})`);
      await page.evaluate(() => document.querySelector('#chronology .tl-list').scrollIntoView());
      await page.evaluate(() => window.scrollBy(0, 3000));
      await page.waitForTimeout(200);
      const cover = await page.evaluate(() => {
        const items = [...document.querySelectorAll('#chronology .tl-item')].map((item) => item.getBoundingClientRect());
        return { top: Math.min(...items.map((r) => r.top)), bottom: Math.max(...items.map((r) => r.bottom)), height: innerHeight };
      });
      assert.ok(cover.top <= 0 && cover.bottom >= cover.height, `the rendered items cover the screen after scrolling: ${JSON.stringify(cover)}`);
      await page.locator('#chronology .tl-item-main').first().focus();
      await page.keyboard.press('End');
      const at = await page.evaluate(() => {
        const item = document.activeElement.closest('.tl-item');
        return { pos: item?.getAttribute('aria-posinset'), size: item?.getAttribute('aria-setsize'), main: document.activeElement.matches('.tl-item-main') };
      });
      assert.deepEqual(at, { pos: String(total), size: String(total), main: true });
      await page.keyboard.press('ArrowUp');
      assert.equal(await page.evaluate(() => document.activeElement.closest('.tl-item').getAttribute('aria-posinset')), String(total - 1));
      await page.screenshot({ path: join(results, 'a11y-390x844-long-chronology.png') });
    }, { viewport: PHONE });
  });
});

test('print: the article and the chronology as a dated list, without the page\'s chrome', async () => {
  await withPage(browser, async (page) => {
    await page.setViewportSize({ width: 760, height: 1000 }); // about a page's width, where the screen layout is a column
    const events = await page.locator('#chronology').getAttribute('data-total');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await page.locator('.print-chronology').waitFor({ state: 'visible' });
    assert.equal(String(await page.locator('.print-chronology li').count()), events, 'every event is listed');
    const first = await page.locator('.print-chronology li').first().textContent();
    assert.match(first, /\d{4}/, 'with its date');
    for (const chrome of ['.masthead', '.sidebar', '#chronology', '#story-panel', '.article-bar .toggle']) {
      assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} is hidden`);
    }
    assert.ok(await page.locator('#article-view .article-body').isVisible());
    const order = await page.evaluate(() => document.querySelector('#article-view').getBoundingClientRect().bottom
      <= document.querySelector('.print-chronology').getBoundingClientRect().top);
    assert.ok(order, 'the chronology prints after the article');
    const colors = await page.evaluate(() => {
      const body = getComputedStyle(document.querySelector('#article-view .article-body'));
      return { color: body.color, background: getComputedStyle(document.body).backgroundColor };
    });
    assert.deepEqual(colors, { color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' }, 'black on white, even in dark mode');
    await page.pdf({ path: join(results, 'print.pdf'), format: 'A4' });
  }, { colorScheme: 'dark' });
});

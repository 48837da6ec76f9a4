// The offline page (dist/index.html) in headless Chromium, launched as the
// browser tests launch it: (a) time to interactive from file://, (b) long
// tasks (> 50 ms, PerformanceObserver 'longtask') while 500 articles load
// through the page's own drop path and while the chronology is zoomed and
// panned, (c) the page's weight, raw and gzip, and the shares of the model,
// the wasm, the JavaScript and the demo story, (d) how long the engine takes
// to start (the page's `dateline:engine-start` measure: reading the data
// blocks, decoding them in the worker, compiling the wasm, loading the
// model) and how long decoding the blocks alone takes in Chromium.
//
// Run after a build: `node benches/page.mjs` alone, or from bench.mjs.

import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import * as esbuild from 'esbuild';
import { pageArticles } from './page-corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pageFile = join(root, 'dist', 'index.html');
const pageUrl = pathToFileURL(pageFile).href;
const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
export const TARGETS = { ttiMs: 300, longTaskMs: 50, gzipBytes: 1_000_000 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Records, from before the page's scripts run, when body[data-ready] turns true and every long task. */
const RECORDER = `
  window.__bench = { ready: null, long: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (window.__bench.ready === null && document.body?.dataset.ready === 'true') window.__bench.ready = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
`;

/** Opens the page in a fresh context with the recorder; no request may leave the page's files. */
async function open(browser) {
  const context = await browser.newContext({ viewport: DESKTOP });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url.split('#')[0] === pageUrl || /^(data|blob):/.test(url) ? route.continue() : route.abort();
  });
  await context.addInitScript(RECORDER);
  const page = await context.newPage();
  await page.goto(pageUrl);
  await page.waitForFunction(() => window.__bench?.ready !== null && document.querySelector('#article-view mark.mention'), null, { timeout: 30_000 });
  return { context, page };
}

/**
 * (a) Navigation start to body[data-ready] with the seed article highlighted,
 * median of `runs` fresh pages; and (d) the engine's start after it.
 */
async function timeToInteractive(browser, runs) {
  const times = [];
  const engine = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await open(browser);
    times.push(await page.evaluate(() => window.__bench.ready));
    await page.waitForFunction(() => performance.getEntriesByName('dateline:engine-start').length > 0, null, { timeout: 30_000 });
    engine.push(await page.evaluate(() => performance.getEntriesByName('dateline:engine-start')[0].duration));
    await context.close();
  }
  return {
    runs: times.map((t) => Math.round(t)), medianMs: Math.round(median(times)),
    engineStart: { runs: engine.map((t) => Math.round(t)), medianMs: Math.round(median(engine)) },
  };
}

/** The page's data blocks as the engine reads them: their text. */
function dataBlocks() {
  const html = readFileSync(pageFile, 'utf8');
  return [...html.matchAll(/<script type="application\/octet-stream" id="[\w-]+">([^<]*)<\/script>/g)].map(([, text]) => text);
}

/**
 * (d) Decoding the page's data blocks with www/app/data-block.js in a
 * worker of a fresh blank page (cold code), median of `runs`: from the
 * worker receiving the text to both blocks' bytes.
 */
async function decodeTime(browser, runs) {
  // The module and what it imports, bundled into one classic worker script.
  const { outputFiles: [bundled] } = await esbuild.build({
    entryPoints: [join(root, 'www', 'app', 'data-block.js')],
    bundle: true, write: false, format: 'iife', globalName: 'dataBlock',
  });
  const worker = `${bundled.text}
self.onmessage = async ({ data }) => {
  const t0 = performance.now();
  await Promise.all(data.map(dataBlock.decodeDataBlock));
  self.postMessage({ ms: performance.now() - t0 });
};`;
  const blocks = dataBlocks();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    times.push(await page.evaluate(([worker, blocks]) => new Promise((resolve, reject) => {
      const w = new Worker(URL.createObjectURL(new Blob([worker], { type: 'text/javascript' })));
      w.onmessage = ({ data }) => resolve(data.ms);
      w.onerror = (e) => reject(new Error(e.message));
      w.postMessage(blocks);
    }), [worker, blocks]));
    await context.close();
  }
  return { blocks: blocks.length, runs: times.map((t) => Math.round(t)), medianMs: Math.round(median(times)) };
}

/** Summary of long tasks: how many, the longest, their total. */
function longTasks(tasks) {
  return {
    count: tasks.length,
    longestMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
    totalMs: Math.round(tasks.reduce((n, t) => n + t.duration, 0)),
  };
}

/** Long tasks between two performance.now() times of the page. */
async function tasksBetween(page, from, to) {
  return page.evaluate(([a, b]) => window.__bench.long.filter((t) => t.start >= a && t.start < b), [from, to]);
}

/** (b) 500 articles dropped on the page, then wheel zooms and drags over the chronology for `seconds`. */
async function largeStory(browser, { articles = 500, seconds = 6 } = {}) {
  const { context, page } = await open(browser);
  const docs = pageArticles(articles);
  // The files are made in the page first, so the drop is the only work measured.
  await page.evaluate((texts) => {
    window.__files = texts.map(({ name, text }) => new File([text], name, { type: 'text/plain' }));
  }, docs);
  await page.waitForTimeout(300);
  const t0 = await page.evaluate(() => {
    const data = new DataTransfer();
    for (const file of window.__files) data.items.add(file);
    const now = performance.now();
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
    return now;
  });
  await page.waitForSelector('#add-form:not([aria-busy])', { timeout: 300_000 });
  await page.waitForTimeout(500); // the chronology's and the list's frames
  const t1 = await page.evaluate(() => performance.now());
  const loaded = await page.evaluate(() => ({
    articles: document.getElementById('doc-count').textContent,
    events: Number(document.getElementById('chronology').dataset.total),
    cards: document.querySelectorAll('#doc-list button.doc-card').length,
  }));
  const loading = longTasks(await tasksBetween(page, t0, t1));

  // Zoom and pan the axis: wheel steps and drags in the plot, for `seconds`.
  const plot = await page.locator('#chronology .tl-view').boundingBox();
  const cx = plot.x + plot.width / 2;
  const cy = plot.y + plot.height / 2;
  await page.mouse.move(cx, cy);
  const s0 = await page.evaluate(() => performance.now());
  const end = Date.now() + seconds * 1000;
  let steps = 0;
  for (let round = 0; Date.now() < end; round++) {
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, round % 2 ? 240 : -240);
      await page.waitForTimeout(16);
      steps++;
    }
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(cx + (round % 2 ? -1 : 1) * i * 30, cy);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    await page.mouse.move(cx, cy);
    steps++;
  }
  await page.waitForTimeout(200);
  const s1 = await page.evaluate(() => performance.now());
  const interacting = longTasks(await tasksBetween(page, s0, s1));

  // The phone layout: the chronology as a (virtual) list, scrolled with the wheel.
  await page.setViewportSize(PHONE);
  const toggle = page.locator('#chronology .tl-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator('#chronology .tl-item').first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  const listItems = await page.locator('#chronology .tl-item').count();
  await page.mouse.move(PHONE.width / 2, PHONE.height / 2);
  const p0 = await page.evaluate(() => performance.now());
  const stop = Date.now() + seconds * 1000;
  let wheels = 0;
  while (Date.now() < stop) {
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(16);
    wheels++;
  }
  await page.waitForTimeout(200);
  const p1 = await page.evaluate(() => performance.now());
  const scrolled = await page.evaluate(() => window.scrollY);
  const scrolling = longTasks(await tasksBetween(page, p0, p1));
  await context.close();
  return {
    articles, loaded, loadMs: Math.round(t1 - t0 - 500), loading, interacting: { ...interacting, seconds, steps },
    phoneList: { ...scrolling, seconds, wheels, scrolledPx: Math.round(scrolled), itemsInDom: listItems },
  };
}

/** (c) dist/index.html raw and gzip, with the shares of the model, the wasm, the JavaScript and the demo story. */
export function pageWeight() {
  const html = readFileSync(pageFile, 'utf8');
  const block = (pattern) => html.match(pattern)?.[1] ?? '';
  const parts = {
    model: block(/<script type="application\/octet-stream" id="dateline-model"[^>]*>([^<]*)<\/script>/),
    wasm: block(/<script type="application\/octet-stream" id="dateline-wasm"[^>]*>([^<]*)<\/script>/),
    js: block(/<script type="module"[^>]*>([\s\S]*?)<\/script>/),
    demo: block(/<script type="application\/json" id="demo-corpus">([\s\S]*?)<\/script>/),
  };
  const gz = (s) => gzipSync(s, { level: 9 }).length;
  return {
    raw: Buffer.byteLength(html),
    gzip: gz(html),
    parts: Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, { raw: Buffer.byteLength(text), gzip: gz(text) }])),
  };
}

/** Runs the three measures; `log` prints the report lines. */
export async function pageBench({ log = console.log, runs = 5 } = {}) {
  const browser = await chromium.launch(LAUNCH);
  try {
    const tti = await timeToInteractive(browser, runs);
    const decode = await decodeTime(browser, runs);
    const large = await largeStory(browser);
    const weight = pageWeight();
    const verdict = (pass) => (pass ? 'PASS' : 'FAIL');
    const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
    const share = (part) => `${kib(part.gzip)} gzip (${Math.round((100 * part.gzip) / weight.gzip)}%)`;
    const targets = {
      ttiMs: { want: `< ${TARGETS.ttiMs}`, got: tti.medianMs, pass: tti.medianMs < TARGETS.ttiMs },
      longestTaskLoadingMs: { want: `<= ${TARGETS.longTaskMs}`, got: large.loading.longestMs, pass: large.loading.longestMs <= TARGETS.longTaskMs },
      longTasksInteracting: { want: '0', got: large.interacting.count, longestMs: large.interacting.longestMs, pass: large.interacting.count === 0 },
      longTasksPhoneList: { want: '0', got: large.phoneList.count, longestMs: large.phoneList.longestMs, pass: large.phoneList.count === 0 },
      pageGzipBytes: { want: `< ${TARGETS.gzipBytes}`, got: weight.gzip, pass: weight.gzip < TARGETS.gzipBytes },
    };
    // Long tasks are wall time: on a busy machine the page's thread waits for a core, so say how busy it was.
    const load = loadavg().map((x) => x.toFixed(1)).join(' ');
    log(`\npage (dist/index.html from file://, headless Chromium ${browser.version()}, ${DESKTOP.width}×${DESKTOP.height}; ${cpus().length} cores, load average ${load}):`);
    log(`  time to interactive (seed story highlighted), median of ${runs}: ${tti.medianMs} ms [${tti.runs.join(', ')}]  target < ${TARGETS.ttiMs} ms  ${verdict(targets.ttiMs.pass)}`);
    log(`  engine started (data blocks read, decoded in the worker, wasm compiled, model loaded) ${tti.engineStart.medianMs} ms after it asked, median of ${runs} ` +
      `[${tti.engineStart.runs.join(', ')}]; decoding the ${decode.blocks} data blocks alone (cold, in a blank page's worker): ${decode.medianMs} ms [${decode.runs.join(', ')}]`);
    log(`  ${large.articles} articles dropped (${large.loaded.articles}, ${large.loaded.events} events, ${large.loaded.cards} list cards in the DOM): ready in ${large.loadMs} ms; ` +
      `long tasks while loading: ${large.loading.count}, longest ${large.loading.longestMs} ms  target none over ${TARGETS.longTaskMs} ms  ${verdict(targets.longestTaskLoadingMs.pass)}`);
    log(`  zooming and panning the chronology for ${large.interacting.seconds} s (${large.interacting.steps} wheel steps and drags): ` +
      `${large.interacting.count} long tasks, longest ${large.interacting.longestMs} ms  target none  ${verdict(targets.longTasksInteracting.pass)}`);
    log(`  scrolling the phone chronology (${PHONE.width}×${PHONE.height}, a virtual list: ${large.phoneList.itemsInDom} of ${large.loaded.events} items in the DOM) for ${large.phoneList.seconds} s ` +
      `(${large.phoneList.wheels} wheel steps, ${large.phoneList.scrolledPx} px): ${large.phoneList.count} long tasks, longest ${large.phoneList.longestMs} ms  target none  ${verdict(targets.longTasksPhoneList.pass)}`);
    log(`  weight: ${kib(weight.raw)} raw, ${kib(weight.gzip)} gzip -9; model ${share(weight.parts.model)}, wasm ${share(weight.parts.wasm)}, ` +
      `JavaScript ${share(weight.parts.js)}, demo story with its analysis ${share(weight.parts.demo)}  target < ${(TARGETS.gzipBytes / 1e6).toFixed(0)} MB gzip  ${verdict(targets.pageGzipBytes.pass)}`);
    return { chromium: browser.version(), loadAverage: loadavg(), tti, decode, large, weight, targets };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await pageBench();
}

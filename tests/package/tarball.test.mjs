// The npm tarball as a user gets it: `npm pack`, install into a fresh
// project, then import it by name from Node, type-check against it, and
// build a Vite app that runs it in Chromium with no request leaving 127.0.0.1.
//
// Build first: `node scripts/build.mjs package`. Run: `node --test tests/package/`.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';
import { LAUNCH, guardContext } from '../browser/offline-page.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = promisify(execFile);

/** Runs a command; on failure the error carries its stdout and stderr. */
async function sh(cmd, args, options = {}) {
  try {
    return await run(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  } catch (e) {
    e.message += `\n--- stdout\n${e.stdout}\n--- stderr\n${e.stderr}`;
    throw e;
  }
}

// npm must not read the registry or phone home from these tests.
const npmEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

let temp;
let tarball;
let packed;
let project;
let viteOutput;

before(async () => {
  assert.ok(existsSync(join(root, 'dist/lib/dateline.wasm')), 'run `node scripts/build.mjs package` first');
  temp = mkdtempSync(join(tmpdir(), 'dateline-tarball-'));
  const { stdout } = await sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', temp], { cwd: root, env: npmEnv });
  [packed] = JSON.parse(stdout.slice(stdout.indexOf('[')));
  tarball = join(temp, packed.filename);

  project = join(temp, 'app');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'dateline-consumer', private: true, type: 'module' }, null, 2));
  const install = ['install', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts'];
  try {
    await sh('npm', [...install, '--offline', tarball], { cwd: project, env: npmEnv });
  } catch {
    await sh('npm', [...install, tarball], { cwd: project, env: npmEnv });
  }
});

after(() => {
  if (temp && !process.env.KEEP_TEMP) rmSync(temp, { recursive: true, force: true });
});

describe('npm pack', () => {
  test('the tarball holds dist/lib and the docs, not the sources', () => {
    const files = packed.files.map((f) => f.path).sort();
    const required = [
      'package.json',
      'dist/lib/index.js',
      'dist/lib/index.d.ts',
      'dist/lib/node.js',
      'dist/lib/node.d.ts',
      'dist/lib/dateline.wasm',
      'dist/lib/dateline-model.bin',
      'dist/lib/wasm-inline.js',
      'dist/lib/wasm-inline.d.ts',
      'dist/lib/model-inline.js',
      'dist/lib/model-inline.d.ts',
      'dist/lib/wasm/dateline.js',
      'dist/lib/wasm/dateline.d.ts',
      'dist/lib/element.js',
      'dist/lib/element.d.ts',
      'dist/lib/define.js',
      'dist/lib/define.d.ts',
    ];
    for (const doc of ['README.md', 'LICENSE']) if (existsSync(join(root, doc))) required.push(doc);
    for (const f of required) assert.ok(files.includes(f), `${f} is missing from the tarball: ${files.join(', ')}`);
    for (const f of files) {
      assert.ok(f.startsWith('dist/lib/') || ['package.json', 'README.md', 'LICENSE'].includes(f), `unexpected file in the tarball: ${f}`);
      assert.ok(!/(^|\/)(src|node_modules|target|tests|benches|www|scripts)\//.test(f), `${f} should not be published`);
    }
    // The wasm and the entity model each ship twice: as a file (Node, custom
    // loaders) and base64 inline (init() with no fetch): ~4 MB packed.
    assert.ok(packed.size < 6 * 1024 * 1024, `tarball is ${packed.size} bytes`);
  });
});

describe('installed from the tarball', () => {
  test('Node: import { init, analyze, tokenize } from "dateline"', async () => {
    const script = join(project, 'node-check.mjs');
    writeFileSync(script, `
      import { existsSync } from 'node:fs';
      import { fileURLToPath } from 'node:url';
      import { init, analyze, tokenize } from 'dateline';
      await init();
      await init();
      const a = analyze('One. Two.');
      console.log(JSON.stringify({
        version: a.version,
        sentences: a.documents[0].sentences.length,
        tokens: tokenize('NATO’s chief spoke.').length,
        mentions: analyze('NATO’s chief spoke.').documents[0].mentions.map((m) => m.text),
        resolved: fileURLToPath(import.meta.resolve('dateline')),
        wasm: existsSync(fileURLToPath(import.meta.resolve('dateline/dateline.wasm'))),
        model: existsSync(fileURLToPath(import.meta.resolve('dateline/dateline-model.bin'))),
      }));
    `);
    const { stdout } = await sh(process.execPath, [script], { cwd: project });
    const out = JSON.parse(stdout);
    assert.equal(out.version, 1);
    assert.equal(out.sentences, 2);
    assert.equal(out.tokens, 5);
    assert.deepEqual(out.mentions, ['NATO'], 'the entity model is read from the package');
    assert.ok(out.wasm, 'dateline/dateline.wasm resolves to a file');
    assert.ok(out.model, 'dateline/dateline-model.bin resolves to a file');
    assert.ok(out.resolved.startsWith(join(project, 'node_modules', 'dateline') + sep), `resolved to ${out.resolved}`);
    assert.ok(out.resolved.endsWith(join('dist', 'lib', 'node.js')), 'Node picks the "node" export');
  });

  test('TypeScript: the "types" export resolves from the installed package', async () => {
    const dir = join(project, 'ts');
    mkdirSync(dir);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [], strict: true, noEmit: true },
      files: ['check.ts'],
    }));
    writeFileSync(join(dir, 'check.ts'), `
      import { init, initSync, loadModel, analyze, tokenize, type Analysis, type Token } from 'dateline';
      import { DatelineView, type DatelineSelectDetail } from 'dateline/element';
      import 'dateline/define';
      const view: DatelineView = document.createElement('dateline-view');
      view.addEventListener('dateline-select', (e) => { const d: DatelineSelectDetail = e.detail; console.log(d.kind); });
      await init();
      await init({ model: false });
      await loadModel(new URL('dateline/dateline-model.bin', import.meta.url));
      initSync({ wasm: new Uint8Array(0), model: new Uint8Array(0) });
      const a: Analysis = analyze({ text: 'One. Two.', published: '2021-10-21' });
      const t: Token[] = tokenize('x');
      export const n: number = a.documents.length + t.length;
      // @ts-expect-error: analyze needs documents
      analyze();
    `);
    await sh(bin('tsc'), ['-p', dir, '--noEmit'], { cwd: project });
  });

  test('Vite: a built app runs dateline in Chromium, offline', { timeout: 60_000 }, async () => {
    const app = join(project, 'vite-app');
    mkdirSync(app);
    writeFileSync(join(app, 'index.html'),
      '<!doctype html>\n<html><head><meta charset="utf-8"><title>dateline in vite</title></head>\n' +
      '<body><script type="module" src="/main.js"></script></body></html>\n');
    writeFileSync(join(app, 'main.js'), [
      "import { init, analyze } from 'dateline';",
      'await init();',
      "document.body.dataset.mentions = analyze('NATO met.').documents[0].mentions.map((m) => m.text).join();",
      "document.body.dataset.sentences = analyze('One. Two.').documents[0].sentences.length;",
      '',
    ].join('\n'));
    const build = await viteBuild(app);
    const out = join(app, 'dist');
    assert.ok(existsSync(join(out, 'index.html')));
    // Three chunks at least: the app with the glue, the wasm, the model (split, so an app can load the model lazily).
    const chunks = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
    assert.ok(chunks.length >= 3, `the wasm and the model are chunks of their own: ${chunks.join(', ')}`);
    viteOutput = `${build.stdout}${build.stderr}`.trim();

    await withServedPage(out, async (page, origin) => {
      const requests = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => document.body.dataset.sentences !== undefined, null, { timeout: 20_000 });
      assert.equal(await page.evaluate(() => document.body.dataset.sentences), '2');
      assert.equal(await page.evaluate(() => document.body.dataset.mentions), 'NATO');
      assert.ok(requests.some((u) => u.endsWith('.js')), `the page loaded its bundle: ${requests.join(', ')}`);
      assert.ok(!requests.some((u) => /\.(wasm|bin)$/.test(u)), `the wasm and the model come from the bundle: ${requests.join(', ')}`);
    });
  });

  test('Vite: the README\'s "Embed it" example (dateline/define) shows its two elements', { timeout: 90_000 }, async () => {
    // The page and main.js are the README's own code blocks; the test adds a workspace file and a probe script.
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Embed it'));
    const block = (lang) => {
      const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section);
      assert.ok(m, `README "Embed it" has a ${lang} block`);
      return m[1];
    };
    const html = block('html');
    const main = block('js');
    assert.match(html, /<script type="module" src="\.\/main\.js"><\/script>/);
    assert.match(main, /import 'dateline\/define';/);
    const app = join(project, 'vite-element');
    mkdirSync(join(app, 'public'), { recursive: true });
    writeFileSync(join(app, 'index.html'), html.replace('</body>', '<script type="module" src="./probe.js"></script>\n</body>'));
    writeFileSync(join(app, 'main.js'), main);
    writeFileSync(join(app, 'probe.js'), [
      '// Test probe: what each element showed, on document.body.dataset.',
      'const seen = [];',
      "document.addEventListener('dateline-ready', (event) => {",
      '  const root = event.target.shadowRoot;',
      '  seen.push({',
      "    src: event.target.getAttribute('src'),",
      "    mentions: [...root.querySelectorAll('mark.mention')].map((m) => m.textContent),",
      "    timexes: [...root.querySelectorAll('time.timex')].map((t) => t.dataset.value),",
      '    events: event.detail.analysis.timeline.length,',
      '  });',
      '  document.body.dataset.seen = JSON.stringify(seen);',
      '});',
      "document.addEventListener('dateline-error', (event) => { document.body.dataset.error = event.detail.message; });",
      '',
    ].join('\n'));
    writeFileSync(join(app, 'public', 'ferry-story.json'), JSON.stringify({
      format: 'dateline-workspace', version: 1, exported: '2026-12-07T13:00:00.000Z', story: 'Ferry link',
      inputs: [
        { id: 'a1', text: 'The Harbour Council voted on 19 October 2021 to fund a ferry.', published: '2021-10-21' },
        { id: 'a2', text: 'The council approved the ferry on 19 October 2021. Crossings start on 3 March 2022.', published: '2021-10-22' },
      ],
    }));
    const build = await viteBuild(app);
    assert.equal(`${build.stdout}${build.stderr}`.trim(), '', 'vite build warned about the element');
    const out = join(app, 'dist');
    await withServedPage(out, async (page, origin) => {
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => JSON.parse(document.body.dataset.seen ?? '[]').length === 2 || document.body.dataset.error !== undefined,
        null, { timeout: 30_000 });
      assert.equal(await page.evaluate(() => document.body.dataset.error), undefined);
      const seen = JSON.parse(await page.evaluate(() => document.body.dataset.seen));
      const article = seen.find((s) => s.src === null);
      const story = seen.find((s) => s.src === 'ferry-story.json');
      assert.ok(article.mentions.includes('Anna Keller'), `mentions: ${article.mentions}`);
      assert.ok(article.timexes.includes('2021-10-19'), 'Tuesday is dated from published');
      assert.ok(story.events >= 2, JSON.stringify(story));
      assert.equal(await page.evaluate(() => typeof customElements.get('dateline-view')), 'function', 'dateline/define registered the element');
      // main.js listens on document: a click on an event reaches it (composed).
      const logged = new Promise((resolve) => page.on('console', (m) => { if (m.type() === 'log' && m.text().startsWith('event ')) resolve(m.text()); }));
      await page.locator('dateline-view[src] .tl-event .tl-card').first().click();
      assert.match(await logged, /^event e\d+ a\d$/);
    });
  });

  test('Vite: building with the package prints no warnings', () => {
    assert.ok(viteOutput !== undefined, 'the Vite build did not run');
    // At --logLevel warn Vite prints only warnings: the package should cause none in its users' builds.
    assert.equal(viteOutput, '', 'vite build warned about the package');
  });
});

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

/** A static file server for `dir` on 127.0.0.1 and a free port. */
function serveStatic(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Serves `out` on 127.0.0.1 and runs `fn(page, origin)` in a fresh Chromium
 * page whose requests must stay on that origin; no page error and no
 * foreign request may happen meanwhile.
 */
async function withServedPage(out, fn) {
  const server = await serveStatic(out);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch(LAUNCH);
  try {
    const context = await browser.newContext();
    const { foreign, problems: errors } = await guardContext(context, (url) => url.startsWith(`${origin}/`));
    await fn(await context.newPage(), origin);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, [], 'every request stays on 127.0.0.1');
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * Builds the Vite app in `app` (a folder of the test project) for
 * production, printing only warnings. The embedded wasm and entity model
 * (2.1 MB of base64) are lazily imported chunks; the app says it expects the
 * big one, as the README shows. Vite comes from the repository; the app
 * resolves `dateline` from the project's own node_modules.
 */
async function viteBuild(app) {
  writeFileSync(join(app, 'vite.config.js'), 'export default { build: { chunkSizeWarningLimit: 8192 } };\n');
  const viteLink = join(project, 'node_modules', 'vite');
  if (!existsSync(viteLink)) symlinkSync(join(root, 'node_modules', 'vite'), viteLink, 'dir');
  return sh(bin('vite'), ['build', '--logLevel', 'warn', '--outDir', 'dist', '--emptyOutDir'], {
    cwd: app,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

// Builds the wasm core, the npm package (dist/lib) and the offline page
// (dist/index.html, one self-contained file). Run from anywhere.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateRawSync, gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { shadowCss } from './element-css.mjs';
import { FORMAT, decodeDataBlock } from '../www/app/data-block.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const lib = join(dist, 'lib');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(cmd, args) {
  execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

function step(name, fn) {
  const t0 = performance.now();
  fn();
  console.log(`build: ${name} (${Math.round(performance.now() - t0)} ms)`);
}

export function buildPackage() {
  const raw = join(root, 'target', 'wasm32-unknown-unknown', 'release', 'dateline.wasm');
  const bindgenOut = join(root, 'target', 'wasm-bindgen');
  // SIMD128 (every current browser and Node 16+) makes the neural model ~4× faster.
  // No lower inline threshold: −5% of the wasm, but tokenize and findDates
  // 5–10% slower (DESIGN.md, "What keeps the wasm small").
  process.env.CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS = '-C target-feature=+simd128';
  step('cargo build wasm32', () => run('cargo', ['build', '--quiet', '--release', '--lib', '--target', 'wasm32-unknown-unknown']));
  step('wasm-bindgen', () => run('wasm-bindgen', ['--target', 'web', '--out-dir', bindgenOut, raw]));
  rmSync(lib, { recursive: true, force: true });
  mkdirSync(join(lib, 'wasm'), { recursive: true });
  step('wasm-opt -O3', () =>
    run(bin('wasm-opt'), ['-O3', '--enable-simd', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
      '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
      '--strip-producers', '--strip-target-features', // metadata no engine reads
      // Functions of one caller are inlined only when small: −5 KB gzip, analyze() unchanged (DESIGN.md).
      '--one-caller-inline-max-function-size', '50',
      join(bindgenOut, 'dateline_bg.wasm'), '-o', join(lib, 'dateline.wasm')]));
  // The glue's default `new URL('dateline_bg.wasm', import.meta.url)` names a
  // file the package does not ship (init() always passes the wasm), and
  // bundlers warn about it; make the default an explicit error instead.
  const glue = readFileSync(join(bindgenOut, 'dateline.js'), 'utf8');
  const defaultPath = "module_or_path = new URL('dateline_bg.wasm', import.meta.url);";
  if (!glue.includes(defaultPath)) throw new Error('wasm-bindgen glue changed: no default wasm URL to replace');
  writeFileSync(join(lib, 'wasm', 'dateline.js'), glue.replace(defaultPath,
    "throw new Error('dateline: the wasm module must be passed to init()');"));
  copyFileSync(join(bindgenOut, 'dateline.d.ts'), join(lib, 'wasm', 'dateline.d.ts'));
  const wasmPacked = packSync(readFileSync(join(lib, 'dateline.wasm')), 'dateline.wasm');
  writeFileSync(join(lib, 'wasm-inline.js'),
    `// The wasm core, base64 of its gzip (lib/base64.js), so init() needs no fetch.\nexport default "${wasmPacked}";\n`);
  writeFileSync(join(lib, 'wasm-inline.d.ts'), 'declare const packed: string;\nexport default packed;\n');
  const model = modelAsset();
  writeFileSync(join(lib, 'dateline-model.bin'), model);
  writeFileSync(join(lib, 'model-inline.js'),
    `// The entity model (dateline-model.bin), base64 of its gzip (lib/base64.js), so init() needs no fetch.\nexport default "${packSync(model, 'dateline-model.bin')}";\n`);
  writeFileSync(join(lib, 'model-inline.d.ts'), 'declare const packed: string;\nexport default packed;\n');
  for (const file of ['index.js', 'base64.js', 'node.js', 'index.d.ts']) {
    copyFileSync(join(root, 'www', 'lib', file), join(lib, file));
  }
  writeFileSync(join(lib, 'node.d.ts'), "export * from './index.js';\n");
  step('element', buildElement);
}

/**
 * The <dateline-view> element into dist/lib: `element.js` (the class, with
 * the page's rendering and chronology modules and d3 bundled in, its
 * stylesheet inlined, and `dateline` imported as the package's own
 * `./index.js`, so init() and the embedded assets are shared), `define.js`
 * (registration) and their types.
 */
export function buildElement() {
  const www = join(root, 'www');
  const css = shadowCss(readFileSync(join(www, 'style.css'), 'utf8'), readFileSync(join(www, 'element', 'element.css'), 'utf8'));
  const shadowFile = join(root, 'target', 'element', 'shadow.css');
  mkdirSync(dirname(shadowFile), { recursive: true });
  writeFileSync(shadowFile, esbuild.transformSync(css, { loader: 'css', minify: true }).code);
  const bundle = esbuild.buildSync({
    entryPoints: [join(www, 'element', 'element.js')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    alias: { 'dateline:element-css': shadowFile },
    loader: { '.css': 'text' },
    external: ['dateline'],
    minify: true,
    legalComments: 'inline',
    write: false,
    logLevel: 'warning',
  }).outputFiles[0].text;
  // `dateline` becomes the package's own entry beside it, so init() and the embedded assets are shared.
  const imports = bundle.match(/from\s*"dateline"/g) ?? [];
  if (imports.length !== 1 || /["']dateline["']/.test(bundle.replace(/from\s*"dateline"/, ''))) {
    throw new Error(`the element bundle should import "dateline" once, found ${imports.length}`);
  }
  writeFileSync(join(lib, 'element.js'), bundle.replace(/from\s*"dateline"/, 'from"./index.js"'));
  copyFileSync(join(www, 'element', 'define.js'), join(lib, 'define.js'));
  for (const file of ['element.d.ts', 'define.d.ts']) copyFileSync(join(www, 'element', file), join(lib, file));
  // An example host page, served with the page by `npm start` (http://127.0.0.1:8017/element.html).
  copyFileSync(join(www, 'element', 'example.html'), join(dist, 'element.html'));
  copyFileSync(join(www, 'element', 'example.js'), join(dist, 'element-example.js'));
  const { story, documents } = demoCorpus();
  writeFileSync(join(dist, 'demo-story.json'), JSON.stringify({
    format: 'dateline-workspace', version: 1, exported: statSync(join(www, 'demo', 'corpus.json')).mtime.toISOString(), story, inputs: documents,
  }, null, 1));
}

/**
 * The entity model asset the wasm loads (`loadModel`): the model file and the
 * tokenizer rules of models/, one after the other behind a 16-byte header
 * (layout in src/entities/model/weights.rs, `asset`).
 */
function modelAsset() {
  const model = readFileSync(join(root, 'models', 'ner-en-core-web-sm-3.6.0.bin'));
  const tokenizer = readFileSync(join(root, 'models', 'tokenizer-en-core-web-sm-3.6.0.json'));
  const header = Buffer.alloc(16);
  header.write('DLMODEL\x01', 0, 'latin1');
  header.writeUInt32LE(model.length, 8);
  header.writeUInt32LE(tokenizer.length, 12);
  return Buffer.concat([header, model, tokenizer]);
}

/** The demo corpus (www/demo) as the JSON the page embeds. */
function demoCorpus() {
  const demo = join(root, 'www', 'demo');
  const manifest = JSON.parse(readFileSync(join(demo, 'corpus.json'), 'utf8'));
  const listed = new Set(manifest.documents.map((d) => d.file));
  for (const file of readdirSync(demo).filter((f) => f.endsWith('.txt'))) {
    if (!listed.has(file)) throw new Error(`www/demo/${file} is not listed in www/demo/corpus.json`);
  }
  return {
    story: manifest.story,
    documents: manifest.documents.map(({ file, ...meta }) => ({ ...meta, text: readFileSync(join(demo, file), 'utf8') })),
  };
}

/**
 * The demo corpus with its Analysis, made by the package just built
 * (dist/lib/node.js): the page shows the demo story without waiting for
 * the engine, which starts afterwards for the reader's own articles.
 */
async function analysedDemo() {
  const corpus = demoCorpus();
  const { analyze } = await import(pathToFileURL(join(lib, 'node.js')).href);
  return { ...corpus, analysis: analyze(corpus.documents) };
}

/** JSON safe to place inside a <script> element. */
function scriptSafeJson(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The analysis worker (www/worker.js) bundled into one classic script,
 * with the raw wasm glue as `dateline-core` (the worker gets the wasm and
 * the model from the page by message, so none of their bytes go into it).
 */
async function workerSource(www) {
  const result = await esbuild.build({
    entryPoints: [join(www, 'worker.js')],
    bundle: true,
    format: 'iife', // a classic worker: Chromium refuses module workers from blob: under file://
    minify: true,
    write: false,
    target: 'es2022',
    alias: { 'dateline-core': join(lib, 'wasm', 'dateline.js') },
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/**
 * esbuild plugin for `dateline-page:assets`: the worker's source, and
 * functions that read the wasm and the model from the page's data blocks
 * (`<script type="application/octet-stream">`, see DATA_BLOCKS) as
 * text for app/data-block.js: outside the module script, the 2.6 MB of
 * base64 costs the script's compile nothing, and the page reads it only to
 * start the engine, whose worker decodes it.
 */
function pageAssets(worker) {
  return {
    name: 'dateline-page-assets',
    setup(build) {
      build.onResolve({ filter: /^dateline-page:assets$/ }, () => ({ path: 'assets', namespace: 'dateline-page' }));
      build.onLoad({ filter: /.*/, namespace: 'dateline-page' }, () => ({
        contents: [
          'const read = (id) => {',
          '  const node = document.getElementById(id);',
          "  if (!node) throw new Error(`the page lacks its #${id} data block; rebuild it with scripts/build.mjs`);",
          '  return node.textContent;',
          '};',
          ...Object.entries(DATA_BLOCKS).map(([name, { id }]) => `export const ${name} = () => read(${JSON.stringify(id)});`),
          `export const workerSource = ${JSON.stringify(worker)};`,
        ].join('\n'),
      }));
    },
  };
}

/** The data blocks of the page: export name → element id and the file of dist/lib it holds. */
const DATA_BLOCKS = {
  wasmBlock: { id: 'dateline-wasm', file: 'dateline.wasm' },
  modelBlock: { id: 'dateline-model', file: 'dateline-model.bin' },
};

/** zlib's compressor for each DecompressionStream format the data blocks may use. */
const COMPRESS = { 'deflate-raw': deflateRawSync, gzip: gzipSync };
/** And the decompressor that checks each. */
const DECOMPRESS = { 'deflate-raw': inflateRawSync, gzip: gunzipSync };

/**
 * `bytes` as base64 of their gzip (lib/base64.js's `unpack` reads it back),
 * checked by Node's own gunzip to round-trip.
 */
function packSync(bytes, name) {
  const cached = packed.get(name);
  if (cached?.bytes.equals(bytes)) return cached.text;
  const gzipped = COMPRESS[FORMAT](bytes, { level: 9 });
  if (!DECOMPRESS[FORMAT](gzipped).equals(bytes)) throw new Error(`${name} does not round-trip through gzip`);
  const text = gzipped.toString('base64');
  packed.set(name, { bytes, text });
  return text;
}

/** What packSync made in this run, by file: the package and the page carry the same text. */
const packed = new Map();

/**
 * `bytes` as the text of an app/data-block.js data block: base64 of their
 * gzip at level 9 (raw deflate, without gzip's CRC-32, changed the page's
 * gzip by under 100 bytes either way). Base64 is ASCII without `<`, so the
 * HTML parser keeps it as it is inside a <script> element under any
 * charset. Checks that the text decodes, as the page's worker decodes it,
 * to the same bytes.
 */
export async function encodeDataBlock(bytes, name) {
  const text = packSync(bytes, name);
  if (!Buffer.from(await decodeDataBlock(text)).equals(bytes)) throw new Error(`the ${name} data block does not decode to ${name}`);
  return text;
}

/** The `<script type="application/octet-stream">` blocks of the wasm and the model (app/data-block.js). */
async function dataBlocks() {
  const blocks = await Promise.all(Object.values(DATA_BLOCKS).map(async ({ id, file }) => {
    const text = await encodeDataBlock(readFileSync(join(lib, file)), file);
    return `<script type="application/octet-stream" id="${id}">${text}</script>`;
  }));
  return blocks.join('\n');
}

export async function buildPage() {
  const www = join(root, 'www');
  const worker = await workerSource(www);
  const bundle = (await esbuild.build({
    entryPoints: [join(www, 'app.js')],
    bundle: true,
    format: 'esm',
    minify: !process.env.DATELINE_PAGE_UNMINIFIED,
    write: false,
    target: 'es2022',
    alias: { dateline: join(lib, 'index.js') },
    plugins: [pageAssets(worker)],
    logLevel: 'warning',
  })).outputFiles[0].text;
  if (/<\/script/i.test(bundle)) throw new Error('the page bundle contains "</script"');
  // Minified like the bundle: comments and whitespace, −2.3 KB of the stylesheet's gzip.
  const css = esbuild.transformSync(readFileSync(join(www, 'style.css'), 'utf8'), {
    loader: 'css', minify: !process.env.DATELINE_PAGE_UNMINIFIED, logLevel: 'warning',
  }).code;
  let html = readFileSync(join(www, 'index.html'), 'utf8');
  const replace = (marker, content) => {
    if (!html.includes(marker)) throw new Error(`www/index.html lacks ${marker}`);
    html = html.replace(marker, () => content);
  };
  replace('<link rel="stylesheet" href="style.css">', `<style>\n${css}</style>`);
  replace('<script type="module" src="app.js"></script>',
    `<script type="application/json" id="demo-corpus">${scriptSafeJson(await analysedDemo())}</script>\n<script type="module" async>${bundle}</script>\n${await dataBlocks()}`);
  // A UTF-8 byte order mark: it outranks a server's Content-Type charset, so
  // the page's non-ASCII text (the demo story) is read as UTF-8 wherever it is hosted.
  writeFileSync(join(dist, 'index.html'), `\uFEFF${html}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv[2];
  if (only !== 'page') buildPackage();
  if (only !== 'package') {
    const t0 = performance.now();
    await buildPage();
    console.log(`build: page (${Math.round(performance.now() - t0)} ms)`);
  }
  console.log(`build: wrote ${join(dist, 'lib')} and ${join(dist, 'index.html')}`);
}

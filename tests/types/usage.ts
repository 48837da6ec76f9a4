// A consumer of the `dateline` typings: it must compile under `strict`, and
// the one marked misuse must be an error (so this check can fail).
import { init, initSync, loadModel, analyze, findEntities, tokenize } from '../../dist/lib/index.js';
import type { Analysis, DocFields, DocInput, DocumentAnalysis, EntityType, Options, Progress, Range, Timex, Token } from '../../dist/lib/index.js';
// The package's own name resolves through the `exports` map's `types` condition.
import { analyze as analyzeByName } from 'dateline';

export async function main(bytes: Uint8Array, model: ArrayBuffer): Promise<number> {
  await init();
  await init(new URL('https://example.invalid/dateline.wasm'));
  await init({ wasm: fetch('https://example.invalid/dateline.wasm'), model: new URL('https://example.invalid/dateline-model.bin') });
  await init({ model: false });
  await loadModel();
  await loadModel(model);
  initSync(bytes);
  initSync({ wasm: bytes, model });
  initSync({ model });

  const docs: DocInput[] = [
    { text: 'One. Two.' },
    { id: '003', text: 'Body.', title: 'Title', published: '2021-10-21', source: 'Example News' },
    { id: 'page', html: '<article><h1>Title</h1><p>Body.</p></article>', published: '2021-10-21' },
  ];
  const fields: DocFields = { id: 'x', title: 'T' };
  docs.push({ ...fields, html: '<p>x</p>' });
  const types: EntityType[] = ['PERSON', 'ORG'];
  const options: Options = { reference: '2021-10-21', types, timeline: { maxEvents: 10 } };

  const a: Analysis = analyze(docs, options);
  const b: Analysis = analyze('plain text');
  const c: Analysis = analyzeByName(['a', { text: 'b' }]);
  const version: 1 = a.version;

  let total = version + b.documents.length + c.documents.length;
  for (const doc of a.documents) {
    const d: DocumentAnalysis = doc;
    const title: string | null = d.title;
    const dct: string | null = d.dct.value;
    const basis: 'given' | 'inferred' | 'corpus' | 'unknown' = d.dct.basis;
    const firstSentence: Range | undefined = d.sentences[0];
    // For HTML input the analysed text is returned; offsets are into it.
    const text = d.text ?? docs.find((x) => x.id === d.id)?.text ?? '';
    if (firstSentence) total += text.slice(firstSentence.start, firstSentence.end).length;
    for (const m of d.mentions) total += m.text.length + (m.entity ?? '').length + m.type.length;
    for (const t of d.timexes) {
      const timex: Timex = t;
      total += timex.value.length + (timex.mod ?? '').length + (timex.anchor ?? '').length;
    }
    total += (title ?? '').length + (dct ?? '').length + basis.length + d.paragraphs.length + d.body.length;
    total += d.boilerplate.filter((x) => x.kind === 'newsletter').length;
  }
  for (const e of a.entities) total += e.aliases.length + e.documents.length + e.mentions;
  for (const ev of a.timeline) {
    total += ev.salience + ev.participants.length + ev.sources.reduce((n, s) => n + s.end - s.start, 0);
    if (ev.date.grain === 'day' && !ev.date.approximate) total += ev.date.start.length;
  }

  const tokens: Token[] = tokenize('NATO’s chief spoke.');
  for (const t of tokens) {
    const kind: 'word' | 'number' | 'punctuation' | 'symbol' = t.kind;
    total += t.end - t.start + t.sentence + kind.length;
  }

  for (const m of findEntities('Sergei Lavrov spoke in Moscow.')) {
    const type: EntityType = m.type;
    total += m.end - m.start + type.length + (m.entity ?? '').length;
  }

  // @ts-expect-error: tokenize takes a string, not a DocInput.
  tokenize({ text: 'not a string' });
  // @ts-expect-error: a DocInput has text or html, not both.
  analyze({ text: 'a', html: '<p>a</p>' });
  // @ts-expect-error: a DocInput needs text or html.
  analyze({ title: 'No body' });

  // Progress: the phase is one of three names, with counts.
  analyze('text', {
    onProgress: ({ phase, done, total }: Progress) => {
      const names: 'reading' | 'names' | 'finishing' = phase;
      total += done + names.length;
    },
  });
  // @ts-expect-error: onProgress is a function.
  analyze('text', { onProgress: true });

  return total;
}

// The workspace JSON format shared by the page's export and import and the
// element's `src`: {format: "dateline-workspace", version: 1, exported,
// story, inputs: DocInput[], analysis?: Analysis}. Reading checks every
// part it relies on and says what is wrong; it never trusts the analysis
// to match the inputs without checking.

/** The format name and the one version this reader knows. */
export const WORKSPACE_FORMAT = 'dateline-workspace';
export const WORKSPACE_VERSION = 1;

const INPUT_FIELDS = ['id', 'title', 'published', 'source'];

/**
 * Checks a parsed workspace file and returns `{story, inputs, analysis}`
 * (`analysis` null when the file has none, for the caller to re-analyse).
 * Throws a TypeError naming the first problem (wrong format or version,
 * inputs of the wrong shape, an analysis that does not match the inputs).
 */
export function readWorkspace(data) {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new TypeError('not a Dateline workspace: the JSON is not an object');
  }
  if (data.format !== WORKSPACE_FORMAT) {
    const found = data.format === undefined ? 'no "format" field' : `"format" is ${JSON.stringify(data.format)}`;
    throw new TypeError(`not a Dateline workspace: ${found}, expected "${WORKSPACE_FORMAT}"`);
  }
  if (data.version !== WORKSPACE_VERSION) {
    throw new TypeError(`unsupported Dateline workspace version ${JSON.stringify(data.version)}: this reader knows version ${WORKSPACE_VERSION}`);
  }
  if (!Array.isArray(data.inputs) || data.inputs.length === 0) {
    throw new TypeError('Dateline workspace: "inputs" must be a non-empty array of articles');
  }
  const inputs = data.inputs.map(readInput);
  const ids = new Set();
  for (const input of inputs) {
    if (input.id === undefined) continue;
    if (ids.has(input.id)) throw new TypeError(`Dateline workspace: two inputs have the id ${JSON.stringify(input.id)}`);
    ids.add(input.id);
  }
  const story = typeof data.story === 'string' ? data.story : '';
  const analysis = data.analysis == null ? null : readAnalysis(data.analysis, inputs);
  return { story, inputs, analysis };
}

/** One DocInput: exactly one of `text` and `html`, optional string fields. */
function readInput(input, i) {
  const where = `Dateline workspace: inputs[${i}]`;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new TypeError(`${where} is not an object`);
  const hasText = typeof input.text === 'string';
  const hasHtml = typeof input.html === 'string';
  if (hasText === hasHtml) throw new TypeError(`${where} needs exactly one of "text" and "html" (a string)`);
  const out = hasText ? { text: input.text } : { html: input.html };
  for (const field of INPUT_FIELDS) {
    if (input[field] == null) continue;
    if (typeof input[field] !== 'string') throw new TypeError(`${where}.${field} must be a string`);
    out[field] = input[field];
  }
  return out;
}

/** The parts of an Analysis the element reads, one document per input, in order. */
function readAnalysis(analysis, inputs) {
  if (typeof analysis !== 'object' || !Array.isArray(analysis.documents)) {
    throw new TypeError('Dateline workspace: "analysis" has no "documents" array');
  }
  if (analysis.documents.length !== inputs.length) {
    throw new TypeError(`Dateline workspace: "analysis" has ${analysis.documents.length} documents for ${inputs.length} inputs`);
  }
  analysis.documents.forEach((doc, i) => {
    const where = `Dateline workspace: analysis.documents[${i}]`;
    if (doc === null || typeof doc !== 'object') throw new TypeError(`${where} is not an object`);
    if (inputs[i].id !== undefined && doc.id !== inputs[i].id) {
      throw new TypeError(`${where} is ${JSON.stringify(doc.id)}, but inputs[${i}] is ${JSON.stringify(inputs[i].id)}`);
    }
    if (inputs[i].html !== undefined && typeof doc.text !== 'string') {
      throw new TypeError(`${where} lacks the "text" extracted from its HTML input`);
    }
    for (const field of ['sentences', 'paragraphs', 'mentions', 'timexes']) {
      if (doc[field] !== undefined && !Array.isArray(doc[field])) throw new TypeError(`${where}.${field} is not an array`);
    }
  });
  for (const field of ['entities', 'timeline']) {
    if (analysis[field] !== undefined && !Array.isArray(analysis[field])) {
      throw new TypeError(`Dateline workspace: analysis.${field} is not an array`);
    }
  }
  return analysis;
}

// The workspace file: the story's name, its DocInputs exactly as given to
// `analyze`, and optionally their Analysis. One format for the page's
// "Export JSON", its import, its saved state and `<dateline-view src>`:
//
//   {"format": "dateline-workspace", "version": 1, "exported": ISO time,
//    "story": "…", "inputs": [DocInput…], "analysis": Analysis?}
//
// Pure functions: no DOM, no storage, so Node tests them directly.

/** The `format` field every workspace file carries. */
export const WORKSPACE_FORMAT = 'dateline-workspace';
/** The version of the format this code writes and reads. */
export const WORKSPACE_VERSION = 1;

/** An error in a workspace file, with a message meant for the reader. */
export class WorkspaceError extends Error {
  constructor(message) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

const OPTIONAL_FIELDS = ['title', 'published', 'source'];

/**
 * A DocInput with only the fields `analyze` knows, optional ones left out
 * when absent: `{id, text | html, title?, published?, source?}`.
 */
export function cleanInput(input) {
  const clean = { id: input.id };
  if (typeof input.html === 'string') clean.html = input.html;
  else clean.text = input.text;
  for (const field of OPTIONAL_FIELDS) {
    if (typeof input[field] === 'string' && input[field] !== '') clean[field] = input[field];
  }
  return clean;
}

/** The workspace file for a story: `{format, version, exported, story, inputs, analysis?}`. */
export function makeWorkspace({ story, inputs, analysis, exported = new Date() }) {
  const workspace = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    exported: exported.toISOString(),
    story: story ?? '',
    inputs: inputs.map(cleanInput),
  };
  if (analysis) workspace.analysis = analysis;
  return workspace;
}

/**
 * Why `value` is not a calendar day written YYYY-MM-DD, or null when it
 * is one ("2021-02-30" is refused: February has no 30th).
 */
export function dayError(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return `“${value}” is not a date written YYYY-MM-DD, such as 2021-10-21.`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return `${value} is not a day of the calendar.`;
  }
  return null;
}

/** What `value` is, in words, for error messages. */
function kindOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The input at `index` of a workspace file, checked; throws WorkspaceError. */
function checkInput(input, index, seen) {
  const where = `Article ${index + 1}`;
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new WorkspaceError(`${where} is ${kindOf(input)}, not an object with an id and a text.`);
  }
  if (typeof input.id !== 'string' || !input.id.trim()) throw new WorkspaceError(`${where} has no id.`);
  if (seen.has(input.id)) throw new WorkspaceError(`${where} repeats the id “${input.id}”.`);
  seen.add(input.id);
  const hasText = input.text !== undefined;
  const hasHtml = input.html !== undefined;
  if (hasText === hasHtml) throw new WorkspaceError(`${where} (“${input.id}”) needs exactly one of "text" and "html".`);
  const body = hasText ? 'text' : 'html';
  if (typeof input[body] !== 'string') throw new WorkspaceError(`${where} (“${input.id}”): "${body}" is ${kindOf(input[body])}, not a string.`);
  for (const field of OPTIONAL_FIELDS) {
    if (input[field] !== undefined && typeof input[field] !== 'string') {
      throw new WorkspaceError(`${where} (“${input.id}”): "${field}" is ${kindOf(input[field])}, not a string.`);
    }
  }
  return cleanInput(input);
}

/**
 * Reads a workspace file's text: `{story, inputs, analysis}` (`analysis`
 * null when the file has none, or when it does not match the inputs).
 * Throws a WorkspaceError saying what is wrong with a file that is not
 * JSON, not a Dateline workspace, of another version, or malformed.
 */
export function parseWorkspace(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new WorkspaceError(`The file is not JSON (${e.message}).`);
  }
  return readWorkspace(data);
}

/** As `parseWorkspace`, for an already parsed value. */
export function readWorkspace(data) {
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new WorkspaceError(`The file holds ${kindOf(data)}, not a Dateline workspace.`);
  }
  if (data.format !== WORKSPACE_FORMAT) {
    throw new WorkspaceError(data.format === undefined
      ? 'The file is not a Dateline workspace: it has no "format": "dateline-workspace".'
      : `The file is not a Dateline workspace: its format is “${String(data.format)}”.`);
  }
  if (data.version !== WORKSPACE_VERSION) {
    throw new WorkspaceError(`The workspace is of version ${JSON.stringify(data.version)}; this page reads version ${WORKSPACE_VERSION}.`);
  }
  if (data.story !== undefined && typeof data.story !== 'string') throw new WorkspaceError('The workspace\'s "story" is not a string.');
  if (!Array.isArray(data.inputs)) throw new WorkspaceError('The workspace has no "inputs" list of articles.');
  const seen = new Set();
  const inputs = data.inputs.map((input, i) => checkInput(input, i, seen));
  const analysis = matchingAnalysis(data.analysis, inputs);
  return { story: data.story ?? '', inputs, analysis };
}

/** `analysis` when it is an Analysis of exactly these inputs (same ids, same order), else null. */
function matchingAnalysis(analysis, inputs) {
  if (!analysis || typeof analysis !== 'object' || !Array.isArray(analysis.documents)) return null;
  if (!Array.isArray(analysis.timeline) || !Array.isArray(analysis.entities)) return null;
  if (analysis.documents.length !== inputs.length) return null;
  return analysis.documents.every((doc, i) => doc?.id === inputs[i].id) ? analysis : null;
}

/** A file name stem from the story's name: "russia-suspends-its-mission-to-nato". */
export function fileStem(story) {
  const stem = String(story ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return stem || 'dateline-story';
}

// Public types of the `dateline` package. Every `start`/`end` is in UTF-16
// code units, end exclusive: `text.slice(start, end)` is the item.
import type { Analysis, DateOptions, DocInput, Options, Timex, Token } from './wasm/dateline.js';

export type {
  Analysis, Boilerplate, DateOptions, DocFields, DocInput, DocumentAnalysis, Entity, EntityType, Mention, Options, Range, Timex, TimelineEvent, Token,
} from './wasm/dateline.js';

/** What `init` can load the core from. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** Loads the WebAssembly core; idempotent. Without an argument it uses the embedded wasm (no network). */
export function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Loads the WebAssembly core synchronously from bytes or a compiled module; idempotent. */
export function initSync(bytesOrModule: BufferSource | WebAssembly.Module): void;

/**
 * Analyses the articles of one story, each given as plain `text` or as an
 * `html` page (whose extracted text comes back as `documents[i].text`, the
 * text every offset of that document is into). Never throws for any text or
 * HTML; throws TypeError for input of the wrong shape (a document with
 * neither or both of `text` and `html`) and RangeError for an unusable date
 * (`published`, `options.reference`) or duplicate document ids.
 */
export function analyze(docs: string | DocInput | Array<string | DocInput>, options?: Options): Analysis;

/** The tokens of `text`; `start`/`end` in UTF-16 code units. */
export function tokenize(text: string): Token[];

/**
 * The temporal expressions of `text` (TimeML TIMEX3 values), resolved against
 * `options.reference`; `start`/`end` in UTF-16 code units. Throws RangeError
 * when the reference is not an ISO date.
 */
export function findDates(text: string, options?: DateOptions): Timex[];

// Public types of the `dateline` package. Every `start`/`end` is in UTF-16
// code units, end exclusive: `text.slice(start, end)` is the item.
import type { Analysis, DateOptions, DocInput, Mention, Options, Timex, Token } from './wasm/dateline.js';

export type {
  Analysis, Boilerplate, DateOptions, DocFields, DocInput, DocumentAnalysis, Entity, EntityType, Mention, Options, Progress, Range, Timex, TimelineEvent, Token,
} from './wasm/dateline.js';

/** What `init` can load the wasm core from. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** What the entity model (`dateline/dateline-model.bin`) can be loaded from. */
export type ModelInput = RequestInfo | URL | Response | BufferSource;

/** The two assets `init` loads. */
export interface InitOptions {
  /** The wasm core; default the embedded one (no fetch). */
  wasm?: InitInput | Promise<InitInput>;
  /**
   * The entity model that `analyze` with entities needs; default the embedded
   * one (its own lazily imported chunk, no fetch). `false` leaves it for later:
   * `loadModel()` before analysing with entities (Node reads it from disk when needed).
   */
  model?: ModelInput | Promise<ModelInput> | false;
}

/**
 * Loads the WebAssembly core and the entity model; idempotent. Without an
 * argument both are the embedded ones (no network); a bare `input` is the wasm.
 */
export function init(input?: InitInput | InitOptions | Promise<InitInput>): Promise<void>;

/**
 * Loads the WebAssembly core synchronously from bytes or a compiled module;
 * `{ wasm, model }` loads the entity model too, from the bytes of
 * `dateline/dateline-model.bin`. Idempotent.
 */
export function initSync(input: BufferSource | WebAssembly.Module | { wasm?: BufferSource | WebAssembly.Module; model?: BufferSource }): void;

/**
 * Loads the entity model (the embedded one, or from `input`), and the wasm core
 * if `init` has not; idempotent. For apps that start with `init({ model: false })`.
 */
export function loadModel(input?: ModelInput | Promise<ModelInput>): Promise<void>;

/**
 * Analyses the articles of one story, each given as plain `text` or as an
 * `html` page (whose extracted text comes back as `documents[i].text`, the
 * text every offset of that document is into). Never throws for any text or
 * HTML; throws TypeError for input of the wrong shape (a document with
 * neither or both of `text` and `html`), RangeError for an unusable date
 * (`published`, `options.reference`) or duplicate document ids, and Error
 * when entities are wanted (the default) before the model is loaded.
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

/**
 * The named-entity mentions of `text`, each with the id of its entity within
 * this text; `start`/`end` in UTF-16 code units. Needs the entity model, like
 * analyze() with entities (Error before it is loaded; Node reads it itself).
 */
export function findEntities(text: string): Mention[];

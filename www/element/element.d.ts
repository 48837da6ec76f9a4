// Types of `dateline/element`: the <dateline-view> class (not registered).
// Every `start`/`end` is in UTF-16 code units, end exclusive.
import type { Analysis, DocInput, Entity, TimelineEvent } from './index.js';

/** Which parts the element shows: the article, the chronology, or both (the default). */
export type DatelineViewMode = 'reader' | 'timeline' | 'both';

/** The colour theme: `auto` (the default) follows `prefers-color-scheme`. */
export type DatelineTheme = 'light' | 'dark' | 'auto';

/** `dateline-select` after a click (or Enter) on an event of the chronology. */
export interface DatelineSelectEventDetail {
  kind: 'event';
  /** The event's id (`Analysis.timeline[].id`). */
  id: string;
  event: TimelineEvent;
  /** The article that opens: the first (or chosen) source of the event. */
  document: string;
  /** The reporting sentence in that article, UTF-16 code units. */
  start: number;
  /** End of the reporting sentence, UTF-16 code units, exclusive. */
  end: number;
}

/** `dateline-select` after a click on a name in the article. */
export interface DatelineSelectEntityDetail {
  kind: 'entity';
  /** The entity's id (`Analysis.entities[].id`). */
  id: string;
  /** The entity, or null if the analysis lists none with that id. */
  entity: Entity | null;
  /** The article the name was clicked in. */
  document: string | null;
  /** The clicked mention as written. */
  text: string;
}

export type DatelineSelectDetail = DatelineSelectEventDetail | DatelineSelectEntityDetail;

/** `dateline-ready`: the story is analysed and shown. */
export interface DatelineReadyDetail {
  story: string;
  inputs: DocInput[];
  analysis: Analysis;
}

/** `dateline-error`: a bad `src`, a failed request, a wrong workspace file, an unusable `published`. */
export interface DatelineErrorDetail {
  /** What went wrong, for people (also shown inside the element). */
  message: string;
  error: unknown;
}

/**
 * <dateline-view src published view theme>: an article (its light DOM, or
 * `src`) with its names and dates highlighted, and the story's chronology.
 */
export declare class DatelineView extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Registers the class as `tag` (default `dateline-view`) unless the name is taken; returns the class. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof DatelineView;
  /** The Analysis shown, or null before the first load and after an error. */
  readonly analysis: Analysis | null;
  /** The id of the article in the reader, or null. */
  readonly selectedDocument: string | null;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void;

  addEventListener<K extends keyof DatelineViewEventMap>(type: K, listener: (this: DatelineView, ev: DatelineViewEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof DatelineViewEventMap>(type: K, listener: (this: DatelineView, ev: DatelineViewEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The element's events (they bubble and cross the shadow boundary). */
export interface DatelineViewEventMap extends HTMLElementEventMap {
  'dateline-select': CustomEvent<DatelineSelectDetail>;
  'dateline-ready': CustomEvent<DatelineReadyDetail>;
  'dateline-error': CustomEvent<DatelineErrorDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'dateline-view': DatelineView;
  }
  interface GlobalEventHandlersEventMap {
    'dateline-select': CustomEvent<DatelineSelectDetail>;
    'dateline-ready': CustomEvent<DatelineReadyDetail>;
    'dateline-error': CustomEvent<DatelineErrorDetail>;
  }
}

// A consumer of the <dateline-view> typings (`dateline/element`,
// `dateline/define`): it must compile under `strict`, and the marked
// misuses must be errors (so this check can fail).
import { DatelineView } from 'dateline/element';
import type { DatelineSelectDetail, DatelineViewMode, DatelineTheme } from 'dateline/element';
import DefinedView, { DatelineView as Defined } from 'dateline/define';
import type { Analysis, TimelineEvent } from 'dateline';

export function embed(host: HTMLElement): string[] {
  const seen: string[] = [];
  const view = document.createElement('dateline-view');
  const same: DatelineView = view;
  const cls: typeof DatelineView = DatelineView.define('my-dateline', customElements);
  const mode: DatelineViewMode = 'timeline';
  const theme: DatelineTheme = 'auto';
  view.setAttribute('view', mode);
  view.setAttribute('theme', theme);
  view.setAttribute('src', 'story.json');
  host.append(view);

  view.addEventListener('dateline-select', (event) => {
    const detail: DatelineSelectDetail = event.detail;
    if (detail.kind === 'event') {
      const e: TimelineEvent = detail.event;
      seen.push(`${e.summary} ${detail.document} ${detail.end - detail.start}`);
    } else {
      seen.push(`${detail.entity?.name ?? detail.id} ${detail.text} ${detail.document ?? ''}`);
    }
  });
  // Composed events reach the document, typed there too.
  document.addEventListener('dateline-error', (event) => seen.push(event.detail.message));
  view.addEventListener('dateline-ready', (event) => {
    const analysis: Analysis = event.detail.analysis;
    seen.push(String(analysis.documents.length + event.detail.inputs.length), event.detail.story);
  });
  const analysis: Analysis | null = same.analysis;
  const selected: string | null = view.selectedDocument;
  seen.push(String(analysis?.timeline.length), selected ?? '', cls.name, String(DefinedView === Defined));

  view.addEventListener('dateline-select', (event) => {
    // @ts-expect-error: an event's detail has no `entity` until narrowed by `kind`.
    seen.push(event.detail.entity);
  });
  // @ts-expect-error: `analysis` is read-only.
  view.analysis = null;
  return seen;
}

// Types of `dateline/define`: importing it registers <dateline-view>.
export { DatelineView, DatelineView as default } from './element.js';
export type {
  DatelineErrorDetail, DatelineReadyDetail, DatelineSelectDetail, DatelineSelectEntityDetail, DatelineSelectEventDetail,
  DatelineTheme, DatelineViewEventMap, DatelineViewMode,
} from './element.js';

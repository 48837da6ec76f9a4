// Registers <dateline-view> (the class of element.js) unless the name is
// already taken, so importing this module twice, or two copies of it, is safe.
import { DatelineView } from './element.js';

DatelineView.define();

export { DatelineView };
export default DatelineView;

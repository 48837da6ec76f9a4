//! Time: calendar dates, and (to come) timex recognition, TimeML
//! normalization and document-date inference.

pub mod calendar;

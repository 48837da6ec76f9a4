//! Dateline: who and when in news coverage.
//!
//! Tokenizes news articles, finds the people, organizations, places and dates
//! they name, and builds one chronology across the articles of a story. The
//! same core runs natively (the `dateline` CLI) and in WebAssembly.
//!
//! ```
//! use dateline::{analyze, DocInput, Options};
//! let doc = DocInput {
//!     id: Some("a1".into()),
//!     published: Some("2021-10-21".into()),
//!     ..DocInput::from_text("Russia suspends its NATO mission\n\nMoscow said on Monday it would act.")
//! };
//! let analysis = analyze(&[doc], &Options::default()).unwrap();
//! let document = &analysis.documents[0];
//! assert_eq!(document.title.as_deref(), Some("Russia suspends its NATO mission"));
//! assert_eq!(document.dct.value.as_deref(), Some("2021-10-21"));
//! assert_eq!(document.sentences.len(), 2);
//! ```
#![cfg_attr(not(target_arch = "wasm32"), forbid(unsafe_code))]

pub mod analysis;
mod analyze;
pub mod clean;
pub mod entities;
mod error;
mod hash;
pub mod html;
mod input;
pub mod offsets;
pub mod sets;
mod sort;
pub mod span;
pub mod time;
pub mod timeline;
pub mod tokenize;
mod unicode;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::Analysis;
pub use analyze::{
    analyze, analyze_text, analyze_with_progress, find_dates, find_entities, parse_doc_lines, tokenize, Phase, Progress,
};
pub use error::Error;
pub use input::{DocInput, Options, TimelineOptions};

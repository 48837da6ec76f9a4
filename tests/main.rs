//! The integration tests: one binary, one module per area.

// Tests are not in the wasm: the standard sorts are fine here (see src/sort.rs).
#![allow(clippy::disallowed_methods)]

#[path = "rust/cli.rs"]
mod cli;
#[path = "rust/dates.rs"]
mod dates;
#[path = "rust/dct.rs"]
mod dct;
#[path = "rust/events.rs"]
mod events;
#[path = "rust/html.rs"]
mod html;
#[path = "rust/ner.rs"]
mod ner;
#[path = "rust/offsets.rs"]
mod offsets;
#[path = "rust/robustness.rs"]
mod robustness;
#[path = "rust/sentences.rs"]
mod sentences;
#[path = "rust/stories.rs"]
mod stories;
#[path = "rust/tokens.rs"]
mod tokens;

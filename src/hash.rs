//! The crate's hash maps and sets: std's, with foldhash's hasher, which is
//! several times faster than SipHash on the short keys used here (feature
//! ids, words, names) and still seeded per map, so crafted text cannot
//! force collisions. `HashMapExt`/`HashSetExt` bring `new()` and
//! `with_capacity()`.

pub use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

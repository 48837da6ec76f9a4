//! The vectors of token types (what the network computes from a token's
//! features alone, [`TypeVectors`]), kept across calls.
//!
//! Tokens repeat a lot, within an article and across articles (function
//! words, the story's names), and a type's vectors cost about as much as
//! encoding 0.8 tokens. They depend only on the feature ids and are computed
//! with exact integer sums, so a cached entry is bit-identical to a fresh
//! one: results never depend on what was analysed before.

use crate::hash::HashMap;
use std::sync::Mutex;

use super::network::TypeVectors;

/// Types kept (3.8 KB each, ~15 MB in all). News articles add a few hundred
/// new types each; when the table is full a call starts a fresh one, so it
/// follows the texts being analysed.
pub const LIMIT: usize = 4096;

/// Type vectors by feature ids `[NORM, PREFIX, SUFFIX, SHAPE]`.
#[derive(Default)]
pub struct TypeTable {
    index: HashMap<[u64; 4], usize>,
    vectors: Vec<TypeVectors>,
}

impl TypeTable {
    /// The entry of `ids`, if it has one.
    pub fn get(&self, ids: &[u64; 4]) -> Option<usize> {
        self.index.get(ids).copied()
    }

    /// Adds an entry for `ids` (zero vectors until filled in through
    /// [`TypeTable::vectors_from`]); `None` if the table is full.
    pub fn add(&mut self, ids: [u64; 4]) -> Option<usize> {
        if self.vectors.len() >= LIMIT {
            return None;
        }
        let i = self.vectors.len();
        self.index.insert(ids, i);
        self.vectors.push(TypeVectors::default());
        Some(i)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.vectors.len()
    }

    /// Entry `i`.
    pub fn vectors(&self, i: usize) -> &TypeVectors {
        &self.vectors[i]
    }

    /// Entries `first..`, to be filled in.
    pub fn vectors_from(&mut self, first: usize) -> &mut [TypeVectors] {
        &mut self.vectors[first..]
    }
}

/// A [`TypeTable`] shared by the calls of a process.
#[derive(Default)]
pub struct TypeCache {
    table: Mutex<TypeTable>,
}

impl TypeCache {
    /// The table, for one call's use (a full one is dropped). A call running
    /// at the same time on another thread gets an empty table.
    pub fn take(&self) -> TypeTable {
        let table = std::mem::take(&mut *self.table.lock().unwrap_or_else(|e| e.into_inner()));
        if table.len() >= LIMIT {
            TypeTable::default()
        } else {
            table
        }
    }

    /// Gives a table back (of two calls that ran at once, the larger is kept).
    pub fn give_back(&self, table: TypeTable) {
        let mut kept = self.table.lock().unwrap_or_else(|e| e.into_inner());
        if table.len() >= kept.len() {
            *kept = table;
        }
    }
}

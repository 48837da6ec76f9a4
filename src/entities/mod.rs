//! Named entities: mentions in each document, and one identity per real
//! entity across documents.

pub mod link;
pub mod model;
pub mod names;

//! The one error type: a configuration the caller must fix.
//!
//! Analysis itself is total: any text yields an Analysis. Errors exist only for
//! options and document metadata that cannot be understood (a publication date
//! that is not a date, a document with no text).

use std::fmt;

/// An option or input field that cannot be used, with a message saying what to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ErrorKind {
    /// A value of the wrong shape (a number where a string belongs, a missing field).
    Shape,
    /// A value of the right shape outside what is accepted (an impossible date).
    Range,
}

impl Error {
    /// A value of the wrong shape or type.
    pub(crate) fn shape(message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Shape, message: message.into() }
    }

    /// A value of the right type but out of range.
    pub(crate) fn range(message: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Range, message: message.into() }
    }

    /// Whether the value had the right type but an unacceptable content (a
    /// JavaScript binding throws `RangeError` for these, `TypeError` otherwise).
    pub fn is_out_of_range(&self) -> bool {
        self.kind == ErrorKind::Range
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

//! The part of the CLI's `error` module that its `input.rs` (compiled here
//! by `#[path]`, see `cli_input` in lib.rs) names as `crate::error`: the
//! `CliError` that `in_file` and `read_first_certificate` return. Kept to
//! what those two need, with the CLI's `From<InputError>` conversion, so
//! input.rs compiles here unchanged.

use std::fmt;

use crate::cli_input::InputError;

/// The CLI's error: a machine-readable kind and a message.
#[derive(Debug)]
pub struct CliError {
    /// The kind, as `InputError::kind` names it.
    pub kind: &'static str,
    /// The human-readable message.
    pub message: String,
}

impl CliError {
    /// A new error of `kind`.
    pub fn new(kind: &'static str, message: impl fmt::Display) -> Self {
        Self {
            kind,
            message: message.to_string(),
        }
    }
}

impl From<InputError> for CliError {
    fn from(e: InputError) -> Self {
        CliError::new(e.kind(), e)
    }
}

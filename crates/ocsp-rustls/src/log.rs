//! Logging through the `log` crate (feature `log`, as rustls does).
//!
//! The same macro as ocsp-http's `log` module (a crate cannot use another
//! crate's private macros, and a shared public one would be API for no
//! user): [`event!`] takes a `log::Level` name and format arguments, and
//! with the feature off compiles to nothing (the arguments are type-checked
//! inside an `if false` and never evaluated, so no fingerprint is even
//! computed). Nothing secret is logged: certificates are named by their
//! SHA-256 fingerprint (public, and the [`crate::StapleStore`] file name),
//! and no response body, key or server name is written.

/// Logs at `$level` (`Trace`, `Debug`, `Info`, `Warn`, `Error`) with the
/// target `ocsp_rustls`.
#[cfg(feature = "log")]
macro_rules! event {
    ($level:ident, $($arg:tt)+) => {
        ::log::log!(target: "ocsp_rustls", ::log::Level::$level, $($arg)+)
    };
}

/// Without the `log` feature: nothing.
#[cfg(not(feature = "log"))]
macro_rules! event {
    ($level:ident, $($arg:tt)+) => {
        if false {
            let _ = ::core::format_args!($($arg)+);
        }
    };
}

pub(crate) use event;

//! Logging through the `log` crate (feature `log`, as rustls does).
//!
//! [`event!`] takes a `log::Level` name and format arguments. With the
//! feature off it compiles to nothing: the arguments are type-checked
//! inside an `if false` and never evaluated. Nothing secret is logged: no
//! nonce, no response body, and URLs only as reported elsewhere (a URL with
//! userinfo is refused before any request, and reported without it).

/// Logs at `$level` (`Trace`, `Debug`, `Info`, `Warn`, `Error`) with the
/// target `ocsp_http`.
#[cfg(feature = "log")]
macro_rules! event {
    ($level:ident, $($arg:tt)+) => {
        ::log::log!(target: "ocsp_http", ::log::Level::$level, $($arg)+)
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

/// The serial number of a DER CertID (the cache key), in hex, to name the
/// certificate in a log line; `?` if it does not parse.
pub(crate) fn serial(cert_id_der: &[u8]) -> String {
    ocsp_types::CertIdRef::parse(cert_id_der).map_or_else(
        |_| "?".to_owned(),
        |id| {
            id.serial_number()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect()
        },
    )
}

//! Bounds on the work a parse may do.
//!
//! The parsers never recurse beyond the fixed depth of the RFC 6960 schema
//! (extension values, names and certificates are kept as opaque, length-checked
//! DER), allocate nothing, and refuse inputs and lists larger than these.

/// The largest message (request or response) accepted, in bytes.
///
/// Real responses are a few kilobytes; RFC 5019 responders answer for one
/// certificate. 1 MiB leaves room for responders that answer for thousands.
pub const MAX_MESSAGE_LEN: usize = 1 << 20;

/// Refuses `der` longer than [`MAX_MESSAGE_LEN`], before any parsing.
pub(crate) fn check_message_len(der: &[u8]) -> Result<(), crate::Error> {
    if der.len() > MAX_MESSAGE_LEN {
        return Err(crate::Error::InputTooLarge {
            len: der.len(),
            limit: MAX_MESSAGE_LEN,
        });
    }
    Ok(())
}

/// The most extensions in one `Extensions` list.
///
/// Real lists hold one to three (certificates up to about ten). Duplicate
/// detection keeps the OIDs read so far in a sorted stack array of this
/// many entries (a binary search and a shift per extension), so it stays
/// small.
pub const MAX_EXTENSIONS: usize = 64;

/// The most certificates in a `certs` field.
pub const MAX_CERTS: usize = 64;

/// The most `SingleResponse`s in a response, or `Request`s in a request.
pub const MAX_ENTRIES: usize = 16_384;

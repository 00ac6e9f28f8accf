//! RFC 5019 / RFC 6960 Appendix A.1 GET URLs: `{url}/{url-encoding of
//! base-64 encoding of the DER encoding of the OCSPRequest}`.

use alloc::string::String;
use alloc::vec::Vec;

use base64ct::{Base64, Base64Unpadded, Encoding};
use ocsp_types::OcspRequestRef;

use crate::error::GetUrlError;
use crate::Error;

/// The longest input [`decode_get_url`] accepts, in bytes.
///
/// Real GET requests are a few hundred bytes (RFC 5019 clients POST above
/// 255); the limit leaves room for large requests sent by GET anyway.
pub const MAX_DECODED_GET_URL_LEN: usize = 8 * 1024;

/// How many `/`-separated suffixes of the path [`decode_get_url`] tries,
/// longest first.
///
/// The request starts after the responder's own path prefix, a few segments
/// in (`/`, `/ocsp/`, `/a/b/c/`); unescaped `/` inside the base64 only add
/// later, shorter suffixes. Trying at most this many keeps the work linear in
/// the input (at most this many decodes of at most
/// [`MAX_DECODED_GET_URL_LEN`] bytes) whatever its shape: without a cap, a
/// path like `/M/M/M...` made every one of thousands of suffixes a candidate.
pub const MAX_GET_URL_CANDIDATES: usize = 32;

/// The GET URL for `request_der` at `responder_url`.
///
/// The DER is base64-encoded (standard alphabet, with padding), `+`, `/` and
/// `=` are percent-encoded as `%2B`, `%2F` and `%3D`, and the result is
/// appended to `responder_url` with exactly one `/` in between, whether or
/// not `responder_url` ends with `/`. `responder_url` is used as given (it
/// should have no query or fragment); `request_der` is not checked.
///
/// ```
/// use ocsp_request::encode_get_url;
/// let url = encode_get_url("http://ocsp.example.com/", &[0x30, 0x03, 0xfb, 0xff, 0xfe]);
/// assert_eq!(url, "http://ocsp.example.com/MAP7%2F%2F4%3D");
/// ```
pub fn encode_get_url(responder_url: &str, request_der: &[u8]) -> String {
    let base = responder_url.trim_end_matches('/');
    let b64 = Base64::encode_string(request_der);
    let mut url = String::with_capacity(base.len() + 1 + b64.len() * 3 / 2);
    url.push_str(base);
    url.push('/');
    for c in b64.chars() {
        match c {
            '+' => url.push_str("%2B"),
            '/' => url.push_str("%2F"),
            '=' => url.push_str("%3D"),
            c => url.push(c),
        }
    }
    url
}

/// Decodes the DER `OCSPRequest` carried by an OCSP GET URL, or by just its
/// path.
///
/// Variants seen in the wild are accepted: `/`, `+` and `=` left unescaped,
/// lowercase percent-escapes, missing or wrong `=` padding, the URL-safe
/// alphabet (`-`, `_`), `+` turned into a space, line breaks inside the
/// base64, and a path prefix before the request
/// (`http://ocsp.example.com/some/prefix/MEUw...`). A query string or
/// fragment is ignored.
///
/// Because the base64 may itself contain unescaped `/`, each `/`-separated
/// suffix of the path is tried, from the longest to the shortest: it is
/// percent-decoded and base64-decoded, and the first that is a DER
/// `OCSPRequest` (as [`OcspRequestRef::parse`] checks it) is returned.
///
/// ```
/// # fn main() -> Result<(), ocsp_request::Error> {
/// use ocsp_request::decode_get_url;
/// # let der = ocsp_request::RequestBuilder::new()
/// #     .cert_id(ocsp_request::cert_id_for_serial(&[1],
/// #         include_bytes!("../tests/data/wikipedia-issuer-name.der"),
/// #         include_bytes!("../tests/data/wikipedia-issuer-spki.der"),
/// #         Default::default())?)
/// #     .build()?.to_der()?;
/// let url = ocsp_request::encode_get_url("http://ocsp.example.com/prefix", &der);
/// assert_eq!(decode_get_url(&url)?, der);
/// let unescaped = url.replace("%2F", "/").replace("%2B", "+").replace("%3D", "");
/// assert_eq!(decode_get_url(&unescaped)?, der);
/// # Ok(()) }
/// ```
///
/// # Errors
///
/// [`Error::InvalidGetUrl`] with the reason ([`GetUrlError`]).
pub fn decode_get_url(url: &str) -> Result<Vec<u8>, Error> {
    if url.len() > MAX_DECODED_GET_URL_LEN {
        return Err(GetUrlError::TooLong {
            len: url.len(),
            limit: MAX_DECODED_GET_URL_LEN,
        }
        .into());
    }
    let path = path_of(url);
    let mut any_candidate = false;
    let mut any_percent_decoded = false;
    // The parse error of the longest candidate that decoded to something
    // starting like a SEQUENCE, else of the longest that decoded at all.
    let mut parse_error: Option<(bool, ocsp_types::Error)> = None;
    for candidate in suffixes(path).take(MAX_GET_URL_CANDIDATES) {
        any_candidate = true;
        let Some(text) = percent_decode(candidate) else {
            continue;
        };
        any_percent_decoded = true;
        let Some(der) = base64_decode(&text) else {
            continue;
        };
        match OcspRequestRef::parse(&der) {
            Ok(_) => return Ok(der),
            Err(e) => {
                let looks_like_der = der.first() == Some(&0x30);
                if parse_error.is_none_or(|(seen_der, _)| looks_like_der && !seen_der) {
                    parse_error = Some((looks_like_der, e));
                }
            }
        }
    }
    let reason = match parse_error {
        Some((_, e)) => GetUrlError::NotAnOcspRequest(e),
        None if !any_candidate => GetUrlError::EmptyPath,
        None if !any_percent_decoded => GetUrlError::InvalidPercentEncoding,
        None => GetUrlError::NotBase64,
    };
    Err(reason.into())
}

/// The path of `url`: without query and fragment, and without scheme and
/// authority when it starts with `scheme://`.
fn path_of(url: &str) -> &str {
    let url = url.split('#').next().unwrap_or_default();
    let url = url.split('?').next().unwrap_or_default();
    match url.split_once("://") {
        Some((scheme, rest)) if is_scheme(scheme) => match rest.find('/') {
            Some(slash) => rest.get(slash..).unwrap_or_default(),
            None => "",
        },
        _ => url,
    }
}

/// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` (RFC 3986 3.1).
fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The suffixes of `path` that start at its beginning or just after a `/`,
/// longest first, leaving out the empty ones and those that start with `/`
/// (the base64 of a DER `OCSPRequest` starts with `M`, the first six bits of
/// its SEQUENCE tag; and the suffix after that `/` is tried anyway).
fn suffixes(path: &str) -> impl Iterator<Item = &str> {
    core::iter::once(path)
        .chain(
            path.match_indices('/')
                .filter_map(|(i, _)| path.get(i + 1..)),
        )
        .filter(|s| !s.is_empty() && !s.starts_with('/'))
}

/// Percent-decodes `s` (escapes in either case). `None` for a `%` without
/// two hexadecimal digits after it.
fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut bytes = s.bytes();
    while let Some(b) = bytes.next() {
        if b == b'%' {
            let hi = hex_value(bytes.next()?)?;
            let lo = hex_value(bytes.next()?)?;
            out.push(hi << 4 | lo);
        } else {
            out.push(b);
        }
    }
    Some(out)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Base64-decodes `text` leniently: padding optional, URL-safe alphabet and
/// spaces (for `+`) accepted, line breaks ignored. The decoder itself is
/// strict (canonical trailing bits).
fn base64_decode(text: &[u8]) -> Option<Vec<u8>> {
    let mut normalised = String::with_capacity(text.len());
    for &b in text {
        match b {
            b'\r' | b'\n' | b'=' => {}
            b' ' | b'-' => normalised.push('+'),
            b'_' => normalised.push('/'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'+' | b'/' => normalised.push(char::from(b)),
            _ => return None,
        }
    }
    if normalised.is_empty() {
        return None;
    }
    Base64Unpadded::decode_vec(&normalised).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(path_of("http://h/a/b?x=1#f"), "/a/b");
        assert_eq!(path_of("http://h"), "");
        assert_eq!(path_of("http://h?q"), "");
        assert_eq!(path_of("/a/b"), "/a/b");
        assert_eq!(path_of("MEUw"), "MEUw");
        assert_eq!(path_of("HTTPS://h:80/x"), "/x");
        assert_eq!(path_of("/a://b/c"), "/a://b/c");
        assert_eq!(path_of("://b/c"), "://b/c");
    }

    #[test]
    fn suffix_order() {
        let v: Vec<&str> = suffixes("/a/b/").collect();
        assert_eq!(v, ["a/b/", "b/"]);
        assert_eq!(suffixes("//").count(), 0);
        let v: Vec<&str> = suffixes("p//MEU/x").collect();
        assert_eq!(v, ["p//MEU/x", "MEU/x", "x"]);
        let v: Vec<&str> = suffixes("x").collect();
        assert_eq!(v, ["x"]);
    }

    #[test]
    fn percent() {
        assert_eq!(percent_decode("%2b%2F%3d"), Some(b"+/=".to_vec()));
        assert_eq!(percent_decode("%2"), None);
        assert_eq!(percent_decode("%zz"), None);
    }
}

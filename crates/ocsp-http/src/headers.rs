//! The HTTP headers the client reads: `Content-Type` (checked) and the RFC
//! 5019 6.2 caching headers (kept as hints).

use std::time::Duration;

use crate::transport::{HttpResponse, Method};

/// The media type of an OCSP response body (RFC 6960 A.2).
pub const RESPONSE_CONTENT_TYPE: &str = "application/ocsp-response";

/// How a response was fetched, and the HTTP caching headers that came with
/// it (RFC 5019 6.2). These headers are hints: only `max-age` is used, to
/// schedule a refresh, and never beyond the signed `nextUpdate`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HttpInfo {
    /// GET or POST.
    pub method: Method,
    /// The URL requested (for GET, with the encoded request).
    pub url: String,
    /// `Cache-Control`, as received.
    pub cache_control: Option<String>,
    /// `ETag`, as received.
    pub etag: Option<String>,
    /// `Expires`, as received (not interpreted).
    pub expires: Option<String>,
    /// `Last-Modified`, as received (not interpreted).
    pub last_modified: Option<String>,
    /// The `max-age` directive of `Cache-Control` less the `Age` header: how
    /// long after the fetch a fresher response may be asked for. `None`
    /// without (a valid) `max-age`.
    pub max_age: Option<Duration>,
}

impl HttpInfo {
    /// The information of `response`, fetched by `method` from `url`.
    pub fn from_response(method: Method, url: &str, response: &HttpResponse) -> Self {
        let cache_control = joined(response, "cache-control");
        let max_age = cache_control.as_deref().and_then(max_age).map(|max_age| {
            let age = response
                .header("age")
                .and_then(|a| a.trim().parse::<u64>().ok())
                .unwrap_or(0);
            Duration::from_secs(max_age.saturating_sub(age))
        });
        HttpInfo {
            method,
            url: url.to_owned(),
            cache_control,
            etag: response.header("etag").map(str::to_owned),
            expires: response.header("expires").map(str::to_owned),
            last_modified: response.header("last-modified").map(str::to_owned),
            max_age,
        }
    }
}

/// All headers named `name`, joined with `", "` (RFC 9110 5.3).
fn joined(response: &HttpResponse, name: &str) -> Option<String> {
    let values: Vec<&str> = response
        .headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
        .collect();
    (!values.is_empty()).then(|| values.join(", "))
}

/// The `max-age` of a `Cache-Control` value, in seconds: the first such
/// directive, as digits or a quoted string of digits. An invalid value
/// counts as absent.
pub(crate) fn max_age(cache_control: &str) -> Option<u64> {
    cache_control.split(',').find_map(|directive| {
        let (name, value) = directive.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("max-age") {
            return None;
        }
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // Larger than u64: as long as can be (it is capped by nextUpdate).
        Some(value.parse::<u64>().unwrap_or(u64::MAX))
    })
}

/// Whether `content_type` is `application/ocsp-response`, parameters and
/// case aside.
pub(crate) fn is_ocsp_response(content_type: &str) -> bool {
    content_type
        .split(';')
        .next()
        .is_some_and(|media| media.trim().eq_ignore_ascii_case(RESPONSE_CONTENT_TYPE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_age_forms() {
        assert_eq!(max_age("max-age=517054"), Some(517_054));
        assert_eq!(max_age("public, MAX-AGE=\"60\", no-transform"), Some(60));
        assert_eq!(max_age("max-age=60, max-age=5"), Some(60));
        assert_eq!(max_age("s-maxage=60"), None);
        assert_eq!(max_age("max-age=-1"), None);
        assert_eq!(max_age("max-age="), None);
        assert_eq!(max_age("max-age=99999999999999999999999"), Some(u64::MAX));
        assert_eq!(max_age("no-cache"), None);
    }

    #[test]
    fn content_types() {
        assert!(is_ocsp_response("application/ocsp-response"));
        assert!(is_ocsp_response(
            "Application/OCSP-Response; charset=binary"
        ));
        assert!(!is_ocsp_response("application/ocsp-request"));
        assert!(!is_ocsp_response("text/html"));
        assert!(!is_ocsp_response(""));
    }

    #[test]
    fn info_subtracts_age() {
        let response = HttpResponse::new(
            200,
            vec![
                ("Cache-Control".into(), "max-age=100".into()),
                ("Age".into(), "30".into()),
                ("ETag".into(), "\"x\"".into()),
            ],
            Vec::new(),
        );
        let info = HttpInfo::from_response(Method::Get, "http://x/", &response);
        assert_eq!(info.max_age, Some(Duration::from_secs(70)));
        assert_eq!(info.etag.as_deref(), Some("\"x\""));
        assert_eq!(info.expires, None);
    }
}

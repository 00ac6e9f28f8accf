//! The responder URL rules: what a URL may carry, and how it is reported.
//!
//! Only the parts of RFC 3986 3 that decide these rules are located here:
//! the authority (`//` up to the first `/`, `?` or `#`), its userinfo
//! (before the last `@`), the query and the fragment. The URL is not
//! otherwise parsed: the transport does that.

/// Why a responder URL is refused before anything is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UrlRefusal {
    /// The URL carries userinfo (`http://user:password@host/`). An OCSP
    /// responder needs no credentials (RFC 6960 A.1): it is a
    /// misconfiguration, and the credentials would be sent in clear and
    /// shown wherever the URL is reported.
    Userinfo,
    /// The URL carries a fragment (`#...`). A fragment is never sent to a
    /// server, and the RFC 5019 GET form would be appended after it: the
    /// request would never reach the responder.
    Fragment,
}

impl UrlRefusal {
    /// Why, in words.
    pub fn reason(self) -> &'static str {
        match self {
            UrlRefusal::Userinfo => "it carries credentials (userinfo)",
            UrlRefusal::Fragment => "it carries a fragment, which is never sent",
        }
    }
}

/// The byte range of the authority of `url`, if it has one.
fn authority(url: &str) -> Option<(usize, usize)> {
    let start = url.find("://")?.checked_add(3)?;
    let rest = url.get(start..)?;
    let len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some((start, start.checked_add(len)?))
}

/// The length of the userinfo of `url` with its `@`, and where it starts.
fn userinfo(url: &str) -> Option<(usize, usize)> {
    let (start, end) = authority(url)?;
    let at = url.get(start..end)?.rfind('@')?;
    Some((start, at.checked_add(1)?))
}

/// `url` with any userinfo removed: the form every reported URL takes
/// (errors, [`HttpInfo::url`](crate::HttpInfo::url), the CLI).
pub(crate) fn without_userinfo(url: &str) -> String {
    match userinfo(url) {
        Some((start, len)) => {
            let mut out = String::with_capacity(url.len().saturating_sub(len));
            out.push_str(url.get(..start).unwrap_or_default());
            out.push_str(url.get(start.saturating_add(len)..).unwrap_or_default());
            out
        }
        None => url.to_owned(),
    }
}

/// Whether `url` has a query (`?` after the authority, before any `#`):
/// the RFC 5019 GET form cannot be appended to it, so it is POSTed to.
pub(crate) fn has_query(url: &str) -> bool {
    let path_from = authority(url).map_or(0, |(_, end)| end);
    url.get(path_from..)
        .and_then(|rest| rest.split('#').next())
        .is_some_and(|before_fragment| before_fragment.contains('?'))
}

/// The host of `url`, without userinfo, port or IPv6 brackets, if it has
/// an authority (for the proxy choice).
#[cfg(any(feature = "ureq", feature = "reqwest"))]
pub(crate) fn host(url: &str) -> Option<&str> {
    let (start, end) = authority(url)?;
    let authority = url.get(start..end)?;
    let host_port = authority
        .rfind('@')
        .and_then(|at| authority.get(at.checked_add(1)?..))
        .unwrap_or(authority);
    if let Some(bracketed) = host_port.strip_prefix('[') {
        return bracketed.split(']').next();
    }
    host_port.split(':').next()
}

/// Whether the ready transports (`UreqTransport`, `ReqwestTransport`) may
/// fetch `url`: plain `http://` (OCSP's scheme, RFC 6960 A.1) without
/// userinfo; else [`TransportError::UnsupportedUrl`], reported without the
/// userinfo.
#[cfg(any(feature = "ureq", feature = "reqwest"))]
pub(crate) fn check_for_transport(url: &str) -> Result<(), crate::error::TransportError> {
    let is_http = url
        .get(..7)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("http://"));
    if is_http && check(url) != Err(UrlRefusal::Userinfo) {
        return Ok(());
    }
    Err(crate::error::TransportError::UnsupportedUrl {
        url: without_userinfo(url),
    })
}

/// Checks the rules a responder URL must keep before a request is built.
pub(crate) fn check(url: &str) -> Result<(), UrlRefusal> {
    if userinfo(url).is_some() {
        return Err(UrlRefusal::Userinfo);
    }
    if url.contains('#') {
        return Err(UrlRefusal::Fragment);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn userinfo_is_stripped() {
        assert_eq!(
            without_userinfo("http://user:pw@ocsp.example/x?a@b"),
            "http://ocsp.example/x?a@b"
        );
        assert_eq!(
            without_userinfo("http://a@b:pw@h:80/"),
            "http://h:80/",
            "the last @ of the authority ends the userinfo"
        );
        assert_eq!(without_userinfo("http://h/p@q"), "http://h/p@q");
        assert_eq!(without_userinfo("http://h#@x"), "http://h#@x");
        assert_eq!(without_userinfo("no scheme@all"), "no scheme@all");
    }

    #[test]
    fn rules() {
        assert_eq!(check("http://h/ocsp"), Ok(()));
        assert_eq!(check("http://h/ocsp?x=1"), Ok(()));
        assert_eq!(check("http://u:p@h/"), Err(UrlRefusal::Userinfo));
        assert_eq!(check("http://u@h"), Err(UrlRefusal::Userinfo));
        assert_eq!(check("http://h/#f"), Err(UrlRefusal::Fragment));
        assert_eq!(check("http://h/p@x"), Ok(()));
    }

    #[test]
    #[cfg(any(feature = "ureq", feature = "reqwest"))]
    fn hosts() {
        assert_eq!(host("http://u:p@Ocsp.Example:8080/x"), Some("Ocsp.Example"));
        assert_eq!(host("http://[::1]:80/"), Some("::1"));
        assert_eq!(host("http://127.0.0.1"), Some("127.0.0.1"));
        assert_eq!(host("nothing"), None);
    }

    #[test]
    fn queries() {
        assert!(has_query("http://h/ocsp?x=1"));
        assert!(has_query("http://h?x"));
        assert!(!has_query("http://h/ocsp"));
        assert!(!has_query("http://h/ocsp#?x"));
    }
}

//! The one error type of this crate, and the error a transport reports.

use std::sync::Arc;

use ocsp_verify::UnixTime;

use crate::url::UrlRefusal;

/// A boxed error from an HTTP stack, shared so that [`Error`] stays `Clone`
/// (one failed fetch is reported to every caller that waited on it).
pub type BoxError = Arc<dyn std::error::Error + Send + Sync + 'static>;

/// Why an [`HttpTransport`](crate::HttpTransport) could not deliver a
/// complete response.
///
/// A transport maps its own failures onto these variants; the client
/// reports them as they are, in [`Error::Transport`].
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum TransportError {
    /// The exchange did not complete within [`HttpRequest::timeout`](crate::HttpRequest::timeout)
    /// (or a connect/read timeout of the transport).
    #[error("timed out")]
    Timeout,
    /// The response body is longer than
    /// [`HttpRequest::max_response_len`](crate::HttpRequest::max_response_len);
    /// the transport stopped reading there.
    #[error("response body larger than the limit of {limit} bytes")]
    BodyTooLarge {
        /// The limit.
        limit: usize,
    },
    /// The connection closed before the whole body arrived (fewer bytes than
    /// `Content-Length`, or a broken chunked encoding).
    #[error("the connection closed before the whole response body arrived")]
    Truncated,
    /// More redirects than the transport allows (for a transport that
    /// follows redirects despite the [`HttpRequest`](crate::HttpRequest)
    /// contract).
    #[error("too many redirects")]
    TooManyRedirects,
    /// The URL is not one the transport can fetch (e.g. not `http://`, or
    /// with userinfo); `url` is reported without userinfo.
    #[error("unsupported URL {url:?}")]
    UnsupportedUrl {
        /// The URL.
        url: String,
    },
    /// The server could not be reached (name resolution, connection refused).
    #[error("cannot connect: {0}")]
    Connect(BoxError),
    /// Any other failure of the HTTP stack (malformed HTTP, I/O error).
    #[error("HTTP exchange failed: {0}")]
    Other(BoxError),
}

impl TransportError {
    /// [`TransportError::Other`] wrapping `error`.
    pub fn other(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        TransportError::Other(Arc::new(error))
    }

    /// [`TransportError::Connect`] wrapping `error`.
    pub fn connect(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        TransportError::Connect(Arc::new(error))
    }

    /// A stable name for the variant, for logs and machine-readable output.
    pub fn kind(&self) -> &'static str {
        match self {
            TransportError::Timeout => "Timeout",
            TransportError::BodyTooLarge { .. } => "BodyTooLarge",
            TransportError::Truncated => "Truncated",
            TransportError::TooManyRedirects => "TooManyRedirects",
            TransportError::UnsupportedUrl { .. } => "UnsupportedUrl",
            TransportError::Connect(_) => "Connect",
            TransportError::Other(_) => "Other",
        }
    }
}

/// Every reason a status check gives no answer.
///
/// Each variant is one reason a caller can act on: fix the inputs
/// ([`Error::Request`], [`Error::NoResponderUrl`],
/// [`Error::InvalidResponderUrl`]), retry later
/// ([`Error::Transport`], [`Error::HttpStatus`]), report a misbehaving
/// responder ([`Error::Redirect`], [`Error::ContentType`],
/// [`Error::Verify`]). The errors of the lower crates and of the transport
/// are wrapped as they are, never copied into variants of their own.
///
/// None of them is a status: an error never means "good" (nor "revoked").
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The certificate has no usable OCSP responder URL in its Authority
    /// Information Access (and none was configured).
    #[error("no OCSP responder URL: {0}")]
    NoResponderUrl(ocsp_request::Error),
    /// The CertID or the request could not be built (the certificate or the
    /// issuer does not parse, or the issuer did not issue the certificate).
    #[error("cannot build the OCSP request: {0}")]
    Request(ocsp_request::Error),
    /// The system's random number generator failed (for the nonce).
    #[error("cannot draw a nonce: {0}")]
    Random(getrandom::Error),
    /// The responder answered with a redirection (HTTP 3xx). Redirects are
    /// not followed: an OCSP responder has no need of them, and following
    /// one would turn a POST into a body-less GET or send the request to
    /// a host the configuration never named.
    #[error(
        "the OCSP responder redirected (HTTP {status}) to {location:?}; redirects are not followed"
    )]
    Redirect {
        /// The status code (300 to 399).
        status: u16,
        /// The `Location` header, userinfo removed, if any.
        location: Option<String>,
    },
    /// The responder URL is refused before anything is sent.
    #[error("refused responder URL {url:?}: {}", refusal.reason())]
    InvalidResponderUrl {
        /// The URL, userinfo removed.
        url: String,
        /// Why.
        refusal: UrlRefusal,
    },
    /// A response verified, but only within the policy's clock skew past
    /// its `nextUpdate`: nothing usable now (reported by
    /// [`Stapler::refresh_if_due`](crate::Stapler::refresh_if_due), which
    /// must not staple it).
    #[error("the OCSP response is past its nextUpdate ({} seconds after the epoch)", valid_until.as_secs())]
    ExpiredResponse {
        /// Until when it could be used.
        valid_until: UnixTime,
    },
    /// The transport delivered no complete response: timeout, body over
    /// the size limit, body cut short, connection failure ... (see
    /// [`TransportError`]; [`Error::kind`] names the transport's reason).
    #[error("transport: {0}")]
    Transport(TransportError),
    /// The HTTP status is not 200.
    #[error("the OCSP responder answered HTTP {status}")]
    HttpStatus {
        /// The status code.
        status: u16,
    },
    /// The `Content-Type` is not `application/ocsp-response`.
    #[error("unexpected Content-Type {content_type:?} (expected application/ocsp-response)")]
    ContentType {
        /// The header as received, if any.
        content_type: Option<String>,
    },
    /// The response was received but does not verify (signature, responder,
    /// CertID, times, nonce, status ...).
    #[error("the OCSP response does not verify: {0}")]
    Verify(ocsp_verify::Error),
    /// Another caller was fetching the same CertID and gave up without a
    /// result (its transport panicked, or its task was cancelled).
    #[error("the shared fetch for this certificate was abandoned")]
    FetchAbandoned,
}

impl From<TransportError> for Error {
    fn from(e: TransportError) -> Self {
        Error::Transport(e)
    }
}

impl From<ocsp_verify::Error> for Error {
    fn from(e: ocsp_verify::Error) -> Self {
        Error::Verify(e)
    }
}

impl Error {
    /// A stable name for the variant, for logs and machine-readable output.
    /// For [`Error::Transport`] it is the transport's reason
    /// ([`TransportError::kind`], e.g. `"Timeout"`, `"Connect"`), and
    /// `"Transport"` for [`TransportError::Other`].
    pub fn kind(&self) -> &'static str {
        match self {
            Error::NoResponderUrl(_) => "NoResponderUrl",
            Error::Request(_) => "Request",
            Error::Random(_) => "Random",
            Error::Redirect { .. } => "Redirect",
            Error::InvalidResponderUrl { .. } => "InvalidResponderUrl",
            Error::ExpiredResponse { .. } => "ExpiredResponse",
            Error::Transport(TransportError::Other(_)) => "Transport",
            Error::Transport(e) => e.kind(),
            Error::HttpStatus { .. } => "HttpStatus",
            Error::ContentType { .. } => "ContentType",
            Error::Verify(_) => "Verify",
            Error::FetchAbandoned => "FetchAbandoned",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transport_errors_are_wrapped_as_they_are() {
        let wrapped = Error::from(TransportError::BodyTooLarge { limit: 7 });
        assert!(matches!(
            wrapped,
            Error::Transport(TransportError::BodyTooLarge { limit: 7 })
        ));
        assert_eq!(wrapped.kind(), "BodyTooLarge");
        assert_eq!(Error::from(TransportError::Timeout).kind(), "Timeout");
        let other = TransportError::other(std::io::Error::other("x"));
        assert_eq!(other.kind(), "Other");
        assert_eq!(Error::from(other).kind(), "Transport");
    }
}

//! The transport traits: what the caller's HTTP stack must do.

use std::sync::Arc;
use std::time::Duration;

use crate::error::TransportError;

/// The default connect timeout of the ready transports (`UreqTransport`,
/// `ReqwestTransport`): 5 seconds.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// The HTTP method of an OCSP request (RFC 5019 5, RFC 6960 A.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET {url}/{base64 request}`: cacheable by HTTP caches.
    Get,
    /// `POST {url}` with the DER request as the body.
    Post,
}

impl Method {
    /// `"GET"` or `"POST"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// One HTTP request, as the client hands it to a transport.
///
/// The contract a transport must keep:
///
/// * send `method` to `url` with `headers` (and `body` for POST; `body` is
///   empty for GET) over plain HTTP or whatever the URL scheme says;
/// * finish (connect, send, receive the whole body) within `timeout`, or
///   fail with [`TransportError::Timeout`]: a responder that never answers
///   must not hang the caller;
/// * never buffer more than `max_response_len` body bytes: stop reading
///   and fail with [`TransportError::BodyTooLarge`] (a `Content-Length`
///   above the limit may be refused before reading);
/// * fail with [`TransportError::Truncated`] when the connection closes
///   before `Content-Length` bytes arrived;
/// * return any status code as it is (the client checks for 200), with the
///   response headers, and follow no redirects: a 3xx is returned as it
///   is, and the client refuses it ([`Error::Redirect`](crate::Error::Redirect)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct HttpRequest<'a> {
    /// GET or POST.
    pub method: Method,
    /// The full URL (for GET, with the encoded request in the path).
    pub url: &'a str,
    /// Request headers (`Content-Type` for POST, `Accept`).
    pub headers: &'a [(&'a str, &'a str)],
    /// The body: the DER `OCSPRequest` for POST, empty for GET.
    pub body: &'a [u8],
    /// The most response body bytes to read.
    pub max_response_len: usize,
    /// The time the whole exchange may take.
    pub timeout: Duration,
}

impl<'a> HttpRequest<'a> {
    /// A request with these parts (for testing a transport; the client
    /// builds its own).
    pub fn new(
        method: Method,
        url: &'a str,
        headers: &'a [(&'a str, &'a str)],
        body: &'a [u8],
        max_response_len: usize,
        timeout: Duration,
    ) -> Self {
        HttpRequest {
            method,
            url,
            headers,
            body,
            max_response_len,
            timeout,
        }
    }
}

/// What a transport received: status, headers and the complete body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HttpResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The response headers, names in any case, in the order received.
    pub headers: Vec<(String, String)>,
    /// The complete body.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// A response with these parts.
    pub fn new(status: u16, headers: Vec<(String, String)>, body: Vec<u8>) -> Self {
        HttpResponse {
            status,
            headers,
            body,
        }
    }

    /// The first header named `name` (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The response headers of a ready transport's HTTP stack as owned pairs
/// (a value that is not UTF-8 is kept lossily: only ASCII values are read).
#[cfg(any(feature = "ureq", feature = "reqwest"))]
pub(crate) fn owned_headers<'a>(
    headers: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Vec<(String, String)> {
    headers
        .into_iter()
        .map(|(name, value)| (name.to_owned(), String::from_utf8_lossy(value).into_owned()))
        .collect()
}

/// Whether a declared `Content-Length` is above `limit`: the ready
/// transports refuse such a body before reading it.
#[cfg(any(feature = "ureq", feature = "reqwest"))]
pub(crate) fn declared_above(content_length: Option<u64>, limit: usize) -> bool {
    content_length.is_some_and(|len| len > u64::try_from(limit).unwrap_or(u64::MAX))
}

/// A blocking HTTP transport: implement it on your own HTTP stack, or use
/// `UreqTransport` (feature `ureq`).
///
/// It deals in bytes and headers only; the OCSP part (GET or POST, content
/// types, status code, size limit, verification) is the client's. See
/// [`HttpRequest`] for the timeout and size limit a transport must enforce.
pub trait HttpTransport: Send + Sync {
    /// Performs one exchange.
    ///
    /// # Errors
    ///
    /// A [`TransportError`] when no complete response arrived. A non-200
    /// status is not an error here.
    fn send(&self, request: &HttpRequest<'_>) -> Result<HttpResponse, TransportError>;
}

impl<T: HttpTransport + ?Sized> HttpTransport for Arc<T> {
    fn send(&self, request: &HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        (**self).send(request)
    }
}

impl<T: HttpTransport + ?Sized> HttpTransport for &T {
    fn send(&self, request: &HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        (**self).send(request)
    }
}

impl<T: HttpTransport + ?Sized> HttpTransport for Box<T> {
    fn send(&self, request: &HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        (**self).send(request)
    }
}

/// A future returned by an [`AsyncHttpTransport`].
#[cfg(feature = "async")]
pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// The asynchronous counterpart of [`HttpTransport`] (feature `async`):
/// same contract, any runtime. Use it with
/// [`Client::check_async`](crate::Client::check_async).
#[cfg(feature = "async")]
pub trait AsyncHttpTransport: Send + Sync {
    /// Performs one exchange.
    ///
    /// # Errors
    ///
    /// As [`HttpTransport::send`].
    fn send<'a>(
        &'a self,
        request: &'a HttpRequest<'a>,
    ) -> BoxFuture<'a, Result<HttpResponse, TransportError>>;
}

#[cfg(feature = "async")]
impl<T: AsyncHttpTransport + ?Sized> AsyncHttpTransport for Arc<T> {
    fn send<'a>(
        &'a self,
        request: &'a HttpRequest<'a>,
    ) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        (**self).send(request)
    }
}

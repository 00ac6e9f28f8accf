//! A ready blocking transport on `ureq` (feature `ureq`).

use std::io;
use std::time::Duration;

use ureq::Agent;

use crate::error::TransportError;
use crate::transport::{HttpRequest, HttpResponse, HttpTransport, Method};

/// The default connect timeout of [`UreqTransport`]: 5 seconds.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// The default number of redirects [`UreqTransport`] follows: 3.
pub const DEFAULT_MAX_REDIRECTS: u32 = 3;

/// The settings of a [`UreqTransport`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UreqConfig {
    /// The longest a TCP connection may take to open (each exchange is
    /// also bound by [`HttpRequest::timeout`] as a whole). Default
    /// [`DEFAULT_CONNECT_TIMEOUT`].
    pub connect_timeout: Duration,
    /// Redirects followed (more is [`TransportError::TooManyRedirects`]).
    /// Default [`DEFAULT_MAX_REDIRECTS`].
    pub max_redirects: u32,
    /// Use the proxy named by `HTTP_PROXY` / `ALL_PROXY` (with `NO_PROXY`).
    /// Default `true`.
    pub proxy_from_env: bool,
}

impl Default for UreqConfig {
    fn default() -> Self {
        UreqConfig {
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            max_redirects: DEFAULT_MAX_REDIRECTS,
            proxy_from_env: true,
        }
    }
}

/// An [`HttpTransport`] on `ureq` 3, for plain `http://` URLs (OCSP is
/// plain HTTP: RFC 6960 A.1; responses are signed, and HTTPS to the
/// responder would need revocation checking of its own).
///
/// It keeps the contract of [`HttpRequest`]: the whole exchange is bound by
/// its `timeout` (and the connect by [`UreqConfig::connect_timeout`]), the
/// body is read with the size limit enforced while reading (a longer
/// `Content-Length` is refused before reading), and a body cut short is
/// [`TransportError::Truncated`].
#[derive(Debug, Clone)]
pub struct UreqTransport {
    agent: Agent,
}

impl Default for UreqTransport {
    fn default() -> Self {
        Self::new()
    }
}

impl UreqTransport {
    /// A transport with the default [`UreqConfig`].
    pub fn new() -> Self {
        Self::with_config(&UreqConfig::default())
    }

    /// A transport with these settings.
    pub fn with_config(config: &UreqConfig) -> Self {
        let mut builder = Agent::config_builder()
            .timeout_connect(Some(config.connect_timeout))
            .max_redirects(config.max_redirects)
            .max_redirects_will_error(true)
            .http_status_as_error(false)
            .user_agent(concat!("ocsp-http/", env!("CARGO_PKG_VERSION")));
        if !config.proxy_from_env {
            builder = builder.proxy(None);
        }
        UreqTransport {
            agent: builder.build().into(),
        }
    }
}

impl HttpTransport for UreqTransport {
    fn send(&self, request: &HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        let is_http = request
            .url
            .get(..7)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("http://"));
        if !is_http {
            return Err(TransportError::UnsupportedUrl {
                url: request.url.to_owned(),
            });
        }
        let limit = request.max_response_len;
        let result = match request.method {
            Method::Get => {
                let mut builder = self
                    .agent
                    .get(request.url)
                    .config()
                    .timeout_global(Some(request.timeout))
                    .build();
                for (name, value) in request.headers {
                    builder = builder.header(*name, *value);
                }
                builder.call()
            }
            Method::Post => {
                let mut builder = self
                    .agent
                    .post(request.url)
                    .config()
                    .timeout_global(Some(request.timeout))
                    .build();
                for (name, value) in request.headers {
                    builder = builder.header(*name, *value);
                }
                builder.send(request.body)
            }
        };
        let mut response = result.map_err(|e| map_error(e, limit))?;
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        let status = response.status().as_u16();
        let declared = response
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        if declared.is_some_and(|len| len > u64::try_from(limit).unwrap_or(u64::MAX)) {
            return Err(TransportError::BodyTooLarge { limit });
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(u64::try_from(limit).unwrap_or(u64::MAX))
            .read_to_vec()
            .map_err(|e| map_error(e, limit))?;
        Ok(HttpResponse::new(status, headers, body))
    }
}

fn map_error(error: ureq::Error, limit: usize) -> TransportError {
    match error {
        ureq::Error::Timeout(_) => TransportError::Timeout,
        ureq::Error::BodyExceedsLimit(_) => TransportError::BodyTooLarge { limit },
        ureq::Error::TooManyRedirects => TransportError::TooManyRedirects,
        ureq::Error::BadUri(url) => TransportError::UnsupportedUrl { url },
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => TransportError::connect(error),
        ureq::Error::Io(e) => match e.kind() {
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => TransportError::Timeout,
            io::ErrorKind::UnexpectedEof => TransportError::Truncated,
            io::ErrorKind::ConnectionRefused
            | io::ErrorKind::HostUnreachable
            | io::ErrorKind::NetworkUnreachable
            | io::ErrorKind::AddrNotAvailable => TransportError::connect(e),
            _ => TransportError::other(e),
        },
        other => TransportError::other(other),
    }
}

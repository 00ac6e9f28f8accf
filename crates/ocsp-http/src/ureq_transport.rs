//! A ready blocking transport on `ureq` (feature `ureq`).

use std::io;
use std::time::Duration;

use ureq::{Agent, Proxy};

use crate::error::TransportError;
use crate::proxy::ProxyEnv;
use crate::transport::{
    declared_above, owned_headers, HttpRequest, HttpResponse, HttpTransport, Method,
    DEFAULT_CONNECT_TIMEOUT,
};
use crate::url;

/// The settings of a [`UreqTransport`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UreqConfig {
    /// The longest a TCP connection may take to open (each exchange is
    /// also bound by [`HttpRequest::timeout`] as a whole). Default
    /// [`DEFAULT_CONNECT_TIMEOUT`].
    pub connect_timeout: Duration,
    /// Use the proxy the environment names, read once when the transport
    /// is made, the way curl reads it: lower-case `http_proxy` (the
    /// upper-case `HTTP_PROXY` is ignored: "httpoxy"), else `all_proxy` /
    /// `ALL_PROXY`, with `no_proxy` / `NO_PROXY`. The proxy is reached
    /// with HTTP `CONNECT` (ureq's proxy protocol). Default `true`.
    pub proxy_from_env: bool,
}

impl Default for UreqConfig {
    fn default() -> Self {
        UreqConfig {
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
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
///
/// It follows no redirects: a 3xx is returned as it is, and the client
/// refuses it ([`Error::Redirect`](crate::Error::Redirect)). A URL with
/// userinfo is refused ([`TransportError::UnsupportedUrl`], reported
/// without the userinfo). A name that does not resolve is
/// [`TransportError::Connect`].
#[derive(Debug, Clone)]
pub struct UreqTransport {
    agent: Agent,
    proxies: ProxyEnv,
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
        Self::with_proxies(config, ProxyEnv::from_process_if(config.proxy_from_env))
    }

    fn with_proxies(config: &UreqConfig, proxies: ProxyEnv) -> Self {
        let agent = Agent::config_builder()
            .timeout_connect(Some(config.connect_timeout))
            // No redirects: the 3xx reaches the client, which refuses it.
            .max_redirects(0)
            .http_status_as_error(false)
            // ureq would read the environment its own way (upper-case
            // HTTP_PROXY included): the proxy is chosen per request below.
            .proxy(None)
            .user_agent(concat!("ocsp-http/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        UreqTransport { agent, proxies }
    }

    /// The ureq proxy for `url`, per [`UreqConfig::proxy_from_env`].
    fn proxy_for(&self, url: &str) -> Result<Option<Proxy>, TransportError> {
        self.proxies
            .proxy_for(url)
            .map(|proxy| Proxy::new(proxy).map_err(TransportError::other))
            .transpose()
    }
}

/// `builder` with the request's timeout, `proxy` and headers.
fn configure<B>(
    builder: ureq::RequestBuilder<B>,
    request: &HttpRequest<'_>,
    proxy: Option<Proxy>,
) -> ureq::RequestBuilder<B> {
    let mut builder = builder
        .config()
        .timeout_global(Some(request.timeout))
        .proxy(proxy)
        .build();
    for (name, value) in request.headers {
        builder = builder.header(*name, *value);
    }
    builder
}

impl HttpTransport for UreqTransport {
    fn send(&self, request: &HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        url::check_for_transport(request.url)?;
        let proxy = self.proxy_for(request.url)?;
        let limit = request.max_response_len;
        let result = match request.method {
            Method::Get => configure(self.agent.get(request.url), request, proxy).call(),
            Method::Post => {
                configure(self.agent.post(request.url), request, proxy).send(request.body)
            }
        };
        let mut response = result.map_err(|e| map_error(e, limit))?;
        let headers = owned_headers(
            response
                .headers()
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_bytes())),
        );
        let status = response.status().as_u16();
        let declared = response
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        if declared_above(declared, limit) {
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
        ureq::Error::BadUri(url) => TransportError::UnsupportedUrl {
            url: url::without_userinfo(&url),
        },
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => TransportError::connect(error),
        ureq::Error::Io(e) => match e.kind() {
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => TransportError::Timeout,
            io::ErrorKind::UnexpectedEof => TransportError::Truncated,
            io::ErrorKind::ConnectionRefused
            | io::ErrorKind::HostUnreachable
            | io::ErrorKind::NetworkUnreachable
            | io::ErrorKind::AddrNotAvailable => TransportError::connect(e),
            _ if is_name_resolution_failure(&e) => TransportError::connect(e),
            _ => TransportError::other(e),
        },
        other => TransportError::other(other),
    }
}

/// Whether `error` is a failed name resolution. ureq passes on the error of
/// `ToSocketAddrs` as it is, and std gives it no `ErrorKind` of its own
/// (`Uncategorized`): it is told by std's message, the same on every
/// platform whose resolver is `getaddrinfo`.
fn is_name_resolution_failure(error: &io::Error) -> bool {
    error
        .to_string()
        .starts_with("failed to lookup address information")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic, clippy::unwrap_used, clippy::indexing_slicing)]
    use std::net::ToSocketAddrs;

    use super::*;
    use crate::proxy::test_proxy;

    /// A one-connection CONNECT proxy on 127.0.0.1: it accepts the tunnel,
    /// answers the tunnelled request with a 404, and returns what it read.
    fn proxy() -> (String, std::thread::JoinHandle<String>) {
        test_proxy::start(&[
            b"HTTP/1.1 200 Connection established\r\n\r\n",
            test_proxy::NOT_FOUND,
        ])
    }

    fn get(transport: &UreqTransport, url: &str) -> Result<HttpResponse, TransportError> {
        let request = HttpRequest::new(Method::Get, url, &[], b"", 1024, Duration::from_secs(5));
        transport.send(&request)
    }

    #[test]
    fn the_proxy_of_http_proxy_is_used_and_no_proxy_bypasses_it() {
        let (proxy_url, proxy) = proxy();
        let env = |no_proxy| test_proxy::env(&proxy_url, no_proxy);
        let config = UreqConfig::default();
        // Through the proxy: the name is the proxy's to resolve.
        let transport = UreqTransport::with_proxies(&config, env("other.example"));
        let response = get(&transport, "http://ocsp.invalid/MA").unwrap();
        assert_eq!(response.status, 404);
        let seen = proxy.join().unwrap();
        assert!(
            seen.starts_with("CONNECT ocsp.invalid:80 HTTP/1.1\r\n"),
            "{seen}"
        );
        assert!(seen.contains("GET /MA HTTP/1.1\r\n"), "{seen}");
        // Named in no_proxy: a direct connection, which cannot resolve.
        let transport = UreqTransport::with_proxies(&config, env(".invalid"));
        assert!(matches!(
            get(&transport, "http://ocsp.invalid/MA"),
            Err(TransportError::Connect(_))
        ));
    }

    #[test]
    fn a_name_that_does_not_resolve_is_a_connect_error() {
        // `.invalid` never resolves (RFC 6761 6.4); the resolver answers at
        // once, without the network.
        let error = match ("ocsp.invalid", 80).to_socket_addrs() {
            Err(error) => error,
            Ok(addrs) => panic!("ocsp.invalid resolved: {:?}", addrs.collect::<Vec<_>>()),
        };
        assert!(matches!(
            map_error(ureq::Error::Io(error), 1),
            TransportError::Connect(_)
        ));
        assert!(matches!(
            map_error(ureq::Error::HostNotFound, 1),
            TransportError::Connect(_)
        ));
        assert!(matches!(
            map_error(ureq::Error::Io(io::Error::other("x")), 1),
            TransportError::Other(_)
        ));
    }
}

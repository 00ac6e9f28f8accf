//! A ready async transport on `reqwest` (feature `reqwest`).

use std::time::Duration;

use crate::error::TransportError;
use crate::proxy::ProxyEnv;
use crate::transport::{
    declared_above, owned_headers, AsyncHttpTransport, BoxFuture, HttpRequest, HttpResponse,
    Method, DEFAULT_CONNECT_TIMEOUT,
};
use crate::url;

/// The settings of a [`ReqwestTransport`] (those of `UreqTransport`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReqwestConfig {
    /// The longest a TCP connection may take to open (each exchange is
    /// also bound by [`HttpRequest::timeout`] as a whole). Default
    /// [`DEFAULT_CONNECT_TIMEOUT`].
    pub connect_timeout: Duration,
    /// Use the proxy the environment names, read once when the transport
    /// is made, the way curl reads it: lower-case `http_proxy` (the
    /// upper-case `HTTP_PROXY` is ignored: "httpoxy"), else `all_proxy` /
    /// `ALL_PROXY`, with `no_proxy` / `NO_PROXY` (reqwest's own reading of
    /// the environment is switched off). Default `true`.
    pub proxy_from_env: bool,
}

impl Default for ReqwestConfig {
    fn default() -> Self {
        ReqwestConfig {
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            proxy_from_env: true,
        }
    }
}

/// An [`AsyncHttpTransport`] on `reqwest` (on tokio), for plain `http://`
/// URLs, built without a TLS stack (OCSP is plain HTTP: RFC 6960 A.1).
///
/// It keeps the contract of [`HttpRequest`] as `UreqTransport` does: the
/// whole exchange, body included, is bound by its `timeout`
/// ([`TransportError::Timeout`]); a `Content-Length` above
/// `max_response_len` is refused before reading, and the body is read
/// chunk by chunk, stopping as soon as it passes the limit
/// ([`TransportError::BodyTooLarge`]); a body cut short is
/// [`TransportError::Truncated`]. It follows no redirects (the 3xx reaches
/// the client, which refuses it: [`Error::Redirect`](crate::Error::Redirect)),
/// refuses a URL that is not `http://` or carries userinfo
/// ([`TransportError::UnsupportedUrl`], reported without the userinfo), and
/// chooses the proxy by the rules of [`ReqwestConfig::proxy_from_env`].
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
    proxies: ProxyEnv,
}

impl ReqwestTransport {
    /// A transport with the default [`ReqwestConfig`].
    ///
    /// # Errors
    ///
    /// [`TransportError::Other`] when reqwest cannot build its client.
    pub fn new() -> Result<Self, TransportError> {
        Self::with_config(&ReqwestConfig::default())
    }

    /// A transport with these settings.
    ///
    /// # Errors
    ///
    /// [`TransportError::Other`] when reqwest cannot build its client.
    pub fn with_config(config: &ReqwestConfig) -> Result<Self, TransportError> {
        Self::with_proxies(config, ProxyEnv::from_process_if(config.proxy_from_env))
    }

    fn with_proxies(config: &ReqwestConfig, proxies: ProxyEnv) -> Result<Self, TransportError> {
        let chooser = proxies.clone();
        let client = reqwest::Client::builder()
            // reqwest would read the environment its own way (upper-case
            // HTTP_PROXY included): switched off, and the proxy chosen by
            // this crate's rules, per request URL.
            .no_proxy()
            .proxy(reqwest::Proxy::custom(move |target| {
                chooser
                    .proxy_for(target.as_str())
                    .and_then(|proxy| reqwest::Url::parse(proxy).ok())
            }))
            // No redirects: the 3xx reaches the client, which refuses it.
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(config.connect_timeout)
            .user_agent(concat!("ocsp-http/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(TransportError::other)?;
        Ok(ReqwestTransport { client, proxies })
    }

    /// One exchange, without the overall timeout.
    async fn exchange(&self, request: &HttpRequest<'_>) -> Result<HttpResponse, TransportError> {
        url::check_for_transport(request.url)?;
        if let Some(proxy) = self.proxies.proxy_for(request.url) {
            // An unusable proxy is an error, never a silent direct connection.
            reqwest::Url::parse(proxy).map_err(TransportError::other)?;
        }
        let mut builder = match request.method {
            Method::Get => self.client.get(request.url),
            Method::Post => self.client.post(request.url).body(request.body.to_vec()),
        };
        for (name, value) in request.headers {
            builder = builder.header(*name, *value);
        }
        let mut response = builder.send().await.map_err(map_error)?;
        let limit = request.max_response_len;
        if declared_above(response.content_length(), limit) {
            return Err(TransportError::BodyTooLarge { limit });
        }
        let status = response.status().as_u16();
        let headers = owned_headers(
            response
                .headers()
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_bytes())),
        );
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(map_error)? {
            if chunk.len() > limit.saturating_sub(body.len()) {
                return Err(TransportError::BodyTooLarge { limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(HttpResponse::new(status, headers, body))
    }
}

impl AsyncHttpTransport for ReqwestTransport {
    fn send<'a>(
        &'a self,
        request: &'a HttpRequest<'a>,
    ) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            tokio::time::timeout(request.timeout, self.exchange(request))
                .await
                .unwrap_or(Err(TransportError::Timeout))
        })
    }
}

fn map_error(error: reqwest::Error) -> TransportError {
    if error.is_timeout() {
        TransportError::Timeout
    } else if error.is_connect() {
        TransportError::connect(error)
    } else if error.is_body() || error.is_decode() {
        // The connection closed before the whole body arrived (hyper's
        // "incomplete message"), or a broken chunked encoding.
        TransportError::Truncated
    } else if error.is_redirect() {
        TransportError::TooManyRedirects
    } else {
        TransportError::other(error)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::proxy::test_proxy;

    /// A one-connection plain HTTP proxy on 127.0.0.1: it answers the
    /// request with a 404 and returns what it read.
    fn proxy() -> (String, std::thread::JoinHandle<String>) {
        test_proxy::start(&[test_proxy::NOT_FOUND])
    }

    #[tokio::test(flavor = "current_thread")]
    async fn the_proxy_of_http_proxy_is_used_and_no_proxy_bypasses_it() {
        let (proxy_url, proxy) = proxy();
        let env = |no_proxy| test_proxy::env(&proxy_url, no_proxy);
        let get = |transport: ReqwestTransport| async move {
            let request = HttpRequest::new(
                Method::Get,
                "http://ocsp.invalid/MA",
                &[],
                b"",
                1024,
                Duration::from_secs(5),
            );
            transport.send(&request).await
        };
        let config = ReqwestConfig::default();
        // Through the proxy: the name is the proxy's to resolve.
        let transport = ReqwestTransport::with_proxies(&config, env("other.example")).unwrap();
        assert_eq!(get(transport).await.unwrap().status, 404);
        let seen = proxy.join().unwrap();
        assert!(
            seen.starts_with("GET http://ocsp.invalid/MA HTTP/1.1\r\n"),
            "{seen}"
        );
        // Named in no_proxy: a direct connection, which cannot resolve.
        let transport = ReqwestTransport::with_proxies(&config, env(".invalid")).unwrap();
        let err = get(transport).await.unwrap_err();
        assert!(matches!(err, TransportError::Connect(_)), "{err:?}");
    }
}

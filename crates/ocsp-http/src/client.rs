//! The client: request -> send -> check HTTP -> verify.

use std::sync::Arc;
use std::time::Duration;

use ocsp_request::{HashAlgorithm, Nonce, RequestBuilder, CONTENT_TYPE};
use ocsp_types::CertId;
use ocsp_verify::{Issuer, Policy, SignatureVerificationAlgorithm, Subject, Verifier};

use crate::checked::CheckedResponse;
use crate::clock::{Clock, SystemClock};
use crate::error::{Error, TransportError};
use crate::headers::{self, HttpInfo, RESPONSE_CONTENT_TYPE};
use crate::log::event;
use crate::transport::{HttpRequest, HttpResponse, HttpTransport, Method};
use crate::url;

/// The default limit on a response body: 64 KiB (a response with one
/// delegated responder certificate is 1.5 to 3 KiB).
pub const DEFAULT_MAX_RESPONSE_LEN: usize = 64 * 1024;

/// The default time one exchange may take: 10 seconds.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// The nonce length [`Client`] sends by default: 16 octets (what OpenSSL
/// sends; it keeps the GET form of a SHA-1 request within the 255 bytes of
/// RFC 5019). Distinct from `ocsp_request::DEFAULT_NONCE_LEN` (32, RFC 8954's
/// largest), the request builder's default when no GET form is wanted.
pub const DEFAULT_CLIENT_NONCE_LEN: usize = 16;

/// What the client does, with documented defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientConfig {
    /// The most response body bytes read. Default
    /// [`DEFAULT_MAX_RESPONSE_LEN`].
    pub max_response_len: usize,
    /// The time one exchange may take (passed to the transport). Default
    /// [`DEFAULT_TIMEOUT`].
    pub timeout: Duration,
    /// The CertID hash algorithm. Default SHA-1 (RFC 5019 2.1.1: what every
    /// responder understands).
    pub hash: HashAlgorithm,
    /// The nonce length in octets (1 to 32), or `None` to send none. Default
    /// `Some(`[`DEFAULT_CLIENT_NONCE_LEN`]`)`. A response that carries a different
    /// nonce is always refused; one without a nonce is accepted unless
    /// [`Policy::require_nonce`] is set (pre-producing RFC 5019 responders
    /// ignore nonces; the time checks then bound replay).
    pub nonce_len: Option<usize>,
    /// A responder URL used instead of the certificate's Authority
    /// Information Access. Default `None`.
    pub responder_url: Option<String>,
    /// The verification policy. Default [`Policy::DEFAULT`].
    pub policy: Policy,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            max_response_len: DEFAULT_MAX_RESPONSE_LEN,
            timeout: DEFAULT_TIMEOUT,
            hash: HashAlgorithm::Sha1,
            nonce_len: Some(DEFAULT_CLIENT_NONCE_LEN),
            responder_url: None,
            policy: Policy::DEFAULT,
        }
    }
}

/// Fetches and verifies OCSP responses over a [`HttpTransport`].
///
/// For each check: the responder URL (configured, or the certificate's
/// AIA), a request for the SHA-1 (by default) CertID with a fresh random
/// nonce, GET when the URL fits in 255 bytes and POST otherwise (RFC 5019
/// 5) or when the URL has a query, then on the way back: status 200 (a
/// redirect is refused), `Content-Type:
/// application/ocsp-response`, the size limit, and full verification by
/// [`ocsp_verify::Verifier`] at the clock's time with the nonce.
///
/// ```no_run
/// # #[cfg(all(feature = "ureq", feature = "rustcrypto"))] {
/// # fn main() -> Result<(), ocsp_http::Error> {
/// use ocsp_http::{Client, Status, UreqTransport};
/// # let (cert, issuer) = (vec![], vec![]);
/// let client = Client::new(UreqTransport::new());
/// let checked = client.check(&cert, &issuer)?;
/// if checked.status != Status::Good { /* refuse */ }
/// # Ok(()) }
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Client<T, C = SystemClock> {
    transport: T,
    clock: C,
    config: ClientConfig,
    algorithms: &'static [&'static dyn SignatureVerificationAlgorithm],
    trusted_responders: Vec<Vec<u8>>,
}

#[cfg(feature = "rustcrypto")]
#[cfg_attr(docsrs, doc(cfg(feature = "rustcrypto")))]
impl<T> Client<T, SystemClock> {
    /// A client on `transport` with the default [`ClientConfig`], the system
    /// clock and the pure-Rust signature algorithms
    /// (`ocsp_verify::algorithms::ALL`).
    pub fn new(transport: T) -> Self {
        Self::with_algorithms(transport, ocsp_verify::algorithms::ALL)
    }
}

impl<T> Client<T, SystemClock> {
    /// A client on `transport` accepting signatures by `algorithms` (e.g.
    /// a rustls crypto provider's), with the default [`ClientConfig`] and
    /// the system clock.
    pub fn with_algorithms(
        transport: T,
        algorithms: &'static [&'static dyn SignatureVerificationAlgorithm],
    ) -> Self {
        Client {
            transport,
            clock: SystemClock,
            config: ClientConfig::default(),
            algorithms,
            trusted_responders: Vec::new(),
        }
    }
}

impl<T, C> Client<T, C> {
    /// The same client reading the time from `clock`.
    pub fn with_clock<C2: Clock>(self, clock: C2) -> Client<T, C2> {
        Client {
            transport: self.transport,
            clock,
            config: self.config,
            algorithms: self.algorithms,
            trusted_responders: self.trusted_responders,
        }
    }

    /// Sets the configuration.
    pub fn with_config(mut self, config: ClientConfig) -> Self {
        self.config = config;
        self
    }

    /// Sets the locally trusted responders (DER certificates); see
    /// [`Verifier::with_trusted_responders`].
    pub fn with_trusted_responders(mut self, certificates: Vec<Vec<u8>>) -> Self {
        self.trusted_responders = certificates;
        self
    }

    /// The configuration.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The transport.
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// The clock.
    pub fn clock(&self) -> &C {
        &self.clock
    }

    /// The responder URL for `certificate`: the configured one, else the
    /// first OCSP URI of its Authority Information Access.
    ///
    /// # Errors
    ///
    /// [`Error::NoResponderUrl`] without one, [`Error::Request`] when the
    /// certificate does not parse.
    pub fn responder_url(&self, certificate: &[u8]) -> Result<String, Error> {
        if let Some(url) = &self.config.responder_url {
            return Ok(url.clone());
        }
        ocsp_request::responder_url(certificate).map_err(|e| match e {
            ocsp_request::Error::NoAuthorityInfoAccess
            | ocsp_request::Error::NoOcspResponder
            | ocsp_request::Error::InvalidAuthorityInfoAccess(_) => Error::NoResponderUrl(e),
            other => Error::Request(other),
        })
    }

    /// The DER CertID of `certificate` under the configured hash: the cache
    /// key.
    pub(crate) fn cert_id_der(&self, certificate: &[u8], issuer: &[u8]) -> Result<Vec<u8>, Error> {
        ocsp_request::cert_id_for_certificate(certificate, issuer, self.config.hash)
            .and_then(|id| Ok(id.to_der()?))
            .map_err(Error::Request)
    }

    /// The request to send: URL, method, body and nonce.
    fn prepare(
        &self,
        certificate: &[u8],
        issuer: &[u8],
        responder_url: &str,
    ) -> Result<Prepared, Error> {
        url::check(responder_url).map_err(|refusal| Error::InvalidResponderUrl {
            url: url::without_userinfo(responder_url),
            refusal,
        })?;
        let cert_id = ocsp_request::cert_id_for_certificate(certificate, issuer, self.config.hash)
            .map_err(Error::Request)?;
        let nonce = match self.config.nonce_len {
            Some(len) => Some(random_nonce(len)?),
            None => None,
        };
        let mut builder = RequestBuilder::new();
        builder.cert_id(cert_id.clone());
        if let Some(nonce) = &nonce {
            builder.nonce(nonce.clone());
        }
        let der = builder
            .build()
            .and_then(|r| Ok(r.to_der()?))
            .map_err(Error::Request)?;
        // The GET form appends the request as a path segment: a URL with a
        // query cannot take it, so such a URL is POSTed to as it is.
        let transport = if url::has_query(responder_url) {
            ocsp_request::RequestForm::Post(der)
        } else {
            ocsp_request::RequestForm::choose(responder_url, &der)
        };
        let (method, url, body) = match transport {
            ocsp_request::RequestForm::Get(url) => (Method::Get, url, Vec::new()),
            ocsp_request::RequestForm::Post(body) => (Method::Post, responder_url.to_owned(), body),
        };
        Ok(Prepared {
            method,
            url,
            body,
            nonce,
            cert_id,
        })
    }
}

impl<T, C: Clock> Client<T, C> {
    /// Checks the HTTP response and verifies it (logging why not, with the
    /// feature `log`; the URL is not logged: a GET URL carries the nonce).
    fn finish(
        &self,
        prepared: &Prepared,
        certificate: &[u8],
        issuer: &[u8],
        response: Result<HttpResponse, TransportError>,
    ) -> Result<CheckedResponse, Error> {
        let result = self.check_response(prepared, certificate, issuer, response);
        if let Err(e) = &result {
            event!(
                Debug,
                "OCSP {} fetch failed ({}): {e}",
                prepared.method.as_str(),
                e.kind()
            );
        }
        result
    }

    fn check_response(
        &self,
        prepared: &Prepared,
        certificate: &[u8],
        issuer: &[u8],
        response: Result<HttpResponse, TransportError>,
    ) -> Result<CheckedResponse, Error> {
        let response = response?;
        if (300..400).contains(&response.status) {
            return Err(Error::Redirect {
                status: response.status,
                location: response.header("location").map(url::without_userinfo),
            });
        }
        if response.status != 200 {
            return Err(Error::HttpStatus {
                status: response.status,
            });
        }
        let content_type = response.header("content-type");
        if !content_type.is_some_and(headers::is_ocsp_response) {
            return Err(Error::ContentType {
                content_type: content_type.map(str::to_owned),
            });
        }
        let limit = self.config.max_response_len;
        if response.body.len() > limit {
            // A transport that broke the contract of `HttpRequest`.
            return Err(TransportError::BodyTooLarge { limit }.into());
        }
        let http = HttpInfo::from_response(prepared.method, &prepared.url, &response);
        let der: Arc<[u8]> = Arc::from(response.body);
        let refs: Vec<&[u8]> = self.trusted_responders.iter().map(Vec::as_slice).collect();
        let now = self.clock.now();
        let verdict = Verifier::new(self.algorithms)
            .with_policy(self.config.policy)
            .with_trusted_responders(&refs)
            .verify(
                &der,
                Subject::Certificate(certificate),
                Issuer::Certificate(issuer),
                now,
                prepared.nonce.as_ref().map(Nonce::as_bytes),
            )?;
        Ok(CheckedResponse::new(
            &verdict,
            &prepared.cert_id,
            Arc::clone(&der),
            now,
            http,
        ))
    }
}

impl<T: HttpTransport, C: Clock> Client<T, C> {
    /// Fetches and verifies the status of `certificate` (DER), issued by
    /// `issuer` (DER, already validated by the caller), from the configured
    /// responder URL or the certificate's AIA.
    ///
    /// # Errors
    ///
    /// The first failure, as an [`Error`] variant; nothing partial is
    /// returned.
    pub fn check(&self, certificate: &[u8], issuer: &[u8]) -> Result<CheckedResponse, Error> {
        let url = self.responder_url(certificate)?;
        self.check_url(certificate, issuer, &url)
    }

    /// As [`Client::check`], asking the responder at `responder_url`.
    ///
    /// # Errors
    ///
    /// As [`Client::check`]; [`Error::InvalidResponderUrl`] for a URL with
    /// userinfo or a fragment (see the crate docs' URL rules).
    pub fn check_url(
        &self,
        certificate: &[u8],
        issuer: &[u8],
        responder_url: &str,
    ) -> Result<CheckedResponse, Error> {
        let prepared = self.prepare(certificate, issuer, responder_url)?;
        let headers = prepared.headers();
        let response = self
            .transport
            .send(&prepared.request(&self.config, &headers));
        self.finish(&prepared, certificate, issuer, response)
    }
}

#[cfg(feature = "async")]
#[cfg_attr(docsrs, doc(cfg(feature = "async")))]
impl<T: crate::transport::AsyncHttpTransport, C: Clock> Client<T, C> {
    /// As [`Client::check`], over an
    /// `AsyncHttpTransport`(crate::AsyncHttpTransport).
    ///
    /// # Errors
    ///
    /// As [`Client::check`].
    pub async fn check_async(
        &self,
        certificate: &[u8],
        issuer: &[u8],
    ) -> Result<CheckedResponse, Error> {
        let url = self.responder_url(certificate)?;
        self.check_url_async(certificate, issuer, &url).await
    }

    /// As [`Client::check_url`], over an
    /// `AsyncHttpTransport`(crate::AsyncHttpTransport).
    ///
    /// # Errors
    ///
    /// As [`Client::check`].
    pub async fn check_url_async(
        &self,
        certificate: &[u8],
        issuer: &[u8],
        responder_url: &str,
    ) -> Result<CheckedResponse, Error> {
        let prepared = self.prepare(certificate, issuer, responder_url)?;
        let headers = prepared.headers();
        let request = prepared.request(&self.config, &headers);
        let response = self.transport.send(&request).await;
        self.finish(&prepared, certificate, issuer, response)
    }
}

/// A request ready to send.
struct Prepared {
    method: Method,
    url: String,
    body: Vec<u8>,
    nonce: Option<Nonce>,
    /// The CertID asked about.
    cert_id: CertId,
}

impl Prepared {
    fn headers(&self) -> Vec<(&'static str, &'static str)> {
        let mut headers = vec![("Accept", RESPONSE_CONTENT_TYPE)];
        if self.method == Method::Post {
            headers.push(("Content-Type", CONTENT_TYPE));
        }
        headers
    }

    fn request<'a>(
        &'a self,
        config: &ClientConfig,
        headers: &'a [(&'a str, &'a str)],
    ) -> HttpRequest<'a> {
        HttpRequest {
            method: self.method,
            url: &self.url,
            headers,
            body: &self.body,
            max_response_len: config.max_response_len,
            timeout: config.timeout,
        }
    }
}

/// A nonce of `len` octets from the operating system's generator.
fn random_nonce(len: usize) -> Result<Nonce, Error> {
    let mut bytes = vec![0u8; len];
    getrandom::fill(&mut bytes).map_err(Error::Random)?;
    Nonce::new(&bytes).map_err(Error::Request)
}

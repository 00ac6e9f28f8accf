//! From an HTTP request's method, path and body to the HTTP answer: the
//! OCSP logic of the server, without the network (so tests drive it
//! directly).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use ocsp_types::{OcspRequestRef, ResponseStatus, Time};
use sha2::{Digest as _, Sha256};

use crate::builder::{error_response, NoncePolicy, ResponseBuilder, SignedResponse};
use crate::signer::ResponseSigner;
use crate::status::StatusSource;
use crate::Error;

use super::http_date;
use super::ServerConfig;

/// The media type of OCSP requests (RFC 6960 Appendix A.1).
pub const REQUEST_CONTENT_TYPE: &str = "application/ocsp-request";
/// The media type of OCSP responses.
pub const RESPONSE_CONTENT_TYPE: &str = "application/ocsp-response";

/// An HTTP answer: status code, headers, body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HttpAnswer {
    /// The HTTP status code.
    pub status: u16,
    /// Header names and values.
    pub headers: Vec<(&'static str, String)>,
    /// The body: a DER `OCSPResponse` for status 200.
    pub body: Vec<u8>,
}

impl HttpAnswer {
    /// The value of header `name` (case-insensitive), if set.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn plain(status: u16, text: &str) -> Self {
        HttpAnswer {
            status,
            headers: vec![("content-type", "text/plain".into())],
            body: text.as_bytes().to_vec(),
        }
    }

    fn ocsp(body: Vec<u8>, cache: Vec<(&'static str, String)>) -> Self {
        let mut headers = vec![("content-type", RESPONSE_CONTENT_TYPE.into())];
        headers.extend(cache);
        HttpAnswer {
            status: 200,
            headers,
            body,
        }
    }
}

/// A pre-signed response to a nonce-less request.
struct Cached {
    response: Arc<SignedResponse>,
    generation: u64,
    etag: String,
}

/// The clock the responder signs with; `None` (a time beyond year 9999)
/// is answered with internalError.
pub type Clock = Arc<dyn Fn() -> Option<Time> + Send + Sync>;

/// The system clock, as a [`Clock`].
pub fn system_clock() -> Clock {
    Arc::new(|| {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        Time::from_unix(secs)
    })
}

/// The OCSP side of the server: a [`ResponseBuilder`], a [`StatusSource`],
/// a clock, and the cache of pre-signed responses.
pub struct Responder<S, Src> {
    builder: ResponseBuilder<S>,
    source: Src,
    clock: Clock,
    config: ServerConfig,
    cache: Mutex<HashMap<Vec<u8>, Cached>>,
    on_failure: Option<Reporter>,
}

/// A callback for the responder's own failures.
type Reporter = Box<dyn Fn(&Error) + Send + Sync>;

impl<S, Src> core::fmt::Debug for Responder<S, Src> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Responder")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl<S: ResponseSigner, Src: StatusSource> Responder<S, Src> {
    /// A responder answering with `builder` from `source`, on the system
    /// clock.
    pub fn new(builder: ResponseBuilder<S>, source: Src, config: ServerConfig) -> Self {
        Responder {
            builder,
            source,
            clock: system_clock(),
            config,
            cache: Mutex::new(HashMap::new()),
            on_failure: None,
        }
    }

    /// Calls `report` for each request answered with internalError or
    /// tryLater (a failing source or signer: what an operator must see).
    /// Clients' mistakes (malformedRequest, unauthorized) are not reported.
    pub fn on_failure(mut self, report: impl Fn(&Error) + Send + Sync + 'static) -> Self {
        self.on_failure = Some(Box::new(report));
        self
    }

    /// Signs on `clock` instead (tests).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The settings.
    pub fn config(&self) -> &ServerConfig {
        &self.config
    }

    /// How many pre-signed responses are held.
    pub fn cached(&self) -> usize {
        self.lock_cache().len()
    }

    fn lock_cache(&self) -> std::sync::MutexGuard<'_, HashMap<Vec<u8>, Cached>> {
        match self.cache.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// Answers one HTTP request. `content_type` is the request's
    /// Content-Type header, if any; `body` has already been limited to
    /// [`ServerConfig::max_request_len`] by the caller.
    ///
    /// * `POST` (any path): the body is the DER request. A Content-Type
    ///   other than `application/ocsp-request` is 415.
    /// * `GET /{url-encoded base64}` (RFC 5019, any path prefix): decoded
    ///   with `ocsp_request::decode_get_url` and its variants.
    /// * Anything else: 405.
    ///
    /// A request that does not decode is answered with the OCSP
    /// `malformedRequest` status (HTTP 200, as RFC 6960 responders do).
    pub fn answer(
        &self,
        method: &str,
        path: &str,
        content_type: Option<&str>,
        body: &[u8],
    ) -> HttpAnswer {
        let der = match method {
            "POST" => {
                if let Some(ct) = content_type {
                    let media = ct.split(';').next().unwrap_or_default().trim();
                    if !media.eq_ignore_ascii_case(REQUEST_CONTENT_TYPE) {
                        return HttpAnswer::plain(415, "expected application/ocsp-request\n");
                    }
                }
                Ok(Cow::Borrowed(body))
            }
            "GET" => match ocsp_request::decode_get_url(path) {
                Ok(der) => Ok(Cow::Owned(der)),
                Err(_) => Err(ResponseStatus::MalformedRequest),
            },
            _ => {
                let mut a = HttpAnswer::plain(405, "GET or POST\n");
                a.headers.push(("allow", "GET, POST".into()));
                return a;
            }
        };
        let der = match der {
            Ok(der) => der,
            Err(status) => return self.error_answer(status),
        };
        let Some(now) = (self.clock)() else {
            return self.error_answer(ResponseStatus::InternalError);
        };
        match self.respond(&der, now) {
            Ok((response, etag)) => {
                let cache = if response.has_nonce {
                    vec![("cache-control", "no-store".into())]
                } else {
                    caching_headers(&response, etag, now)
                };
                HttpAnswer::ocsp(response.der.clone(), cache)
            }
            Err(e) => {
                let status = e.response_status();
                if matches!(
                    status,
                    ResponseStatus::InternalError | ResponseStatus::TryLater
                ) {
                    if let Some(report) = &self.on_failure {
                        report(&e);
                    }
                }
                self.error_answer(status)
            }
        }
    }

    fn error_answer(&self, status: ResponseStatus) -> HttpAnswer {
        match error_response(status) {
            Ok(der) => HttpAnswer::ocsp(der, vec![("cache-control", "no-store".into())]),
            Err(_) => HttpAnswer::plain(500, "internal error\n"),
        }
    }

    /// The signed response to `der`, from the cache when it holds a fresh
    /// one; with its ETag when reusable.
    fn respond(
        &self,
        der: &[u8],
        now: Time,
    ) -> Result<(Arc<SignedResponse>, Option<String>), Error> {
        let request = OcspRequestRef::parse(der).map_err(Error::MalformedRequest)?;
        let checked = self.builder.check(&request)?;
        let echo = checked.has_nonce() && self.builder.nonce() == NoncePolicy::Echo;
        // Only the RFC 5019 shape (one CertID) is pre-signed: that keeps
        // each cache entry small whatever the request size.
        if echo || checked.cert_ids().count() != 1 {
            return Ok((
                Arc::new(self.builder.sign(&checked, &self.source, now, echo)?),
                None,
            ));
        }
        let generation = self.source.generation(now);
        let refresh_after = self.refresh_after();
        if let Some(hit) = self.lock_cache().get(checked.cache_key()) {
            let age = now
                .unix_timestamp()
                .saturating_sub(hit.response.this_update.unix_timestamp());
            if hit.generation == generation && (0..refresh_after).contains(&age) {
                return Ok((Arc::clone(&hit.response), Some(hit.etag.clone())));
            }
        }
        let response = Arc::new(self.builder.sign(&checked, &self.source, now, false)?);
        let etag = etag_of(&response.der);
        let mut cache = self.lock_cache();
        if cache.len() >= self.config.max_cached_responses {
            // Bounded: start over rather than track recency.
            cache.clear();
        }
        cache.insert(
            checked.cache_key().to_vec(),
            Cached {
                response: Arc::clone(&response),
                generation,
                etag: etag.clone(),
            },
        );
        Ok((response, Some(etag)))
    }

    /// How long a pre-signed response is reused: half its validity (so it
    /// is replaced well ahead of nextUpdate), or a minute without one.
    fn refresh_after(&self) -> i64 {
        self.builder.validity().map_or(60, |v| (v / 2).max(1))
    }
}

/// A strong ETag: the first 16 octets of the SHA-256 of the response.
fn etag_of(der: &[u8]) -> String {
    let digest = Sha256::digest(der);
    let mut tag = String::with_capacity(34);
    tag.push('"');
    for b in digest.iter().take(16) {
        tag.push_str(&format!("{b:02x}"));
    }
    tag.push('"');
    tag
}

/// RFC 5019 6.2 headers for a reusable response.
fn caching_headers(
    response: &SignedResponse,
    etag: Option<String>,
    now: Time,
) -> Vec<(&'static str, String)> {
    let mut headers = Vec::new();
    match response.next_update {
        Some(next) => {
            let max_age = next
                .unix_timestamp()
                .saturating_sub(now.unix_timestamp())
                .max(0);
            headers.push((
                "cache-control",
                format!("max-age={max_age}, public, no-transform, must-revalidate"),
            ));
            headers.push(("expires", http_date::format(next)));
        }
        // Without nextUpdate, newer information is always available.
        None => headers.push(("cache-control", "no-cache".into())),
    }
    headers.push(("last-modified", http_date::format(response.this_update)));
    if let Some(etag) = etag {
        headers.push(("etag", etag));
    }
    headers
}

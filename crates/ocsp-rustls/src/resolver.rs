//! The server side: [`StaplingCertResolver`].

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;

/// Where a server's current staple comes from: the DER `OCSPResponse` for
/// its certificate, or `None` when it has no valid one.
///
/// Implemented by closures, e.g. over an `ocsp_http::Stapler` (which only
/// ever hands out a response valid now):
///
/// ```no_run
/// use std::sync::Arc;
/// use ocsp_rustls::StaplingCertResolver;
///
/// fn resolver(
///     transport: impl ocsp_http::HttpTransport + 'static,
///     certified_key: rustls::sign::CertifiedKey,
///     cert_der: Vec<u8>,
///     issuer_der: Vec<u8>,
/// ) -> Arc<dyn rustls::server::ResolvesServerCert> {
///     let cache = Arc::new(ocsp_http::Cache::new(ocsp_http::Client::new(transport)));
///     let stapler = Arc::new(ocsp_http::Stapler::new(cache, cert_der, issuer_der));
///     // Refresh it ahead of nextUpdate, e.g. with `stapler.spawn_refresher(..)`.
///     Arc::new(StaplingCertResolver::new(certified_key, move || stapler.current_staple()))
/// }
/// ```
pub trait StapleSource: Send + Sync {
    /// The staple to send now.
    fn current_staple(&self) -> Option<Arc<[u8]>>;
}

impl<F> StapleSource for F
where
    F: Fn() -> Option<Arc<[u8]>> + Send + Sync,
{
    fn current_staple(&self) -> Option<Arc<[u8]>> {
        self()
    }
}

/// A [`ResolvesServerCert`] serving one certificate chain and key with the
/// current staple of a [`StapleSource`].
///
/// On each handshake it asks the source for the staple; the
/// [`CertifiedKey`] handed to rustls is cached behind an [`Arc`] and rebuilt
/// (the chain copied once) only when the staple changes, so a handshake
/// costs a lock and an `Arc` clone. It staples whatever the source gives:
/// the source is responsible for its validity (a client with
/// [`crate::OcspVerifier`] refuses a stale or foreign staple by default, so
/// stapling a bad one is worse than stapling none).
pub struct StaplingCertResolver<S> {
    base: Arc<CertifiedKey>,
    source: S,
    cached: Mutex<Cached>,
}

struct Cached {
    staple: Option<Arc<[u8]>>,
    key: Arc<CertifiedKey>,
}

impl<S: StapleSource> StaplingCertResolver<S> {
    /// Serves `key` (its own `ocsp` field is ignored) with the staples of
    /// `source`.
    pub fn new(key: CertifiedKey, source: S) -> Self {
        let base = Arc::new(CertifiedKey { ocsp: None, ..key });
        StaplingCertResolver {
            cached: Mutex::new(Cached {
                staple: None,
                key: Arc::clone(&base),
            }),
            base,
            source,
        }
    }

    /// The certified key with the current staple.
    pub fn current(&self) -> Arc<CertifiedKey> {
        let staple = self.source.current_staple().filter(|s| !s.is_empty());
        let mut cached = self.cached.lock().unwrap_or_else(PoisonError::into_inner);
        let same = match (&cached.staple, &staple) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a.as_ref() == b.as_ref(),
            _ => false,
        };
        if !same {
            cached.key = match &staple {
                None => Arc::clone(&self.base),
                Some(der) => Arc::new(CertifiedKey {
                    cert: self.base.cert.clone(),
                    key: Arc::clone(&self.base.key),
                    ocsp: Some(der.to_vec()),
                }),
            };
            cached.staple = staple;
        }
        Arc::clone(&cached.key)
    }
}

impl<S> fmt::Debug for StaplingCertResolver<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StaplingCertResolver")
            .field("chain_len", &self.base.cert.len())
            .finish_non_exhaustive()
    }
}

impl<S: StapleSource> ResolvesServerCert for StaplingCertResolver<S> {
    fn resolve(&self, _client_hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.current())
    }
}

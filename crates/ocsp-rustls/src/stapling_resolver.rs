//! The server side for many certificates: [`StaplingResolver`].

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use ocsp_types::CertificateRef;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, UnixTime};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls::time_provider::{DefaultTimeProvider, TimeProvider};

use crate::error::StapleError;
use crate::issuer::{find_issuer, verify_staple, Algorithms};
use crate::log::event;
use crate::store::{fingerprint_hex, StapleStore};

/// A [`ResolvesServerCert`] that wraps any other (SNI, many certificates)
/// and staples each certificate's current OCSP response.
///
/// The application hands it responses with [`StaplingResolver::set_staple`]
/// (e.g. fetched by an `ocsp_http::Stapler` per certificate), or has it read
/// them back from a [`StapleStore`] at start-up with
/// [`StaplingResolver::load_stored`]. Either way **a response is stapled
/// only after it verifies** (`ocsp-verify`: signature by the issuer or its
/// delegated responder, CertID, times, critical extensions) about the
/// certificate, against an issuer whose key verifies the certificate's
/// signature, at the time source's current time. On every handshake the
/// certificate the inner resolver chose gets its response only while the
/// time source says it is still valid (`now <= nextUpdate`, bounded by
/// [`ocsp_verify::Policy::max_age`]); past that, or when the time source
/// has no time, nothing is stapled. Any staple the inner resolver's
/// [`CertifiedKey`] carries itself is dropped: only verified responses go
/// out.
///
/// A verified `revoked` or `unknown` response is stapled too: it is what
/// the CA says (a client refuses the certificate either way; stapling it
/// spares the client a fetch, and hiding it would help nobody).
///
/// ```no_run
/// use std::sync::Arc;
/// use ocsp_rustls::{StapleStore, StaplingResolver};
///
/// # fn f(inner: Arc<dyn rustls::server::ResolvesServerCert>,
/// #      certs: Vec<(Vec<u8>, Vec<u8>)>) -> Result<(), ocsp_rustls::StapleError> {
/// let provider = rustls::crypto::ring::default_provider();
/// let resolver = StaplingResolver::new(inner, &provider)
///     .with_store(StapleStore::new("/var/lib/my-server/staples")?);
/// for (cert, issuer) in &certs {
///     // A response saved before the restart, if still valid: stapled at once.
///     let _ = resolver.load_stored(cert, issuer);
/// }
/// // Later, from the refresher: resolver.set_staple(cert, issuer, &fresh_der)?
/// # Ok(()) }
/// ```
pub struct StaplingResolver {
    inner: Arc<dyn ResolvesServerCert>,
    algorithms: Algorithms,
    policy: ocsp_verify::Policy,
    time: Arc<dyn TimeProvider>,
    store: Option<StapleStore>,
    /// By end-entity certificate DER.
    staples: RwLock<HashMap<Vec<u8>, Arc<Installed>>>,
}

/// A verified response, and the key last served with it.
struct Installed {
    der: Arc<[u8]>,
    valid_until: UnixTime,
    /// Set once its expiry has been reported (logged once, not at every
    /// handshake).
    expiry_reported: AtomicBool,
    /// (the inner resolver's key, that key with the staple): rebuilt only
    /// when the inner resolver hands out another key.
    served: Mutex<Option<(Arc<CertifiedKey>, Arc<CertifiedKey>)>>,
}

impl Installed {
    fn serve(&self, key: &Arc<CertifiedKey>) -> Arc<CertifiedKey> {
        let mut served = self.served.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((inner, stapled)) = served.as_ref() {
            if Arc::ptr_eq(inner, key) {
                return Arc::clone(stapled);
            }
        }
        let stapled = Arc::new(CertifiedKey {
            cert: key.cert.clone(),
            key: Arc::clone(&key.key),
            ocsp: Some(self.der.to_vec()),
        });
        *served = Some((Arc::clone(key), Arc::clone(&stapled)));
        stapled
    }
}

impl StaplingResolver {
    /// Wraps `inner`; responses are verified with `provider`'s signature
    /// algorithms, [`ocsp_verify::Policy::DEFAULT`] and the system clock
    /// ([`DefaultTimeProvider`]), and no store.
    pub fn new(inner: Arc<dyn ResolvesServerCert>, provider: &CryptoProvider) -> Self {
        StaplingResolver {
            inner,
            algorithms: provider.signature_verification_algorithms.all,
            policy: ocsp_verify::Policy::DEFAULT,
            time: Arc::new(DefaultTimeProvider),
            store: None,
            staples: RwLock::new(HashMap::new()),
        }
    }

    /// Saves every response accepted by [`StaplingResolver::set_staple`] in
    /// `store`, for [`StaplingResolver::load_stored`] after a restart.
    #[must_use]
    pub fn with_store(mut self, store: StapleStore) -> Self {
        self.store = Some(store);
        self
    }

    /// The time source, for verifying and for the validity check at each
    /// handshake (default: the system clock).
    #[must_use]
    pub fn with_time_provider(mut self, time: Arc<dyn TimeProvider>) -> Self {
        self.time = time;
        self
    }

    /// How responses are judged (default: [`ocsp_verify::Policy::DEFAULT`];
    /// a nonce is never required).
    #[must_use]
    pub fn with_policy(mut self, policy: ocsp_verify::Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Verifies `response` about `end_entity` (DER) against `issuer` (the
    /// DER certificate whose key signed `end_entity`) now, and staples it
    /// from now on in place of the previous one; saves it in the store if
    /// there is one. Returns until when it will be stapled.
    ///
    /// # Errors
    ///
    /// [`StapleError::Invalid`] (the reason), [`StapleError::IssuerNotFound`]
    /// when `issuer`'s key did not sign `end_entity`,
    /// [`StapleError::NoCurrentTime`]: the previous staple stays. Or
    /// [`StapleError::Store`]: the response is stapled but not saved.
    pub fn set_staple(
        &self,
        end_entity: &[u8],
        issuer: &[u8],
        response: &[u8],
    ) -> Result<UnixTime, StapleError> {
        let valid_until = self
            .install(end_entity, issuer, response)
            .inspect_err(|e| {
                event!(
                    Warn,
                    "staple for certificate {} refused (the previous one stays): {e}",
                    fingerprint_hex(end_entity)
                );
            })?;
        event!(
            Info,
            "staple set for certificate {}, valid until {} (Unix time)",
            fingerprint_hex(end_entity),
            valid_until.as_secs()
        );
        if let Some(store) = &self.store {
            store.save(end_entity, response).inspect_err(|e| {
                event!(Warn, "staple stapled but not stored: {e}");
            })?;
        }
        Ok(valid_until)
    }

    /// Reads the stored response of `end_entity` and staples it if it
    /// verifies now (as [`StaplingResolver::set_staple`], without writing
    /// it back). `Ok(None)` when there is no store or nothing stored.
    ///
    /// # Errors
    ///
    /// As [`StaplingResolver::set_staple`]: a stored response that does not
    /// verify (e.g. expired while the server was down) is not stapled.
    pub fn load_stored(
        &self,
        end_entity: &[u8],
        issuer: &[u8],
    ) -> Result<Option<UnixTime>, StapleError> {
        let Some(store) = &self.store else {
            return Ok(None);
        };
        let loaded = match store.load(end_entity) {
            Ok(None) => Ok(None),
            Ok(Some(response)) => self.install(end_entity, issuer, &response).map(Some),
            Err(e) => Err(e),
        };
        match &loaded {
            Ok(None) => event!(
                Debug,
                "no stored staple for certificate {}",
                fingerprint_hex(end_entity)
            ),
            Ok(Some(valid_until)) => event!(
                Info,
                "stored staple for certificate {} verified and set, valid until {} (Unix time)",
                fingerprint_hex(end_entity),
                valid_until.as_secs()
            ),
            Err(e) => event!(
                Warn,
                "stored staple for certificate {} not used: {e}",
                fingerprint_hex(end_entity)
            ),
        }
        loaded
    }

    /// The response stapled for `end_entity` now: `None` when there is none
    /// or it is no longer valid.
    pub fn current_staple(&self, end_entity: &[u8]) -> Option<Arc<[u8]>> {
        self.installed_now(end_entity)
            .map(|installed| Arc::clone(&installed.der))
    }

    /// Stops stapling for `end_entity` (the store is left as it is).
    pub fn remove_staple(&self, end_entity: &[u8]) {
        self.staples
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(end_entity);
    }

    fn install(
        &self,
        end_entity: &[u8],
        issuer: &[u8],
        response: &[u8],
    ) -> Result<UnixTime, StapleError> {
        let now = self.time.current_time().ok_or(StapleError::NoCurrentTime)?;
        let issuer_der = [CertificateDer::from(issuer)];
        let verdict = verify_staple(
            self.algorithms,
            self.policy,
            end_entity,
            ocsp_verify::Issuer::Certificate(issuer),
            response,
            now,
        )
        .map_err(StapleError::Invalid)?;
        // ocsp-verify parsed the certificate; the issuer given must also be
        // the one whose key signed it (ocsp-verify trusts it as given).
        let certificate =
            CertificateRef::parse(end_entity).map_err(|_| StapleError::IssuerNotFound)?;
        if find_issuer(self.algorithms, &certificate, &issuer_der, &[]).is_none() {
            return Err(StapleError::IssuerNotFound);
        }
        let valid_until = verdict.valid_until;
        let installed = Arc::new(Installed {
            der: Arc::from(response),
            valid_until,
            expiry_reported: AtomicBool::new(false),
            served: Mutex::new(None),
        });
        self.staples
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(end_entity.to_vec(), installed);
        Ok(valid_until)
    }

    fn installed_now(&self, end_entity: &[u8]) -> Option<Arc<Installed>> {
        let now = self.time.current_time()?;
        let installed = self
            .staples
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(end_entity)
            .cloned()?;
        if now <= installed.valid_until {
            return Some(installed);
        }
        if !installed.expiry_reported.swap(true, Ordering::Relaxed) {
            event!(
                Warn,
                "staple for certificate {} expired at {} (Unix time): nothing stapled until a new one is set",
                fingerprint_hex(end_entity),
                installed.valid_until.as_secs()
            );
        }
        None
    }
}

impl fmt::Debug for StaplingResolver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stapled = self
            .staples
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        f.debug_struct("StaplingResolver")
            .field("inner", &self.inner)
            .field("store", &self.store)
            .field("stapled_certificates", &stapled)
            .finish_non_exhaustive()
    }
}

impl ResolvesServerCert for StaplingResolver {
    fn resolve(&self, client_hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        let key = self.inner.resolve(client_hello)?;
        let installed = key
            .cert
            .first()
            .and_then(|end_entity| self.installed_now(end_entity));
        Some(match installed {
            Some(installed) => installed.serve(&key),
            None if key.ocsp.is_none() => key,
            // Only verified responses are stapled.
            None => Arc::new(CertifiedKey {
                cert: key.cert.clone(),
                key: Arc::clone(&key.key),
                ocsp: None,
            }),
        })
    }

    fn only_raw_public_keys(&self) -> bool {
        self.inner.only_raw_public_keys()
    }
}

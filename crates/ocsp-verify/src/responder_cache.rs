//! A bounded cache of delegated responder certificates whose signature
//! verified under an issuer key ([`ResponderCache`]).
//!
//! # Why skipping that one check is safe
//!
//! An entry is the pair (SHA-256 of the responder certificate's whole DER,
//! SHA-256 of the issuer's whole `SubjectPublicKeyInfo` DER), written only
//! after the certificate's signature verified under that key. The
//! certificate DER includes its `tbsCertificate`, its `signatureAlgorithm`
//! and its signature, so a hit means these exact bytes verified under this
//! exact key before: the outcome of the check cannot differ, barring a
//! SHA-256 collision. Only that check, the `tbsCertificate` signature, is
//! skipped on a hit. Everything that depends on the call still runs every
//! time: the ResponderID match, the issuer Name, id-kp-OCSPSigning, keyUsage,
//! the CA bit, critical extensions, the validity at the verification time,
//! the signature algorithm against the policy (SHA-1 refusal, the
//! algorithm list) and the response signature.
//!
//! The algorithms themselves are not part of the key: share one cache only
//! among verifiers with the same algorithm list (two lists that take the
//! same identifiers with different key sizes would otherwise share a
//! verdict).

use core::fmt;
use core::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};

use ocsp_request::{HashAlgorithm, PreparedIssuer, PreparedIssuerRef};

/// SHA-256 of the responder certificate DER, then of the issuer SPKI DER.
type Key = [u8; 64];

/// The cache as the verifier sees it (object-safe, so that
/// [`crate::Verifier`] does not carry the capacity in its type).
pub(crate) trait Slots: fmt::Debug + Sync {
    /// Whether the pair is remembered.
    fn contains(&self, key: &Key) -> bool;
    /// Remembers the pair, evicting the oldest entry when full.
    fn insert(&self, key: Key);
}

/// The cache key of a responder certificate and an issuer key, given the
/// SHA-256 of the issuer's `SubjectPublicKeyInfo` DER (kept by a
/// [`ocsp_request::PreparedIssuer`], see [`issuer_spki_sha256`]).
pub(crate) fn key(certificate_der: &[u8], issuer_spki_sha256: &[u8; 32]) -> Key {
    let mut key = [0; 64];
    let certificate = HashAlgorithm::Sha256.digest(certificate_der);
    for (k, b) in key
        .iter_mut()
        .zip(certificate.as_bytes().iter().chain(issuer_spki_sha256))
    {
        *k = *b;
    }
    key
}

/// The SHA-256 of the issuer's `SubjectPublicKeyInfo` DER: computed once
/// per prepared issuer ([`PreparedIssuer::spki_sha256`]), otherwise here.
pub(crate) fn issuer_spki_sha256(
    prepared: Option<&PreparedIssuer>,
    issuer: &PreparedIssuerRef<'_>,
) -> [u8; 32] {
    prepared.map_or_else(|| issuer.spki_sha256(), PreparedIssuer::spki_sha256)
}

/// Words of a key.
const WORDS: usize = 16;

/// Remembers, for up to `N` (delegated responder certificate, issuer key)
/// pairs, that the certificate's signature verified under the issuer's key,
/// so that repeated verifications of responses signed by the same delegate
/// check one signature (the response's) instead of two. Pass it with
/// [`crate::Verifier::with_responder_cache`].
///
/// Fixed capacity, no allocation, `no_std`: `N` entries of 64 octets,
/// evicted oldest first. Shared by reference between threads: it is guarded
/// by a try-lock (one atomic flag, no spinning, no blocking); a verification
/// that finds it busy treats it as a miss and checks the signature, so
/// contention costs time, never correctness. The section below says why
/// skipping that one check is safe; share one cache only among verifiers
/// with the same algorithm list (the algorithms are not part of the key:
/// two lists taking the same identifiers with different key sizes would
/// share a verdict).
///
/// ```
/// use ocsp_verify::ResponderCache;
/// static CACHE: ResponderCache<16> = ResponderCache::new();
/// assert!(CACHE.is_empty());
/// ```
///
/// # Why skipping the certificate signature is safe
///
/// An entry is the pair (SHA-256 of the responder certificate's whole DER,
/// SHA-256 of the issuer's whole `SubjectPublicKeyInfo` DER), written only
/// after the certificate's signature verified under that key. The DER
/// includes the `tbsCertificate`, the `signatureAlgorithm` and the
/// signature, so a hit means these exact bytes verified under this exact
/// key before. Every other check runs on every call.
pub struct ResponderCache<const N: usize> {
    lock: AtomicBool,
    len: AtomicUsize,
    /// The slot written next once full (oldest first).
    next: AtomicUsize,
    entries: [Entry; N],
}

struct Entry {
    words: [AtomicU32; WORDS],
}

impl Entry {
    const fn new() -> Self {
        Entry {
            words: [const { AtomicU32::new(0) }; WORDS],
        }
    }

    /// Reads are only made with the cache's lock held.
    fn equals(&self, key: &Key) -> bool {
        self.words
            .iter()
            .zip(key.chunks_exact(4))
            .all(|(w, chunk)| chunk == w.load(Ordering::Relaxed).to_be_bytes())
    }

    /// Writes are only made with the cache's lock held.
    fn store(&self, key: &Key) {
        for (w, chunk) in self.words.iter().zip(key.chunks_exact(4)) {
            let word = chunk.try_into().unwrap_or_default();
            w.store(u32::from_be_bytes(word), Ordering::Relaxed);
        }
    }
}

/// The held lock, released when dropped.
struct Held<'a>(&'a AtomicBool);

impl Drop for Held<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

impl<const N: usize> ResponderCache<N> {
    /// An empty cache.
    pub const fn new() -> Self {
        ResponderCache {
            lock: AtomicBool::new(false),
            len: AtomicUsize::new(0),
            next: AtomicUsize::new(0),
            entries: [const { Entry::new() }; N],
        }
    }

    fn try_lock(&self) -> Option<Held<'_>> {
        self.lock
            .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
            .ok()
            .map(|_| Held(&self.lock))
    }

    /// How many pairs it holds (at most `N`).
    pub fn len(&self) -> usize {
        self.len.load(Ordering::Relaxed)
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Its capacity, `N`.
    pub const fn capacity(&self) -> usize {
        N
    }

    /// Forgets every pair (when the cache is not in use at that moment;
    /// returns whether it did).
    pub fn clear(&self) -> bool {
        let Some(_held) = self.try_lock() else {
            return false;
        };
        self.len.store(0, Ordering::Relaxed);
        self.next.store(0, Ordering::Relaxed);
        true
    }

    fn held_contains(&self, key: &Key) -> bool {
        let len = self.len.load(Ordering::Relaxed);
        self.entries.iter().take(len).any(|e| e.equals(key))
    }
}

impl<const N: usize> Default for ResponderCache<N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const N: usize> fmt::Debug for ResponderCache<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponderCache")
            .field("capacity", &N)
            .field("len", &self.len())
            .finish()
    }
}

impl<const N: usize> Slots for ResponderCache<N> {
    fn contains(&self, key: &Key) -> bool {
        let Some(_held) = self.try_lock() else {
            return false;
        };
        self.held_contains(key)
    }

    fn insert(&self, key: Key) {
        let Some(_held) = self.try_lock() else {
            return;
        };
        if self.held_contains(&key) {
            return;
        }
        let len = self.len.load(Ordering::Relaxed);
        let slot = if len < N {
            self.len.store(len.saturating_add(1), Ordering::Relaxed);
            len
        } else {
            let slot = self.next.load(Ordering::Relaxed);
            let following = slot.saturating_add(1);
            self.next.store(
                if following >= N { 0 } else { following },
                Ordering::Relaxed,
            );
            slot
        };
        if let Some(entry) = self.entries.get(slot) {
            entry.store(&key);
        }
    }
}

//! Where certificate statuses come from: the [`StatusSource`] trait and an
//! in-memory map.

use alloc::collections::BTreeMap;
use alloc::sync::Arc;
use alloc::vec::Vec;

use ocsp_types::{CertStatus, CrlReason, RevokedInfo, Time};

use crate::Error;

/// What a responder asks its source about one requested certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct StatusQuery<'a> {
    /// Which of the builder's issuers the CertID names (0 for the first,
    /// in the order they were added).
    pub issuer: usize,
    /// The CertID's `serialNumber`: DER INTEGER content octets, as sent.
    pub serial: &'a [u8],
    /// The time of the response being built (the injected clock).
    pub now: Time,
}

impl<'a> StatusQuery<'a> {
    /// A query.
    pub fn new(issuer: usize, serial: &'a [u8], now: Time) -> Self {
        StatusQuery {
            issuer,
            serial,
            now,
        }
    }

    /// The serial number's magnitude without leading zero octets (zero is
    /// empty), or `None` for a negative serial (which no CA issues and no
    /// index lists).
    pub fn serial_magnitude(&self) -> Option<&'a [u8]> {
        serial_magnitude(self.serial)
    }
}

/// The magnitude of DER INTEGER content octets, without leading zeros;
/// `None` when negative.
pub(crate) fn serial_magnitude(content: &[u8]) -> Option<&[u8]> {
    if content.first().is_some_and(|b| b & 0x80 != 0) {
        return None;
    }
    let start = content
        .iter()
        .position(|b| *b != 0)
        .unwrap_or(content.len());
    content.get(start..)
}

/// The status of one certificate, as a source knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertificateStatus {
    /// Issued by the CA and not revoked.
    Good,
    /// Revoked at `time`, for `reason` when one is recorded.
    Revoked {
        /// `revocationTime`.
        time: Time,
        /// `revocationReason`.
        reason: Option<CrlReason>,
    },
    /// Not known to the source.
    Unknown,
}

impl From<CertificateStatus> for CertStatus {
    fn from(status: CertificateStatus) -> CertStatus {
        match status {
            CertificateStatus::Good => CertStatus::Good,
            CertificateStatus::Revoked { time, reason } => CertStatus::Revoked(RevokedInfo {
                revocation_time: time,
                revocation_reason: reason,
            }),
            CertificateStatus::Unknown => CertStatus::Unknown,
        }
    }
}

/// A source of certificate statuses: a CA database, an index file, a map.
///
/// Implementations answer [`CertificateStatus::Unknown`] for certificates
/// they do not know (never `Good`: a responder must not vouch for what its
/// CA did not issue), and fail with [`Error::SourceUnavailable`] (answered
/// with tryLater) or [`Error::SourceFailed`] (internalError) when they
/// cannot answer.
pub trait StatusSource {
    /// The status of the certificate `query` names.
    ///
    /// # Errors
    ///
    /// [`Error::SourceUnavailable`] or [`Error::SourceFailed`].
    fn status(&self, query: &StatusQuery<'_>) -> Result<CertificateStatus, Error>;

    /// A number that changes whenever any answer may have changed (a
    /// reloaded file). Responses signed earlier under another generation are
    /// not reused. A source may refresh itself here; `now` is the injected
    /// clock. The default is a constant.
    fn generation(&self, now: Time) -> u64 {
        let _ = now;
        0
    }
}

impl<T: StatusSource + ?Sized> StatusSource for &T {
    fn status(&self, query: &StatusQuery<'_>) -> Result<CertificateStatus, Error> {
        (**self).status(query)
    }
    fn generation(&self, now: Time) -> u64 {
        (**self).generation(now)
    }
}

impl<T: StatusSource + ?Sized> StatusSource for Arc<T> {
    fn status(&self, query: &StatusQuery<'_>) -> Result<CertificateStatus, Error> {
        (**self).status(query)
    }
    fn generation(&self, now: Time) -> u64 {
        (**self).generation(now)
    }
}

/// Statuses held in memory, per issuer and serial number; everything else
/// is [`CertificateStatus::Unknown`].
///
/// ```
/// use ocsp_responder::{CertificateStatus, MemorySource, StatusQuery, StatusSource};
/// let mut source = MemorySource::new();
/// source.insert(0, &[0x10, 0x01], CertificateStatus::Good);
/// let now = ocsp_types::Time::from_unix(0).unwrap();
/// assert_eq!(source.status(&StatusQuery::new(0, &[0x10, 0x01], now))?, CertificateStatus::Good);
/// assert_eq!(source.status(&StatusQuery::new(1, &[0x10, 0x01], now))?, CertificateStatus::Unknown);
/// # Ok::<(), ocsp_responder::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemorySource {
    entries: BTreeMap<(usize, Vec<u8>), CertificateStatus>,
    generation: u64,
}

impl MemorySource {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the status of the certificate with serial number `serial`
    /// (an unsigned magnitude; leading zeros are ignored) issued by the
    /// builder's issuer number `issuer`. Bumps the generation.
    pub fn insert(&mut self, issuer: usize, serial: &[u8], status: CertificateStatus) {
        let start = serial.iter().position(|b| *b != 0).unwrap_or(serial.len());
        let key = serial.get(start..).unwrap_or_default().to_vec();
        self.entries.insert((issuer, key), status);
        self.generation = self.generation.wrapping_add(1);
    }

    /// How many certificates are recorded.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl StatusSource for MemorySource {
    fn status(&self, query: &StatusQuery<'_>) -> Result<CertificateStatus, Error> {
        let Some(serial) = query.serial_magnitude() else {
            return Ok(CertificateStatus::Unknown);
        };
        Ok(self
            .entries
            .get(&(query.issuer, serial.to_vec()))
            .copied()
            .unwrap_or(CertificateStatus::Unknown))
    }

    fn generation(&self, _now: Time) -> u64 {
        self.generation
    }
}

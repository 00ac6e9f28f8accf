//! The issuer half of a CertID: the Name and key that get hashed, read once
//! and hashed under SHA-1 once, for request building and for verification.

use alloc::vec::Vec;

use ocsp_types::{CertId, CertIdRef, NameRef, SubjectPublicKeyInfoRef};

use crate::certificate::{CertificateParts, Role};
use crate::hash::{ct_eq, Digest, HashAlgorithm};
use crate::serial;
use crate::Error;

/// Length of a SHA-1 digest.
const SHA1_LEN: usize = 20;

/// Length of a SHA-256 digest.
const SHA256_LEN: usize = 32;

/// An issuer read once: its subject Name DER, its `SubjectPublicKeyInfo`
/// DER, and their SHA-1 hashes, computed when it is built. Build one per CA
/// and reuse it for every request and every verification (a TLS stack or a
/// cache verifying many responses against the same CA).
///
/// * `issuerNameHash` is the hash of the DER of the issuer's subject Name,
///   exactly as encoded in the issuer certificate;
/// * `issuerKeyHash` is the hash of the issuer's `subjectPublicKey` BIT
///   STRING contents (no tag, length or unused-bits octet). Under SHA-1 it
///   is also the issuer's byKey `ResponderID` (RFC 6960 4.2.1).
///
/// SHA-1 is kept (what nearly every request and responder uses); the other
/// [`HashAlgorithm`]s are computed when asked.
///
/// ```
/// # fn main() -> Result<(), ocsp_request::Error> {
/// use ocsp_request::{HashAlgorithm, PreparedIssuer};
/// # let name = include_bytes!("../tests/data/wikipedia-issuer-name.der");
/// # let spki = include_bytes!("../tests/data/wikipedia-issuer-spki.der");
/// let issuer = PreparedIssuer::from_name_and_spki(name, spki)?;
/// let id = issuer.cert_id(&[0x10, 0xe6, 0xfc, 0x62, 0xb7, 0x41, 0x8a, 0xd5, 0x00, 0x5e, 0x45, 0xb6],
///                         HashAlgorithm::Sha1)?;
/// assert_eq!(id.issuer_key_hash[..4], [0x96, 0xde, 0x61, 0xf1]);
/// assert_eq!(issuer.key_sha1()[..4], [0x96, 0xde, 0x61, 0xf1]);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PreparedIssuer {
    name: Vec<u8>,
    spki: Vec<u8>,
    key_algorithm: Vec<u8>,
    public_key: Vec<u8>,
    name_sha1: [u8; SHA1_LEN],
    key_sha1: [u8; SHA1_LEN],
    /// SHA-256 of `spki`: ocsp-verify's responder cache key.
    spki_sha256: [u8; SHA256_LEN],
}

/// The former name of [`PreparedIssuer`].
#[deprecated(
    since = "0.1.0",
    note = "renamed PreparedIssuer (it now holds the SHA-1 hashes)"
)]
pub type IssuerHashes = PreparedIssuer;

/// The former name of [`PreparedIssuerRef`].
#[deprecated(
    since = "0.1.0",
    note = "renamed PreparedIssuerRef (it now holds the SHA-1 hashes)"
)]
pub type IssuerHashesRef<'a> = PreparedIssuerRef<'a>;

impl PreparedIssuer {
    /// From the issuer's DER certificate.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidIssuerCertificate`] when it is not a DER X.509
    /// certificate.
    pub fn from_certificate(issuer_der: &[u8]) -> Result<Self, Error> {
        Ok(PreparedIssuerRef::from_certificate(issuer_der)?.to_owned())
    }

    /// From the DER of the issuer's subject Name and of its
    /// `SubjectPublicKeyInfo`, for callers that hold a trust anchor rather
    /// than a certificate.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidIssuerName`] or [`Error::InvalidIssuerKey`] when they
    /// are not DER.
    pub fn from_name_and_spki(name_der: &[u8], spki_der: &[u8]) -> Result<Self, Error> {
        Ok(PreparedIssuerRef::from_name_and_spki(name_der, spki_der)?.to_owned())
    }

    /// The same issuer, borrowed, with the hashes copied (not recomputed):
    /// no allocation, no parse.
    pub fn as_borrowed(&self) -> PreparedIssuerRef<'_> {
        PreparedIssuerRef {
            name: &self.name,
            spki: &self.spki,
            key_algorithm: &self.key_algorithm,
            public_key: &self.public_key,
            name_sha1: self.name_sha1,
            key_sha1: self.key_sha1,
        }
    }

    /// The DER of the issuer's subject Name.
    pub fn name_der(&self) -> &[u8] {
        &self.name
    }

    /// The DER of the issuer's `SubjectPublicKeyInfo`.
    pub fn spki_der(&self) -> &[u8] {
        &self.spki
    }

    /// The issuer's `subjectPublicKey` BIT STRING contents.
    pub fn public_key(&self) -> &[u8] {
        &self.public_key
    }

    /// The contents of the key's `AlgorithmIdentifier` SEQUENCE (what
    /// `SignatureVerificationAlgorithm::public_key_alg_id` is compared with).
    pub fn key_algorithm(&self) -> &[u8] {
        &self.key_algorithm
    }

    /// `issuerNameHash` under SHA-1, computed when built.
    pub fn name_sha1(&self) -> &[u8; 20] {
        &self.name_sha1
    }

    /// `issuerKeyHash` under SHA-1, computed when built: also the issuer's
    /// byKey `ResponderID` (RFC 6960 4.2.1).
    pub fn key_sha1(&self) -> &[u8; 20] {
        &self.key_sha1
    }

    /// SHA-256 of the issuer's whole `SubjectPublicKeyInfo` DER: the key's
    /// fingerprint (as HPKP pins name a key), which ocsp-verify's responder
    /// cache keys its entries by. Computed when built, so that an issuer
    /// prepared once is hashed once.
    pub fn spki_sha256(&self) -> [u8; 32] {
        self.spki_sha256
    }

    /// `issuerNameHash` under `alg`.
    pub fn name_hash(&self, alg: HashAlgorithm) -> Digest {
        self.as_borrowed().name_hash(alg)
    }

    /// `issuerKeyHash` under `alg`.
    pub fn key_hash(&self, alg: HashAlgorithm) -> Digest {
        self.as_borrowed().key_hash(alg)
    }

    /// The CertID of the certificate with this serial number (DER INTEGER
    /// content octets; see [`ocsp_types::serial_from_unsigned`] to build them
    /// from a magnitude).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidSerialNumber`] when `serial` is not minimal, non-empty
    /// INTEGER content octets.
    pub fn cert_id(&self, serial: &[u8], alg: HashAlgorithm) -> Result<CertId, Error> {
        self.as_borrowed().cert_id(serial, alg)
    }

    /// Whether both hashes of `cert_id` are this issuer's, under the CertID's
    /// own hash algorithm. The serial number is not looked at. The hashes are
    /// compared in constant time.
    ///
    /// # Errors
    ///
    /// [`Error::UnsupportedHashAlgorithm`] and [`Error::InvalidHashParameters`]
    /// for a `hashAlgorithm` this crate cannot compute.
    pub fn matches(&self, cert_id: &CertIdRef<'_>) -> Result<bool, Error> {
        self.as_borrowed().matches(cert_id)
    }
}

/// [`PreparedIssuer`] without the copies: the issuer's subject Name DER and
/// key, borrowed from the caller's certificate or trust anchor, with their
/// SHA-1 hashes computed once when built. This is what a verifier uses on
/// its hot path (no allocation).
///
/// ```
/// # fn main() -> Result<(), ocsp_request::Error> {
/// use ocsp_request::{HashAlgorithm, PreparedIssuerRef};
/// # let name = include_bytes!("../tests/data/wikipedia-issuer-name.der");
/// # let spki = include_bytes!("../tests/data/wikipedia-issuer-spki.der");
/// let issuer = PreparedIssuerRef::from_name_and_spki(name, spki)?;
/// assert_eq!(issuer.key_hash(HashAlgorithm::Sha1).as_bytes()[..4], [0x96, 0xde, 0x61, 0xf1]);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PreparedIssuerRef<'a> {
    name: &'a [u8],
    spki: &'a [u8],
    key_algorithm: &'a [u8],
    public_key: &'a [u8],
    name_sha1: [u8; SHA1_LEN],
    key_sha1: [u8; SHA1_LEN],
}

impl<'a> PreparedIssuerRef<'a> {
    /// From the issuer's DER certificate.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidIssuerCertificate`] when it is not a DER X.509
    /// certificate.
    pub fn from_certificate(issuer_der: &'a [u8]) -> Result<Self, Error> {
        let parts = CertificateParts::parse(issuer_der, Role::Issuer)?;
        Ok(Self::from_parsed(
            parts.cert.subject(),
            parts.cert.subject_public_key_info(),
        ))
    }

    /// From the DER of the issuer's subject Name and of its
    /// `SubjectPublicKeyInfo`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidIssuerName`] or [`Error::InvalidIssuerKey`] when they
    /// are not DER.
    pub fn from_name_and_spki(name_der: &'a [u8], spki_der: &'a [u8]) -> Result<Self, Error> {
        let name = NameRef::parse(name_der).map_err(Error::InvalidIssuerName)?;
        let spki = SubjectPublicKeyInfoRef::parse(spki_der).map_err(Error::InvalidIssuerKey)?;
        Ok(Self::from_parsed(name, spki))
    }

    /// From the issuer's subject Name and SubjectPublicKeyInfo, already
    /// parsed by the caller. Hashes both under SHA-1.
    pub fn from_parsed(name: NameRef<'a>, spki: SubjectPublicKeyInfoRef<'a>) -> Self {
        let public_key = spki.subject_public_key();
        PreparedIssuerRef {
            name: name.as_der(),
            spki: spki.as_der(),
            key_algorithm: spki.algorithm().contents(),
            public_key,
            name_sha1: sha1(name.as_der()),
            key_sha1: sha1(public_key),
        }
    }

    /// Copies into a [`PreparedIssuer`]: the SHA-1 hashes are copied, the
    /// SHA-256 of the `SubjectPublicKeyInfo` computed.
    pub fn to_owned(&self) -> PreparedIssuer {
        PreparedIssuer {
            name: self.name.to_vec(),
            spki: self.spki.to_vec(),
            key_algorithm: self.key_algorithm.to_vec(),
            public_key: self.public_key.to_vec(),
            name_sha1: self.name_sha1,
            key_sha1: self.key_sha1,
            spki_sha256: digest_array(HashAlgorithm::Sha256, self.spki),
        }
    }

    /// The DER of the issuer's subject Name.
    pub fn name_der(&self) -> &'a [u8] {
        self.name
    }

    /// The DER of the issuer's `SubjectPublicKeyInfo`.
    pub fn spki_der(&self) -> &'a [u8] {
        self.spki
    }

    /// The issuer's `subjectPublicKey` BIT STRING contents.
    pub fn public_key(&self) -> &'a [u8] {
        self.public_key
    }

    /// The contents of the key's `AlgorithmIdentifier` SEQUENCE.
    pub fn key_algorithm(&self) -> &'a [u8] {
        self.key_algorithm
    }

    /// `issuerNameHash` under SHA-1, computed when built.
    pub fn name_sha1(&self) -> &[u8; 20] {
        &self.name_sha1
    }

    /// `issuerKeyHash` under SHA-1, computed when built: also the issuer's
    /// byKey `ResponderID` (RFC 6960 4.2.1).
    pub fn key_sha1(&self) -> &[u8; 20] {
        &self.key_sha1
    }

    /// SHA-256 of the issuer's whole `SubjectPublicKeyInfo` DER, computed
    /// on each call ([`PreparedIssuer::spki_sha256`] keeps it).
    pub fn spki_sha256(&self) -> [u8; 32] {
        digest_array(HashAlgorithm::Sha256, self.spki)
    }

    /// `issuerNameHash` under `alg`.
    pub fn name_hash(&self, alg: HashAlgorithm) -> Digest {
        alg.digest(self.name)
    }

    /// `issuerKeyHash` under `alg`.
    pub fn key_hash(&self, alg: HashAlgorithm) -> Digest {
        alg.digest(self.public_key)
    }

    /// The CertID of the certificate with this serial number (DER INTEGER
    /// content octets).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidSerialNumber`] when `serial` is not minimal, non-empty
    /// INTEGER content octets.
    pub fn cert_id(&self, serial: &[u8], alg: HashAlgorithm) -> Result<CertId, Error> {
        serial::check(serial)?;
        Ok(self.cert_id_unchecked(serial, alg))
    }

    /// The CertID for a serial number already checked.
    pub(crate) fn cert_id_unchecked(&self, serial: &[u8], alg: HashAlgorithm) -> CertId {
        let (name_hash, key_hash) = (self.name_hash(alg), self.key_hash(alg));
        CertId {
            hash_algorithm: alg.algorithm_identifier(),
            issuer_name_hash: name_hash.as_bytes().to_vec(),
            issuer_key_hash: key_hash.as_bytes().to_vec(),
            serial_number: serial.to_vec(),
        }
    }

    /// Whether both hashes of `cert_id` are this issuer's, under the CertID's
    /// own hash algorithm (see [`PreparedIssuer::matches`]). Under SHA-1 the
    /// hashes computed when built are used.
    ///
    /// # Errors
    ///
    /// [`Error::UnsupportedHashAlgorithm`] and [`Error::InvalidHashParameters`]
    /// for a `hashAlgorithm` this crate cannot compute.
    pub fn matches(&self, cert_id: &CertIdRef<'_>) -> Result<bool, Error> {
        let alg = HashAlgorithm::from_algorithm_identifier(&cert_id.hash_algorithm())?;
        if alg == HashAlgorithm::Sha1 {
            return Ok(hashes_match(&self.name_sha1, &self.key_sha1, cert_id));
        }
        Ok(hashes_match(
            self.name_hash(alg).as_bytes(),
            self.key_hash(alg).as_bytes(),
            cert_id,
        ))
    }
}

fn sha1(data: &[u8]) -> [u8; SHA1_LEN] {
    digest_array(HashAlgorithm::Sha1, data)
}

/// `alg`'s digest of `data`, whose length is `N`.
fn digest_array<const N: usize>(alg: HashAlgorithm, data: &[u8]) -> [u8; N] {
    let mut out = [0; N];
    for (o, d) in out.iter_mut().zip(alg.digest(data).as_bytes()) {
        *o = *d;
    }
    out
}

/// Whether the CertID's two hashes are `name_hash` and `key_hash`, compared
/// in constant time (both, whatever the first gives).
fn hashes_match(name_hash: &[u8], key_hash: &[u8], cert_id: &CertIdRef<'_>) -> bool {
    let name = ct_eq(name_hash, cert_id.issuer_name_hash());
    let key = ct_eq(key_hash, cert_id.issuer_key_hash());
    name & key
}

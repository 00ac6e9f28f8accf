//! The issuer half of a CertID: the Name and key that get hashed.

use alloc::vec::Vec;

use ocsp_types::{CertId, CertIdRef, NameRef, SubjectPublicKeyInfoRef};

use crate::certificate::{public_key_bits, CertificateParts, Role};
use crate::hash::{ct_eq, Digest, HashAlgorithm};
use crate::serial;
use crate::Error;

/// The issuer's subject Name DER and public key, from which
/// `issuerNameHash` and `issuerKeyHash` are computed under any
/// [`HashAlgorithm`], when needed.
///
/// * `issuerNameHash` is the hash of the DER of the issuer's subject Name,
///   exactly as encoded in the issuer certificate;
/// * `issuerKeyHash` is the hash of the issuer's `subjectPublicKey` BIT
///   STRING contents (no tag, length or unused-bits octet).
///
/// ```
/// # fn main() -> Result<(), ocsp_request::Error> {
/// use ocsp_request::{HashAlgorithm, IssuerHashes};
/// # let name = include_bytes!("../tests/data/wikipedia-issuer-name.der");
/// # let spki = include_bytes!("../tests/data/wikipedia-issuer-spki.der");
/// let issuer = IssuerHashes::from_name_and_spki(name, spki)?;
/// let id = issuer.cert_id(&[0x10, 0xe6, 0xfc, 0x62, 0xb7, 0x41, 0x8a, 0xd5, 0x00, 0x5e, 0x45, 0xb6],
///                         HashAlgorithm::Sha1)?;
/// assert_eq!(id.issuer_key_hash[..4], [0x96, 0xde, 0x61, 0xf1]);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IssuerHashes {
    name: Vec<u8>,
    public_key: Vec<u8>,
}

impl IssuerHashes {
    /// From the issuer's DER certificate.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidIssuerCertificate`] when it is not a DER X.509
    /// certificate.
    pub fn from_certificate(issuer_der: &[u8]) -> Result<Self, Error> {
        Ok(IssuerHashesRef::from_certificate(issuer_der)?.to_owned())
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
        Ok(IssuerHashesRef::from_name_and_spki(name_der, spki_der)?.to_owned())
    }

    /// The DER of the issuer's subject Name.
    pub fn name_der(&self) -> &[u8] {
        &self.name
    }

    /// The issuer's `subjectPublicKey` BIT STRING contents.
    pub fn public_key(&self) -> &[u8] {
        &self.public_key
    }

    /// The same issuer, borrowed.
    pub fn as_borrowed(&self) -> IssuerHashesRef<'_> {
        IssuerHashesRef {
            name: &self.name,
            public_key: &self.public_key,
        }
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

/// [`IssuerHashes`] without the copies: the issuer's subject Name DER and
/// public key, borrowed from the caller's certificate or trust anchor. This
/// is what a verifier uses on its hot path (no allocation).
///
/// ```
/// # fn main() -> Result<(), ocsp_request::Error> {
/// use ocsp_request::{HashAlgorithm, IssuerHashesRef};
/// # let name = include_bytes!("../tests/data/wikipedia-issuer-name.der");
/// # let spki = include_bytes!("../tests/data/wikipedia-issuer-spki.der");
/// let issuer = IssuerHashesRef::from_name_and_spki(name, spki)?;
/// assert_eq!(issuer.key_hash(HashAlgorithm::Sha1).as_bytes()[..4], [0x96, 0xde, 0x61, 0xf1]);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IssuerHashesRef<'a> {
    name: &'a [u8],
    public_key: &'a [u8],
}

impl<'a> IssuerHashesRef<'a> {
    /// From the issuer's DER certificate.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidIssuerCertificate`] when it is not a DER X.509
    /// certificate.
    pub fn from_certificate(issuer_der: &'a [u8]) -> Result<Self, Error> {
        let parts = CertificateParts::parse(issuer_der, Role::Issuer)?;
        Ok(Self::from_parts(&parts))
    }

    pub(crate) fn from_parts(parts: &CertificateParts<'a>) -> Self {
        IssuerHashesRef {
            name: parts.subject,
            public_key: parts.public_key,
        }
    }

    /// From the DER of the issuer's subject Name and of its
    /// `SubjectPublicKeyInfo`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidIssuerName`] or [`Error::InvalidIssuerKey`] when they
    /// are not DER.
    pub fn from_name_and_spki(name_der: &'a [u8], spki_der: &'a [u8]) -> Result<Self, Error> {
        NameRef::parse(name_der).map_err(Error::InvalidIssuerName)?;
        let public_key = public_key_bits(spki_der).map_err(Error::InvalidIssuerKey)?;
        Ok(IssuerHashesRef {
            name: name_der,
            public_key,
        })
    }

    /// From the issuer's subject Name and SubjectPublicKeyInfo, already
    /// parsed by the caller.
    pub fn from_parsed(name: ocsp_types::NameRef<'a>, spki: SubjectPublicKeyInfoRef<'a>) -> Self {
        IssuerHashesRef {
            name: name.as_der(),
            public_key: spki.subject_public_key(),
        }
    }

    /// Copies into an [`IssuerHashes`].
    pub fn to_owned(&self) -> IssuerHashes {
        IssuerHashes {
            name: self.name.to_vec(),
            public_key: self.public_key.to_vec(),
        }
    }

    /// The DER of the issuer's subject Name.
    pub fn name_der(&self) -> &'a [u8] {
        self.name
    }

    /// The issuer's `subjectPublicKey` BIT STRING contents.
    pub fn public_key(&self) -> &'a [u8] {
        self.public_key
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
        Ok(CertId {
            hash_algorithm: alg.algorithm_identifier(),
            issuer_name_hash: self.name_hash(alg).as_bytes().to_vec(),
            issuer_key_hash: self.key_hash(alg).as_bytes().to_vec(),
            serial_number: serial.to_vec(),
        })
    }

    /// Whether both hashes of `cert_id` are this issuer's, under the CertID's
    /// own hash algorithm (see [`IssuerHashes::matches`]).
    ///
    /// # Errors
    ///
    /// [`Error::UnsupportedHashAlgorithm`] and [`Error::InvalidHashParameters`]
    /// for a `hashAlgorithm` this crate cannot compute.
    pub fn matches(&self, cert_id: &CertIdRef<'_>) -> Result<bool, Error> {
        let alg = HashAlgorithm::from_algorithm_identifier(&cert_id.hash_algorithm())?;
        Ok(hashes_match(
            &self.name_hash(alg),
            &self.key_hash(alg),
            cert_id,
        ))
    }
}

/// Whether the CertID's two hashes are `name_hash` and `key_hash`, compared
/// in constant time (both, whatever the first gives).
pub(crate) fn hashes_match(name_hash: &Digest, key_hash: &Digest, cert_id: &CertIdRef<'_>) -> bool {
    let name = ct_eq(name_hash.as_bytes(), cert_id.issuer_name_hash());
    let key = ct_eq(key_hash.as_bytes(), cert_id.issuer_key_hash());
    name & key
}

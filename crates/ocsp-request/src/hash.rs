//! The CertID hash algorithms and a constant-time digest comparison.

use core::fmt;
use core::str::FromStr;

use alloc::string::ToString;
use ocsp_types::{oid, AlgorithmIdentifier, AlgorithmIdentifierRef, ObjectIdentifier};
use sha1::Digest as _;

use crate::Error;

/// A hash algorithm for `CertID.issuerNameHash` and `issuerKeyHash`.
///
/// SHA-1 is the default: it is what RFC 5019 clients send and what every
/// responder answers. The hash only names the issuer; its collision
/// resistance is not what protects the response (the signature is).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum HashAlgorithm {
    /// SHA-1 (`id-sha1`, 1.3.14.3.2.26).
    #[default]
    Sha1,
    /// SHA-256 (2.16.840.1.101.3.4.2.1).
    Sha256,
    /// SHA-384 (2.16.840.1.101.3.4.2.2).
    Sha384,
    /// SHA-512 (2.16.840.1.101.3.4.2.3).
    Sha512,
}

impl HashAlgorithm {
    /// All supported algorithms.
    pub const ALL: [HashAlgorithm; 4] = [
        HashAlgorithm::Sha1,
        HashAlgorithm::Sha256,
        HashAlgorithm::Sha384,
        HashAlgorithm::Sha512,
    ];

    /// The algorithm's OID.
    pub fn oid(self) -> ObjectIdentifier {
        match self {
            HashAlgorithm::Sha1 => oid::SHA1,
            HashAlgorithm::Sha256 => oid::SHA256,
            HashAlgorithm::Sha384 => oid::SHA384,
            HashAlgorithm::Sha512 => oid::SHA512,
        }
    }

    /// The lowercase name: `sha1`, `sha256`, `sha384` or `sha512`.
    pub fn name(self) -> &'static str {
        match self {
            HashAlgorithm::Sha1 => "sha1",
            HashAlgorithm::Sha256 => "sha256",
            HashAlgorithm::Sha384 => "sha384",
            HashAlgorithm::Sha512 => "sha512",
        }
    }

    /// The digest length in octets.
    pub fn output_len(self) -> usize {
        match self {
            HashAlgorithm::Sha1 => 20,
            HashAlgorithm::Sha256 => 32,
            HashAlgorithm::Sha384 => 48,
            HashAlgorithm::Sha512 => 64,
        }
    }

    /// Looks an algorithm up by name: `sha1`, `sha256`, `sha384`, `sha512`,
    /// in any case, with or without a hyphen (`SHA-256`).
    ///
    /// ```
    /// use ocsp_request::{Error, HashAlgorithm};
    /// assert_eq!(HashAlgorithm::from_name("SHA-256")?, HashAlgorithm::Sha256);
    /// assert!(matches!(HashAlgorithm::from_name("md5"), Err(Error::UnknownHashName(_))));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn from_name(name: &str) -> Result<Self, Error> {
        let eq = |canonical: &str, hyphenated: &str| {
            name.eq_ignore_ascii_case(canonical) || name.eq_ignore_ascii_case(hyphenated)
        };
        if eq("sha1", "sha-1") {
            Ok(HashAlgorithm::Sha1)
        } else if eq("sha256", "sha-256") {
            Ok(HashAlgorithm::Sha256)
        } else if eq("sha384", "sha-384") {
            Ok(HashAlgorithm::Sha384)
        } else if eq("sha512", "sha-512") {
            Ok(HashAlgorithm::Sha512)
        } else {
            Err(Error::UnknownHashName(name.to_string()))
        }
    }

    /// The algorithm with this OID, if it is one of the four.
    pub fn from_oid(oid: ocsp_types::Oid<'_>) -> Option<Self> {
        Self::ALL.into_iter().find(|a| oid == a.oid())
    }

    /// Reads a CertID `hashAlgorithm`: one of the four OIDs, with absent or
    /// NULL parameters.
    ///
    /// # Errors
    ///
    /// [`Error::UnsupportedHashAlgorithm`] for another OID,
    /// [`Error::InvalidHashParameters`] for other parameters.
    pub fn from_algorithm_identifier(id: &AlgorithmIdentifierRef<'_>) -> Result<Self, Error> {
        let alg = Self::from_oid(id.oid())
            .ok_or_else(|| Error::UnsupportedHashAlgorithm(id.oid().to_object_identifier()))?;
        if !id.parameters_absent_or_null() {
            return Err(Error::InvalidHashParameters);
        }
        Ok(alg)
    }

    /// The `AlgorithmIdentifier` written in a CertID: the OID with NULL
    /// parameters, as OpenSSL writes it and responders expect.
    pub fn algorithm_identifier(self) -> AlgorithmIdentifier {
        AlgorithmIdentifier::with_null_parameters(self.oid())
    }

    /// Hashes `data`.
    pub fn digest(self, data: &[u8]) -> Digest {
        let mut out = Digest {
            bytes: [0; MAX_DIGEST_LEN],
            len: self.output_len(),
        };
        let target = out.bytes.iter_mut();
        match self {
            HashAlgorithm::Sha1 => copy(target, &sha1::Sha1::digest(data)),
            HashAlgorithm::Sha256 => copy(target, &sha2::Sha256::digest(data)),
            HashAlgorithm::Sha384 => copy(target, &sha2::Sha384::digest(data)),
            HashAlgorithm::Sha512 => copy(target, &sha2::Sha512::digest(data)),
        }
        out
    }
}

fn copy<'a>(target: impl Iterator<Item = &'a mut u8>, source: &[u8]) {
    for (t, s) in target.zip(source) {
        *t = *s;
    }
}

impl fmt::Display for HashAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for HashAlgorithm {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Self::from_name(s)
    }
}

const MAX_DIGEST_LEN: usize = 64;

/// A digest of one of the [`HashAlgorithm`]s, without allocation.
#[derive(Clone, Copy)]
pub struct Digest {
    bytes: [u8; MAX_DIGEST_LEN],
    len: usize,
}

impl Digest {
    /// The digest octets.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    /// Compares with `other` in constant time (for equal lengths).
    pub fn ct_eq(&self, other: &[u8]) -> bool {
        ct_eq(self.as_bytes(), other)
    }
}

impl AsRef<[u8]> for Digest {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Digest(")?;
        for b in self.as_bytes() {
            write!(f, "{b:02x}")?;
        }
        f.write_str(")")
    }
}

impl PartialEq for Digest {
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other.as_bytes())
    }
}

impl Eq for Digest {}

/// Whether `a == b`, in time that depends only on the lengths.
///
/// Different lengths compare unequal at once (lengths are public: each hash
/// algorithm has one).
pub(crate) fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    core::hint::black_box(diff) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn ct_eq_basics() {
        assert!(ct_eq(b"", b""));
        assert!(ct_eq(b"abc", b"abc"));
        assert!(!ct_eq(b"abc", b"abd"));
        assert!(!ct_eq(b"abc", b"ab"));
    }

    #[test]
    fn lengths_and_known_answers() {
        for alg in HashAlgorithm::ALL {
            assert_eq!(alg.digest(b"").as_bytes().len(), alg.output_len());
            assert_eq!(HashAlgorithm::from_name(alg.name()), Ok(alg));
            assert_eq!(
                ocsp_types::Oid::from_contents(alg.oid().as_bytes())
                    .and_then(HashAlgorithm::from_oid),
                Some(alg)
            );
        }
        // SHA-1("abc")
        assert_eq!(
            format!("{:?}", HashAlgorithm::Sha1.digest(b"abc")),
            "Digest(a9993e364706816aba3e25717850c26c9cd0d89d)"
        );
    }
}

//! Signature checking through the caller's pluggable algorithms, the way
//! rustls-webpki does it.
//!
//! An algorithm is a candidate when its `signature_alg_id()` equals the
//! `signatureAlgorithm` (SEQUENCE contents, byte for byte) and its
//! `public_key_alg_id()` equals the signer's SubjectPublicKeyInfo algorithm;
//! every candidate is tried.
//! Algorithms outside the list (md2, md5, DSA, unknown OIDs) are refused by
//! name; nothing is ever verified with a guessed algorithm.

use core::fmt;

use rustls_pki_types::SignatureVerificationAlgorithm;

use crate::error::Error;
use ocsp_types::{der, ObjectIdentifier, SubjectPublicKeyInfoRef};

/// The signature algorithm OIDs (content octets) that hash with SHA-1.
const SHA1_SIGNATURES: &[&[u8]] = &[
    // sha1WithRSAEncryption 1.2.840.113549.1.1.5
    &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05],
    // ecdsa-with-SHA1 1.2.840.10045.4.1
    &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01],
    // id-dsa-with-sha1 1.2.840.10040.4.3
    &[0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x03],
    // sha1WithRSA (OIW) 1.3.14.3.2.29
    &[0x2b, 0x0e, 0x03, 0x02, 0x1d],
];

/// A signature to check: the algorithm that signed, the signed bytes (as
/// received) and the signature octets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Signed<'a> {
    /// `signatureAlgorithm` SEQUENCE contents.
    pub(crate) algorithm: &'a [u8],
    /// `signatureAlgorithm` OID content octets.
    pub(crate) algorithm_oid: &'a [u8],
    /// The exact signed bytes.
    pub(crate) message: &'a [u8],
    /// The signature.
    pub(crate) signature: &'a [u8],
}

/// A signer's public key, as the signature check uses it: the contents of
/// its `AlgorithmIdentifier` SEQUENCE, the `subjectPublicKey` octets, and
/// the whole `SubjectPublicKeyInfo` DER (read again only to name the key in
/// an error). Built from a parsed key or from a prepared issuer without a
/// parse.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SignerKey<'a> {
    algorithm: &'a [u8],
    public_key: &'a [u8],
    spki: &'a [u8],
}

impl<'a> From<&SubjectPublicKeyInfoRef<'a>> for SignerKey<'a> {
    fn from(spki: &SubjectPublicKeyInfoRef<'a>) -> Self {
        SignerKey {
            algorithm: spki.algorithm().contents(),
            public_key: spki.subject_public_key(),
            spki: spki.as_der(),
        }
    }
}

impl<'a> From<&ocsp_request::PreparedIssuerRef<'a>> for SignerKey<'a> {
    fn from(issuer: &ocsp_request::PreparedIssuerRef<'a>) -> Self {
        SignerKey {
            algorithm: issuer.key_algorithm(),
            public_key: issuer.public_key(),
            spki: issuer.spki_der(),
        }
    }
}

fn oid(bytes: &[u8]) -> Option<ObjectIdentifier> {
    ocsp_types::Oid::from_contents(bytes).and_then(|o| o.to_object_identifier())
}

/// Checks that the algorithm is acceptable at all (in the list, and not a
/// refused SHA-1 one), before any key is looked at.
pub(crate) fn check_algorithm(
    algorithms: &[&dyn SignatureVerificationAlgorithm],
    signed: &Signed<'_>,
    allow_sha1: bool,
) -> Result<(), Error> {
    if !allow_sha1 && SHA1_SIGNATURES.contains(&signed.algorithm_oid) {
        return Err(Error::Sha1SignatureRefused {
            oid: oid(signed.algorithm_oid),
        });
    }
    if algorithms
        .iter()
        .any(|a| a.signature_alg_id().as_ref() == signed.algorithm)
    {
        Ok(())
    } else {
        Err(Error::UnsupportedSignatureAlgorithm {
            oid: oid(signed.algorithm_oid),
        })
    }
}

/// Verifies `signed` under `key`. The error for a bad signature is
/// `bad_signature` (the caller names what was signed).
///
/// Every algorithm of the list whose identifiers both match is tried, as
/// rustls-webpki's `verify_signed_data` tries every one whose signature
/// identifier matches. Unlike rustls-webpki 0.103, which stops at the first
/// bad signature, a failure under one does not end the search: algorithms
/// with the same identifiers differ only in the keys they take (e.g.
/// `RSA_PKCS1_3072_8192_SHA384` and `RSA_PKCS1_2048_8192_SHA384`), so with
/// both listed a 2048-bit key verifies whichever comes first. The cost is
/// bounded by the caller's list.
pub(crate) fn verify(
    algorithms: &[&dyn SignatureVerificationAlgorithm],
    signed: &Signed<'_>,
    key: &SignerKey<'_>,
    allow_sha1: bool,
    bad_signature: Error,
) -> Result<(), Error> {
    check_algorithm(algorithms, signed, allow_sha1)?;
    let key_algorithm = key.algorithm;
    let mut candidates = algorithms
        .iter()
        .filter(|a| {
            a.signature_alg_id().as_ref() == signed.algorithm
                && a.public_key_alg_id().as_ref() == key_algorithm
        })
        .peekable();
    if candidates.peek().is_none() {
        return Err(unsupported_for_key(algorithms, signed, key));
    }
    if candidates.any(|a| {
        a.verify_signature(key.public_key, signed.message, signed.signature)
            .is_ok()
    }) {
        Ok(())
    } else {
        Err(bad_signature)
    }
}

/// Why no algorithm fits: the key is one no algorithm of the list takes at
/// all (named, e.g. a P-521 key), or the list takes it, but not with this
/// signature algorithm (an ECDSA signature from an RSA key).
fn unsupported_for_key(
    algorithms: &[&dyn SignatureVerificationAlgorithm],
    signed: &Signed<'_>,
    key: &SignerKey<'_>,
) -> Error {
    // The key was parsed when the signer was found (or the issuer
    // prepared); read again here, on the error path only, to name it.
    let parsed = SubjectPublicKeyInfoRef::parse(key.spki).ok();
    if algorithms
        .iter()
        .any(|a| a.public_key_alg_id().as_ref() == key.algorithm)
    {
        Error::UnsupportedSignatureAlgorithmForKey {
            signature: oid(signed.algorithm_oid),
            key: parsed.and_then(|k| k.algorithm().oid().to_object_identifier()),
        }
    } else {
        Error::UnsupportedPublicKey {
            key: parsed.map_or(
                PublicKeyType {
                    algorithm: None,
                    parameter: None,
                },
                |k| PublicKeyType::of(&k),
            ),
        }
    }
}

/// The type of a public key, as its SubjectPublicKeyInfo algorithm says:
/// the key algorithm and, for elliptic-curve keys, the named curve. Shown by
/// its usual name (`P-521`, `Ed25519`, `ML-DSA-65`, ...) when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKeyType {
    /// The key algorithm, when it fits in [`ObjectIdentifier`].
    pub algorithm: Option<ObjectIdentifier>,
    /// The parameters when they are an OID (the named curve of an EC key).
    pub parameter: Option<ObjectIdentifier>,
}

impl PublicKeyType {
    fn of(key: &SubjectPublicKeyInfoRef<'_>) -> Self {
        let parameter = key
            .algorithm()
            .parameters()
            .and_then(|p| der::read_single(p, der::tag::OID, "parameters").ok())
            .and_then(|named_curve| oid(named_curve.value));
        PublicKeyType {
            algorithm: key.algorithm().oid().to_object_identifier(),
            parameter,
        }
    }

    /// The usual name of the key type, if it has one.
    pub fn name(&self) -> Option<&'static str> {
        let algorithm = self.algorithm.as_ref()?.as_bytes();
        let parameter = self.parameter.as_ref().map(ObjectIdentifier::as_bytes);
        KEY_NAMES
            .iter()
            .find(|(a, p, _)| *a == algorithm && (p.is_none() || *p == parameter))
            .map(|(_, _, name)| *name)
    }
}

impl fmt::Display for PublicKeyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(name) = self.name() {
            return f.write_str(name);
        }
        match &self.algorithm {
            Some(oid) => write!(f, "{oid}")?,
            None => f.write_str("(OID too long to show)")?,
        }
        match &self.parameter {
            Some(parameter) => write!(f, " ({parameter})"),
            None => Ok(()),
        }
    }
}

/// "a P-521", "an Ed25519", "an ML-DSA-65", "an RSA": the key type with its
/// indefinite article, for the error message.
pub(crate) struct WithArticle<'a>(pub(crate) &'a PublicKeyType);

impl fmt::Display for WithArticle<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Names are read out letter by letter (RSA, ML-DSA) or start with a
        // vowel (Ed25519): "an" before the letters whose name does.
        let an = self
            .0
            .name()
            .and_then(|name| name.chars().next())
            .is_some_and(|c| "AEFHILMNORSX".contains(c));
        let article = if an { "an" } else { "a" };
        write!(f, "{article} {}", self.0)
    }
}

// The contents (DER, without tag and length) of the key algorithm and curve
// OIDs that `KEY_NAMES` names.
const RSA_ENCRYPTION: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const RSASSA_PSS: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a];
const EC_PUBLIC_KEY: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const SECP256R1: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const SECP384R1: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x22];
const SECP521R1: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x23];
const SECP256K1: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x0a];
const ED25519: &[u8] = &[0x2b, 0x65, 0x70];
const ED448: &[u8] = &[0x2b, 0x65, 0x71];
const DSA: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01];
const ML_DSA_44: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x11];
const ML_DSA_65: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x12];
const ML_DSA_87: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x13];

/// Key algorithm OID, parameter OID (`None`: any), name; the first match wins.
#[allow(clippy::type_complexity)]
const KEY_NAMES: &[(&[u8], Option<&[u8]>, &str)] = &[
    (RSA_ENCRYPTION, None, "RSA"),
    (RSASSA_PSS, None, "RSASSA-PSS"),
    (EC_PUBLIC_KEY, Some(SECP256R1), "P-256"),
    (EC_PUBLIC_KEY, Some(SECP384R1), "P-384"),
    (EC_PUBLIC_KEY, Some(SECP521R1), "P-521"),
    (EC_PUBLIC_KEY, Some(SECP256K1), "secp256k1"),
    (ED25519, None, "Ed25519"),
    (ED448, None, "Ed448"),
    (DSA, None, "DSA"),
    (ML_DSA_44, None, "ML-DSA-44"),
    (ML_DSA_65, None, "ML-DSA-65"),
    (ML_DSA_87, None, "ML-DSA-87"),
];

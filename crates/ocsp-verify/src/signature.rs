//! Signature checking through the caller's pluggable algorithms, the way
//! rustls-webpki does it.
//!
//! An algorithm is chosen when its `signature_alg_id()` equals the
//! `signatureAlgorithm` (SEQUENCE contents, byte for byte) and its
//! `public_key_alg_id()` equals the signer's SubjectPublicKeyInfo algorithm.
//! Algorithms outside the list (md2, md5, DSA, unknown OIDs) are refused by
//! name; nothing is ever verified with a guessed algorithm.

use rustls_pki_types::SignatureVerificationAlgorithm;

use crate::error::Error;
use ocsp_types::SubjectPublicKeyInfoRef;

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

fn oid(bytes: &[u8]) -> Option<ocsp_types::ObjectIdentifier> {
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
pub(crate) fn verify(
    algorithms: &[&dyn SignatureVerificationAlgorithm],
    signed: &Signed<'_>,
    key: &SubjectPublicKeyInfoRef<'_>,
    allow_sha1: bool,
    bad_signature: Error,
) -> Result<(), Error> {
    check_algorithm(algorithms, signed, allow_sha1)?;
    let algorithm = algorithms
        .iter()
        .find(|a| {
            a.signature_alg_id().as_ref() == signed.algorithm
                && a.public_key_alg_id().as_ref() == key.algorithm().contents()
        })
        .ok_or_else(|| Error::UnsupportedSignatureAlgorithmForKey {
            signature: oid(signed.algorithm_oid),
            key: key.algorithm().oid().to_object_identifier(),
        })?;
    algorithm
        .verify_signature(key.subject_public_key(), signed.message, signed.signature)
        .map_err(|_| bad_signature)
}

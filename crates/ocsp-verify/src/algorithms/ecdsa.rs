//! ECDSA signatures (FIPS 186-4, RFC 5758 identifiers) on P-256, P-384 and
//! P-521, with SHA-256, SHA-384 or SHA-512, the signature a DER
//! `Ecdsa-Sig-Value`.
//!
//! Every curve goes with every hash, as in rustls's aws-lc-rs provider
//! (rustls-webpki `aws_lc_rs_algs`): the hash is named by the
//! `signatureAlgorithm`, the curve by the key, and a CA is free to pair them.
//! A digest longer than the curve order is truncated to its leftmost bits
//! (FIPS 186-4 6.4), which the `ecdsa` crate's prehash verification does.

use p256::ecdsa::signature::hazmat::PrehashVerifier;
use rustls_pki_types::{alg_id, AlgorithmIdentifier, InvalidSignature};
use sha2::{Digest, Sha256, Sha384, Sha512};

use super::Signed;

/// The curve of an ECDSA algorithm.
#[derive(Debug, Clone, Copy)]
pub(super) enum Curve {
    P256,
    P384,
    P521,
}

impl Curve {
    /// The key's identifier (`id-ecPublicKey` with the curve, RFC 5480).
    pub(super) fn alg_id(self) -> AlgorithmIdentifier {
        match self {
            Curve::P256 => alg_id::ECDSA_P256,
            Curve::P384 => alg_id::ECDSA_P384,
            Curve::P521 => alg_id::ECDSA_P521,
        }
    }
}

/// The hash of an ECDSA algorithm.
#[derive(Debug, Clone, Copy)]
pub(super) enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    /// The signature's identifier (`ecdsa-with-SHA*`, RFC 5758).
    pub(super) fn alg_id(self) -> AlgorithmIdentifier {
        match self {
            Hash::Sha256 => alg_id::ECDSA_SHA256,
            Hash::Sha384 => alg_id::ECDSA_SHA384,
            Hash::Sha512 => alg_id::ECDSA_SHA512,
        }
    }
}

/// An ECDSA signature algorithm: a curve with a hash.
#[derive(Debug)]
pub(super) struct Ecdsa {
    pub(super) curve: Curve,
    pub(super) hash: Hash,
}

/// Verifies a DER signature over `prehash` under a SEC1-encoded point.
macro_rules! verify_on {
    ($curve:ident, $public_key:expr, $prehash:expr, $signature:expr) => {{
        let key = $curve::ecdsa::VerifyingKey::from_sec1_bytes($public_key)
            .map_err(|_| InvalidSignature)?;
        let sig = $curve::ecdsa::Signature::from_der($signature).map_err(|_| InvalidSignature)?;
        key.verify_prehash($prehash, &sig)
            .map_err(|_| InvalidSignature)
    }};
}

impl Ecdsa {
    pub(super) fn verify(&self, signed: Signed<'_>) -> Result<(), InvalidSignature> {
        let Signed {
            public_key,
            message,
            signature,
        } = signed;
        let h256;
        let h384;
        let h512;
        let prehash: &[u8] = match self.hash {
            Hash::Sha256 => {
                h256 = Sha256::digest(message);
                &h256
            }
            Hash::Sha384 => {
                h384 = Sha384::digest(message);
                &h384
            }
            Hash::Sha512 => {
                h512 = Sha512::digest(message);
                &h512
            }
        };
        match self.curve {
            Curve::P256 => verify_on!(p256, public_key, prehash, signature),
            Curve::P384 => verify_on!(p384, public_key, prehash, signature),
            Curve::P521 => verify_on!(p521, public_key, prehash, signature),
        }
    }
}

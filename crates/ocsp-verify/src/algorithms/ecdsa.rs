//! ECDSA signatures (FIPS 186-4, RFC 5758 identifiers) on P-256 and P-384,
//! with SHA-256 or SHA-384, the signature a DER `Ecdsa-Sig-Value`.

use p256::ecdsa::signature::hazmat::PrehashVerifier;
use rustls_pki_types::{AlgorithmIdentifier, InvalidSignature, SignatureVerificationAlgorithm};
use sha2::{Digest, Sha256, Sha384};

/// The curve of an ECDSA algorithm.
#[derive(Debug, Clone, Copy)]
pub(super) enum Curve {
    P256,
    P384,
}

/// The hash of an ECDSA algorithm.
#[derive(Debug, Clone, Copy)]
pub(super) enum Hash {
    Sha256,
    Sha384,
}

/// An ECDSA signature algorithm.
#[derive(Debug)]
pub(super) struct Ecdsa {
    pub(super) public_key_alg_id: AlgorithmIdentifier,
    pub(super) signature_alg_id: AlgorithmIdentifier,
    pub(super) curve: Curve,
    pub(super) hash: Hash,
}

impl SignatureVerificationAlgorithm for Ecdsa {
    fn verify_signature(
        &self,
        public_key: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), InvalidSignature> {
        let h256;
        let h384;
        let prehash: &[u8] = match self.hash {
            Hash::Sha256 => {
                h256 = Sha256::digest(message);
                &h256
            }
            Hash::Sha384 => {
                h384 = Sha384::digest(message);
                &h384
            }
        };
        let result = match self.curve {
            Curve::P256 => {
                let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(public_key)
                    .map_err(|_| InvalidSignature)?;
                let sig =
                    p256::ecdsa::Signature::from_der(signature).map_err(|_| InvalidSignature)?;
                key.verify_prehash(prehash, &sig)
            }
            Curve::P384 => {
                let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(public_key)
                    .map_err(|_| InvalidSignature)?;
                let sig =
                    p384::ecdsa::Signature::from_der(signature).map_err(|_| InvalidSignature)?;
                key.verify_prehash(prehash, &sig)
            }
        };
        result.map_err(|_| InvalidSignature)
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        self.public_key_alg_id
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        self.signature_alg_id
    }
}

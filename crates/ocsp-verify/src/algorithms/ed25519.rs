//! Ed25519 signatures (RFC 8032 PureEdDSA, RFC 8410 identifiers): the key is
//! the 32-octet BIT STRING content, the signature the 64 octets of RFC 8032
//! 5.1.6, over the message itself (no pre-hash).

use rustls_pki_types::{
    alg_id, AlgorithmIdentifier, InvalidSignature, SignatureVerificationAlgorithm,
};

/// Ed25519.
#[derive(Debug)]
pub(super) struct Ed25519;

impl SignatureVerificationAlgorithm for Ed25519 {
    fn verify_signature(
        &self,
        public_key: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), InvalidSignature> {
        let key: &[u8; 32] = public_key.try_into().map_err(|_| InvalidSignature)?;
        let key = ed25519_dalek::VerifyingKey::from_bytes(key).map_err(|_| InvalidSignature)?;
        let signature =
            ed25519_dalek::Signature::from_slice(signature).map_err(|_| InvalidSignature)?;
        // `verify_strict` also refuses small-order keys and R points (which
        // no honest signer produces) besides a non-canonical S, which
        // ring and aws-lc (rustls-webpki) refuse too.
        key.verify_strict(message, &signature)
            .map_err(|_| InvalidSignature)
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        alg_id::ED25519
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        alg_id::ED25519
    }
}

//! Ed25519 signatures (RFC 8032 PureEdDSA, RFC 8410 identifiers): the key is
//! the 32-octet BIT STRING content, the signature the 64 octets of RFC 8032
//! 5.1.6, over the message itself (no pre-hash).

use rustls_pki_types::InvalidSignature;

use super::Signed;

/// Verifies an Ed25519 signature.
pub(super) fn verify(signed: Signed<'_>) -> Result<(), InvalidSignature> {
    let key: &[u8; 32] = signed.public_key.try_into().map_err(|_| InvalidSignature)?;
    let key = ed25519_dalek::VerifyingKey::from_bytes(key).map_err(|_| InvalidSignature)?;
    let signature =
        ed25519_dalek::Signature::from_slice(signed.signature).map_err(|_| InvalidSignature)?;
    // `verify_strict` also refuses small-order keys and R points (which
    // no honest signer produces) besides a non-canonical S, which
    // ring and aws-lc (rustls-webpki) refuse too.
    key.verify_strict(signed.message, &signature)
        .map_err(|_| InvalidSignature)
}

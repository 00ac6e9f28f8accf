//! ML-DSA signatures (FIPS 204) with the RFC 9881 identifiers
//! `id-ml-dsa-44/65/87`, parameters absent (feature `ml-dsa`).
//!
//! Pure ML-DSA (`ML-DSA.Verify`, FIPS 204 algorithm 3) with an empty
//! context string, over the signed bytes themselves (RFC 9881 section 3);
//! the public key is the raw BIT STRING content (`pkEncode`, RFC 9881
//! section 4), the signature the raw `sigEncode` octets. Lengths are fixed
//! per parameter set: anything else does not verify.

use ml_dsa::{
    EncodedSignature, EncodedVerifyingKey, MlDsa44, MlDsa65, MlDsa87, MlDsaParams, Signature,
    VerifyingKey,
};
use rustls_pki_types::{alg_id, AlgorithmIdentifier, InvalidSignature};

use super::Signed;

/// An ML-DSA parameter set; its identifier names both the key and the
/// signature algorithm (RFC 9881).
#[derive(Debug, Clone, Copy)]
pub(super) enum MlDsa {
    MlDsa44,
    MlDsa65,
    MlDsa87,
}

/// The empty context string of RFC 9881 section 3.
const CONTEXT: &[u8] = &[];

impl MlDsa {
    /// `id-ml-dsa-44/65/87`.
    pub(super) fn alg_id(self) -> AlgorithmIdentifier {
        match self {
            MlDsa::MlDsa44 => alg_id::ML_DSA_44,
            MlDsa::MlDsa65 => alg_id::ML_DSA_65,
            MlDsa::MlDsa87 => alg_id::ML_DSA_87,
        }
    }

    pub(super) fn verify(self, signed: Signed<'_>) -> Result<(), InvalidSignature> {
        match self {
            MlDsa::MlDsa44 => verify::<MlDsa44>(signed),
            MlDsa::MlDsa65 => verify::<MlDsa65>(signed),
            MlDsa::MlDsa87 => verify::<MlDsa87>(signed),
        }
    }
}

/// Verifies a signature under the parameter set `P`.
fn verify<P: MlDsaParams>(signed: Signed<'_>) -> Result<(), InvalidSignature> {
    let key =
        EncodedVerifyingKey::<P>::try_from(signed.public_key).map_err(|_| InvalidSignature)?;
    let key = VerifyingKey::<P>::decode(&key);
    let signature =
        EncodedSignature::<P>::try_from(signed.signature).map_err(|_| InvalidSignature)?;
    let signature = Signature::<P>::decode(&signature).ok_or(InvalidSignature)?;
    if key.verify_with_context(signed.message, CONTEXT, &signature) {
        Ok(())
    } else {
        Err(InvalidSignature)
    }
}

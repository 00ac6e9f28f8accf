//! ML-DSA signatures (FIPS 204) with the RFC 9881 identifiers
//! `id-ml-dsa-44/65/87`, parameters absent (feature `ml-dsa`).
//!
//! Pure ML-DSA (`ML-DSA.Verify`, FIPS 204 algorithm 3) with an empty
//! context string, over the signed bytes themselves (RFC 9881 section 3);
//! the public key is the raw BIT STRING content (`pkEncode`, RFC 9881
//! section 4), the signature the raw `sigEncode` octets. Lengths are fixed
//! per parameter set: anything else does not verify.

use core::marker::PhantomData;

use ml_dsa::{EncodedSignature, EncodedVerifyingKey, MlDsaParams, Signature, VerifyingKey};
use rustls_pki_types::{AlgorithmIdentifier, InvalidSignature, SignatureVerificationAlgorithm};

/// ML-DSA under the parameter set `P`; the identifier names both the key
/// and the signature algorithm (RFC 9881).
pub(super) struct MlDsa<P> {
    pub(super) alg_id: AlgorithmIdentifier,
    pub(super) parameter_set: PhantomData<P>,
}

impl<P> core::fmt::Debug for MlDsa<P> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("MlDsa")
            .field("alg_id", &self.alg_id)
            .finish()
    }
}

/// The empty context string of RFC 9881 section 3.
const CONTEXT: &[u8] = &[];

impl<P: MlDsaParams + Send + Sync> SignatureVerificationAlgorithm for MlDsa<P> {
    fn verify_signature(
        &self,
        public_key: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), InvalidSignature> {
        let key = EncodedVerifyingKey::<P>::try_from(public_key).map_err(|_| InvalidSignature)?;
        let key = VerifyingKey::<P>::decode(&key);
        let signature = EncodedSignature::<P>::try_from(signature).map_err(|_| InvalidSignature)?;
        let signature = Signature::<P>::decode(&signature).ok_or(InvalidSignature)?;
        if key.verify_with_context(message, CONTEXT, &signature) {
            Ok(())
        } else {
            Err(InvalidSignature)
        }
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        self.alg_id
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        self.alg_id
    }
}

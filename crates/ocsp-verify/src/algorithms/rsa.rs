//! RSA signatures: PKCS#1 v1.5 (RFC 8017 8.2) and PSS (RFC 8017 8.1, with the
//! RFC 4055 parameters hash = MGF1 hash, salt length = hash length).

use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Sign, Pss, PublicKey as RsaPublicKey};
use rustls_pki_types::{AlgorithmIdentifier, InvalidSignature};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};

use super::Signed;

/// The smallest modulus accepted, in bits (as rustls-webpki).
const MIN_MODULUS_BITS: usize = 2048;

/// The hash an RSA algorithm uses.
#[derive(Debug, Clone, Copy)]
pub(super) enum Hash {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

/// Padding.
#[derive(Debug, Clone, Copy)]
pub(super) enum Padding {
    Pkcs1,
    Pss,
}

/// An RSA signature algorithm.
#[derive(Debug)]
pub(super) struct Rsa {
    pub(super) signature_alg_id: AlgorithmIdentifier,
    pub(super) hash: Hash,
    pub(super) padding: Padding,
}

fn public_key(spk: &[u8]) -> Result<RsaPublicKey, InvalidSignature> {
    let key = RsaPublicKey::from_pkcs1_der(spk).map_err(|_| InvalidSignature)?;
    if (key.n().bit_width() as usize) < MIN_MODULUS_BITS {
        return Err(InvalidSignature);
    }
    Ok(key)
}

fn check<D: Digest + sha2::digest::const_oid::AssociatedOid + sha2::digest::FixedOutputReset>(
    key: &RsaPublicKey,
    padding: Padding,
    message: &[u8],
    signature: &[u8],
) -> Result<(), InvalidSignature> {
    let hashed = D::digest(message);
    let result = match padding {
        Padding::Pkcs1 => key.verify(Pkcs1v15Sign::new::<D>(), &hashed, signature),
        Padding::Pss => key.verify(Pss::<D>::new(), &hashed, signature),
    };
    result.map_err(|_| InvalidSignature)
}

impl Rsa {
    pub(super) fn verify(&self, signed: Signed<'_>) -> Result<(), InvalidSignature> {
        let Signed {
            public_key: public_key_bytes,
            message,
            signature,
        } = signed;
        let key = public_key(public_key_bytes)?;
        if signature.len() != key.size() {
            return Err(InvalidSignature);
        }
        match self.hash {
            Hash::Sha1 => check::<Sha1>(&key, self.padding, message, signature),
            Hash::Sha256 => check::<Sha256>(&key, self.padding, message, signature),
            Hash::Sha384 => check::<Sha384>(&key, self.padding, message, signature),
            Hash::Sha512 => check::<Sha512>(&key, self.padding, message, signature),
        }
    }
}

//! The pure-Rust signature algorithms (RustCrypto), behind the default
//! `rustcrypto` feature.
//!
//! A rustls user passes its crypto provider's list instead
//! (`provider.signature_verification_algorithms.all`) and needs none of
//! these. Each algorithm matches one exact `signatureAlgorithm` encoding:
//! PKCS#1 v1.5 identifiers with NULL parameters (and `_ABSENT_PARAMS`
//! variants without, as real responders send), ECDSA ones without
//! parameters (RFC 5758), PSS ones with the RFC 4055 parameters (hash
//! and MGF1 hash the same, salt length equal to the hash length), and
//! Ed25519 without parameters (RFC 8410).
//! RSA keys must be 2048 to 8192 bits.
//!
//! | family | keys | hashes | identifiers |
//! |---|---|---|---|
//! | RSA PKCS#1 v1.5 | 2048 to 8192 bits | SHA-1, SHA-256, SHA-384, SHA-512 | RFC 4055 (NULL or absent parameters) |
//! | RSASSA-PSS | 2048 to 8192 bits | SHA-256, SHA-384, SHA-512 | RFC 4055 |
//! | ECDSA | P-256, P-384, P-521 | SHA-256, SHA-384, SHA-512 (each curve with each hash, as rustls's aws-lc-rs provider) | RFC 5758, RFC 5480 |
//! | Ed25519 | | (PureEdDSA) | RFC 8410 |
//! | ML-DSA (feature `ml-dsa`) | ML-DSA-44, ML-DSA-65, ML-DSA-87 | (pure ML-DSA, empty context) | FIPS 204, RFC 9881 (parameters absent) |

mod ecdsa;
mod ed25519;
#[cfg(feature = "ml-dsa")]
mod ml_dsa;
mod rsa;

use rustls_pki_types::{
    alg_id, AlgorithmIdentifier, InvalidSignature, SignatureVerificationAlgorithm,
};

use self::ecdsa::{Curve, Ecdsa, Hash as EcdsaHash};
#[cfg(feature = "ml-dsa")]
use self::ml_dsa::MlDsa;
use self::rsa::{Hash as RsaHash, Padding, Rsa};

/// `sha1WithRSAEncryption` with NULL parameters (absent from
/// `rustls_pki_types::alg_id`): the SEQUENCE contents.
pub const RSA_PKCS1_SHA1_ALG_ID: AlgorithmIdentifier = AlgorithmIdentifier::from_slice(&[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05, 0x05, 0x00,
]);

/// The contents of a `sha*WithRSAEncryption` AlgorithmIdentifier without
/// parameters: the OID 1.2.840.113549.1.1.`last`.
const fn pkcs1_absent_params(last: u8) -> [u8; 11] {
    [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, last,
    ]
}
const SHA1_ABSENT: [u8; 11] = pkcs1_absent_params(0x05);
const SHA256_ABSENT: [u8; 11] = pkcs1_absent_params(0x0b);
const SHA384_ABSENT: [u8; 11] = pkcs1_absent_params(0x0c);
const SHA512_ABSENT: [u8; 11] = pkcs1_absent_params(0x0d);

/// `sha1WithRSAEncryption` with absent parameters.
pub const RSA_PKCS1_SHA1_ABSENT_PARAMS_ALG_ID: AlgorithmIdentifier =
    AlgorithmIdentifier::from_slice(&SHA1_ABSENT);
/// `sha256WithRSAEncryption` with absent parameters.
pub const RSA_PKCS1_SHA256_ABSENT_PARAMS_ALG_ID: AlgorithmIdentifier =
    AlgorithmIdentifier::from_slice(&SHA256_ABSENT);
/// `sha384WithRSAEncryption` with absent parameters.
pub const RSA_PKCS1_SHA384_ABSENT_PARAMS_ALG_ID: AlgorithmIdentifier =
    AlgorithmIdentifier::from_slice(&SHA384_ABSENT);
/// `sha512WithRSAEncryption` with absent parameters.
pub const RSA_PKCS1_SHA512_ABSENT_PARAMS_ALG_ID: AlgorithmIdentifier =
    AlgorithmIdentifier::from_slice(&SHA512_ABSENT);

/// What one verification is given: the signer's key (the BIT STRING
/// content of its SubjectPublicKeyInfo), the signed bytes, the signature.
#[derive(Clone, Copy)]
struct Signed<'a> {
    public_key: &'a [u8],
    message: &'a [u8],
    signature: &'a [u8],
}

/// One algorithm of this module: its family and that family's parameters.
#[derive(Debug)]
enum Algorithm {
    Rsa(Rsa),
    Ecdsa(Ecdsa),
    Ed25519,
    #[cfg(feature = "ml-dsa")]
    MlDsa(MlDsa),
}

impl Algorithm {
    /// The identifiers it matches: the key's, then the signature's.
    fn alg_ids(&self) -> (AlgorithmIdentifier, AlgorithmIdentifier) {
        match self {
            Algorithm::Rsa(rsa) => (alg_id::RSA_ENCRYPTION, rsa.signature_alg_id),
            Algorithm::Ecdsa(ecdsa) => (ecdsa.curve.alg_id(), ecdsa.hash.alg_id()),
            Algorithm::Ed25519 => (alg_id::ED25519, alg_id::ED25519),
            #[cfg(feature = "ml-dsa")]
            Algorithm::MlDsa(set) => (set.alg_id(), set.alg_id()),
        }
    }
}

impl SignatureVerificationAlgorithm for Algorithm {
    fn verify_signature(
        &self,
        public_key: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), InvalidSignature> {
        let signed = Signed {
            public_key,
            message,
            signature,
        };
        match self {
            Algorithm::Rsa(rsa) => rsa.verify(signed),
            Algorithm::Ecdsa(ecdsa) => ecdsa.verify(signed),
            Algorithm::Ed25519 => ed25519::verify(signed),
            #[cfg(feature = "ml-dsa")]
            Algorithm::MlDsa(set) => set.verify(signed),
        }
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        self.alg_ids().0
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        self.alg_ids().1
    }
}

/// RSA with `padding` and `hash` (PSS: for the message and MGF1, the salt as
/// long as the hash), matching `signature_alg_id`.
const fn rsa(signature_alg_id: AlgorithmIdentifier, hash: RsaHash, padding: Padding) -> Algorithm {
    Algorithm::Rsa(Rsa {
        signature_alg_id,
        hash,
        padding,
    })
}

/// RSA PKCS#1 v1.5 under `hash`, matching `signature_alg_id`.
const fn pkcs1(signature_alg_id: AlgorithmIdentifier, hash: RsaHash) -> Algorithm {
    rsa(signature_alg_id, hash, Padding::Pkcs1)
}

/// RSASSA-PSS under `hash`, matching `signature_alg_id`.
const fn pss(signature_alg_id: AlgorithmIdentifier, hash: RsaHash) -> Algorithm {
    rsa(signature_alg_id, hash, Padding::Pss)
}

/// ECDSA on `curve` with `hash`.
const fn ecdsa(curve: Curve, hash: EcdsaHash) -> Algorithm {
    Algorithm::Ecdsa(Ecdsa { curve, hash })
}

/// Declares each algorithm, with its attributes (documentation, `cfg`), as a
/// `pub static NAME: &dyn SignatureVerificationAlgorithm`.
macro_rules! algorithms {
    ($($(#[$attr:meta])* $name:ident = $algorithm:expr;)*) => {
        $(
            $(#[$attr])*
            pub static $name: &dyn SignatureVerificationAlgorithm = &$algorithm;
        )*
    };
}

algorithms! {
    /// RSA PKCS#1 v1.5 with SHA-1, parameters absent (RFC 4055 says NULL, but
    /// some responders, e.g. GlobalSign's in 2012, leave them out; rustls-webpki
    /// has the same `_ABSENT_PARAMS` variants for SHA-2).
    RSA_PKCS1_SHA1_ABSENT_PARAMS = pkcs1(RSA_PKCS1_SHA1_ABSENT_PARAMS_ALG_ID, RsaHash::Sha1);
    /// RSA PKCS#1 v1.5 with SHA-256, parameters absent.
    RSA_PKCS1_SHA256_ABSENT_PARAMS = pkcs1(RSA_PKCS1_SHA256_ABSENT_PARAMS_ALG_ID, RsaHash::Sha256);
    /// RSA PKCS#1 v1.5 with SHA-384, parameters absent.
    RSA_PKCS1_SHA384_ABSENT_PARAMS = pkcs1(RSA_PKCS1_SHA384_ABSENT_PARAMS_ALG_ID, RsaHash::Sha384);
    /// RSA PKCS#1 v1.5 with SHA-512, parameters absent.
    RSA_PKCS1_SHA512_ABSENT_PARAMS = pkcs1(RSA_PKCS1_SHA512_ABSENT_PARAMS_ALG_ID, RsaHash::Sha512);
    /// RSA PKCS#1 v1.5 with SHA-1 (still used by some OCSP responders; see
    /// [`crate::Policy::allow_sha1_signatures`]).
    RSA_PKCS1_SHA1 = pkcs1(RSA_PKCS1_SHA1_ALG_ID, RsaHash::Sha1);
    /// RSA PKCS#1 v1.5 with SHA-256.
    RSA_PKCS1_SHA256 = pkcs1(alg_id::RSA_PKCS1_SHA256, RsaHash::Sha256);
    /// RSA PKCS#1 v1.5 with SHA-384.
    RSA_PKCS1_SHA384 = pkcs1(alg_id::RSA_PKCS1_SHA384, RsaHash::Sha384);
    /// RSA PKCS#1 v1.5 with SHA-512.
    RSA_PKCS1_SHA512 = pkcs1(alg_id::RSA_PKCS1_SHA512, RsaHash::Sha512);
    /// RSASSA-PSS with SHA-256, MGF1-SHA-256, 32-byte salt.
    RSA_PSS_SHA256 = pss(alg_id::RSA_PSS_SHA256, RsaHash::Sha256);
    /// RSASSA-PSS with SHA-384, MGF1-SHA-384, 48-byte salt.
    RSA_PSS_SHA384 = pss(alg_id::RSA_PSS_SHA384, RsaHash::Sha384);
    /// RSASSA-PSS with SHA-512, MGF1-SHA-512, 64-byte salt.
    RSA_PSS_SHA512 = pss(alg_id::RSA_PSS_SHA512, RsaHash::Sha512);
    /// ECDSA on P-256 with SHA-256.
    ECDSA_P256_SHA256 = ecdsa(Curve::P256, EcdsaHash::Sha256);
    /// ECDSA on P-256 with SHA-384.
    ECDSA_P256_SHA384 = ecdsa(Curve::P256, EcdsaHash::Sha384);
    /// ECDSA on P-256 with SHA-512.
    ECDSA_P256_SHA512 = ecdsa(Curve::P256, EcdsaHash::Sha512);
    /// ECDSA on P-384 with SHA-256.
    ECDSA_P384_SHA256 = ecdsa(Curve::P384, EcdsaHash::Sha256);
    /// ECDSA on P-384 with SHA-384.
    ECDSA_P384_SHA384 = ecdsa(Curve::P384, EcdsaHash::Sha384);
    /// ECDSA on P-384 with SHA-512.
    ECDSA_P384_SHA512 = ecdsa(Curve::P384, EcdsaHash::Sha512);
    /// ECDSA on P-521 with SHA-256.
    ECDSA_P521_SHA256 = ecdsa(Curve::P521, EcdsaHash::Sha256);
    /// ECDSA on P-521 with SHA-384.
    ECDSA_P521_SHA384 = ecdsa(Curve::P521, EcdsaHash::Sha384);
    /// ECDSA on P-521 with SHA-512.
    ECDSA_P521_SHA512 = ecdsa(Curve::P521, EcdsaHash::Sha512);
    /// Ed25519 (RFC 8032 PureEdDSA, RFC 8410 identifiers).
    ED25519 = Algorithm::Ed25519;
    /// ML-DSA-44 (FIPS 204, RFC 9881; feature `ml-dsa`).
    #[cfg(feature = "ml-dsa")]
    ML_DSA_44 = Algorithm::MlDsa(MlDsa::MlDsa44);
    /// ML-DSA-65 (FIPS 204, RFC 9881; feature `ml-dsa`).
    #[cfg(feature = "ml-dsa")]
    ML_DSA_65 = Algorithm::MlDsa(MlDsa::MlDsa65);
    /// ML-DSA-87 (FIPS 204, RFC 9881; feature `ml-dsa`).
    #[cfg(feature = "ml-dsa")]
    ML_DSA_87 = Algorithm::MlDsa(MlDsa::MlDsa87);
}

/// Every algorithm of this module (with the ML-DSA ones when the `ml-dsa`
/// feature is on).
pub static ALL: &[&dyn SignatureVerificationAlgorithm] = &[
    RSA_PKCS1_SHA256,
    RSA_PKCS1_SHA384,
    RSA_PKCS1_SHA512,
    RSA_PKCS1_SHA1,
    RSA_PKCS1_SHA256_ABSENT_PARAMS,
    RSA_PKCS1_SHA384_ABSENT_PARAMS,
    RSA_PKCS1_SHA512_ABSENT_PARAMS,
    RSA_PKCS1_SHA1_ABSENT_PARAMS,
    RSA_PSS_SHA256,
    RSA_PSS_SHA384,
    RSA_PSS_SHA512,
    ECDSA_P256_SHA256,
    ECDSA_P256_SHA384,
    ECDSA_P256_SHA512,
    ECDSA_P384_SHA256,
    ECDSA_P384_SHA384,
    ECDSA_P384_SHA512,
    ECDSA_P521_SHA256,
    ECDSA_P521_SHA384,
    ECDSA_P521_SHA512,
    ED25519,
    #[cfg(feature = "ml-dsa")]
    ML_DSA_44,
    #[cfg(feature = "ml-dsa")]
    ML_DSA_65,
    #[cfg(feature = "ml-dsa")]
    ML_DSA_87,
];

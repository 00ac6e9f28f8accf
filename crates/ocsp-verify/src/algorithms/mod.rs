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

use rustls_pki_types::{alg_id, AlgorithmIdentifier, SignatureVerificationAlgorithm};

use self::ecdsa::{Curve, Ecdsa};
use self::ed25519::Ed25519;
use self::rsa::{Hash, Padding, Rsa};

/// `sha1WithRSAEncryption` with NULL parameters (absent from
/// `rustls_pki_types::alg_id`): the SEQUENCE contents.
pub const RSA_PKCS1_SHA1_ALG_ID: AlgorithmIdentifier = AlgorithmIdentifier::from_slice(&[
    0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05, 0x05, 0x00,
]);

/// `sha1WithRSAEncryption` with absent parameters.
pub const RSA_PKCS1_SHA1_ABSENT_PARAMS_ALG_ID: AlgorithmIdentifier =
    AlgorithmIdentifier::from_slice(&[
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05,
    ]);
/// `sha256WithRSAEncryption` with absent parameters.
pub const RSA_PKCS1_SHA256_ABSENT_PARAMS_ALG_ID: AlgorithmIdentifier =
    AlgorithmIdentifier::from_slice(&[
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b,
    ]);
/// `sha384WithRSAEncryption` with absent parameters.
pub const RSA_PKCS1_SHA384_ABSENT_PARAMS_ALG_ID: AlgorithmIdentifier =
    AlgorithmIdentifier::from_slice(&[
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c,
    ]);
/// `sha512WithRSAEncryption` with absent parameters.
pub const RSA_PKCS1_SHA512_ABSENT_PARAMS_ALG_ID: AlgorithmIdentifier =
    AlgorithmIdentifier::from_slice(&[
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d,
    ]);

/// RSA PKCS#1 v1.5 with SHA-1, parameters absent (RFC 4055 says NULL, but
/// some responders, e.g. GlobalSign's in 2012, leave them out; rustls-webpki
/// has the same `_ABSENT_PARAMS` variants for SHA-2).
pub static RSA_PKCS1_SHA1_ABSENT_PARAMS: &dyn SignatureVerificationAlgorithm = &Rsa {
    signature_alg_id: RSA_PKCS1_SHA1_ABSENT_PARAMS_ALG_ID,
    hash: Hash::Sha1,
    padding: Padding::Pkcs1,
};
/// RSA PKCS#1 v1.5 with SHA-256, parameters absent.
pub static RSA_PKCS1_SHA256_ABSENT_PARAMS: &dyn SignatureVerificationAlgorithm = &Rsa {
    signature_alg_id: RSA_PKCS1_SHA256_ABSENT_PARAMS_ALG_ID,
    hash: Hash::Sha256,
    padding: Padding::Pkcs1,
};
/// RSA PKCS#1 v1.5 with SHA-384, parameters absent.
pub static RSA_PKCS1_SHA384_ABSENT_PARAMS: &dyn SignatureVerificationAlgorithm = &Rsa {
    signature_alg_id: RSA_PKCS1_SHA384_ABSENT_PARAMS_ALG_ID,
    hash: Hash::Sha384,
    padding: Padding::Pkcs1,
};
/// RSA PKCS#1 v1.5 with SHA-512, parameters absent.
pub static RSA_PKCS1_SHA512_ABSENT_PARAMS: &dyn SignatureVerificationAlgorithm = &Rsa {
    signature_alg_id: RSA_PKCS1_SHA512_ABSENT_PARAMS_ALG_ID,
    hash: Hash::Sha512,
    padding: Padding::Pkcs1,
};
/// RSA PKCS#1 v1.5 with SHA-1 (still used by some OCSP responders; see
/// [`crate::Policy::allow_sha1_signatures`]).
pub static RSA_PKCS1_SHA1: &dyn SignatureVerificationAlgorithm = &Rsa {
    signature_alg_id: RSA_PKCS1_SHA1_ALG_ID,
    hash: Hash::Sha1,
    padding: Padding::Pkcs1,
};
/// RSA PKCS#1 v1.5 with SHA-256.
pub static RSA_PKCS1_SHA256: &dyn SignatureVerificationAlgorithm = &Rsa {
    signature_alg_id: alg_id::RSA_PKCS1_SHA256,
    hash: Hash::Sha256,
    padding: Padding::Pkcs1,
};
/// RSA PKCS#1 v1.5 with SHA-384.
pub static RSA_PKCS1_SHA384: &dyn SignatureVerificationAlgorithm = &Rsa {
    signature_alg_id: alg_id::RSA_PKCS1_SHA384,
    hash: Hash::Sha384,
    padding: Padding::Pkcs1,
};
/// RSA PKCS#1 v1.5 with SHA-512.
pub static RSA_PKCS1_SHA512: &dyn SignatureVerificationAlgorithm = &Rsa {
    signature_alg_id: alg_id::RSA_PKCS1_SHA512,
    hash: Hash::Sha512,
    padding: Padding::Pkcs1,
};
/// RSASSA-PSS with SHA-256, MGF1-SHA-256, 32-byte salt.
pub static RSA_PSS_SHA256: &dyn SignatureVerificationAlgorithm = &Rsa {
    signature_alg_id: alg_id::RSA_PSS_SHA256,
    hash: Hash::Sha256,
    padding: Padding::Pss,
};
/// RSASSA-PSS with SHA-384, MGF1-SHA-384, 48-byte salt.
pub static RSA_PSS_SHA384: &dyn SignatureVerificationAlgorithm = &Rsa {
    signature_alg_id: alg_id::RSA_PSS_SHA384,
    hash: Hash::Sha384,
    padding: Padding::Pss,
};
/// RSASSA-PSS with SHA-512, MGF1-SHA-512, 64-byte salt.
pub static RSA_PSS_SHA512: &dyn SignatureVerificationAlgorithm = &Rsa {
    signature_alg_id: alg_id::RSA_PSS_SHA512,
    hash: Hash::Sha512,
    padding: Padding::Pss,
};
/// ECDSA on P-256 with SHA-256.
pub static ECDSA_P256_SHA256: &dyn SignatureVerificationAlgorithm = &Ecdsa {
    public_key_alg_id: alg_id::ECDSA_P256,
    signature_alg_id: alg_id::ECDSA_SHA256,
    curve: Curve::P256,
    hash: ecdsa::Hash::Sha256,
};
/// ECDSA on P-256 with SHA-384.
pub static ECDSA_P256_SHA384: &dyn SignatureVerificationAlgorithm = &Ecdsa {
    public_key_alg_id: alg_id::ECDSA_P256,
    signature_alg_id: alg_id::ECDSA_SHA384,
    curve: Curve::P256,
    hash: ecdsa::Hash::Sha384,
};
/// ECDSA on P-256 with SHA-512.
pub static ECDSA_P256_SHA512: &dyn SignatureVerificationAlgorithm = &Ecdsa {
    public_key_alg_id: alg_id::ECDSA_P256,
    signature_alg_id: alg_id::ECDSA_SHA512,
    curve: Curve::P256,
    hash: ecdsa::Hash::Sha512,
};
/// ECDSA on P-384 with SHA-256.
pub static ECDSA_P384_SHA256: &dyn SignatureVerificationAlgorithm = &Ecdsa {
    public_key_alg_id: alg_id::ECDSA_P384,
    signature_alg_id: alg_id::ECDSA_SHA256,
    curve: Curve::P384,
    hash: ecdsa::Hash::Sha256,
};
/// ECDSA on P-384 with SHA-384.
pub static ECDSA_P384_SHA384: &dyn SignatureVerificationAlgorithm = &Ecdsa {
    public_key_alg_id: alg_id::ECDSA_P384,
    signature_alg_id: alg_id::ECDSA_SHA384,
    curve: Curve::P384,
    hash: ecdsa::Hash::Sha384,
};
/// ECDSA on P-384 with SHA-512.
pub static ECDSA_P384_SHA512: &dyn SignatureVerificationAlgorithm = &Ecdsa {
    public_key_alg_id: alg_id::ECDSA_P384,
    signature_alg_id: alg_id::ECDSA_SHA512,
    curve: Curve::P384,
    hash: ecdsa::Hash::Sha512,
};
/// ECDSA on P-521 with SHA-256.
pub static ECDSA_P521_SHA256: &dyn SignatureVerificationAlgorithm = &Ecdsa {
    public_key_alg_id: alg_id::ECDSA_P521,
    signature_alg_id: alg_id::ECDSA_SHA256,
    curve: Curve::P521,
    hash: ecdsa::Hash::Sha256,
};
/// ECDSA on P-521 with SHA-384.
pub static ECDSA_P521_SHA384: &dyn SignatureVerificationAlgorithm = &Ecdsa {
    public_key_alg_id: alg_id::ECDSA_P521,
    signature_alg_id: alg_id::ECDSA_SHA384,
    curve: Curve::P521,
    hash: ecdsa::Hash::Sha384,
};
/// ECDSA on P-521 with SHA-512.
pub static ECDSA_P521_SHA512: &dyn SignatureVerificationAlgorithm = &Ecdsa {
    public_key_alg_id: alg_id::ECDSA_P521,
    signature_alg_id: alg_id::ECDSA_SHA512,
    curve: Curve::P521,
    hash: ecdsa::Hash::Sha512,
};
/// Ed25519 (RFC 8032 PureEdDSA, RFC 8410 identifiers).
pub static ED25519: &dyn SignatureVerificationAlgorithm = &Ed25519;

/// ML-DSA-44 (FIPS 204, RFC 9881; feature `ml-dsa`).
#[cfg(feature = "ml-dsa")]
pub static ML_DSA_44: &dyn SignatureVerificationAlgorithm = &ml_dsa::MlDsa::<::ml_dsa::MlDsa44> {
    alg_id: alg_id::ML_DSA_44,
    parameter_set: core::marker::PhantomData,
};
/// ML-DSA-65 (FIPS 204, RFC 9881; feature `ml-dsa`).
#[cfg(feature = "ml-dsa")]
pub static ML_DSA_65: &dyn SignatureVerificationAlgorithm = &ml_dsa::MlDsa::<::ml_dsa::MlDsa65> {
    alg_id: alg_id::ML_DSA_65,
    parameter_set: core::marker::PhantomData,
};
/// ML-DSA-87 (FIPS 204, RFC 9881; feature `ml-dsa`).
#[cfg(feature = "ml-dsa")]
pub static ML_DSA_87: &dyn SignatureVerificationAlgorithm = &ml_dsa::MlDsa::<::ml_dsa::MlDsa87> {
    alg_id: alg_id::ML_DSA_87,
    parameter_set: core::marker::PhantomData,
};

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

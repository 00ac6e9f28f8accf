//! The committed test keys and signing with them.

use ocsp_types::{AlgorithmIdentifier, ObjectIdentifier};
use p256::pkcs8::DecodePrivateKey as _;
use rsa::pkcs1::EncodeRsaPublicKey as _;
use rsa::rand_core::{Infallible, TryCryptoRng, TryRng};
use rsa::{Pkcs1v15Sign, PrivateKey as RsaPrivateKey, Pss};
use sha2::{Digest, Sha256, Sha384, Sha512};
use signature::hazmat::PrehashSigner;
use signature::Keypair as _;

use crate::der;

/// Which committed key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyName {
    /// RSA-2048, for CAs.
    CaRsa,
    /// RSA-2048, for delegated responders.
    ResponderRsa,
    /// RSA-2048, for the "other" CA or a rogue signer.
    OtherRsa,
    /// P-256, for CAs.
    CaP256,
    /// P-256, for delegated responders.
    ResponderP256,
    /// P-384, for CAs.
    CaP384,
    /// P-384, for delegated responders.
    ResponderP384,
    /// P-521, for CAs.
    CaP521,
    /// P-521, for delegated responders.
    ResponderP521,
    /// Ed25519, for CAs.
    CaEd25519,
    /// Ed25519, for delegated responders.
    ResponderEd25519,
    /// ML-DSA-44, for CAs (from a fixed seed).
    CaMlDsa44,
    /// ML-DSA-44, for delegated responders.
    ResponderMlDsa44,
    /// ML-DSA-65, for CAs.
    CaMlDsa65,
    /// ML-DSA-65, for delegated responders.
    ResponderMlDsa65,
    /// ML-DSA-87, for CAs.
    CaMlDsa87,
    /// ML-DSA-87, for delegated responders.
    ResponderMlDsa87,
    /// ML-DSA-65, for the certificates in question of the ML-DSA PKIs.
    LeafMlDsa65,
}

impl KeyName {
    /// The 32-octet ML-DSA seed (`xi` of FIPS 204 `ML-DSA.KeyGen_internal`)
    /// of an ML-DSA key: SHA-256 of `ocsp-testkit ` and the key's name.
    pub fn ml_dsa_seed(self) -> [u8; 32] {
        Sha256::digest(format!("ocsp-testkit {self:?}").as_bytes()).into()
    }
}

/// A private key.
#[derive(Debug, Clone)]
pub enum Key {
    /// RSA.
    Rsa(Box<RsaPrivateKey>),
    /// ECDSA P-256.
    P256(p256::ecdsa::SigningKey),
    /// ECDSA P-384.
    P384(p384::ecdsa::SigningKey),
    /// ECDSA P-521.
    P521(p521::ecdsa::SigningKey),
    /// Ed25519.
    Ed25519(ed25519_dalek::SigningKey),
    /// ML-DSA-44.
    MlDsa44(Box<ml_dsa::SigningKey<ml_dsa::MlDsa44>>),
    /// ML-DSA-65.
    MlDsa65(Box<ml_dsa::SigningKey<ml_dsa::MlDsa65>>),
    /// ML-DSA-87.
    MlDsa87(Box<ml_dsa::SigningKey<ml_dsa::MlDsa87>>),
}

/// A signature algorithm the testkit can sign with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigAlg {
    /// sha1WithRSAEncryption (NULL parameters).
    RsaSha1,
    /// sha256WithRSAEncryption (NULL parameters).
    RsaSha256,
    /// sha384WithRSAEncryption.
    RsaSha384,
    /// sha512WithRSAEncryption.
    RsaSha512,
    /// RSASSA-PSS SHA-256 (RFC 4055 parameters).
    RsaPssSha256,
    /// RSASSA-PSS SHA-384.
    RsaPssSha384,
    /// ecdsa-with-SHA256.
    EcdsaSha256,
    /// ecdsa-with-SHA384.
    EcdsaSha384,
    /// ecdsa-with-SHA512.
    EcdsaSha512,
    /// Ed25519 (RFC 8410, absent parameters).
    Ed25519,
    /// id-ml-dsa-44 (RFC 9881, absent parameters; pure, empty context).
    MlDsa44,
    /// id-ml-dsa-65.
    MlDsa65,
    /// id-ml-dsa-87.
    MlDsa87,
}

fn pss_params(hash_oid_last: u8, salt: u8) -> Vec<u8> {
    // RSASSA-PSS-params { hashAlgorithm [0], maskGenAlgorithm [1], saltLength [2] }
    let hash = der::seq(&[
        &der::oid(&[
            0x60,
            0x86,
            0x48,
            0x01,
            0x65,
            0x03,
            0x04,
            0x02,
            hash_oid_last,
        ]),
        &[0x05, 0x00],
    ]);
    let mgf = der::seq(&[
        &der::oid(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08]),
        &hash,
    ]);
    der::seq(&[
        &der::tlv(0xa0, &hash),
        &der::tlv(0xa1, &mgf),
        &der::tlv(0xa2, &der::tlv(0x02, &[salt])),
    ])
}

impl SigAlg {
    /// The AlgorithmIdentifier.
    pub fn algorithm_identifier(self) -> AlgorithmIdentifier {
        let rsa = |last: &str| {
            AlgorithmIdentifier::with_null_parameters(ObjectIdentifier::new_unwrap(&format!(
                "1.2.840.113549.1.1.{last}"
            )))
        };
        let bare =
            |oid: &str| AlgorithmIdentifier::without_parameters(ObjectIdentifier::new_unwrap(oid));
        let pss = |hash_last: u8, salt: u8| AlgorithmIdentifier {
            oid: ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10"),
            parameters: Some(pss_params(hash_last, salt)),
        };
        match self {
            SigAlg::RsaSha1 => rsa("5"),
            SigAlg::RsaSha256 => rsa("11"),
            SigAlg::RsaSha384 => rsa("12"),
            SigAlg::RsaSha512 => rsa("13"),
            SigAlg::RsaPssSha256 => pss(1, 32),
            SigAlg::RsaPssSha384 => pss(2, 48),
            SigAlg::EcdsaSha256 => bare("1.2.840.10045.4.3.2"),
            SigAlg::EcdsaSha384 => bare("1.2.840.10045.4.3.3"),
            SigAlg::EcdsaSha512 => bare("1.2.840.10045.4.3.4"),
            SigAlg::Ed25519 => bare("1.3.101.112"),
            SigAlg::MlDsa44 => bare("2.16.840.1.101.3.4.3.17"),
            SigAlg::MlDsa65 => bare("2.16.840.1.101.3.4.3.18"),
            SigAlg::MlDsa87 => bare("2.16.840.1.101.3.4.3.19"),
        }
    }

    /// The DER of the AlgorithmIdentifier.
    pub fn der(self) -> Vec<u8> {
        algorithm_identifier_der(&self.algorithm_identifier())
    }
}

/// The DER of an AlgorithmIdentifier.
pub fn algorithm_identifier_der(id: &AlgorithmIdentifier) -> Vec<u8> {
    let mut c = der::oid(id.oid.as_bytes());
    if let Some(p) = &id.parameters {
        c.extend_from_slice(p);
    }
    der::tlv(0x30, &c)
}

/// A deterministic "RNG" for PSS salts (tests only).
struct TestRng(u64);

impl TryRng for TestRng {
    type Error = Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        self.try_next_u64().map(|v| v as u32)
    }
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        Ok(self.0)
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for b in dst {
            *b = (self.try_next_u64()? >> 33) as u8;
        }
        Ok(())
    }
}
impl TryCryptoRng for TestRng {}

fn ml_dsa_sign<P: ml_dsa::MlDsaParams>(k: &ml_dsa::SigningKey<P>, message: &[u8]) -> Vec<u8> {
    k.expanded_key()
        .sign_deterministic(message, &[])
        .expect("ML-DSA signing")
        .encode()
        .to_vec()
}

/// An ECDSA signature (RFC 6979 nonce) over a prehash, DER-encoded.
macro_rules! ecdsa {
    ($curve:ident, $key:expr, $prehash:expr) => {{
        let sig: $curve::ecdsa::Signature = $key.sign_prehash(&$prehash).expect("sign");
        sig.to_der().as_bytes().to_vec()
    }};
}

impl Key {
    /// Loads a committed key (or derives an ML-DSA one from its seed).
    pub fn load(name: KeyName) -> Key {
        let seed = ml_dsa::Seed::from(name.ml_dsa_seed());
        let der: &[u8] = match name {
            KeyName::CaMlDsa44 | KeyName::ResponderMlDsa44 => {
                return Key::MlDsa44(Box::new(ml_dsa::SigningKey::from_seed(&seed)))
            }
            KeyName::CaMlDsa65 | KeyName::ResponderMlDsa65 | KeyName::LeafMlDsa65 => {
                return Key::MlDsa65(Box::new(ml_dsa::SigningKey::from_seed(&seed)))
            }
            KeyName::CaMlDsa87 | KeyName::ResponderMlDsa87 => {
                return Key::MlDsa87(Box::new(ml_dsa::SigningKey::from_seed(&seed)))
            }
            KeyName::CaRsa => include_bytes!("../keys/ca-rsa.pk8"),
            KeyName::ResponderRsa => include_bytes!("../keys/responder-rsa.pk8"),
            KeyName::OtherRsa => include_bytes!("../keys/other-rsa.pk8"),
            KeyName::CaP256 => include_bytes!("../keys/ca-p256.pk8"),
            KeyName::ResponderP256 => include_bytes!("../keys/responder-p256.pk8"),
            KeyName::CaP384 => include_bytes!("../keys/ca-p384.pk8"),
            KeyName::ResponderP384 => include_bytes!("../keys/responder-p384.pk8"),
            KeyName::CaP521 => include_bytes!("../keys/ca-p521.pk8"),
            KeyName::ResponderP521 => include_bytes!("../keys/responder-p521.pk8"),
            KeyName::CaEd25519 => include_bytes!("../keys/ca-ed25519.pk8"),
            KeyName::ResponderEd25519 => include_bytes!("../keys/responder-ed25519.pk8"),
        };
        match name {
            KeyName::CaRsa | KeyName::ResponderRsa | KeyName::OtherRsa => Key::Rsa(Box::new(
                rsa::pkcs8::DecodePrivateKey::from_pkcs8_der(der).expect("rsa key"),
            )),
            KeyName::CaP256 | KeyName::ResponderP256 => {
                Key::P256(p256::ecdsa::SigningKey::from_pkcs8_der(der).expect("p256 key"))
            }
            KeyName::CaP384 | KeyName::ResponderP384 => {
                Key::P384(p384::ecdsa::SigningKey::from_pkcs8_der(der).expect("p384 key"))
            }
            KeyName::CaP521 | KeyName::ResponderP521 => {
                Key::P521(p521::ecdsa::SigningKey::from_pkcs8_der(der).expect("p521 key"))
            }
            KeyName::CaEd25519 | KeyName::ResponderEd25519 => {
                Key::Ed25519(ed25519_dalek::SigningKey::from_pkcs8_der(der).expect("ed25519 key"))
            }
            _ => unreachable!("ML-DSA keys are derived above"),
        }
    }

    /// The natural signature algorithm of the key.
    pub fn default_alg(&self) -> SigAlg {
        match self {
            Key::Rsa(_) => SigAlg::RsaSha256,
            Key::P256(_) => SigAlg::EcdsaSha256,
            Key::P384(_) => SigAlg::EcdsaSha384,
            Key::P521(_) => SigAlg::EcdsaSha512,
            Key::Ed25519(_) => SigAlg::Ed25519,
            Key::MlDsa44(_) => SigAlg::MlDsa44,
            Key::MlDsa65(_) => SigAlg::MlDsa65,
            Key::MlDsa87(_) => SigAlg::MlDsa87,
        }
    }

    /// The subjectPublicKey octets.
    pub fn public_key_bits(&self) -> Vec<u8> {
        match self {
            Key::Rsa(k) => k
                .to_public_key()
                .to_pkcs1_der()
                .expect("pkcs1")
                .as_bytes()
                .to_vec(),
            Key::P256(k) => k.verifying_key().to_sec1_point(false).as_bytes().to_vec(),
            Key::P384(k) => k.verifying_key().to_sec1_point(false).as_bytes().to_vec(),
            Key::P521(k) => k.verifying_key().to_sec1_point(false).as_bytes().to_vec(),
            Key::Ed25519(k) => k.verifying_key().to_bytes().to_vec(),
            Key::MlDsa44(k) => k.verifying_key().encode().to_vec(),
            Key::MlDsa65(k) => k.verifying_key().encode().to_vec(),
            Key::MlDsa87(k) => k.verifying_key().encode().to_vec(),
        }
    }

    /// The DER SubjectPublicKeyInfo.
    pub fn spki_der(&self) -> Vec<u8> {
        let alg = match self {
            Key::Rsa(_) => der::seq(&[
                &der::oid(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]),
                &[0x05, 0x00],
            ]),
            Key::P256(_) => der::seq(&[
                &der::oid(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]),
                &der::oid(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]),
            ]),
            Key::P384(_) => der::seq(&[
                &der::oid(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]),
                &der::oid(&[0x2b, 0x81, 0x04, 0x00, 0x22]),
            ]),
            Key::P521(_) => der::seq(&[
                &der::oid(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]),
                &der::oid(&[0x2b, 0x81, 0x04, 0x00, 0x23]),
            ]),
            Key::Ed25519(_) => der::seq(&[&der::oid(&[0x2b, 0x65, 0x70])]),
            Key::MlDsa44(_) | Key::MlDsa65(_) | Key::MlDsa87(_) => {
                algorithm_identifier_der(&self.default_alg().algorithm_identifier())
            }
        };
        der::seq(&[&alg, &der::bits(&self.public_key_bits())])
    }

    /// Signs `message` with `alg` (which must fit the key).
    pub fn sign(&self, alg: SigAlg, message: &[u8]) -> Vec<u8> {
        let mut rng = TestRng(message.len() as u64);
        match (self, alg) {
            (Key::Rsa(k), SigAlg::RsaSha1) => k
                .sign(
                    Pkcs1v15Sign::new::<sha1::Sha1>(),
                    &sha1::Sha1::digest(message),
                )
                .expect("sign"),
            (Key::Rsa(k), SigAlg::RsaSha256) => k
                .sign(Pkcs1v15Sign::new::<Sha256>(), &Sha256::digest(message))
                .expect("sign"),
            (Key::Rsa(k), SigAlg::RsaSha384) => k
                .sign(Pkcs1v15Sign::new::<Sha384>(), &Sha384::digest(message))
                .expect("sign"),
            (Key::Rsa(k), SigAlg::RsaSha512) => k
                .sign(Pkcs1v15Sign::new::<Sha512>(), &Sha512::digest(message))
                .expect("sign"),
            (Key::Rsa(k), SigAlg::RsaPssSha256) => k
                .sign_with_rng(&mut rng, Pss::<Sha256>::new(), &Sha256::digest(message))
                .expect("sign"),
            (Key::Rsa(k), SigAlg::RsaPssSha384) => k
                .sign_with_rng(&mut rng, Pss::<Sha384>::new(), &Sha384::digest(message))
                .expect("sign"),
            (Key::P256(k), SigAlg::EcdsaSha256) => ecdsa!(p256, k, Sha256::digest(message)),
            (Key::P256(k), SigAlg::EcdsaSha384) => ecdsa!(p256, k, Sha384::digest(message)),
            (Key::P256(k), SigAlg::EcdsaSha512) => ecdsa!(p256, k, Sha512::digest(message)),
            (Key::P384(k), SigAlg::EcdsaSha256) => ecdsa!(p384, k, Sha256::digest(message)),
            (Key::P384(k), SigAlg::EcdsaSha384) => ecdsa!(p384, k, Sha384::digest(message)),
            (Key::P384(k), SigAlg::EcdsaSha512) => ecdsa!(p384, k, Sha512::digest(message)),
            (Key::P521(k), SigAlg::EcdsaSha256) => ecdsa!(p521, k, Sha256::digest(message)),
            (Key::P521(k), SigAlg::EcdsaSha384) => ecdsa!(p521, k, Sha384::digest(message)),
            (Key::P521(k), SigAlg::EcdsaSha512) => ecdsa!(p521, k, Sha512::digest(message)),
            (Key::Ed25519(k), SigAlg::Ed25519) => {
                signature::Signer::sign(k, message).to_bytes().to_vec()
            }
            // Pure ML-DSA, empty context, the deterministic variant (FIPS 204
            // algorithm 2 with rnd = 0): reproducible fixtures.
            (Key::MlDsa44(k), SigAlg::MlDsa44) => ml_dsa_sign(k, message),
            (Key::MlDsa65(k), SigAlg::MlDsa65) => ml_dsa_sign(k, message),
            (Key::MlDsa87(k), SigAlg::MlDsa87) => ml_dsa_sign(k, message),
            (key, alg) => panic!("cannot sign {alg:?} with {key:?}"),
        }
    }
}

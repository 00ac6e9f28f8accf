//! The committed test keys and signing with them.

use ocsp_types::{AlgorithmIdentifier, ObjectIdentifier};
use p256::pkcs8::DecodePrivateKey as _;
use rsa::pkcs1::EncodeRsaPublicKey as _;
use rsa::rand_core::{Infallible, TryCryptoRng, TryRng};
use rsa::{Pkcs1v15Sign, PrivateKey as RsaPrivateKey, Pss};
use sha2::{Digest, Sha256, Sha384, Sha512};
use signature::hazmat::PrehashSigner;

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
            SigAlg::EcdsaSha256 => AlgorithmIdentifier::without_parameters(
                ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2"),
            ),
            SigAlg::EcdsaSha384 => AlgorithmIdentifier::without_parameters(
                ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3"),
            ),
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

impl Key {
    /// Loads a committed key.
    pub fn load(name: KeyName) -> Key {
        let der: &[u8] = match name {
            KeyName::CaRsa => include_bytes!("../keys/ca-rsa.pk8"),
            KeyName::ResponderRsa => include_bytes!("../keys/responder-rsa.pk8"),
            KeyName::OtherRsa => include_bytes!("../keys/other-rsa.pk8"),
            KeyName::CaP256 => include_bytes!("../keys/ca-p256.pk8"),
            KeyName::ResponderP256 => include_bytes!("../keys/responder-p256.pk8"),
            KeyName::CaP384 => include_bytes!("../keys/ca-p384.pk8"),
            KeyName::ResponderP384 => include_bytes!("../keys/responder-p384.pk8"),
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
        }
    }

    /// The natural signature algorithm of the key.
    pub fn default_alg(&self) -> SigAlg {
        match self {
            Key::Rsa(_) => SigAlg::RsaSha256,
            Key::P256(_) => SigAlg::EcdsaSha256,
            Key::P384(_) => SigAlg::EcdsaSha384,
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
            (Key::P256(k), SigAlg::EcdsaSha256) => ecdsa256(k, &Sha256::digest(message)),
            (Key::P256(k), SigAlg::EcdsaSha384) => ecdsa256(k, &Sha384::digest(message)),
            (Key::P384(k), SigAlg::EcdsaSha256) => ecdsa384(k, &Sha256::digest(message)),
            (Key::P384(k), SigAlg::EcdsaSha384) => ecdsa384(k, &Sha384::digest(message)),
            (key, alg) => panic!("cannot sign {alg:?} with {key:?}"),
        }
    }
}

fn ecdsa256(k: &p256::ecdsa::SigningKey, prehash: &[u8]) -> Vec<u8> {
    let sig: p256::ecdsa::Signature = k.sign_prehash(prehash).expect("sign");
    sig.to_der().as_bytes().to_vec()
}

fn ecdsa384(k: &p384::ecdsa::SigningKey, prehash: &[u8]) -> Vec<u8> {
    let sig: p384::ecdsa::Signature = k.sign_prehash(prehash).expect("sign");
    sig.to_der().as_bytes().to_vec()
}

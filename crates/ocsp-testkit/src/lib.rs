//! A test PKI and an OCSP response signer with a knob per fault, for the
//! tests of `ocsp-verify` (and anyone else in the workspace). Not published.
//!
//! Keys are committed PKCS#8 fixtures (`keys/`, generated once with the
//! openssl CLI); certificates and responses are built in code, so every
//! field can be made wrong on purpose.
//!
//! ```
//! let pki = ocsp_testkit::Pki::new(ocsp_testkit::Flavor::Rsa);
//! let der = pki.issuer_response().sign(&pki.ca.key);
//! assert!(ocsp_types::OcspResponseRef::parse(&der).is_ok());
//! ```
#![allow(
    clippy::expect_used,
    clippy::panic,
    clippy::unwrap_used,
    clippy::indexing_slicing
)]

pub mod cert;
pub mod der;
pub mod hostile;
pub mod keys;
pub mod openssl_pki;
pub mod response;
pub mod support;
pub mod tls;
pub mod webpki;

pub use cert::CertSpec;
pub use keys::{Key, KeyName, SigAlg};
pub use response::{by_key, cert_id, single, HashAlg, KeySigner, ResponseSpec};

use ocsp_types::{CertStatus, ResponderId, Time};

/// The verification instant the default shapes are built around:
/// 2030-06-01T00:00:00Z.
pub const NOW: i64 = 1_906_502_400;

/// `NOW + secs`.
pub fn at(secs: i64) -> Time {
    offset(NOW, secs)
}

/// `now + secs`, both Unix seconds.
pub fn offset(now: i64, secs: i64) -> Time {
    Time::from_unix(now + secs).expect("in range")
}

/// One hour, in seconds.
pub const HOUR: i64 = 3600;
/// One day, in seconds.
pub const DAY: i64 = 24 * HOUR;

/// A named key pair with its certificate.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Subject Name DER.
    pub name: Vec<u8>,
    /// The key.
    pub key: Key,
    /// The DER certificate.
    pub cert: Vec<u8>,
}

/// Key types of a PKI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// RSA-2048 everywhere.
    Rsa,
    /// P-256 everywhere.
    P256,
    /// P-384 everywhere.
    P384,
    /// P-521 everywhere.
    P521,
    /// Ed25519 everywhere.
    Ed25519,
    /// ML-DSA-44 CA and responder, ML-DSA-65 leaf, all from fixed seeds.
    MlDsa44,
    /// ML-DSA-65 everywhere, from fixed seeds.
    MlDsa65,
    /// ML-DSA-87 CA and responder, ML-DSA-65 leaf, from fixed seeds.
    MlDsa87,
}

/// A CA, a leaf it issued, a delegated responder it issued, and an
/// unrelated CA (RSA) for "issued by someone else" faults.
#[derive(Debug, Clone)]
pub struct Pki {
    /// The issuing CA (self-signed).
    pub ca: Entity,
    /// The certificate in question (serial [`Pki::LEAF_SERIAL`]).
    pub leaf: Vec<u8>,
    /// A proper delegated responder (id-kp-OCSPSigning, digitalSignature).
    pub delegate: Entity,
    /// Another CA, with the same subject Name as `ca` but its own key.
    pub other_ca: Entity,
    /// The instant (Unix seconds) the validity periods and the responses'
    /// times are built around: [`NOW`] unless built with [`Pki::new_at`].
    pub now: i64,
}

impl Pki {
    /// The leaf's serial number.
    pub const LEAF_SERIAL: &'static [u8] = &[0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f];

    /// Builds the PKI around [`NOW`].
    pub fn new(flavor: Flavor) -> Self {
        Self::new_at(flavor, NOW)
    }

    /// Builds the PKI around `now` (Unix seconds), for peers that only know
    /// the wall clock (OpenSSL's `OCSP_check_validity`).
    pub fn new_at(flavor: Flavor, now: i64) -> Self {
        let at = |secs: i64| offset(now, secs);
        let (ca_key, responder_key) = match flavor {
            Flavor::Rsa => (KeyName::CaRsa, KeyName::ResponderRsa),
            Flavor::P256 => (KeyName::CaP256, KeyName::ResponderP256),
            Flavor::P384 => (KeyName::CaP384, KeyName::ResponderP384),
            Flavor::P521 => (KeyName::CaP521, KeyName::ResponderP521),
            Flavor::Ed25519 => (KeyName::CaEd25519, KeyName::ResponderEd25519),
            Flavor::MlDsa44 => (KeyName::CaMlDsa44, KeyName::ResponderMlDsa44),
            Flavor::MlDsa65 => (KeyName::CaMlDsa65, KeyName::ResponderMlDsa65),
            Flavor::MlDsa87 => (KeyName::CaMlDsa87, KeyName::ResponderMlDsa87),
        };
        let leaf_key = match flavor {
            Flavor::MlDsa44 | Flavor::MlDsa65 | Flavor::MlDsa87 => KeyName::LeafMlDsa65,
            _ => KeyName::OtherRsa,
        };
        let ca_key = Key::load(ca_key);
        let ca_name = der::name("Testkit CA");
        let mut ca_spec = CertSpec::new(&[1], ca_name.clone(), at(-1000 * DAY), at(1000 * DAY));
        ca_spec.ca = true;
        ca_spec.key_usage = Some(keys_cert_sign());
        let ca_cert = ca_spec.issue(&ca_key, &ca_name, &ca_key);

        let leaf = CertSpec::new(
            Self::LEAF_SERIAL,
            der::name("leaf.example"),
            at(-100 * DAY),
            at(100 * DAY),
        )
        .issue(&Key::load(leaf_key), &ca_name, &ca_key);

        let delegate_key = Key::load(responder_key);
        let delegate_name = der::name("Testkit OCSP Responder");
        let delegate_cert =
            Self::delegate_spec_for(&delegate_name, now).issue(&delegate_key, &ca_name, &ca_key);

        let other_key = Key::load(KeyName::OtherRsa);
        let mut other_spec = CertSpec::new(&[2], ca_name.clone(), at(-1000 * DAY), at(1000 * DAY));
        other_spec.ca = true;
        let other_cert = other_spec.issue(&other_key, &ca_name, &other_key);

        Pki {
            ca: Entity {
                name: ca_name,
                key: ca_key,
                cert: ca_cert,
            },
            leaf,
            delegate: Entity {
                name: delegate_name,
                key: delegate_key,
                cert: delegate_cert,
            },
            other_ca: Entity {
                name: other_spec.subject,
                key: other_key,
                cert: other_cert,
            },
            now,
        }
    }

    /// `self.now + secs`.
    pub fn at(&self, secs: i64) -> Time {
        offset(self.now, secs)
    }

    fn delegate_spec_for(name: &[u8], now: i64) -> CertSpec {
        let at = |secs: i64| offset(now, secs);
        let mut spec = CertSpec::new(&[0x77], name.to_vec(), at(-30 * DAY), at(30 * DAY));
        spec.eku = Some(vec![cert::KP_OCSP_SIGNING.to_vec()]);
        spec.key_usage = Some(cert::KU_DIGITAL_SIGNATURE);
        spec.extra_extensions.push((
            ocsp_types::oid::OCSP_NOCHECK.as_bytes().to_vec(),
            false,
            vec![0x05, 0x00],
        ));
        spec
    }

    /// The delegated responder's certificate spec, to alter and re-issue.
    pub fn delegate_spec(&self) -> CertSpec {
        Self::delegate_spec_for(&self.delegate.name, self.now)
    }

    /// Issues `spec` for the delegate's key, signed by the CA.
    pub fn issue_delegate(&self, spec: &CertSpec) -> Vec<u8> {
        spec.issue(&self.delegate.key, &self.ca.name, &self.ca.key)
    }

    /// The leaf's CertID under `hash`.
    pub fn leaf_cert_id(&self, hash: HashAlg) -> ocsp_types::CertId {
        cert_id(hash, &self.ca.name, &self.ca.key, Self::LEAF_SERIAL)
    }

    /// A good single response for the leaf: thisUpdate an hour ago, nextUpdate in 3 days.
    pub fn leaf_single(&self, status: CertStatus) -> ocsp_types::SingleResponse {
        single(
            self.leaf_cert_id(HashAlg::Sha1),
            status,
            self.at(-HOUR),
            Some(self.at(3 * DAY)),
        )
    }

    /// A valid response signed by the CA itself (byKey), saying good.
    pub fn issuer_response(&self) -> ResponseSpec {
        ResponseSpec {
            responder_id: by_key(&self.ca.key),
            produced_at: self.at(-HOUR),
            singles: vec![self.leaf_single(CertStatus::Good)],
            extensions: Vec::new(),
            sig_alg: self.ca.key.default_alg(),
            signature_algorithm_override: None,
            certs: None,
            corrupt_signature: false,
        }
    }

    /// A valid response signed by the delegated responder (byKey, cert embedded).
    pub fn delegated_response(&self) -> ResponseSpec {
        ResponseSpec {
            responder_id: by_key(&self.delegate.key),
            sig_alg: self.delegate.key.default_alg(),
            certs: Some(vec![self.delegate.cert.clone()]),
            ..self.issuer_response()
        }
    }

    /// byName ResponderID of the delegate.
    pub fn delegate_by_name(&self) -> ResponderId {
        ResponderId::ByName(self.delegate.name.clone())
    }
}

fn keys_cert_sign() -> u8 {
    cert::KU_CERT_SIGN | cert::KU_DIGITAL_SIGNATURE
}

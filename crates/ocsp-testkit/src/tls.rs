//! A small PKI that rustls-webpki accepts, for TLS tests: a P-256 root, a
//! P-384 intermediate, and P-256 server certificates for `localhost`
//! (v3, DNS SAN, id-kp-serverAuth), built around a caller-given time
//! (WebPKI checks validity against the handshake's clock).

use ocsp_types::{CertStatus, Time};

use crate::cert::{self, CertSpec};
use crate::keys::{Key, KeyName};
use crate::response::{by_key, cert_id, single, HashAlg, ResponseSpec};
use crate::{der, offset, Entity, DAY, HOUR};

/// id-pe-tlsfeature (RFC 7633), OID content octets.
pub const TLS_FEATURE: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x18];

/// The server certificates' DNS name.
pub const DNS_NAME: &str = "localhost";

/// The PKCS#8 DER of the server certificates' key (P-256).
pub const LEAF_KEY_PKCS8: &[u8] = include_bytes!("../keys/responder-p256.pk8");

/// A root, an intermediate, and server certificates, valid around `now`.
#[derive(Debug, Clone)]
pub struct TlsPki {
    /// The instant (Unix seconds) everything is built around.
    pub now: i64,
    /// The self-signed root (P-256): the trust anchor.
    pub root: Entity,
    /// An intermediate CA (P-384) issued by the root.
    pub intermediate: Entity,
    /// The server certificates' key.
    pub leaf_key: Key,
}

impl TlsPki {
    /// Builds the CAs around `now` (Unix seconds).
    pub fn new(now: i64) -> Self {
        let t = |secs: i64| offset(now, secs);
        // A CA certificate, valid from 30 days before `now` for a year.
        let ca = |serial: u8, name: &[u8], key: &Key, issuer_name: &[u8], issuer_key: &Key| {
            let mut spec = CertSpec::new(&[serial], name.to_vec(), t(-30 * DAY), t(365 * DAY));
            spec.ca = true;
            spec.key_usage = Some(cert::KU_CERT_SIGN);
            spec.issue(key, issuer_name, issuer_key)
        };
        let root_key = Key::load(KeyName::CaP256);
        let root_name = der::name("Testkit TLS Root");
        let root_cert = ca(1, &root_name, &root_key, &root_name, &root_key);
        let int_key = Key::load(KeyName::CaP384);
        let int_name = der::name("Testkit TLS Intermediate");
        let int_cert = ca(2, &int_name, &int_key, &root_name, &root_key);

        TlsPki {
            now,
            root: Entity {
                name: root_name,
                key: root_key,
                cert: root_cert,
            },
            intermediate: Entity {
                name: int_name,
                key: int_key,
                cert: int_cert,
            },
            leaf_key: Key::load(KeyName::ResponderP256),
        }
    }

    /// `now + secs`.
    pub fn at(&self, secs: i64) -> Time {
        offset(self.now, secs)
    }

    /// A server certificate spec for [`DNS_NAME`]: serverAuth,
    /// digitalSignature, valid from 10 days ago to 90 days ahead, with the
    /// TLS Feature `status_request` (Must-Staple) if asked.
    pub fn leaf_spec(&self, serial: &[u8], must_staple: bool) -> CertSpec {
        let mut spec = CertSpec::new(
            serial,
            der::name(DNS_NAME),
            self.at(-10 * DAY),
            self.at(90 * DAY),
        );
        spec.eku = Some(vec![cert::KP_SERVER_AUTH.to_vec()]);
        spec.key_usage = Some(cert::KU_DIGITAL_SIGNATURE);
        // subjectAltName: SEQUENCE { [2] dNSName }
        spec.extra_extensions.push((
            vec![0x55, 0x1d, 0x11],
            false,
            der::seq(&[&der::tlv(0x82, DNS_NAME.as_bytes())]),
        ));
        if must_staple {
            spec.extra_extensions.push((
                TLS_FEATURE.to_vec(),
                false,
                der::seq(&[&der::tlv(0x02, &[5])]),
            ));
        }
        spec
    }

    /// Issues a server certificate for the leaf key, by `issuer`.
    pub fn issue_leaf(&self, spec: &CertSpec, issuer: &Entity) -> Vec<u8> {
        spec.issue(&self.leaf_key, &issuer.name, &issuer.key)
    }

    /// A response about `serial` issued by `issuer`, signed by `issuer`
    /// (byKey): thisUpdate an hour ago, nextUpdate in 3 days.
    pub fn response(&self, issuer: &Entity, serial: &[u8], status: CertStatus) -> ResponseSpec {
        ResponseSpec {
            responder_id: by_key(&issuer.key),
            produced_at: self.at(-HOUR),
            singles: vec![single(
                cert_id(HashAlg::Sha1, &issuer.name, &issuer.key, serial),
                status,
                self.at(-HOUR),
                Some(self.at(3 * DAY)),
            )],
            extensions: Vec::new(),
            sig_alg: issuer.key.default_alg(),
            signature_algorithm_override: None,
            certs: None,
            corrupt_signature: false,
        }
    }
}

//! A WebPKI-like certificate profile: a leaf with the ten extensions a
//! publicly trusted TLS server certificate carries (subjectAltName, AIA,
//! CRL distribution points, certificate policies, an SCT list, SKI, AKI,
//! keyUsage, extendedKeyUsage, basicConstraints) and an issuer with the
//! usual CA extensions, for benches and tests that should see the
//! certificates real verifiers see.

use crate::cert::{CertSpec, KP_SERVER_AUTH, KU_CERT_SIGN, KU_DIGITAL_SIGNATURE};
use crate::der::{self, oid, seq, tlv};
use crate::keys::{Key, KeyName};
use crate::response::HashAlg;
use crate::{offset, Pki, DAY};

const SUBJECT_ALT_NAME: &[u8] = &[0x55, 0x1d, 0x11];
const AUTHORITY_INFO_ACCESS: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x01];
const CRL_DISTRIBUTION_POINTS: &[u8] = &[0x55, 0x1d, 0x1f];
const CERTIFICATE_POLICIES: &[u8] = &[0x55, 0x1d, 0x20];
const SCT_LIST: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x02];
const SUBJECT_KEY_IDENTIFIER: &[u8] = &[0x55, 0x1d, 0x0e];
const AUTHORITY_KEY_IDENTIFIER: &[u8] = &[0x55, 0x1d, 0x23];
const BASIC_CONSTRAINTS: &[u8] = &[0x55, 0x1d, 0x13];
const KP_CLIENT_AUTH: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02];
const AD_OCSP: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01];
const AD_CA_ISSUERS: &[u8] = &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02];
/// CA/Browser Forum domain-validated (2.23.140.1.2.1).
const POLICY_DV: &[u8] = &[0x67, 0x81, 0x0c, 0x01, 0x02, 0x01];
/// anyPolicy (2.5.29.32.0).
const ANY_POLICY: &[u8] = &[0x55, 0x1d, 0x20, 0x00];

/// The keyIdentifier of a key: SHA-1 of its `subjectPublicKey` (RFC 5280
/// 4.2.1.2 method 1; here of the whole SPKI, which is as good an identifier).
fn key_id(key: &Key) -> Vec<u8> {
    HashAlg::Sha1.digest(&key.spki_der())
}

fn uri(tag: u8, text: &str) -> Vec<u8> {
    tlv(tag, text.as_bytes())
}

/// The extensions every profile carries: SKI, AKI, AIA, CRL DP, policies.
fn common(subject_key: &Key, issuer_key: &Key, policy: &[u8]) -> Vec<(Vec<u8>, bool, Vec<u8>)> {
    let aia = seq(&[
        &seq(&[&oid(AD_OCSP), &uri(0x86, "http://ocsp.testkit.example")]),
        &seq(&[
            &oid(AD_CA_ISSUERS),
            &uri(0x86, "http://ca.testkit.example/issuer.crt"),
        ]),
    ]);
    let crl_dp = seq(&[&seq(&[&tlv(
        0xa0,
        &tlv(0xa0, &uri(0x86, "http://crl.testkit.example/issuer.crl")),
    )])]);
    vec![
        (
            SUBJECT_KEY_IDENTIFIER.to_vec(),
            false,
            der::octets(&key_id(subject_key)),
        ),
        (
            AUTHORITY_KEY_IDENTIFIER.to_vec(),
            false,
            seq(&[&tlv(0x80, &key_id(issuer_key))]),
        ),
        (AUTHORITY_INFO_ACCESS.to_vec(), false, aia),
        (CRL_DISTRIBUTION_POINTS.to_vec(), false, crl_dp),
        (
            CERTIFICATE_POLICIES.to_vec(),
            false,
            seq(&[&seq(&[&oid(policy)])]),
        ),
    ]
}

/// Adds the WebPKI leaf profile to `spec`: subjectAltName, AIA, CRL DP,
/// certificate policies, an SCT list (two opaque SCTs of realistic size),
/// SKI, AKI, keyUsage digitalSignature, extendedKeyUsage serverAuth and
/// clientAuth, basicConstraints (empty, critical): ten extensions.
pub fn leaf_profile(spec: &mut CertSpec, host: &str, subject_key: &Key, issuer_key: &Key) {
    spec.key_usage = Some(KU_DIGITAL_SIGNATURE);
    spec.eku = Some(vec![KP_SERVER_AUTH.to_vec(), KP_CLIENT_AUTH.to_vec()]);
    spec.ca = false;
    let www = format!("www.{host}");
    let san = seq(&[&uri(0x82, host), &uri(0x82, &www)]);
    // An SCT list is an OCTET STRING holding a TLS-encoded list; two SCTs
    // of 119 octets each, as CT logs issue them (content opaque here).
    let sct = |n: u8| -> Vec<u8> {
        let mut one = vec![0x00, 0x77];
        one.extend((0..119u8).map(|i| i.wrapping_mul(n)));
        one
    };
    let mut list = vec![0x00, 0xf2];
    list.extend(sct(3));
    list.extend(sct(7));
    spec.extra_extensions.extend(
        [
            (SUBJECT_ALT_NAME.to_vec(), false, san),
            (BASIC_CONSTRAINTS.to_vec(), true, seq(&[])),
            (SCT_LIST.to_vec(), false, der::octets(&list)),
        ]
        .into_iter()
        .chain(common(subject_key, issuer_key, POLICY_DV)),
    );
}

/// Adds the usual CA profile to `spec`: basicConstraints cA (critical),
/// keyUsage keyCertSign, cRLSign and digitalSignature (critical), SKI, AKI,
/// AIA, CRL DP, certificate policies (anyPolicy): seven extensions.
pub fn ca_profile(spec: &mut CertSpec, subject_key: &Key, issuer_key: &Key) {
    spec.ca = true;
    spec.key_usage = Some(KU_CERT_SIGN | KU_DIGITAL_SIGNATURE);
    spec.extra_extensions
        .extend(common(subject_key, issuer_key, ANY_POLICY));
}

impl Pki {
    /// The same PKI with the CA certificate and the leaf re-issued with the
    /// WebPKI profiles ([`ca_profile`], [`leaf_profile`]): same names, keys,
    /// serials and validity, so every response built from the PKI still
    /// verifies. For the flavors whose leaf key is [`KeyName::OtherRsa`]
    /// (all but ML-DSA).
    pub fn with_webpki_profile(mut self) -> Self {
        let at = |secs: i64| offset(self.now, secs);
        let mut ca = CertSpec::new(&[1], self.ca.name.clone(), at(-1000 * DAY), at(1000 * DAY));
        ca_profile(&mut ca, &self.ca.key, &self.ca.key);
        self.ca.cert = ca.issue(&self.ca.key, &self.ca.name, &self.ca.key);
        let leaf_key = Key::load(KeyName::OtherRsa);
        let mut leaf = CertSpec::new(
            Self::LEAF_SERIAL,
            der::name("leaf.example"),
            at(-100 * DAY),
            at(100 * DAY),
        );
        leaf_profile(&mut leaf, "leaf.example", &leaf_key, &self.ca.key);
        self.leaf = leaf.issue(&leaf_key, &self.ca.name, &self.ca.key);
        self
    }
}

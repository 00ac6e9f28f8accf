//! Real TLS handshakes on loopback, one per staple outcome, each asserting
//! the error the client's handshake fails with.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{handshake, pki, staple_by, verifier, Outcome, TLS12, TLS13};
use ocsp_rustls::{Action, StapleError, StaplePolicy};
use ocsp_testkit::support::assert_lax_encodings;
use ocsp_testkit::tls::TlsPki;
use ocsp_testkit::{by_key, cert, der, CertSpec, Entity, Key, KeyName, DAY};
use ocsp_types::{CertStatus, CrlReason, RevokedInfo};
use rustls::{CertificateError, SupportedProtocolVersion};
use Outcome::{Cert, Connects, Staple, StapleMatches};

const SERIAL: &[u8] = &[0x51, 0x52, 0x53, 0x54];
const OTHER_SERIAL: &[u8] = &[0x61, 0x62, 0x63, 0x64];

fn revoked(pki: &TlsPki) -> CertStatus {
    CertStatus::Revoked(RevokedInfo {
        revocation_time: pki.at(-DAY),
        revocation_reason: Some(CrlReason::KeyCompromise),
    })
}

/// A leaf issued directly by the root (the staple's issuer is the trust anchor).
fn leaf(pki: &TlsPki, must_staple: bool) -> Vec<u8> {
    pki.issue_leaf(&pki.leaf_spec(SERIAL, must_staple), &pki.root)
}

/// A staple about the leaf, signed by the root.
fn staple(pki: &TlsPki, status: CertStatus) -> Vec<u8> {
    staple_by(pki, &pki.root, SERIAL, status)
}

/// A leaf issued by the intermediate, and the intermediate: the chain a
/// staple signed by the intermediate is about.
fn intermediate_chain(pki: &TlsPki) -> Vec<Vec<u8>> {
    let leaf = pki.issue_leaf(&pki.leaf_spec(SERIAL, false), &pki.intermediate);
    vec![leaf, pki.intermediate.cert.clone()]
}

fn intermediate_staple(pki: &TlsPki, status: CertStatus) -> Vec<u8> {
    staple_by(pki, &pki.intermediate, SERIAL, status)
}

/// A good staple for another serial.
fn other_staple(pki: &TlsPki) -> Vec<u8> {
    staple_by(pki, &pki.root, OTHER_SERIAL, CertStatus::Good)
}

/// What the server presents: its chain (leaf first) and its staple.
type Served = (Vec<Vec<u8>>, Option<Vec<u8>>);

/// One handshake scenario.
struct Case {
    name: &'static str,
    served: fn(&TlsPki) -> Served,
    policy: StaplePolicy,
    versions: &'static [&'static SupportedProtocolVersion],
    expect: Outcome,
}

/// A scenario with the default policy, over TLS 1.3.
fn case(name: &'static str, served: fn(&TlsPki) -> Served, expect: Outcome) -> Case {
    Case {
        name,
        served,
        policy: StaplePolicy::default(),
        versions: &[TLS13],
        expect,
    }
}

impl Case {
    /// Over TLS 1.2 as well.
    fn and_tls12(self) -> Case {
        Case {
            versions: &[TLS13, TLS12],
            ..self
        }
    }

    /// With the default policy changed by `edit`.
    fn policy(self, edit: fn(&mut StaplePolicy)) -> Case {
        let mut policy = StaplePolicy::default();
        edit(&mut policy);
        Case { policy, ..self }
    }
}

/// The staple refused as invalid, for exactly this reason.
fn invalid(reason: ocsp_verify::Error) -> Outcome {
    Staple(StapleError::Invalid(reason))
}

/// Runs every case with every version it names; fails naming each case
/// whose handshake did not end as expected.
fn run(cases: Vec<Case>) {
    let pki = pki();
    let mut failures = Vec::new();
    for case in cases {
        for &version in case.versions {
            let (chain, staple) = (case.served)(&pki);
            let chain: Vec<&[u8]> = chain.iter().map(Vec::as_slice).collect();
            let result = handshake(&chain, staple, verifier(&pki, case.policy), version);
            if !case.expect.is(&result) {
                failures.push(format!(
                    "{} ({version:?}): expected {:?}, got {result:?}",
                    case.name, case.expect
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A staple with a rogue responder: a certificate with id-kp-OCSPSigning,
/// issued by a rogue CA, not by the leaf's issuer.
fn unauthorized_responder(pki: &TlsPki) -> Served {
    let rogue_key = Key::load(KeyName::OtherRsa);
    let rogue_name = der::name("Rogue OCSP Responder");
    let mut rogue_spec = CertSpec::new(&[0x66], rogue_name.clone(), pki.at(-DAY), pki.at(DAY));
    rogue_spec.eku = Some(vec![cert::KP_OCSP_SIGNING.to_vec()]);
    rogue_spec.key_usage = Some(cert::KU_DIGITAL_SIGNATURE);
    let rogue_cert = rogue_spec.issue(&rogue_key, &rogue_name, &rogue_key);
    let mut spec = pki.response(&pki.root, SERIAL, CertStatus::Good);
    spec.responder_id = by_key(&rogue_key);
    spec.sig_alg = rogue_key.default_alg();
    spec.certs = Some(vec![rogue_cert]);
    (vec![leaf(pki, false)], Some(spec.sign(&rogue_key)))
}

/// The server (holding a revoked certificate's key) adds an "intermediate"
/// with the issuer's Name but its own key, and staples a "good" response
/// signed by that key. WebPKI still builds the path to the real root; the
/// staple must not be checked against the impostor.
fn impostor_issuer(pki: &TlsPki) -> Served {
    let impostor_key = Key::load(KeyName::OtherRsa);
    let mut impostor_spec =
        CertSpec::new(&[0x99], pki.root.name.clone(), pki.at(-DAY), pki.at(DAY));
    impostor_spec.ca = true;
    impostor_spec.key_usage = Some(cert::KU_CERT_SIGN);
    let impostor = Entity {
        name: pki.root.name.clone(),
        cert: impostor_spec.issue(&impostor_key, &pki.root.name, &impostor_key),
        key: impostor_key,
    };
    let forged = pki
        .response(&impostor, SERIAL, CertStatus::Good)
        .sign(&impostor.key);
    (vec![leaf(pki, false), impostor.cert], Some(forged))
}

/// A staple whose validity ended a day ago.
fn expired(pki: &TlsPki) -> Served {
    let mut spec = pki.response(&pki.root, SERIAL, CertStatus::Good);
    spec.produced_at = pki.at(-8 * DAY);
    for single in &mut spec.singles {
        single.this_update = pki.at(-8 * DAY);
        single.next_update = Some(pki.at(-DAY));
    }
    (vec![leaf(pki, false)], Some(spec.sign(&pki.root.key)))
}

/// A Must-Staple leaf with a staple whose signature is corrupt.
fn must_staple_bad_signature(pki: &TlsPki) -> Served {
    let mut spec = pki.response(&pki.root, SERIAL, CertStatus::Good);
    spec.corrupt_signature = true;
    (vec![leaf(pki, true)], Some(spec.sign(&pki.root.key)))
}

#[test]
fn staple_outcomes_with_the_default_policy() {
    run(vec![
        case(
            "good staple accepted",
            |pki| (vec![leaf(pki, false)], Some(staple(pki, CertStatus::Good))),
            Connects,
        )
        .and_tls12(),
        case(
            "good staple from the intermediate accepted",
            |pki| {
                let staple = intermediate_staple(pki, CertStatus::Good);
                (intermediate_chain(pki), Some(staple))
            },
            Connects,
        ),
        case(
            "revoked refused",
            |pki| (vec![leaf(pki, false)], Some(staple(pki, revoked(pki)))),
            Cert(CertificateError::Revoked),
        )
        .and_tls12(),
        case(
            "revoked from the intermediate refused",
            |pki| {
                let staple = intermediate_staple(pki, revoked(pki));
                (intermediate_chain(pki), Some(staple))
            },
            Cert(CertificateError::Revoked),
        ),
        case(
            "no staple allowed by default",
            |pki| (vec![leaf(pki, false)], None),
            Connects,
        ),
        case(
            "must-staple without a staple refused despite soft fail",
            |pki| (vec![leaf(pki, true)], None),
            Staple(StapleError::MustStapleWithoutStaple),
        )
        .and_tls12(),
        case(
            "must-staple with a good staple accepted",
            |pki| (vec![leaf(pki, true)], Some(staple(pki, CertStatus::Good))),
            Connects,
        ),
        case(
            "expired staple refused",
            expired,
            StapleMatches(|e| {
                matches!(e, StapleError::Invalid(ocsp_verify::Error::Expired { .. }))
            }),
        ),
        case(
            "staple for another certificate refused",
            |pki| (vec![leaf(pki, false)], Some(other_staple(pki))),
            invalid(ocsp_verify::Error::NoMatchingResponse),
        ),
        case(
            "staple from an unauthorized responder refused",
            unauthorized_responder,
            invalid(ocsp_verify::Error::DelegatedResponderWrongIssuer),
        ),
        case(
            "impostor issuer in the chain not used for the staple",
            impostor_issuer,
            invalid(ocsp_verify::Error::NoAuthorizedResponder),
        ),
        case(
            "garbage staple refused",
            |pki| {
                let garbage = vec![0x30, 0x03, 0x0a, 0x01, 0x00];
                (vec![leaf(pki, false)], Some(garbage))
            },
            invalid(ocsp_verify::Error::Malformed(
                ocsp_types::Error::MissingResponseBytes,
            )),
        ),
        case(
            "unknown status refused by default",
            |pki| {
                (
                    vec![leaf(pki, false)],
                    Some(staple(pki, CertStatus::Unknown)),
                )
            },
            Cert(CertificateError::UnknownRevocationStatus),
        ),
        // The chain is checked first: an untrusted chain fails with
        // WebPKI's error, whatever the staple says.
        case(
            "chain failure comes first",
            |pki| {
                let untrusted = pki.issue_leaf(&pki.leaf_spec(SERIAL, false), &pki.intermediate);
                (vec![untrusted], Some(staple(pki, revoked(pki))))
            },
            Cert(CertificateError::UnknownIssuer),
        ),
    ]);
}

#[test]
fn staple_outcomes_with_lenient_policies() {
    run(vec![
        case(
            "revoked refused even when everything else is allowed",
            |pki| (vec![leaf(pki, false)], Some(staple(pki, revoked(pki)))),
            Cert(CertificateError::Revoked),
        )
        .policy(|p| {
            p.on_missing = Action::Allow;
            p.on_invalid = Action::Allow;
            p.on_unknown = Action::Allow;
        }),
        case(
            "no staple refused when the policy denies",
            |pki| (vec![leaf(pki, false)], None),
            Staple(StapleError::Missing),
        )
        .policy(|p| p.on_missing = Action::Deny),
        case(
            "must-staple with an invalid staple refused even when invalid is allowed",
            must_staple_bad_signature,
            invalid(ocsp_verify::Error::InvalidSignature),
        )
        .policy(|p| p.on_invalid = Action::Allow),
        case(
            "invalid staple allowed when the policy allows",
            |pki| (vec![leaf(pki, false)], Some(other_staple(pki))),
            Connects,
        )
        .policy(|p| p.on_invalid = Action::Allow),
        case(
            "unknown status allowed when the policy allows",
            |pki| {
                (
                    vec![leaf(pki, false)],
                    Some(staple(pki, CertStatus::Unknown)),
                )
            },
            Connects,
        )
        .policy(|p| p.on_unknown = Action::Allow),
    ]);
}

/// The resolver hands out the same `CertifiedKey` while the staple is the
/// same, and a new one (with the new staple) when it changes.
#[test]
fn resolver_caches_per_staple() {
    use std::sync::{Arc, Mutex};

    use ocsp_rustls::StaplingCertResolver;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    use rustls::sign::CertifiedKey;

    let pki = pki();
    let provider = common::provider();
    let key = provider
        .key_provider
        .load_private_key(PrivateKeyDer::Pkcs8(
            ocsp_testkit::tls::LEAF_KEY_PKCS8.to_vec().into(),
        ))
        .unwrap();
    let chain = vec![CertificateDer::from(leaf(&pki, false))];
    let current: Arc<Mutex<Option<Arc<[u8]>>>> = Arc::new(Mutex::new(None));
    let source = Arc::clone(&current);
    let resolver = StaplingCertResolver::new(CertifiedKey::new(chain, key), move || {
        source.lock().unwrap().clone()
    });

    let none = resolver.current();
    assert_eq!(none.ocsp, None);
    assert!(Arc::ptr_eq(&none, &resolver.current()));

    let first: Arc<[u8]> = Arc::from(staple(&pki, CertStatus::Good));
    *current.lock().unwrap() = Some(Arc::clone(&first));
    let stapled = resolver.current();
    assert_eq!(stapled.ocsp.as_deref(), Some(&first[..]));
    assert!(Arc::ptr_eq(&stapled, &resolver.current()));

    // An empty staple is no staple.
    *current.lock().unwrap() = Some(Arc::from(Vec::new()));
    assert_eq!(resolver.current().ocsp, None);
}

/// A leaf with the encodings rustls accepts and strict DER does not:
/// `critical FALSE` written in every non-critical extension (among them an
/// end-entity basicConstraints) and a keyUsage padded with a zero octet
/// (`03 03 07 80 00`, as GnuTLS's certtool writes it).
fn lax_leaf(pki: &TlsPki, must_staple: bool) -> Vec<u8> {
    let mut spec = pki.leaf_spec(SERIAL, must_staple);
    spec.extra_extensions
        .push((vec![0x55, 0x1d, 0x13], false, der::seq(&[])));
    spec.explicit_non_critical = true;
    spec.padded_key_usage = true;
    let leaf = pki.issue_leaf(&spec, &pki.root);
    assert_lax_encodings(&leaf);
    leaf
}

/// A lax leaf, stapled with a response of `status` (if any) by the root.
fn lax_served(pki: &TlsPki, must_staple: bool, status: Option<CertStatus>) -> Served {
    let staple = status.map(|status| staple(pki, status));
    (vec![lax_leaf(pki, must_staple)], staple)
}

#[test]
fn staple_outcomes_with_a_lax_leaf() {
    run(vec![
        case(
            "lax leaf without a staple connects by default",
            |pki| lax_served(pki, false, None),
            Connects,
        )
        .and_tls12(),
        case(
            "lax leaf with a good staple connects",
            |pki| lax_served(pki, false, Some(CertStatus::Good)),
            Connects,
        )
        .and_tls12(),
        // The staple is read, not skipped: a revoked one is refused.
        case(
            "lax leaf with a revoked staple refused",
            |pki| lax_served(pki, false, Some(revoked(pki))),
            Cert(CertificateError::Revoked),
        )
        .and_tls12(),
        // The TLS Feature with `critical FALSE` written is still read:
        // Must-Staple.
        case(
            "lax must-staple leaf without a staple refused",
            |pki| lax_served(pki, true, None),
            Staple(StapleError::MustStapleWithoutStaple),
        ),
    ]);
}

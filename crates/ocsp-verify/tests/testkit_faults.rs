//! Every fault the testkit can inject, each with its exact error variant, and
//! every valid shape with its exact verdict.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Duration;

use ocsp_testkit::{
    at, by_key, cert, cert_id, der, single, CertSpec, Flavor, HashAlg, Key, KeyName, Pki, SigAlg,
    DAY, HOUR, NOW,
};
use ocsp_types::{
    AlgorithmIdentifier, CertStatus, CrlReason, Extension, ObjectIdentifier, OcspResponse,
    ResponderId, ResponseStatus, RevokedInfo,
};
use ocsp_verify::{
    algorithms, Error, Issuer, Policy, Responder, Status, Subject, UnixTime, Verifier,
};

const SKEW: i64 = 300;

fn now(offset: i64) -> UnixTime {
    UnixTime::since_unix_epoch(Duration::from_secs((NOW + offset) as u64))
}

/// What a verification gave, without borrows.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    status: Status,
    responder: &'static str,
    valid_until: u64,
}

fn run_full(
    pki: &Pki,
    der: &[u8],
    policy: Policy,
    time: UnixTime,
    nonce: Option<&[u8]>,
    trusted: &[&[u8]],
) -> Result<Seen, Error> {
    Verifier::new(algorithms::ALL)
        .with_policy(policy)
        .with_trusted_responders(trusted)
        .verify(
            der,
            Subject::Certificate(&pki.leaf),
            Issuer::Certificate(&pki.ca.cert),
            time,
            nonce,
        )
        .map(|v| Seen {
            status: v.status,
            responder: match v.responder {
                Responder::Issuer => "issuer",
                Responder::Delegated { .. } => "delegated",
                Responder::LocallyTrusted { .. } => "trusted",
                _ => "?",
            },
            valid_until: v.valid_until.as_secs(),
        })
}

fn run(pki: &Pki, der: &[u8]) -> Result<Seen, Error> {
    run_full(pki, der, Policy::default(), now(0), None, &[])
}

fn status(pki: &Pki, der: &[u8]) -> Result<(Status, &'static str), Error> {
    run(pki, der).map(|s| (s.status, s.responder))
}

fn status_with(pki: &Pki, der: &[u8], policy: Policy) -> Result<(Status, &'static str), Error> {
    run_full(pki, der, policy, now(0), None, &[]).map(|s| (s.status, s.responder))
}

fn rsa() -> Pki {
    Pki::new(Flavor::Rsa)
}

const GOOD_ISSUER: Result<(Status, &str), Error> = Ok((Status::Good, "issuer"));
const GOOD_DELEGATED: Result<(Status, &str), Error> = Ok((Status::Good, "delegated"));

// ---------------------------------------------------------------- valid shapes

#[test]
fn issuer_signed_rsa() {
    let pki = rsa();
    let seen = run(&pki, &pki.issuer_response().sign(&pki.ca.key)).unwrap();
    assert_eq!(
        seen,
        Seen {
            status: Status::Good,
            responder: "issuer",
            valid_until: (NOW + 3 * DAY) as u64
        }
    );
}

#[test]
fn delegated_rsa_by_key_and_by_name() {
    let pki = rsa();
    assert_eq!(
        status(&pki, &pki.delegated_response().sign(&pki.delegate.key)),
        GOOD_DELEGATED
    );
    let mut spec = pki.delegated_response();
    spec.responder_id = pki.delegate_by_name();
    assert_eq!(status(&pki, &spec.sign(&pki.delegate.key)), GOOD_DELEGATED);
    let mut spec = pki.issuer_response();
    spec.responder_id = ResponderId::ByName(pki.ca.name.clone());
    assert_eq!(status(&pki, &spec.sign(&pki.ca.key)), GOOD_ISSUER);
}

#[test]
fn ecdsa_p256_and_p384_issuer_and_delegated() {
    for flavor in [Flavor::P256, Flavor::P384] {
        let pki = Pki::new(flavor);
        assert_eq!(
            status(&pki, &pki.issuer_response().sign(&pki.ca.key)),
            GOOD_ISSUER,
            "{flavor:?}"
        );
        assert_eq!(
            status(&pki, &pki.delegated_response().sign(&pki.delegate.key)),
            GOOD_DELEGATED,
            "{flavor:?}"
        );
        // The other hash on the same curve.
        let mut spec = pki.issuer_response();
        spec.sig_alg = match flavor {
            Flavor::P256 => SigAlg::EcdsaSha384,
            _ => SigAlg::EcdsaSha256,
        };
        assert_eq!(
            status(&pki, &spec.sign(&pki.ca.key)),
            GOOD_ISSUER,
            "{flavor:?}"
        );
    }
}

#[test]
fn rsa_pss_pkcs1_sha384_sha512_and_sha1() {
    let pki = rsa();
    for alg in [
        SigAlg::RsaPssSha256,
        SigAlg::RsaPssSha384,
        SigAlg::RsaSha384,
        SigAlg::RsaSha512,
        SigAlg::RsaSha1,
    ] {
        let mut spec = pki.issuer_response();
        spec.sig_alg = alg;
        assert_eq!(
            status(&pki, &spec.sign(&pki.ca.key)),
            GOOD_ISSUER,
            "{alg:?}"
        );
    }
}

#[test]
fn sha1_signatures_refused_by_policy() {
    let pki = rsa();
    let no_sha1 = Policy {
        allow_sha1_signatures: false,
        ..Policy::default()
    };
    let mut spec = pki.issuer_response();
    spec.sig_alg = SigAlg::RsaSha1;
    let sha1 = Some(ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.5"));
    assert_eq!(
        run_full(&pki, &spec.sign(&pki.ca.key), no_sha1, now(0), None, &[]),
        Err(Error::Sha1SignatureRefused { oid: sha1 })
    );
    // Also on the delegated responder's certificate.
    let mut cert = pki.delegate_spec();
    cert.sig_alg = Some(SigAlg::RsaSha1);
    let mut spec = pki.delegated_response();
    spec.certs = Some(vec![pki.issue_delegate(&cert)]);
    let der = spec.sign(&pki.delegate.key);
    assert_eq!(status(&pki, &der), GOOD_DELEGATED);
    assert_eq!(
        run_full(&pki, &der, no_sha1, now(0), None, &[]),
        Err(Error::Sha1SignatureRefused { oid: sha1 })
    );
}

#[test]
fn sha2_cert_ids() {
    let pki = rsa();
    for hash in [HashAlg::Sha256, HashAlg::Sha384, HashAlg::Sha512] {
        let mut spec = pki.issuer_response();
        spec.singles = vec![single(
            pki.leaf_cert_id(hash),
            CertStatus::Good,
            at(-HOUR),
            Some(at(DAY)),
        )];
        assert_eq!(
            status(&pki, &spec.sign(&pki.ca.key)),
            GOOD_ISSUER,
            "{hash:?}"
        );
    }
}

#[test]
fn each_status_and_reason() {
    let pki = rsa();
    let mut spec = pki.issuer_response();
    spec.singles = vec![pki.leaf_single(CertStatus::Unknown)];
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Ok((Status::Unknown, "issuer"))
    );
    for reason in [
        None,
        Some(CrlReason::Unspecified),
        Some(CrlReason::KeyCompromise),
        Some(CrlReason::CaCompromise),
        Some(CrlReason::AffiliationChanged),
        Some(CrlReason::Superseded),
        Some(CrlReason::CessationOfOperation),
        Some(CrlReason::CertificateHold),
        Some(CrlReason::RemoveFromCrl),
        Some(CrlReason::PrivilegeWithdrawn),
        Some(CrlReason::AaCompromise),
    ] {
        spec.singles = vec![pki.leaf_single(CertStatus::Revoked(RevokedInfo {
            revocation_time: at(-10 * DAY),
            revocation_reason: reason,
        }))];
        assert_eq!(
            status(&pki, &spec.sign(&pki.ca.key)),
            Ok((
                Status::Revoked {
                    time: at(-10 * DAY),
                    reason
                },
                "issuer"
            ))
        );
    }
}

#[test]
fn name_and_key_issuer_and_serial_subject() {
    let pki = rsa();
    let der = pki.delegated_response().sign(&pki.delegate.key);
    let spki = pki.ca.key.spki_der();
    let v = Verifier::new(algorithms::ALL)
        .verify(
            &der,
            Subject::Serial(&[0, 0, 0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f]),
            Issuer::NameAndKey {
                subject: &pki.ca.name,
                spki: &spki,
            },
            now(0),
            None,
        )
        .unwrap();
    assert_eq!(v.status, Status::Good);
    assert_eq!(v.cert_id.serial_number(), Pki::LEAF_SERIAL);
}

#[test]
fn locally_trusted_responder() {
    let pki = rsa();
    // A responder the CA never certified: refused, unless the caller trusts it.
    let rogue = Key::load(KeyName::OtherRsa);
    let rogue_cert = CertSpec::new(&[9], der::name("Local responder"), at(-DAY), at(DAY)).issue(
        &rogue,
        &der::name("Local responder"),
        &rogue,
    );
    let mut spec = pki.issuer_response();
    spec.responder_id = by_key(&rogue);
    spec.certs = Some(vec![rogue_cert.clone()]);
    let der = spec.sign(&rogue);
    assert_eq!(
        status(&pki, &der),
        Err(Error::DelegatedResponderWrongIssuer)
    );
    let garbage: &[u8] = &[0x30, 0x00];
    let seen = run_full(
        &pki,
        &der,
        Policy::default(),
        now(0),
        None,
        &[&pki.delegate.cert, &rogue_cert],
    )
    .unwrap();
    assert_eq!(seen.responder, "trusted");
    assert!(matches!(
        run_full(
            &pki,
            &der,
            Policy::default(),
            now(0),
            None,
            &[&pki.delegate.cert, garbage]
        ),
        Err(Error::InvalidTrustedResponder { index: 1, .. })
    ));
}

#[test]
fn several_single_responses_strictest_wins() {
    let pki = rsa();
    let revoked = CertStatus::Revoked(RevokedInfo {
        revocation_time: at(-DAY),
        revocation_reason: Some(CrlReason::KeyCompromise),
    });
    let other = single(
        cert_id(HashAlg::Sha1, &pki.ca.name, &pki.ca.key, &[0x99]),
        revoked,
        at(-HOUR),
        Some(at(DAY)),
    );
    let cases = [
        (
            vec![CertStatus::Good, revoked, CertStatus::Unknown],
            Status::Revoked {
                time: at(-DAY),
                reason: Some(CrlReason::KeyCompromise),
            },
        ),
        (vec![CertStatus::Good, CertStatus::Unknown], Status::Unknown),
        (vec![CertStatus::Unknown, CertStatus::Good], Status::Unknown),
        (vec![CertStatus::Good, CertStatus::Good], Status::Good),
    ];
    for (statuses, want) in cases {
        let mut spec = pki.issuer_response();
        spec.singles = vec![other.clone()];
        spec.singles
            .extend(statuses.iter().map(|s| pki.leaf_single(*s)));
        assert_eq!(
            status(&pki, &spec.sign(&pki.ca.key)),
            Ok((want, "issuer")),
            "{statuses:?}"
        );
    }
    // An expired revoked one is not outvoted by a fresh good one: the
    // unusable entry fails the whole response.
    let mut spec = pki.issuer_response();
    spec.singles = vec![
        single(
            pki.leaf_cert_id(HashAlg::Sha1),
            revoked,
            at(-5 * DAY),
            Some(at(-4 * DAY)),
        ),
        pki.leaf_single(CertStatus::Good),
    ];
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::Expired {
            next_update: at(-4 * DAY)
        })
    );
    // Only the invalid one: its error.
    spec.singles.truncate(1);
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::Expired {
            next_update: at(-4 * DAY)
        })
    );
}

#[test]
fn extra_certs_are_harmless_and_every_candidate_is_tried() {
    let pki = rsa();
    // Same name and key as the delegate but no EKU, then the good one.
    let mut no_eku = pki.delegate_spec();
    no_eku.eku = None;
    let mut spec = pki.delegated_response();
    spec.responder_id = pki.delegate_by_name();
    spec.certs = Some(vec![
        pki.ca.cert.clone(),
        pki.other_ca.cert.clone(),
        pki.issue_delegate(&no_eku),
        pki.delegate.cert.clone(),
    ]);
    assert_eq!(status(&pki, &spec.sign(&pki.delegate.key)), GOOD_DELEGATED);
    // Issuer-signed response with unrelated certs.
    let mut spec = pki.issuer_response();
    spec.certs = Some(vec![pki.delegate.cert.clone(), pki.leaf.clone()]);
    assert_eq!(status(&pki, &spec.sign(&pki.ca.key)), GOOD_ISSUER);
}

#[test]
fn the_most_specific_error_is_reported() {
    let pki = rsa();
    let mut wrong_issuer = pki.delegate_spec();
    wrong_issuer.eku = None;
    let mut expired = pki.delegate_spec();
    expired.not_after = at(-DAY);
    let mut spec = pki.delegated_response();
    spec.certs = Some(vec![
        pki.issue_delegate(&wrong_issuer),
        pki.issue_delegate(&expired),
        pki.issue_delegate(&wrong_issuer),
    ]);
    assert_eq!(
        status(&pki, &spec.sign(&pki.delegate.key)),
        Err(Error::DelegatedResponderNotValid {
            not_before: at(-30 * DAY),
            not_after: at(-DAY)
        })
    );
}

// ---------------------------------------------------------------- responder faults

#[test]
fn wrong_responder_id() {
    let pki = rsa();
    let mut spec = pki.issuer_response();
    spec.responder_id = ResponderId::ByKey(vec![0x42; 20]);
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::NoAuthorizedResponder)
    );
    spec.responder_id = ResponderId::ByName(der::name("Nobody"));
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::NoAuthorizedResponder)
    );
    spec.responder_id = ResponderId::ByKey(vec![0x42; 19]);
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::InvalidResponderKeyHash { len: 19 })
    );
}

#[test]
fn bad_signatures() {
    let pki = rsa();
    let mut spec = pki.issuer_response();
    spec.corrupt_signature = true;
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::InvalidSignature)
    );
    let mut spec = pki.delegated_response();
    spec.corrupt_signature = true;
    assert_eq!(
        status(&pki, &spec.sign(&pki.delegate.key)),
        Err(Error::InvalidSignature)
    );
    // Names the CA, signed by someone else.
    let spec = pki.issuer_response();
    assert_eq!(
        status(&pki, &spec.sign(&pki.other_ca.key)),
        Err(Error::InvalidSignature)
    );
    for flavor in [Flavor::P256, Flavor::P384] {
        let pki = Pki::new(flavor);
        let mut spec = pki.issuer_response();
        spec.corrupt_signature = true;
        assert_eq!(
            status(&pki, &spec.sign(&pki.ca.key)),
            Err(Error::InvalidSignature),
            "{flavor:?}"
        );
    }
}

#[test]
fn delegate_without_ocsp_signing() {
    let pki = rsa();
    for eku in [None, Some(vec![cert::KP_SERVER_AUTH.to_vec()])] {
        let mut c = pki.delegate_spec();
        c.eku = eku;
        let mut spec = pki.delegated_response();
        spec.certs = Some(vec![pki.issue_delegate(&c)]);
        assert_eq!(
            status(&pki, &spec.sign(&pki.delegate.key)),
            Err(Error::DelegatedResponderNotOcspSigning)
        );
    }
    // Among several purposes it is fine.
    let mut c = pki.delegate_spec();
    c.eku = Some(vec![
        cert::KP_SERVER_AUTH.to_vec(),
        cert::KP_OCSP_SIGNING.to_vec(),
    ]);
    let mut spec = pki.delegated_response();
    spec.certs = Some(vec![pki.issue_delegate(&c)]);
    assert_eq!(status(&pki, &spec.sign(&pki.delegate.key)), GOOD_DELEGATED);
}

#[test]
fn delegate_issued_by_another_ca() {
    let pki = rsa();
    // Same issuer Name, other key: the certificate signature fails.
    let c = pki
        .delegate_spec()
        .issue(&pki.delegate.key, &pki.other_ca.name, &pki.other_ca.key);
    let mut spec = pki.delegated_response();
    spec.certs = Some(vec![c]);
    assert_eq!(
        status(&pki, &spec.sign(&pki.delegate.key)),
        Err(Error::DelegatedResponderBadSignature)
    );
    // Another issuer Name.
    let c = pki
        .delegate_spec()
        .issue(&pki.delegate.key, &der::name("Other CA"), &pki.ca.key);
    spec.certs = Some(vec![c]);
    assert_eq!(
        status(&pki, &spec.sign(&pki.delegate.key)),
        Err(Error::DelegatedResponderWrongIssuer)
    );
}

#[test]
fn delegate_outside_its_validity() {
    let pki = rsa();
    for (nb, na) in [(at(-30 * DAY), at(-1)), (at(1), at(30 * DAY))] {
        let mut c = pki.delegate_spec();
        c.not_before = nb;
        c.not_after = na;
        let mut spec = pki.delegated_response();
        spec.certs = Some(vec![pki.issue_delegate(&c)]);
        assert_eq!(
            status(&pki, &spec.sign(&pki.delegate.key)),
            Err(Error::DelegatedResponderNotValid {
                not_before: nb,
                not_after: na
            })
        );
    }
    // Exact bounds are inside.
    for (nb, na) in [(at(-30 * DAY), at(0)), (at(0), at(30 * DAY))] {
        let mut c = pki.delegate_spec();
        c.not_before = nb;
        c.not_after = na;
        let mut spec = pki.delegated_response();
        spec.certs = Some(vec![pki.issue_delegate(&c)]);
        assert_eq!(status(&pki, &spec.sign(&pki.delegate.key)), GOOD_DELEGATED);
    }
}

#[test]
fn delegate_key_usage() {
    let pki = rsa();
    let mut c = pki.delegate_spec();
    c.key_usage = Some(cert::KU_CERT_SIGN);
    let mut spec = pki.delegated_response();
    spec.certs = Some(vec![pki.issue_delegate(&c)]);
    assert_eq!(
        status(&pki, &spec.sign(&pki.delegate.key)),
        Err(Error::DelegatedResponderKeyUsage)
    );
    c.key_usage = None;
    spec.certs = Some(vec![pki.issue_delegate(&c)]);
    assert_eq!(status(&pki, &spec.sign(&pki.delegate.key)), GOOD_DELEGATED);
}

#[test]
fn delegate_unhandled_critical_extension() {
    let pki = rsa();
    let mut c = pki.delegate_spec();
    c.extra_extensions
        .push((vec![0x2a, 0x03, 0x04], true, vec![0x05, 0x00]));
    let mut spec = pki.delegated_response();
    spec.certs = Some(vec![pki.issue_delegate(&c)]);
    assert_eq!(
        status(&pki, &spec.sign(&pki.delegate.key)),
        Err(Error::DelegatedResponderUnhandledCriticalExtension {
            oid: Some(ObjectIdentifier::new_unwrap("1.2.3.4"))
        })
    );
}

#[test]
fn delegate_signature_broken() {
    let pki = rsa();
    let mut c = pki.delegate_spec();
    c.corrupt_signature = true;
    let mut spec = pki.delegated_response();
    spec.certs = Some(vec![pki.issue_delegate(&c)]);
    assert_eq!(
        status(&pki, &spec.sign(&pki.delegate.key)),
        Err(Error::DelegatedResponderBadSignature)
    );
}

#[test]
fn certs_missing_or_malformed() {
    let pki = rsa();
    let mut spec = pki.delegated_response();
    spec.certs = None;
    assert_eq!(
        status(&pki, &spec.sign(&pki.delegate.key)),
        Err(Error::NoAuthorizedResponder)
    );
    spec.certs = Some(vec![]);
    assert_eq!(
        status(&pki, &spec.sign(&pki.delegate.key)),
        Err(Error::NoAuthorizedResponder)
    );
    // Outer shape right (ocsp-types accepts it), inside wrong.
    let broken = der::seq(&[&der::seq(&[]), &SigAlg::RsaSha256.der(), &der::bits(&[1])]);
    spec.certs = Some(vec![broken]);
    assert!(matches!(
        status(&pki, &spec.sign(&pki.delegate.key)),
        Err(Error::DelegatedResponderMalformed(
            ocsp_types::Error::MissingField { .. }
        ))
    ));
}

// ---------------------------------------------------------------- CertID faults

#[test]
fn wrong_name_or_key_hash() {
    let pki = rsa();
    for field in 0..3 {
        let mut id = pki.leaf_cert_id(HashAlg::Sha256);
        match field {
            0 => id.issuer_name_hash[0] ^= 1,
            1 => id.issuer_key_hash[31] ^= 1,
            _ => id.serial_number = vec![0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5e],
        }
        let mut spec = pki.issuer_response();
        spec.singles = vec![single(id, CertStatus::Good, at(-HOUR), Some(at(DAY)))];
        assert_eq!(
            status(&pki, &spec.sign(&pki.ca.key)),
            Err(Error::NoMatchingResponse),
            "field {field}"
        );
    }
    let mut spec = pki.issuer_response();
    spec.singles = vec![];
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::NoMatchingResponse)
    );
    // A CertID under an unsupported hash (MD5) names nothing.
    let mut id = pki.leaf_cert_id(HashAlg::Sha1);
    id.hash_algorithm = AlgorithmIdentifier::with_null_parameters(ObjectIdentifier::new_unwrap(
        "1.2.840.113549.2.5",
    ));
    spec.singles = vec![single(id, CertStatus::Good, at(-HOUR), Some(at(DAY)))];
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::NoMatchingResponse)
    );
}

#[test]
fn certificate_not_issued_by_the_issuer() {
    let pki = rsa();
    let der = pki.issuer_response().sign(&pki.ca.key);
    let stranger = CertSpec::new(Pki::LEAF_SERIAL, der::name("x"), at(-DAY), at(DAY)).issue(
        &pki.other_ca.key,
        &der::name("Other CA"),
        &pki.other_ca.key,
    );
    let r = Verifier::new(algorithms::ALL).verify(
        &der,
        Subject::Certificate(&stranger),
        Issuer::Certificate(&pki.ca.cert),
        now(0),
        None,
    );
    assert_eq!(r.err(), Some(Error::CertificateIssuerMismatch));
}

// ---------------------------------------------------------------- time

fn with_times(pki: &Pki, this: i64, next: Option<i64>, produced: i64) -> Vec<u8> {
    let mut spec = pki.issuer_response();
    spec.singles = vec![single(
        pki.leaf_cert_id(HashAlg::Sha1),
        CertStatus::Good,
        at(this),
        next.map(at),
    )];
    spec.produced_at = at(produced);
    spec.sign(&pki.ca.key)
}

#[test]
fn time_edges_are_inclusive_with_skew() {
    let pki = rsa();
    let ok = |this, next, produced| status(&pki, &with_times(&pki, this, next, produced));
    assert_eq!(ok(SKEW, Some(DAY), 0), GOOD_ISSUER);
    assert_eq!(
        ok(SKEW + 1, Some(DAY), 0),
        Err(Error::NotYetValid {
            this_update: at(SKEW + 1)
        })
    );
    assert_eq!(ok(-DAY, Some(-SKEW), -DAY), GOOD_ISSUER);
    assert_eq!(
        ok(-DAY, Some(-SKEW - 1), -DAY),
        Err(Error::Expired {
            next_update: at(-SKEW - 1)
        })
    );
    assert_eq!(ok(0, Some(0), 0), GOOD_ISSUER);
    assert_eq!(
        ok(0, Some(-1), 0),
        Err(Error::NextUpdateBeforeThisUpdate {
            this_update: at(0),
            next_update: at(-1)
        })
    );
    // By default a producedAt after the time is no fault: the status is
    // bounded by thisUpdate and nextUpdate.
    assert_eq!(ok(-HOUR, Some(DAY), DAY), GOOD_ISSUER);
    let strict = Policy {
        reject_produced_in_future: true,
        ..Policy::default()
    };
    let produced = |p| status_with(&pki, &with_times(&pki, -HOUR, Some(DAY), p), strict);
    assert_eq!(produced(SKEW), GOOD_ISSUER);
    assert_eq!(
        produced(SKEW + 1),
        Err(Error::ProducedInFuture {
            produced_at: at(SKEW + 1)
        })
    );
    // producedAt within the leaf's validity (at(-100 days) .. at(100 days)).
    assert_eq!(ok(-HOUR, Some(DAY), -100 * DAY), GOOD_ISSUER);
    assert_eq!(
        ok(-HOUR, Some(DAY), -100 * DAY - 1),
        Err(Error::ProducedOutsideCertificateValidity {
            produced_at: at(-100 * DAY - 1)
        })
    );
}

#[test]
fn zero_skew() {
    let pki = rsa();
    let policy = Policy {
        clock_skew: Duration::ZERO,
        ..Policy::default()
    };
    let r = |this, next| {
        run_full(
            &pki,
            &with_times(&pki, this, next, this.min(0)),
            policy,
            now(0),
            None,
            &[],
        )
        .map(|s| s.status)
    };
    assert_eq!(r(0, Some(0)), Ok(Status::Good));
    assert_eq!(
        r(1, Some(DAY)),
        Err(Error::NotYetValid { this_update: at(1) })
    );
    assert_eq!(
        r(-DAY, Some(-1)),
        Err(Error::Expired {
            next_update: at(-1)
        })
    );
}

#[test]
fn max_age_and_missing_next_update() {
    let pki = rsa();
    // Default: without nextUpdate, 10 days (+ skew) at most; cached until thisUpdate + 10 days.
    let seen = run(&pki, &with_times(&pki, -10 * DAY - SKEW, None, -11 * DAY)).unwrap();
    assert_eq!(seen.valid_until, (NOW - SKEW) as u64);
    assert_eq!(
        status(
            &pki,
            &with_times(&pki, -10 * DAY - SKEW - 1, None, -11 * DAY)
        ),
        Err(Error::TooOld {
            this_update: at(-10 * DAY - SKEW - 1)
        })
    );
    // With nextUpdate the default caps the age at 10 days too; without a
    // max age, nextUpdate alone bounds it.
    let old = with_times(&pki, -90 * DAY, Some(DAY), -90 * DAY);
    assert_eq!(
        status(&pki, &old),
        Err(Error::TooOld {
            this_update: at(-90 * DAY)
        })
    );
    let no_max_age = Policy {
        max_age: None,
        ..Policy::default()
    };
    assert_eq!(status_with(&pki, &old, no_max_age), GOOD_ISSUER);
    // A max age applies to every response and bounds valid_until.
    let policy = Policy {
        max_age: Some(Duration::from_secs(2 * DAY as u64)),
        ..Policy::default()
    };
    let der = with_times(&pki, -2 * DAY - SKEW, Some(DAY), -3 * DAY);
    assert_eq!(
        run_full(&pki, &der, policy, now(0), None, &[])
            .unwrap()
            .valid_until,
        (NOW - SKEW) as u64
    );
    let der = with_times(&pki, -2 * DAY - SKEW - 1, Some(DAY), -3 * DAY);
    assert_eq!(
        run_full(&pki, &der, policy, now(0), None, &[]),
        Err(Error::TooOld {
            this_update: at(-2 * DAY - SKEW - 1)
        })
    );
    // RFC 5019 strictness.
    let strict = Policy {
        require_next_update: true,
        ..Policy::default()
    };
    let der = with_times(&pki, -HOUR, None, -HOUR);
    assert_eq!(
        run_full(&pki, &der, strict, now(0), None, &[]),
        Err(Error::MissingNextUpdate)
    );
    assert_eq!(status(&pki, &der), GOOD_ISSUER);
}

// ---------------------------------------------------------------- extensions

const UNKNOWN: &str = "1.3.6.1.4.1.99999.1";

fn ext(oid: &str, critical: bool, value: Vec<u8>) -> Extension {
    Extension {
        oid: ObjectIdentifier::new_unwrap(oid),
        critical,
        value,
    }
}

#[test]
fn critical_extensions() {
    let pki = rsa();
    let unknown = Some(ObjectIdentifier::new_unwrap(UNKNOWN));
    // Unknown critical: refused, in the response or in the single response.
    let mut spec = pki.issuer_response();
    spec.extensions = vec![ext(UNKNOWN, true, vec![0x05, 0x00])];
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::UnhandledCriticalExtension { oid: unknown })
    );
    let mut spec = pki.issuer_response();
    spec.singles[0].extensions = vec![ext(UNKNOWN, true, vec![0x05, 0x00])];
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::UnhandledCriticalExtension { oid: unknown })
    );
    // Unknown non-critical: ignored.
    let mut spec = pki.issuer_response();
    spec.extensions = vec![ext(UNKNOWN, false, vec![0x05, 0x00])];
    spec.singles[0].extensions = vec![ext(UNKNOWN, false, vec![0x05, 0x00])];
    assert_eq!(status(&pki, &spec.sign(&pki.ca.key)), GOOD_ISSUER);
    // Known ones, even critical.
    let mut nonce = Extension::nonce(&[7; 16]).unwrap();
    nonce.critical = true;
    let mut spec = pki.issuer_response();
    spec.extensions = vec![nonce, ext("1.3.6.1.5.5.7.48.1.9", true, vec![0x05, 0x00])];
    spec.singles[0].extensions = vec![
        ext(
            "1.3.6.1.5.5.7.48.1.3",
            true,
            der::seq(&[&der::tlv(
                0xa0,
                &der::tlv(0x16, b"http://crl.example/ca.crl"),
            )]),
        ),
        ext("1.3.6.1.5.5.7.48.1.6", true, der::time(at(-365 * DAY))),
        ext("1.3.6.1.4.1.11129.2.4.5", true, der::octets(&[0, 0])),
    ];
    assert_eq!(status(&pki, &spec.sign(&pki.ca.key)), GOOD_ISSUER);
    // A known one whose value does not decode, but which the verifier does
    // not use: only its outer structure counts (see
    // `known_extension_values_are_read_only_when_used`).
    let mut spec = pki.issuer_response();
    spec.singles[0].extensions = vec![ext("1.3.6.1.5.5.7.48.1.6", false, vec![0x05, 0x00])];
    assert_eq!(status(&pki, &spec.sign(&pki.ca.key)), GOOD_ISSUER);
}

// ---------------------------------------------------------------- nonces

#[test]
fn nonces() {
    let pki = rsa();
    let sent = [0x5a; 32];
    let mut spec = pki.issuer_response();
    spec.extensions = vec![Extension::nonce(&sent).unwrap()];
    let with_nonce = spec.sign(&pki.ca.key);
    let without = pki.issuer_response().sign(&pki.ca.key);
    let d = Policy::default();
    let require = Policy {
        require_nonce: true,
        ..d
    };
    let r =
        |der: &[u8], p, n: Option<&[u8]>| run_full(&pki, der, p, now(0), n, &[]).map(|s| s.status);
    assert_eq!(r(&with_nonce, d, Some(&sent)), Ok(Status::Good));
    assert_eq!(
        r(&with_nonce, d, Some(&[0x5b; 32])),
        Err(Error::NonceMismatch)
    );
    assert_eq!(r(&with_nonce, d, None), Ok(Status::Good));
    assert_eq!(r(&without, d, Some(&sent)), Ok(Status::Good));
    assert_eq!(r(&with_nonce, require, Some(&sent)), Ok(Status::Good));
    assert_eq!(r(&without, require, Some(&sent)), Err(Error::NonceMissing));
    assert_eq!(r(&with_nonce, require, None), Err(Error::NonceMissing));
}

// ---------------------------------------------------------------- algorithms

#[test]
fn algorithms_not_in_the_list_are_refused_by_name() {
    let pki = rsa();
    for oid in ["1.2.840.113549.1.1.4", "1.2.840.113549.1.1.2", "1.2.3.4.5"] {
        let mut spec = pki.issuer_response();
        spec.signature_algorithm_override = Some(AlgorithmIdentifier::with_null_parameters(
            ObjectIdentifier::new_unwrap(oid),
        ));
        assert_eq!(
            status(&pki, &spec.sign(&pki.ca.key)),
            Err(Error::UnsupportedSignatureAlgorithm {
                oid: Some(ObjectIdentifier::new_unwrap(oid))
            }),
            "{oid}"
        );
    }
    // sha256WithRSAEncryption with odd parameters is not the algorithm we know.
    let mut spec = pki.issuer_response();
    spec.signature_algorithm_override = Some(AlgorithmIdentifier {
        oid: ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11"),
        parameters: Some(vec![0x04, 0x00]),
    });
    assert!(matches!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::UnsupportedSignatureAlgorithm { .. })
    ));
    // An ECDSA signature algorithm on an RSA key.
    let mut spec = pki.issuer_response();
    spec.signature_algorithm_override = Some(SigAlg::EcdsaSha256.algorithm_identifier());
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::UnsupportedSignatureAlgorithmForKey {
            signature: Some(ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2")),
            key: Some(ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1")),
        })
    );
}

// ---------------------------------------------------------------- envelope and inputs

#[test]
fn unsuccessful_statuses() {
    let pki = rsa();
    for s in [
        ResponseStatus::MalformedRequest,
        ResponseStatus::InternalError,
        ResponseStatus::TryLater,
        ResponseStatus::SigRequired,
        ResponseStatus::Unauthorized,
    ] {
        let der = OcspResponse::error(s).to_der().unwrap();
        assert_eq!(status(&pki, &der), Err(Error::Unsuccessful { status: s }));
    }
}

#[test]
fn malformed_and_unsupported_type() {
    let pki = rsa();
    let good = pki.issuer_response().sign(&pki.ca.key);
    assert!(matches!(
        status(&pki, &good[..good.len() - 1]),
        Err(Error::Malformed(ocsp_types::Error::Truncated { .. }))
    ));
    let mut trailing = good.clone();
    trailing.push(0);
    assert!(matches!(status(&pki, &trailing), Err(Error::Malformed(_))));
    let other_type = der::seq(&[
        &[0x0a, 0x01, 0x00],
        &der::tlv(
            0xa0,
            &der::seq(&[&der::oid(&[0x2a, 0x03]), &der::octets(&[0x30, 0x00])]),
        ),
    ]);
    assert_eq!(
        status(&pki, &other_type),
        Err(Error::UnsupportedResponseType {
            oid: Some(ObjectIdentifier::new_unwrap("1.2.3"))
        })
    );
}

#[test]
fn invalid_inputs() {
    let pki = rsa();
    let der = pki.issuer_response().sign(&pki.ca.key);
    let v = Verifier::new(algorithms::ALL);
    let junk: &[u8] = &[0x30, 0x03, 0x02, 0x01, 0x01];
    assert!(matches!(
        v.verify(
            &der,
            Subject::Certificate(&pki.leaf),
            Issuer::Certificate(junk),
            now(0),
            None
        )
        .err(),
        Some(Error::InvalidIssuer(ocsp_types::Error::UnexpectedTag {
            expected: 0x30,
            found: 0x02,
            ..
        }))
    ));
    assert!(matches!(
        v.verify(
            &der,
            Subject::Certificate(junk),
            Issuer::Certificate(&pki.ca.cert),
            now(0),
            None
        )
        .err(),
        Some(Error::InvalidCertificate(
            ocsp_types::Error::UnexpectedTag {
                expected: 0x30,
                found: 0x02,
                ..
            }
        ))
    ));
    assert!(matches!(
        v.verify(
            &der,
            Subject::Serial(Pki::LEAF_SERIAL),
            Issuer::NameAndKey {
                subject: &pki.ca.name,
                spki: junk
            },
            now(0),
            None
        )
        .err(),
        Some(Error::InvalidIssuer(ocsp_types::Error::UnexpectedTag {
            expected: 0x30,
            found: 0x02,
            ..
        }))
    ));
}

// ---------------------------------------------------------------- compatibility

/// A critical SCT list with a junk value in the single response: Chromium
/// accepts it (it reads no extension), mozilla::pkix understands the SCT list
/// without decoding it; `Status::Good` here too. The same for the other
/// known extensions the verifier does not act on, even critical. The typed
/// accessor still reports the malformed value to a caller that asks.
#[test]
fn known_extension_values_are_read_only_when_used() {
    let pki = rsa();
    let junk = vec![0xde, 0xad, 0xbe, 0xef];
    let mut spec = pki.issuer_response();
    spec.singles[0].extensions = vec![ext("1.3.6.1.4.1.11129.2.4.5", true, junk.clone())];
    let der = spec.sign(&pki.ca.key);
    assert_eq!(status(&pki, &der), GOOD_ISSUER);
    let parsed = ocsp_types::OcspResponseRef::parse(&der).unwrap();
    let single = parsed
        .basic()
        .unwrap()
        .tbs_response_data()
        .responses()
        .iter()
        .next();
    let sct = single.unwrap().extensions().iter().next().unwrap();
    assert!(matches!(
        sct.sct_list(),
        Err(ocsp_types::Error::InvalidExtensionValue { .. })
    ));
    for oid in [
        "1.3.6.1.5.5.7.48.1.3", // CRL references
        "1.3.6.1.5.5.7.48.1.6", // archive cutoff
        "1.3.6.1.5.5.7.48.1.9", // extended revoke
    ] {
        let mut spec = pki.issuer_response();
        spec.singles[0].extensions = vec![ext(oid, true, junk.clone())];
        spec.extensions = vec![ext(oid, true, junk.clone())];
        assert_eq!(status(&pki, &spec.sign(&pki.ca.key)), GOOD_ISSUER, "{oid}");
    }
    // A nonce value that is not an OCTET STRING is compared as raw bytes:
    // it is used, so it must match what was sent.
    let mut spec = pki.issuer_response();
    spec.extensions = vec![ext("1.3.6.1.5.5.7.48.1.2", true, junk.clone())];
    let der = spec.sign(&pki.ca.key);
    let r = |sent: &[u8]| {
        run_full(&pki, &der, Policy::default(), now(0), Some(sent), &[]).map(|s| s.status)
    };
    assert_eq!(r(&junk), Ok(Status::Good));
    assert_eq!(r(&[0x04, 0x02, 0xde, 0xad]), Err(Error::NonceMismatch));
    // The outer structure still counts: an unknown critical one fails.
    let mut spec = pki.issuer_response();
    spec.singles[0].extensions = vec![ext(UNKNOWN, true, junk)];
    assert_eq!(
        status(&pki, &spec.sign(&pki.ca.key)),
        Err(Error::UnhandledCriticalExtension {
            oid: Some(ObjectIdentifier::new_unwrap(UNKNOWN))
        })
    );
}

/// `version [0] INTEGER 0` and empty extension SEQUENCEs (cfssl; mozilla bugs
/// 1031093 and 991898): the response verifies, signature over the bytes as
/// received.
#[test]
fn explicit_version_and_empty_extensions_verify() {
    let pki = rsa();
    let mut spec = pki.issuer_response();
    spec.singles[0].empty_extensions_encoded = true;
    let der = spec.sign_edited(&pki.ca.key, |tbs| {
        tbs.version_encoded = true;
        tbs.empty_extensions_encoded = true;
    });
    let parsed = ocsp_types::OcspResponseRef::parse(&der).unwrap();
    assert_eq!(parsed.deviations().count(), 3);
    assert_eq!(status(&pki, &der), GOOD_ISSUER);
    // The remembered encoding is what was signed: dropping it breaks the
    // signature.
    let mut owned = OcspResponse::from_der(&der).unwrap();
    owned
        .basic
        .as_mut()
        .unwrap()
        .tbs_response_data
        .version_encoded = false;
    assert_eq!(
        status(&pki, &owned.to_der().unwrap()),
        Err(Error::InvalidSignature)
    );
}

/// A delegated responder certificate with `critical FALSE` encoded and a
/// keyUsage padded with a zero octet (GnuTLS certtool): accepted, as
/// rustls-webpki and mozilla::pkix accept it, and its bits are read as
/// encoded.
#[test]
fn delegate_with_explicit_non_critical_and_padded_key_usage() {
    let pki = rsa();
    let mut c = pki.delegate_spec();
    c.explicit_non_critical = true;
    c.padded_key_usage = true;
    c.key_usage = Some(cert::KU_DIGITAL_SIGNATURE);
    let delegate = pki.issue_delegate(&c);
    let kinds: Vec<_> = ocsp_types::CertificateRef::parse(&delegate)
        .unwrap()
        .deviations()
        .map(|d| d.kind)
        .collect();
    assert!(kinds.contains(&ocsp_types::DeviationKind::ExplicitNonCritical));
    assert!(kinds.contains(&ocsp_types::DeviationKind::PaddedKeyUsage));
    let mut spec = pki.delegated_response();
    spec.certs = Some(vec![delegate]);
    assert_eq!(status(&pki, &spec.sign(&pki.delegate.key)), GOOD_DELEGATED);
    c.key_usage = Some(cert::KU_CERT_SIGN);
    spec.certs = Some(vec![pki.issue_delegate(&c)]);
    assert_eq!(
        status(&pki, &spec.sign(&pki.delegate.key)),
        Err(Error::DelegatedResponderKeyUsage)
    );
}

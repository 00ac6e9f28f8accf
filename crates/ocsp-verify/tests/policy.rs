//! The verification-policy rules where careful peers differ, each with its
//! exact verdict or error variant: the delegated responder's keyUsage
//! (digitalSignature or nonRepudiation), CA certificates as delegated
//! responders, extra (not embedded) responder certificates, several single
//! responses about the certificate, and the 10-day maximum age.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::time::Duration;

use common::{
    delegated, revoked_key_compromise, status as verify, Check, Seen, Who, SKEW, UNKNOWN_EXT,
};
use ocsp_testkit::{at, cert, der, single, Flavor, HashAlg, Pki, DAY, HOUR, NOW};
use ocsp_types::{CertStatus, Extension, ObjectIdentifier, SingleResponse};
use ocsp_verify::{Error, Policy, Status};

fn verify_with(pki: &Pki, response: &[u8], policy: Policy, extra: &[&[u8]]) -> Result<Seen, Error> {
    Check {
        policy,
        extra,
        ..Check::default()
    }
    .run(pki, response)
}

fn rsa() -> Pki {
    Pki::new(Flavor::Rsa)
}

fn revoked() -> CertStatus {
    revoked_key_compromise().0
}

fn revoked_status() -> Status {
    revoked_key_compromise().1
}

// ---------------------------------------------------------------- keyUsage (item 5)

#[test]
fn delegate_key_usage_digital_signature_or_non_repudiation() {
    let pki = rsa();
    let with_ku = |ku: Option<u8>| {
        let mut spec = pki.delegate_spec();
        spec.key_usage = ku;
        verify(
            &pki,
            &delegated(&pki, Some(vec![pki.issue_delegate(&spec)])),
        )
    };
    let good = Ok((Status::Good, Who::Delegated));
    // Absent, digitalSignature, nonRepudiation only (qualified CAs such as
    // D-TRUST), both.
    assert_eq!(with_ku(None), good);
    assert_eq!(with_ku(Some(cert::KU_DIGITAL_SIGNATURE)), good);
    assert_eq!(with_ku(Some(cert::KU_NON_REPUDIATION)), good);
    assert_eq!(
        with_ku(Some(cert::KU_DIGITAL_SIGNATURE | cert::KU_NON_REPUDIATION)),
        good
    );
    // Neither: keyCertSign only, keyCertSign | cRLSign.
    assert_eq!(
        with_ku(Some(cert::KU_KEY_CERT_SIGN)),
        Err(Error::DelegatedResponderKeyUsage)
    );
    assert_eq!(
        with_ku(Some(cert::KU_CERT_SIGN)),
        Err(Error::DelegatedResponderKeyUsage)
    );
    // keyEncipherment only.
    assert_eq!(with_ku(Some(0x20)), Err(Error::DelegatedResponderKeyUsage));
}

// ---------------------------------------------------------------- CA delegates (item 8)

#[test]
fn ca_certificate_as_delegated_responder_is_refused_by_default() {
    let pki = rsa();
    let mut spec = pki.delegate_spec();
    spec.ca = true;
    let ca_delegate = pki.issue_delegate(&spec);
    let response = delegated(&pki, Some(vec![ca_delegate.clone()]));
    assert_eq!(verify(&pki, &response), Err(Error::DelegatedResponderIsCa));
    // Also when it comes as an extra certificate.
    let bare = delegated(&pki, None);
    assert_eq!(
        verify_with(&pki, &bare, Policy::default(), &[&ca_delegate]).map(|s| s.status),
        Err(Error::DelegatedResponderIsCa)
    );
    // A private PKI may allow it.
    let allow = Policy {
        allow_ca_responders: true,
        ..Policy::default()
    };
    assert_eq!(
        verify_with(&pki, &response, allow, &[]).map(|s| (s.status, s.responder)),
        Ok((Status::Good, Who::Delegated))
    );
    assert_eq!(
        verify_with(&pki, &bare, allow, &[&ca_delegate]).map(|s| s.responder),
        Ok(Who::Extra(0))
    );
    // The issuer itself is a CA and signs as the issuer: not affected.
    assert_eq!(
        verify(&pki, &pki.issuer_response().sign(&pki.ca.key)),
        Ok((Status::Good, Who::Issuer))
    );
}

#[test]
fn basic_constraints_without_ca_is_an_end_entity() {
    let pki = rsa();
    let basic_constraints = vec![0x55, 0x1d, 0x13];
    // cA left at its default, then an explicit cA FALSE (rustls-webpki
    // accepts both), then a pathLenConstraint without cA.
    for value in [
        der::seq(&[]),
        der::seq(&[&[0x01, 0x01, 0x00]]),
        der::seq(&[&[0x02, 0x01, 0x00]]),
    ] {
        let mut spec = pki.delegate_spec();
        spec.extra_extensions
            .push((basic_constraints.clone(), true, value.clone()));
        assert_eq!(
            verify(
                &pki,
                &delegated(&pki, Some(vec![pki.issue_delegate(&spec)]))
            ),
            Ok((Status::Good, Who::Delegated)),
            "{value:02x?}"
        );
    }
    // A basicConstraints value that does not decode.
    let mut spec = pki.delegate_spec();
    spec.extra_extensions
        .push((basic_constraints, false, vec![0x05, 0x00]));
    assert!(matches!(
        verify(
            &pki,
            &delegated(&pki, Some(vec![pki.issue_delegate(&spec)]))
        ),
        Err(Error::DelegatedResponderMalformed(_))
    ));
}

// ---------------------------------------------------------------- extra certificates (item 6)

#[test]
fn extra_certificates_authorize_a_response_without_embedded_certs() {
    let pki = rsa();
    let bare = delegated(&pki, None);
    assert_eq!(verify(&pki, &bare), Err(Error::NoAuthorizedResponder));
    let run = |extra: &[&[u8]]| {
        verify_with(&pki, &bare, Policy::default(), extra).map(|s| (s.status, s.responder))
    };
    assert_eq!(
        run(&[&pki.delegate.cert]),
        Ok((Status::Good, Who::Extra(0)))
    );
    // Unrelated certificates around it are harmless; the index is reported.
    assert_eq!(
        run(&[
            &pki.ca.cert,
            &pki.other_ca.cert,
            &pki.leaf,
            &pki.delegate.cert
        ]),
        Ok((Status::Good, Who::Extra(3)))
    );
    // An embedded certificate that works is used first.
    let embedded = delegated(&pki, Some(vec![pki.delegate.cert.clone()]));
    assert_eq!(
        verify_with(&pki, &embedded, Policy::default(), &[&pki.delegate.cert]).map(|s| s.responder),
        Ok(Who::Delegated)
    );
    // A broken embedded one does not hide a good extra one.
    let mut no_eku = pki.delegate_spec();
    no_eku.eku = None;
    let stale = delegated(&pki, Some(vec![pki.issue_delegate(&no_eku)]));
    assert_eq!(
        verify_with(&pki, &stale, Policy::default(), &[&pki.delegate.cert]).map(|s| s.responder),
        Ok(Who::Extra(0))
    );
}

#[test]
fn extra_certificates_are_authorized_like_embedded_ones() {
    let pki = rsa();
    let bare = delegated(&pki, None);
    let run = |cert: &[u8]| verify_with(&pki, &bare, Policy::default(), &[cert]).map(|s| s.status);
    let mut no_eku = pki.delegate_spec();
    no_eku.eku = None;
    assert_eq!(
        run(&pki.issue_delegate(&no_eku)),
        Err(Error::DelegatedResponderNotOcspSigning)
    );
    let mut expired = pki.delegate_spec();
    expired.not_after = at(-DAY);
    assert_eq!(
        run(&pki.issue_delegate(&expired)),
        Err(Error::DelegatedResponderNotValid {
            not_before: at(-30 * DAY),
            not_after: at(-DAY)
        })
    );
    let mut key_cert_sign = pki.delegate_spec();
    key_cert_sign.key_usage = Some(cert::KU_KEY_CERT_SIGN);
    assert_eq!(
        run(&pki.issue_delegate(&key_cert_sign)),
        Err(Error::DelegatedResponderKeyUsage)
    );
    // Issued under the issuer's Name by another key: not the issuer's.
    let forged = pki
        .delegate_spec()
        .issue(&pki.delegate.key, &pki.ca.name, &pki.other_ca.key);
    assert_eq!(run(&forged), Err(Error::DelegatedResponderBadSignature));
    // Self-issued under another Name: extra certificates are not trusted.
    let self_issued =
        pki.delegate_spec()
            .issue(&pki.delegate.key, &pki.delegate.name, &pki.delegate.key);
    assert_eq!(run(&self_issued), Err(Error::DelegatedResponderWrongIssuer));
    // One that does not parse is reported when nothing else works.
    assert!(matches!(
        run(&[0x30, 0x00]),
        Err(Error::DelegatedResponderMalformed(_))
    ));
}

// ---------------------------------------------------------------- several single responses (item 9)

/// An unknown critical single extension.
fn critical_unknown() -> Extension {
    Extension {
        oid: ObjectIdentifier::new_unwrap(UNKNOWN_EXT),
        critical: true,
        value: vec![0x05, 0x00],
    }
}

/// An issuer-signed response with these single responses about the leaf.
fn with_singles(pki: &Pki, singles: Vec<ocsp_types::SingleResponse>) -> Vec<u8> {
    let mut spec = pki.issuer_response();
    spec.singles = singles;
    spec.sign(&pki.ca.key)
}

/// `bad` about the leaf next to a plain good entry, in either order, fails
/// the response with `want`.
fn assert_fails_next_to_good(pki: &Pki, bad: SingleResponse, want: Error) {
    let good = pki.leaf_single(CertStatus::Good);
    for singles in [vec![good.clone(), bad.clone()], vec![bad, good]] {
        let statuses: Vec<_> = singles.iter().map(|s| s.cert_status).collect();
        assert_eq!(
            verify(pki, &with_singles(pki, singles)),
            Err(want.clone()),
            "{statuses:?}"
        );
    }
}

#[test]
fn good_and_revoked_with_an_unhandled_critical_extension_fails() {
    let pki = rsa();
    let want = Error::UnhandledCriticalExtension {
        oid: Some(ObjectIdentifier::new_unwrap(UNKNOWN_EXT)),
    };
    let mut bad_revoked = pki.leaf_single(revoked());
    bad_revoked.extensions = vec![critical_unknown()];
    assert_fails_next_to_good(&pki, bad_revoked, want.clone());
    // The same for a good entry with it next to a plain good one.
    let mut bad_good = pki.leaf_single(CertStatus::Good);
    bad_good.extensions = vec![critical_unknown()];
    assert_fails_next_to_good(&pki, bad_good, want);
    // An entry about another certificate is not read (as mozilla::pkix).
    let mut other = single(
        ocsp_testkit::cert_id(HashAlg::Sha1, &pki.ca.name, &pki.ca.key, &[0x99]),
        revoked(),
        at(-HOUR),
        Some(at(DAY)),
    );
    other.extensions = vec![critical_unknown()];
    let good = pki.leaf_single(CertStatus::Good);
    assert_eq!(
        verify(&pki, &with_singles(&pki, vec![other, good])),
        Ok((Status::Good, Who::Issuer))
    );
}

#[test]
fn revoked_wins_in_any_order_then_unknown() {
    let pki = rsa();
    let good = || pki.leaf_single(CertStatus::Good);
    let rev = || pki.leaf_single(revoked());
    let unknown = || pki.leaf_single(CertStatus::Unknown);
    let cases = [
        (vec![good(), rev()], revoked_status()),
        (vec![rev(), good()], revoked_status()),
        (vec![unknown(), rev(), good()], revoked_status()),
        (vec![good(), unknown()], Status::Unknown),
        (vec![unknown(), good()], Status::Unknown),
        (vec![good(), good()], Status::Good),
    ];
    for (singles, want) in cases {
        let statuses: Vec<_> = singles.iter().map(|s| s.cert_status).collect();
        assert_eq!(
            verify(&pki, &with_singles(&pki, singles)),
            Ok((want, Who::Issuer)),
            "{statuses:?}"
        );
    }
    // Under another CertID hash, the same certificate: still revoked.
    let rev_sha256 = single(
        pki.leaf_cert_id(HashAlg::Sha256),
        revoked(),
        at(-HOUR),
        Some(at(3 * DAY)),
    );
    assert_eq!(
        verify(&pki, &with_singles(&pki, vec![good(), rev_sha256])),
        Ok((revoked_status(), Who::Issuer))
    );
}

#[test]
fn an_unusable_matching_entry_fails_the_response() {
    let pki = rsa();
    let revoked_between = |this: i64, next: i64| {
        single(
            pki.leaf_cert_id(HashAlg::Sha1),
            revoked(),
            at(this),
            Some(at(next)),
        )
    };
    // Inconsistent times: nextUpdate before thisUpdate.
    assert_fails_next_to_good(
        &pki,
        revoked_between(-HOUR, -2 * HOUR),
        Error::NextUpdateBeforeThisUpdate {
            this_update: at(-HOUR),
            next_update: at(-2 * HOUR),
        },
    );
    // An expired revoked entry is not outvoted by a fresh good one.
    assert_fails_next_to_good(
        &pki,
        revoked_between(-5 * DAY, -4 * DAY),
        Error::Expired {
            next_update: at(-4 * DAY),
        },
    );
    // Nor is one from the future.
    assert_fails_next_to_good(
        &pki,
        revoked_between(DAY, 2 * DAY),
        Error::NotYetValid {
            this_update: at(DAY),
        },
    );
}

#[test]
fn several_good_entries_are_cached_until_the_earliest_limit() {
    let pki = rsa();
    let entry = |next: i64| {
        single(
            pki.leaf_cert_id(HashAlg::Sha1),
            CertStatus::Good,
            at(-HOUR),
            Some(at(next)),
        )
    };
    for singles in [
        vec![entry(3 * DAY), entry(DAY)],
        vec![entry(DAY), entry(3 * DAY)],
    ] {
        let seen = verify_with(&pki, &with_singles(&pki, singles), Policy::default(), &[]).unwrap();
        assert_eq!(seen.status, Status::Good);
        assert_eq!(seen.valid_until, NOW + DAY);
    }
}

// ---------------------------------------------------------------- maximum age (item 10)

/// A good issuer-signed response with these times (relative to NOW).
fn aged(pki: &Pki, this: i64, next: Option<i64>) -> Vec<u8> {
    with_singles(
        pki,
        vec![single(
            pki.leaf_cert_id(HashAlg::Sha1),
            CertStatus::Good,
            at(this),
            next.map(at),
        )],
    )
}

#[test]
fn default_max_age_is_ten_days_even_with_a_later_next_update() {
    let pki = rsa();
    assert_eq!(
        Policy::DEFAULT.max_age,
        Some(Duration::from_secs(10 * DAY as u64))
    );
    assert_eq!(
        Policy::DEFAULT.max_age_without_next_update,
        Duration::from_secs(10 * DAY as u64)
    );
    let limit = -10 * DAY - SKEW;
    for next in [Some(DAY), None] {
        // At the limit: accepted, and not cached past thisUpdate + 10 days.
        let seen = verify_with(&pki, &aged(&pki, limit, next), Policy::default(), &[]).unwrap();
        assert_eq!(seen.status, Status::Good, "{next:?}");
        assert_eq!(seen.valid_until, NOW - SKEW, "{next:?}");
        // A second older: refused, although nextUpdate is tomorrow.
        assert_eq!(
            verify(&pki, &aged(&pki, limit - 1, next)),
            Err(Error::TooOld {
                this_update: at(limit - 1)
            }),
            "{next:?}"
        );
    }
    // Without a max age, nextUpdate alone bounds a response that has one.
    let trust_next_update = Policy {
        max_age: None,
        ..Policy::default()
    };
    let old = aged(&pki, -30 * DAY, Some(DAY));
    assert_eq!(
        verify_with(&pki, &old, trust_next_update, &[]).map(|s| (s.status, s.valid_until)),
        Ok((Status::Good, NOW + DAY))
    );
    // ... and max_age_without_next_update still bounds one without.
    assert_eq!(
        verify_with(&pki, &aged(&pki, limit - 1, None), trust_next_update, &[]).map(|s| s.status),
        Err(Error::TooOld {
            this_update: at(limit - 1)
        })
    );
}

#[test]
fn mozilla_like_one_day_without_next_update() {
    let pki = rsa();
    let one_day = Policy {
        max_age_without_next_update: Duration::from_secs(DAY as u64),
        ..Policy::default()
    };
    let two_days = |next| verify_with(&pki, &aged(&pki, -2 * DAY, next), one_day, &[]);
    assert_eq!(
        two_days(None).map(|s| s.status),
        Err(Error::TooOld {
            this_update: at(-2 * DAY)
        })
    );
    assert_eq!(two_days(Some(DAY)).map(|s| s.status), Ok(Status::Good));
}

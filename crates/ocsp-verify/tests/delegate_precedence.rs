//! The order in which a delegated responder's faults are reported (issuer,
//! id-kp-OCSPSigning, keyUsage, CA bit, critical extensions, validity,
//! signature), two faults at a time, the extensions read in one pass; and
//! which embedded, extra and trusted certificates are decoded past the
//! shallow parse (those matching the ResponderID only).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use ocsp_testkit::cert::faults::{
    malformed_basic_constraints, malformed_eku, malformed_key_usage, repeated_key_usage,
    unknown_critical,
};
use ocsp_testkit::{cert, der, CertSpec, Flavor, Pki};
use ocsp_types::{oid, CertificateRef, ObjectIdentifier};
use ocsp_verify::{Error, Policy, Status};

fn no_ocsp_signing(s: &mut CertSpec) {
    s.eku = Some(vec![cert::KP_SERVER_AUTH.to_vec()]);
}
fn cert_sign_only(s: &mut CertSpec) {
    s.key_usage = Some(cert::KU_KEY_CERT_SIGN);
}
fn ca(s: &mut CertSpec) {
    s.ca = true;
}
fn expired(s: &mut CertSpec) {
    s.not_after = s.not_before;
}
fn bad_signature(s: &mut CertSpec) {
    s.corrupt_signature = true;
}

/// The error a delegate certificate must get, read from it.
type Expected = fn(&CertificateRef<'_>) -> Error;

fn bad_eku(c: &CertificateRef<'_>) -> Error {
    Error::DelegatedResponderMalformed(
        c.extended_key_usage_contains(&oid::KP_OCSP_SIGNING)
            .unwrap_err(),
    )
}
fn bad_key_usage(c: &CertificateRef<'_>) -> Error {
    Error::DelegatedResponderMalformed(c.key_usage().unwrap_err())
}
fn bad_basic_constraints(c: &CertificateRef<'_>) -> Error {
    Error::DelegatedResponderMalformed(c.is_ca().unwrap_err())
}
fn unhandled(_: &CertificateRef<'_>) -> Error {
    Error::DelegatedResponderUnhandledCriticalExtension {
        oid: Some(ObjectIdentifier::new_unwrap("1.2.3.4")),
    }
}

#[test]
fn two_faults_report_the_earlier_check() {
    let pki = Pki::new(Flavor::Rsa);
    type Edit = fn(&mut CertSpec);
    // (faults, CA responders allowed, what is reported)
    let cases: &[(&[Edit], bool, Expected)] = &[
        (&[no_ocsp_signing, malformed_key_usage], false, |_| {
            Error::DelegatedResponderNotOcspSigning
        }),
        (&[malformed_eku, cert_sign_only], false, bad_eku),
        (&[cert_sign_only, ca], false, |_| {
            Error::DelegatedResponderKeyUsage
        }),
        (&[malformed_key_usage, ca], false, bad_key_usage),
        (&[ca, unknown_critical], false, |_| {
            Error::DelegatedResponderIsCa
        }),
        (
            &[malformed_basic_constraints, unknown_critical],
            false,
            bad_basic_constraints,
        ),
        // With CA responders allowed, basicConstraints is not read at all.
        (
            &[malformed_basic_constraints, unknown_critical],
            true,
            unhandled,
        ),
        (&[unknown_critical, expired], false, unhandled),
        (&[expired, bad_signature], false, |c| {
            Error::DelegatedResponderNotValid {
                not_before: c.not_before(),
                not_after: c.not_after(),
            }
        }),
        (&[bad_signature], false, |_| {
            Error::DelegatedResponderBadSignature
        }),
    ];
    for (index, (faults, allow_ca_responders, expected)) in cases.iter().enumerate() {
        let delegate = delegate_cert(&pki, |c| faults.iter().for_each(|fault| fault(c)));
        let want = expected(&CertificateRef::parse(&delegate).unwrap());
        let policy = Policy {
            allow_ca_responders: *allow_ca_responders,
            ..Policy::default()
        };
        let der = delegated(&pki, Some(vec![delegate]));
        assert_eq!(status_with(&pki, &der, policy), Err(want), "case {index}");
    }
    // Issued under another Name: reported first, whatever else is wrong.
    let mut spec = pki.delegate_spec();
    no_ocsp_signing(&mut spec);
    ca(&mut spec);
    let foreign = spec.issue(&pki.delegate.key, &der::name("Other CA"), &pki.ca.key);
    assert_eq!(
        status(&pki, &delegated(&pki, Some(vec![foreign]))),
        Err(Error::DelegatedResponderWrongIssuer)
    );
}

/// A delegate certificate with a repeated keyUsage (which the shallow parse
/// frames and the full parse refuses), and the same for another key and
/// Name, which does not match the delegate's byKey ResponderID.
fn repeated_key_usage_certificates(pki: &Pki) -> (Vec<u8>, Vec<u8>) {
    let mut spec = pki.delegate_spec();
    repeated_key_usage(&mut spec);
    let matching = pki.issue_delegate(&spec);
    spec.subject = der::name("Someone else");
    let other = spec.issue(&pki.other_ca.key, &pki.ca.name, &pki.ca.key);
    (matching, other)
}

#[test]
fn only_a_matching_certificate_has_its_extensions_decoded() {
    let pki = Pki::new(Flavor::Rsa);
    let (matching, other) = repeated_key_usage_certificates(&pki);
    let refused = CertificateRef::parse(&matching).unwrap_err();
    let embedded = |certs: Vec<Vec<u8>>| status(&pki, &delegated(&pki, Some(certs)));
    assert_eq!(
        embedded(vec![matching.clone()]),
        Err(Error::DelegatedResponderMalformed(refused))
    );
    // Not matching: skipped like any certificate that does not match (the
    // full parse before the match reported it as malformed).
    assert_eq!(
        embedded(vec![other.clone()]),
        Err(Error::NoAuthorizedResponder)
    );
    assert_eq!(
        embedded(vec![other.clone(), pki.delegate.cert.clone()]),
        GOOD_DELEGATED
    );
    // The caller's extra certificates the same way.
    let unembedded = delegated(&pki, None);
    let extra = |certs: &[&[u8]]| {
        Check {
            extra: certs,
            ..Check::default()
        }
        .status(&pki, &unembedded)
    };
    assert_eq!(
        extra(&[&matching]),
        Err(Error::DelegatedResponderMalformed(refused))
    );
    assert_eq!(extra(&[&other]), Err(Error::NoAuthorizedResponder));
    assert_eq!(
        extra(&[&other, &pki.delegate.cert]),
        Ok((Status::Good, Who::Extra(1)))
    );
    // A locally trusted responder is the caller's configuration: parsed in
    // full, matching or not, so a malformed one is reported whatever the
    // response names.
    let trusted = |certs: &[&[u8]]| {
        Check {
            trusted: certs,
            ..Check::default()
        }
        .status(&pki, &unembedded)
    };
    for certs in [&[&matching[..]][..], &[&other[..], &pki.delegate.cert[..]]] {
        assert_eq!(
            trusted(certs),
            Err(Error::InvalidTrustedResponder {
                index: 0,
                error: CertificateRef::parse(certs[0]).unwrap_err(),
            })
        );
    }
}

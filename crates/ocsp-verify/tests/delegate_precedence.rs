//! The order in which a delegated responder's faults are reported (issuer,
//! id-kp-OCSPSigning, keyUsage, CA bit, critical extensions, validity,
//! signature), with two faults at a time, each extension read once; and which
//! embedded certificates are decoded past the shallow parse (those matching
//! the ResponderID only).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::time::Duration;

use ocsp_testkit::{cert, der, CertSpec, Flavor, Pki};
use ocsp_types::x509::{BASIC_CONSTRAINTS, EXT_KEY_USAGE, KEY_USAGE};
use ocsp_types::ObjectIdentifier;
use ocsp_verify::{algorithms, Error, Issuer, Policy, Status, Subject, UnixTime, Verifier};

const UNKNOWN: &[u8] = &[0x2a, 0x03, 0x04];

fn verify(pki: &Pki, certs: Vec<Vec<u8>>, policy: Policy) -> Result<Status, Error> {
    let mut spec = pki.delegated_response();
    spec.certs = Some(certs);
    let der = spec.sign(&pki.delegate.key);
    Verifier::new(algorithms::ALL)
        .with_policy(policy)
        .verify(
            &der,
            Subject::Certificate(&pki.leaf),
            Issuer::Certificate(&pki.ca.cert),
            UnixTime::since_unix_epoch(Duration::from_secs(pki.now as u64)),
            None,
        )
        .map(|v| v.status)
}

fn push(spec: &mut CertSpec, oid: &[u8], critical: bool, value: Vec<u8>) {
    spec.extra_extensions.push((oid.to_vec(), critical, value));
}

fn no_eku(s: &mut CertSpec) {
    s.eku = Some(vec![cert::KP_SERVER_AUTH.to_vec()]);
}
fn malformed_eku(s: &mut CertSpec) {
    s.eku = None;
    push(s, EXT_KEY_USAGE.as_bytes(), false, der::seq(&[]));
}
fn cert_sign_only(s: &mut CertSpec) {
    s.key_usage = Some(cert::KU_KEY_CERT_SIGN);
}
fn malformed_key_usage(s: &mut CertSpec) {
    s.key_usage = None;
    push(s, KEY_USAGE.as_bytes(), true, der::tlv(0x03, &[]));
}
fn ca(s: &mut CertSpec) {
    s.ca = true;
}
fn malformed_basic_constraints(s: &mut CertSpec) {
    s.ca = false;
    push(s, BASIC_CONSTRAINTS.as_bytes(), true, der::tlv(0x02, &[1]));
}
fn unknown_critical(s: &mut CertSpec) {
    push(s, UNKNOWN, true, der::tlv(0x05, &[]));
}
fn expired(s: &mut CertSpec) {
    s.not_after = s.not_before;
}
fn bad_signature(s: &mut CertSpec) {
    s.corrupt_signature = true;
}

/// A fault put in the delegate's certificate.
type Edit = fn(&mut CertSpec);

/// Whether a verification reported the expected error.
type Expected = fn(&Result<Status, Error>) -> bool;

fn malformed_value(result: &Result<Status, Error>) -> bool {
    matches!(
        result,
        Err(Error::DelegatedResponderMalformed(
            ocsp_types::Error::InvalidExtensionValue { .. }
        ))
    )
}

#[test]
fn two_faults_report_the_earlier_check() {
    let pki = Pki::new(Flavor::Rsa);
    let unknown = ObjectIdentifier::from_bytes(UNKNOWN).ok();
    // (faults, CA responders allowed, what is reported)
    let cases: &[(&[Edit], bool, Expected)] = &[
        (&[no_eku, malformed_key_usage], false, |r| {
            *r == Err(Error::DelegatedResponderNotOcspSigning)
        }),
        (&[malformed_eku, cert_sign_only], false, malformed_value),
        (&[cert_sign_only, ca], false, |r| {
            *r == Err(Error::DelegatedResponderKeyUsage)
        }),
        (&[malformed_key_usage, ca], false, malformed_value),
        (&[ca, unknown_critical], false, |r| {
            *r == Err(Error::DelegatedResponderIsCa)
        }),
        (
            &[malformed_basic_constraints, unknown_critical],
            false,
            malformed_value,
        ),
        // With CA responders allowed, basicConstraints is not read at all.
        (
            &[malformed_basic_constraints, unknown_critical],
            true,
            |r| {
                matches!(
                    r,
                    Err(Error::DelegatedResponderUnhandledCriticalExtension { .. })
                )
            },
        ),
        (&[unknown_critical, expired], false, |r| {
            matches!(
                r,
                Err(Error::DelegatedResponderUnhandledCriticalExtension { .. })
            )
        }),
        (&[expired, bad_signature], false, |r| {
            matches!(r, Err(Error::DelegatedResponderNotValid { .. }))
        }),
        (&[bad_signature], false, |r| {
            *r == Err(Error::DelegatedResponderBadSignature)
        }),
    ];
    for (index, (faults, allow_ca, expected)) in cases.iter().enumerate() {
        let mut spec = pki.delegate_spec();
        for fault in *faults {
            fault(&mut spec);
        }
        let policy = Policy {
            allow_ca_responders: *allow_ca,
            ..Policy::default()
        };
        let result = verify(&pki, vec![pki.issue_delegate(&spec)], policy);
        assert!(expected(&result), "case {index}: {result:?}");
        if let Err(Error::DelegatedResponderUnhandledCriticalExtension { oid }) = result {
            assert_eq!(oid, unknown, "case {index}");
        }
    }
    // Issued by someone else: reported first, whatever else is wrong.
    let mut spec = pki.delegate_spec();
    no_eku(&mut spec);
    ca(&mut spec);
    let foreign = spec.issue(&pki.delegate.key, &der::name("Someone"), &pki.other_ca.key);
    assert_eq!(
        verify(&pki, vec![foreign], Policy::default()),
        Err(Error::DelegatedResponderWrongIssuer)
    );
}

#[test]
fn only_the_matching_certificate_has_its_extensions_decoded() {
    let pki = Pki::new(Flavor::Rsa);
    // A repeated keyUsage: the shallow parse frames the extensions, the
    // full one refuses it.
    let mut spec = pki.delegate_spec();
    push(
        &mut spec,
        KEY_USAGE.as_bytes(),
        true,
        der::tlv(0x03, &[7, 0x80]),
    );
    let matching = pki.issue_delegate(&spec);
    // The same faults in a certificate for another key and name, which does
    // not match the delegate's byKey ResponderID.
    spec.subject = der::name("Someone else");
    let other = spec.issue(&pki.other_ca.key, &pki.ca.name, &pki.ca.key);
    let duplicate = |r: &Result<Status, Error>| {
        matches!(
            r,
            Err(Error::DelegatedResponderMalformed(
                ocsp_types::Error::DuplicateExtension { .. }
            ))
        )
    };
    let result = verify(&pki, vec![matching], Policy::default());
    assert!(duplicate(&result), "{result:?}");
    // Not matching: skipped like any other certificate that does not match
    // (before the shallow parse, its malformed extensions were reported).
    assert_eq!(
        verify(&pki, vec![other.clone()], Policy::default()),
        Err(Error::NoAuthorizedResponder)
    );
    assert_eq!(
        verify(
            &pki,
            vec![other, pki.delegate.cert.clone()],
            Policy::default()
        ),
        Ok(Status::Good)
    );
    // One the shallow parse refuses is still reported when nothing gets
    // further: responder_faults.rs, certs_missing_or_malformed.
}

#[test]
fn a_trusted_responder_is_decoded_only_when_it_matches() {
    let pki = Pki::new(Flavor::Rsa);
    let mut spec = pki.delegate_spec();
    push(
        &mut spec,
        KEY_USAGE.as_bytes(),
        true,
        der::tlv(0x03, &[7, 0x80]),
    );
    let repeated = pki.issue_delegate(&spec);
    spec.subject = der::name("Someone else");
    let other = spec.issue(&pki.other_ca.key, &pki.ca.name, &pki.ca.key);
    let run = |trusted: &[&[u8]]| {
        let mut response = pki.delegated_response();
        response.certs = None;
        let der = response.sign(&pki.delegate.key);
        Verifier::new(algorithms::ALL)
            .with_trusted_responders(trusted)
            .verify(
                &der,
                Subject::Certificate(&pki.leaf),
                Issuer::Certificate(&pki.ca.cert),
                UnixTime::since_unix_epoch(Duration::from_secs(pki.now as u64)),
                None,
            )
            .map(|v| v.status)
    };
    assert!(matches!(
        run(&[&repeated]),
        Err(Error::InvalidTrustedResponder {
            index: 0,
            error: ocsp_types::Error::DuplicateExtension { .. }
        })
    ));
    assert_eq!(run(&[&other, &pki.delegate.cert]), Ok(Status::Good));
    assert_eq!(run(&[&other]), Err(Error::NoAuthorizedResponder));
}

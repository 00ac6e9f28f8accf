//! Responder faults: wrong responder ID, bad signatures, delegates without
//! authority or outside their validity, missing or malformed certificates.

use super::*;

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

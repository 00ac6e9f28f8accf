//! Responder faults: wrong responder ID, bad signatures, delegates without
//! authority or outside their validity, missing or malformed certificates.

use super::*;

#[test]
fn wrong_responder_id() {
    let pki = rsa();
    let with_id = |id| issuer_signed(&pki, |spec| spec.responder_id = id);
    let cases: Vec<Case> = vec![
        (
            "unknown key hash",
            with_id(ResponderId::ByKey(vec![0x42; 20])),
            Err(Error::NoAuthorizedResponder),
        ),
        (
            "unknown name",
            with_id(ResponderId::ByName(der::name("Nobody"))),
            Err(Error::NoAuthorizedResponder),
        ),
        (
            "19-octet key hash",
            with_id(ResponderId::ByKey(vec![0x42; 19])),
            Err(Error::InvalidResponderKeyHash { len: 19 }),
        ),
    ];
    assert_cases(&pki, "responder ID", cases);
}

#[test]
fn bad_signatures() {
    let pki = rsa();
    let mut delegated_tampered = pki.delegated_response();
    delegated_tampered.corrupt_signature = true;
    let cases: Vec<Case> = vec![
        (
            "issuer, tampered",
            issuer_signed(&pki, |spec| spec.corrupt_signature = true),
            Err(Error::InvalidSignature),
        ),
        (
            "delegated, tampered",
            delegated_tampered.sign(&pki.delegate.key),
            Err(Error::InvalidSignature),
        ),
        (
            "names the CA, signed by someone else",
            pki.issuer_response().sign(&pki.other_ca.key),
            Err(Error::InvalidSignature),
        ),
    ];
    assert_cases(&pki, "RSA", cases);
    // ECDSA: `signature_cases` in `valid_shapes`.
}

/// Each fault of the delegate's certificate, and the shapes next to it that
/// are fine.
#[test]
fn delegate_faults() {
    let pki = rsa();
    let validity = |nb: i64, na: i64| {
        with_delegate(&pki, |c| {
            c.not_before = at(nb);
            c.not_after = at(na);
        })
    };
    let not_valid = |nb: i64, na: i64| {
        Err(Error::DelegatedResponderNotValid {
            not_before: at(nb),
            not_after: at(na),
        })
    };
    let cases: Vec<Case> = vec![
        (
            "without EKU",
            with_delegate(&pki, |c| c.eku = None),
            Err(Error::DelegatedResponderNotOcspSigning),
        ),
        (
            "serverAuth only",
            with_delegate(&pki, |c| {
                c.eku = Some(vec![cert::KP_SERVER_AUTH.to_vec()]);
            }),
            Err(Error::DelegatedResponderNotOcspSigning),
        ),
        // Among several purposes it is fine.
        (
            "serverAuth and OCSPSigning",
            with_delegate(&pki, |c| {
                c.eku = Some(vec![
                    cert::KP_SERVER_AUTH.to_vec(),
                    cert::KP_OCSP_SIGNING.to_vec(),
                ]);
            }),
            GOOD_DELEGATED,
        ),
        // Same issuer Name, other key: the certificate signature fails.
        (
            "issued by another key under the CA's Name",
            delegated(
                &pki,
                Some(vec![pki.delegate_spec().issue(
                    &pki.delegate.key,
                    &pki.other_ca.name,
                    &pki.other_ca.key,
                )]),
            ),
            Err(Error::DelegatedResponderBadSignature),
        ),
        (
            "issued under another Name",
            delegated(
                &pki,
                Some(vec![pki.delegate_spec().issue(
                    &pki.delegate.key,
                    &der::name("Other CA"),
                    &pki.ca.key,
                )]),
            ),
            Err(Error::DelegatedResponderWrongIssuer),
        ),
        ("expired", validity(-30 * DAY, -1), not_valid(-30 * DAY, -1)),
        (
            "not yet valid",
            validity(1, 30 * DAY),
            not_valid(1, 30 * DAY),
        ),
        // Exact bounds are inside.
        ("notAfter now", validity(-30 * DAY, 0), GOOD_DELEGATED),
        ("notBefore now", validity(0, 30 * DAY), GOOD_DELEGATED),
        (
            "keyCertSign and cRLSign",
            with_delegate(&pki, |c| c.key_usage = Some(cert::KU_CERT_SIGN)),
            Err(Error::DelegatedResponderKeyUsage),
        ),
        (
            "no keyUsage",
            with_delegate(&pki, |c| c.key_usage = None),
            GOOD_DELEGATED,
        ),
        (
            "unknown critical extension",
            with_delegate(&pki, |c| {
                c.extra_extensions
                    .push((vec![0x2a, 0x03, 0x04], true, vec![0x05, 0x00]));
            }),
            Err(Error::DelegatedResponderUnhandledCriticalExtension {
                oid: Some(ObjectIdentifier::new_unwrap("1.2.3.4")),
            }),
        ),
        (
            "signature broken",
            with_delegate(&pki, |c| c.corrupt_signature = true),
            Err(Error::DelegatedResponderBadSignature),
        ),
        (
            "certs absent",
            delegated(&pki, None),
            Err(Error::NoAuthorizedResponder),
        ),
        (
            "certs empty",
            delegated(&pki, Some(vec![])),
            Err(Error::NoAuthorizedResponder),
        ),
    ];
    assert_cases(&pki, "delegate", cases);
}

#[test]
fn malformed_delegate_certificate() {
    let pki = rsa();
    // Outer shape right (ocsp-types accepts it), inside wrong.
    let broken = der::seq(&[&der::seq(&[]), &SigAlg::RsaSha256.der(), &der::bits(&[1])]);
    assert!(matches!(
        status(&pki, &delegated(&pki, Some(vec![broken]))),
        Err(Error::DelegatedResponderMalformed(
            ocsp_types::Error::MissingField { .. }
        ))
    ));
}

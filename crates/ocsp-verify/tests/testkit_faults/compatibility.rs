//! Compatibility: accepted encodings that verify, and known extension
//! values read only when used.

use super::*;

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
    let basic = parsed.basic().unwrap();
    let single = basic.tbs_response_data().responses().iter().next().unwrap();
    let sct = single.extensions().iter().next().unwrap();
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
        Check {
            nonce: Some(sent),
            ..Check::default()
        }
        .run(&pki, &der)
        .map(|s| s.status)
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
    let parsed = ocsp_types::CertificateRef::parse(&delegate).unwrap();
    for kind in [
        ocsp_types::DeviationKind::ExplicitNonCritical,
        ocsp_types::DeviationKind::PaddedKeyUsage,
    ] {
        assert!(parsed.deviations().any(|d| d.kind == kind), "{kind:?}");
    }
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

//! The envelope (response status, type) and invalid inputs.

use super::*;

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
    let inputs = |subject, issuer| v.verify(&der, subject, issuer, now(0), None).err();
    // What the junk gives: an INTEGER where a SEQUENCE must be.
    let integer = |e: &ocsp_types::Error| {
        matches!(
            e,
            ocsp_types::Error::UnexpectedTag {
                expected: 0x30,
                found: 0x02,
                ..
            }
        )
    };
    let leaf = Subject::Certificate(&pki.leaf);
    assert!(matches!(
        inputs(leaf, Issuer::Certificate(junk)),
        Some(Error::InvalidIssuer(e)) if integer(&e)
    ));
    assert!(matches!(
        inputs(Subject::Certificate(junk), Issuer::Certificate(&pki.ca.cert)),
        Some(Error::InvalidCertificate(e)) if integer(&e)
    ));
    let name_and_junk = Issuer::NameAndKey {
        subject: &pki.ca.name,
        spki: junk,
    };
    assert!(matches!(
        inputs(Subject::Serial(Pki::LEAF_SERIAL), name_and_junk),
        Some(Error::InvalidIssuer(e)) if integer(&e)
    ));
}

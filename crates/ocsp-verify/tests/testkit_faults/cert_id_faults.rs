//! CertID faults: wrong name or key hash, another issuer's certificate.

use super::*;

#[test]
fn wrong_name_or_key_hash() {
    let pki = rsa();
    for (name, id) in wrong_cert_ids(&pki, HashAlg::Sha256) {
        let der = issuer_signed(&pki, |spec| {
            spec.singles = vec![single(id, CertStatus::Good, at(-HOUR), Some(at(DAY)))];
        });
        assert_eq!(
            status(&pki, &der),
            Err(Error::NoMatchingResponse),
            "wrong {name}"
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

//! Algorithms not in the verifier's list are refused by name.

use super::*;

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

//! Critical extensions.

use super::*;

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

//! Nonces.

use super::*;

#[test]
fn nonces() {
    let pki = rsa();
    let sent = [0x5a; 32];
    let mut spec = pki.issuer_response();
    spec.extensions = vec![Extension::nonce(&sent).unwrap()];
    let with_nonce = spec.sign(&pki.ca.key);
    let without = pki.issuer_response().sign(&pki.ca.key);
    let d = Policy::default();
    let require = Policy {
        require_nonce: true,
        ..d
    };
    let r = |der: &[u8], policy, nonce: Option<&[u8]>| {
        Check {
            policy,
            nonce,
            ..Check::default()
        }
        .run(&pki, der)
        .map(|s| s.status)
    };
    assert_eq!(r(&with_nonce, d, Some(&sent)), Ok(Status::Good));
    assert_eq!(
        r(&with_nonce, d, Some(&[0x5b; 32])),
        Err(Error::NonceMismatch)
    );
    assert_eq!(r(&with_nonce, d, None), Ok(Status::Good));
    assert_eq!(r(&without, d, Some(&sent)), Ok(Status::Good));
    assert_eq!(r(&with_nonce, require, Some(&sent)), Ok(Status::Good));
    assert_eq!(r(&without, require, Some(&sent)), Err(Error::NonceMissing));
    assert_eq!(r(&with_nonce, require, None), Err(Error::NonceMissing));
}

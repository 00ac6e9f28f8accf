//! `is_must_staple` on certificates with well-formed and malformed TLS
//! Feature values: a value that does not parse counts as Must-Staple.
#![allow(clippy::unwrap_used)]

use ocsp_rustls::is_must_staple;
use ocsp_testkit::der;
use ocsp_testkit::tls::{TlsPki, TLS_FEATURE};
use ocsp_types::CertificateRef;

const NOW: i64 = 1_700_000_000;

/// Whether a leaf whose TLS Feature value is `value` (absent when `None`)
/// is Must-Staple.
fn must_staple(value: Option<Vec<u8>>) -> bool {
    let pki = TlsPki::new(NOW);
    let mut spec = pki.leaf_spec(&[0x42], false);
    if let Some(value) = value {
        spec.extra_extensions
            .push((TLS_FEATURE.to_vec(), false, value));
    }
    let leaf = pki.issue_leaf(&spec, &pki.intermediate);
    is_must_staple(&CertificateRef::parse(&leaf).unwrap())
}

#[test]
fn status_request_listed_is_must_staple() {
    assert!(!must_staple(None));
    assert!(must_staple(Some(der::seq(&[&der::tlv(0x02, &[5])]))));
    assert!(must_staple(Some(der::seq(&[
        &der::tlv(0x02, &[17]),
        &der::tlv(0x02, &[5]),
    ]))));
    assert!(!must_staple(Some(der::seq(&[&der::tlv(0x02, &[17])]))));
    assert!(!must_staple(Some(der::seq(&[]))));
}

#[test]
fn malformed_tls_feature_fails_closed() {
    // A non-minimal 5, a negative feature, a SET, trailing data.
    assert!(must_staple(Some(der::seq(&[&der::tlv(0x02, &[0, 5])]))));
    assert!(must_staple(Some(der::seq(&[&der::tlv(0x02, &[0xfb])]))));
    assert!(must_staple(Some(der::tlv(0x31, &der::tlv(0x02, &[17])))));
    assert!(must_staple(Some(
        [der::seq(&[&der::tlv(0x02, &[17])]), vec![0]].concat()
    )));
}

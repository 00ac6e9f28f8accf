//! Authority Information Access read by `ocsp_types`: a malformed value is
//! `InvalidAuthorityInfoAccess` wrapping `InvalidExtensionValue`, with the
//! value's offset in the certificate.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use ocsp_request::{responder_url, Error};

const LEAF: &[u8] = include_bytes!("data/leaf-aia-ocsp.der");

/// `id-pe-authorityInfoAccess` as an OID element.
const AIA_OID: [u8; 10] = [0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x01];

#[test]
fn non_ascii_uri_is_invalid_with_its_position() {
    let url = b"http://ocsp.example.com/";
    let at = LEAF.windows(url.len()).position(|w| w == url).unwrap();
    let mut cert = LEAF.to_vec();
    // "http://ocsp.example.com/" with a non-ASCII octet: not an IA5String.
    cert[at + 7] = 0xc3;
    let e = responder_url(&cert).unwrap_err();
    let Error::InvalidAuthorityInfoAccess(inner) = e else {
        panic!("expected InvalidAuthorityInfoAccess, got {e:?}");
    };
    assert!(matches!(
        inner,
        ocsp_types::Error::InvalidExtensionValue { .. }
    ));
    // The extnValue's content starts after the OID and the OCTET STRING
    // header (two octets: the value is short).
    let oid_at = LEAF
        .windows(AIA_OID.len())
        .position(|w| w == AIA_OID)
        .unwrap();
    assert_eq!(
        e_position(&cert),
        Some(oid_at + AIA_OID.len() + 2),
        "offset of the AIA value"
    );
}

fn e_position(cert: &[u8]) -> Option<usize> {
    responder_url(cert)
        .unwrap_err()
        .position()
        .map(|p| p.offset)
}

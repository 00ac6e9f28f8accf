//! Requests: the same rules on the request side.

use super::*;

fn request(tbs_content: &[u8]) -> Vec<u8> {
    tlv(0x30, &tlv(0x30, tbs_content))
}

fn one_request() -> Vec<u8> {
    let cert_id = Parts::default().cert_id;
    tlv(0x30, &tlv(0x30, &cert_id))
}

#[test]
fn minimal_request_parses_and_round_trips() {
    let der = request(&one_request());
    let r = OcspRequestRef::parse(&der).unwrap();
    assert_eq!(r.tbs_request().requests().len(), 1);
    assert!(r.signature().is_none());
    assert_eq!(
        ocsp_types::OcspRequest::from_der(&der)
            .unwrap()
            .to_der()
            .unwrap(),
        der
    );
}

/// `version [0] INTEGER 0` and empty extensions in a request: accepted
/// (as in responses), reported, and kept on re-encoding.
#[test]
fn encoded_default_version_and_empty_extensions_are_accepted_and_noted() {
    let empty_single = tlv(
        0x30,
        &tlv(
            0x30,
            &cat(&[&Parts::default().cert_id, &tlv(0xa0, &tlv(0x30, &[]))]),
        ),
    );
    let der = request(&cat(&[
        &tlv(0xa0, &[0x02, 0x01, 0x00]),
        &empty_single,
        &tlv(0xa2, &tlv(0x30, &[])),
    ]));
    let r = OcspRequestRef::parse(&der).unwrap();
    let found: Vec<_> = r.deviations().map(|d| (d.kind, d.at.path)).collect();
    assert_eq!(
        found,
        [
            (DeviationKind::ExplicitDefaultVersion, "TBSRequest.version"),
            (
                DeviationKind::EmptyExtensions,
                "Request.singleRequestExtensions"
            ),
            (
                DeviationKind::EmptyExtensions,
                "TBSRequest.requestExtensions"
            ),
        ]
    );
    let owned = ocsp_types::OcspRequest::from_der(&der).unwrap();
    assert!(owned.tbs_request.version_encoded);
    assert!(owned.tbs_request.empty_extensions_encoded);
    assert!(owned.tbs_request.requests[0].empty_extensions_encoded);
    assert_eq!(owned.to_der().unwrap(), der);
}

#[test]
fn requestor_name_must_be_a_general_name() {
    // [1] EXPLICIT holding a universal INTEGER.
    let der = request(&cat(&[&tlv(0xa1, &[0x02, 0x01, 0x01]), &one_request()]));
    assert_eq!(
        kind(OcspRequestRef::parse(&der).map(|_| ())),
        "InvalidGeneralName"
    );
    // dNSName as a constructed element.
    let der = request(&cat(&[&tlv(0xa1, &tlv(0xa2, b"")), &one_request()]));
    assert_eq!(
        kind(OcspRequestRef::parse(&der).map(|_| ())),
        "InvalidGeneralName"
    );
    // A dNSName is fine.
    let der = request(&cat(&[
        &tlv(0xa1, &tlv(0x82, b"ocsp.test")),
        &one_request(),
    ]));
    let r = OcspRequestRef::parse(&der).unwrap();
    assert_eq!(
        r.tbs_request().requestor_name().unwrap().as_str(),
        Some("ocsp.test")
    );
}

#[test]
fn request_extensions_follow_the_extension_rules() {
    let dup = tlv(0xa2, &tlv(0x30, &cat(&[&nonce_ext(), &nonce_ext()])));
    let der = request(&cat(&[&one_request(), &dup]));
    assert_eq!(
        kind(OcspRequestRef::parse(&der).map(|_| ())),
        "DuplicateExtension"
    );
    let ok = tlv(0xa2, &tlv(0x30, &nonce_ext()));
    let der = request(&cat(&[&one_request(), &ok]));
    let r = OcspRequestRef::parse(&der).unwrap();
    assert_eq!(r.tbs_request().extensions().nonce(), Some(&[0xab; 16][..]));
}

#[test]
fn trailing_data_is_rejected() {
    let mut der = request(&one_request());
    der.extend([0x00, 0x00]);
    assert_eq!(
        kind(OcspRequestRef::parse(&der).map(|_| ())),
        "TrailingData"
    );
}

//! Extensions: the critical flag, empty, duplicate and too many
//! extensions, and the deviations listed.

use super::*;

#[test]
fn critical_false_encoded_is_rejected() {
    let ext = extension(NONCE_OID, Some(&[0x01, 0x01, 0x00]), &tlv(0x04, &[1; 8]));
    let parts = Parts {
        response_extensions: tlv(0xa1, &tlv(0x30, &ext)),
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "DefaultValueEncoded");
}

#[test]
fn non_der_booleans_are_rejected() {
    let ext = extension(NONCE_OID, Some(&[0x01, 0x01, 0x01]), &tlv(0x04, &[1; 8]));
    let parts = Parts {
        response_extensions: tlv(0xa1, &tlv(0x30, &ext)),
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "InvalidBoolean");
}

#[test]
fn critical_true_is_kept() {
    let ext = extension(NONCE_OID, Some(&[0x01, 0x01, 0xff]), &tlv(0x04, &[1; 8]));
    let parts = Parts {
        response_extensions: tlv(0xa1, &tlv(0x30, &ext)),
        ..Default::default()
    };
    let der = parts.der();
    let r = OcspResponseRef::parse(&der).unwrap();
    let ext = r
        .basic()
        .unwrap()
        .tbs_response_data()
        .extensions()
        .iter()
        .next()
        .unwrap();
    assert!(ext.is_critical());
    assert_eq!(OcspResponse::from_der(&der).unwrap().to_der().unwrap(), der);
}

/// An empty `responseExtensions` / `singleExtensions` SEQUENCE: accepted as
/// mozilla::pkix does since bug 991898, reported, and kept on re-encoding.
#[test]
fn empty_extensions_are_accepted_and_noted() {
    let parts = Parts {
        response_extensions: tlv(0xa1, &tlv(0x30, &[])),
        ..Default::default()
    };
    let der = parts.der();
    assert_eq!(
        response_deviations(&der),
        [(
            DeviationKind::EmptyExtensions,
            "ResponseData.responseExtensions"
        )]
    );
    let owned = OcspResponse::from_der(&der).unwrap();
    let tbs = &owned.basic.as_ref().unwrap().tbs_response_data;
    assert!(tbs.extensions.is_empty() && tbs.empty_extensions_encoded);
    assert_eq!(owned.to_der().unwrap(), der);

    let parts = Parts {
        single_extensions: tlv(0xa1, &tlv(0x30, &[])),
        ..Default::default()
    };
    let der = parts.der();
    assert_eq!(
        response_deviations(&der),
        [(
            DeviationKind::EmptyExtensions,
            "SingleResponse.singleExtensions"
        )]
    );
    let owned = OcspResponse::from_der(&der).unwrap();
    assert!(owned.basic.as_ref().unwrap().tbs_response_data.responses[0].empty_extensions_encoded);
    assert_eq!(owned.to_der().unwrap(), der);
}

/// Deviations are listed in encoded order, several at once.
#[test]
fn several_deviations_are_listed_in_order() {
    let parts = Parts {
        version: tlv(0xa0, &[0x02, 0x01, 0x00]),
        single_extensions: tlv(0xa1, &tlv(0x30, &[])),
        response_extensions: tlv(0xa1, &tlv(0x30, &[])),
        ..Default::default()
    };
    let der = parts.der();
    assert_eq!(
        response_deviations(&der),
        [
            (
                DeviationKind::ExplicitDefaultVersion,
                "ResponseData.version"
            ),
            (
                DeviationKind::EmptyExtensions,
                "SingleResponse.singleExtensions"
            ),
            (
                DeviationKind::EmptyExtensions,
                "ResponseData.responseExtensions"
            ),
        ]
    );
    assert_eq!(OcspResponse::from_der(&der).unwrap().to_der().unwrap(), der);
}

#[test]
fn duplicate_extensions_are_rejected() {
    let parts = Parts {
        response_extensions: tlv(0xa1, &tlv(0x30, &cat(&[&nonce_ext(), &nonce_ext()]))),
        ..Default::default()
    };
    assert_eq!(kind(parts.parse()), "DuplicateExtension");
}

#[test]
fn too_many_extensions_are_rejected() {
    let mut list = Vec::new();
    for i in 0..=limits::MAX_EXTENSIONS {
        // 1.2.(i+1): distinct OIDs.
        let oid = [0x06, 0x02, 0x2a, (i + 1) as u8 & 0x7f];
        list.extend(extension(&oid, None, &[0x05, 0x00]));
    }
    let parts = Parts {
        response_extensions: tlv(0xa1, &tlv(0x30, &list)),
        ..Default::default()
    };
    assert!(matches!(
        parts.parse(),
        Err(Error::TooManyElements {
            limit: limits::MAX_EXTENSIONS,
            ..
        })
    ));
}

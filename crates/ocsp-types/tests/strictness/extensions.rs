//! Extensions: the critical flag, empty, duplicate and too many
//! extensions, and the deviations listed.

use super::*;

/// `responseExtensions` with one nonce whose `critical` BOOLEAN has the
/// content octet `flag`.
fn critical_nonce(flag: u8) -> Vec<u8> {
    let ext = extension(NONCE_OID, Some(&[0x01, 0x01, flag]), &tlv(0x04, &[1; 8]));
    explicit_extensions(&ext)
}

/// `critical FALSE` encoded (not DER, the DEFAULT) and a BOOLEAN other than
/// 0x00 or 0xff.
#[test]
fn critical_false_and_non_der_booleans_are_rejected() {
    assert_rejected(&[
        (
            F::ResponseExtensions,
            critical_nonce(0x00),
            "DefaultValueEncoded",
        ),
        (
            F::ResponseExtensions,
            critical_nonce(0x01),
            "InvalidBoolean",
        ),
    ]);
}

#[test]
fn critical_true_is_kept() {
    let der = Parts::with(F::ResponseExtensions, critical_nonce(0xff)).der();
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
    for (field, path) in [
        (F::ResponseExtensions, "ResponseData.responseExtensions"),
        (F::SingleExtensions, "SingleResponse.singleExtensions"),
    ] {
        let der = Parts::with(field, explicit_extensions(&[])).der();
        let deviations = response_deviations(&der);
        assert_eq!(deviations, [(DeviationKind::EmptyExtensions, path)]);
        let owned = OcspResponse::from_der(&der).unwrap();
        let tbs = &owned.basic.as_ref().unwrap().tbs_response_data;
        let in_response = matches!(field, F::ResponseExtensions);
        assert_eq!(tbs.extensions.is_empty(), in_response);
        assert_eq!(tbs.empty_extensions_encoded, in_response);
        assert_eq!(tbs.responses[0].empty_extensions_encoded, !in_response);
        assert_eq!(owned.to_der().unwrap(), der);
    }
}

/// Deviations are listed in encoded order, several at once.
#[test]
fn several_deviations_are_listed_in_order() {
    let parts = Parts {
        version: tlv(0xa0, &[0x02, 0x01, 0x00]),
        single_extensions: explicit_extensions(&[]),
        response_extensions: explicit_extensions(&[]),
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
    let twice = explicit_extensions(&cat(&[&nonce_ext(), &nonce_ext()]));
    assert_rejected(&[(F::ResponseExtensions, twice, "DuplicateExtension")]);
}

#[test]
fn too_many_extensions_are_rejected() {
    let mut list = Vec::new();
    for i in 0..=limits::MAX_EXTENSIONS {
        // 1.2.(i+1): distinct OIDs.
        let oid = [0x06, 0x02, 0x2a, (i + 1) as u8 & 0x7f];
        list.extend(extension(&oid, None, &[0x05, 0x00]));
    }
    let parts = Parts::with(F::ResponseExtensions, explicit_extensions(&list));
    assert!(matches!(
        parts.parse(),
        Err(Error::TooManyElements {
            limit: limits::MAX_EXTENSIONS,
            ..
        })
    ));
}

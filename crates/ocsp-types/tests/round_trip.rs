//! Property tests: owned -> DER -> borrowed -> owned is the identity, and the
//! DER re-encodes to itself.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use ocsp_testkit::der::tlv;
use ocsp_types::{
    oid, serial_from_unsigned, AlgorithmIdentifier, BasicOcspResponse, CertId, CertStatus,
    CrlReason, Extension, GeneralName, ObjectIdentifier, OcspRequest, OcspRequestRef, OcspResponse,
    OcspResponseRef, Request, ResponderId, ResponseData, RevokedInfo, Signature, SingleResponse,
    TbsRequest, Time,
};
use proptest::collection::vec;
use proptest::prelude::*;

fn time() -> impl Strategy<Value = Time> {
    (-62_167_219_200i64..=253_402_300_799).prop_map(|t| Time::from_unix(t).unwrap())
}

fn hash_algorithm() -> impl Strategy<Value = AlgorithmIdentifier> {
    (
        prop::sample::select(vec![oid::SHA1, oid::SHA256, oid::SHA384, oid::SHA512]),
        any::<bool>(),
    )
        .prop_map(|(o, null)| {
            if null {
                AlgorithmIdentifier::with_null_parameters(o)
            } else {
                AlgorithmIdentifier::without_parameters(o)
            }
        })
}

fn cert_id() -> impl Strategy<Value = CertId> {
    (
        hash_algorithm(),
        vec(any::<u8>(), 0..65),
        vec(any::<u8>(), 0..65),
        vec(any::<u8>(), 0..21),
    )
        .prop_map(|(hash_algorithm, n, k, serial)| CertId {
            hash_algorithm,
            issuer_name_hash: n,
            issuer_key_hash: k,
            serial_number: serial_from_unsigned(&serial),
        })
}

fn reason() -> impl Strategy<Value = Option<CrlReason>> {
    prop::option::of(
        prop::sample::select(vec![0u64, 1, 2, 3, 4, 5, 6, 8, 9, 10])
            .prop_map(|v| CrlReason::from_value(v).unwrap()),
    )
}

fn cert_status() -> impl Strategy<Value = CertStatus> {
    prop_oneof![
        Just(CertStatus::Good),
        Just(CertStatus::Unknown),
        (time(), reason()).prop_map(|(revocation_time, revocation_reason)| {
            CertStatus::Revoked(RevokedInfo {
                revocation_time,
                revocation_reason,
            })
        }),
    ]
}

/// Up to 4 extensions with distinct OIDs (1.3.6.1.4.1.99999.<i>, plus the nonce).
fn extensions() -> impl Strategy<Value = Vec<Extension>> {
    vec((any::<bool>(), vec(any::<u8>(), 0..40)), 0..4).prop_map(|items| {
        items
            .into_iter()
            .enumerate()
            .map(|(i, (critical, value))| Extension {
                oid: if i == 0 {
                    oid::OCSP_NONCE
                } else {
                    ObjectIdentifier::new_unwrap("1.3.6.1.4.1.99999")
                        .push_arc(i as u32)
                        .unwrap()
                },
                critical,
                value,
            })
            .collect()
    })
}

fn name_der(cn: &str) -> Vec<u8> {
    let atv = tlv(
        0x30,
        &[
            &[0x06, 0x03, 0x55, 0x04, 0x03][..],
            &tlv(0x0c, cn.as_bytes()),
        ]
        .concat(),
    );
    tlv(0x30, &tlv(0x31, &atv))
}

fn responder_id() -> impl Strategy<Value = ResponderId> {
    prop_oneof![
        vec(any::<u8>(), 0..33).prop_map(ResponderId::ByKey),
        "[a-zA-Z0-9 ]{0,40}".prop_map(|cn| ResponderId::ByName(name_der(&cn))),
    ]
}

/// A byte string with the outer shape of a certificate.
fn certificate() -> impl Strategy<Value = Vec<u8>> {
    (vec(any::<u8>(), 0..200), vec(any::<u8>(), 0..64)).prop_map(|(tbs, sig)| {
        let alg = AlgorithmIdentifier::with_null_parameters(oid::SHA256);
        let mut alg_der = Vec::new();
        alg_der.extend(tlv(
            0x30,
            &[&tlv(0x06, alg.oid.as_bytes())[..], &[0x05, 0x00]].concat(),
        ));
        let mut sig_bits = vec![0u8];
        sig_bits.extend(sig);
        tlv(
            0x30,
            &[tlv(0x30, &tlv(0x04, &tbs)), alg_der, tlv(0x03, &sig_bits)].concat(),
        )
    })
}

fn single_response() -> impl Strategy<Value = SingleResponse> {
    (
        cert_id(),
        cert_status(),
        time(),
        prop::option::of(time()),
        extensions(),
        any::<bool>(),
    )
        .prop_map(
            |(cert_id, cert_status, this_update, next_update, extensions, empty)| SingleResponse {
                // The tolerated encodings round-trip too (only meaningful
                // for an empty list).
                empty_extensions_encoded: empty && extensions.is_empty(),
                cert_id,
                cert_status,
                this_update,
                next_update,
                extensions,
            },
        )
}

fn signature_algorithm() -> impl Strategy<Value = AlgorithmIdentifier> {
    prop::sample::select(vec![
        AlgorithmIdentifier::with_null_parameters(ObjectIdentifier::new_unwrap(
            "1.2.840.113549.1.1.11",
        )),
        AlgorithmIdentifier::without_parameters(ObjectIdentifier::new_unwrap(
            "1.2.840.10045.4.3.2",
        )),
    ])
}

fn response() -> impl Strategy<Value = OcspResponse> {
    (
        responder_id(),
        time(),
        vec(single_response(), 0..5),
        extensions(),
        signature_algorithm(),
        vec(any::<u8>(), 0..300),
        prop::option::of(vec(certificate(), 0..3)),
        any::<(bool, bool)>(),
    )
        .prop_map(
            |(responder_id, produced_at, responses, extensions, alg, signature, certs, flags)| {
                OcspResponse::successful(BasicOcspResponse {
                    tbs_response_data: ResponseData {
                        version_encoded: flags.0,
                        empty_extensions_encoded: flags.1 && extensions.is_empty(),
                        responder_id,
                        produced_at,
                        responses,
                        extensions,
                    },
                    signature_algorithm: alg,
                    signature,
                    certs,
                })
            },
        )
}

fn request() -> impl Strategy<Value = OcspRequest> {
    (
        prop::option::of("[a-z]{1,20}".prop_map(|cn| GeneralName::directory_name(&name_der(&cn)))),
        vec((cert_id(), extensions()), 0..5),
        extensions(),
        prop::option::of((
            signature_algorithm(),
            vec(any::<u8>(), 0..100),
            prop::option::of(vec(certificate(), 0..2)),
        )),
        any::<(bool, bool, bool)>(),
    )
        .prop_map(
            |(requestor_name, requests, extensions, sig, flags)| OcspRequest {
                tbs_request: TbsRequest {
                    version_encoded: flags.0,
                    empty_extensions_encoded: flags.1 && extensions.is_empty(),
                    requestor_name,
                    requests: requests
                        .into_iter()
                        .map(|(cert_id, extensions)| Request {
                            empty_extensions_encoded: flags.2 && extensions.is_empty(),
                            cert_id,
                            extensions,
                        })
                        .collect(),
                    extensions,
                },
                signature: sig.map(|(algorithm, signature, certs)| Signature {
                    algorithm,
                    signature,
                    certs,
                }),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn responses_round_trip(original in response()) {
        let der = original.to_der().unwrap();
        let view = OcspResponseRef::parse(&der).unwrap();
        prop_assert_eq!(view.to_owned().unwrap(), original.clone());
        prop_assert_eq!(OcspResponse::from_der(&der).unwrap().to_der().unwrap(), der.clone());
        let basic = view.basic().unwrap();
        let tbs = basic.tbs_response_data();
        prop_assert_eq!(tbs.responses().len(), original.basic.as_ref().unwrap().tbs_response_data.responses.len());
        // The raw tbsResponseData is exactly what the owned form encodes.
        prop_assert_eq!(
            tbs.as_der(),
            &original.basic.as_ref().unwrap().tbs_response_data.to_der().unwrap()[..]
        );
    }

    #[test]
    fn requests_round_trip(original in request()) {
        let der = original.to_der().unwrap();
        let view = OcspRequestRef::parse(&der).unwrap();
        prop_assert_eq!(view.to_owned().unwrap(), original.clone());
        prop_assert_eq!(
            view.tbs_request().as_der(),
            &original.tbs_request.to_der().unwrap()[..]
        );
    }

    #[test]
    fn times_round_trip(t in time()) {
        let single = SingleResponse {
            empty_extensions_encoded: false,
cert_id: CertId {
                hash_algorithm: AlgorithmIdentifier::with_null_parameters(oid::SHA1),
                issuer_name_hash: vec![1; 20],
                issuer_key_hash: vec![2; 20],
                serial_number: vec![1],
            },
            cert_status: CertStatus::Good,
            this_update: t,
            next_update: Some(t),
            extensions: vec![],
        };
        let response = OcspResponse::successful(BasicOcspResponse {
            tbs_response_data: ResponseData {
                version_encoded: false,
                empty_extensions_encoded: false,
responder_id: ResponderId::ByKey(vec![0; 20]),
                produced_at: t,
                responses: vec![single],
                extensions: vec![],
            },
            signature_algorithm: AlgorithmIdentifier::with_null_parameters(oid::SHA1),
            signature: vec![],
            certs: None,
        });
        let der = response.to_der().unwrap();
        prop_assert_eq!(OcspResponse::from_der(&der).unwrap(), response);
    }
}

#[test]
fn owned_values_that_are_not_der_are_refused() {
    let mut cert_id = CertId {
        hash_algorithm: AlgorithmIdentifier::with_null_parameters(oid::SHA1),
        issuer_name_hash: vec![1; 20],
        issuer_key_hash: vec![2; 20],
        serial_number: vec![0, 1],
    };
    assert!(matches!(
        cert_id.to_der(),
        Err(ocsp_types::Error::NonMinimalInteger { .. })
    ));
    cert_id.serial_number = vec![];
    assert!(matches!(
        cert_id.to_der(),
        Err(ocsp_types::Error::EmptyInteger { .. })
    ));
    let bad_name = OcspResponse::successful(BasicOcspResponse {
        tbs_response_data: ResponseData {
            version_encoded: false,
            empty_extensions_encoded: false,
            responder_id: ResponderId::ByName(vec![0x02, 0x01, 0x00]),
            produced_at: Time::from_unix(0).unwrap(),
            responses: vec![],
            extensions: vec![],
        },
        signature_algorithm: AlgorithmIdentifier::with_null_parameters(oid::SHA1),
        signature: vec![],
        certs: Some(vec![vec![0x30, 0x00]]),
    });
    assert!(bad_name.to_der().is_err());
    assert!(Extension::nonce(&[]).is_err());
    assert!(Extension::nonce(&[0; 33]).is_err());
    assert!(Extension::nonce(&[0; 32]).is_ok());
}

//! Resource bounds through the verifier: oversized input and over-long
//! lists are refused by the parser before any hashing or signature work,
//! and surface as `Error::Malformed` with the exact `ocsp_types` variant.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Duration;

use ocsp_testkit::der::tlv;
use ocsp_types::limits::{MAX_ENTRIES, MAX_MESSAGE_LEN};
use ocsp_types::OcspResponse;
use ocsp_verify::{algorithms, Error, Issuer, Subject, UnixTime, Verifier};

const RESPONSE: &[u8] = include_bytes!("../../ocsp-types/tests/data/seed-wikipedia-2017.der");
const NAME: &[u8] = include_bytes!("data/seed-issuer-name.der");
const SPKI: &[u8] = include_bytes!("data/seed-issuer-spki.der");
const SERIAL: &[u8] = &[
    0x10, 0xe6, 0xfc, 0x62, 0xb7, 0x41, 0x8a, 0xd5, 0x00, 0x5e, 0x45, 0xb6,
];
/// 2017-08-15T00:00:00Z
const GOOD_TIME: u64 = 1_502_755_200;

fn verify(response: &[u8]) -> Result<ocsp_verify::Status, Error> {
    Verifier::new(algorithms::ALL)
        .verify(
            response,
            Subject::Serial(SERIAL),
            Issuer::NameAndKey {
                subject: NAME,
                spki: SPKI,
            },
            UnixTime::since_unix_epoch(Duration::from_secs(GOOD_TIME)),
            None,
        )
        .map(|v| v.status)
}

#[test]
fn the_seed_verifies() {
    assert_eq!(verify(RESPONSE).unwrap(), ocsp_verify::Status::Good);
}

/// 10 MB: refused as `InputTooLarge` before parsing.
#[test]
fn ten_megabytes_is_input_too_large() {
    let mut big = RESPONSE.to_vec();
    big.resize(10_000_000, 0);
    assert_eq!(
        verify(&big).unwrap_err(),
        Error::Malformed(ocsp_types::Error::InputTooLarge {
            len: 10_000_000,
            limit: MAX_MESSAGE_LEN
        })
    );
}

/// An unsigned response from the seed's responder (byKey, the seed's key
/// hash) with `n` small `good` single responses for the seed's serial
/// (SHA-1 CertID with empty hashes: parsing does not judge their length).
fn response_with(n: usize) -> Vec<u8> {
    let time = tlv(0x18, b"20170814134102Z");
    let cert_id = tlv(
        0x30,
        &[
            tlv(0x30, &tlv(0x06, &[0x2b, 0x0e, 0x03, 0x02, 0x1a])),
            tlv(0x04, &[]),
            tlv(0x04, &[]),
            tlv(0x02, SERIAL),
        ]
        .concat(),
    );
    let single = tlv(0x30, &[cert_id, vec![0x80, 0x00], time.clone()].concat());
    let singles: Vec<u8> = std::iter::repeat_n(single.as_slice(), n)
        .flatten()
        .copied()
        .collect();
    // The seed's ResponderID (byKey), as the seed encodes it.
    let key_id = RESPONSE[37..37 + 24].to_vec();
    assert_eq!(&key_id[..4], &[0xa2, 0x16, 0x04, 0x14]);
    let tbs = tlv(0x30, &[key_id, time, tlv(0x30, &singles)].concat());
    let sha256_rsa = tlv(
        0x30,
        &[
            tlv(
                0x06,
                &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b],
            ),
            vec![0x05, 0x00],
        ]
        .concat(),
    );
    let basic = tlv(0x30, &[tbs, sha256_rsa, tlv(0x03, &[0x00; 257])].concat());
    let bytes = tlv(
        0x30,
        &[
            tlv(
                0x06,
                &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01],
            ),
            tlv(0x04, &basic),
        ]
        .concat(),
    );
    tlv(0x30, &[vec![0x0a, 0x01, 0x00], tlv(0xa0, &bytes)].concat())
}

/// 16 384 single responses parse, and the verifier gets as far as the
/// signature checks (no candidate signer verifies this unsigned response);
/// 16 385 are `TooManyElements`, refused before any signature work.
#[test]
fn single_responses_at_and_over_the_limit() {
    let at = response_with(MAX_ENTRIES);
    assert!(at.len() <= MAX_MESSAGE_LEN);
    assert_eq!(
        OcspResponse::from_der(&at)
            .unwrap()
            .basic
            .unwrap()
            .tbs_response_data
            .responses
            .len(),
        MAX_ENTRIES
    );
    let e = verify(&at).unwrap_err();
    assert!(!matches!(e, Error::Malformed(_)), "{e:?}");

    let over = response_with(MAX_ENTRIES + 1);
    assert!(over.len() <= MAX_MESSAGE_LEN);
    match verify(&over).unwrap_err() {
        Error::Malformed(ocsp_types::Error::TooManyElements { limit, .. }) => {
            assert_eq!(limit, MAX_ENTRIES);
        }
        other => panic!("expected Malformed(TooManyElements), got {other:?}"),
    }
}

//! The Wikipedia/GlobalSign response of August 2017 (delegated responder,
//! RSA SHA-256, nonce), against its issuer's Name and key.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Duration;

use ocsp_types::OcspResponseRef;
use ocsp_verify::{
    algorithms, Error, Issuer, Policy, Responder, Status, Subject, Time, UnixTime, Verifier,
};

const RESPONSE: &[u8] = include_bytes!("../../ocsp-types/tests/data/seed-wikipedia-2017.der");
const NAME: &[u8] = include_bytes!("data/seed-issuer-name.der");
const SPKI: &[u8] = include_bytes!("data/seed-issuer-spki.der");
const SERIAL: &[u8] = &[
    0x10, 0xe6, 0xfc, 0x62, 0xb7, 0x41, 0x8a, 0xd5, 0x00, 0x5e, 0x45, 0xb6,
];
const NONCE: &[u8] = &[
    0xf8, 0x68, 0x3d, 0x2c, 0x1f, 0xea, 0x62, 0xff, 0xcc, 0xa1, 0x88, 0x9e, 0x51, 0xef, 0xc9, 0x05,
];
/// 2017-08-15T00:00:00Z
const GOOD_TIME: u64 = 1_502_755_200;
/// tbsResponseData: offset and length (FACTS.md).
const TBS: std::ops::Range<usize> = 34..34 + 194;
/// The byKey ResponderID's 20 octets (`a2 16 04 14` at the start of the tbs + 3).
const KEY_HASH: std::ops::Range<usize> = 34 + 3 + 4..34 + 3 + 4 + 20;

fn at(secs: u64) -> UnixTime {
    UnixTime::since_unix_epoch(Duration::from_secs(secs))
}

fn issuer() -> Issuer<'static> {
    Issuer::NameAndKey {
        subject: NAME,
        spki: SPKI,
    }
}

fn verify_with(
    verifier: &Verifier<'_>,
    response: &[u8],
    secs: u64,
    nonce: Option<&[u8]>,
) -> Result<Status, Error> {
    verifier
        .verify(response, Subject::Serial(SERIAL), issuer(), at(secs), nonce)
        .map(|v| v.status)
}

#[test]
fn good_at_2017_08_15_via_the_delegated_responder() {
    let verifier = Verifier::new(algorithms::ALL);
    let v = verifier
        .verify(
            RESPONSE,
            Subject::Serial(SERIAL),
            issuer(),
            at(GOOD_TIME),
            None,
        )
        .unwrap();
    assert_eq!(v.status, Status::Good);
    let Responder::Delegated { certificate } = v.responder else {
        panic!("expected the delegated responder, got {:?}", v.responder);
    };
    assert_eq!(certificate, &RESPONSE[512..]);
    assert_eq!(v.this_update.to_string(), "2017-08-14T13:41:02Z");
    assert_eq!(v.next_update.unwrap().to_string(), "2017-08-18T13:41:02Z");
    assert_eq!(v.produced_at.to_string(), "2017-08-14T13:41:02Z");
    assert_eq!(v.cert_id.serial_number(), SERIAL);
    assert_eq!(v.valid_until.as_secs(), 1_503_063_662);
    // Leading zero octets of a serial do not matter.
    let mut padded = vec![0, 0];
    padded.extend_from_slice(SERIAL);
    let v2 = verifier
        .verify(
            RESPONSE,
            Subject::Serial(&padded),
            issuer(),
            at(GOOD_TIME),
            None,
        )
        .unwrap();
    assert_eq!(v2.status, Status::Good);
}

#[test]
fn expired_on_2017_08_19_and_not_yet_valid_on_2017_08_13() {
    let verifier = Verifier::new(algorithms::ALL);
    let at_civil = |day, hour, minute, second| Time::from_civil(2017, 8, day, hour, minute, second);
    for (secs, want) in [
        (
            1_503_100_800,
            Error::Expired {
                next_update: at_civil(18, 13, 41, 2).unwrap(),
            },
        ),
        (
            1_502_582_400,
            Error::NotYetValid {
                this_update: at_civil(14, 13, 41, 2).unwrap(),
            },
        ),
    ] {
        assert_eq!(
            verify_with(&verifier, RESPONSE, secs, None),
            Err(want),
            "{secs}"
        );
    }
}

#[test]
fn other_serial_has_no_matching_response() {
    let r = Verifier::new(algorithms::ALL).verify(
        RESPONSE,
        Subject::Serial(&[0x10, 0xe6]),
        issuer(),
        at(GOOD_TIME),
        None,
    );
    assert_eq!(r.err(), Some(Error::NoMatchingResponse));
}

#[test]
fn every_flipped_tbs_byte_is_refused() {
    let verifier = Verifier::new(algorithms::ALL);
    let (mut signature, mut malformed, mut responder) = (0, 0, 0);
    for i in TBS {
        for mask in [0x01u8, 0xff] {
            let mut bad = RESPONSE.to_vec();
            bad[i] ^= mask;
            let got = verify_with(&verifier, &bad, GOOD_TIME, None);
            let want = match OcspResponseRef::parse(&bad) {
                Err(e) => {
                    malformed += 1;
                    Error::Malformed(e)
                }
                Ok(_) if KEY_HASH.contains(&i) => {
                    responder += 1;
                    Error::NoAuthorizedResponder
                }
                Ok(_) => {
                    signature += 1;
                    Error::InvalidSignature
                }
            };
            assert_eq!(got, Err(want), "byte {i} ^ {mask:#04x}");
        }
    }
    println!("tbs flips: {signature} InvalidSignature, {malformed} Malformed, {responder} NoAuthorizedResponder");
    assert_eq!(signature + malformed + responder, 2 * 194);
    assert!(signature > 100 && malformed > 10);
}

#[test]
fn nonce_must_match() {
    let verifier = Verifier::new(algorithms::ALL);
    assert!(verify_with(&verifier, RESPONSE, GOOD_TIME, Some(NONCE)).is_ok());
    let mut other = NONCE.to_vec();
    for i in 0..NONCE.len() {
        other[i] ^= 0x01;
        assert_eq!(
            verify_with(&verifier, RESPONSE, GOOD_TIME, Some(&other)),
            Err(Error::NonceMismatch)
        );
        other[i] ^= 0x01;
    }
    for wrong in [&NONCE[..15], &[NONCE, &[0]].concat()[..], &[0x42][..]] {
        assert_eq!(
            verify_with(&verifier, RESPONSE, GOOD_TIME, Some(wrong)),
            Err(Error::NonceMismatch)
        );
    }
    let requiring = verifier.with_policy(Policy {
        require_nonce: true,
        ..Policy::default()
    });
    assert!(verify_with(&requiring, RESPONSE, GOOD_TIME, Some(NONCE)).is_ok());
    assert_eq!(
        verify_with(&requiring, RESPONSE, GOOD_TIME, None),
        Err(Error::NonceMissing)
    );
}

#[test]
fn sha1_refusal_does_not_touch_sha256() {
    let verifier = Verifier::new(algorithms::ALL).with_policy(Policy {
        allow_sha1_signatures: false,
        ..Policy::default()
    });
    assert!(verify_with(&verifier, RESPONSE, GOOD_TIME, None).is_ok());
}

#[test]
fn without_the_algorithm_it_is_unsupported() {
    let only_ecdsa = [algorithms::ECDSA_P256_SHA256];
    let verifier = Verifier::new(&only_ecdsa);
    assert_eq!(
        verify_with(&verifier, RESPONSE, GOOD_TIME, None),
        Err(Error::UnsupportedSignatureAlgorithm {
            oid: Some(const_oid_sha256_rsa())
        })
    );
}

fn const_oid_sha256_rsa() -> ocsp_types::ObjectIdentifier {
    ocsp_types::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11")
}

//! Property tests: GET URL round trips and CertID matching.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ocsp_request::{
    decode_get_url, encode_get_url, CertIdMatcher, CertIdMatcherRef, HashAlgorithm, Nonce,
    PreparedIssuer, RequestBuilder,
};
use ocsp_testkit::der::tlv;
use ocsp_types::{AlgorithmIdentifier, CertId, CertIdRef, Extension};
use proptest::prelude::*;

/// `CN=<cn>` as a DER Name.
fn name(cn: &str) -> Vec<u8> {
    let atv = [tlv(0x06, &[0x55, 0x04, 0x03]), tlv(0x0c, cn.as_bytes())].concat();
    tlv(0x30, &tlv(0x31, &tlv(0x30, &atv)))
}

/// An id-ecPublicKey P-256 SubjectPublicKeyInfo around arbitrary key bits.
fn spki(key: &[u8]) -> Vec<u8> {
    let alg = [
        tlv(0x06, &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]),
        tlv(0x06, &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]),
    ]
    .concat();
    let bits = [&[0u8][..], key].concat();
    tlv(0x30, &[tlv(0x30, &alg), tlv(0x03, &bits)].concat())
}

fn hash_algorithm() -> impl Strategy<Value = HashAlgorithm> {
    prop::sample::select(HashAlgorithm::ALL.to_vec())
}

prop_compose! {
    fn issuer()(cn in "[A-Za-z0-9 .-]{1,64}", key in prop::collection::vec(any::<u8>(), 1..300))
        -> PreparedIssuer {
        PreparedIssuer::from_name_and_spki(&name(&cn), &spki(&key)).unwrap()
    }
}

prop_compose! {
    /// A serial number magnitude (leading zeros allowed).
    fn magnitude()(m in prop::collection::vec(any::<u8>(), 0..22)) -> Vec<u8> { m }
}

prop_compose! {
    fn cert_id()(issuer in issuer(), serial in magnitude(), alg in hash_algorithm()) -> CertId {
        CertIdMatcher::from_unsigned_serial(issuer, &serial).cert_id(alg)
    }
}

prop_compose! {
    fn request_der()(
        ids in prop::collection::vec(cert_id(), 1..4),
        nonce in prop::option::of(prop::collection::vec(any::<u8>(), 1..=32)),
        revoke in any::<bool>(),
    ) -> Vec<u8> {
        let mut b = RequestBuilder::new();
        for id in ids {
            b.cert_id(id);
        }
        if let Some(n) = nonce {
            b.nonce(Nonce::new(&n).unwrap());
        }
        if revoke {
            b.extension(Extension::extended_revoke());
        }
        b.build().unwrap().to_der().unwrap()
    }
}

fn responder_url() -> impl Strategy<Value = String> {
    "https?://[a-z]{1,12}(\\.[a-z]{2,8}){0,2}(:[0-9]{2,5})?(/[A-Za-z0-9._~-]{1,10}){0,3}/?"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn get_url_round_trip(der in request_der(), base in responder_url()) {
        let url = encode_get_url(&base, &der);
        prop_assert!(url.starts_with(base.trim_end_matches('/')));
        prop_assert!(url.bytes().all(|b| b.is_ascii_graphic()));
        let tail = &url[base.trim_end_matches('/').len()..];
        prop_assert!(tail.starts_with('/') && !tail[1..].contains(['/', '+', '=']));
        prop_assert_eq!(decode_get_url(&url).unwrap(), der.clone());

        // Unescaped and unpadded, as some clients send it.
        let mangled = url.replace("%2F", "/").replace("%2B", "+").replace("%3D", "");
        prop_assert_eq!(decode_get_url(&mangled).unwrap(), der.clone());
        // Lowercase escapes and a query string.
        let lower = format!("{}?x=1", url.replace("%2F", "%2f").replace("%2B", "%2b"));
        prop_assert_eq!(decode_get_url(&lower).unwrap(), der);
    }

    #[test]
    fn decode_get_url_never_panics(s in "\\PC{0,300}") {
        let _ = decode_get_url(&s);
    }

    #[test]
    fn decode_get_url_never_panics_on_urlish(s in "(https?://[a-z.]{0,10})?[/A-Za-z0-9+%=_-]{0,200}") {
        let _ = decode_get_url(&s);
    }

    #[test]
    fn cert_id_matches_under_every_algorithm(
        issuer in issuer(),
        serial in magnitude(),
        request_alg in hash_algorithm(),
        response_alg in hash_algorithm(),
        zeros in 0usize..3,
    ) {
        let matcher = CertIdMatcher::from_unsigned_serial(issuer.clone(), &serial);
        // The responder may answer under another algorithm than the request's.
        let _request_id = matcher.cert_id(request_alg);
        let der = matcher.cert_id(response_alg).to_der().unwrap();
        let id = CertIdRef::parse(&der).unwrap();
        prop_assert_eq!(matcher.matches(&id), Ok(true));
        prop_assert_eq!(issuer.matches(&id), Ok(true));
        // The borrowed matchers, built both ways, agree.
        prop_assert_eq!(matcher.as_borrowed().matches(&id), Ok(true));
        let borrowed = CertIdMatcherRef::from_unsigned_serial(issuer.as_borrowed(), &serial);
        prop_assert_eq!(borrowed.matches(&id), Ok(true));
        prop_assert_eq!(borrowed.to_owned(), matcher.clone());
        let by_integer = CertIdMatcherRef::new(issuer.as_borrowed(), id.serial_number()).unwrap();
        prop_assert_eq!(by_integer.matches(&id), Ok(true));

        // The serial by value: leading zeros do not matter.
        let padded = [vec![0u8; zeros], serial.clone()].concat();
        prop_assert!(ocsp_request::serial_matches_unsigned(id.serial_number(), &padded));
        let again = CertIdMatcher::from_unsigned_serial(issuer.clone(), &padded);
        prop_assert_eq!(again.matches(&id), Ok(true));
        let again = CertIdMatcherRef::from_unsigned_serial(issuer.as_borrowed(), &padded);
        prop_assert_eq!(again.matches(&id), Ok(true));

        // Absent parameters are read as well as NULL ones.
        let mut owned = id.to_owned().unwrap();
        owned.hash_algorithm = AlgorithmIdentifier::without_parameters(response_alg.oid());
        let der = owned.to_der().unwrap();
        prop_assert_eq!(matcher.matches(&CertIdRef::parse(&der).unwrap()), Ok(true));
    }

    #[test]
    fn flipped_byte_does_not_match(
        issuer in issuer(),
        serial in magnitude(),
        alg in hash_algorithm(),
        field in 0usize..3,
        index in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let matcher = CertIdMatcher::from_unsigned_serial(issuer, &serial);
        let mut id = matcher.cert_id(alg);
        let target = match field {
            0 => &mut id.issuer_name_hash,
            1 => &mut id.issuer_key_hash,
            _ => &mut id.serial_number,
        };
        let i = index.index(target.len());
        target[i] ^= flip;
        match id.to_der() {
            Ok(der) => {
                let parsed = CertIdRef::parse(&der).unwrap();
                prop_assert_eq!(matcher.matches(&parsed), Ok(false));
                prop_assert_eq!(matcher.as_borrowed().matches(&parsed), Ok(false));
            }
            // A flipped serial can be a non-minimal INTEGER: not even DER.
            Err(e) => prop_assert!(field == 2, "{e}"),
        }
    }

    #[test]
    fn other_issuer_does_not_match(a in issuer(), b in issuer(), serial in magnitude(), alg in hash_algorithm()) {
        prop_assume!(a.name_der() != b.name_der() || a.public_key() != b.public_key());
        let der = CertIdMatcher::from_unsigned_serial(a, &serial).cert_id(alg).to_der().unwrap();
        let id = CertIdRef::parse(&der).unwrap();
        prop_assert_eq!(CertIdMatcherRef::from_unsigned_serial(b.as_borrowed(), &serial).matches(&id), Ok(false));
        prop_assert_eq!(CertIdMatcher::from_unsigned_serial(b, &serial).matches(&id), Ok(false));
    }
}

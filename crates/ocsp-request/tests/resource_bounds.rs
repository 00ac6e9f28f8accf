//! Resource bounds of `decode_get_url`: it tries every `/`-separated suffix
//! of the path (quadratic work), so it refuses input over
//! `MAX_DECODED_GET_URL_LEN` before looking at it. No timing assertions.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ocsp_request::{decode_get_url, encode_get_url, Error, GetUrlError, MAX_DECODED_GET_URL_LEN};

fn too_long(url: &str) {
    match decode_get_url(url) {
        Err(Error::InvalidGetUrl(GetUrlError::TooLong { len, limit })) => {
            assert_eq!(len, url.len());
            assert_eq!(limit, MAX_DECODED_GET_URL_LEN);
        }
        other => panic!("expected TooLong, got {other:?}"),
    }
}

/// A 1 MiB URL: refused as too long, whatever it holds.
#[test]
fn one_mebibyte_url_is_too_long() {
    let mut url = String::from("http://ocsp.example.com/");
    while url.len() < 1 << 20 {
        url.push_str("MEUw/");
    }
    url.truncate(1 << 20);
    assert_eq!(url.len(), 1 << 20);
    too_long(&url);
}

/// One byte over the limit is refused; at the limit it is decoded (and, for
/// this text, is no request).
#[test]
fn the_limit_is_exact() {
    let over = "A".repeat(MAX_DECODED_GET_URL_LEN + 1);
    too_long(&over);
    let at = "A".repeat(MAX_DECODED_GET_URL_LEN);
    match decode_get_url(&at) {
        Err(Error::InvalidGetUrl(GetUrlError::NotAnOcspRequest(_))) => {}
        other => panic!("expected NotAnOcspRequest, got {other:?}"),
    }
}

/// The worst shape at the limit: 4096 `/`-separated suffixes that all look
/// like base64. Only the first MAX_GET_URL_CANDIDATES are tried (at most
/// 32 x 8 KiB of decoding), and the input is refused.
#[test]
fn many_suffixes_at_the_limit() {
    let path = "/M".repeat(MAX_DECODED_GET_URL_LEN / 2);
    assert_eq!(path.len(), MAX_DECODED_GET_URL_LEN);
    let e = decode_get_url(&path).unwrap_err();
    assert!(matches!(e, Error::InvalidGetUrl(_)), "{e:?}");
    let percent = "%2F".repeat(MAX_DECODED_GET_URL_LEN / 3);
    let e = decode_get_url(&percent).unwrap_err();
    assert!(matches!(e, Error::InvalidGetUrl(_)), "{e:?}");
}

/// A request behind a path prefix is found when it is among the first
/// MAX_GET_URL_CANDIDATES suffixes, and not beyond.
#[test]
fn a_request_under_a_long_prefix() {
    let request = ocsp_request::RequestBuilder::new()
        .cert_id(
            ocsp_request::cert_id_for_serial(
                &[1],
                include_bytes!("data/wikipedia-issuer-name.der"),
                include_bytes!("data/wikipedia-issuer-spki.der"),
                Default::default(),
            )
            .unwrap(),
        )
        .build()
        .unwrap()
        .to_der()
        .unwrap();
    let tail = encode_get_url("", &request);
    let with_prefix = |segments: usize| format!("http://h{}{tail}", "/p".repeat(segments));
    // The whole path is the first candidate; each prefix segment adds one.
    let found = with_prefix(ocsp_request::MAX_GET_URL_CANDIDATES - 1);
    assert_eq!(decode_get_url(&found).unwrap(), request);
    let beyond = with_prefix(ocsp_request::MAX_GET_URL_CANDIDATES);
    assert!(matches!(
        decode_get_url(&beyond),
        Err(Error::InvalidGetUrl(_))
    ));
}

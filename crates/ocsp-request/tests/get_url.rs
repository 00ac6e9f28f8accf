//! RFC 5019 GET URLs and the GET/POST choice.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use base64ct::{Base64, Encoding};
use ocsp_request::{
    cert_id_for_serial, decode_get_url, encode_get_url, HashAlgorithm, Nonce, RequestBuilder,
    RequestForm, CONTENT_TYPE, MAX_GET_URL_LEN,
};

const NAME: &[u8] = include_bytes!("data/wikipedia-issuer-name.der");
const SPKI: &[u8] = include_bytes!("data/wikipedia-issuer-spki.der");

/// A request with a nonce of `len` copies of `fill`.
fn request(nonce_len: usize, fill: u8) -> Vec<u8> {
    let serial = [
        0x10, 0xe6, 0xfc, 0x62, 0xb7, 0x41, 0x8a, 0xd5, 0x00, 0x5e, 0x45, 0xb6,
    ];
    let mut b = RequestBuilder::new();
    b.cert_id(cert_id_for_serial(&serial, NAME, SPKI, HashAlgorithm::Sha1).unwrap());
    if nonce_len > 0 {
        b.nonce(Nonce::new(&vec![fill; nonce_len]).unwrap());
    }
    b.build().unwrap().to_der().unwrap()
}

/// A request whose GET URL escapes all of `+`, `/` and `=`.
fn request_with_all_escapes() -> (Vec<u8>, String) {
    for len in 1..=32 {
        for fill in [0xff, 0xfb, 0xfe, 0xef, 0xbe, 0x3e, 0xf8] {
            let der = request(len, fill);
            let url = encode_get_url("http://ocsp.example.com", &der);
            if url.contains("%2B") && url.contains("%2F") && url.contains("%3D") {
                return (der, url);
            }
        }
    }
    panic!("no request with all three escapes");
}

#[test]
fn content_type() {
    assert_eq!(CONTENT_TYPE, "application/ocsp-request");
}

#[test]
fn encoding_is_rfc5019() {
    let (der, url) = request_with_all_escapes();
    let b64 = Base64::encode_string(&der);
    assert_eq!(
        url,
        format!(
            "http://ocsp.example.com/{}",
            b64.replace('+', "%2B")
                .replace('/', "%2F")
                .replace('=', "%3D")
        )
    );
    assert!(!url["http://".len()..].contains("//"));
    assert_eq!(decode_get_url(&url).unwrap(), der);
}

#[test]
fn exactly_one_slash() {
    let der = request(0, 0);
    let plain = encode_get_url("http://ocsp.example.com", &der);
    assert_eq!(encode_get_url("http://ocsp.example.com/", &der), plain);
    assert_eq!(encode_get_url("http://ocsp.example.com//", &der), plain);
    let prefixed = encode_get_url("http://ocsp.example.com/ocsp/", &der);
    assert!(prefixed.starts_with("http://ocsp.example.com/ocsp/M"));
    assert_eq!(decode_get_url(&prefixed).unwrap(), der);
}

#[test]
fn mangled_variants_decode() {
    let (der, url) = request_with_all_escapes();
    let path = url.strip_prefix("http://ocsp.example.com").unwrap();
    let b64 = path.strip_prefix('/').unwrap();
    let variants = [
        // As produced.
        url.clone(),
        // Nothing escaped.
        url.replace("%2F", "/")
            .replace("%2B", "+")
            .replace("%3D", "="),
        // Only '/' unescaped (some clients).
        url.replace("%2F", "/"),
        // Lowercase escapes.
        url.replace("%2F", "%2f")
            .replace("%2B", "%2b")
            .replace("%3D", "%3d"),
        // Missing padding.
        url.replace("%3D", ""),
        url.replace("%2F", "/")
            .replace("%2B", "+")
            .replace("%3D", ""),
        // Padding unescaped.
        url.replace("%3D", "="),
        // A path prefix, with and without unescaped slashes.
        format!("http://ocsp.example.com/some/prefix/{b64}"),
        format!(
            "http://ocsp.example.com/some/prefix/{}",
            b64.replace("%2F", "/")
        ),
        // Double slash from a base URL with a trailing slash.
        format!("http://ocsp.example.com//{b64}"),
        // Query string and fragment.
        format!("{url}?cache=no"),
        format!("{url}#frag"),
        format!("{url}?a=b#frag"),
        // Just the path, or just the base64.
        path.to_string(),
        b64.to_string(),
        b64.replace("%2F", "/")
            .replace("%2B", "+")
            .replace("%3D", ""),
        // '+' decoded to a space by a form decoder.
        url.replace("%2B", " "),
        // URL-safe alphabet.
        url.replace("%2B", "-").replace("%2F", "_"),
        // Escaped letters, and a port.
        format!("http://ocsp.example.com:8080/%4D{}", &b64[1..]),
        // Line breaks inside the base64 (old encoders wrap at 64/76).
        format!("http://ocsp.example.com/{}%0A{}", &b64[..10], &b64[10..]),
        // https.
        url.replace("http://", "https://"),
    ];
    for v in &variants {
        assert_eq!(decode_get_url(v).as_deref(), Ok(&der[..]), "{v}");
    }
}

#[test]
fn get_post_flips_at_255() {
    let mut saw_flip = 0;
    for nonce_len in [0, 1, 8, 16, 20, 32] {
        let der = request(nonce_len, 0xa5);
        // "/" plus the encoded request.
        let suffix = encode_get_url("", &der).len();
        for base_len in "http://x".len()..300 {
            let base = format!("http://{}", "o".repeat(base_len - "http://".len()));
            let total = base.len() + suffix;
            match RequestForm::choose(&base, &der) {
                RequestForm::Get(url) => {
                    assert!(total <= MAX_GET_URL_LEN);
                    assert_eq!(url.len(), total);
                    assert_eq!(decode_get_url(&url).unwrap(), der);
                    if total == MAX_GET_URL_LEN {
                        saw_flip += 1;
                    }
                }
                RequestForm::Post(body) => {
                    assert!(total > MAX_GET_URL_LEN, "{total}");
                    assert_eq!(body, der);
                    // The long URL still round-trips.
                    let url = encode_get_url(&base, &der);
                    assert_eq!(url.len(), total);
                    assert_eq!(decode_get_url(&url).unwrap(), der);
                }
            }
        }
    }
    assert!(saw_flip >= 1);
}

#[test]
fn just_under_and_just_over() {
    let der = request(32, 0x5a);
    let suffix = encode_get_url("", &der).len();
    assert!(suffix < 200, "{suffix}");
    let base_255 = format!(
        "http://{}",
        "a".repeat(MAX_GET_URL_LEN - suffix - "http://".len())
    );
    let base_256 = format!("{base_255}b");
    let base_254 = format!(
        "http://{}",
        "a".repeat(MAX_GET_URL_LEN - 1 - suffix - "http://".len())
    );

    let RequestForm::Get(url) = RequestForm::choose(&base_254, &der) else {
        panic!("254 bytes must be GET")
    };
    assert_eq!(url.len(), 254);
    let RequestForm::Get(url) = RequestForm::choose(&base_255, &der) else {
        panic!("255 bytes must be GET")
    };
    assert_eq!(url.len(), 255);
    assert_eq!(decode_get_url(&url).unwrap(), der);
    assert_eq!(
        RequestForm::choose(&base_256, &der),
        RequestForm::Post(der.clone())
    );
    // The trailing slash does not count twice.
    assert_eq!(
        RequestForm::choose(&format!("{base_255}/"), &der),
        RequestForm::Get(url)
    );
}

//! `ocsp_request::decode_get_url` on arbitrary UTF-8 text: never panics,
//! refuses anything over `MAX_DECODED_GET_URL_LEN`, and whatever it returns
//! is a DER `OCSPRequest` (strict borrowed parse and owned `from_der`), which
//! `encode_get_url` turns back into a URL that decodes to the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    ocsp_fuzz::check_get_url(text);
});

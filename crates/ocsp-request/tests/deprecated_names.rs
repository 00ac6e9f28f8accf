//! The old name still compiles, as a deprecated alias of the new one.
#![allow(deprecated)]

#[test]
fn transport_is_request_form() {
    let form = ocsp_request::Transport::choose("http://ocsp.example.com", &[0x30, 0x00]);
    assert!(matches!(form, ocsp_request::RequestForm::Get(_)));
    assert_eq!(ocsp_request::DEFAULT_NONCE_LEN, 32);
}

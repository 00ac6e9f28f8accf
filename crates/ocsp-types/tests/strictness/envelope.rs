//! The envelope: response status, responseBytes and the response type.

use super::*;

#[test]
fn undefined_response_status_is_rejected() {
    for value in [4u8, 7, 0x7f] {
        let parts = Parts::with(F::Status, vec![0x0a, 0x01, value]);
        assert!(matches!(
            parts.parse(),
            Err(Error::UndefinedResponseStatus { value: v, .. }) if v == u64::from(value)
        ));
    }
    assert_rejected(&[(F::Status, vec![0x0a, 0x01, 0xff], "IntegerOutOfRange")]);
}

#[test]
fn every_defined_status_parses() {
    for status in [
        ResponseStatus::MalformedRequest,
        ResponseStatus::InternalError,
        ResponseStatus::TryLater,
        ResponseStatus::SigRequired,
        ResponseStatus::Unauthorized,
    ] {
        let der = tlv(0x30, &[0x0a, 0x01, status.value()]);
        let parsed = OcspResponseRef::parse(&der).unwrap();
        assert_eq!(parsed.status(), status);
        assert!(parsed.basic().is_none());
        assert_eq!(OcspResponse::error(status).to_der().unwrap(), der);
    }
}

#[test]
fn successful_without_response_bytes_is_rejected() {
    let der = tlv(0x30, &[0x0a, 0x01, 0x00]);
    assert_eq!(
        OcspResponseRef::parse(&der),
        Err(Error::MissingResponseBytes)
    );
    assert_eq!(
        OcspResponse {
            status: ResponseStatus::Successful,
            basic: None
        }
        .to_der(),
        Err(Error::MissingResponseBytes)
    );
}

#[test]
fn error_status_with_response_bytes_is_rejected() {
    assert_rejected(&[(F::Status, vec![0x0a, 0x01, 0x03], "UnexpectedResponseBytes")]);
}

#[test]
fn non_basic_response_type_is_unsupported() {
    // id-pkix-ocsp-nonce used as a response type.
    let parts = Parts::with(F::ResponseType, NONCE_OID.to_vec());
    assert_eq!(
        parts.parse(),
        Err(Error::UnsupportedResponseType {
            oid: Some(ocsp_types::oid::OCSP_NONCE)
        })
    );
}

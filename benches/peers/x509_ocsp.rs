//! RustCrypto's `x509-ocsp` (the published 0.2 line, on der 0.7 and
//! x509-cert 0.2) as a peer of the parse bench: an owned decode of the
//! OCSPResponse, then of the BasicOCSPResponse in its responseBytes
//! (embedded certificates decoded as `x509_cert::Certificate`s).

use der07::Decode;
use x509_ocsp::{BasicOcspResponse, OcspResponse, OcspResponseStatus};

/// Decodes `der` down to the BasicOCSPResponse.
pub fn parse(der: &[u8]) -> Option<BasicOcspResponse> {
    let response = OcspResponse::from_der(der).ok()?;
    if response.response_status != OcspResponseStatus::Successful {
        return None;
    }
    BasicOcspResponse::from_der(response.response_bytes?.response.as_bytes()).ok()
}

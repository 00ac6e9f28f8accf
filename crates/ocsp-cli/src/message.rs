//! Telling an OCSP response from a request.

use ocsp_types::{Error, OcspRequestRef, OcspResponseRef};

/// A parsed OCSP message of either kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message<'a> {
    /// An `OCSPResponse`.
    Response(OcspResponseRef<'a>),
    /// An `OCSPRequest`.
    Request(OcspRequestRef<'a>),
}

/// Parses `der` as a response, else as a request.
///
/// When neither parses, the error is the one of the parser whose structure
/// the input resembles: a request when the outer SEQUENCE starts with a
/// SEQUENCE (`tbsRequest`), a response otherwise (whose first element is the
/// ENUMERATED `responseStatus`).
pub fn parse_message(der: &[u8]) -> Result<Message<'_>, Error> {
    let response_error = match OcspResponseRef::parse(der) {
        Ok(response) => return Ok(Message::Response(response)),
        Err(e) => e,
    };
    match OcspRequestRef::parse(der) {
        Ok(request) => Ok(Message::Request(request)),
        Err(request_error) if looks_like_request(der) => Err(request_error),
        Err(_) => Err(response_error),
    }
}

/// Whether the first element inside the outer SEQUENCE is a SEQUENCE.
///
/// Not a TLV reader: it runs only on input both strict parsers refused
/// (truncated, BER, garbage), so it peeks at the identifier and length
/// octets without asking for a whole, valid element, which
/// `ocsp_types::der::Reader` would refuse.
fn looks_like_request(der: &[u8]) -> bool {
    const SEQUENCE: u8 = 0x30;
    let (Some(&SEQUENCE), Some(&length)) = (der.first(), der.get(1)) else {
        return false;
    };
    // Short form, indefinite (0x80) or long form with `n` length octets.
    let contents_at = if length > 0x80 {
        2 + usize::from(length & 0x7f)
    } else {
        2
    };
    der.get(contents_at) == Some(&SEQUENCE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resemblance() {
        assert!(looks_like_request(&[0x30, 0x02, 0x30, 0x00]));
        assert!(looks_like_request(&[0x30, 0x81, 0x80, 0x30]));
        assert!(looks_like_request(&[0x30, 0x80, 0x30, 0x00]));
        assert!(!looks_like_request(&[0x30, 0x03, 0x0a, 0x01, 0x00]));
        assert!(!looks_like_request(&[0x30]));
        assert!(!looks_like_request(&[]));
    }

    #[test]
    fn unauthorized_is_a_response() {
        assert!(matches!(
            parse_message(&[0x30, 0x03, 0x0a, 0x01, 0x06]),
            Ok(Message::Response(_))
        ));
    }
}

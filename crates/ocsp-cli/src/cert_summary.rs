//! The subject, issuer and serial number of an embedded certificate.
//!
//! Inspection shows what it can: `x509-cert` decodes the certificate when it
//! is well formed; otherwise the three fields are dug out of
//! `tbsCertificate` by position, and whatever cannot be found is `None`.

use der::Decode;
use x509_cert::Certificate;

use crate::format::{name_or_hex, serial_hex};

/// What inspection shows of a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CertSummary {
    /// The subject, as an RFC 4514 string (hex when it cannot be shown).
    pub subject: Option<String>,
    /// The issuer, as an RFC 4514 string (hex when it cannot be shown).
    pub issuer: Option<String>,
    /// The serial number, as [`serial_hex`] shows it.
    pub serial: Option<String>,
    /// Why `x509-cert` refused the certificate, if it did.
    pub decode_error: Option<String>,
}

impl CertSummary {
    /// Summarises the DER of a certificate; never fails.
    pub fn of(cert_der: &[u8]) -> Self {
        match Certificate::from_der(cert_der) {
            Ok(cert) => {
                let tbs = cert.tbs_certificate();
                CertSummary {
                    subject: der::Encode::to_der(tbs.subject())
                        .ok()
                        .map(|d| name_or_hex(&d)),
                    issuer: der::Encode::to_der(tbs.issuer())
                        .ok()
                        .map(|d| name_or_hex(&d)),
                    serial: Some(serial_hex(tbs.serial_number().as_bytes())),
                    decode_error: None,
                }
            }
            Err(e) => {
                let fields = TbsFields::find(cert_der);
                CertSummary {
                    subject: fields.subject.map(name_or_hex),
                    issuer: fields.issuer.map(name_or_hex),
                    serial: fields.serial.map(serial_hex),
                    decode_error: Some(e.to_string()),
                }
            }
        }
    }
}

/// The raw fields of `tbsCertificate` found by position.
#[derive(Debug, Default)]
struct TbsFields<'a> {
    serial: Option<&'a [u8]>,
    issuer: Option<&'a [u8]>,
    subject: Option<&'a [u8]>,
}

impl<'a> TbsFields<'a> {
    /// `tbsCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber
    /// INTEGER, signature, issuer Name, validity, subject Name, ... }`.
    fn find(cert_der: &'a [u8]) -> Self {
        let mut fields = TbsFields::default();
        let Some((0x30, cert, _)) = read_tlv(cert_der) else {
            return fields;
        };
        let Some((0x30, tbs, _)) = read_tlv(cert) else {
            return fields;
        };
        let mut rest = tbs;
        let mut next = || {
            let (tag, _, raw) = read_tlv(rest)?;
            rest = rest.get(raw.len()..)?;
            Some((tag, raw))
        };
        let mut element = next();
        if let Some((0xa0, _)) = element {
            element = next();
        }
        let Some((0x02, serial_raw)) = element else {
            return fields;
        };
        fields.serial = read_tlv(serial_raw).map(|(_, value, _)| value);
        let _signature = next();
        fields.issuer = next().and_then(|(tag, raw)| (tag == 0x30).then_some(raw));
        let _validity = next();
        fields.subject = next().and_then(|(tag, raw)| (tag == 0x30).then_some(raw));
        fields
    }
}

/// Reads one definite-length TLV at the start of `input`: its tag byte, its
/// value and the whole element.
fn read_tlv(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, after_tag) = input.split_first()?;
    if tag & 0x1f == 0x1f {
        return None;
    }
    let (&first, after_first) = after_tag.split_first()?;
    let (len, after_len) = match first {
        0..=0x7f => (usize::from(first), after_first),
        0x81..=0x84 => {
            let n = usize::from(first & 0x7f);
            let octets = after_first.get(..n)?;
            let len = octets
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
            (len, after_first.get(n..)?)
        }
        _ => return None,
    };
    let value = after_len.get(..len)?;
    let header_len = input.len().checked_sub(after_len.len())?;
    let whole = input.get(..header_len.checked_add(len)?)?;
    Some((tag, value, whole))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn fields_of_a_cert_x509_cert_refuses() {
        // SEQUENCE { SEQUENCE { [0] {INTEGER 2}, INTEGER 00 ff, SEQUENCE {},
        //   Name {}, SEQUENCE {}, Name { CN=a } } } -- no signature.
        let name = [
            0x30, 0x0c, 0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, b'a',
        ];
        let mut tbs = vec![
            0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x02, 0x00, 0xff, 0x30, 0x00,
        ];
        tbs.extend([0x30, 0x00, 0x30, 0x00]);
        tbs.extend(name);
        let mut cert = vec![0x30, u8::try_from(tbs.len() + 2).unwrap(), 0x30];
        cert.push(u8::try_from(tbs.len()).unwrap());
        cert.extend(tbs);
        let summary = CertSummary::of(&cert);
        assert!(summary.decode_error.is_some());
        assert_eq!(summary.serial.as_deref(), Some("ff"));
        assert_eq!(summary.issuer.as_deref(), Some(""));
        assert_eq!(summary.subject.as_deref(), Some("CN=a"));
    }

    #[test]
    fn garbage_gives_nothing() {
        assert_eq!(CertSummary::of(&[0x30, 0x03, 0x02]).serial, None);
        assert_eq!(CertSummary::of(&[]).subject, None);
    }
}

//! The subject, issuer and serial number of an embedded certificate.
//!
//! Inspection shows what it can: `x509-cert` decodes the certificate when it
//! is well formed (and gives the RFC 4514 display its `Name`); otherwise the
//! three fields are dug out of `tbsCertificate` by position with the
//! `ocsp_types::der` reader, and whatever cannot be found is `None`.

use der::Decode;
use ocsp_types::der::{tag, Reader};
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
    ///
    /// Read with the strict `ocsp_types::der` reader, element by element:
    /// what is missing, malformed or of the wrong tag is left `None`, and
    /// nothing after the subject is looked at.
    fn find(cert_der: &'a [u8]) -> Self {
        let mut fields = TbsFields::default();
        let path = "Certificate";
        let Ok(cert) = Reader::new(cert_der).read(tag::SEQUENCE, path) else {
            return fields;
        };
        let Ok(tbs) = cert.contents().read(tag::SEQUENCE, path) else {
            return fields;
        };
        let mut elements = tbs.contents();
        let mut next = || elements.read_any("TBSCertificate").ok();
        let mut element = next();
        if element.is_some_and(|e| e.tag == tag::explicit(0)) {
            element = next();
        }
        let Some(serial) = element.filter(|e| e.tag == tag::INTEGER) else {
            return fields;
        };
        fields.serial = Some(serial.value);
        let _signature = next();
        fields.issuer = next().filter(|e| e.tag == tag::SEQUENCE).map(|e| e.raw);
        let _validity = next();
        fields.subject = next().filter(|e| e.tag == tag::SEQUENCE).map(|e| e.raw);
        fields
    }
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

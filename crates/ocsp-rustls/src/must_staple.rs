//! RFC 7633 TLS Feature ("Must-Staple") detection.

use ocsp_types::{CertificateRef, ObjectIdentifier};

/// id-pe-tlsfeature, 1.3.6.1.5.5.7.1.24 (RFC 7633).
pub const TLS_FEATURE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.24");

/// The TLS extension type `status_request` (RFC 6066), as a TLS Feature.
const STATUS_REQUEST: u8 = 5;

/// Whether the certificate is Must-Staple: it carries the TLS Feature
/// extension and the feature list contains `status_request` (5).
///
/// The extension value (`Features ::= SEQUENCE OF INTEGER`) is read
/// strictly (DER definite minimal lengths, minimal non-negative INTEGERs,
/// nothing trailing). **An extension that does not parse counts as
/// Must-Staple** (fail closed): the CA that signed it meant to say
/// something about stapling, and guessing "nothing" would be the unsafe
/// reading.
pub fn is_must_staple(certificate: &CertificateRef<'_>) -> bool {
    match certificate.extensions().get(&TLS_FEATURE) {
        None => false,
        Some(extension) => features_contain_status_request(extension.value()).unwrap_or(true),
    }
}

/// `None` when the value is not a strict DER `SEQUENCE OF INTEGER`.
fn features_contain_status_request(value: &[u8]) -> Option<bool> {
    let (tag, mut features, rest) = read_tlv(value)?;
    if tag != 0x30 || !rest.is_empty() {
        return None;
    }
    let mut found = false;
    while !features.is_empty() {
        let (tag, integer, rest) = read_tlv(features)?;
        if tag != 0x02 {
            return None;
        }
        match integer {
            [] => return None,
            // Negative.
            [first, ..] if first & 0x80 != 0 => return None,
            // Not minimal.
            [0, second, ..] if second & 0x80 == 0 => return None,
            [STATUS_REQUEST] => found = true,
            _ => {}
        }
        features = rest;
    }
    Some(found)
}

/// Reads one DER TLV: (tag, contents, rest). Single-octet tags, definite
/// minimal lengths of up to two octets (an extension is far smaller).
fn read_tlv(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    if tag & 0x1f == 0x1f {
        return None;
    }
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let (len_octets, rest) = rest.split_at_checked(usize::from(first & 0x7f))?;
        let len = match len_octets {
            [a] => usize::from(*a),
            [a, b] if *a != 0 => usize::from(*a) << 8 | usize::from(*b),
            _ => return None,
        };
        if len < 0x80 {
            return None;
        }
        (len, rest)
    };
    let (contents, rest) = rest.split_at_checked(len)?;
    Some((tag, contents, rest))
}

#[cfg(test)]
mod tests {
    use super::features_contain_status_request as parse;

    #[test]
    fn strict_sequence_of_integer() {
        assert_eq!(parse(&[0x30, 0x03, 0x02, 0x01, 0x05]), Some(true));
        assert_eq!(
            parse(&[0x30, 0x06, 0x02, 0x01, 0x11, 0x02, 0x01, 0x05]),
            Some(true)
        );
        assert_eq!(parse(&[0x30, 0x03, 0x02, 0x01, 0x11]), Some(false));
        assert_eq!(parse(&[0x30, 0x00]), Some(false));
        // 0x0105 is not 5.
        assert_eq!(parse(&[0x30, 0x04, 0x02, 0x02, 0x01, 0x05]), Some(false));
        // Non-minimal 5, negative, empty INTEGER, trailing data, wrong tags,
        // truncation, non-minimal length.
        assert_eq!(parse(&[0x30, 0x04, 0x02, 0x02, 0x00, 0x05]), None);
        assert_eq!(parse(&[0x30, 0x03, 0x02, 0x01, 0xfb]), None);
        assert_eq!(parse(&[0x30, 0x02, 0x02, 0x00]), None);
        assert_eq!(parse(&[0x30, 0x03, 0x02, 0x01, 0x05, 0x00]), None);
        assert_eq!(parse(&[0x31, 0x03, 0x02, 0x01, 0x05]), None);
        assert_eq!(parse(&[0x30, 0x03, 0x04, 0x01, 0x05]), None);
        assert_eq!(parse(&[0x30, 0x04, 0x02, 0x01, 0x05]), None);
        assert_eq!(parse(&[0x30, 0x81, 0x03, 0x02, 0x01, 0x05]), None);
        assert_eq!(parse(&[]), None);
    }
}

//! Showing bytes, serial numbers, names and OIDs as text.

use std::fmt::{self, Write};

use der::Decode;
use ocsp_types::GeneralNameRef;
use x509_cert::name::Name;

/// Lowercase hex without separators.
pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        // Writing to a String cannot fail.
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// A serial number (INTEGER content octets) as lowercase hex of its unsigned
/// big-endian magnitude: the leading `0x00` sign octet is dropped (zero is
/// `00`). A negative serial, which RFC 5280 forbids but which is shown as it
/// is, keeps its two's-complement octets unchanged (e.g. `-1` is `ff`).
pub fn serial_hex(integer: &[u8]) -> String {
    let mut magnitude = integer;
    while let [0, rest @ ..] = magnitude {
        if rest.is_empty() {
            break;
        }
        magnitude = rest;
    }
    hex(magnitude)
}

/// The RFC 4514 string of a DER `Name`, if `x509-cert` can decode and show it.
pub fn name_to_string(name_der: &[u8]) -> Option<String> {
    let name = Name::from_der(name_der).ok()?;
    let mut out = String::new();
    // `Name`'s Display fails on attribute values it cannot re-encode; use
    // `write!` rather than `to_string`, which would panic.
    write!(out, "{name}").ok()?;
    Some(out)
}

/// The RFC 4514 string of a DER `Name`, or its hex when it cannot be shown.
pub fn name_or_hex(name_der: &[u8]) -> String {
    name_to_string(name_der).unwrap_or_else(|| hex(name_der))
}

/// A `GeneralName`: a directoryName as an RFC 4514 string; an rfc822Name,
/// dNSName or URI as its text; anything else (or a directoryName that
/// cannot be shown) as the hex of the GeneralName's DER.
pub fn general_name(name: &GeneralNameRef<'_>) -> String {
    if let Some(text) = name.as_str() {
        return text.to_owned();
    }
    name.directory_name()
        .and_then(|dn| name_to_string(dn.as_der()))
        .unwrap_or_else(|| hex(name.as_der()))
}

/// The kind of a `GeneralName` alternative, as RFC 5280 names it.
pub fn general_name_kind(name: &GeneralNameRef<'_>) -> &'static str {
    match name.choice() {
        0 => "otherName",
        1 => "rfc822Name",
        2 => "dNSName",
        3 => "x400Address",
        4 => "directoryName",
        5 => "ediPartyName",
        6 => "uniformResourceIdentifier",
        7 => "iPAddress",
        8 => "registeredID",
        _ => "unknown",
    }
}

/// A usual name for common hash and signature algorithm OIDs, given dotted.
pub fn algorithm_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "1.2.840.113549.2.5" => "md5",
        "1.3.14.3.2.26" => "sha1",
        "2.16.840.1.101.3.4.2.4" => "sha224",
        "2.16.840.1.101.3.4.2.1" => "sha256",
        "2.16.840.1.101.3.4.2.2" => "sha384",
        "2.16.840.1.101.3.4.2.3" => "sha512",
        "1.2.840.113549.1.1.1" => "rsaEncryption",
        "1.2.840.113549.1.1.4" => "md5WithRSAEncryption",
        "1.2.840.113549.1.1.5" => "sha1WithRSAEncryption",
        "1.2.840.113549.1.1.10" => "rsassaPss",
        "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption",
        "1.2.840.113549.1.1.12" => "sha384WithRSAEncryption",
        "1.2.840.113549.1.1.13" => "sha512WithRSAEncryption",
        "1.2.840.113549.1.1.14" => "sha224WithRSAEncryption",
        "1.2.840.10040.4.3" => "dsa-with-sha1",
        "1.2.840.10045.2.1" => "id-ecPublicKey",
        "1.2.840.10045.4.1" => "ecdsa-with-SHA1",
        "1.2.840.10045.4.3.1" => "ecdsa-with-SHA224",
        "1.2.840.10045.4.3.2" => "ecdsa-with-SHA256",
        "1.2.840.10045.4.3.3" => "ecdsa-with-SHA384",
        "1.2.840.10045.4.3.4" => "ecdsa-with-SHA512",
        "1.3.101.112" => "Ed25519",
        "1.3.101.113" => "Ed448",
        "2.16.840.1.101.3.4.3.17" => "ML-DSA-44",
        "2.16.840.1.101.3.4.3.18" => "ML-DSA-65",
        "2.16.840.1.101.3.4.3.19" => "ML-DSA-87",
        _ => return None,
    })
}

/// An OID (borrowed, owned or dotted) followed by its usual name in
/// parentheses, when there is one.
pub fn algorithm_label(oid: &impl fmt::Display) -> String {
    let dotted = oid.to_string();
    match algorithm_name(&dotted) {
        Some(name) => format!("{name} ({dotted})"),
        None => dotted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials() {
        assert_eq!(serial_hex(&[0x00, 0xa7, 0x0d]), "a70d");
        assert_eq!(serial_hex(&[0x0b, 0xb3]), "0bb3");
        assert_eq!(serial_hex(&[0x00]), "00");
        assert_eq!(serial_hex(&[0xff]), "ff");
        assert_eq!(serial_hex(&[]), "");
    }

    #[test]
    fn bad_name_falls_back_to_hex() {
        assert_eq!(name_or_hex(&[0x31, 0x00]), "3100");
        assert_eq!(name_or_hex(&[0x30, 0x00]), "");
    }
}

//! `serde::Serialize` for the owned values a verdict reports (feature
//! `serde`), for services that put verdicts in their own JSON.
//!
//! Only serialization: a verdict is produced by verification, never read
//! back from JSON. The representations:
//!
//! * [`Time`]: an RFC 3339 string in UTC, e.g. `"2017-08-14T13:41:02Z"`
//!   (its `Display`; seconds precision, as in DER).
//! * [`CrlReason`]: its RFC 5280 name, e.g. `"keyCompromise"`.
//! * [`CertId`]: `{"hash_algorithm": "1.3.14.3.2.26", "issuer_name_hash":
//!   HEX, "issuer_key_hash": HEX, "serial": HEX}`, the OID in dotted
//!   decimal and the octets in lowercase hex (`serial`: the DER INTEGER
//!   content octets, as held by [`CertId::serial_number`]).

use core::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::{CertId, CrlReason, Time};

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Time {
    /// An RFC 3339 string in UTC, e.g. `"2017-08-14T13:41:02Z"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for CrlReason {
    /// The RFC 5280 name, e.g. `"keyCompromise"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for CertId {
    /// `{"hash_algorithm", "issuer_name_hash", "issuer_key_hash", "serial"}`:
    /// the OID in dotted decimal, the octets in lowercase hex.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CertId", 4)?;
        s.serialize_field("hash_algorithm", &Dotted(&self.hash_algorithm.oid))?;
        s.serialize_field("issuer_name_hash", &Hex(&self.issuer_name_hash))?;
        s.serialize_field("issuer_key_hash", &Hex(&self.issuer_key_hash))?;
        s.serialize_field("serial", &Hex(&self.serial_number))?;
        s.end()
    }
}

/// An OID as a dotted-decimal string.
struct Dotted<'a>(&'a crate::ObjectIdentifier);

impl Serialize for Dotted<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// Octets as a lowercase hex string.
struct Hex<'a>(&'a [u8]);

impl fmt::Display for Hex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl Serialize for Hex<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::AlgorithmIdentifier;

    #[test]
    fn time_is_an_rfc3339_utc_string() {
        let t = Time::from_unix(1_502_718_062).unwrap();
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#""2017-08-14T13:41:02Z""#
        );
    }

    #[test]
    fn crl_reason_is_its_rfc5280_name() {
        assert_eq!(
            serde_json::to_string(&CrlReason::CaCompromise).unwrap(),
            r#""cACompromise""#
        );
    }

    #[test]
    fn cert_id_is_dotted_oid_and_lowercase_hex() {
        let id = CertId {
            hash_algorithm: AlgorithmIdentifier::with_null_parameters(crate::oid::SHA1),
            issuer_name_hash: alloc::vec![0xAB, 0x01],
            issuer_key_hash: alloc::vec![0xCD],
            serial_number: alloc::vec![0x00, 0xFF],
        };
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            r#"{"hash_algorithm":"1.3.14.3.2.26","issuer_name_hash":"ab01","issuer_key_hash":"cd","serial":"00ff"}"#
        );
    }
}

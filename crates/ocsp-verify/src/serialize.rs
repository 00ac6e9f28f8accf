//! `serde::Serialize` for [`Status`] (feature `serde`).
//!
//! `{"status": "good"}`, `{"status": "unknown"}`, or `{"status": "revoked",
//! "revocation_time": TIME, "revocation_reason": NAME|null}`: the time an
//! RFC 3339 UTC string, the reason its RFC 5280 name (`null` when the
//! responder gave none). [`Verdict`](crate::Verdict) borrows the response and
//! is not serializable; `ocsp_http::CheckedResponse` is its owned,
//! serializable form.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::Status;

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Status {
    /// `{"status": "good" | "unknown"}`, or `{"status": "revoked",
    /// "revocation_time": "2017-08-14T13:41:02Z", "revocation_reason":
    /// "keyCompromise" | null}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (name, revoked) = match self {
            Status::Good => ("good", None),
            Status::Revoked { time, reason } => ("revoked", Some((time, reason))),
            Status::Unknown => ("unknown", None),
        };
        let mut s = serializer.serialize_struct("Status", if revoked.is_some() { 3 } else { 1 })?;
        s.serialize_field("status", name)?;
        if let Some((time, reason)) = revoked {
            s.serialize_field("revocation_time", time)?;
            s.serialize_field("revocation_reason", reason)?;
        }
        s.end()
    }
}

//! `serde::Serialize` for [`CheckedResponse`] and what it holds (feature
//! `serde`), for services that put verdicts in their own JSON. Only
//! serialization: a [`CheckedResponse`] comes from verification, never from
//! JSON.

use serde::ser::{Error as _, Serialize, SerializeStruct, Serializer};

use ocsp_types::CertId;

use crate::{CheckedResponse, HttpInfo, ResponderKind, Status, Time, UnixTime};

/// One JSON object: the fields of [`Status`] (flattened), then the times,
/// responder, CertID, nonce and HTTP information. Times are RFC 3339 strings
/// in UTC (`fetched_at` and `valid_until` too), octets lowercase hex:
///
/// ```text
/// {"status":"good|revoked|unknown",
///  "revocation_time":TIME,"revocation_reason":NAME|null,   (revoked only)
///  "this_update":TIME,"next_update":TIME|null,"produced_at":TIME,
///  "responder":"issuer|delegated|trusted|unrecognized",
///  "cert_id":{"hash_algorithm":OID,"issuer_name_hash":HEX,
///             "issuer_key_hash":HEX,"serial":HEX},
///  "nonce_echoed":BOOL,"valid_until":TIME,"fetched_at":TIME,
///  "http":{"method":"GET|POST","url":URL,"cache_control":TEXT|null,
///          "etag":TEXT|null,"expires":TEXT|null,"last_modified":TEXT|null,
///          "max_age":SECONDS|null}}
/// ```
///
/// The DER response and a delegated responder's certificate are not
/// included (keep [`CheckedResponse::der`] as bytes, to staple or save).
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for CheckedResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct View<'a> {
            #[serde(flatten)]
            status: &'a Status,
            this_update: &'a Time,
            next_update: &'a Option<Time>,
            produced_at: &'a Time,
            responder: &'a ResponderKind,
            cert_id: &'a CertId,
            nonce_echoed: bool,
            valid_until: Rfc3339,
            fetched_at: Rfc3339,
            http: &'a HttpInfo,
        }
        View {
            status: &self.status,
            this_update: &self.this_update,
            next_update: &self.next_update,
            produced_at: &self.produced_at,
            responder: &self.responder,
            cert_id: &self.cert_id,
            nonce_echoed: self.nonce_echoed,
            valid_until: Rfc3339(self.valid_until),
            fetched_at: Rfc3339(self.fetched_at),
            http: &self.http,
        }
        .serialize(serializer)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for ResponderKind {
    /// Its [`ResponderKind::name`]: `"issuer"`, `"delegated"`, `"trusted"`
    /// or `"unrecognized"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for HttpInfo {
    /// `{"method", "url", "cache_control", "etag", "expires",
    /// "last_modified", "max_age"}`: the headers as received (`null` when
    /// absent), `max_age` in whole seconds.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("HttpInfo", 7)?;
        s.serialize_field("method", self.method.as_str())?;
        s.serialize_field("url", &self.url)?;
        s.serialize_field("cache_control", &self.cache_control)?;
        s.serialize_field("etag", &self.etag)?;
        s.serialize_field("expires", &self.expires)?;
        s.serialize_field("last_modified", &self.last_modified)?;
        s.serialize_field("max_age", &self.max_age.map(|d| d.as_secs()))?;
        s.end()
    }
}

/// A [`UnixTime`] as an RFC 3339 UTC string, like [`Time`].
struct Rfc3339(UnixTime);

impl Serialize for Rfc3339 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let time = i64::try_from(self.0.as_secs())
            .ok()
            .and_then(Time::from_unix)
            .ok_or_else(|| S::Error::custom("a time after the year 9999"))?;
        time.serialize(serializer)
    }
}

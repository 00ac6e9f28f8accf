//! `ResponderID` (RFC 6960 4.2.1), both faces.

use alloc::vec::Vec;

use crate::asn1::reader::{explicit_inner, Reader};
use crate::asn1::{tag, writer};
use crate::error::Error;
use crate::name::NameRef;

/// A borrowed `ResponderID`.
///
/// ```text
/// ResponderID ::= CHOICE {
///    byName   [1] Name,
///    byKey    [2] KeyHash }
/// KeyHash ::= OCTET STRING -- SHA-1 hash of responder's public key
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResponderIdRef<'a> {
    /// The responder's subject Name.
    ByName(NameRef<'a>),
    /// SHA-1 of the responder's subjectPublicKey BIT STRING contents. Its
    /// length is not checked here; the verifier refuses one that is not 20 octets.
    ByKey(&'a [u8]),
}

const PATH: &str = "ResponseData.responderID";

impl<'a> ResponderIdRef<'a> {
    pub(crate) fn read(r: &mut Reader<'a>) -> Result<Self, Error> {
        let tlv = r.read_any(PATH)?;
        match tlv.tag {
            t if t == tag::explicit(1) => {
                let inner = explicit_inner(&tlv, tag::SEQUENCE, PATH)?;
                Ok(ResponderIdRef::ByName(NameRef::decode(&inner, PATH)?))
            }
            t if t == tag::explicit(2) => {
                let inner = explicit_inner(&tlv, tag::OCTET_STRING, PATH)?;
                Ok(ResponderIdRef::ByKey(inner.value))
            }
            found => Err(Error::UnexpectedTag {
                expected: tag::explicit(1),
                found,
                at: tlv.at(PATH),
            }),
        }
    }

    /// The owned form.
    pub fn to_owned(&self) -> ResponderId {
        match self {
            ResponderIdRef::ByName(name) => ResponderId::ByName(name.as_der().to_vec()),
            ResponderIdRef::ByKey(hash) => ResponderId::ByKey(hash.to_vec()),
        }
    }
}

/// An owned `ResponderID`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ResponderId {
    /// The DER of the responder's subject Name.
    ByName(Vec<u8>),
    /// SHA-1 of the responder's subjectPublicKey BIT STRING contents.
    ByKey(Vec<u8>),
}

impl ResponderId {
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        match self {
            ResponderId::ByName(name) => writer::tlv(out, tag::explicit(1), name),
            ResponderId::ByKey(hash) => writer::nested(out, tag::explicit(2), |out| {
                writer::tlv(out, tag::OCTET_STRING, hash);
            }),
        }
    }
}

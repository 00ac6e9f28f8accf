//! Strict DER: the reader, the primitive decoders, the writer, times and OIDs.

pub(crate) mod primitives;
pub(crate) mod reader;
pub(crate) mod writer;

pub mod oid;
pub mod time;

/// Tag bytes used by RFC 6960 and RFC 5280 (class, constructed bit and number).
pub mod tag {
    /// Universal BOOLEAN.
    pub const BOOLEAN: u8 = 0x01;
    /// Universal INTEGER.
    pub const INTEGER: u8 = 0x02;
    /// Universal BIT STRING.
    pub const BIT_STRING: u8 = 0x03;
    /// Universal OCTET STRING.
    pub const OCTET_STRING: u8 = 0x04;
    /// Universal NULL.
    pub const NULL: u8 = 0x05;
    /// Universal OBJECT IDENTIFIER.
    pub const OID: u8 = 0x06;
    /// Universal ENUMERATED.
    pub const ENUMERATED: u8 = 0x0a;
    /// Universal IA5String.
    pub const IA5_STRING: u8 = 0x16;
    /// Universal UTCTime.
    pub const UTC_TIME: u8 = 0x17;
    /// Universal GeneralizedTime.
    pub const GENERALIZED_TIME: u8 = 0x18;
    /// Universal SEQUENCE (constructed).
    pub const SEQUENCE: u8 = 0x30;
    /// Universal SET (constructed).
    pub const SET: u8 = 0x31;

    /// `[n]` context-specific, constructed (EXPLICIT tagging, or IMPLICIT of a constructed type).
    pub const fn explicit(n: u8) -> u8 {
        0xa0 | n
    }

    /// `[n]` context-specific, primitive (IMPLICIT of a primitive type).
    pub const fn implicit_primitive(n: u8) -> u8 {
        0x80 | n
    }
}

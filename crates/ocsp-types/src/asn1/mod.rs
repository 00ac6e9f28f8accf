//! Strict DER: the reader, the primitive decoders, the writer, times and OIDs.

pub(crate) mod primitives;
pub(crate) mod reader;
pub(crate) mod writer;

pub mod oid;
pub mod time;

/// Tag bytes used by RFC 6960 and RFC 5280 (class, constructed bit and number).
pub(crate) mod tag {
    pub const BOOLEAN: u8 = 0x01;
    pub const INTEGER: u8 = 0x02;
    pub const BIT_STRING: u8 = 0x03;
    pub const OCTET_STRING: u8 = 0x04;
    pub const NULL: u8 = 0x05;
    pub const OID: u8 = 0x06;
    pub const ENUMERATED: u8 = 0x0a;
    pub const IA5_STRING: u8 = 0x16;
    pub const UTC_TIME: u8 = 0x17;
    pub const GENERALIZED_TIME: u8 = 0x18;
    pub const SEQUENCE: u8 = 0x30;
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

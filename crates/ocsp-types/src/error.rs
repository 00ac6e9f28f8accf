//! The one error type of this crate.

use core::fmt;

use const_oid::ObjectIdentifier;

/// Where in the input a decoding error was found.
///
/// `offset` is the byte offset, from the start of the bytes handed to the
/// parser, of the element (tag byte) or byte at fault; `path` names the
/// ASN.1 field in RFC 6960 terms, e.g.
/// `"BasicOCSPResponse.tbsResponseData.responses.certID.serialNumber"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Position {
    /// Byte offset from the start of the input.
    pub offset: usize,
    /// The ASN.1 field being decoded.
    pub path: &'static str,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "byte {} ({})", self.offset, self.path)
    }
}

/// Every reason this crate refuses a byte string or a value.
///
/// Each variant is one rule of DER or of RFC 6960; decoding errors say where
/// they happened. Callers can match on the variant; the `Display` text is for
/// people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than [`crate::limits::MAX_MESSAGE_LEN`].
    #[error("input of {len} bytes is larger than the limit of {limit} bytes")]
    InputTooLarge {
        /// Length of the input.
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// The input ended inside an element (a header or a value runs past the end).
    #[error("truncated element at {at}")]
    Truncated {
        /// Where.
        at: Position,
    },
    /// A required field is absent: its SEQUENCE ended too early.
    #[error("missing required field at {at}")]
    MissingField {
        /// Where.
        at: Position,
    },
    /// BER indefinite length (`0x80`), which DER forbids.
    #[error("indefinite length (BER) at {at}")]
    IndefiniteLength {
        /// Where.
        at: Position,
    },
    /// A length not encoded in the fewest possible bytes.
    #[error("non-minimal length encoding at {at}")]
    NonMinimalLength {
        /// Where.
        at: Position,
    },
    /// A length field of more than four bytes or the reserved form `0xFF`.
    #[error("unsupported length encoding at {at}")]
    UnsupportedLength {
        /// Where.
        at: Position,
    },
    /// A high-tag-number identifier (tag number 31 or more), never used by OCSP.
    #[error("high tag number form at {at}")]
    HighTagNumber {
        /// Where.
        at: Position,
    },
    /// An element with a tag other than the one the schema requires here. BER
    /// constructed strings land here too (their tag has the constructed bit).
    #[error("unexpected tag 0x{found:02x} (expected 0x{expected:02x}) at {at}")]
    UnexpectedTag {
        /// The tag byte the schema requires (the first one, for a CHOICE).
        expected: u8,
        /// The tag byte found.
        found: u8,
        /// Where.
        at: Position,
    },
    /// Bytes after the end of an element whose content should be complete.
    #[error("trailing data at {at}")]
    TrailingData {
        /// Where the unexpected bytes start.
        at: Position,
    },
    /// An INTEGER or ENUMERATED with no content octets.
    #[error("empty INTEGER at {at}")]
    EmptyInteger {
        /// Where.
        at: Position,
    },
    /// An INTEGER or ENUMERATED with redundant leading `0x00` or `0xFF` octets.
    #[error("non-minimal INTEGER at {at}")]
    NonMinimalInteger {
        /// Where.
        at: Position,
    },
    /// An INTEGER or ENUMERATED that is negative or too large for its field.
    #[error("INTEGER out of range at {at}")]
    IntegerOutOfRange {
        /// Where.
        at: Position,
    },
    /// A BOOLEAN that is not one octet of `0x00` or `0xFF`.
    #[error("invalid BOOLEAN at {at}")]
    InvalidBoolean {
        /// Where.
        at: Position,
    },
    /// A field equal to its DEFAULT was encoded (e.g. `version v1`, `critical FALSE`).
    #[error("DEFAULT value explicitly encoded at {at}")]
    DefaultValueEncoded {
        /// Where.
        at: Position,
    },
    /// A version other than v1 (the only one RFC 6960 defines).
    #[error("unsupported version {version} at {at}")]
    UnsupportedVersion {
        /// The version number as encoded (v1 is 0).
        version: u64,
        /// Where.
        at: Position,
    },
    /// A malformed OBJECT IDENTIFIER.
    #[error("invalid OBJECT IDENTIFIER at {at}")]
    InvalidOid {
        /// Where.
        at: Position,
    },
    /// A NULL with content.
    #[error("invalid NULL at {at}")]
    InvalidNull {
        /// Where.
        at: Position,
    },
    /// A malformed BIT STRING (bad unused-bits count, non-zero padding bits,
    /// or unused bits where whole octets are required).
    #[error("invalid BIT STRING at {at}")]
    InvalidBitString {
        /// Where.
        at: Position,
    },
    /// A GeneralizedTime not of the form `YYYYMMDDHHMMSSZ` (RFC 5280 4.1.2.5.2),
    /// or not a real date and time.
    #[error("invalid GeneralizedTime at {at}")]
    InvalidTime {
        /// Where.
        at: Position,
    },
    /// A character string with characters outside its type (e.g. IA5String).
    #[error("invalid character string at {at}")]
    InvalidString {
        /// Where.
        at: Position,
    },
    /// A Name that is not a SEQUENCE OF non-empty SET OF AttributeTypeAndValue.
    #[error("invalid Name at {at}")]
    InvalidName {
        /// Where.
        at: Position,
    },
    /// A certificate whose inner and outer signature algorithms differ
    /// (RFC 5280 4.1.1.2).
    #[error("certificate signature algorithms differ at {at}")]
    SignatureAlgorithmMismatch {
        /// Where (the inner `signature` field).
        at: Position,
    },
    /// A `responseStatus` value that RFC 6960 does not define (4 is unused).
    #[error("undefined responseStatus {value} at {at}")]
    UndefinedResponseStatus {
        /// The value.
        value: u64,
        /// Where.
        at: Position,
    },
    /// `responseStatus` is `successful` but there is no `responseBytes`.
    #[error("successful response without responseBytes")]
    MissingResponseBytes,
    /// An error `responseStatus` with `responseBytes` present (RFC 6960 4.2.1
    /// says they are not set).
    #[error("responseBytes present in a non-successful response at {at}")]
    UnexpectedResponseBytes {
        /// Where.
        at: Position,
    },
    /// A `responseType` other than id-pkix-ocsp-basic.
    #[error("unsupported responseType {}", DisplayOid(oid))]
    UnsupportedResponseType {
        /// The type, when it fits in [`ObjectIdentifier`].
        oid: Option<ObjectIdentifier>,
    },
    /// A CRLReason value that RFC 5280 does not define (7 is unused).
    #[error("undefined CRLReason {value} at {at}")]
    UndefinedCrlReason {
        /// The value.
        value: u64,
        /// Where.
        at: Position,
    },
    /// An `Extensions` with no extension (it is `SIZE (1..MAX)`).
    ///
    /// No longer returned by the parser: an empty `Extensions` is accepted
    /// as [`crate::DeviationKind::EmptyExtensions`], as mozilla::pkix and
    /// rustls-webpki accept it. Kept so that callers matching it still build.
    #[error("empty Extensions at {at}")]
    EmptyExtensions {
        /// Where.
        at: Position,
    },
    /// The same extension OID twice in one `Extensions`.
    #[error("duplicate extension at {at}")]
    DuplicateExtension {
        /// Where (the second occurrence).
        at: Position,
    },
    /// More elements than [`crate::limits`] allows in a list.
    #[error("more than {limit} elements at {at}")]
    TooManyElements {
        /// The limit.
        limit: usize,
        /// Where.
        at: Position,
    },
    /// A GeneralName with a tag outside `[0]`..`[8]` or the wrong form.
    #[error("invalid GeneralName at {at}")]
    InvalidGeneralName {
        /// Where.
        at: Position,
    },
    /// An extension whose value does not decode as its OID says.
    #[error("invalid extension value at {at}")]
    InvalidExtensionValue {
        /// Where.
        at: Position,
    },
    /// A nonce outside the 1 to 32 octets of RFC 8954.
    #[error("nonce of {len} octets (RFC 8954 allows 1 to 32)")]
    InvalidNonceLength {
        /// The length.
        len: usize,
    },
    /// An OBJECT IDENTIFIER too long for [`ObjectIdentifier`] (owned types only).
    #[error("OBJECT IDENTIFIER too long for the owned representation")]
    OidTooLong,
    /// A value that cannot be encoded (e.g. a time outside years 0000-9999,
    /// an empty serial, an empty extension list).
    #[error("value cannot be encoded: {what}")]
    Unencodable {
        /// What.
        what: &'static str,
    },
}

/// Shows the OID an error variant holds: dotted (`1.3.6.1.5.5.7.48.1.1`),
/// or `(OID too long to show)` when it did not fit in [`ObjectIdentifier`].
///
/// The one display of such OIDs for the error types of every crate of the
/// workspace (`ocsp-request`, `ocsp-verify` hold `Option<ObjectIdentifier>`
/// fields too).
#[derive(Debug, Clone, Copy)]
pub struct DisplayOid<'a>(pub &'a Option<ObjectIdentifier>);

impl fmt::Display for DisplayOid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(oid) => write!(f, "{oid}"),
            None => f.write_str("(OID too long to show)"),
        }
    }
}

impl Error {
    /// Where the error was found, for decoding errors.
    pub fn position(&self) -> Option<Position> {
        use Error::*;
        match *self {
            Truncated { at }
            | MissingField { at }
            | IndefiniteLength { at }
            | NonMinimalLength { at }
            | UnsupportedLength { at }
            | HighTagNumber { at }
            | UnexpectedTag { at, .. }
            | TrailingData { at }
            | EmptyInteger { at }
            | NonMinimalInteger { at }
            | IntegerOutOfRange { at }
            | InvalidBoolean { at }
            | DefaultValueEncoded { at }
            | UnsupportedVersion { at, .. }
            | InvalidOid { at }
            | InvalidNull { at }
            | InvalidBitString { at }
            | InvalidTime { at }
            | InvalidString { at }
            | InvalidName { at }
            | SignatureAlgorithmMismatch { at }
            | UndefinedResponseStatus { at, .. }
            | UnexpectedResponseBytes { at }
            | UndefinedCrlReason { at, .. }
            | EmptyExtensions { at }
            | DuplicateExtension { at }
            | TooManyElements { at, .. }
            | InvalidGeneralName { at }
            | InvalidExtensionValue { at } => Some(at),
            InputTooLarge { .. }
            | MissingResponseBytes
            | UnsupportedResponseType { .. }
            | InvalidNonceLength { .. }
            | OidTooLong
            | Unencodable { .. } => None,
        }
    }

    /// The variant's name, stable, for logs and machine-readable output.
    pub fn kind(&self) -> &'static str {
        /// Each variant's name, from the one list.
        macro_rules! names {
            ($($variant:ident),+ $(,)?) => {
                match self {
                    $(Error::$variant { .. } => stringify!($variant),)+
                }
            };
        }
        names!(
            InputTooLarge,
            Truncated,
            MissingField,
            IndefiniteLength,
            NonMinimalLength,
            UnsupportedLength,
            HighTagNumber,
            UnexpectedTag,
            TrailingData,
            EmptyInteger,
            NonMinimalInteger,
            IntegerOutOfRange,
            InvalidBoolean,
            DefaultValueEncoded,
            UnsupportedVersion,
            InvalidOid,
            InvalidNull,
            InvalidBitString,
            InvalidTime,
            InvalidString,
            InvalidName,
            SignatureAlgorithmMismatch,
            UndefinedResponseStatus,
            MissingResponseBytes,
            UnexpectedResponseBytes,
            UnsupportedResponseType,
            UndefinedCrlReason,
            EmptyExtensions,
            DuplicateExtension,
            TooManyElements,
            InvalidGeneralName,
            InvalidExtensionValue,
            InvalidNonceLength,
            OidTooLong,
            Unencodable,
        )
    }
}

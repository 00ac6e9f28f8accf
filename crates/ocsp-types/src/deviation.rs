//! The harmless deviations from DER and RFC 5280 / RFC 6960 that the parser
//! accepts, and how to list them.
//!
//! Each one is accepted because careful peers accept it and real responders
//! or CAs produce it (the peer is named at the code that accepts it and in
//! `docs/COMPATIBILITY.md`). None of them changes what the bytes mean.
//!
//! Parsing stays allocation-free: a parsed view remembers where it met a
//! deviation (an offset in a field it already had to keep), and
//! `deviations()` ([`crate::OcspResponseRef::deviations`],
//! [`crate::OcspRequestRef::deviations`],
//! [`crate::CertificateRef::deviations`]) walks the view again on demand,
//! yielding [`Deviation`]s without allocating.

use core::fmt;

use crate::error::Position;

/// What kind of deviation was accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DeviationKind {
    /// `version [0] EXPLICIT INTEGER 0` (v1, the DEFAULT) encoded in
    /// `ResponseData` or `TBSRequest`; DER leaves a DEFAULT value out.
    ExplicitDefaultVersion,
    /// An `Extensions` SEQUENCE with no element (RFC 5280 says `SIZE (1..MAX)`).
    EmptyExtensions,
    /// `critical BOOLEAN DEFAULT FALSE` encoded as FALSE in a certificate
    /// extension.
    ExplicitNonCritical,
    /// A certificate's keyUsage BIT STRING with trailing zero bits or a
    /// trailing zero octet (DER drops trailing zero bits of a named bit list).
    PaddedKeyUsage,
    /// A certificate's `serialNumber` INTEGER that is not minimally encoded
    /// (or empty).
    NonMinimalSerialNumber,
    /// A certificate extension this library does not use, present twice.
    DuplicateUnusedExtension,
}

impl DeviationKind {
    /// The variant's name, e.g. `"ExplicitDefaultVersion"` (stable: `ocsp
    /// inspect --json` prints it).
    pub fn name(&self) -> &'static str {
        match self {
            DeviationKind::ExplicitDefaultVersion => "ExplicitDefaultVersion",
            DeviationKind::EmptyExtensions => "EmptyExtensions",
            DeviationKind::ExplicitNonCritical => "ExplicitNonCritical",
            DeviationKind::PaddedKeyUsage => "PaddedKeyUsage",
            DeviationKind::NonMinimalSerialNumber => "NonMinimalSerialNumber",
            DeviationKind::DuplicateUnusedExtension => "DuplicateUnusedExtension",
        }
    }

    /// What the deviation is, for people.
    pub fn description(&self) -> &'static str {
        match self {
            DeviationKind::ExplicitDefaultVersion => "version v1 (the DEFAULT) encoded explicitly",
            DeviationKind::EmptyExtensions => "empty Extensions SEQUENCE",
            DeviationKind::ExplicitNonCritical => "critical FALSE (the DEFAULT) encoded explicitly",
            DeviationKind::PaddedKeyUsage => "keyUsage with trailing zero bits",
            DeviationKind::NonMinimalSerialNumber => "serialNumber not a minimal INTEGER",
            DeviationKind::DuplicateUnusedExtension => "an unused extension present twice",
        }
    }
}

/// One accepted deviation: what, and where (offset from the start of the
/// bytes handed to the parser, and the ASN.1 field).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Deviation {
    /// What was accepted.
    pub kind: DeviationKind,
    /// Where.
    pub at: Position,
}

impl Deviation {
    pub(crate) fn new(kind: DeviationKind, offset: usize, path: &'static str) -> Self {
        Deviation {
            kind,
            at: Position { offset, path },
        }
    }
}

impl fmt::Display for Deviation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at {}: {}",
            self.kind,
            self.at,
            self.kind.description()
        )
    }
}

display_name!(DeviationKind);

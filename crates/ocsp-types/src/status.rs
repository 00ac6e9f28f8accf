//! `OCSPResponseStatus`, `CertStatus`, `RevokedInfo` and `CRLReason`.

use crate::asn1::time::Time;

/// `OCSPResponseStatus` (RFC 6960 4.2.1): all six defined values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResponseStatus {
    /// 0: the response has valid confirmations.
    Successful,
    /// 1: illegal confirmation request.
    MalformedRequest,
    /// 2: internal error in the issuer.
    InternalError,
    /// 3: try again later.
    TryLater,
    /// 5: the request must be signed.
    SigRequired,
    /// 6: the request is unauthorized.
    Unauthorized,
}

impl ResponseStatus {
    /// The ENUMERATED value.
    pub const fn value(self) -> u8 {
        match self {
            ResponseStatus::Successful => 0,
            ResponseStatus::MalformedRequest => 1,
            ResponseStatus::InternalError => 2,
            ResponseStatus::TryLater => 3,
            ResponseStatus::SigRequired => 5,
            ResponseStatus::Unauthorized => 6,
        }
    }

    /// The status for an ENUMERATED value, if defined (4 is not).
    pub const fn from_value(value: u64) -> Option<Self> {
        Some(match value {
            0 => ResponseStatus::Successful,
            1 => ResponseStatus::MalformedRequest,
            2 => ResponseStatus::InternalError,
            3 => ResponseStatus::TryLater,
            5 => ResponseStatus::SigRequired,
            6 => ResponseStatus::Unauthorized,
            _ => return None,
        })
    }

    /// The RFC 6960 name, e.g. `malformedRequest`.
    pub const fn name(self) -> &'static str {
        match self {
            ResponseStatus::Successful => "successful",
            ResponseStatus::MalformedRequest => "malformedRequest",
            ResponseStatus::InternalError => "internalError",
            ResponseStatus::TryLater => "tryLater",
            ResponseStatus::SigRequired => "sigRequired",
            ResponseStatus::Unauthorized => "unauthorized",
        }
    }
}

/// `CRLReason` (RFC 5280 5.3.1): every defined value (7 is not used).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CrlReason {
    /// 0
    Unspecified,
    /// 1
    KeyCompromise,
    /// 2
    CaCompromise,
    /// 3
    AffiliationChanged,
    /// 4
    Superseded,
    /// 5
    CessationOfOperation,
    /// 6
    CertificateHold,
    /// 8
    RemoveFromCrl,
    /// 9
    PrivilegeWithdrawn,
    /// 10
    AaCompromise,
}

impl CrlReason {
    /// The ENUMERATED value.
    pub const fn value(self) -> u8 {
        match self {
            CrlReason::Unspecified => 0,
            CrlReason::KeyCompromise => 1,
            CrlReason::CaCompromise => 2,
            CrlReason::AffiliationChanged => 3,
            CrlReason::Superseded => 4,
            CrlReason::CessationOfOperation => 5,
            CrlReason::CertificateHold => 6,
            CrlReason::RemoveFromCrl => 8,
            CrlReason::PrivilegeWithdrawn => 9,
            CrlReason::AaCompromise => 10,
        }
    }

    /// The reason for an ENUMERATED value, if defined.
    pub const fn from_value(value: u64) -> Option<Self> {
        Some(match value {
            0 => CrlReason::Unspecified,
            1 => CrlReason::KeyCompromise,
            2 => CrlReason::CaCompromise,
            3 => CrlReason::AffiliationChanged,
            4 => CrlReason::Superseded,
            5 => CrlReason::CessationOfOperation,
            6 => CrlReason::CertificateHold,
            8 => CrlReason::RemoveFromCrl,
            9 => CrlReason::PrivilegeWithdrawn,
            10 => CrlReason::AaCompromise,
            _ => return None,
        })
    }

    /// The RFC 5280 name, e.g. `keyCompromise`.
    pub const fn name(self) -> &'static str {
        match self {
            CrlReason::Unspecified => "unspecified",
            CrlReason::KeyCompromise => "keyCompromise",
            CrlReason::CaCompromise => "cACompromise",
            CrlReason::AffiliationChanged => "affiliationChanged",
            CrlReason::Superseded => "superseded",
            CrlReason::CessationOfOperation => "cessationOfOperation",
            CrlReason::CertificateHold => "certificateHold",
            CrlReason::RemoveFromCrl => "removeFromCRL",
            CrlReason::PrivilegeWithdrawn => "privilegeWithdrawn",
            CrlReason::AaCompromise => "aACompromise",
        }
    }
}

/// `RevokedInfo` (RFC 6960 4.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RevokedInfo {
    /// When the certificate was revoked.
    pub revocation_time: Time,
    /// Why, when the responder says.
    pub revocation_reason: Option<CrlReason>,
}

/// `CertStatus` (RFC 6960 4.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertStatus {
    /// `good [0] IMPLICIT NULL`: not revoked (which is all it says).
    Good,
    /// `revoked [1] IMPLICIT RevokedInfo`.
    Revoked(RevokedInfo),
    /// `unknown [2] IMPLICIT UnknownInfo`: the responder does not know.
    Unknown,
}

impl CertStatus {
    /// `good`, `revoked` or `unknown`.
    pub const fn name(&self) -> &'static str {
        match self {
            CertStatus::Good => "good",
            CertStatus::Revoked(_) => "revoked",
            CertStatus::Unknown => "unknown",
        }
    }
}

display_name!(ResponseStatus, CrlReason);
